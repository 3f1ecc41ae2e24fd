"""Map an ERN 3.8.2 tree onto ``ddexkit.model`` in one walk.

The walk follows the message's structure (header, resources, releases, deals) and takes
whatever is there: unknown or misplaced elements are skipped, missing ones stay ``None`` or
empty, so rules can report on XSD-invalid files too. Element names are matched by local name,
whatever the prefix (``ern:``, ``ernm:``) or namespace.

Before it, the index (every ISRC, TitleText, Duration… wherever it stands) is gathered in one
pass that lxml filters in C; the walk takes the index's Text for an element it reads too, so
an element read gets one Text, shared by the index and the model. Records keep their element,
not a Location: ``loc`` is worked out when an issue needs it.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

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
    xpath = etree.XPath(
        "//@*[" + " or ".join(f"local-name()='{name}'" for name in attributes) + "]"
    ) if attributes else None
    return _IndexPlan(keys=keys, tags=tuple(f"{{*}}{name}" for name in elements),
                      attributes=xpath, texts=texts)

_Children = Mapping[str, list[etree._Element]]
_NO_CHILDREN: list[etree._Element] = []


def local_name(tag: object) -> str:
    """The local name of an element's tag; '' for comments and processing instructions."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _loc(element: etree._Element) -> Location:
    return Location(line=element.sourceline, element=element)


# While a message is built: the Texts the index made, by element. The model takes the index's
# Text for an element it reads too (ISRC, TitleText, Duration…) instead of making another.
_indexed_texts: ContextVar[Mapping[etree._Element, m.Text]] = ContextVar(
    "indexed_texts", default=MappingProxyType({})
)


def _text(element: etree._Element) -> m.Text:
    made = _indexed_texts.get().get(element)
    return made if made is not None else m.Text(value=element.text or "", element=element)


def _attribute(element: etree._Element, name: str) -> m.Text | None:
    """The value of an attribute as a Text on its element, or None without it."""
    value = element.get(name)
    return m.Text(value=value, element=element, of_attribute=True) if value is not None else None


def _children(element: etree._Element) -> dict[str, list[etree._Element]]:
    found: dict[str, list[etree._Element]] = {}
    for child in element:
        tag = child.tag
        if isinstance(tag, str):  # not a comment or processing instruction
            if "}" in tag:  # ERN's children are mostly unqualified: no namespace to cut off
                tag = tag.rpartition("}")[2]
            if tag in found:
                found[tag].append(child)
            else:
                found[tag] = [child]
    return found


def _first(kids: _Children, name: str) -> etree._Element | None:
    found = kids.get(name)
    return found[0] if found else None


def _first_text(kids: _Children, name: str) -> m.Text | None:
    found = kids.get(name)
    return _text(found[0]) if found else None


def _texts(kids: _Children, name: str) -> tuple[m.Text, ...]:
    return tuple(map(_text, kids.get(name, _NO_CHILDREN)))


def _nested_texts(kids: _Children, outer: str, inner: str) -> tuple[m.Text, ...]:
    """Texts of ``outer/inner`` children, e.g. ReleaseId/ICPN."""
    found: list[m.Text] = []
    for element in kids.get(outer, _NO_CHILDREN):
        found.extend(_texts(_children(element), inner))
    return tuple(found)


def _title(element: etree._Element) -> m.Title:
    kids = _children(element)
    return m.Title(
        element=element,
        text=_first_text(kids, "TitleText"),
        sub_title=_first_text(kids, "SubTitle"),
        title_type=element.get("TitleType"),
    )


def _titles(kids: _Children, name: str = "Title") -> tuple[m.Title, ...]:
    return tuple(map(_title, kids.get(name, _NO_CHILDREN)))


_ROLE_ELEMENTS = {
    "DisplayArtist": "ArtistRole",
    "ResourceContributor": "ResourceContributorRole",
    "IndirectResourceContributor": "IndirectResourceContributorRole",
}


def _contributor(element: etree._Element) -> m.Contributor:
    kids = _children(element)
    kind = local_name(element.tag)
    return m.Contributor(
        kind=kind,
        element=element,
        names=_nested_texts(kids, "PartyName", "FullName"),
        roles=_texts(kids, _ROLE_ELEMENTS.get(kind, "ArtistRole")),
        # ERN 3.8.2 writes the id as the PartyId's text (IsISNI, IsDPID, Namespace say whose);
        # ISNI and DPID children are the later versions' form, kept for those files.
        party_ids=tuple(t for t in _texts(kids, "PartyId") if t.stripped)
        + _nested_texts(kids, "PartyId", "ISNI") + _nested_texts(kids, "PartyId", "DPID"),
        sequence=_attribute(element, "SequenceNumber"),
    )


