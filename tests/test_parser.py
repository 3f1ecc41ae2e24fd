"""The model built from the clean album, from an ernm:-prefixed copy, and from broken input."""

from __future__ import annotations

import dataclasses
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from lxml import etree

import ddexkit
from ddexkit.locate import Locator
from ddexkit.model import Text
from ddexkit.parser import ParseError, _new_text, build_message
from ddexkit.safexml import read_document
from tests.conftest import GOOD_ALBUM

ALBUM = GOOD_ALBUM.read_bytes()


def test_album_model_values() -> None:
    message = ddexkit.parse(GOOD_ALBUM, indexes={"ISRC", "@CurrencyCode", "=UserDefined"})
    assert message.kind == "NewReleaseMessage"
    assert message.header is not None and message.header.message_id is not None
    assert message.header.message_id.value == "NL-2024-0001-01"
    assert [r.isrc for r in message.sound_recordings] == [
        "GBAYE2400001", "GBAYE2400002", "GBAYE2400003"
    ]
    assert len(message.images) == 1
    release = message.main_release
    assert release is not None and release.icpn == "123456789012" and release.ref == "R0"
    assert [i.resource_reference.value for i in release.iter_group_items()
            if i.resource_reference] == ["A1", "A2", "A3", "A4"]
    terms = [t for _, _, t in message.iter_deal_terms()]
    assert [t.commercial_model_types[0].value for t in terms] == [
        "SubscriptionModel", "PayAsYouGoModel"
    ]
    assert terms[1].prices[0].amounts[0].attrs["CurrencyCode"] == "EUR"
    first = message.sound_recordings[0]
    files = list(first.iter_files())
    assert files[0].package_path == "resources/A1.flac"
    assert len(message.indexed("ISRC")) == 3
    assert [t.value for t in message.indexed("@CurrencyCode")] == ["EUR"]
    assert message.indexed("=UserDefined") == ()  # asked for, none in the file
    with pytest.raises(KeyError, match="'TitleText' was not indexed"):
        message.indexed("TitleText")  # not asked for: an error, never a silent nothing


def test_other_prefixes_parse_the_same() -> None:
    prefixed = ALBUM.replace(b"ern:", b"ernm:").replace(b"xmlns:ern=", b"xmlns:ernm=")
    message = ddexkit.parse(prefixed)
    assert [r.isrc for r in message.sound_recordings] == [
        r.isrc for r in ddexkit.parse(ALBUM).sound_recordings
    ]


def test_locations_resolve_to_namespace_free_xpath_line_and_column() -> None:
    document = read_document(ALBUM)
    assert document.tree is not None
    message = build_message(document.tree.getroot())
    locator = Locator(ALBUM, document.tree.getroot())
    isrc = message.sound_recordings[1].isrcs[0]
    where = locator.resolve(isrc.loc)
    assert where.xpath == "/NewReleaseMessage/ResourceList/SoundRecording[2]/SoundRecordingId/ISRC"
    line_text = ALBUM.decode().splitlines()[where.line - 1]  # type: ignore[operator]
    assert line_text[where.column - 1:].startswith("<ISRC>")  # type: ignore[operator]


def test_a_start_tag_whose_attributes_span_lines_is_placed_where_it_begins() -> None:
    """libxml2 numbers such an element by the line where its start tag ends; the place shown
    is where it begins, line and column of one line, as an editor shows the tag."""
    raw = (b'<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382"\n'
           b'    MessageSchemaVersionId="ern/382"\n'
           b'    LanguageAndScriptCode="en">\n'
           b"  <ResourceList>\n"
           b"    <SoundRecording>\n"
           b"      <ResourceReference>A1</ResourceReference>\n"
           b"      <Duration\n"
           b'          xml:lang="en">PT3M</Duration>\n'
           b"    </SoundRecording>\n"
           b"  </ResourceList>\n"
           b"</ern:NewReleaseMessage>\n")
    document = read_document(raw)
    assert document.tree is not None
    root = document.tree.getroot()
    message = build_message(root)
    duration = message.resources[0].duration
    assert root.sourceline == 3 and duration is not None and duration.element.sourceline == 8
    locator = Locator(raw, root)
    assert (locator.resolve(message.loc).line, locator.resolve(message.loc).column) == (1, 1)
    where = locator.resolve(duration.loc)
    assert (where.line, where.column) == (7, 7)


