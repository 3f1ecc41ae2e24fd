"""What a cold `ddexkit validate` of a clean message imports: nothing it does not use.

Issue 5 measures the cold start against a bare lxml + XSD script. Media probes (Pillow,
mutagen), pycountry, isodate, the schema installer's urllib, the worker pool and the packager's
zipfile are each imported only where they are needed; this keeps it so. No time is asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import GOOD_ALBUM, REPO

NOT_NEEDED = ("PIL", "mutagen", "pycountry", "isodate", "urllib.request",
              "concurrent.futures", "multiprocessing", "zipfile", "ddexkit.packager",
              "ddexkit.output.sarif", "ddexkit.output.junit", "ddexkit.autofix")


def test_validating_a_clean_message_imports_only_what_it_uses() -> None:
    code = (
        "import json, runpy, sys\n"
        f"sys.argv = ['ddexkit', 'validate', '--no-config', {str(GOOD_ALBUM)!r}]\n"
        "try:\n    runpy.run_module('ddexkit', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, check=True)
    modules = set(json.loads(done.stdout.splitlines()[-1]))
    assert "ddexkit.engine" in modules
    unneeded = [m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_NEEDED)]
    assert sorted(unneeded) == []
