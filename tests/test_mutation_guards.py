"""Tests that each fail on one deliberate one-line fault that a mutation run found the rest of
the suite did not notice (issue: "Tests that would have caught this")."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

import ddexkit
from ddexkit import engine, safexml
from ddexkit.config import Config, config_from_table
from ddexkit.issues import Issue, Location, Severity
from ddexkit.output import FORMATS
from ddexkit.report import FileReport, Report
from ddexkit.rules import ALL_RULES
from tests.conftest import GOOD_ALBUM
from tests.rules import builders

pytestmark = pytest.mark.usefixtures("no_schema_installed")
QUIET = Config(ignore=("ERN007",))


def test_a_crashing_rule_is_contained_and_the_other_rules_still_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = next(rule for rule in ALL_RULES if rule.code == "TXT307")
    missing_upc = GOOD_ALBUM.parent.parent / "broken" / "missing_upc.xml"

    monkeypatch.setattr(engine, "ALL_RULES", tuple(
        _Crashing(rule) if rule is broken else rule for rule in ALL_RULES))
    report = ddexkit.validate(missing_upc, config=QUIET)
    issues = report.files[0].issues
    crashed = [i for i in issues if i.code == "TXT307"]
    assert len(crashed) == 1 and "internal error" in crashed[0].message
    assert "ID101" in [i.code for i in issues]  # the other rules ran


class _Crashing:
    """A rule whose check raises, with the real rule's other attributes."""

    def __init__(self, rule: object) -> None:
        self._rule = rule

    def __getattr__(self, name: str) -> object:
        if name == "check":
            def crash(*args: object, **kwargs: object) -> object:
                raise ZeroDivisionError("planted")
            return crash
        return getattr(self._rule, name)


def test_select_all_in_configuration_selects_every_rule() -> None:
    config = config_from_table({"select": ["ALL"], "ignore": ["TXT303"]})
    assert config.is_selected("ROL601") and config.is_selected("AST819")
    assert not config.is_selected("TXT303")
    assert config_from_table({"select": ["all"]}).is_selected("DEA708")


def test_the_text_report_shows_each_hint() -> None:
    issue = Issue(code="TER501", severity=Severity.ERROR, message="'UK' is not a territory",
                  hint="Write GB", location=Location(line=7, column=3, xpath="/x"))
    file = FileReport(path="a.xml", message_kind="NewReleaseMessage", schema_version="ern/382",
                      xsd="skipped", issues=(issue,))
    text = FORMATS["text"](Report(files=(file,)), False)
    assert "Write GB" in text and "'UK' is not a territory" in text


def test_zip_entries_are_written_mode_0644(tmp_path: Path) -> None:
    assets = builders.album_assets(tmp_path / "release")
    ern = tmp_path / "album.xml"
    shutil.copy(GOOD_ALBUM, ern)
    output = tmp_path / "release.zip"
    ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    with zipfile.ZipFile(output) as archive:
        modes = {(info.external_attr >> 16) & 0o777 for info in archive.infolist()}
    assert modes == {0o644}


def test_the_post_parse_doctype_check_stands_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: even if the text scan missed it, a parsed tree with a DOCTYPE is
    refused (ERN003), never used."""
    monkeypatch.setattr(safexml, "_find_doctype", lambda prolog: None)
    raw = GOOD_ALBUM.read_bytes().replace(
        b"<ern:NewReleaseMessage", b"<!DOCTYPE x []>\n<ern:NewReleaseMessage", 1)
    document = safexml.read_document(raw)
    assert document.tree is None and document.facts.doctype is not None
    codes = [i.code for i in ddexkit.validate(raw, config=QUIET).files[0].issues]
    assert codes == ["ERN003"]


def test_dot_dot_in_a_file_name_is_refused_by_name(tmp_path: Path) -> None:
    assets = builders.album_assets(tmp_path / "release")
    (tmp_path / "secret.flac").write_bytes((assets / "resources" / "A1.flac").read_bytes())
    ern = assets / "album.xml"
    ern.write_bytes(GOOD_ALBUM.read_bytes().replace(
        b"<FileName>A1.flac</FileName>\n            <FilePath>resources/</FilePath>",
        b"<FileName>secret.flac</FileName>\n            <FilePath>resources/../../</FilePath>",
        1))
    report = ddexkit.validate(ern, assets=assets, config=Config(select=("AST801",)))
    (issue,) = report.files[0].issues
    assert "secret.flac" in issue.message and "leaves the assets folder" in issue.message


def test_an_ern_in_a_zip_over_the_total_expansion_cap_is_not_read(tmp_path: Path) -> None:
    from ddexkit import inputs

    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(GOOD_ALBUM, "album.xml")
        for number in range(5):  # each under the entry cap, together over the total
            out.writestr(f"pad{number}.bin", b"\0" * (inputs.MAX_EXPANDED_BYTES // 4))
    file = ddexkit.validate(archive, config=QUIET).files[0]
    codes = {i.code for i in file.issues}
    assert "AST819" in codes
    assert file.summary is None or file.summary.title is None  # the ERN was not read
