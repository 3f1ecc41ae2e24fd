"""Folder walks and asset folders with links: a loop of links is a clear issue or a usage
error (never RuntimeError), a link out of the named folder is not followed, and tools' own
folders (.git, .venv, node_modules, __pycache__) and --exclude globs are skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.inputs import InputError, expand_paths
from tests.rules import builders

from .conftest import GOOD_ALBUM

QUIET = Config(ignore=("ERN007",))


def _names(folder: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    return [s.path.relative_to(folder).as_posix() for s in expand_paths([folder], exclude=exclude)
            if s.path is not None]


def test_tool_folders_are_skipped_and_exclude_globs_apply(tmp_path: Path) -> None:
    for name in ("a.xml", ".git/x.xml", ".venv/lib/y.xml", "node_modules/p/z.xml",
                 "__pycache__/c.xml", "drafts/d.xml", "keep/old.xml", "keep/new.xml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"<x/>")
    assert _names(tmp_path) == ["a.xml", "drafts/d.xml", "keep/new.xml", "keep/old.xml"]
    assert _names(tmp_path, exclude=("drafts", "keep/old*")) == ["a.xml", "keep/new.xml"]


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.xml"
    outside.write_bytes(GOOD_ALBUM.read_bytes())
    folder = tmp_path / "delivery"
    (folder / "sub").mkdir(parents=True)
    (folder / "own.xml").write_bytes(GOOD_ALBUM.read_bytes())
    (folder / "leak.xml").symlink_to(outside)
    (folder / "inside.xml").symlink_to(folder / "own.xml")
    (folder / "sub" / "linked").symlink_to(tmp_path, target_is_directory=True)
    assert _names(folder) == ["inside.xml", "own.xml"]
    notes: list[tuple[Path, str]] = []
    expand_paths([folder], on_skip=lambda path, why: notes.append((path, why)))
    assert notes == [(folder / "leak.xml",
                      f"a link to {outside.resolve()}, outside {folder}; not followed")]
    result = subprocess.run([sys.executable, "-m", "ddexkit", "validate", "--no-config",
                             "--ignore", "ERN007,BAT", str(folder)], capture_output=True,
                            text=True,
                            cwd=tmp_path, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"ddexkit: skipped {folder / 'leak.xml'}: a link to {outside.resolve()}, outside "
        f"{folder}; not followed"]


def test_a_loop_of_links_in_a_walk_is_that_files_issue(tmp_path: Path) -> None:
    (tmp_path / "a.xml").symlink_to(tmp_path / "b.xml")
    (tmp_path / "b.xml").symlink_to(tmp_path / "a.xml")
    (tmp_path / "loop").symlink_to(tmp_path / "loop", target_is_directory=True)
    (tmp_path / "real.xml").write_bytes(b"<x/>")
    assert _names(tmp_path) == ["a.xml", "b.xml", "real.xml"]
    report = ddexkit.validate(tmp_path, config=QUIET)
    assert [[i.code for i in f.issues][:1] for f in report.files[:2]] == [["ERN001"]] * 2


def test_a_loop_of_links_among_the_assets_is_that_files_issue(tmp_path: Path) -> None:
    """Regression: Path.resolve raised RuntimeError out of validate."""
    assets = builders.album_assets(tmp_path / "release")
    cover = assets / "resources" / "cover.jpg"
    cover.unlink()
    cover.symlink_to(assets / "resources" / "cover2.jpg")
    (assets / "resources" / "cover2.jpg").symlink_to(cover)
    ern = assets / "album.xml"
    ern.write_bytes(GOOD_ALBUM.read_bytes())
    (file,) = ddexkit.validate(ern, config=QUIET, assets=assets).files
    messages = [i.message for i in file.issues if i.code == "AST801"]
    assert messages == ["resources/cover.jpg cannot be used: it is a loop of symbolic links; "
                        "ddexkit does not follow it"]


def test_a_loop_given_as_assets_is_a_usage_error(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop, target_is_directory=True)
    ern = tmp_path / "album.xml"
    ern.write_bytes(GOOD_ALBUM.read_bytes())
    with pytest.raises(InputError, match="loop of symbolic links"):
        ddexkit.validate(ern, config=QUIET, assets=loop)
    result = subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", "--assets", str(loop),
         str(ern)], capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "loop of symbolic links" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_exclude_is_repeatable(tmp_path: Path) -> None:
    for name in ("a.xml", "b.xml", "c.xml"):
        (tmp_path / name).write_bytes(GOOD_ALBUM.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", "--ignore", "ERN007",
         "--exclude", "a.*", "--exclude", "c.xml", "--format", "json", str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert '"b.xml' in result.stdout.replace(str(tmp_path) + "/", '"')
    assert "a.xml" not in result.stdout and "c.xml" not in result.stdout


def test_exclude_in_the_configuration_adds_to_the_command_line(tmp_path: Path) -> None:
    for name in ("a.xml", "b.xml", "c.xml"):
        (tmp_path / name).write_bytes(GOOD_ALBUM.read_bytes())
    (tmp_path / "ddexkit.toml").write_text('ignore = ["ERN007"]\nexclude = ["a.*"]\n')
    result = subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--exclude", "c.xml", "--format", "json",
         str(tmp_path)], capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "b.xml" in result.stdout
    assert "a.xml" not in result.stdout and "c.xml" not in result.stdout


def test_exclude_in_the_configuration_must_be_globs(tmp_path: Path) -> None:
    (tmp_path / "ddexkit.toml").write_text('exclude = "a.*"\n')
    (tmp_path / "a.xml").write_bytes(GOOD_ALBUM.read_bytes())
    result = subprocess.run([sys.executable, "-m", "ddexkit", "validate", "a.xml"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=300,
                            check=False)
    assert result.returncode == 2
    assert "'exclude' must be a list of globs" in result.stderr
    assert "Traceback" not in result.stderr
