"""ZIP entry names that tools read differently (empty, NUL, backslash, drive letter) or that
land on one file when unpacked (case, Unicode normalisation) are AST817 and never read; one
such ZIP in a batch is that file's issue and the batch report comes out whole."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.inputs import ZipAssets, read_package
from ddexkit.safexml import MAX_MESSAGE_BYTES
from tests.rules import builders

from .conftest import GOOD_ALBUM

QUIET = Config(ignore=("ERN007",))


def _album_zip(folder: Path, *names: str, data: bytes = b"x") -> Path:
    """The clean album as a ZIP, plus entries stored under exactly these names (zipfile
    would refuse or rewrite some of them if asked through writestr's name)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = builders._zip(folder, builders._album_zip_entries(folder))
    with zipfile.ZipFile(path, "a") as archive:
        for name in names:
            info = zipfile.ZipInfo("placeholder", date_time=(1980, 1, 1, 0, 0, 0))
            info.filename = name
            archive.writestr(info, data)
    return path


def _ast817(path: Path) -> list[str]:
    (file,) = ddexkit.validate(path, config=QUIET).files
    assert file.status == "needs_fixes"
    return [issue.message for issue in file.issues if issue.code == "AST817"]


@pytest.mark.parametrize(("name", "message"), [
    ("", "ZIP entry '' has an empty name"),
    ("\0evil.txt", "ZIP entry '\\x00evil.txt' has a NUL character in its name"),
    ("resources\\notes.txt", "ZIP entry 'resources\\\\notes.txt' has a backslash in its name "
     "(a folder separator on Windows)"),
    ("\\evil.txt", "ZIP entry '\\\\evil.txt' has a backslash in its name (a folder separator "
     "on Windows) and has an absolute path"),
    ("C:evil.txt", "ZIP entry 'C:evil.txt' starts with a drive letter"),
    ("c:\\windows\\evil.txt", "ZIP entry 'c:\\\\windows\\\\evil.txt' has a backslash in its "
     "name (a folder separator on Windows) and starts with a drive letter"),
])
def test_names_tools_read_differently(tmp_path: Path, name: str, message: str) -> None:
    """Regression: an empty name (or one starting with NUL, which zipfile reads as empty)
    raised IndexError out of validate."""
    assert _ast817(_album_zip(tmp_path, name)) == [message]


def test_a_nul_cannot_smuggle_a_referenced_file(tmp_path: Path) -> None:
    """'cover.jpg\\0.exe' is 'cover.jpg' to zipfile: it is refused, and so is the real one
    it would shadow, so neither is read as the artwork."""
    path = _album_zip(tmp_path, "resources/cover.jpg\0.exe", data=b"MZ not a cover")
    (file,) = ddexkit.validate(path, config=QUIET).files
    codes = {issue.code for issue in file.issues}
    assert {"AST817", "AST801"} <= codes
    assert not any(issue.code == "AST805" for issue in file.issues)
    store = ZipAssets(read_package(path, MAX_MESSAGE_BYTES))
    try:
        assert store.lookup("resources/cover.jpg").refused
    finally:
        store.close()


def test_names_differing_only_by_case_collide(tmp_path: Path) -> None:
    path = _album_zip(tmp_path, "resources/Cover.jpg")
    assert _ast817(path) == ["ZIP entries 'resources/cover.jpg' and 'resources/Cover.jpg' are "
                             "one file when unpacked: their names differ only by case"]
    store = ZipAssets(read_package(path, MAX_MESSAGE_BYTES))
    try:  # neither is read: which one the ingest would keep is unknowable
        assert store.lookup("resources/cover.jpg").refused
        assert store.lookup("resources/Cover.jpg").refused
    finally:
        store.close()


def test_names_differing_only_by_unicode_normalisation_collide(tmp_path: Path) -> None:
    composed = unicodedata.normalize("NFC", "resources/café.txt")
    decomposed = unicodedata.normalize("NFD", "resources/café.txt")
    assert composed != decomposed
    assert _ast817(_album_zip(tmp_path, composed, decomposed)) == [
        f"ZIP entries {composed!r} and {decomposed!r} are one file when unpacked: their names "
        "differ only by Unicode normalisation"]


def test_two_erns_differing_by_case_are_never_read(tmp_path: Path) -> None:
    path = _album_zip(tmp_path, "Album.xml", data=GOOD_ALBUM.read_bytes())
    assert read_package(path, MAX_MESSAGE_BYTES).message_bytes is None
    assert _ast817(path) == ["ZIP entries 'album.xml' and 'Album.xml' are one file when "
                             "unpacked: their names differ only by case"]


def test_one_bad_zip_in_a_batch_is_that_files_issue(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    good = _album_zip(tmp_path / "a")
    empty = _album_zip(tmp_path / "b", "")
    nul = _album_zip(tmp_path / "c", "\0")
    batch.mkdir()
    for index, source in enumerate((good, empty, nul, good, good)):
        (batch / f"{index}.zip").write_bytes(source.read_bytes())
    (batch / "9.xml").write_bytes(GOOD_ALBUM.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", "--ignore", "ERN007",
         "--jobs", "2", "--format", "json", str(batch)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    files = json.loads(result.stdout)["files"]
    assert [Path(f["path"]).name for f in files] == [
        "0.zip", "1.zip", "2.zip", "3.zip", "4.zip", "9.xml"]
    verdicts = {Path(f["path"]).name: {i["code"] for i in f["issues"]} for f in files}
    assert "AST817" in verdicts["1.zip"] and "AST817" in verdicts["2.zip"]
    assert not any(code.startswith("AST817") for code in verdicts["0.zip"] | verdicts["9.xml"])
