"""Map an ERN 3.8.2 tree onto ``ddexkit.model`` in one walk.

The walk follows the message's structure (header, resources, releases, deals) and takes
whatever is there: unknown or misplaced elements are skipped, missing ones stay ``None`` or
empty, so rules can report on XSD-invalid files too. Element names are matched by local name,
whatever the prefix (``ern:``, ``ernm:``) or namespace.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from pathlib import Path

from lxml import etree

from ddexkit import model as m
from ddexkit.issues import Location
from ddexkit.safexml import read_document

# Elements collected wherever they stand, for rules that check "every X element".
INDEXED_ELEMENTS = (
    "ISRC",
    "ISWC",
    "GRid",
    "ISNI",
    "ICPN",
    "ProprietaryId",
    "PartyId",
    "TerritoryCode",
    "ExcludedTerritoryCode",
    "Duration",
    "ArtistRole",
    "ResourceContributorRole",
    "IndirectResourceContributorRole",
    "TitleText",
    "FullName",
    "DisplayArtistName",
    "LabelName",
    "ReleaseDate",
    "OriginalReleaseDate",
    "GlobalReleaseDate",
    "GlobalOriginalReleaseDate",
    "ResourceReleaseDate",
    "StartDate",
    "EndDate",
    "EffectiveDate",
    "LanguageOfPerformance",
    "ParentalWarningType",
)
# Attributes collected wherever they stand, indexed as "@Name"; the Text points at the element.
INDEXED_ATTRIBUTES = ("LanguageAndScriptCode", "CurrencyCode", "Namespace", "IsEan")
# Elements whose text is the value "UserDefined", indexed under this key (ROL604).
USER_DEFINED_KEY = "=UserDefined"

_INDEXED_TAGS = tuple(f"{{*}}{name}" for name in INDEXED_ELEMENTS)
_ATTRIBUTES_XPATH = etree.XPath(
    "//@*[" + " or ".join(f"local-name()='{name}'" for name in INDEXED_ATTRIBUTES) + "]"
)
_USER_DEFINED_XPATH = etree.XPath("//*[normalize-space(text())='UserDefined']")

_Children = Mapping[str, list[etree._Element]]
_NO_CHILDREN: list[etree._Element] = []


def local_name(tag: object) -> str:
    """The local name of an element's tag; '' for comments and processing instructions."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _loc(element: etree._Element) -> Location:
    return Location(line=element.sourceline, element=element)


def _text(element: etree._Element) -> m.Text:
    attrs = element.attrib
    return m.Text(
        value=element.text or "",
        loc=_loc(element),
        attrs=dict(attrs) if attrs else m.EMPTY_ATTRS,
    )


def _children(element: etree._Element) -> dict[str, list[etree._Element]]:
    found: dict[str, list[etree._Element]] = {}
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            found.setdefault(tag.rpartition("}")[2], []).append(child)
    return found


def _first(kids: _Children, name: str) -> etree._Element | None:
    found = kids.get(name)
    return found[0] if found else None


def _first_text(kids: _Children, name: str) -> m.Text | None:
    found = kids.get(name)
    return _text(found[0]) if found else None


def _texts(kids: _Children, name: str) -> tuple[m.Text, ...]:
    return tuple(_text(e) for e in kids.get(name, _NO_CHILDREN))


def _nested_texts(kids: _Children, outer: str, inner: str) -> tuple[m.Text, ...]:
    """Texts of ``outer/inner`` children, e.g. ReleaseId/ICPN."""
    found: list[m.Text] = []
    for element in kids.get(outer, _NO_CHILDREN):
        found.extend(_texts(_children(element), inner))
    return tuple(found)


def _title(element: etree._Element) -> m.Title:
    kids = _children(element)
    return m.Title(
        loc=_loc(element),
        text=_first_text(kids, "TitleText"),
        sub_title=_first_text(kids, "SubTitle"),
        title_type=element.get("TitleType"),
    )


def _titles(kids: _Children, name: str = "Title") -> tuple[m.Title, ...]:
    return tuple(_title(e) for e in kids.get(name, _NO_CHILDREN))


