"""SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, IDE viewers).

The rules array comes from the registry (summary and "Why it matters" from each rule's doc);
each result carries the place as a physical location (path, line, column) and, because an ERN
reader thinks in elements, the xpath as its logical location. An issue ``ddexkit fix`` can
repair carries the edit as a SARIF fix (its bytes located in the .xml as ``fix`` locates
them, read again for that; ``properties.safe`` as for ``fix``; not validated again as
``fix`` does). No timestamps or absolute working directory, so the same input gives the same
bytes.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ddexkit.autofix import FixOutcome, located_fixes
from ddexkit.issues import Fix, Issue, Location
from ddexkit.output.ruledocs import rule_name, why_it_matters
from ddexkit.regularfile import read_bytes
from ddexkit.report import FileReport, Report
from ddexkit.rules import ALL_RULES, AnyRule
from ddexkit.safexml import MAX_MESSAGE_BYTES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
_INFORMATION_URI = "https://pypi.org/project/ddexkit/"


def artifact_uri(path: str) -> str:
    """A relative URI with '/' for a path under the working directory, else a file: URI."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    return quote(candidate.as_posix())


def _rule_descriptor(rule: AnyRule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule_name(rule),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": why_it_matters(rule)},
        "help": {"text": rule.doc.strip()},
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"tags": [rule.family], "stage": rule.stage.value},
    }


_FixKey = tuple[str, Location, Fix]


def _fixes(file: FileReport) -> dict[_FixKey, dict[str, Any]]:
    """The SARIF fix of each fixable issue of an .xml file, by (code, place, fix): its span
    as a region (lines and columns in code points, as ``columnKind`` says) and the text
    written there. Empty for a file that cannot be read again or is over the size limit."""
    if file.path is None or Path(file.path).suffix.lower() != ".xml" \
            or not any(issue.fix is not None for issue in file.issues):
        return {}
    try:
        raw, size = read_bytes(file.path, MAX_MESSAGE_BYTES)
    except OSError:
        return {}
    if size > len(raw):
        return {}
    starts = _line_starts(raw)

    def position(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset)
        return line, len(raw[starts[line - 1]:offset].decode("utf-8", "replace")) + 1

    uri = artifact_uri(file.path)
    fixes: dict[_FixKey, dict[str, Any]] = {}
    for outcome in located_fixes(raw, file.issues):
        fixes[(outcome.code, outcome.location, outcome.fix)] = _fix(outcome, uri, position)
    return fixes


def _line_starts(raw: bytes) -> list[int]:
    starts, at = [0], raw.find(b"\n")
    while at >= 0:
        starts.append(at + 1)
        at = raw.find(b"\n", at + 1)
    return starts


def _fix(outcome: FixOutcome, uri: str,
         position: Callable[[int], tuple[int, int]]) -> dict[str, Any]:
    assert outcome.span is not None and outcome.written is not None
    (start_line, start_column), (end_line, end_column) = map(position, outcome.span)
    region = {"startLine": start_line, "startColumn": start_column, "endLine": end_line,
              "endColumn": end_column}
    return {"description": {"text": outcome.fix.description},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [
                {"deletedRegion": region, "insertedContent": {"text": outcome.written}}]}],
            "properties": {"safe": outcome.fix.safe}}


def _result(file: FileReport, issue: Issue, index: dict[str, int],
            fixes: dict[_FixKey, dict[str, Any]]) -> dict[str, Any]:
    text = issue.message if not issue.hint else f"{issue.message}\nHint: {issue.hint}"
    location: dict[str, Any] = {}
    if file.path is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(file.path)}}
        if issue.location.line is not None:
            region = {"startLine": issue.location.line}
            if issue.location.column is not None:
                region["startColumn"] = issue.location.column
            physical["region"] = region
        location["physicalLocation"] = physical
    if issue.location.xpath:
        location["logicalLocations"] = [
            {
                "name": issue.location.xpath,
                "fullyQualifiedName": issue.location.xpath,
                "kind": "element",
            }
        ]
    result: dict[str, Any] = {"ruleId": issue.code}
    if issue.code in index:
        result["ruleIndex"] = index[issue.code]
    result["level"] = issue.severity.value
    result["message"] = {"text": text}
    if location:
        result["locations"] = [location]
    if issue.fix is not None and (found := fixes.get((issue.code, issue.location,
                                                      issue.fix))) is not None:
        result["fixes"] = [found]
    return result


def _invocation(report: Report) -> dict[str, Any]:
    """Whether the run went to its end; a run cut short by Ctrl-C says how much is missing."""
    if not report.interrupted:
        return {"executionSuccessful": True}
    return {
        "executionSuccessful": False,
        "toolExecutionNotifications": [{
            "level": "warning",
            "message": {"text": f"interrupted: partial report, {report.files_not_done} "
                                "file(s) not done"},
        }],
    }


def to_sarif(report: Report) -> dict[str, Any]:
    index = {rule.code: position for position, rule in enumerate(ALL_RULES)}
    results = [_result(file, issue, index, fixes) for file in report.files
               for fixes in (_fixes(file),) for issue in file.issues]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": report.tool.get("name", "ddexkit"),
                        "version": report.tool.get("version", ""),
                        "informationUri": _INFORMATION_URI,
                        "rules": [_rule_descriptor(rule) for rule in ALL_RULES],
                    }
                },
                "invocations": [_invocation(report)],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(report: Report, colour: bool = False) -> str:
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False) + "\n"
