"""docs/rules-reference.md is generated from the registry and must not go stale."""

from __future__ import annotations

from ddexkit.output.ruledocs import markdown, rule_name, sections
from ddexkit.rules import ALL_RULES, by_code
from tests.conftest import REPO

REFERENCE = REPO / "docs" / "rules-reference.md"
REGENERATE = "python -m ddexkit rules --markdown > docs/rules-reference.md"


def test_rules_reference_is_up_to_date() -> None:
    assert REFERENCE.is_file(), f"docs/rules-reference.md is missing: run `{REGENERATE}`"
    assert REFERENCE.read_text(encoding="utf-8") == markdown(ALL_RULES), (
        f"docs/rules-reference.md is stale: run `{REGENERATE}`"
    )


def test_reference_shows_each_rules_doc_sections() -> None:
    rule = by_code("TER501")
    assert rule is not None
    text = markdown([rule])
    parts = sections(rule.doc)
    assert "### TER501" in text and f"**{rule.summary}**" in text
    assert f"Why it matters:\n\n{parts['Why it matters']}" in text
    assert f"Bad:\n\n```xml\n{parts['Bad']}\n```" in text
    assert f"Good:\n\n```xml\n{parts['Good']}\n```" in text
    assert f"| [TER501](#ter501) | {rule.severity.value} |" in text


def test_sections_split_a_doc_at_its_headings() -> None:
    doc = (
        "One line.\n\nMore detail.\n\nWhy it matters:\n    Because.\n\nBad:\n"
        "    <A>x</A>\n\nGood:\n    <A>y</A>\n\nSource:\n    ISO.\n"
    )
    assert sections(doc) == {"summary": "One line.", "details": "More detail.",
                             "Why it matters": "Because.", "Bad": "<A>x</A>",
                             "Good": "<A>y</A>", "Source": "ISO."}


def test_rule_names_come_from_the_module_names() -> None:
    rule = by_code("ERN012")
    assert rule is not None and rule_name(rule) == "RequiredParts"
