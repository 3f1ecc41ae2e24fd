"""Typed model of the parts of an ERN 3.8.2 message that the rules and the summary read.

The parser builds it from whatever is in the file, XSD-valid or not: a missing element is
``None`` or an empty list, never an exception. Every record carries the element it was read
from, and so its ``loc``; values that rules judge are kept as ``Text`` (raw text + element,
which gives its place and attributes) so a rule can point at them.
Stdlib only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ddexkit.issues import Location
from ddexkit.lexical import duration_seconds, whole_number, xs_boolean

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
# Release types of video products; besides these, every type named ...VideoRelease
# (LongFormMusicalWorkVideoRelease, ShortFormMusicalWorkVideoRelease...) is one.
VIDEO_RELEASE_TYPES = frozenset({"VideoSingle", "VideoAlbum", "VideoTrackRelease",
                                 "ConcertVideo"})

# ParentalWarningType as the ingest reads the explicit flag; other values say nothing.
EXPLICIT_FLAGS = {"Explicit": True, "ExplicitContentEdited": False, "NotExplicit": False}


class _Read:
    """What every record of the model shares: ``element``, the lxml element it was read from
    (the model itself is stdlib only), and ``loc``, where that is.

    The place is worked out from the element when asked for, instead of being kept in a
    Location per record: the parser makes tens of thousands of records (a Text per element it
    reads) and an issue points at a few of them. Two records are equal when they hold the
    same values read from the same element.
    """

    __slots__ = ()
    element: Any

    @property
    def loc(self) -> Location:
        return Location(line=self.element.sourceline, element=self.element)


# Hot records. The parser makes a Text per element it reads and a few records per track:
# tens of thousands in a large album. Those are slotted dataclasses that are *not* frozen but
# hash as a frozen one would (``unsafe_hash``): a frozen dataclass's __init__ sets every field
# through ``object.__setattr__``, which made building the model about a fifth slower (on the
# benchmark's 1,000-track album, some 45 ms, half the time of lxml's parse + XSD validation of
# the whole file). They are treated as immutable all the same: only the parser sets their
# fields, and tests/test_model_unchanged.py checks that the rules leave the model as built.
# The records made once per message, release or deal keep the house style (frozen).
@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class Text(_Read):
    """An element's text as written (not stripped), the element it is in, and its attributes.

    For an attribute's value (``@Namespace`` in the index, IsMainRelease, SequenceNumber),
    ``element`` is the element that bears it and ``attrs`` is empty. Two Texts are equal when
    they hold the same value from the same element.

    Like the place (``loc``), the attributes are read from the element when asked for.
    """

    value: str
    element: Any = field(repr=False)
    of_attribute: bool = False

    def __str__(self) -> str:
        """The value as the schema reads it (surrounding spaces collapsed away): ``str(text)``
        and f-strings give what a user means by the element's text."""
        return self.stripped

    @property
    def stripped(self) -> str:
        return self.value.strip()

    def as_int(self) -> int | None:
        """The text as a whole number (ASCII digits only: ``²`` is none), else None."""
        return whole_number(self.value)

    def as_bool(self) -> bool | None:
        """The text as an xs:boolean (``true``/``1``, ``false``/``0``), else None."""
        return xs_boolean(self.value)

    def as_seconds(self) -> float | None:
        """The text as an ERN Duration's length in seconds; None for anything that is not a
        valid xs:duration of fixed length (``PT3.5M``, ``P1W``, ``PT3M75S``, ``P1M``)."""
        return duration_seconds(self.value)

    @property
    def attrs(self) -> Mapping[str, str]:
        attributes = self.element.attrib
        return dict(attributes) if attributes and not self.of_attribute else EMPTY_ATTRS

    def flag(self, name: str) -> bool | None:
        """Its element's xs:boolean attribute ``name`` (IsEan, IsISNI, IsDPID…); None when
        the attribute is absent or no xs:boolean."""
        value = self.attrs.get(name)
        return xs_boolean(value) if value is not None else None



def _title_text(title: Title | None) -> str | None:
    return title.text.stripped or None if title is not None and title.text else None


def _display_title(reference: Title | None, titles: tuple[Title, ...]) -> str | None:
    """The title a store shows: the ReferenceTitle, else a DisplayTitle, else any Title."""
    # Nearly every resource has a ReferenceTitle: it is tried first, and no list is made.
    return _title_text(reference) or next(
        (value for t in titles if t.title_type == "DisplayTitle" and (value := _title_text(t))),
        None) or next((value for t in titles if (value := _title_text(t))), None)


