"""DEA708 names the same release and territory whatever PYTHONHASHSEED is: the first in
document order (it used to depend on set order)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CASE = Path(__file__).parent / "rules" / "cases" / "DEA708" / "bad.xml"
TERRITORIES = ["DE", "FR", "IT", "ES", "NL", "BE", "AT", "PL", "SE", "DK"]


def _message(tmp_path: Path) -> Path:
    many = "".join(f"<TerritoryCode>{code}</TerritoryCode>" for code in TERRITORIES)
    text = CASE.read_text(encoding="utf-8")
    download = text.index("PayAsYouGoModel")
    head, tail = text[:download], text[download:]
    tail = tail.replace("<TerritoryCode>Worldwide</TerritoryCode>", many)
    path = tmp_path / "deals.xml"
    path.write_text(head + tail, encoding="utf-8")
    return path


def test_the_message_does_not_depend_on_hash_order(tmp_path: Path) -> None:
    path = _message(tmp_path)
    outputs = set()
    for seed in ("0", "1", "2", "3", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-m", "ddexkit", "validate", str(path), "--no-config",
             "--select", "DEA708"], capture_output=True, text=True, env=env, check=False)
        lines = [line for line in done.stdout.splitlines() if "DEA708" in line]
        assert len(lines) == 1, done.stdout + done.stderr
        outputs.add(lines[0])
    assert len(outputs) == 1
    assert "(PayAsYouGoModel, PermanentDownload, DE)" in outputs.pop()
