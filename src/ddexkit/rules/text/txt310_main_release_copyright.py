"""The main release has no PLine or no CLine.

Why it matters:
    Stores print the release's (P) line (who owns the sound recordings) and (C) line (who
    owns the artwork and text) on the release page, and labels are asked for both; a
    release missing either goes out with an incomplete rights notice. A PLine or CLine
    counts on the Release or in any of its ReleaseDetailsByTerritory, and only with text in
    PLineText or CLineText. The hint builds the missing line from the other line's year
    (or the release date) and the release's label where the message gives them.

Bad:
    <Duration>PT12M48S</Duration>
      <PLine>
        <Year>2024</Year>
        <PLineText>(P) 2024 Northern Lights Records</PLineText>
      </PLine>
      <GlobalOriginalReleaseDate>2024-05-17</GlobalOriginalReleaseDate>

Good:
    <Duration>PT12M48S</Duration>
      <PLine>
        <Year>2024</Year>
        <PLineText>(P) 2024 Northern Lights Records</PLineText>
      </PLine>
      <CLine>
        <Year>2024</Year>
        <CLineText>(C) 2024 Northern Lights Records</CLineText>
      </CLine>
      <GlobalOriginalReleaseDate>2024-05-17</GlobalOriginalReleaseDate>

Source:
    DDEX ERN 3.8.2 Release and ReleaseDetailsByTerritory PLine, CLine; Rome and Geneva
    conventions (the (P) notice); Universal Copyright Convention (the (C) notice).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import CopyrightLine, Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release

_YEAR = re.compile(r"\b(\d{4})\b")
_SYMBOL = {"PLine": "(P)", "CLine": "(C)"}


def _with_text(lines: Iterator[CopyrightLine]) -> list[CopyrightLine]:
    return [line for line in lines if line.text is not None and line.text.stripped]


def _year(release: Release, others: list[CopyrightLine]) -> str | None:
    """The other line's year, else the year of the release's (original) release date."""
    candidates = [line.year.stripped for line in others if line.year is not None]
    candidates += [
        date.value
        for date in (release.global_original_release_date, release.global_release_date)
        if date is not None
    ]
    candidates += [date.value for d in release.details for date in d.release_dates]
    for candidate in candidates:
        found = _YEAR.search(candidate)
        if found:
            return found.group(1)
    return None


def _label(release: Release) -> str | None:
    return next((n.stripped for d in release.details for n in d.label_names if n.stripped), None)


def _hint(kind: str, release: Release, others: list[CopyrightLine]) -> str:
    year, label = _year(release, others), _label(release)
    if year and label:
        return (
            f"Add <{kind}><Year>{year}</Year><{kind}Text>{_SYMBOL[kind]} {year} {label}"
            f"</{kind}Text></{kind}> to the Release (with the right owner if not the label)"
        )
    return (
        f"Add a <{kind}> with <Year> and <{kind}Text> ({_SYMBOL[kind]} year owner) to the Release"
    )


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    p_lines = _with_text(release.iter_all_p_lines())
    c_lines = _with_text(release.iter_all_c_lines())
    for kind, present, others in (("PLine", p_lines, c_lines), ("CLine", c_lines, p_lines)):
        if present:
            continue
        yield Finding(
            at=release.loc,
            message=f"{context.main_release_name(release)} has no {kind} ({_SYMBOL[kind]} line)",
            hint=_hint(kind, release, others),
        )


RULE = Rule(
    code="TXT310",
    severity=Severity.WARNING,
    summary="The main release has no PLine or no CLine",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
