"""Typed model of the parts of an ERN 3.8.2 message that the rules and the summary read.

The parser builds it from whatever is in the file, XSD-valid or not: a missing element is
``None`` or an empty list, never an exception. Every node carries its ``Location``; values that
rules judge are kept as ``Text`` (raw text + place + attributes) so a rule can point at them.
Stdlib only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ddexkit.issues import Location

EMPTY_ATTRS: Mapping[str, str] = {}

# Release types that group tracks into a product (the catalog's "main release").
PRODUCT_RELEASE_TYPES = frozenset(
    {
        "Album",
        "Single",
        "EP",
        "ClassicalAlbum",
        "VideoAlbum",
        "AudioBookRelease",
        "KaraokeRelease",
        "LongFormMusicalWorkVideoRelease",
        "LongFormNonMusicalWorkVideoRelease",
        "MultimediaAlbum",
        "MultimediaSingle",
        "RingbackToneRelease",
        "RingtoneRelease",
        "SingleResourceRelease",
        "VideoSingle",
        "ClassicalMultimediaAlbum",
        "DigitalBoxSetRelease",
        "BackCoverImage",
        "ConcertVideo",
        "DjMix",
        "Documentary",
        "MultimediaDigitalBoxSetRelease",
        "ReviewRelease",
        "SessionRelease",
        "Bundle",
        "UserDefined",
    }
)
TRACK_RELEASE_TYPES = frozenset({"TrackRelease", "VideoTrackRelease"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    """An element's text as written (not stripped), where it is, and its attributes."""

    value: str
    loc: Location
    attrs: Mapping[str, str] = field(default_factory=lambda: EMPTY_ATTRS)

    @property
    def stripped(self) -> str:
        return self.value.strip()


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """A MessageSender/MessageRecipient: its PartyIds and names."""

    loc: Location
    party_ids: tuple[Text, ...] = ()
    names: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageHeader:
    loc: Location
    message_id: Text | None = None
    thread_id: Text | None = None
    sender: Party | None = None
    recipients: tuple[Party, ...] = ()
    created: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Title:
    loc: Location
    text: Text | None = None
    sub_title: Text | None = None
    title_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Contributor:
    """A DisplayArtist, ResourceContributor or IndirectResourceContributor.

    ``kind`` is the element's local name; ``roles`` are its *Role elements.
    """

    kind: str
    loc: Location
    names: tuple[Text, ...] = ()
    roles: tuple[Text, ...] = ()
    party_ids: tuple[Text, ...] = ()
    sequence: Text | None = None

    @property
    def name(self) -> str:
        return self.names[0].stripped if self.names else ""

    def has_role(self, role: str) -> bool:
        return any(r.stripped == role for r in self.roles)


@dataclass(frozen=True, slots=True, kw_only=True)
class CopyrightLine:
    """A PLine or CLine."""

    kind: str
    loc: Location
    year: Text | None = None
    text: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Genre:
    loc: Location
    genre_text: Text | None = None
    sub_genre: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class HashSum:
    loc: Location
    value: Text | None = None
    algorithm: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FileRef:
    """A File element: where the asset lies in the package and its hash sums."""

    loc: Location
    name: Text | None = None
    path: Text | None = None
    hash_sums: tuple[HashSum, ...] = ()

    @property
    def package_path(self) -> str | None:
        """FilePath + FileName as a '/'-separated relative path, or None without a name."""
        if self.name is None or not self.name.stripped:
            return None
        folder = self.path.stripped.replace("\\", "/").strip("/") if self.path else ""
        return f"{folder}/{self.name.stripped}" if folder else self.name.stripped


