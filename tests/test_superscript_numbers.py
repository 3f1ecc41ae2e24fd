"""``str.isdigit()`` accepts superscripts that ``int()`` refuses: numbers such as
``<SequenceNumber>²</SequenceNumber>`` or ``<ImageWidth>³</ImageWidth>`` once crashed the
summary (outside the rule wrapper) and with it the whole batch. They are faults to report."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.cli import main
from ddexkit.config import Config
from tests.conftest import GOOD_ALBUM

# These tests run without the XSD (ERN007), as on a machine where none is installed.
pytestmark = pytest.mark.usefixtures("no_schema_installed")

ALBUM = GOOD_ALBUM.read_bytes()


@pytest.mark.parametrize(("old", "new"), [
    (b"<SequenceNumber>1</SequenceNumber>", "<SequenceNumber>²</SequenceNumber>".encode()),
    (b"<ImageWidth>3000</ImageWidth>", "<ImageWidth>³</ImageWidth>".encode()),
])
def test_a_superscript_number_is_a_fault_not_a_crash(old: bytes, new: bytes, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert old in ALBUM
    broken = ALBUM.replace(old, new, 1)
    report = ddexkit.validate(broken, config=Config(ignore=("ERN007",)))
    (found,) = report.files
    assert not any("internal error" in i.message for i in found.issues)
    assert found.summary is not None
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.xml").write_bytes(broken)
    (folder / "b.xml").write_bytes(ALBUM)
    assert main(["validate", str(folder), "--no-config", "--no-batch-checks", "--format",
                 "json"]) in (0, 1)
    out = capsys.readouterr().out
    assert out.count('"path"') == 2
