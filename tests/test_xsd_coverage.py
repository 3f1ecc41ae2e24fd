"""Every official XSD violation in the third-party corpus is shown (rules.md, ERN006): as an
ERN006 at its line, or by a specific rule that declares it explains that kind of violation —
a value fault at the element it judges, or a missing child its message names. Structural
violations (an attribute or element not allowed, text where elements belong) are never
hidden behind an unrelated issue on the same element."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

import ddexkit
from ddexkit.config import Config
from ddexkit.rules import by_code
from ddexkit.xsd import MISSING, VALUE, load_schema, violation_kind

_BLOCKING = {"ERN001", "ERN003", "ERN004"}


def _hidden(report_file: ddexkit.FileReport, tree: etree._ElementTree,
            schema: etree.XMLSchema) -> list[str]:
    schema.validate(tree)
    by_line: dict[int | None, list[ddexkit.Issue]] = {}
    for issue in report_file.issues:
        by_line.setdefault(issue.location.line, []).append(issue)
    hidden = []
    for entry in schema.error_log:
        here = by_line.get(entry.line, [])
        if any(i.code == "ERN006" for i in here):
            continue
        kind = violation_kind(entry.message)
        explained = False
        if kind in (VALUE, MISSING):
            for issue in here:
                rule = by_code(issue.code)
                explained = explained or (rule is not None and kind in rule.explains_xsd)
        if not explained:
            hidden.append(f"{report_file.path}:{entry.line}: {entry.message}")
    return hidden


def test_no_official_violation_is_hidden(shared_corpus: Path, schema_dir: Path) -> None:
    files = sorted((shared_corpus / "ern382").rglob("*.xml"))
    report = ddexkit.validate(shared_corpus / "ern382", schema_dir=schema_dir, config=Config())
    by_path = {Path(f.path).resolve(): f for f in report.files if f.path}
    schema = load_schema(schema_dir)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    hidden: list[str] = []
    checked = 0
    for path in files:
        found = by_path.get(path.resolve())
        if found is None or {i.code for i in found.issues} & _BLOCKING:
            continue
        try:
            tree = etree.parse(str(path), parser)
        except etree.XMLSyntaxError:
            continue
        checked += 1
        hidden += _hidden(found, tree, schema)
    assert checked > 100
    assert hidden == []


def test_an_unrelated_issue_on_the_element_does_not_hide_an_attribute_fault(
        schema_dir: Path) -> None:
    album = (Path(__file__).parents[1] / "corpus" / "good" / "album.xml").read_text()
    broken = album.replace('<ICPN IsEan="false">123456789012<',
                           '<ICPN isEan="false">12345678901<', 1)
    assert broken != album
    report = ddexkit.validate(broken.encode(), schema_dir=schema_dir, config=Config())
    codes = {i.code for i in report.files[0].issues}
    assert "ID102" in codes  # the value fault, explained by the specific rule
    messages = [i.message for i in report.files[0].issues if i.code == "ERN006"]
    assert any("isEan is not allowed" in m for m in messages)
    assert not any("{" in m for m in messages)
