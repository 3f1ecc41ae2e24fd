"""A DisplayArtistName does not contain the name of each MainArtist listed beside it.

Why it matters:
    Stores show the DisplayArtistName as the artist line and link the DisplayArtists to
    artist pages; when the line leaves out a main artist (or names someone else) the page
    and the line disagree and the track is credited wrongly. Each DisplayArtistName is
    compared, ignoring case, spacing and accents (Božinović is Bozinovic), with the names
    of the DisplayArtists with ArtistRole MainArtist in the same ReleaseDetailsByTerritory
    or SoundRecordingDetailsByTerritory block. A name written in another script than the
    DisplayArtistName (宇多田ヒカル beside Hikaru Utada) cannot be compared and passes, and
    "Various Artists" on a release that groups tracks is the compilation's credit, whoever
    its main artists are. The hint suggests a line built from the main artists.

Bad:
    <DisplayArtistName>Aurora Vail</DisplayArtistName>

Good:
    <DisplayArtistName>Aurora Vale</DisplayArtistName>

Source:
    DDEX ERN 3.8.2 DisplayArtistName, DisplayArtist; DDEX AVS ArtistRole (MainArtist).
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from ddexkit.domain.text import contains_name, is_various_artists, written_alike
from ddexkit.issues import Finding, Severity
from ddexkit.model import Contributor, Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage


def _blocks(
    message: Message,
) -> Iterator[tuple[str, bool, tuple[Text, ...], tuple[Contributor, ...]]]:
    """(owner, is a product release, DisplayArtistNames, DisplayArtists) per details block."""
    for release in message.releases:
        owner = f"release {release.ref or '(no reference)'}"
        for details in release.details:
            yield (
                owner,
                not release.is_track_release,
                details.display_artist_names,
                details.display_artists,
            )
    for resource in message.resources:
        owner = f"{resource.kind} {resource.ref or '(no reference)'}"
        for resource_details in resource.details:
            yield (
                owner,
                False,
                resource_details.display_artist_names,
                resource_details.display_artists,
            )


_VALUE = attrgetter("value")


def _is_main(artist: Contributor) -> bool:
    """``artist.has_role("MainArtist")`` and a name, as a plain loop: called for every
    DisplayArtist of the message, the generator has_role builds was a sixth of the rule's
    time."""
    for role in artist.roles:
        if role.value.strip() == "MainArtist":
            return bool(artist.name)
    return False


def _order(artist: Contributor) -> int:
    value = artist.sequence.as_int() if artist.sequence is not None else None
    return value if value is not None else 1_000_000


def _named(display_name: str, artist: Contributor) -> bool:
    """Whether the line names the artist; a name in another script cannot be compared."""
    names = [n.stripped for n in artist.names if n.stripped]
    comparable = [n for n in names if written_alike(display_name, n)]
    return not comparable or any(contains_name(display_name, n) for n in comparable)


class _Missing:
    """The MainArtists a DisplayArtistName leaves out, worked out once per DisplayArtistName
    and names of the main artists: a message repeats the same few artists on every track,
    and comparing them (scripts, accents, case) was most of the rule's time."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, tuple[tuple[str, ...], ...]], list[str]] = {}

    def of(self, display_name: str, mains: list[Contributor]) -> list[str]:
        # the names as written: the same values give the same stripped names, so one verdict
        key = (display_name, tuple([tuple(map(_VALUE, a.names)) for a in mains]))
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = sorted(
                {a.name for a in mains if not _named(display_name, a)})
        return found


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " & " + names[-1]


def _suggestion(artists: tuple[Contributor, ...]) -> str:
    ordered = sorted(artists, key=_order)
    mains = [a.name for a in ordered if a.has_role("MainArtist") and a.name]
    featured = [a.name for a in ordered if a.has_role("FeaturedArtist") and a.name]
    line = _listed(mains)
    return f"{line} feat. {_listed(featured)}" if featured else line


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    missing_of = _Missing()
    for owner, is_product, display_names, artists in _blocks(message):
        mains = [a for a in artists if _is_main(a)]
        if not mains:
            continue  # no MainArtist to compare with (ROL601/ROL602 say so)
        for display_name in display_names:
            shown = display_name.stripped
            if not shown or (is_product and is_various_artists(shown)):
                continue
            missing = missing_of.of(shown, mains)
            if not missing:
                continue
            yield Finding(
                at=display_name.loc,
                message=f"DisplayArtistName {shown!r} of {owner} does not contain the "
                f"MainArtist {_listed(missing)}",
                hint=f"Write {_suggestion(artists)!r}, or correct the DisplayArtist's name",
            )


RULE = Rule(
    code="TXT306",
    severity=Severity.WARNING,
    summary="A DisplayArtistName does not contain each MainArtist listed beside it",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
