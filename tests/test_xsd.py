"""Schema discovery order, the install command's checksum check, readable violations."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from ddexkit import xsd
from ddexkit.safexml import read_document
from tests.conftest import GOOD_ALBUM


def _copy_schema(source: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for name in xsd.SCHEMA_FILES:
        shutil.copyfile(source / name, target / name)
    return target


def test_explicit_dir_then_environment_then_cache(
    schema_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached = _copy_schema(schema_dir, tmp_path / "cache" / "ddexkit" / "schemas" / "ern382")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(xsd.SCHEMA_DIR_VARIABLE, raising=False)
    monkeypatch.setattr(xsd, "_REPO_SCHEMA_DIR", tmp_path / "no-repo-copy")
    assert xsd.find_schema_dir() == cached
    monkeypatch.setenv(xsd.SCHEMA_DIR_VARIABLE, str(schema_dir))
    assert xsd.find_schema_dir() == schema_dir
    with pytest.raises(xsd.SchemaDirError, match="is not a folder"):
        xsd.find_schema_dir(tmp_path / "empty")


def test_install_verifies_checksums(schema_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "ern382.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for name in xsd.SCHEMA_FILES:
            out.write(schema_dir / name, f"ERN382/{name}")
    target = xsd.install_schema(str(archive), tmp_path / "installed")
    assert sorted(p.name for p in target.iterdir()) == sorted(xsd.SCHEMA_FILES)

    tampered = _copy_schema(schema_dir, tmp_path / "tampered")
    with (tampered / xsd.MAIN_XSD).open("a") as handle:
        handle.write("<!-- changed -->")
    with pytest.raises(xsd.SchemaInstallError, match="SHA-256"):
        xsd.install_schema(str(tampered), tmp_path / "refused")
    assert not (tmp_path / "refused").exists()


def test_committed_sums_match_the_packaged_copy() -> None:
    committed = (Path(__file__).resolve().parents[1] / "schemas" / "ern382" / "SHA256SUMS")
    assert committed.read_text() == xsd._PACKAGED_SUMS


def test_violation_is_readable_with_element(schema_dir: Path) -> None:
    raw = GOOD_ALBUM.read_bytes().replace(b"MusicalWorkSoundRecording", b"Song", 1)
    document = read_document(raw)
    assert document.tree is not None
    facts = xsd.validate_tree(document.tree, schema_dir)
    assert facts.status == "invalid"
    violation = facts.violations[0]
    assert "{http" not in violation.message and "'Song'" in violation.message
    assert violation.hint is not None and "MusicalWorkSoundRecording" in violation.hint
    assert violation.element is not None and violation.line == violation.element.sourceline


def test_missing_schema_is_skipped() -> None:
    document = read_document(GOOD_ALBUM.read_bytes())
    assert document.tree is not None
    assert xsd.validate_tree(document.tree, None).status == "skipped"
