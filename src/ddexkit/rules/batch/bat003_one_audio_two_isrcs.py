"""The same audio file (equal SHA-256) is delivered under two different ISRCs.

Why it matters:
    One recording under two ISRCs splits its plays, its royalties and its chart position in two,
    and content-ID systems flag the second as a copy of the first. It usually means an ISRC was
    issued again for a re-delivery instead of reusing the first one.

Bad:
    ``resources/A1.flac`` of ``a.xml`` (ISRC ``GBAYE2400001``) and ``resources/T1.flac`` of
    ``b.xml`` (ISRC ``GBAYE2400009``) hold the same bytes.

Good:
    The same audio is delivered with the ISRC it was first given.

Source:
    IFPI ISRC Handbook (an ISRC identifies a recording, not a delivery). Needs the files
    (``--assets`` or ZIP packages).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.catalogue import AudioFact, Catalogue
from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.batch._places import as_pairs, listing


def check(catalogue: Catalogue, context: RuleContext) -> Iterator[Finding]:
    by_digest: dict[str, list[AudioFact]] = {}
    for facts in catalogue.files:
        for audio in facts.audio:
            by_digest.setdefault(audio.sha256, []).append(audio)
    for digest, files in by_digest.items():
        isrcs = sorted({a.isrc.upper() for a in files if a.isrc})
        if len(isrcs) < 2:
            continue
        places = [a.place for a in files]
        yield Finding(
            at=WHOLE_FILE,
            message=f"One audio file (SHA-256 {digest[:16]}…) is delivered under the ISRCs "
            f"{', '.join(isrcs)}: {listing(places)}",
            hint="Deliver the recording with the ISRC it was first given",
            places=as_pairs(places),
        )


RULE = Rule(
    code="BAT003",
    severity=Severity.WARNING,
    summary="The same audio file is delivered under two different ISRCs",
    stage=Stage.BATCH,
    check=check,
    doc=__doc__ or "",
)
