"""corpus/package/ is what tools/make_sample_package.py writes, and it is clean with its files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import ddexkit
from ddexkit.config import Config
from tests.conftest import OUR_CORPUS, REPO

PACKAGE = OUR_CORPUS / "package"
SCRIPT = REPO / "tools" / "make_sample_package.py"
_COVER_HASH = re.compile(r"(<FileName>cover\.jpg</FileName>\s*<FilePath>resources/</FilePath>"
                         r"\s*<HashSum>\s*<HashSum>)[0-9a-f]{32}")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_script_writes_the_committed_package(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "--output", str(tmp_path)], check=True,
                   capture_output=True)
    made, committed = _files(tmp_path), _files(PACKAGE)
    assert sorted(made) == sorted(committed)
    assert sum(map(len, committed.values())) < 2_000_000
    for name in made:
        if name.endswith(".wav"):
            assert made[name] == committed[name], name
    # Another libjpeg may encode the cover differently; the ERN then differs by its HashSum.
    same_cover = made["resources/cover.jpg"] == committed["resources/cover.jpg"]
    ern_made, ern_committed = (_COVER_HASH.sub(r"\1", files["album.xml"].decode())
                               if not same_cover else files["album.xml"].decode()
                               for files in (made, committed))
    assert ern_made == ern_committed, "run tools/make_sample_package.py and commit the result"
    report = ddexkit.validate(tmp_path / "album.xml", assets=tmp_path,
                              config=Config(ignore=("ERN007",)))
    assert report.files[0].issues == () and report.all_ready


def test_the_committed_package_is_clean_with_its_files() -> None:
    report = ddexkit.validate(PACKAGE / "album.xml", assets=PACKAGE,
                              config=Config(ignore=("ERN007",)))
    assert report.files[0].issues == () and report.all_ready