def _contributors(kids: _Children, name: str) -> tuple[m.Contributor, ...]:
    return tuple(map(_contributor, kids.get(name, _NO_CHILDREN)))


def _copyright_lines(kids: _Children, name: str) -> tuple[m.CopyrightLine, ...]:
    lines = []
    for element in kids.get(name, _NO_CHILDREN):
        line_kids = _children(element)
        lines.append(
            m.CopyrightLine(
                kind=name,
                element=element,
                year=_first_text(line_kids, "Year"),
                text=_first_text(line_kids, f"{name}Text"),
            )
        )
    return tuple(lines)


def _genres(kids: _Children) -> tuple[m.Genre, ...]:
    genres = []
    for element in kids.get("Genre", _NO_CHILDREN):
        genre_kids = _children(element)
        genres.append(
            m.Genre(
                element=element,
                genre_text=_first_text(genre_kids, "GenreText"),
                sub_genre=_first_text(genre_kids, "SubGenre"),
            )
        )
    return tuple(genres)


def _file(element: etree._Element) -> m.FileRef:
    kids = _children(element)
    hash_sums = []
    for hash_element in kids.get("HashSum", _NO_CHILDREN):
        hash_kids = _children(hash_element)
        hash_sums.append(
            m.HashSum(
                element=hash_element,
                value=_first_text(hash_kids, "HashSum"),
                algorithm=_first_text(hash_kids, "HashSumAlgorithmType"),
            )
        )
    return m.FileRef(
        element=element,
        name=_first_text(kids, "FileName"),
        path=_first_text(kids, "FilePath"),
        hash_sums=tuple(hash_sums),
    )


def _technical_details(element: etree._Element) -> m.TechnicalDetails:
    kids = _children(element)
    codec = _first_text(kids, "AudioCodecType") or _first_text(kids, "ImageCodecType")
    codec = codec or _first_text(kids, "VideoCodecType")
    return m.TechnicalDetails(
        kind=local_name(element.tag),
        element=element,
        reference=_first_text(kids, "TechnicalResourceDetailsReference"),
        codec=codec,
        duration=_first_text(kids, "Duration"),
        bitrate=_first_text(kids, "BitRate"),
        channels=_first_text(kids, "NumberOfChannels"),
        sampling_rate=_first_text(kids, "SamplingRate"),
        bits_per_sample=_first_text(kids, "BitsPerSample"),
        width=_first_text(kids, "ImageWidth"),
        height=_first_text(kids, "ImageHeight"),
        files=tuple(map(_file, kids.get("File", _NO_CHILDREN))),
    )


def _resource_details(element: etree._Element) -> m.ResourceDetails:
    kids = _children(element)
    technical: list[m.TechnicalDetails] = []
    for name, elements in kids.items():
        if name.startswith("Technical") and name.endswith("Details"):
            technical.extend(_technical_details(e) for e in elements)
    return m.ResourceDetails(
        element=element,
        territories=_texts(kids, "TerritoryCode"),
        excluded_territories=_texts(kids, "ExcludedTerritoryCode"),
        titles=_titles(kids),
        display_artists=_contributors(kids, "DisplayArtist"),
        display_artist_names=_texts(kids, "DisplayArtistName"),
        contributors=_contributors(kids, "ResourceContributor"),
        indirect_contributors=_contributors(kids, "IndirectResourceContributor"),
        label_names=_texts(kids, "LabelName"),
        resource_release_dates=_texts(kids, "ResourceReleaseDate"),
        original_release_dates=_texts(kids, "OriginalResourceReleaseDate"),
        p_lines=_copyright_lines(kids, "PLine"),
        c_lines=_copyright_lines(kids, "CLine"),
        genres=_genres(kids),
        parental_warnings=_texts(kids, "ParentalWarningType"),
        technical_details=tuple(technical),
    )


def _resource(element: etree._Element) -> m.Resource:
    kind = local_name(element.tag)
    kids = _children(element)
    id_element = _first(kids, f"{kind}Id")
    id_kids = _children(id_element) if id_element is not None else {}
    reference_title = _first(kids, "ReferenceTitle")
    details: list[m.ResourceDetails] = []
    for name, elements in kids.items():
        if name.endswith("DetailsByTerritory"):
            details.extend(_resource_details(e) for e in elements)
    return m.Resource(
        kind=kind,
        element=element,
        reference=_first_text(kids, "ResourceReference"),
        resource_type=_first_text(kids, f"{kind}Type"),
        id_loc=_loc(id_element) if id_element is not None else None,
        isrcs=_texts(id_kids, "ISRC"),
        proprietary_ids=_texts(id_kids, "ProprietaryId"),
        reference_title=_title(reference_title) if reference_title is not None else None,
        duration=_first_text(kids, "Duration"),
        languages=_texts(kids, "LanguageOfPerformance"),
        details=tuple(details),
    )


