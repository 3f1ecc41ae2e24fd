"""A resource repeats the DisplayArtistName of a release that delivers it.

Why it matters:
    Under the profiles a resource takes the DisplayArtistName of the release it belongs to;
    a resource gives its own only where its artists differ from the release's (a featured
    guest on one track). Writing the release's name again on every track tells a store
    nothing and hides the tracks whose artists really differ. The profiles make it an Error
    (not a Fatal Error): a warning here.

Bad:
        <DisplayArtistName>Wren Halloway</DisplayArtistName> <!-- expect: PRF024 -->

Good:
        <DisplayArtistName>Wren Halloway feat. Ines Marlow</DisplayArtistName>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clauses 4.3(16a)
    and 4.3(18): AudioAlbumMusicOnly rules 1102-1 and 1140-1, AudioSingle rules 1029-1 and
    1067-1 (Error).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def _key(name: str) -> str:
    return " ".join(name.split())


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    resources = context.resources_by_reference
    reported: set[int] = set()  # each resource's name once, whichever releases repeat it
    for release in message.releases:
        names = {_key(n.value) for d in release.details for n in d.display_artist_names
                 if n.stripped}
        if not names:
            continue
        for reference in dict.fromkeys(r.stripped for r in release.resource_references):
            resource = resources.get(reference)
            if resource is None:
                continue  # an unresolved reference is REF201's
            for details in resource.details:
                for name in details.display_artist_names:
                    if _key(name.value) not in names or id(name.element) in reported:
                        continue
                    reported.add(id(name.element))
                    yield Finding(
                        at=name.loc,
                        message=f"{resource.kind} {resource.ref or '(no reference)'} repeats "
                        f"the DisplayArtistName '{name.stripped}' of release "
                        f"{release.ref or '(no reference)'}",
                        hint="Leave this DisplayArtistName out: the resource takes the "
                        "release's; write one only where the track's artists differ",
                    )


RULE = Rule(
    code="PRF024",
    severity=Severity.WARNING,
    summary="A resource repeats the DisplayArtistName of a release that delivers it",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