@dataclass(frozen=True, slots=True, kw_only=True)
class TechnicalDetails:
    """TechnicalSoundRecordingDetails, TechnicalImageDetails or another Technical*Details."""

    kind: str
    loc: Location
    reference: Text | None = None
    codec: Text | None = None
    duration: Text | None = None
    bitrate: Text | None = None
    channels: Text | None = None
    sampling_rate: Text | None = None
    bits_per_sample: Text | None = None
    width: Text | None = None
    height: Text | None = None
    files: tuple[FileRef, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ResourceDetails:
    """SoundRecordingDetailsByTerritory, ImageDetailsByTerritory and the like."""

    loc: Location
    territories: tuple[Text, ...] = ()
    excluded_territories: tuple[Text, ...] = ()
    titles: tuple[Title, ...] = ()
    display_artists: tuple[Contributor, ...] = ()
    display_artist_names: tuple[Text, ...] = ()
    contributors: tuple[Contributor, ...] = ()
    indirect_contributors: tuple[Contributor, ...] = ()
    label_names: tuple[Text, ...] = ()
    resource_release_dates: tuple[Text, ...] = ()
    original_release_dates: tuple[Text, ...] = ()
    p_lines: tuple[CopyrightLine, ...] = ()
    c_lines: tuple[CopyrightLine, ...] = ()
    genres: tuple[Genre, ...] = ()
    parental_warnings: tuple[Text, ...] = ()
    technical_details: tuple[TechnicalDetails, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Resource:
    """A member of the ResourceList. ``kind`` is its local name (SoundRecording, Image, Video…)."""

    kind: str
    loc: Location
    reference: Text | None = None
    resource_type: Text | None = None
    id_loc: Location | None = None
    isrcs: tuple[Text, ...] = ()
    proprietary_ids: tuple[Text, ...] = ()
    reference_title: Title | None = None
    duration: Text | None = None
    languages: tuple[Text, ...] = ()
    details: tuple[ResourceDetails, ...] = ()

    @property
    def isrc(self) -> str | None:
        return next((t.stripped for t in self.isrcs if t.stripped), None)

    @property
    def ref(self) -> str:
        return self.reference.stripped if self.reference else ""

    def iter_technical_details(self) -> Iterator[TechnicalDetails]:
        for details in self.details:
            yield from details.technical_details

    def iter_files(self) -> Iterator[FileRef]:
        for technical in self.iter_technical_details():
            yield from technical.files


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupItem:
    """A ResourceGroupContentItem: one resource at a position in a group."""

    loc: Location
    sequence: Text | None = None
    resource_reference: Text | None = None
    resource_type: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ResourceGroup:
    loc: Location
    sequence: Text | None = None
    titles: tuple[Title, ...] = ()
    items: tuple[GroupItem, ...] = ()
    groups: tuple[ResourceGroup, ...] = ()

    def iter_items(self) -> Iterator[GroupItem]:
        yield from self.items
        for group in self.groups:
            yield from group.iter_items()


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseDetails:
    """ReleaseDetailsByTerritory."""

    loc: Location
    territories: tuple[Text, ...] = ()
    excluded_territories: tuple[Text, ...] = ()
    display_artist_names: tuple[Text, ...] = ()
    label_names: tuple[Text, ...] = ()
    titles: tuple[Title, ...] = ()
    display_artists: tuple[Contributor, ...] = ()
    release_types: tuple[Text, ...] = ()
    parental_warnings: tuple[Text, ...] = ()
    resource_groups: tuple[ResourceGroup, ...] = ()
    genres: tuple[Genre, ...] = ()
    p_lines: tuple[CopyrightLine, ...] = ()
    c_lines: tuple[CopyrightLine, ...] = ()
    release_dates: tuple[Text, ...] = ()
    original_release_dates: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    loc: Location
    reference: Text | None = None
    is_main: Text | None = None
    id_loc: Location | None = None
    icpns: tuple[Text, ...] = ()
    isrcs: tuple[Text, ...] = ()
    grids: tuple[Text, ...] = ()
    proprietary_ids: tuple[Text, ...] = ()
    reference_title: Title | None = None
    resource_references: tuple[Text, ...] = ()
    resource_reference_list_loc: Location | None = None
    release_types: tuple[Text, ...] = ()
    details: tuple[ReleaseDetails, ...] = ()
    duration: Text | None = None
    p_lines: tuple[CopyrightLine, ...] = ()
    c_lines: tuple[CopyrightLine, ...] = ()
    global_release_date: Text | None = None
    global_original_release_date: Text | None = None
    languages: tuple[Text, ...] = ()

    @property
    def ref(self) -> str:
        return self.reference.stripped if self.reference else ""

    @property
    def icpn(self) -> str | None:
        return next((t.stripped for t in self.icpns if t.stripped), None)

    @property
    def type_names(self) -> frozenset[str]:
        names = {t.stripped for t in self.release_types}
        for details in self.details:
            names.update(t.stripped for t in details.release_types)
        return frozenset(names)

    @property
    def is_track_release(self) -> bool:
        names = self.type_names
        return bool(names) and names <= TRACK_RELEASE_TYPES

    @property
    def is_product(self) -> bool:
        return bool(self.type_names & PRODUCT_RELEASE_TYPES)

    def iter_group_items(self) -> Iterator[GroupItem]:
        for details in self.details:
            for group in details.resource_groups:
                yield from group.iter_items()

    def iter_all_p_lines(self) -> Iterator[CopyrightLine]:
        yield from self.p_lines
        for details in self.details:
            yield from details.p_lines

    def iter_all_c_lines(self) -> Iterator[CopyrightLine]:
        yield from self.c_lines
        for details in self.details:
            yield from details.c_lines


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """A ValidityPeriod (StartDate/EndDate or their DateTime forms)."""

    loc: Location
    start: Text | None = None
    end: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Price:
    """A PriceInformation: its tier (PriceType) and amounts with their currencies."""

    loc: Location
    price_type: Text | None = None
    price_range_type: Text | None = None
    amounts: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DealTerms:
    loc: Location
    commercial_model_types: tuple[Text, ...] = ()
    use_types: tuple[Text, ...] = ()
    territories: tuple[Text, ...] = ()
    excluded_territories: tuple[Text, ...] = ()
    validity_periods: tuple[Period, ...] = ()
    prices: tuple[Price, ...] = ()
    takedown: Text | None = None
    pre_order_release_dates: tuple[Text, ...] = ()
    release_display_start_dates: tuple[Text, ...] = ()

    @property
    def is_takedown(self) -> bool:
        return self.takedown is not None and self.takedown.stripped.lower() == "true"


@dataclass(frozen=True, slots=True, kw_only=True)
class Deal:
    loc: Location
    terms: DealTerms | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseDeal:
    loc: Location
    release_references: tuple[Text, ...] = ()
    deals: tuple[Deal, ...] = ()
    effective_date: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """One ERN message. ``index`` holds, by local name, every element of ``INDEXED_ELEMENTS``
    and every attribute of ``INDEXED_ATTRIBUTES`` (as ``@Name``) found anywhere in the file,
    in document order, for the rules that check "every X element" wherever it stands.
    """

    kind: str
    namespace: str
    loc: Location
    schema_version_id: Text | None = None
    language_and_script_code: str | None = None
    header: MessageHeader | None = None
    resource_list_loc: Location | None = None
    release_list_loc: Location | None = None
    deal_list_loc: Location | None = None
    resources: tuple[Resource, ...] = ()
    releases: tuple[Release, ...] = ()
    release_deals: tuple[ReleaseDeal, ...] = ()
    index: Mapping[str, tuple[Text, ...]] = field(default_factory=dict)

    @property
    def sound_recordings(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if r.kind == "SoundRecording")

    @property
    def images(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if r.kind == "Image")

    def indexed(self, name: str) -> tuple[Text, ...]:
        """Every element (or ``@attribute``) of that local name in the file, in document order."""
        return self.index.get(name, ())

    @property
    def main_release(self) -> Release | None:
        """The release with IsMainRelease="true", else the first product release.

        When several say IsMainRelease="true" the first is taken; REF204 reports the clash.
        """
        flagged = [r for r in self.releases if r.is_main and r.is_main.stripped == "true"]
        if flagged:
            return flagged[0]
        return next((r for r in self.releases if r.is_product), None)

    def resources_by_reference(self) -> dict[str, Resource]:
        """First resource per ResourceReference (REF207 reports duplicates)."""
        found: dict[str, Resource] = {}
        for resource in self.resources:
            found.setdefault(resource.ref, resource)
        return found

    def releases_by_reference(self) -> dict[str, Release]:
        found: dict[str, Release] = {}
        for release in self.releases:
            found.setdefault(release.ref, release)
        return found

    def iter_deal_terms(self) -> Iterator[tuple[ReleaseDeal, Deal, DealTerms]]:
        for release_deal in self.release_deals:
            for deal in release_deal.deals:
                if deal.terms is not None:
                    yield release_deal, deal, deal.terms