def _resource_group(element: etree._Element) -> m.ResourceGroup:
    kids = _children(element)
    items = []
    for item in kids.get("ResourceGroupContentItem", _NO_CHILDREN):
        item_kids = _children(item)
        items.append(
            m.GroupItem(
                element=item,
                sequence=_first_text(item_kids, "SequenceNumber"),
                resource_reference=_first_text(item_kids, "ReleaseResourceReference"),
                resource_type=_first_text(item_kids, "ResourceType"),
                sequence_sub_number=_first_text(item_kids, "SequenceSubNumber"),
            )
        )
    return m.ResourceGroup(
        element=element,
        sequence=_first_text(kids, "SequenceNumber"),
        titles=_titles(kids),
        items=tuple(items),
        groups=tuple(map(_resource_group, kids.get("ResourceGroup", _NO_CHILDREN))),
        listed_references=_nested_texts(
            kids, "ResourceGroupResourceReferenceList", "ResourceGroupResourceReference"
        ),
    )


def _release_details(element: etree._Element) -> m.ReleaseDetails:
    kids = _children(element)
    return m.ReleaseDetails(
        element=element,
        territories=_texts(kids, "TerritoryCode"),
        excluded_territories=_texts(kids, "ExcludedTerritoryCode"),
        display_artist_names=_texts(kids, "DisplayArtistName"),
        label_names=_texts(kids, "LabelName"),
        titles=_titles(kids),
        display_artists=_contributors(kids, "DisplayArtist"),
        release_types=_texts(kids, "ReleaseType"),
        parental_warnings=_texts(kids, "ParentalWarningType"),
        resource_groups=tuple(map(_resource_group, kids.get("ResourceGroup", _NO_CHILDREN))),
        genres=_genres(kids),
        p_lines=_copyright_lines(kids, "PLine"),
        c_lines=_copyright_lines(kids, "CLine"),
        release_dates=_texts(kids, "ReleaseDate"),
        original_release_dates=_texts(kids, "OriginalReleaseDate"),
    )


def _release(element: etree._Element) -> m.Release:
    kids = _children(element)
    id_element = _first(kids, "ReleaseId")
    id_kids = _children(id_element) if id_element is not None else {}
    reference_title = _first(kids, "ReferenceTitle")
    reference_list = _first(kids, "ReleaseResourceReferenceList")
    return m.Release(
        element=element,
        reference=_first_text(kids, "ReleaseReference"),
        is_main=_attribute(element, "IsMainRelease"),
        id_loc=_loc(id_element) if id_element is not None else None,
        icpns=_texts(id_kids, "ICPN"),
        isrcs=_texts(id_kids, "ISRC"),
        grids=_texts(id_kids, "GRid"),
        proprietary_ids=_texts(id_kids, "ProprietaryId"),
        reference_title=_title(reference_title) if reference_title is not None else None,
        resource_references=(
            _texts(_children(reference_list), "ReleaseResourceReference")
            if reference_list is not None
            else ()
        ),
        resource_reference_list_loc=_loc(reference_list) if reference_list is not None else None,
        release_types=_texts(kids, "ReleaseType"),
        details=tuple(_release_details(e) for e in kids.get("ReleaseDetailsByTerritory", ())),
        duration=_first_text(kids, "Duration"),
        p_lines=_copyright_lines(kids, "PLine"),
        c_lines=_copyright_lines(kids, "CLine"),
        global_release_date=_first_text(kids, "GlobalReleaseDate"),
        global_original_release_date=_first_text(kids, "GlobalOriginalReleaseDate"),
        languages=_texts(kids, "LanguageOfPerformance"),
    )


