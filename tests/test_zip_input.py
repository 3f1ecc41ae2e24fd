"""ZIP input: facts about unsafe entries and bombs, nothing extracted, assets checked from the
ZIP itself; --assets folders resolved safely; the third-party asset packages."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.inputs import FolderAssets, read_package
from tests.rules import builders

# These tests run without the XSD (ERN007), as on a machine where none is installed.
pytestmark = pytest.mark.usefixtures("no_schema_installed")

CORPUS = "ern382"
FUGA = ("AudiusProject__audius-protocol/packages/ddex/ingester/e2e_test/fixtures/batch/fuga/"
        "20240305090206405/8718857546047")
DEDEX = "miqwit__dedex/tests/samples/with_assets"


def _codes(report: ddexkit.Report) -> list[str]:
    return [i.code for i in report.files[0].issues]


def test_clean_zip_validates_with_its_assets(tmp_path: Path) -> None:
    path = builders.ast817_zip("good", tmp_path)
    report = ddexkit.validate(path, config=Config(select=("AST",)))
    assert _codes(report) == []
    assert report.files[0].summary is not None


def test_zip_assets_are_checked_from_the_archive(tmp_path: Path) -> None:
    entries = builders._album_zip_entries(tmp_path)
    del entries["resources/A2.flac"]
    path = builders._zip(tmp_path, entries)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    report = ddexkit.validate(path, config=Config(select=("AST",)))
    assert _codes(report) == ["AST801"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing extracted


def test_unsafe_entries_are_facts_and_never_read(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("release.xml", builders.GOOD_ALBUM.read_bytes())
        archive.writestr("/etc/passwd", b"x")
        archive.writestr("../up.txt", b"x")
        link = zipfile.ZipInfo("resources/link")
        link.create_system = 3
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "/etc/shadow")
        archive.writestr("resources/twice.txt", b"1")
    with zipfile.ZipFile(path, "a") as archive, pytest.warns(UserWarning):
        archive.writestr("resources/twice.txt", b"2")
    facts = read_package(path, 1000)
    unsafe = {e.name for e in facts.entries if e.unsafe}
    assert unsafe == {"/etc/passwd", "../up.txt", "resources/link"}
    assert facts.duplicate_names == ("resources/twice.txt",)
    report = ddexkit.validate(path, config=Config(select=("AST817",)))
    assert _codes(report) == ["AST817"] * 4


def test_bomb_entry_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("release.xml", b"<x/>" + b" " * 5_000_000)
    facts = read_package(path, 100_000_000)
    assert facts.entries[0].over_limits and facts.message_bytes is None
    report = ddexkit.validate(path)
    assert _codes(report) == ["AST819"]


def test_zip_without_or_with_two_messages(tmp_path: Path) -> None:
    path = builders.ast818_zip("bad", tmp_path)
    assert _codes(ddexkit.validate(path)) == ["AST818"]
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("resources/a.txt", b"x")
    assert _codes(ddexkit.validate(empty)) == ["AST818"]


def test_folder_paths_never_leave_the_folder(tmp_path: Path) -> None:
    root = tmp_path / "assets"
    (root / "resources").mkdir(parents=True)
    (tmp_path / "secret.flac").write_bytes(b"x")
    os.symlink(tmp_path / "secret.flac", root / "resources" / "out.flac")
    (root / "resources" / "in.flac").write_bytes(b"y")
    os.symlink(root / "resources" / "in.flac", root / "resources" / "alias.flac")
    store = FolderAssets(root)
    assert store.lookup("../secret.flac").refused
    assert store.lookup("/etc/passwd").refused
    assert store.lookup("resources/out.flac").refused
    assert store.lookup("resources/alias.flac").found  # a link inside the folder is fine
    assert store.lookup("resources/none.flac") == type(store.lookup("x"))(
        name="resources/none.flac")
    with pytest.raises(OSError):
        store.open("../secret.flac")


def test_fuga_delivery_has_a_hash_mismatch(shared_corpus: Path) -> None:
    folder = shared_corpus / CORPUS / FUGA
    report = ddexkit.validate(folder / "8718857546047.xml", assets=folder,
                              config=Config(select=("AST",)))
    assert "AST803" in _codes(report)


def test_dedex_missing_audio(shared_corpus: Path) -> None:
    folder = shared_corpus / CORPUS / DEDEX / "002_missing_audio"
    report = ddexkit.validate(folder / "001_audioalbum_complete.xml", assets=folder,
                              config=Config(select=("AST801",)))
    [issue] = report.files[0].issues
    assert "_01_04.wav" in issue.message


def test_dedex_jpg_jpeg_mismatch(shared_corpus: Path) -> None:
    folder = shared_corpus / CORPUS / DEDEX / "003_image_wrong_ext"
    report = ddexkit.validate(folder / "001_audioalbum_complete.xml", assets=folder,
                              config=Config(select=("AST801",)))
    jpeg = [i for i in report.files[0].issues if ".jpeg" in i.message]
    assert len(jpeg) == 1 and jpeg[0].hint is not None and ".jpg" in jpeg[0].hint