def _contributor(element: etree._Element) -> m.Contributor:
    kids = _children(element)
    role_name = {
        "DisplayArtist": "ArtistRole",
        "ResourceContributor": "ResourceContributorRole",
        "IndirectResourceContributor": "IndirectResourceContributorRole",
    }.get(local_name(element.tag), "ArtistRole")
    sequence = element.get("SequenceNumber")
    return m.Contributor(
        kind=local_name(element.tag),
        loc=_loc(element),
        names=_nested_texts(kids, "PartyName", "FullName"),
        roles=_texts(kids, role_name),
        party_ids=_nested_texts(kids, "PartyId", "ISNI") + _nested_texts(kids, "PartyId", "DPID"),
        sequence=(
            m.Text(value=sequence, loc=_loc(element)) if sequence is not None else None
        ),
    )


def _contributors(kids: _Children, name: str) -> tuple[m.Contributor, ...]:
    return tuple(_contributor(e) for e in kids.get(name, _NO_CHILDREN))


def _copyright_lines(kids: _Children, name: str) -> tuple[m.CopyrightLine, ...]:
    lines = []
    for element in kids.get(name, _NO_CHILDREN):
        line_kids = _children(element)
        lines.append(
            m.CopyrightLine(
                kind=name,
                loc=_loc(element),
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
                loc=_loc(element),
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
                loc=_loc(hash_element),
                value=_first_text(hash_kids, "HashSum"),
                algorithm=_first_text(hash_kids, "HashSumAlgorithmType"),
            )
        )
    return m.FileRef(
        loc=_loc(element),
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
        loc=_loc(element),
        reference=_first_text(kids, "TechnicalResourceDetailsReference"),
        codec=codec,
        duration=_first_text(kids, "Duration"),
        bitrate=_first_text(kids, "BitRate"),
        channels=_first_text(kids, "NumberOfChannels"),
        sampling_rate=_first_text(kids, "SamplingRate"),
        bits_per_sample=_first_text(kids, "BitsPerSample"),
        width=_first_text(kids, "ImageWidth"),
        height=_first_text(kids, "ImageHeight"),
        files=tuple(_file(e) for e in kids.get("File", _NO_CHILDREN)),
    )


def _resource_details(element: etree._Element) -> m.ResourceDetails:
    kids = _children(element)
    technical: list[m.TechnicalDetails] = []
    for name, elements in kids.items():
        if name.startswith("Technical") and name.endswith("Details"):
            technical.extend(_technical_details(e) for e in elements)
    return m.ResourceDetails(
        loc=_loc(element),
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
        loc=_loc(element),
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
                loc=_loc(item),
                sequence=_first_text(item_kids, "SequenceNumber"),
                resource_reference=_first_text(item_kids, "ReleaseResourceReference"),
                resource_type=_first_text(item_kids, "ResourceType"),
            )
        )
    return m.ResourceGroup(
        loc=_loc(element),
        sequence=_first_text(kids, "SequenceNumber"),
        titles=_titles(kids),
        items=tuple(items),
        groups=tuple(_resource_group(e) for e in kids.get("ResourceGroup", _NO_CHILDREN)),
    )