def _deal_terms(element: etree._Element) -> m.DealTerms:
    kids = _children(element)
    use_types: list[m.Text] = []
    for usage in kids.get("Usage", _NO_CHILDREN):
        use_types.extend(_texts(_children(usage), "UseType"))
    periods = []
    for period in kids.get("ValidityPeriod", _NO_CHILDREN):
        period_kids = _children(period)
        periods.append(
            m.Period(
                element=period,
                start=_first_text(period_kids, "StartDate")
                or _first_text(period_kids, "StartDateTime"),
                end=_first_text(period_kids, "EndDate") or _first_text(period_kids, "EndDateTime"),
            )
        )
    prices = []
    for price in kids.get("PriceInformation", _NO_CHILDREN):
        price_kids = _children(price)
        amounts: list[m.Text] = []
        for name in ("WholesalePricePerUnit", "BulkOrderWholesalePricePerUnit",
                     "SuggestedRetailPrice"):
            amounts.extend(_texts(price_kids, name))
        prices.append(
            m.Price(
                element=price,
                price_type=_first_text(price_kids, "PriceType"),
                price_range_type=_first_text(price_kids, "PriceRangeType"),
                amounts=tuple(amounts),
            )
        )
    return m.DealTerms(
        element=element,
        commercial_model_types=_texts(kids, "CommercialModelType"),
        use_types=tuple(use_types),
        territories=_texts(kids, "TerritoryCode"),
        excluded_territories=_texts(kids, "ExcludedTerritoryCode"),
        validity_periods=tuple(periods),
        prices=tuple(prices),
        takedown=_first_text(kids, "TakeDown"),
        pre_order_release_dates=_texts(kids, "PreOrderReleaseDate"),
        release_display_start_dates=_texts(kids, "ReleaseDisplayStartDate"),
    )


def _release_deal(element: etree._Element) -> m.ReleaseDeal:
    kids = _children(element)
    deals = []
    for deal in kids.get("Deal", _NO_CHILDREN):
        deal_kids = _children(deal)
        terms = _first(deal_kids, "DealTerms")
        deal_terms = _deal_terms(terms) if terms is not None else None
        deals.append(m.Deal(element=deal, terms=deal_terms,
                            references=_texts(deal_kids, "DealReference")))
    return m.ReleaseDeal(
        element=element,
        release_references=_texts(kids, "DealReleaseReference"),
        deals=tuple(deals),
        effective_date=_first_text(kids, "EffectiveDate"),
    )


def _party(element: etree._Element) -> m.Party:
    kids = _children(element)
    return m.Party(
        element=element,
        party_ids=_texts(kids, "PartyId"),
        names=_nested_texts(kids, "PartyName", "FullName"),
    )


def _header(element: etree._Element) -> m.MessageHeader:
    kids = _children(element)
    sender = _first(kids, "MessageSender")
    return m.MessageHeader(
        element=element,
        message_id=_first_text(kids, "MessageId"),
        thread_id=_first_text(kids, "MessageThreadId"),
        sender=_party(sender) if sender is not None else None,
        recipients=tuple(map(_party, kids.get("MessageRecipient", _NO_CHILDREN))),
        created=_first_text(kids, "MessageCreatedDateTime"),
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
            text = made[element] = m.Text(value=element.text or "", element=element)
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
            text = made.get(element) or m.Text(value=element.text or "", element=element)
            index[f"={value}"].append(text)


def _list_members(kids: _Children, name: str) -> Iterable[etree._Element]:
    list_element = _first(kids, name)
    if list_element is None:
        return ()
    return (child for child in list_element if isinstance(child.tag, str))


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
        token = _indexed_texts.set(made)
        try:
            return _build_message(root, index)
        finally:
            _indexed_texts.reset(token)


def _build_message(root: etree._Element, index: Mapping[str, tuple[m.Text, ...]]) -> m.Message:
    kids = _children(root)
    header = _first(kids, "MessageHeader")
    qname = etree.QName(root)
    resources = tuple(_resource(e) for e in _list_members(kids, "ResourceList"))
    releases = tuple(
        _release(e)
        for e in _list_members(kids, "ReleaseList")
        if local_name(e.tag) == "Release"
    )
    release_deals = tuple(
        _release_deal(e)
        for e in _list_members(kids, "DealList")
        if local_name(e.tag) == "ReleaseDeal"
    )

    def list_loc(name: str) -> Location | None:
        element = _first(kids, name)
        return _loc(element) if element is not None else None

    return m.Message(
        kind=qname.localname,
        namespace=qname.namespace or "",
        element=root,
        schema_version_id=_attribute(root, "MessageSchemaVersionId"),
        release_profile_version_id=_attribute(root, "ReleaseProfileVersionId"),
        language_and_script_code=root.get("LanguageAndScriptCode"),
        header=_header(header) if header is not None else None,
        update_indicator=_first_text(kids, "UpdateIndicator"),
        resource_list_loc=list_loc("ResourceList"),
        release_list_loc=list_loc("ReleaseList"),
        deal_list_loc=list_loc("DealList"),
        resources=resources,
        releases=releases,
        release_deals=release_deals,
        index=index,
    )


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
