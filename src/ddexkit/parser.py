"""Map an ERN 3.8.2 tree onto ``ddexkit.model`` in one walk.

The walk follows the message's structure (header, resources, releases, deals) and takes
whatever is there: unknown or misplaced elements are skipped, missing ones stay ``None`` or
empty, so rules can report on XSD-invalid files too. Element names are matched by local name,
whatever the prefix (``ern:``, ``ernm:``) or namespace.

Before it, the index (every ISRC, TitleText, Duration… wherever it stands) is gathered in one
pass that lxml filters in C; the walk takes the index's Text for an element it reads too, so
an element read gets one Text, shared by the index and the model. Records keep their element,
not a Location: ``loc`` is worked out when an issue needs it.

Index and walk are, after the rules, the costly part of a validation (a 1,000-track album
has some 52,000 elements, 36,000 of them read as Texts), so they are written for it:

- each record is read in one loop over its element's children, dispatching on their local
  name (``_LocalNames``), instead of first grouping every element's children by name in a
  dict and then looking each field up in it;
- one build's state, the Texts the index made, lives on a ``_ModelBuilder`` made for that
  build and passed along, not in a module-level or context variable: builds in threads
  (the XSD pass runs beside the build; library users may build in threads) share nothing;
- Texts are made by ``_new_text``, which sets their three fields itself (the one place the
  model's ``__init__`` is not run: see there why);
- the attribute index is one XPath with one test per attribute (``_attributes_named``).

Together they took about a quarter off the build of the benchmark's albums
(bench/breakdown.py shows the stage).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ddexkit import model as m
from ddexkit.inputs import read_message_file
from ddexkit.issues import Location
from ddexkit.safexml import MAX_MESSAGE_BYTES, read_document


@dataclass(frozen=True, slots=True)
class _IndexPlan:
    """How to collect one set of index keys (``Rule.indexes``): element local names,
    ``@Attribute`` names, ``=Value`` texts."""

    keys: frozenset[str]
    tags: tuple[str, ...]
    attributes: etree.XPath | None
    texts: tuple[str, ...]


@functools.lru_cache(maxsize=16)
def _index_plan(keys: frozenset[str]) -> _IndexPlan:
    """Compiled once per set of keys: the engine asks for the same set file after file."""
    elements = sorted(k for k in keys if k[:1] not in ("@", "="))
    attributes = sorted(k[1:] for k in keys if k.startswith("@"))
    texts = tuple(sorted(k[1:] for k in keys if k.startswith("=")))
    return _IndexPlan(keys=keys, tags=tuple(f"{{*}}{name}" for name in elements),
                      attributes=_attributes_named(attributes) if attributes else None,
                      texts=texts)


def _attributes_named(names: Iterable[str]) -> etree.XPath:
    """Every attribute whose local name is one of ``names``, in document order.

    One ``contains`` test per attribute (is ``|name|`` in ``|A|B|…|``?) rather than one
    ``local-name()='A' or …`` per name: libxml2 evaluates each comparison as XPath objects,
    and a large album has thousands of attributes (about a third faster with five names)."""
    bars = "|" + "|".join(names) + "|"
    return etree.XPath(
        f"descendant-or-self::*/@*[contains('{bars}', concat('|', local-name(), '|'))]")


def local_name(tag: object) -> str:
    """The local name of an element's tag; '' for comments and processing instructions."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


class _LocalNames(dict[object, str]):
    """Tag → local name, learnt tag by tag: ``names[child.tag]`` is the child's local name,
    '' for a comment or processing instruction (whose tag is a function, not a string).

    One per build (a file has a few dozen distinct tags), so each child costs one dict
    look-up: building a list of (name, child) pairs per element instead made the walk's
    loops over children some 40 % slower."""

    def __missing__(self, tag: object) -> str:
        name = self[tag] = local_name(tag)
        return name


