"""What the distributor's ingest would echo back about a release, read from the model.

Absent values stay ``None``: the summary reports, it never invents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ddexkit import model as m
from ddexkit.domain.timecodes import duration_seconds

_EXPLICIT = {"Explicit": True, "ExplicitContentEdited": False, "NotExplicit": False}


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


def _title(reference: m.Title | None, titles: tuple[m.Title, ...]) -> str | None:
    preferred = [t for t in titles if t.title_type == "DisplayTitle"] + list(titles)
    if reference is not None:
        preferred.insert(0, reference)
    return next((value for t in preferred if t.text and (value := t.text.stripped)), None)


def _main_artists(artists: tuple[m.Contributor, ...], names: tuple[m.Text, ...]) -> list[str]:
    found = [a.name for a in artists if a.has_role("MainArtist") and a.name]
    return found or ([n] if (n := _first_value(names)) else [])


def _explicit(warnings: tuple[m.Text, ...]) -> bool | None:
    return next((_EXPLICIT[w.stripped] for w in warnings if w.stripped in _EXPLICIT), None)


def _int(text: m.Text | None) -> int | None:
    return text.as_int() if text is not None else None


def _first_file(resource: m.Resource) -> str | None:
    return next((path for f in resource.iter_files() if (path := f.package_path)), None)


def _track(resource: m.Resource, sequence: int | None) -> Track:
    details = resource.details[0] if resource.details else None
    duration = _value(resource.duration)
    seconds = duration_seconds(duration) if duration else None
    file = _first_file(resource)
    return Track(
        sequence=sequence,
        resource_reference=resource.ref,
        title=_title(resource.reference_title, details.titles if details else ()),
        isrc=resource.isrc,
        duration=duration,
        duration_seconds=round(seconds) if seconds is not None else None,
        primary_artists=(
            _main_artists(details.display_artists, details.display_artist_names) if details else []
        ),
        explicit=_explicit(details.parental_warnings) if details else None,
        file=file,
    )


def _ordered_references(release: m.Release) -> list[tuple[int | None, str]]:
    """(sequence, resource reference) in track order: group order first, then the list order."""
    ordered: list[tuple[int | None, str]] = []
    seen: set[str] = set()
    for item in release.iter_group_items():
        reference = _value(item.resource_reference)
        if reference and reference not in seen:
            seen.add(reference)
            ordered.append((_int(item.sequence), reference))
    for text in release.resource_references:
        if text.stripped and text.stripped not in seen:
            seen.add(text.stripped)
            ordered.append((None, text.stripped))
    return ordered


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


def summarize(message: m.Message) -> Summary:
    """The ingest-style summary of the message's main release."""
    release = message.main_release
    if release is None:
        return Summary(deals=_deals(message))
    details = release.details[0] if release.details else None
    resources = message.resources_by_reference()
    tracks = []
    artwork = None
    sequence_fallback = 0
    for sequence, reference in _ordered_references(release):
        resource = resources.get(reference)
        if resource is None:
            continue
        if resource.kind == "SoundRecording":
            sequence_fallback += 1
            tracks.append(_track(resource, sequence if sequence is not None else sequence_fallback))
        elif resource.kind == "Image" and artwork is None and (
            resource.resource_type is None or resource.resource_type.stripped == "FrontCoverImage"
        ):
            technical = next(resource.iter_technical_details(), None)
            artwork = Artwork(
                resource_reference=resource.ref,
                file=_first_file(resource),
                width=_int(technical.width) if technical else None,
                height=_int(technical.height) if technical else None,
            )
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
        title=_title(release.reference_title, details.titles if details else ()),
        label=_first_value(details.label_names) if details else None,
        upc=release.icpn,
        release_date=release_date,
        release_type=_first_value(release.release_types)
        or (_first_value(details.release_types) if details else None),
        primary_artists=tuple(
            _main_artists(details.display_artists, details.display_artist_names) if details else ()
        ),
        explicit=_explicit(details.parental_warnings) if details else None,
        genre=next(
            (_value(g.genre_text) for g in details.genres if _value(g.genre_text)), None
        ) if details else None,
        p_line=p_line,
        c_line=c_line,
        tracks=tuple(sorted(tracks, key=lambda t: (t.sequence is None, t.sequence or 0))),
        artwork=artwork,
        deals=_deals(message),
    )
