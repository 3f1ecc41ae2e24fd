"""The model built from the clean album, from an ernm:-prefixed copy, and from broken input."""

from __future__ import annotations

import pytest

import ddexkit
from ddexkit.locate import Locator
from ddexkit.parser import ParseError, build_message
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
