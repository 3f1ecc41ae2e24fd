"""Facts gathered from raw bytes: encodings, DOCTYPEs, syntax errors, sizes; never a crash."""

from __future__ import annotations

import codecs

from ddexkit.safexml import MAX_MESSAGE_BYTES, read_document
from tests.conftest import GOOD_ALBUM

ALBUM = GOOD_ALBUM.read_bytes()


def test_clean_album_is_parsed_with_root_facts() -> None:
    document = read_document(ALBUM)
    facts = document.facts
    assert document.tree is not None
    assert facts.root_name == "NewReleaseMessage"
    assert facts.root_namespace == "http://ddex.net/xml/ern/382"
    assert facts.schema_version_id == "ern/382"
    assert facts.root_line == 2
    assert facts.invalid_utf8 is None and facts.doctype is None and facts.syntax_error is None


def test_utf8_bom_and_crlf_are_fine() -> None:
    document = read_document(codecs.BOM_UTF8 + ALBUM.replace(b"\n", b"\r\n"))
    assert document.tree is not None
    assert document.facts.bom_encoding == "UTF-8"
    assert document.facts.invalid_utf8 is None


def test_utf16_file_is_read_and_its_encoding_noted() -> None:
    text = ALBUM.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    document = read_document(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert document.facts.bom_encoding == "UTF-16"
    assert document.facts.root_name == "NewReleaseMessage"


def test_invalid_utf8_is_located_and_not_parsed() -> None:
    raw = ALBUM.replace(b"Aurora Vale", b"Aurora V\xe9le", 1)
    document = read_document(raw)
    assert document.tree is None
    problem = document.facts.invalid_utf8
    assert problem is not None
    line = raw[: raw.index(b"\xe9")].count(b"\n") + 1
    assert problem.line == line
    assert problem.column is not None and problem.column > 1


def test_doctype_is_refused_before_parsing() -> None:
    raw = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<x>&a;</x>'
    document = read_document(raw)
    assert document.tree is None
    assert document.facts.doctype is not None and document.facts.doctype.line == 2


def test_syntax_error_has_line_and_column() -> None:
    document = read_document(b"<a>\n  <b></c>\n</a>")
    problem = document.facts.syntax_error
    assert problem is not None and problem.line == 2 and problem.column is not None


def test_oversized_file_is_not_parsed() -> None:
    document = read_document(b"<a/>", size=MAX_MESSAGE_BYTES + 1)
    assert document.facts.too_large and document.tree is None


def test_empty_input_is_a_syntax_error() -> None:
    assert read_document(b"").facts.syntax_error is not None
