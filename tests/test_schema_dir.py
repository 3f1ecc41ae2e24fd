"""A schema location the user names must hold the schema: otherwise a usage error (exit 2)
saying what was looked for, never a silent run without the XSD. A stale $DDEXKIT_SCHEMA_DIR
gives way to the installed schema; ERN007 is only for "nothing named, nothing installed"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ddexkit
from ddexkit import cli, xsd
from tests.conftest import GOOD_ALBUM, OUR_CORPUS

BROKEN_UPC = OUR_CORPUS / "broken" / "missing_upc.xml"


def _install(schema_dir: Path, cache: Path) -> Path:
    target = cache / "ddexkit" / "schemas" / "ern382"
    target.mkdir(parents=True)
    for name in xsd.SCHEMA_FILES:
        shutil.copyfile(schema_dir / name, target / name)
    return target


def test_a_named_folder_without_the_schema_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code = cli.main(["validate", "--no-config", "--schema-dir", str(empty), str(GOOD_ALBUM)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and str(empty) in err
    assert xsd.MAIN_XSD in err and xsd.AVS_XSD in err and "schema install" in err
    with pytest.raises(ddexkit.SchemaDirError, match="lacks"):
        ddexkit.validate(GOOD_ALBUM, schema_dir=empty)
    with pytest.raises(ddexkit.SchemaDirError, match="is not a folder"):
        ddexkit.validate(GOOD_ALBUM, schema_dir=tmp_path / "missing")


def test_schema_dir_in_configuration_without_the_schema_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "ddexkit.toml"
    config.write_text('schema-dir = "nothing-here"\n')
    code = cli.main(["validate", "--config", str(config), str(GOOD_ALBUM)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"schema-dir of {config}" in err and "nothing-here" in err


def test_a_stale_variable_gives_way_to_the_installed_schema(
    schema_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    no_schema_installed: None, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(xsd.SCHEMA_DIR_VARIABLE, str(tmp_path / "moved-away"))
    # Nothing installed: the stale variable is the only thing named, so it is an error.
    assert cli.main(["validate", "--no-config", str(GOOD_ALBUM)]) == 2
    assert "$DDEXKIT_SCHEMA_DIR" in capsys.readouterr().err
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    installed = _install(schema_dir, cache)
    report = ddexkit.validate(GOOD_ALBUM)
    assert report.files[0].xsd == "valid"
    assert cli.main(["schema", "path", "--no-config"]) == 0
    assert capsys.readouterr().out.strip() == str(installed)


def test_nothing_named_and_nothing_installed_is_ern007(no_schema_installed: None) -> None:
    report = ddexkit.validate(BROKEN_UPC)
    assert report.files[0].xsd == "skipped"
    assert "ERN007" in [issue.code for issue in report.files[0].issues]


def test_schema_path_honours_the_configuration(
    schema_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    no_schema_installed: None, capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "ddexkit.toml").write_text(f'schema-dir = "{schema_dir.as_posix()}"\n')
    monkeypatch.chdir(project)
    assert cli.main(["schema", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(schema_dir.resolve())
    (project / "ddexkit.toml").write_text('schema-dir = "gone"\n')
    assert cli.main(["schema", "path"]) == 2
    assert "gone" in capsys.readouterr().err


def test_an_edited_or_planted_schema_is_refused_not_compiled(
    schema_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the official files are ever compiled: an XSD that imports from a URL (or any
    other edit) is refused by checksum before libxml2 sees it."""
    planted = tmp_path / "planted"
    planted.mkdir()
    for name in xsd.SCHEMA_FILES:
        shutil.copyfile(schema_dir / name, planted / name)
    main_xsd = planted / xsd.MAIN_XSD
    main_xsd.write_bytes(main_xsd.read_bytes().replace(
        b"avs_20161006.xsd", b"http://attacker.invalid/avs.xsd", 1))
    code = cli.main(["validate", "--no-config", "--schema-dir", str(planted), str(GOOD_ALBUM)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "release-notification.xsd is not the official ERN 3.8.2 file" in err


def test_a_device_as_a_schema_file_is_refused_without_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "devices"
    folder.mkdir()
    (folder / xsd.MAIN_XSD).symlink_to("/dev/zero")
    (folder / xsd.AVS_XSD).symlink_to("/dev/zero")
    # /dev/zero is not a regular file, so the folder does not hold the schema at all.
    assert cli.main(["validate", "--no-config", "--schema-dir", str(folder), str(GOOD_ALBUM)]) == 2
    assert "lacks" in capsys.readouterr().err


def test_install_refuses_a_zip_bomb_and_an_unreachable_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    bomb = tmp_path / "ern382.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr(xsd.MAIN_XSD, b"<" * (xsd.MAX_SCHEMA_FILE_BYTES + 1))
        out.writestr(xsd.AVS_XSD, b"x")
    target = tmp_path / "target"
    with pytest.raises(xsd.SchemaInstallError, match="expands to more than"):
        xsd.install_schema(str(bomb), target)
    assert not target.exists()
    assert cli.main(["schema", "install", "--from", "http://127.0.0.1:9/ern382.zip"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ddexkit: http://127.0.0.1:9/ern382.zip: cannot download it")
    assert err.count("\n") == 1
