"""A role is not in the DDEX allowed-value set.

Why it matters:
    ArtistRole, ResourceContributorRole and IndirectResourceContributorRole take values
    from DDEX's allowed-value sets; the distributor (and the XSD) reject anything else. The
    hint names the value that was most likely meant (case, a common word such as Writer, or
    the nearest spelling), and ``ddexkit fix`` writes it: safe when only the case differs,
    unsafe for a synonym or a spelling, which are guesses. This issue replaces the XSD's at
    the same element.

Bad:
    <ArtistRole>mainartist</ArtistRole>

Good:
    <ArtistRole>MainArtist</ArtistRole>

Source:
    DDEX AVS 2016-10-06 (ArtistRole, ResourceContributorRole, MusicalWorkContributorRole);
    distributor API.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.avs import ROLE_ELEMENT_SETS, closest_value, is_allowed, synonym_for
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE


def _hint(element: str, set_name: str, text: Text, closest: str | None) -> str:
    if closest is not None:
        return f"Use <{element}>{closest}</{element}>"
    synonym = synonym_for(text.value)
    if synonym is not None and element == "ResourceContributorRole":
        return (f"A writer is credited as an <IndirectResourceContributor> with "
                f"<IndirectResourceContributorRole>{synonym}</IndirectResourceContributorRole>")
    return (f"Use a DDEX {set_name} value, or UserDefined with a UserDefinedValue attribute "
            "naming the role")


def _fix(text: Text, closest: str | None) -> Fix | None:
    """Writing the allowed value the role most likely is: safe when only the case differs
    (``mainartist``), unsafe for a synonym or the nearest spelling, which are guesses."""
    if closest is None:
        return None
    return Fix(replacement=closest, original=text.value, description=f"write {closest}",
               safe=closest.casefold() == text.stripped.casefold())


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for element, set_name in ROLE_ELEMENT_SETS.items():
        for text in message.indexed(element):
            # Surrounding whitespace is tolerated, as the XSD validator and the ingest do.
            if is_allowed(set_name, text.stripped):
                continue
            closest = closest_value(set_name, text.value)
            yield Finding(
                at=text.loc,
                message=f"{element} '{text.stripped}' is not a DDEX allowed value",
                hint=_hint(element, set_name, text, closest),
                fix=_fix(text, closest),
            )


RULE = Rule(
    code="ROL603",
    severity=Severity.ERROR,
    summary="A role is not in the DDEX allowed-value set",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
    indexes=frozenset(ROLE_ELEMENT_SETS),
)