def _new_text(value: str, element: etree._Element) -> m.Text:
    """``Text(value=value, element=element)``, in half the time.

    The parser makes a Text per element it reads or indexes: some 36,000 in a 1,000-track
    album, a tenth of the whole build. Called with keywords, a class packs them into a dict
    for its ``__init__``; Text's (a slotted dataclass's, without ``__post_init__``) does
    nothing but set its three fields, so they are set here on a fresh instance instead.
    This is the one place the model's ``__init__`` is not run; tests/test_parser.py checks
    that Text still has only those fields, and that what this makes equals ``Text(...)``.
    """
    text = _new_instance(m.Text)
    text.value = value
    text.element = element
    text.of_attribute = False
    return text


_new_instance = object.__new__


def _loc(element: etree._Element) -> Location:
    return Location(line=element.sourceline, element=element)


def _loc_or_none(element: etree._Element | None) -> Location | None:
    return _loc(element) if element is not None else None


def _attribute(element: etree._Element, name: str) -> m.Text | None:
    """The value of an attribute as a Text on its element, or None without it."""
    value = element.get(name)
    return m.Text(value=value, element=element, of_attribute=True) if value is not None else None


_ROLE_ELEMENTS = {
    "DisplayArtist": "ArtistRole",
    "ResourceContributor": "ResourceContributorRole",
    "IndirectResourceContributor": "IndirectResourceContributorRole",
}
_PRICE_AMOUNTS = ("WholesalePricePerUnit", "BulkOrderWholesalePricePerUnit",
                  "SuggestedRetailPrice")


