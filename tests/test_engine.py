"""Selection, severity overrides, per-file ignores, ERN006 dedupe, ordering, config discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config, ConfigError
from ddexkit.issues import Severity
from tests.conftest import GOOD_ALBUM

# These tests run without the XSD (ERN007), as on a machine where none is installed.
pytestmark = pytest.mark.usefixtures("no_schema_installed")

ALBUM = GOOD_ALBUM.read_bytes()
NO_CREATED = ALBUM.replace(
    b"    <MessageCreatedDateTime>2024-04-02T09:30:00Z</MessageCreatedDateTime>\n", b""
)


def _codes(report: ddexkit.Report) -> list[str]:
    return [i.code for i in report.files[0].issues]


def test_a_structural_violation_stays_beside_the_specific_rule(schema_dir: Path) -> None:
    """Without MessageCreatedDateTime libxml2 says the *next* element is not expected there: a
    structural violation at another element, so it stays an ERN006 beside ERN012."""
    report = ddexkit.validate(NO_CREATED, schema_dir=schema_dir, config=Config())
    assert "ERN012" in _codes(report)
    assert "ERN006" in _codes(report)
    assert report.files[0].xsd == "invalid"
    only_xsd = ddexkit.validate(NO_CREATED, schema_dir=schema_dir,
                                config=Config(select=("ERN006",)))
    assert _codes(only_xsd) == ["ERN006"]


def test_longest_prefix_wins_between_select_and_ignore(tmp_path: Path) -> None:
    config = Config(select=("ERN",), ignore=("ERN01",))
    assert config.is_selected("ERN007") and not config.is_selected("ERN012")
    assert Config(select=("ERN012",), ignore=("ERN",)).is_selected("ERN012")
    report = ddexkit.validate(NO_CREATED, config=config)
    assert _codes(report) == ["ERN007"]


def test_severity_override_and_status(tmp_path: Path) -> None:
    config = Config(select=("ERN012",), severity={"ERN012": Severity.WARNING})
    report = ddexkit.validate(NO_CREATED, config=config)
    issue = report.files[0].issues[0]
    assert issue.code == "ERN012" and issue.severity is Severity.WARNING
    assert report.files[0].status == "ready"


def test_per_file_ignores_match_by_glob(tmp_path: Path) -> None:
    message = tmp_path / "legacy" / "old.xml"
    message.parent.mkdir()
    message.write_bytes(NO_CREATED)
    config = Config(select=("ERN012",), per_file_ignores={"legacy/*.xml": ("ERN012",)},
                    source=tmp_path / "ddexkit.toml")
    assert ddexkit.validate(message, config=config).files[0].issues == ()


def test_config_is_discovered_upward_from_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ddexkit]\nselect = ["ERN012"]\n')
    message = tmp_path / "deliveries" / "a.xml"
    message.parent.mkdir()
    message.write_bytes(NO_CREATED)
    monkeypatch.chdir(message.parent)
    assert _codes(ddexkit.validate(message)) == ["ERN012"]
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the file's own folders no longer configure it
    assert "ERN012" in _codes(ddexkit.validate(message)) != ["ERN012"]


def test_unknown_code_in_config_names_the_closest(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ERN012"):
        ddexkit.validate(ALBUM, config=Config(ignore=("ERN0121",)))


def test_issues_are_sorted_by_line_column_code(tmp_path: Path) -> None:
    broken = NO_CREATED.replace(b"<MessageId>NL-2024-0001-01</MessageId>", b"<MessageId/>")
    issues = ddexkit.validate(broken).files[0].issues
    keys = [(i.location.line or 0, i.location.column or 0, i.code) for i in issues]
    assert keys == sorted(keys) and len(keys) >= 3


def test_directory_input_reports_every_message_in_order(tmp_path: Path) -> None:
    for name in ("b.xml", "a.xml", "notes.txt"):
        (tmp_path / name).write_bytes(ALBUM)
    report = ddexkit.validate(tmp_path)
    assert [Path(f.path).name for f in report.files if f.path] == ["a.xml", "b.xml"]


def test_zip_input_validates_the_ern_inside(tmp_path: Path) -> None:
    import zipfile

    package = tmp_path / "release.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("123456789012.xml", NO_CREATED)
    report = ddexkit.validate(package, config=Config(select=("ERN012",)))
    assert report.files[0].path == str(package)
    assert _codes(report) == ["ERN012"]


def test_missing_path_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(ddexkit.InputError):
        ddexkit.validate(tmp_path / "nowhere.xml")
