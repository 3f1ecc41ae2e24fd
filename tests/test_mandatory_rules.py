"""ERN001–ERN006 and ERN008 cannot be switched off, deselected or made warnings (rules.md):
they say the distributor cannot read or will refuse the file, so a file the official XSD
rejects is never "ready", whatever the configuration says."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.cli import main
from ddexkit.config import Config, ConfigError
from ddexkit.rules import ALL_RULES
from tests.conftest import GOOD_ALBUM

MANDATORY = {"ERN001", "ERN002", "ERN003", "ERN004", "ERN005", "ERN006", "ERN008"}
# An attribute the schema does not allow: only ERN006 reports it.
XSD_INVALID = GOOD_ALBUM.read_bytes().replace(b'<ICPN IsEan="false">', b'<ICPN isEan="false">')


def test_the_mandatory_codes_are_those_of_the_catalog() -> None:
    assert {rule.code for rule in ALL_RULES if rule.mandatory} == MANDATORY


@pytest.mark.parametrize("config", [
    Config(ignore=("",)),  # ignore = ["ALL"]
    Config(ignore=("ERN",)),
    Config(ignore=("ERN006",)),
    Config(per_file_ignores={"*.xml": ("ERN00",)}),
    Config(severity={"ERN006": ddexkit.Severity.WARNING}),
    Config(severity={"ERN": ddexkit.Severity.WARNING}),
])
def test_configuration_that_would_reach_a_mandatory_code_is_refused(config: Config) -> None:
    with pytest.raises(ConfigError, match="ERN00"):
        ddexkit.validate(XSD_INVALID, config=config)


def test_narrower_codes_and_stricter_severities_are_accepted(schema_dir: Path) -> None:
    report = ddexkit.validate(XSD_INVALID, schema_dir=schema_dir,
                              config=Config(ignore=("ERN007", "ERN009"),
                                            severity={"ERN": ddexkit.Severity.ERROR}))
    assert report.files[0].status == "needs_fixes"


def test_a_selection_without_them_still_runs_them(schema_dir: Path) -> None:
    report = ddexkit.validate(XSD_INVALID, schema_dir=schema_dir, config=Config(select=("TXT",)))
    (found,) = report.files
    assert found.xsd == "invalid"
    assert [i.code for i in found.issues] == ["ERN006"]
    assert found.status == "needs_fixes"


def test_a_project_ignore_all_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    delivery = tmp_path / "delivery"
    delivery.mkdir()
    (delivery / "album.xml").write_bytes(XSD_INVALID)
    (tmp_path / "ddexkit.toml").write_text('ignore = ["ALL"]\n')
    monkeypatch.chdir(delivery)
    assert main(["validate", str(delivery / "album.xml")]) == 2
    err = capsys.readouterr().err
    assert "ERN001" in err and err.count("\n") == 1


def test_the_command_line_cannot_ignore_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(GOOD_ALBUM), "--no-config", "--ignore", "ERN006"]) == 2
    assert "ERN006" in capsys.readouterr().err