def test_minified_file_gets_distinct_columns() -> None:
    raw = (b'<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382">'
           b"<ResourceList><SoundRecording><ResourceReference>A1</ResourceReference>"
           b"</SoundRecording><SoundRecording><ResourceReference>A2</ResourceReference>"
           b"</SoundRecording></ResourceList></ern:NewReleaseMessage>")
    document = read_document(raw)
    assert document.tree is not None
    message = build_message(document.tree.getroot())
    locator = Locator(raw, document.tree.getroot())
    columns = [locator.resolve(r.loc).column for r in message.resources]
    assert columns[0] is not None and columns[1] is not None
    assert raw.decode()[columns[1] - 1:].startswith("<SoundRecording><ResourceReference>A2")


def test_model_is_built_from_xsd_invalid_input() -> None:
    raw = ALBUM.replace(b"<ReleaseList>", b"<ReleaseList><Bogus/>").replace(
        b"<ResourceReference>A1</ResourceReference>", b"")
    message = ddexkit.parse(raw)
    assert message.resources[0].reference is None
    assert len(message.releases) == 1


def test_parse_raises_parse_error_on_malformed_bytes() -> None:
    with pytest.raises(ParseError):
        ddexkit.parse(b"<a><b></a>")


def test_an_element_read_and_indexed_gets_one_text() -> None:
    message = ddexkit.parse(GOOD_ALBUM, indexes={"ISRC", "TitleText", "@SequenceNumber"})
    first = message.sound_recordings[0]
    assert message.indexed("ISRC")[0] is first.isrcs[0]
    assert first.reference_title is not None and first.reference_title.text is not None
    assert first.reference_title.text in message.indexed("TitleText")
    assert any(t is first.reference_title.text for t in message.indexed("TitleText"))


def test_qualified_children_comments_and_instructions_change_nothing() -> None:
    """Children matched by local name, whatever their prefix; comments and processing
    instructions between them skipped. Inserted on the same lines, so that every place
    (and so the model's repr, which shows lines and values) stays the same."""
    qualified = re.sub(rb"<(/?)(?!ern:|\?|!)(\w+)", rb"<\1ern:\2", ALBUM)
    noisy = qualified.replace(b"<ern:ISRC>", b"<!-- isrc --><?note x?><ern:ISRC>").replace(
        b"</ern:TitleText>", b"</ern:TitleText><!-- title -->")
    keys = {"ISRC", "TitleText", "Duration", "@CurrencyCode", "@SequenceNumber"}
    plain, prefixed = ddexkit.parse(ALBUM, indexes=keys), ddexkit.parse(noisy, indexes=keys)
    assert b"<ern:SoundRecording>" in noisy and b"<SoundRecording>" not in noisy
    assert repr(prefixed) == repr(plain)
    assert len(prefixed.indexed("ISRC")) == 3


def test_texts_made_fast_are_texts() -> None:
    """The parser sets Text's fields itself (``_new_text``): Text must still have exactly
    those fields and nothing its ``__init__`` would do besides."""
    assert [f.name for f in dataclasses.fields(Text)] == ["value", "element", "of_attribute"]
    assert not hasattr(Text, "__post_init__")
    element = etree.Element("ISRC")
    made = _new_text("GBAYE2400001", element)
    assert type(made) is Text
    assert made == Text(value="GBAYE2400001", element=element)
    assert hash(made) == hash(Text(value="GBAYE2400001", element=element))


def test_builds_in_threads_share_nothing() -> None:
    """Each build keeps its state to itself: messages built at once in threads are those
    built one after the other."""
    albums = [ALBUM, ALBUM.replace(b"GBAYE2400001", b"GBAYE2499999"),
              ALBUM.replace(b"<ern:NewReleaseMessage", b"<ernm:NewReleaseMessage").replace(
                  b"</ern:NewReleaseMessage", b"</ernm:NewReleaseMessage").replace(
                  b"xmlns:ern=", b"xmlns:ernm=")]
    roots = []
    for raw in albums:
        document = read_document(raw)
        assert document.tree is not None
        roots.append(document.tree.getroot())
    keys = {"ISRC", "TitleText", "FullName", "@SequenceNumber"}
    alone = [build_message(root, keys) for root in roots]
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(lambda root: build_message(root, keys), roots * 10))
    assert together == alone * 10
    assert [m.sound_recordings[0].isrc for m in alone] == [
        "GBAYE2400001", "GBAYE2499999", "GBAYE2400001"]