def _release_details(element: etree._Element) -> m.ReleaseDetails:
    kids = _children(element)
    return m.ReleaseDetails(
        loc=_loc(element),
        territories=_texts(kids, "TerritoryCode"),
        excluded_territories=_texts(kids, "ExcludedTerritoryCode"),
        display_artist_names=_texts(kids, "DisplayArtistName"),
        label_names=_texts(kids, "LabelName"),
        titles=_titles(kids),
        display_artists=_contributors(kids, "DisplayArtist"),
        release_types=_texts(kids, "ReleaseType"),
        parental_warnings=_texts(kids, "ParentalWarningType"),
        resource_groups=tuple(_resource_group(e) for e in kids.get("ResourceGroup", _NO_CHILDREN)),
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
    is_main = element.get("IsMainRelease")
    return m.Release(
        loc=_loc(element),
        reference=_first_text(kids, "ReleaseReference"),
        is_main=m.Text(value=is_main, loc=_loc(element)) if is_main is not None else None,
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
                loc=_loc(period),
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
                loc=_loc(price),
                price_type=_first_text(price_kids, "PriceType"),
                price_range_type=_first_text(price_kids, "PriceRangeType"),
                amounts=tuple(amounts),
            )
        )
    return m.DealTerms(
        loc=_loc(element),
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
        terms = _first(_children(deal), "DealTerms")
        deal_terms = _deal_terms(terms) if terms is not None else None
        deals.append(m.Deal(loc=_loc(deal), terms=deal_terms))
    return m.ReleaseDeal(
        loc=_loc(element),
        release_references=_texts(kids, "DealReleaseReference"),
        deals=tuple(deals),
        effective_date=_first_text(kids, "EffectiveDate"),
    )


def _party(element: etree._Element) -> m.Party:
    kids = _children(element)
    return m.Party(
        loc=_loc(element),
        party_ids=_texts(kids, "PartyId"),
        names=_nested_texts(kids, "PartyName", "FullName"),
    )


def _header(element: etree._Element) -> m.MessageHeader:
    kids = _children(element)
    sender = _first(kids, "MessageSender")
    return m.MessageHeader(
        loc=_loc(element),
        message_id=_first_text(kids, "MessageId"),
        thread_id=_first_text(kids, "MessageThreadId"),
        sender=_party(sender) if sender is not None else None,
        recipients=tuple(_party(e) for e in kids.get("MessageRecipient", _NO_CHILDREN)),
        created=_first_text(kids, "MessageCreatedDateTime"),
    )


def _index(root: etree._Element) -> dict[str, tuple[m.Text, ...]]:
    index: dict[str, list[m.Text]] = {}
    for element in root.iter(*_INDEXED_TAGS):
        index.setdefault(local_name(element.tag), []).append(_text(element))
    for attribute in _ATTRIBUTES_XPATH(root):
        owner = attribute.getparent()
        index.setdefault(f"@{attribute.attrname}", []).append(
            m.Text(value=str(attribute), loc=_loc(owner))
        )
    for element in _USER_DEFINED_XPATH(root):
        index.setdefault(USER_DEFINED_KEY, []).append(_text(element))
    return {name: tuple(texts) for name, texts in index.items()}


def _list_members(kids: _Children, name: str) -> Iterable[etree._Element]:
    list_element = _first(kids, name)
    if list_element is None:
        return ()
    return (child for child in list_element if isinstance(child.tag, str))


def build_message(root: etree._Element) -> m.Message:
    """The model of the message rooted at ``root`` (any ERN-like root; never raises)."""
    # The walk makes a few small, acyclic objects per element. With the cyclic GC on, each
    # collection rescans all of them again: 10 times the tracks cost 20 times the time.
    # Collecting once, after the walk, keeps the build linear.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_message(root)
    finally:
        if enabled:
            gc.enable()


def _build_message(root: etree._Element) -> m.Message:
    kids = _children(root)
    header = _first(kids, "MessageHeader")
    qname = etree.QName(root)
    version = root.get("MessageSchemaVersionId")
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
        loc=_loc(root),
        schema_version_id=m.Text(value=version, loc=_loc(root)) if version is not None else None,
        language_and_script_code=root.get("LanguageAndScriptCode"),
        header=_header(header) if header is not None else None,
        resource_list_loc=list_loc("ResourceList"),
        release_list_loc=list_loc("ReleaseList"),
        deal_list_loc=list_loc("DealList"),
        resources=resources,
        releases=releases,
        release_deals=release_deals,
        index=_index(root),
    )


class ParseError(ValueError):
    """Raised by ``parse`` when the source cannot be read as XML at all."""


def parse(source: str | Path | bytes) -> m.Message:
    """Parse an ERN message (a path or its bytes) into the model.

    Raises ``ParseError`` when the bytes are not well-formed or not safe to parse; use
    ``ddexkit.validate`` to get those faults as issues instead.
    """
    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    document = read_document(raw)
    if document.tree is None:
        facts = document.facts
        problem = facts.syntax_error or facts.doctype or facts.invalid_utf8
        reason = problem.message if problem else "file is larger than 50,000 KB"
        raise ParseError(f"cannot parse the message: {reason}")
    return build_message(document.tree.getroot())
