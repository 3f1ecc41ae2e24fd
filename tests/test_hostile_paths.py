"""Hostile paths: huge folders, unreadable files and folders, missing paths, link loops,
pipes and devices named .xml. Each gives a clear issue or a one-line usage error, never a
traceback or a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import ddexkit
from ddexkit.inputs import InputError, expand_paths

from .conftest import GOOD_ALBUM

SMALL_MESSAGE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382" '
    b'MessageSchemaVersionId="ern/382"/>\n'
)


def _run_cli(
    *args: str | Path, cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def _codes(file: ddexkit.FileReport) -> list[str]:
    return [issue.code for issue in file.issues]


def _can_still_read(path: Path) -> bool:
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False


def test_a_folder_with_thousands_of_files(tmp_path: Path) -> None:
    folder = tmp_path / "deliveries"
    count = 2_000
    for number in range(count):
        sub = folder / f"batch{number % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"m{number:05d}.xml").write_bytes(SMALL_MESSAGE)
    (folder / "batch0" / "notes.txt").write_text("not a message", encoding="utf-8")
    (folder / "batch0" / ".hidden.xml").write_bytes(b"junk")

    report = ddexkit.validate(folder)
    assert len(report.files) == count
    paths = [file.path or "" for file in report.files]
    assert paths == sorted(paths)  # folders and names sorted: the same order every run
    assert all(file.status == "needs_fixes" for file in report.files)
    assert all("ERN012" in _codes(file) for file in report.files)

    done = _run_cli("--format", "json", folder, cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["totals"]["files"] == count


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "release.xml"
    with pytest.raises(InputError, match="no such file or directory"):
        ddexkit.validate(missing)
    done = _run_cli(GOOD_ALBUM, missing, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""  # nothing half-reported for the paths that did exist
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("ddexkit: ")
    assert "no such file or directory" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_folder_symlink_to_its_parent_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "album.xml").write_bytes(GOOD_ALBUM.read_bytes())
    (folder / "loop").symlink_to("..", target_is_directory=True)
    (folder / "self").symlink_to(".", target_is_directory=True)
    report = ddexkit.validate(folder)
    assert [file.path for file in report.files] == [str(folder / "album.xml")]


def test_a_file_symlink_loop_is_a_clear_issue(tmp_path: Path) -> None:
    (tmp_path / "a.xml").symlink_to("b.xml")
    (tmp_path / "b.xml").symlink_to("a.xml")
    report = ddexkit.validate(tmp_path)
    assert [Path(f.path or "").name for f in report.files] == ["a.xml", "b.xml"]
    for file in report.files:
        assert _codes(file) == ["ERN001"]
        assert "cannot be read" in file.issues[0].message
        assert "symbolic links" in file.issues[0].message
    done = _run_cli(tmp_path / "a.xml", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "ERN001" in done.stdout


def test_a_dangling_symlink_is_a_clear_issue(tmp_path: Path) -> None:
    (tmp_path / "gone.xml").symlink_to(tmp_path / "deleted.xml")
    (file,) = ddexkit.validate(tmp_path / "gone.xml").files
    assert _codes(file) == ["ERN001"]
    assert "No such file" in file.issues[0].message


def test_an_unreadable_file_for_real(tmp_path: Path) -> None:
    locked = tmp_path / "locked.xml"
    locked.write_bytes(GOOD_ALBUM.read_bytes())
    locked.chmod(0)
    try:
        if _can_still_read(locked):
            pytest.skip("running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not "
                        "stop reading; test_an_unreadable_file_simulated covers it")
        (file,) = ddexkit.validate(locked).files
        assert _codes(file) == ["ERN001"]
        assert "Permission denied" in file.issues[0].message
    finally:
        locked.chmod(0o644)


def _deny(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make ``os.open`` fail with EACCES for files called ``name``, as for a chmod 000 file
    read by a normal user."""
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(os.fsdecode(path)).name == name:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)


def test_an_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("locked.xml", "fine.xml", "locked.zip"):
        (tmp_path / name).write_bytes(SMALL_MESSAGE)
    _deny(monkeypatch, "locked.xml")
    report = ddexkit.validate(tmp_path)
    by_name = {Path(f.path or "").name: f for f in report.files}
    assert set(by_name) == {"fine.xml", "locked.xml", "locked.zip"}
    assert _codes(by_name["locked.xml"]) == ["ERN001"]
    assert by_name["locked.xml"].issues[0].message == (
        "The file cannot be read: Permission denied"
    )
    assert "ERN001" not in _codes(by_name["fine.xml"])
    monkeypatch.undo()
    _deny(monkeypatch, "locked.zip")
    (zip_file,) = ddexkit.validate(tmp_path / "locked.zip").files
    assert _codes(zip_file) == ["ERN001"]
    assert "Permission denied" in zip_file.issues[0].message


def test_an_unlistable_folder_is_never_skipped_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "batch" / "locked"
    locked.mkdir(parents=True)
    (locked / "hidden-from-us.xml").write_bytes(SMALL_MESSAGE)
    real_scandir = os.scandir

    def fake_scandir(path: Any = ".") -> Any:
        if Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    with pytest.raises(InputError, match="locked: cannot list the folder: Permission denied"):
        expand_paths([tmp_path / "batch"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_pipe_named_xml_does_not_hang(tmp_path: Path) -> None:
    # Regression: opening a FIFO blocks until someone writes; ddexkit hung forever on a
    # folder holding one. Now only regular files are read. Run in a child so a
    # regression fails instead of hanging the suite.
    os.mkfifo(tmp_path / "pipe.xml")
    os.mkfifo(tmp_path / "pipe.zip")
    done = _run_cli("--format", "json", tmp_path, cwd=tmp_path, timeout=60)
    assert done.returncode == 1
    files = json.loads(done.stdout)["files"]
    assert len(files) == 2
    for file in files:
        (issue,) = file["issues"]
        assert issue["code"] == "ERN001"
        assert "not a regular file" in issue["message"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_named_xml_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "zero.xml").symlink_to("/dev/zero")
    (file,) = ddexkit.validate(tmp_path / "zero.xml").files
    assert _codes(file) == ["ERN001"]
    assert "not a regular file" in file.issues[0].message
