"""A LanguageOfPerformance or LanguageAndScriptCode is not a valid language tag.

Why it matters:
    Stores file and search releases by language and pick the script to show titles in;
    they read ISO 639 codes and BCP 47 tags (``en``, ``en-GB``, ``zh-Hant``), not names
    (``English``) or other spellings (``en_GB``).

Bad:
    <LanguageOfPerformance>english</LanguageOfPerformance>

Good:
    <LanguageOfPerformance>en</LanguageOfPerformance>

Source:
    ISO 639 (via pycountry); BCP 47 / RFC 5646 (script and region subtags).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.languages import suggest_language, tag_problem
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for name, what in (("LanguageOfPerformance", "LanguageOfPerformance"),
                       ("@LanguageAndScriptCode", "LanguageAndScriptCode")):
        for text in message.indexed(name):
            problem = tag_problem(text.value)
            if problem is None:
                continue
            suggestion = suggest_language(text.value)
            yield Finding(
                at=text.loc,
                message=f"{what} '{text.value}' is not a language tag: {problem}",
                hint=(f"Write {suggestion}" if suggestion
                      else "Use an ISO 639 code (en, fr), with a script or region if "
                      "needed (zh-Hant, en-GB)"),
            )


RULE = Rule(
    code="CAT903",
    severity=Severity.ERROR,
    summary="A LanguageOfPerformance or LanguageAndScriptCode is not a valid language tag",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
    indexes=frozenset({"LanguageOfPerformance", "@LanguageAndScriptCode"}),
)
