"""A language is not in the catalog's languages.

Why it matters:
    The platform lists the languages it files releases under; a language it does not list
    is dropped from the store page. Checked only with a catalog that lists languages; a tag
    with a region or script (en-GB) counts as its language (en) when only that is listed.

Bad:
    <LanguageOfPerformance>it</LanguageOfPerformance>

Good:
    <LanguageOfPerformance>en</LanguageOfPerformance>

Source:
    The platform's language lookup list (the user's catalog, docs/catalog.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.languages import primary_language, tag_problem
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    catalog = context.catalog
    if catalog is None or not catalog.languages:
        return
    for text in message.indexed("LanguageOfPerformance"):
        if tag_problem(text.value) is not None:
            continue  # CAT903
        if catalog.has_language(text.value) or catalog.has_language(primary_language(text.value)):
            continue
        yield Finding(
            at=text.loc,
            message=f"Language '{text.stripped}' is not in the catalog's languages",
            hint="Use a language of the catalog: " + ", ".join(sorted(catalog.languages)),
        )


RULE = Rule(
    code="CAT905",
    severity=Severity.WARNING,
    summary="A language is not in the catalog's languages",
    stage=Stage.MESSAGE,
    check=check,
    needs=frozenset({"catalog"}),
    doc=__doc__ or "",
    indexes=frozenset({"LanguageOfPerformance"}),
)
