"""A title carries an explicit-content label ("Explicit", "Clean", "Edited").

Why it matters:
    Stores show their own explicit or clean badge from the ParentalWarningType and filter
    explicit content by it; a label typed into the title is shown beside the badge, or
    contradicts it, and the stores' style guides ask to leave it out. A label counts in a
    closing qualifier only (brackets at the end, or what follows the last " - "): "Explicit",
    "Clean", "Edited", "Censored", "Uncensored" or "Dirty", alone or with "Version", "Edit" or
    "Lyrics". "Clean" as a title and "(Radio Edit)", a version, pass. The hint names the
    ParentalWarningType the label means.

Bad:
    <TitleText>Harbour Walls (Clean Version)</TitleText>

Good:
    <TitleText>Harbour Walls</TitleText>

Source:
    Apple Music Style Guide, 3. Titles and the explicit-content section (explicit and clean
    versions are flagged in the metadata, not named in titles); Spotify Metadata Style Guide,
    19. Parental Advisory; DDEX AVS ParentalWarningType; DDEX ERN 3.8.2 TitleText.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.storestyle import Qualifier, qualifiers_of_kind, without_qualifiers
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def _flag_for(label: str) -> str:
    """The ParentalWarningType a label stands for."""
    word = label.split()[0].casefold()
    if word in ("explicit", "uncensored", "dirty"):
        return "Explicit"
    return "ExplicitContentEdited"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for text in message.indexed("TitleText"):
        title = text.stripped
        labels = qualifiers_of_kind(title, Qualifier.EXPLICIT)
        if not labels:
            continue
        flag = _flag_for(labels[0])
        also = (" (NotExplicit if no explicit version exists)"
                if flag == "ExplicitContentEdited" else "")
        yield Finding(
            at=text.loc,
            message=f"TitleText {title!r} carries the explicit-content label {labels[0]!r}",
            hint=f"Write the title as {without_qualifiers(title, labels)!r} and say it with "
            f"<ParentalWarningType>{flag}</ParentalWarningType>{also}",
        )


RULE = Rule(
    code="TXT312",
    severity=Severity.WARNING,
    summary="A title carries an explicit-content label",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({"TitleText"}),
    opt_in=True,
)
