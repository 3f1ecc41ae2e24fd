"""JUnit XML for CI dashboards: one test case per file, failed when the file has an error.

Warnings do not fail a case; they are listed in its ``system-out``. No timestamps or
durations, so the same input gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from ddexkit.issues import Issue, Severity
from ddexkit.report import FileReport, Report

_SUITE = "ddexkit validate"
# Characters XML 1.0 cannot carry, even escaped; a message may quote them from a hostile file.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def _line(path: str, issue: Issue) -> str:
    place = path
    if issue.location.line is not None:
        place += f":{issue.location.line}"
        if issue.location.column is not None:
            place += f":{issue.location.column}"
    line = _xml_safe(f"{place}: {issue.code} {issue.severity.value}: {issue.message}")
    if issue.location.xpath:
        line += f"\n    at {issue.location.xpath}"
    if issue.hint:
        line += _xml_safe(f"\n    hint: {issue.hint}")
    return line


def _case(suite: ElementTree.Element, file: FileReport) -> None:
    path = file.path or "<bytes>"
    case = ElementTree.SubElement(suite, "testcase", name=_xml_safe(path),
                                  classname="ddexkit.validate")
    # Under --strict a warning fails the file too: the test case fails exactly when the
    # file's status is needs_fixes, as the exit code does.
    failing = [i for i in file.issues if file.strict or i.severity is Severity.ERROR]
    warnings = [] if file.strict else [i for i in file.issues if i.severity is not Severity.ERROR]
    if failing and not file.is_ready:
        codes = ", ".join(dict.fromkeys(i.code for i in failing))
        noun = "issue" if file.strict else "error"
        failure = ElementTree.SubElement(
            case,
            "failure",
            message=f"{len(failing)} {noun}{'s' if len(failing) != 1 else ''}: {codes}",
            type=failing[0].code,
        )
        failure.text = "\n".join(_line(path, issue) for issue in failing)
    if warnings:
        out = ElementTree.SubElement(case, "system-out")
        out.text = "\n".join(_line(path, issue) for issue in warnings)


def render(report: Report, colour: bool = False) -> str:
    totals = report.totals
    counts = {"tests": str(totals["files"]), "failures": str(totals["needs_fixes"]),
              "errors": "0", "skipped": "0"}
    root = ElementTree.Element("testsuites", {"name": "ddexkit", **counts})
    suite = ElementTree.SubElement(root, "testsuite", {"name": _SUITE, **counts})
    if report.interrupted:
        properties = ElementTree.SubElement(suite, "properties")
        for name, value in (("interrupted", "true"),
                            ("files_not_done", str(report.files_not_done))):
            ElementTree.SubElement(properties, "property", {"name": name, "value": value})
    for file in report.files:
        _case(suite, file)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(
        root, encoding="unicode"
    ) + "\n"
