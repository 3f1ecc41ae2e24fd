"""A delivery is untrusted: configuration comes from the working directory upward (the
project using ddexkit), never from inside or beside the validated input."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

import ddexkit
from ddexkit import cli
from tests.conftest import OUR_CORPUS

BROKEN_UPC = OUR_CORPUS / "broken" / "missing_upc.xml"
SWITCH_OFF = 'ignore = ["ALL"]\n'


def _delivery(root: Path) -> Path:
    delivery = root / "incoming" / "label-x"
    delivery.mkdir(parents=True)
    shutil.copyfile(BROKEN_UPC, delivery / "release.xml")
    (delivery / "ddexkit.toml").write_text(SWITCH_OFF)
    (delivery.parent / "pyproject.toml").write_text("[tool.ddexkit]\n" + SWITCH_OFF)
    return delivery


def _status(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = cli.main(["validate", "--format", "json", *argv])
    report = json.loads(capsys.readouterr().out)
    return code, [f["status"] for f in report["files"]]


def test_a_config_planted_in_a_delivery_switches_nothing_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    delivery = _delivery(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert _status(capsys, str(delivery)) == (1, ["needs_fixes"])
    assert _status(capsys, str(delivery / "release.xml")) == (1, ["needs_fixes"])
    report = ddexkit.validate(delivery / "release.xml")
    assert "ID101" in [issue.code for issue in report.files[0].issues]


def test_a_zip_never_supplies_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    delivery = _delivery(tmp_path)
    archive = delivery / "release.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(delivery / "release.xml", "release.xml")
        out.write(delivery / "ddexkit.toml", "ddexkit.toml")
        out.writestr("pyproject.toml", "[tool.ddexkit]\n" + SWITCH_OFF)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, statuses = _status(capsys, str(archive))
    assert (code, statuses) == (1, ["needs_fixes"])


def test_a_config_planted_beside_the_ern_switches_nothing_off_when_packaging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.rules import builders

    assets = builders.album_assets(tmp_path / "delivery")
    ern = assets / "album.xml"
    ern.write_bytes(builders.GOOD_ALBUM.read_bytes().replace(
        b'<ICPN IsEan="false">123456789012</ICPN>', b""))  # ID101: no UPC
    (assets / "ddexkit.toml").write_text('ignore = ["ERN007", "ID101"]\n')
    work = tmp_path / "work"
    work.mkdir()
    (work / "ddexkit.toml").write_text('ignore = ["ERN007"]\n')  # no XSD on this machine
    monkeypatch.chdir(work)
    planned = ddexkit.plan(ern, assets=assets)
    assert "ID101" in [i.code for i in planned.report.files[0].issues]
    packaged = ddexkit.package(ern, assets=assets, output=work / "release.zip")
    assert "ID101" in [i.code for i in packaged.report.files[0].issues]
    assert not packaged.written and not (work / "release.zip").exists()


def test_the_working_directorys_project_configuration_applies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    (project / "releases").mkdir(parents=True)
    shutil.copyfile(BROKEN_UPC, project / "releases" / "release.xml")
    (project / "pyproject.toml").write_text('[tool.ddexkit]\nignore = ["ID101"]\n')

    def codes_from(folder: Path) -> list[str]:
        monkeypatch.chdir(folder)
        cli.main(["validate", "--format", "json", str(project / "releases" / "release.xml")])
        report = json.loads(capsys.readouterr().out)
        return [issue["code"] for file in report["files"] for issue in file["issues"]]

    assert "ID101" in codes_from(tmp_path)
    assert "ID101" not in codes_from(project / "releases")


@pytest.mark.parametrize("key", ["catalog", "schema-dir"])
def test_paths_in_configuration_are_read_as_capped_regular_files(
    key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """catalog = "/dev/zero" used to end in MemoryError, a FIFO hung: now one line, exit 2."""
    fifo = tmp_path / "lists.json"
    os.mkfifo(fifo)
    for target in ("/dev/zero", str(fifo)):
        config = tmp_path / "ddexkit.toml"
        config.write_text(f'{key} = "{target}"\n')
        code = cli.main(["validate", "--config", str(config), str(BROKEN_UPC)])
        err = capsys.readouterr().err
        assert code == 2 and err.count("\n") == 1 and target in err, err


def test_an_oversized_catalog_and_configuration_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ddexkit.config import MAX_CONFIG_BYTES
    from ddexkit.domain.catalog import MAX_CATALOG_BYTES

    catalog = tmp_path / "catalog.json"
    catalog.write_bytes(b" " * (MAX_CATALOG_BYTES + 1))
    assert cli.main(["validate", "--no-config", "--catalog", str(catalog), str(BROKEN_UPC)]) == 2
    assert "too large for a catalog" in capsys.readouterr().err
    config = tmp_path / "ddexkit.toml"
    config.write_bytes(b"#" * (MAX_CONFIG_BYTES + 1))
    assert cli.main(["validate", "--config", str(config), str(BROKEN_UPC)]) == 2
    assert "too large for a configuration file" in capsys.readouterr().err


def test_a_catalog_with_an_integer_too_long_for_python_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "catalog.json"
    catalog.write_text('{"genres": [' + "1" * 5000 + "]}")  # json raises ValueError itself
    assert cli.main(["validate", "--no-config", "--catalog", str(catalog), str(BROKEN_UPC)]) == 2
    assert f"{catalog}: not a JSON file" in capsys.readouterr().err


@pytest.mark.parametrize("line", ['profiles = ["ours\\u0000.toml"]', 'catalog = "x\\u0000.json"',
                                  'schema-dir = "x\\u0000"', 'cache = "x\\u0000"'])
def test_a_nul_in_a_configured_path_is_a_configuration_error(
    line: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "ddexkit.toml"
    config.write_text(line + "\n")
    assert cli.main(["validate", "--config", str(config), str(BROKEN_UPC)]) == 2
    key = line.split(" ", 1)[0]
    assert capsys.readouterr().err == (f"ddexkit: {config}: '{key}' holds a NUL character "
                                       "(\\u0000), which no file name can: remove it\n")


def test_a_nul_in_a_profiles_extends_is_a_profile_error(tmp_path: Path) -> None:
    from ddexkit.profiles import ProfileError, load_profile

    ours = tmp_path / "ours.toml"
    ours.write_text('extends = "base\\u0000.toml"\n')
    with pytest.raises(ProfileError, match=r"ours\.toml: extends: 'base\\x00\.toml' holds a NUL"):
        load_profile(str(ours))
