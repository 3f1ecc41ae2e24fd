"""The same ISRC is given to recordings with different titles or durations in the batch.

Why it matters:
    An ISRC identifies one recording for good. The same ISRC under another title, or with a
    length more than 5 seconds apart, is either a typo or a second recording wearing the first
    one's code: stores merge their plays and royalties go to the wrong track.

Bad:
    ``GBAYE2400001`` is "Northern Lights" (3:12) in ``a.xml`` and "Harbour Walls" (4:05) in
    ``b.xml``.

Good:
    The same ISRC, wherever it appears, has the same title and a duration within 5 seconds (a
    different edit or remaster gets its own ISRC).

Source:
    IFPI ISRC Handbook (one ISRC per recording; a new version needs a new ISRC).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.catalogue import Catalogue, TrackFact
from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.batch._places import as_pairs, listing

TOLERANCE_SECONDS = 5.0


def _title_key(title: str | None) -> str:
    return " ".join((title or "").casefold().split())


def check(catalogue: Catalogue, context: RuleContext) -> Iterator[Finding]:
    by_isrc: dict[str, list[TrackFact]] = {}
    for facts in catalogue.files:
        for track in facts.tracks:
            by_isrc.setdefault(track.isrc.upper(), []).append(track)
    for isrc, tracks in by_isrc.items():
        if len({t.place.path for t in tracks}) < 2:
            continue  # within one message ID107 speaks
        titles = {_title_key(t.title) for t in tracks}
        lengths = [t.seconds for t in tracks if t.seconds is not None]
        apart = bool(lengths) and max(lengths) - min(lengths) > TOLERANCE_SECONDS
        if len(titles) < 2 and not apart:
            continue
        what = "titles" if len(titles) > 1 else "durations"
        shown = sorted({repr(t.title) for t in tracks}) if len(titles) > 1 else sorted(
            {f"{t.seconds:g} s" for t in tracks if t.seconds is not None})
        places = [t.place for t in tracks]
        yield Finding(
            at=WHOLE_FILE,
            message=f"ISRC {isrc} has different {what} ({', '.join(shown)}): "
            f"{listing(places)}",
            hint="Check which recording owns the ISRC; give the other recording its own",
            places=as_pairs(places),
        )


RULE = Rule(
    code="BAT002",
    severity=Severity.ERROR,
    summary="The same ISRC names recordings with different titles or durations in the batch",
    stage=Stage.BATCH,
    check=check,
    doc=__doc__ or "",
)
