"""A TrackRelease lacks a DisplayArtist, LabelName, Genre, PLine or CLine.

Why it matters:
    The profiles ask of every release what the distributor's rules ask of the main release
    (ROL601, TXT307, CAT904, TXT310): a DisplayArtist, a LabelName and a Genre in the first
    ReleaseDetailsByTerritory or else in every other one, and a PLine and a CLine. A
    TrackRelease is sold on its own, so a store shows its artist, label, genre and
    copyright lines from the TrackRelease, not from the album. For the main release the
    profiles reuse those four rules; this one judges the TrackReleases.

Bad:
    <ReleaseReference>R1</ReleaseReference> <!-- expect: PRF011 -->

Good:
    <ReleaseReference>R1</ReleaseReference>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clauses 4.3(5a),
    4.3(5b), 4.3(6a), 4.3(7), 4.3(12c), 4.4(8) and 4.10(8): AudioSingle rules 1017-1,
    1018-1, 1020-1, 1022-1, 1065-1 and 1072-1; AudioAlbumMusicOnly rules 1090-1, 1091-1,
    1093-1, 1095-1, 1139-1 and 1145-1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release, ReleaseDetails
from ddexkit.rules.base import Rule, RuleContext, Stage

Has = Callable[[ReleaseDetails], bool]

_PER_TERRITORY: tuple[tuple[str, Has], ...] = (
    ("DisplayArtist", lambda d: bool(d.display_artists)),
    ("LabelName", lambda d: any(n.stripped for n in d.label_names)),
    ("Genre", lambda d: any(g.genre_text is not None and g.genre_text.stripped
                            for g in d.genres)),
)


def _covered(release: Release, has: Has) -> bool:
    """In the first territory's details, else in every other territory's (the profiles'
    reading: the first ReleaseDetailsByTerritory holds the default)."""
    first, *others = release.details
    return has(first) or (bool(others) and all(has(d) for d in others))


def _missing(release: Release) -> list[str]:
    missing = [name for name, has in _PER_TERRITORY if not _covered(release, has)]
    lines = (("PLine", release.iter_all_p_lines()), ("CLine", release.iter_all_c_lines()))
    missing += [kind for kind, found in lines
                if not any(line.text is not None and line.text.stripped for line in found)]
    return missing


def _listed(names: list[str], word: str) -> str:
    """``A``, ``A or B``, ``A, B or C``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {word} {names[-1]}"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        if not release.is_track_release or not release.details:
            continue
        missing = _missing(release)
        if not missing:
            continue
        yield Finding(
            at=release.reference.loc if release.reference is not None else release.loc,
            message=f"TrackRelease {release.ref or '(no reference)'} has no "
            f"{_listed(missing, 'or')}",
            hint=f"Give the TrackRelease its own {_listed(missing, 'and')} (as the main "
            "release has them)",
        )


RULE = Rule(
    code="PRF011",
    severity=Severity.ERROR,
    summary="A TrackRelease lacks a DisplayArtist, LabelName, Genre, PLine or CLine",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