def _main_artists(artists: tuple[Contributor, ...], names: tuple[Text, ...]) -> tuple[str, ...]:
    """The MainArtists' names, else the DisplayArtistName: the artists the ingest echoes."""
    found = tuple(name for a in artists if a.has_role("MainArtist") and (name := a.name))
    if found:
        return found
    for text in names:
        if name := text.stripped:
            return (name,)
    return ()


def _explicit(warnings: tuple[Text, ...]) -> bool | None:
    """The first ParentalWarningType that says whether the content is explicit."""
    for warning in warnings:
        if (value := warning.stripped) in EXPLICIT_FLAGS:
            return EXPLICIT_FLAGS[value]
    return None


class _Displayed(_Read):
    """What a store shows of a release or a resource, read from its ReferenceTitle and its
    first territory's details (the summary, the rules and library users share it)."""

    __slots__ = ()
    reference_title: Title | None
    details: tuple[ReleaseDetails | ResourceDetails, ...]

    @property
    def display_title(self) -> str | None:
        """The title a store shows (ReferenceTitle, else the first territory's titles)."""
        return _display_title(self.reference_title,
                              self.details[0].titles if self.details else ())

    @property
    def main_artists(self) -> tuple[str, ...]:
        """The first territory's MainArtists (else its DisplayArtistName)."""
        details = self.details[0] if self.details else None
        return _main_artists(details.display_artists, details.display_artist_names) \
            if details else ()

    @property
    def explicit(self) -> bool | None:
        """The first territory's explicit flag; None when its ParentalWarningType says nothing."""
        return _explicit(self.details[0].parental_warnings) if self.details else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Party(_Read):
    """A MessageSender/MessageRecipient: its PartyIds and names."""

    element: Any = field(repr=False)
    party_ids: tuple[Text, ...] = ()
    names: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageHeader(_Read):
    """The MessageHeader: ids, sender, recipients, creation time."""

    element: Any = field(repr=False)
    message_id: Text | None = None
    thread_id: Text | None = None
    sender: Party | None = None
    recipients: tuple[Party, ...] = ()
    created: Text | None = None


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class Title(_Read):
    """A Title or ReferenceTitle: TitleText, SubTitle and the TitleType attribute."""

    element: Any = field(repr=False)
    text: Text | None = None
    sub_title: Text | None = None
    title_type: str | None = None


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class Contributor(_Read):
    """A DisplayArtist, ResourceContributor or IndirectResourceContributor.

    ``kind`` is the element's local name; ``roles`` are its *Role elements; ``party_ids``
    its PartyIds (their text, or their ISNI/DPID children).
    """

    kind: str
    element: Any = field(repr=False)
    names: tuple[Text, ...] = ()
    roles: tuple[Text, ...] = ()
    party_ids: tuple[Text, ...] = ()
    sequence: Text | None = None

    @property
    def name(self) -> str:
        return self.names[0].stripped if self.names else ""

    def has_role(self, role: str) -> bool:
        # A list, not any() over a generator: cheaper for the one or two roles an artist has,
        # and the summary asks it of every track's artists.
        return role in [text.stripped for text in self.roles]


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class CopyrightLine(_Read):
    """A PLine or CLine."""

    kind: str
    element: Any = field(repr=False)
    year: Text | None = None
    text: Text | None = None


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class Genre(_Read):
    """A Genre: GenreText and SubGenre."""

    element: Any = field(repr=False)
    genre_text: Text | None = None
    sub_genre: Text | None = None


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class HashSum(_Read):
    """A File's HashSum: the value and its HashSumAlgorithmType."""

    element: Any = field(repr=False)
    value: Text | None = None
    algorithm: Text | None = None


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class FileRef(_Read):
    """A File element: where the asset lies in the package and its hash sums."""

    element: Any = field(repr=False)
    name: Text | None = None
    path: Text | None = None
    hash_sums: tuple[HashSum, ...] = ()

    @property
    def package_path(self) -> str | None:
        """FilePath + FileName as a '/'-separated relative path, or None without a name."""
        name = self.name.stripped if self.name is not None else ""
        if not name:
            return None
        folder = self.path.stripped.replace("\\", "/").strip("/") if self.path else ""
        return f"{folder}/{name}" if folder else name


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class TechnicalDetails(_Read):
    """TechnicalSoundRecordingDetails, TechnicalImageDetails or another Technical*Details."""

    kind: str
    element: Any = field(repr=False)
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


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class ResourceDetails(_Read):
    """SoundRecordingDetailsByTerritory, ImageDetailsByTerritory and the like."""

    element: Any = field(repr=False)
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


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class Resource(_Displayed):
    """A member of the ResourceList. ``kind`` is its local name (SoundRecording, Image, Video…)."""

    kind: str
    element: Any = field(repr=False)
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
        for text in self.isrcs:
            if value := text.stripped:
                return value
        return None

    @property
    def ref(self) -> str:
        return self.reference.stripped if self.reference else ""

    def genres(self) -> Iterator[Genre]:
        """Every Genre of the resource, territory by territory, in document order."""
        for details in self.details:
            yield from details.genres

    def iter_technical_details(self) -> Iterator[TechnicalDetails]:
        for details in self.details:
            yield from details.technical_details

    def iter_files(self) -> Iterator[FileRef]:
        for technical in self.iter_technical_details():
            yield from technical.files

    @property
    def file(self) -> str | None:
        """The package path of its first named file."""
        # Loops, not iter_files()'s nested generators: the summary reads it of every track.
        for details in self.details:
            for technical in details.technical_details:
                for file in technical.files:
                    if path := file.package_path:
                        return path
        return None


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a hot record: not frozen
class GroupItem(_Read):
    """A ResourceGroupContentItem: one resource at a position in a group."""

    element: Any = field(repr=False)
    sequence: Text | None = None
    resource_reference: Text | None = None
    resource_type: Text | None = None
    sequence_sub_number: Text | None = None  # SequenceSubNumber: parts of one numbered item


