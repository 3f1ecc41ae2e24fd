"""What a file contributes to the checks across a catalogue: its MessageId, its main release's
ICPN, title and deals, its tracks' ISRCs, titles and durations, and the SHA-256 of each audio
file when the files are at hand. Facts only: the BAT rules judge them, over a whole batch,
without reading any XML again.

Each fact keeps the line it was read from, so that an issue about several files names each
file and the place in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ddexkit.model import Message, Text

if TYPE_CHECKING:  # a type only: the report imports this module, media loads on validation
    from ddexkit.media import AssetFacts


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A file of the batch and a line in it."""

    path: str
    line: int | None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackFact:
    isrc: str
    title: str | None
    seconds: float | None
    place: Place


@dataclass(frozen=True, slots=True, kw_only=True)
class AudioFact:
    isrc: str | None
    sha256: str
    place: Place


@dataclass(frozen=True, slots=True, kw_only=True)
class FileFacts:
    """One file's facts for the catalogue checks."""

    path: str
    message_id: str | None = None
    message_id_place: Place | None = None
    icpn: str | None = None
    icpn_place: Place | None = None
    release_title: str | None = None
    tracks: tuple[TrackFact, ...] = ()
    # One line per deal of the main release: commercial models, use types, territories,
    # start and end, in a stable spelling, sorted: two deliveries with the same deals have
    # the same tuple.
    deals: tuple[str, ...] = ()
    audio: tuple[AudioFact, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalogue:
    """The subject of the BATCH stage: every file's facts, in input order."""

    files: tuple[FileFacts, ...] = ()


def _place(path: str, text: Text | None) -> Place:
    return Place(path=path, line=text.element.sourceline if text is not None else None)


def file_facts(message: Message, path: str, assets: AssetFacts | None = None) -> FileFacts:
    """The facts of one parsed message (``assets``: its files, when at hand)."""
    header = message.header
    message_id = header.message_id if header is not None else None
    release = message.main_release
    icpn_text = next((t for t in release.icpns if t.stripped), None) if release else None
    tracks = tuple(
        TrackFact(isrc=track.isrc, title=track.title, seconds=track.duration_seconds,
                  place=_place(path, next((t for t in track.resource.isrcs if t.stripped),
                                          None)))
        for track in (message.tracks() if release is not None else ())
        if track.isrc
    )
    audio = tuple(
        AudioFact(isrc=file.resource.isrc, sha256=file.hashes["sha256"],
                  place=Place(path=path, line=file.file.element.sourceline))
        for file in (assets.files if assets is not None and assets.at_hand else ())
        if file.resource.kind == "SoundRecording" and "sha256" in file.hashes
    )
    return FileFacts(
        path=path,
        message_id=message_id.stripped or None if message_id is not None else None,
        message_id_place=_place(path, message_id) if message_id is not None else None,
        icpn=icpn_text.stripped if icpn_text is not None else None,
        icpn_place=_place(path, icpn_text) if icpn_text is not None else None,
        release_title=release.display_title if release is not None else None,
        tracks=tracks,
        deals=_deals(message, release.ref if release is not None else None),
        audio=audio,
    )


def _deals(message: Message, reference: str | None) -> tuple[str, ...]:
    found = []
    for release_deal, _deal, terms in message.iter_deal_terms():
        if reference is None or reference not in {t.stripped for t in
                                                  release_deal.release_references}:
            continue
        period = terms.validity_periods[0] if terms.validity_periods else None
        parts = (
            sorted(t.stripped for t in terms.commercial_model_types),
            sorted(t.stripped for t in terms.use_types),
            sorted(t.stripped for t in terms.territories),
            sorted("-" + t.stripped for t in terms.excluded_territories),
            [period.start.stripped if period and period.start else ""],
            [period.end.stripped if period and period.end else ""],
        )
        found.append(" | ".join(" ".join(part) for part in parts))
    return tuple(sorted(found))