class _ModelBuilder:
    """Builds the records of one message, each from its element in one loop over the
    element's children.

    ``indexed`` holds the Texts the index made, by element: the model takes the index's Text
    for an element it reads too (ISRC, TitleText, Duration…) instead of making another.
    Where a record keeps the first of several children of a name (``name == "X" and x is
    None``), the others get no Text. Records of single values only (TechnicalDetails,
    GroupItem, Period) take the first child of each name as a Text into a dict, and keep
    those they have a field for.
    """

    __slots__ = ("indexed", "local_names")

    def __init__(self, indexed: dict[etree._Element, m.Text]) -> None:
        self.indexed = indexed
        self.local_names = _LocalNames()

    def text(self, element: etree._Element) -> m.Text:
        made = self.indexed.get(element)
        return made if made is not None else _new_text(element.text or "", element)

    def texts_named(self, element: etree._Element, name: str) -> list[m.Text]:
        """Texts of the element's children of that local name, e.g. PartyName/FullName."""
        names = self.local_names
        return [self.text(child) for child in element if names[child.tag] == name]

    def children_named(self, element: etree._Element | None,
                       name: str | None = None) -> Iterator[etree._Element]:
        """The element's child elements of that local name (of any name by default); none
        when there is no element."""
        if element is not None:
            names = self.local_names
            for child in element:
                child_name = names[child.tag]
                if child_name and (name is None or child_name == name):
                    yield child

    def title(self, element: etree._Element) -> m.Title:
        text = sub_title = None
        for child in element:
            name = self.local_names[child.tag]
            if name == "TitleText" and text is None:
                text = self.text(child)
            elif name == "SubTitle" and sub_title is None:
                sub_title = self.text(child)
        return m.Title(element=element, text=text, sub_title=sub_title,
                       title_type=element.get("TitleType"))

    def contributor(self, element: etree._Element) -> m.Contributor:
        kind = local_name(element.tag)
        role_name = _ROLE_ELEMENTS.get(kind, "ArtistRole")
        names: list[m.Text] = []
        roles: list[m.Text] = []
        # ERN 3.8.2 writes the id as the PartyId's text (IsISNI, IsDPID, Namespace say whose);
        # ISNI and DPID children are the later versions' form, kept for those files.
        party_ids: list[m.Text] = []
        isnis: list[m.Text] = []
        dpids: list[m.Text] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "PartyName":
                names += self.texts_named(child, "FullName")
            elif name == role_name:
                roles.append(self.text(child))
            elif name == "PartyId":
                party_id = self.text(child)
                if party_id.stripped:
                    party_ids.append(party_id)
                for id_child in child:
                    id_name = self.local_names[id_child.tag]
                    if id_name == "ISNI":
                        isnis.append(self.text(id_child))
                    elif id_name == "DPID":
                        dpids.append(self.text(id_child))
        return m.Contributor(
            kind=kind,
            element=element,
            names=tuple(names),
            roles=tuple(roles),
            party_ids=(*party_ids, *isnis, *dpids),
            sequence=_attribute(element, "SequenceNumber"),
        )

    def copyright_line(self, element: etree._Element, kind: str) -> m.CopyrightLine:
        """A PLine or CLine (``kind``), its Year and its PLineText or CLineText."""
        text_name = f"{kind}Text"
        year = text = None
        for child in element:
            name = self.local_names[child.tag]
            if name == "Year" and year is None:
                year = self.text(child)
            elif name == text_name and text is None:
                text = self.text(child)
        return m.CopyrightLine(kind=kind, element=element, year=year, text=text)

    def genre(self, element: etree._Element) -> m.Genre:
        genre_text = sub_genre = None
        for child in element:
            name = self.local_names[child.tag]
            if name == "GenreText" and genre_text is None:
                genre_text = self.text(child)
            elif name == "SubGenre" and sub_genre is None:
                sub_genre = self.text(child)
        return m.Genre(element=element, genre_text=genre_text, sub_genre=sub_genre)

    def hash_sum(self, element: etree._Element) -> m.HashSum:
        value = algorithm = None
        for child in element:
            name = self.local_names[child.tag]
            if name == "HashSum" and value is None:
                value = self.text(child)
            elif name == "HashSumAlgorithmType" and algorithm is None:
                algorithm = self.text(child)
        return m.HashSum(element=element, value=value, algorithm=algorithm)

    def file(self, element: etree._Element) -> m.FileRef:
        file_name = path = None
        hash_sums: list[m.HashSum] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "FileName" and file_name is None:
                file_name = self.text(child)
            elif name == "FilePath" and path is None:
                path = self.text(child)
            elif name == "HashSum":
                hash_sums.append(self.hash_sum(child))
        return m.FileRef(element=element, name=file_name, path=path, hash_sums=tuple(hash_sums))

    def technical_details(self, element: etree._Element) -> m.TechnicalDetails:
        # The codec is the AudioCodecType, else the ImageCodecType, else the VideoCodecType.
        first: dict[str, m.Text] = {}
        files: list[m.FileRef] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "File":
                files.append(self.file(child))
            elif name not in first:
                first[name] = self.text(child)
        get = first.get
        return m.TechnicalDetails(
            kind=local_name(element.tag),
            element=element,
            reference=get("TechnicalResourceDetailsReference"),
            codec=get("AudioCodecType") or get("ImageCodecType") or get("VideoCodecType"),
            duration=get("Duration"),
            bitrate=get("BitRate"),
            channels=get("NumberOfChannels"),
            sampling_rate=get("SamplingRate"),
            bits_per_sample=get("BitsPerSample"),
            width=get("ImageWidth"),
            height=get("ImageHeight"),
            files=tuple(files),
        )

    def resource_details(self, element: etree._Element) -> m.ResourceDetails:
        territories: list[m.Text] = []
        excluded_territories: list[m.Text] = []
        titles: list[m.Title] = []
        display_artists: list[m.Contributor] = []
        display_artist_names: list[m.Text] = []
        contributors: list[m.Contributor] = []
        indirect_contributors: list[m.Contributor] = []
        label_names: list[m.Text] = []
        resource_release_dates: list[m.Text] = []
        original_release_dates: list[m.Text] = []
        p_lines: list[m.CopyrightLine] = []
        c_lines: list[m.CopyrightLine] = []
        genres: list[m.Genre] = []
        parental_warnings: list[m.Text] = []
        # Technical*Details of each name, names in the order they first appear
        technical: dict[str, list[m.TechnicalDetails]] = {}
        for child in element:
            name = self.local_names[child.tag]
            if name == "TerritoryCode":
                territories.append(self.text(child))
            elif name == "Title":
                titles.append(self.title(child))
            elif name == "DisplayArtist":
                display_artists.append(self.contributor(child))
            elif name == "ResourceContributor":
                contributors.append(self.contributor(child))
            elif name == "IndirectResourceContributor":
                indirect_contributors.append(self.contributor(child))
            elif name == "DisplayArtistName":
                display_artist_names.append(self.text(child))
            elif name == "LabelName":
                label_names.append(self.text(child))
            elif name == "ResourceReleaseDate":
                resource_release_dates.append(self.text(child))
            elif name == "OriginalResourceReleaseDate":
                original_release_dates.append(self.text(child))
            elif name == "PLine":
                p_lines.append(self.copyright_line(child, "PLine"))
            elif name == "CLine":
                c_lines.append(self.copyright_line(child, "CLine"))
            elif name == "Genre":
                genres.append(self.genre(child))
            elif name == "ParentalWarningType":
                parental_warnings.append(self.text(child))
            elif name == "ExcludedTerritoryCode":
                excluded_territories.append(self.text(child))
            elif name.startswith("Technical") and name.endswith("Details"):
                technical.setdefault(name, []).append(self.technical_details(child))
        return m.ResourceDetails(
            element=element,
            territories=tuple(territories),
            excluded_territories=tuple(excluded_territories),
            titles=tuple(titles),
            display_artists=tuple(display_artists),
            display_artist_names=tuple(display_artist_names),
            contributors=tuple(contributors),
            indirect_contributors=tuple(indirect_contributors),
            label_names=tuple(label_names),
            resource_release_dates=tuple(resource_release_dates),
            original_release_dates=tuple(original_release_dates),
            p_lines=tuple(p_lines),
            c_lines=tuple(c_lines),
            genres=tuple(genres),
            parental_warnings=tuple(parental_warnings),
            technical_details=tuple(d for same_name in technical.values() for d in same_name),
        )

    def resource(self, element: etree._Element) -> m.Resource:
        kind = local_name(element.tag)
        id_name, type_name = f"{kind}Id", f"{kind}Type"
        reference = resource_type = duration = None
        id_element = reference_title = None
        languages: list[m.Text] = []
        # *DetailsByTerritory of each name, names in the order they first appear
        details: dict[str, list[m.ResourceDetails]] = {}
        for child in element:
            name = self.local_names[child.tag]
            if name == "ResourceReference" and reference is None:
                reference = self.text(child)
            elif name == type_name and resource_type is None:
                resource_type = self.text(child)
            elif name == id_name and id_element is None:
                id_element = child
            elif name == "ReferenceTitle" and reference_title is None:
                reference_title = self.title(child)
            elif name == "Duration" and duration is None:
                duration = self.text(child)
            elif name == "LanguageOfPerformance":
                languages.append(self.text(child))
            elif name.endswith("DetailsByTerritory"):
                details.setdefault(name, []).append(self.resource_details(child))
        isrcs: list[m.Text] = []
        proprietary_ids: list[m.Text] = []
        if id_element is not None:
            for child in id_element:
                name = self.local_names[child.tag]
                if name == "ISRC":
                    isrcs.append(self.text(child))
                elif name == "ProprietaryId":
                    proprietary_ids.append(self.text(child))
        return m.Resource(
            kind=kind,
            element=element,
            reference=reference,
            resource_type=resource_type,
            id_loc=_loc_or_none(id_element),
            isrcs=tuple(isrcs),
            proprietary_ids=tuple(proprietary_ids),
            reference_title=reference_title,
            duration=duration,
            languages=tuple(languages),
            details=tuple(d for same_name in details.values() for d in same_name),
        )

    def group_item(self, element: etree._Element) -> m.GroupItem:
        first: dict[str, m.Text] = {}
        for child in element:
            name = self.local_names[child.tag]
            if name not in first:
                first[name] = self.text(child)
        return m.GroupItem(
            element=element,
            sequence=first.get("SequenceNumber"),
            resource_reference=first.get("ReleaseResourceReference"),
            resource_type=first.get("ResourceType"),
            sequence_sub_number=first.get("SequenceSubNumber"),
        )

    def resource_group(self, element: etree._Element) -> m.ResourceGroup:
        sequence = None
        titles: list[m.Title] = []
        items: list[m.GroupItem] = []
        groups: list[m.ResourceGroup] = []
        listed_references: list[m.Text] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "ResourceGroupContentItem":
                items.append(self.group_item(child))
            elif name == "SequenceNumber" and sequence is None:
                sequence = self.text(child)
            elif name == "Title":
                titles.append(self.title(child))
            elif name == "ResourceGroup":
                groups.append(self.resource_group(child))
            elif name == "ResourceGroupResourceReferenceList":
                listed_references += self.texts_named(child, "ResourceGroupResourceReference")
        return m.ResourceGroup(
            element=element,
            sequence=sequence,
            titles=tuple(titles),
            items=tuple(items),
            groups=tuple(groups),
            listed_references=tuple(listed_references),
        )

    def release_details(self, element: etree._Element) -> m.ReleaseDetails:
        territories: list[m.Text] = []
        excluded_territories: list[m.Text] = []
        display_artist_names: list[m.Text] = []
        label_names: list[m.Text] = []
        titles: list[m.Title] = []
        display_artists: list[m.Contributor] = []
        release_types: list[m.Text] = []
        parental_warnings: list[m.Text] = []
        resource_groups: list[m.ResourceGroup] = []
        genres: list[m.Genre] = []
        p_lines: list[m.CopyrightLine] = []
        c_lines: list[m.CopyrightLine] = []
        release_dates: list[m.Text] = []
        original_release_dates: list[m.Text] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "TerritoryCode":
                territories.append(self.text(child))
            elif name == "ExcludedTerritoryCode":
                excluded_territories.append(self.text(child))
            elif name == "DisplayArtistName":
                display_artist_names.append(self.text(child))
            elif name == "LabelName":
                label_names.append(self.text(child))
            elif name == "Title":
                titles.append(self.title(child))
            elif name == "DisplayArtist":
                display_artists.append(self.contributor(child))
            elif name == "ReleaseType":
                release_types.append(self.text(child))
            elif name == "ParentalWarningType":
                parental_warnings.append(self.text(child))
            elif name == "ResourceGroup":
                resource_groups.append(self.resource_group(child))
            elif name == "Genre":
                genres.append(self.genre(child))
            elif name == "PLine":
                p_lines.append(self.copyright_line(child, "PLine"))
            elif name == "CLine":
                c_lines.append(self.copyright_line(child, "CLine"))
            elif name == "ReleaseDate":
                release_dates.append(self.text(child))
            elif name == "OriginalReleaseDate":
                original_release_dates.append(self.text(child))
        return m.ReleaseDetails(
            element=element,
            territories=tuple(territories),
            excluded_territories=tuple(excluded_territories),
            display_artist_names=tuple(display_artist_names),
            label_names=tuple(label_names),
            titles=tuple(titles),
            display_artists=tuple(display_artists),
            release_types=tuple(release_types),
            parental_warnings=tuple(parental_warnings),
            resource_groups=tuple(resource_groups),
            genres=tuple(genres),
            p_lines=tuple(p_lines),
            c_lines=tuple(c_lines),
            release_dates=tuple(release_dates),
            original_release_dates=tuple(original_release_dates),
        )

    def release(self, element: etree._Element) -> m.Release:
        reference = duration = global_release_date = global_original_release_date = None
        id_element = reference_list = None
        reference_title = None
        release_types: list[m.Text] = []
        details: list[m.ReleaseDetails] = []
        p_lines: list[m.CopyrightLine] = []
        c_lines: list[m.CopyrightLine] = []
        languages: list[m.Text] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "ReleaseReference" and reference is None:
                reference = self.text(child)
            elif name == "ReleaseId" and id_element is None:
                id_element = child
            elif name == "ReferenceTitle" and reference_title is None:
                reference_title = self.title(child)
            elif name == "ReleaseResourceReferenceList" and reference_list is None:
                reference_list = child
            elif name == "ReleaseType":
                release_types.append(self.text(child))
            elif name == "ReleaseDetailsByTerritory":
                details.append(self.release_details(child))
            elif name == "Duration" and duration is None:
                duration = self.text(child)
            elif name == "PLine":
                p_lines.append(self.copyright_line(child, "PLine"))
            elif name == "CLine":
                c_lines.append(self.copyright_line(child, "CLine"))
            elif name == "GlobalReleaseDate" and global_release_date is None:
                global_release_date = self.text(child)
            elif name == "GlobalOriginalReleaseDate" and global_original_release_date is None:
                global_original_release_date = self.text(child)
            elif name == "LanguageOfPerformance":
                languages.append(self.text(child))
        ids: dict[str, list[m.Text]] = {"ICPN": [], "ISRC": [], "GRid": [], "ProprietaryId": []}
        if id_element is not None:
            for child in id_element:
                name = self.local_names[child.tag]
                if name in ids:
                    ids[name].append(self.text(child))
        return m.Release(
            element=element,
            reference=reference,
            is_main=_attribute(element, "IsMainRelease"),
            id_loc=_loc_or_none(id_element),
            icpns=tuple(ids["ICPN"]),
            isrcs=tuple(ids["ISRC"]),
            grids=tuple(ids["GRid"]),
            proprietary_ids=tuple(ids["ProprietaryId"]),
            reference_title=reference_title,
            resource_references=tuple(self.texts_named(reference_list, "ReleaseResourceReference"))
            if reference_list is not None else (),
            resource_reference_list_loc=_loc_or_none(reference_list),
            release_types=tuple(release_types),
            details=tuple(details),
            duration=duration,
            p_lines=tuple(p_lines),
            c_lines=tuple(c_lines),
            global_release_date=global_release_date,
            global_original_release_date=global_original_release_date,
            languages=tuple(languages),
        )

    def period(self, element: etree._Element) -> m.Period:
        """A ValidityPeriod: the first StartDate, else StartDateTime; the same for its end."""
        first: dict[str, m.Text] = {}
        for child in element:
            name = self.local_names[child.tag]
            if name not in first:
                first[name] = self.text(child)
        get = first.get
        return m.Period(element=element, start=get("StartDate") or get("StartDateTime"),
                        end=get("EndDate") or get("EndDateTime"))

    def price(self, element: etree._Element) -> m.Price:
        """A PriceInformation; its amounts are the wholesale prices, then the bulk order
        ones, then the suggested retail ones."""
        price_type = price_range_type = None
        amounts: dict[str, list[m.Text]] = {name: [] for name in _PRICE_AMOUNTS}
        for child in element:
            name = self.local_names[child.tag]
            if name in amounts:
                amounts[name].append(self.text(child))
            elif name == "PriceType" and price_type is None:
                price_type = self.text(child)
            elif name == "PriceRangeType" and price_range_type is None:
                price_range_type = self.text(child)
        return m.Price(element=element, price_type=price_type,
                       price_range_type=price_range_type,
                       amounts=tuple(t for same_name in amounts.values() for t in same_name))

    def deal_terms(self, element: etree._Element) -> m.DealTerms:
        commercial_model_types: list[m.Text] = []
        use_types: list[m.Text] = []
        territories: list[m.Text] = []
        excluded_territories: list[m.Text] = []
        periods: list[m.Period] = []
        prices: list[m.Price] = []
        takedown = None
        pre_order_release_dates: list[m.Text] = []
        release_display_start_dates: list[m.Text] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "TerritoryCode":
                territories.append(self.text(child))
            elif name == "CommercialModelType":
                commercial_model_types.append(self.text(child))
            elif name == "Usage":
                use_types += self.texts_named(child, "UseType")
            elif name == "ExcludedTerritoryCode":
                excluded_territories.append(self.text(child))
            elif name == "ValidityPeriod":
                periods.append(self.period(child))
            elif name == "PriceInformation":
                prices.append(self.price(child))
            elif name == "TakeDown" and takedown is None:
                takedown = self.text(child)
            elif name == "PreOrderReleaseDate":
                pre_order_release_dates.append(self.text(child))
            elif name == "ReleaseDisplayStartDate":
                release_display_start_dates.append(self.text(child))
        return m.DealTerms(
            element=element,
            commercial_model_types=tuple(commercial_model_types),
            use_types=tuple(use_types),
            territories=tuple(territories),
            excluded_territories=tuple(excluded_territories),
            validity_periods=tuple(periods),
            prices=tuple(prices),
            takedown=takedown,
            pre_order_release_dates=tuple(pre_order_release_dates),
            release_display_start_dates=tuple(release_display_start_dates),
        )

    def deal(self, element: etree._Element) -> m.Deal:
        terms = None
        references: list[m.Text] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "DealTerms" and terms is None:
                terms = self.deal_terms(child)
            elif name == "DealReference":
                references.append(self.text(child))
        return m.Deal(element=element, terms=terms, references=tuple(references))

    def release_deal(self, element: etree._Element) -> m.ReleaseDeal:
        release_references: list[m.Text] = []
        deals: list[m.Deal] = []
        effective_date = None
        for child in element:
            name = self.local_names[child.tag]
            if name == "Deal":
                deals.append(self.deal(child))
            elif name == "DealReleaseReference":
                release_references.append(self.text(child))
            elif name == "EffectiveDate" and effective_date is None:
                effective_date = self.text(child)
        return m.ReleaseDeal(element=element, release_references=tuple(release_references),
                             deals=tuple(deals), effective_date=effective_date)

    def party(self, element: etree._Element) -> m.Party:
        party_ids: list[m.Text] = []
        names: list[m.Text] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "PartyId":
                party_ids.append(self.text(child))
            elif name == "PartyName":
                names += self.texts_named(child, "FullName")
        return m.Party(element=element, party_ids=tuple(party_ids), names=tuple(names))

    def header(self, element: etree._Element) -> m.MessageHeader:
        message_id = thread_id = created = None
        sender = None
        recipients: list[m.Party] = []
        for child in element:
            name = self.local_names[child.tag]
            if name == "MessageId" and message_id is None:
                message_id = self.text(child)
            elif name == "MessageThreadId" and thread_id is None:
                thread_id = self.text(child)
            elif name == "MessageSender" and sender is None:
                sender = self.party(child)
            elif name == "MessageRecipient":
                recipients.append(self.party(child))
            elif name == "MessageCreatedDateTime" and created is None:
                created = self.text(child)
        return m.MessageHeader(element=element, message_id=message_id, thread_id=thread_id,
                               sender=sender, recipients=tuple(recipients), created=created)

    def message(self, root: etree._Element,
                index: dict[str, tuple[m.Text, ...]]) -> m.Message:
        first: dict[str, etree._Element] = {}  # the first child of each name
        for child in root:
            name = self.local_names[child.tag]
            first.setdefault(name, child)
        header = first.get("MessageHeader")
        update_indicator = first.get("UpdateIndicator")
        resource_list = first.get("ResourceList")
        release_list = first.get("ReleaseList")
        deal_list = first.get("DealList")
        qname = etree.QName(root)
        return m.Message(
            kind=qname.localname,
            namespace=qname.namespace or "",
            element=root,
            schema_version_id=_attribute(root, "MessageSchemaVersionId"),
            release_profile_version_id=_attribute(root, "ReleaseProfileVersionId"),
            language_and_script_code=root.get("LanguageAndScriptCode"),
            header=self.header(header) if header is not None else None,
            update_indicator=self.text(update_indicator)
            if update_indicator is not None else None,
            resource_list_loc=_loc_or_none(resource_list),
            release_list_loc=_loc_or_none(release_list),
            deal_list_loc=_loc_or_none(deal_list),
            # Every element of the ResourceList is a resource of its kind (SoundRecording,
            # Image, Video…); the others lists' members are taken by name.
            resources=tuple(map(self.resource, self.children_named(resource_list))),
            releases=tuple(map(self.release, self.children_named(release_list, "Release"))),
            release_deals=tuple(map(self.release_deal,
                                    self.children_named(deal_list, "ReleaseDeal"))),
            index=index,
        )