@dataclass(frozen=True, slots=True, kw_only=True)
class ResourceGroup(_Read):
    """A ResourceGroup: its content items (the tracks in order) and nested groups."""

    element: Any = field(repr=False)
    sequence: Text | None = None
    titles: tuple[Title, ...] = ()
    items: tuple[GroupItem, ...] = ()
    groups: tuple[ResourceGroup, ...] = ()
    # ResourceGroupResourceReferenceList: members named without a position (no content items)
    listed_references: tuple[Text, ...] = ()

    def iter_items(self) -> Iterator[GroupItem]:
        yield from self.items
        for group in self.groups:
            yield from group.iter_items()


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseDetails(_Read):
    """ReleaseDetailsByTerritory."""

    element: Any = field(repr=False)
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
class Release(_Displayed):
    """A Release of the ReleaseList: ids, references, types, details by territory."""

    element: Any = field(repr=False)
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
    def says_main(self) -> bool:
        """IsMainRelease is true (xs:boolean: "true" or "1")."""
        return self.is_main is not None and self.is_main.as_bool() is True

    @property
    def icpn(self) -> str | None:
        return next((t.stripped for t in self.icpns if t.stripped), None)

    def genres(self) -> Iterator[Genre]:
        """Every Genre of the release, territory by territory, in document order."""
        for details in self.details:
            yield from details.genres

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
    def is_video(self) -> bool:
        """A ReleaseType names a video product (VideoSingle, VideoAlbum, ...VideoRelease)."""
        return any(n in VIDEO_RELEASE_TYPES or n.endswith("VideoRelease")
                   for n in self.type_names)

    @property
    def is_product(self) -> bool:
        return bool(self.type_names & PRODUCT_RELEASE_TYPES)

    def iter_group_items(self) -> Iterator[GroupItem]:
        for details in self.details:
            for group in details.resource_groups:
                yield from group.iter_items()

    def iter_reference_texts(self) -> Iterator[Text]:
        """Every resource reference the release writes, where it writes it: the
        ReleaseResourceReferenceList, then each ResourceGroupContentItem (duplicates kept)."""
        yield from self.resource_references
        for item in self.iter_group_items():
            if item.resource_reference is not None:
                yield item.resource_reference

    def delivered_references(self) -> tuple[str, ...]:
        """The references of what the release delivers, each once, in track order: the
        ResourceGroupContentItems in document order, then what only the
        ReleaseResourceReferenceList names."""
        return tuple(dict.fromkeys(reference for _item, reference in self._ordered()))

    def delivered(self, resources: Mapping[str, Resource]) -> tuple[Resource, ...]:
        """The resources it delivers (``delivered_references`` that name one), in track order."""
        return tuple(resource for reference in self.delivered_references()
                     if (resource := resources.get(reference)) is not None)

    def tracks(self, resources: Mapping[str, Resource]) -> tuple[Track, ...]:
        """Its sound recordings as a store lists them: by ``Track.number`` (the
        SequenceNumber, else the place in the document), each once.

        ``resources`` is ``Message.resources_by_reference()`` (``Message.tracks()`` passes it).
        """
        found: list[Track] = []
        seen: set[str] = set()
        for item, reference in self._ordered():
            resource = resources.get(reference)
            if resource is None or resource.kind != "SoundRecording" or reference in seen:
                continue
            seen.add(reference)
            found.append(Track(
                resource=resource,
                position=len(found) + 1,
                sequence=item.sequence.as_int() if item and item.sequence else None,
                sub_sequence=item.sequence_sub_number.as_int()
                if item and item.sequence_sub_number else None,
            ))
        return tuple(sorted(found, key=lambda track: track.number))

    def _ordered(self) -> Iterator[tuple[GroupItem | None, str]]:
        """(content item or None, reference) in track order, empty references left out."""
        for item in self.iter_group_items():
            if item.resource_reference is not None and (
                    reference := item.resource_reference.stripped):
                yield item, reference
        for text in self.resource_references:
            if reference := text.stripped:
                yield None, reference

    def iter_all_p_lines(self) -> Iterator[CopyrightLine]:
        yield from self.p_lines
        for details in self.details:
            yield from details.p_lines

    def iter_all_c_lines(self) -> Iterator[CopyrightLine]:
        yield from self.c_lines
        for details in self.details:
            yield from details.c_lines


