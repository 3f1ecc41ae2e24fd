"""Two resources, releases or technical details share one reference.

Why it matters:
    ResourceReference, ReleaseReference and TechnicalResourceDetailsReference are the
    message's local identifiers (xs:ID): every ReleaseResourceReference, DealReleaseReference
    and file link is resolved through them. When two elements share one, the ingest cannot
    tell which is meant, so a track, a deal or a file can land in the wrong place. The validator behind ERN006 does not check xs:ID uniqueness, so this rule is the
    only report of it. Each repeat is reported at the later element; references are
    compared as written, after trimming spaces; empty ones are ERN012's.

Bad:
    <ISWC>T0702371821</ISWC>
      </IndirectSoundRecordingId>
      <ResourceReference>A1</ResourceReference>

Good:
    <ISWC>T0702371821</ISWC>
      </IndirectSoundRecordingId>
      <ResourceReference>A2</ResourceReference>

Source:
    DDEX ERN 3.8.2 ResourceReference, ReleaseReference, TechnicalResourceDetailsReference
    (xs:ID, unique within the message).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.references._hints import FreeReferences


def _repeats(
    name: str, what: str, prefix: str, owned: Iterable[tuple[str, Text | None]]
) -> Iterator[Finding]:
    first: dict[str, tuple[str, Text]] = {}
    repeated: list[tuple[str, Text, str, Text]] = []
    for owner, reference in owned:
        if reference is None or not (value := reference.stripped):
            continue
        seen = first.get(value)
        if seen is None:
            first[value] = (owner, reference)
        else:
            repeated.append((owner, reference, *seen))
    if not repeated:
        return  # the free references for the hints are worked out only when one is given
    free = FreeReferences(prefix, first)
    for owner, reference, first_owner, first_reference in repeated:
        line = f" on line {first_reference.loc.line}" if first_reference.loc.line else ""
        yield Finding(
            at=reference.loc,
            message=f"{name} {reference.stripped!r} of this {owner} is already that of the "
            f"{first_owner}{line}",
            hint=f"Give this {owner} its own {name}, e.g. {free.take()}"
            + (f", and update the {what} that mean it" if what else ""),
        )


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    yield from _repeats(
        "ResourceReference",
        "ReleaseResourceReferences",
        "A",
        ((r.kind, r.reference) for r in message.resources),
    )
    yield from _repeats(
        "ReleaseReference",
        "DealReleaseReferences",
        "R",
        (("Release", r.reference) for r in message.releases),
    )
    yield from _repeats(
        "TechnicalResourceDetailsReference",
        "",
        "T",
        ((t.kind, t.reference) for r in message.resources for details in r.details
         for t in details.technical_details),
    )


RULE = Rule(
    code="REF207",
    severity=Severity.ERROR,
    summary="Two resources, releases or technical details share one reference",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
