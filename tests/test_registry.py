"""The registry's promises: one module per code named after it, listed in its family, with a
doc whose Bad and Good examples are excerpts of the rule's own test fixtures."""

from __future__ import annotations

import inspect
import re
import typing
from pathlib import Path

import pytest

from ddexkit.changes import UpdateFacts
from ddexkit.media import AssetFacts
from ddexkit.model import Message
from ddexkit.rules import ALL_RULES, AnyRule, Stage, by_code
from ddexkit.safexml import DocumentFacts
from ddexkit.xsd import XsdFacts

RULES_DIR = Path(__file__).resolve().parents[1] / "src" / "ddexkit" / "rules"
CASES = Path(__file__).parent / "rules" / "cases"
SECTIONS = ("Why it matters:", "Bad:", "Good:", "Source:")
_CODE_FILE = re.compile(r"^([a-z]+\d+)_\w+\.py$")


def _section(doc: str, name: str) -> str:
    after = doc.split(name, 1)[1]
    following = [after.find(s) for s in SECTIONS if s != name and after.find(s) >= 0]
    return after[: min(following)] if following else after


def _normalized(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_rule_module_is_registered_once() -> None:
    modules = {
        match.group(1).upper(): path
        for path in RULES_DIR.rglob("*.py")
        if (match := _CODE_FILE.match(path.name))
    }
    registered = {rule.code: rule for rule in ALL_RULES}
    assert sorted(modules) == sorted(registered)
    for code, path in modules.items():
        assert registered[code].check.__module__.endswith(path.stem), code


def test_codes_are_in_order_within_each_family() -> None:
    families: dict[str, list[str]] = {}
    for rule in ALL_RULES:
        families.setdefault(rule.family, []).append(rule.code)
    for codes in families.values():
        assert codes == sorted(codes)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_doc_has_every_section_in_order(rule: AnyRule) -> None:
    positions = [rule.doc.find(section) for section in SECTIONS]
    assert all(p > 0 for p in positions), f"{rule.code}: doc lacks a section of {SECTIONS}"
    assert positions == sorted(positions)
    assert rule.doc.splitlines()[0].strip(), "the first line is the one-line summary"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_doc_examples_are_excerpts_of_the_fixtures(rule: AnyRule) -> None:
    for section, fixture in (("Bad:", "bad.xml"), ("Good:", "good.xml")):
        example = _section(rule.doc, section).strip()
        path = CASES / rule.code / fixture
        if not example.startswith("<") or not path.is_file():
            continue  # prose examples (a command, a file size) are not XML excerpts
        text = path.read_text(encoding="utf-8", errors="replace")
        assert _normalized(example) in _normalized(text), f"{rule.code}: {section} not in {path}"


def test_lookup_by_code_ignores_case() -> None:
    assert by_code("ern001") is by_code("ERN001") is not None
    assert by_code("XYZ999") is None


_SUBJECTS = {Stage.DOCUMENT: DocumentFacts, Stage.SCHEMA: XsdFacts, Stage.MESSAGE: Message,
             Stage.ASSETS: AssetFacts, Stage.UPDATE: UpdateFacts}


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_each_check_takes_the_subject_of_its_stage(rule: AnyRule) -> None:
    """The engine hands a check its stage's subject: a check typed for another would only
    fail at run time, as an internal error in someone's report."""
    hints = typing.get_type_hints(rule.check)
    first = next(iter(inspect.signature(rule.check, follow_wrapped=False).parameters))
    assert hints[first] is _SUBJECTS[rule.stage], f"{rule.code}: {first}: {hints[first]}"