@dataclass(frozen=True, slots=True, kw_only=True)
class Track:
    """A sound recording as a release delivers it: its place and what a store shows of it.

    ``position`` counts the release's tracks from 1 in document order (content items first,
    then what only the ReleaseResourceReferenceList names); ``sequence`` and ``sub_sequence``
    are what its ResourceGroupContentItem says (None when it has none or it is not a number).
    """

    resource: Resource
    position: int
    sequence: int | None = None
    sub_sequence: int | None = None

    @property
    def number(self) -> int:
        """Its track number: the SequenceNumber, else its position."""
        return self.sequence if self.sequence is not None else self.position

    @property
    def reference(self) -> str:
        return self.resource.ref

    @property
    def title(self) -> str | None:
        return self.resource.display_title

    @property
    def display_artists(self) -> tuple[str, ...]:
        return self.resource.main_artists

    @property
    def isrc(self) -> str | None:
        return self.resource.isrc

    @property
    def duration(self) -> str | None:
        """The Duration as written (stripped), None when absent or empty."""
        duration = self.resource.duration
        return duration.stripped or None if duration is not None else None

    @property
    def duration_seconds(self) -> float | None:
        return self.resource.duration.as_seconds() if self.resource.duration else None

    @property
    def explicit(self) -> bool | None:
        return self.resource.explicit

    @property
    def file(self) -> str | None:
        return self.resource.file


@dataclass(frozen=True, slots=True, kw_only=True)
class Period(_Read):
    """A ValidityPeriod (StartDate/EndDate or their DateTime forms)."""

    element: Any = field(repr=False)
    start: Text | None = None
    end: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Price(_Read):
    """A PriceInformation: its tier (PriceType) and amounts with their currencies."""

    element: Any = field(repr=False)
    price_type: Text | None = None
    price_range_type: Text | None = None
    amounts: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DealTerms(_Read):
    """A Deal's DealTerms: models, uses, territories, validity periods, prices."""

    element: Any = field(repr=False)
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
        return self.takedown is not None and self.takedown.as_bool() is True


