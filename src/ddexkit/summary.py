"""What the distributor's ingest would echo back about a release, read from the model.

Absent values stay ``None``: the summary reports, it never invents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ddexkit import model as m


@dataclass(frozen=True, slots=True, kw_only=True)
class Track:
    """One track of the summary, in release order."""

    sequence: int | None
    resource_reference: str
    title: str | None
    isrc: str | None
    duration: str | None
    duration_seconds: int | None
    primary_artists: list[str]
    explicit: bool | None
    file: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Artwork:
    """The front cover of the summary."""

    resource_reference: str
    file: str | None
    width: int | None
    height: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DealSummary:
    """One deal of the summary."""

    release_reference: str | None
    territories: list[str]
    excluded_territories: list[str]
    commercial_model_types: list[str]
    use_types: list[str]
    start_date: str | None
    end_date: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    """What the ingest would echo back about the main release."""

    title: str | None = None
    label: str | None = None
    upc: str | None = None
    release_date: str | None = None
    release_type: str | None = None
    primary_artists: tuple[str, ...] = ()
    explicit: bool | None = None
    genre: str | None = None
    p_line: str | None = None
    c_line: str | None = None
    tracks: tuple[Track, ...] = ()
    artwork: Artwork | None = None
    deals: tuple[DealSummary, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "label": self.label,
            "upc": self.upc,
            "release_date": self.release_date,
            "release_type": self.release_type,
            "primary_artists": list(self.primary_artists),
            "explicit": self.explicit,
            "genre": self.genre,
            "p_line": self.p_line,
            "c_line": self.c_line,
            "tracks": [_track_dict(t) for t in self.tracks],
            "artwork": None if self.artwork is None else {
                "resource_reference": self.artwork.resource_reference,
                "file": self.artwork.file,
                "width": self.artwork.width,
                "height": self.artwork.height,
            },
            "deals": [_deal_dict(d) for d in self.deals],
        }


def _track_dict(track: Track) -> dict[str, Any]:
    return {
        "sequence": track.sequence,
        "resource_reference": track.resource_reference,
        "title": track.title,
        "isrc": track.isrc,
        "duration": track.duration,
        "duration_seconds": track.duration_seconds,
        "primary_artists": list(track.primary_artists),
        "explicit": track.explicit,
        "file": track.file,
    }


def _deal_dict(deal: DealSummary) -> dict[str, Any]:
    return {
        "release_reference": deal.release_reference,
        "territories": list(deal.territories),
        "excluded_territories": list(deal.excluded_territories),
        "commercial_model_types": list(deal.commercial_model_types),
        "use_types": list(deal.use_types),
        "start_date": deal.start_date,
        "end_date": deal.end_date,
    }


def _value(text: m.Text | None) -> str | None:
    return text.stripped or None if text is not None else None


def _first_value(texts: tuple[m.Text, ...]) -> str | None:
    return next((value for t in texts if (value := t.stripped)), None)


def _int(text: m.Text | None) -> int | None:
    return text.as_int() if text is not None else None


def _track(track: m.Track, seconds_of: dict[str, int | None]) -> Track:
    """The track as the ingest echoes it, from the model's Track view; ``seconds_of`` holds
    the length of each Duration already read in this summary (an album's tracks share a few
    hundred lengths)."""
    duration = track.resource.duration
    seconds: int | None = None
    if duration is not None:
        try:
            seconds = seconds_of[duration.value]
        except KeyError:
            exact = duration.as_seconds()
            seconds = seconds_of[duration.value] = round(exact) if exact is not None else None
    return Track(
        sequence=track.number,
        resource_reference=track.reference,
        title=track.title,
        isrc=track.isrc,
        duration=track.duration,
        duration_seconds=seconds,
        primary_artists=list(track.display_artists),
        explicit=track.explicit,
        file=track.file,
    )


def _tracks(tracks: tuple[m.Track, ...]) -> tuple[Track, ...]:
    """The summary's tracks, in the order given."""
    seconds_of: dict[str, int | None] = {}
    return tuple(_track(track, seconds_of) for track in tracks)


def _artwork(release: m.Release, resources: dict[str, m.Resource]) -> Artwork | None:
    """The first Image the release delivers that is (or may be) its front cover."""
    for resource in release.delivered(resources):
        if resource.kind == "Image" and (
            resource.resource_type is None or resource.resource_type.stripped == "FrontCoverImage"
        ):
            technical = next(resource.iter_technical_details(), None)
            return Artwork(
                resource_reference=resource.ref,
                file=resource.file,
                width=_int(technical.width) if technical else None,
                height=_int(technical.height) if technical else None,
            )
    return None


def _deals(message: m.Message) -> tuple[DealSummary, ...]:
    deals = []
    for release_deal, _deal, terms in message.iter_deal_terms():
        period = terms.validity_periods[0] if terms.validity_periods else None
        deals.append(
            DealSummary(
                release_reference=_first_value(release_deal.release_references),
                territories=[t.stripped for t in terms.territories],
                excluded_territories=[t.stripped for t in terms.excluded_territories],
                commercial_model_types=[t.stripped for t in terms.commercial_model_types],
                use_types=[t.stripped for t in terms.use_types],
                start_date=_value(period.start) if period else None,
                end_date=_value(period.end) if period else None,
            )
        )
    return tuple(deals)


def summarize(message: m.Message,
              tracks_of: Callable[[m.Release], tuple[m.Track, ...]] | None = None) -> Summary:
    """The ingest-style summary of the message's main release; ``tracks_of`` gives a
    release's tracks when the caller has them already (the engine's rule context)."""
    release = message.main_release
    if release is None:
        return Summary(deals=_deals(message))
    details = release.details[0] if release.details else None
    resources = message.resources_by_reference()
    p_line = next((_value(p.text) for p in release.iter_all_p_lines() if _value(p.text)), None)
    c_line = next((_value(c.text) for c in release.iter_all_c_lines() if _value(c.text)), None)
    # The release date as the ingest takes it: an original release date where no other is
    # given (DUR410 says so).
    release_date = (
        (_first_value(details.release_dates) if details else None)
        or _value(release.global_release_date)
        or (_first_value(details.original_release_dates) if details else None)
        or _value(release.global_original_release_date)
    )
    return Summary(
        title=release.display_title,
        label=_first_value(details.label_names) if details else None,
        upc=release.icpn,
        release_date=release_date,
        release_type=_first_value(release.release_types)
        or (_first_value(details.release_types) if details else None),
        primary_artists=release.main_artists,
        explicit=release.explicit,
        genre=next(
            (_value(g.genre_text) for g in details.genres if _value(g.genre_text)), None
        ) if details else None,
        p_line=p_line,
        c_line=c_line,
        tracks=_tracks(tracks_of(release) if tracks_of is not None
                       else release.tracks(resources)),
        artwork=_artwork(release, resources),
        deals=_deals(message),
    )