def _index(
    root: etree._Element, plan: _IndexPlan,
) -> tuple[dict[str, tuple[m.Text, ...]], dict[etree._Element, m.Text]]:
    """The message's index (every key of the plan, found or not), and the Texts it made for
    elements, by element."""
    index: dict[str, list[m.Text]] = {key: [] for key in plan.keys}
    made: dict[etree._Element, m.Text] = {}
    if plan.tags:
        for element in root.iter(*plan.tags):  # lxml picks them out in C
            name = element.tag
            if "}" in name:
                name = name.rpartition("}")[2]
            text = made[element] = _new_text(element.text or "", element)
            index[name].append(text)
    if plan.attributes is not None:
        for attribute in plan.attributes(root):
            index[f"@{attribute.attrname}"].append(
                m.Text(value=str(attribute), element=attribute.getparent(), of_attribute=True)
            )
    if plan.texts:
        _index_texts(root, plan.texts, index, made)
    return {name: tuple(texts) for name, texts in index.items()}, made


_TEXT_IS = etree.XPath("//*[normalize-space(text())=$value]")


def _index_texts(root: etree._Element, values: tuple[str, ...],
                 index: dict[str, list[m.Text]], made: dict[etree._Element, m.Text]) -> None:
    """Elements whose text is one of ``values`` (ROL604's UserDefined). An XPath over the
    text of every element is slow and such values are rare: the document's text, in one
    string, tells whether to look at all."""
    everything = etree.tostring(root, method="text", encoding="unicode")
    for value in values:
        if value not in everything:
            continue
        for element in _TEXT_IS(root, value=value):
            text = made.get(element) or _new_text(element.text or "", element)
            index[f"={value}"].append(text)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Switch the cyclic garbage collector off for the block (and back on if it was on).

    The model is made of many small objects without cycles, freed by reference counting as
    soon as the message is done with. With the cyclic GC on, every collection while they
    are alive scans all of them again: 10 times the tracks cost 20 times the time, and the
    objects made before the GC is switched back on are scanned once more afterwards. So the
    engine keeps it off for the whole of one message (parse, rules, report), and on again
    once the model is freed.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_message(root: etree._Element, indexes: Iterable[str] = ()) -> m.Message:
    """The model of the message rooted at ``root`` (any ERN-like root; never raises), with
    ``Message.indexed`` answering for the keys of ``indexes``: what the rules declare they
    read (``Rule.indexes``), so the parser knows no rule."""
    with cyclic_gc_paused():
        index, made = _index(root, _index_plan(frozenset(indexes)))
        return _ModelBuilder(made).message(root, index)


class ParseError(ValueError):
    """Raised by ``parse`` when the source cannot be read as XML at all."""


def parse(source: str | Path | bytes, *, indexes: Iterable[str] = ()) -> m.Message:
    """Parse an ERN message (a path or its bytes) into the model; ``indexes`` names what
    ``Message.indexed`` should collect wherever it stands (``"ISRC"``, ``"@Namespace"``).

    Raises ``InputError`` for a path that is missing or not a regular file (as
    ``ddexkit.validate`` does) and ``ParseError`` when the bytes are not well-formed, not safe
    to parse or over 50,000 KB; use ``ddexkit.validate`` to get those faults as issues instead.
    """
    if isinstance(source, bytes):
        raw = source
    else:  # read no more than the cap: /dev/zero or a huge file must not fill the memory
        raw, _size = read_message_file(source, MAX_MESSAGE_BYTES)
    document = read_document(raw)
    if document.tree is None:
        facts = document.facts
        problem = facts.syntax_error or facts.doctype or facts.invalid_utf8
        reason = problem.message if problem else "file is larger than 50,000 KB"
        raise ParseError(f"cannot parse the message: {reason}")
    return build_message(document.tree.getroot(), indexes)