@dataclass(frozen=True, slots=True, kw_only=True)
class Deal(_Read):
    """A Deal of a ReleaseDeal."""

    element: Any = field(repr=False)
    terms: DealTerms | None = None
    references: tuple[Text, ...] = ()  # DealReference: terms agreed outside the message


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseDeal(_Read):
    """A ReleaseDeal: the releases it is for and their deals."""

    element: Any = field(repr=False)
    release_references: tuple[Text, ...] = ()
    deals: tuple[Deal, ...] = ()
    effective_date: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Message(_Read):
    """One ERN message. ``index`` holds, for each key the parser was asked for, every
    element, attribute or value of that key found anywhere in the file, in document order
    (see ``indexed``), for the rules that check "every X element" wherever it stands.
    """

    kind: str
    namespace: str
    element: Any = field(repr=False)
    schema_version_id: Text | None = None
    # ReleaseProfileVersionId: the DDEX release profile the message follows (e.g. a classical one)
    release_profile_version_id: Text | None = None
    language_and_script_code: str | None = None
    header: MessageHeader | None = None
    # OriginalMessage or UpdateMessage; None when the message leaves it out (an original).
    update_indicator: Text | None = None
    resource_list_loc: Location | None = None
    release_list_loc: Location | None = None
    deal_list_loc: Location | None = None
    resources: tuple[Resource, ...] = ()
    releases: tuple[Release, ...] = ()
    release_deals: tuple[ReleaseDeal, ...] = ()
    index: Mapping[str, tuple[Text, ...]] = field(default_factory=dict)

    @property
    def is_original(self) -> bool:
        """The message is an original delivery: UpdateIndicator OriginalMessage, or none."""
        return self.update_indicator is None or self.update_indicator.stripped in (
            "", "OriginalMessage")

    @property
    def sound_recordings(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if r.kind == "SoundRecording")

    @property
    def images(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if r.kind == "Image")

    def genres(self) -> Iterator[Genre]:
        """Every Genre of the message: each release's, then each resource's, in document
        order (the catalog rules check them all)."""
        for release in self.releases:
            yield from release.genres()
        for resource in self.resources:
            yield from resource.genres()

    def indexed(self, name: str) -> tuple[Text, ...]:
        """Every element of that local name (``ISRC``), attribute (``@Namespace``) or element
        whose text is a value (``=UserDefined``) in the file, in document order.

        Only the keys the parser was asked for are collected (a rule declares them in
        ``Rule.indexes``): any other raises KeyError, so a rule cannot silently read nothing.
        """
        try:
            return self.index[name]
        except KeyError:
            raise KeyError(f"{name!r} was not indexed: name it in the rule's indexes "
                           "(or in parse(..., indexes=...))") from None

    @property
    def main_release(self) -> Release | None:
        """The release with IsMainRelease="true", else the first product release, else the
        only Release when it is not a track release (the catalog's definition).

        When several say IsMainRelease="true" the first is taken; REF204 reports the clash.
        """
        flagged = [r for r in self.releases if r.says_main]
        if flagged:
            return flagged[0]
        product = next((r for r in self.releases if r.is_product), None)
        if product is not None:
            return product
        if len(self.releases) == 1 and not self.releases[0].is_track_release:
            return self.releases[0]
        return None

    @property
    def main_release_candidates(self) -> tuple[Release, ...]:
        """The releases the main-release rules judge, so that REF204 masks nothing.

        The main release alone when it is unambiguous; every release that says
        IsMainRelease="true" when several do; and when no main release can be identified,
        every release that could be one (all but track releases).
        """
        flagged = tuple(r for r in self.releases if r.says_main)
        if flagged:
            return flagged
        main = self.main_release
        if main is not None:
            return (main,)
        return tuple(r for r in self.releases if not r.is_track_release)

    def tracks(self, release: Release | None = None) -> tuple[Track, ...]:
        """The tracks of ``release`` (by default the main release) in track order; none when
        there is no main release."""
        release = release if release is not None else self.main_release
        return release.tracks(self.resources_by_reference()) if release is not None else ()

    def display_artist_lists(self) -> Iterator[tuple[Contributor, ...]]:
        """Every DisplayArtist list: each release's territories, then each resource's."""
        return self._party_lists(contributors=False)

    def contributor_lists(self) -> Iterator[tuple[Contributor, ...]]:
        """Every list of parties in a role: the DisplayArtist lists and, per resource
        territory, its ResourceContributors and IndirectResourceContributors."""
        return self._party_lists(contributors=True)

    def _party_lists(self, *, contributors: bool) -> Iterator[tuple[Contributor, ...]]:
        for release in self.releases:
            for details in release.details:
                yield details.display_artists
        for resource in self.resources:
            for resource_details in resource.details:
                yield resource_details.display_artists
                if contributors:
                    yield resource_details.contributors
                    yield resource_details.indirect_contributors

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
