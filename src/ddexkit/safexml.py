"""Hardened reading of one XML document: facts about the bytes, then (when safe) an lxml tree.

Nothing here judges; the ERN00x rules read ``DocumentFacts``. The parser never touches the
network, never loads a DTD and never expands an entity: a document that declares a DOCTYPE is
not parsed at all, and the lxml parser is configured so that nothing could be resolved anyway.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from ddexkit.limits import RELEASE_LIMIT_BYTES

# The ingest's limit for one message (50,000 KB).
MAX_MESSAGE_BYTES = RELEASE_LIMIT_BYTES
# The most tags ('<') a message may hold to be parsed. Real messages spend 20 bytes or more per
# tag (about 2,500,000 in 50,000 KB); 12,500,000 empty elements in 50 MB took 1.7 GB of tree.
MAX_TAGS = 4_000_000
ERN382_NAMESPACE = "http://ddex.net/xml/ern/382"  # the root namespace of ERN 3.8.2
# How far past the prolog's comments and PIs a DOCTYPE or ENTITY is looked for.
_PROLOG_SCAN_BYTES = 1 << 16

_DECLARED_ENCODING = re.compile(r"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_UTF8_NAMES = frozenset({"utf-8", "utf8"})
# Whitespace, processing instructions and comments: what may precede a DOCTYPE.
_PROLOG_MISC_BYTES = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_PROLOG_MISC_TEXT = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntaxProblem:
    """Where and why the bytes are not well-formed XML (or not decodable)."""

    message: str
    line: int | None
    column: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentFacts:
    """What the ERN001–ERN005 and ERN008 rules judge, gathered before and during the parse."""

    size: int
    # Why the file could not be read at all (a missing file, no permission, a ZIP that is
    # not one): then nothing else is known.
    unreadable: str | None = None
    too_large: bool = False
    has_bom: bool = False
    declared_encoding: str | None = None
    bom_encoding: str | None = None
    # UTF-16/UTF-32 recognised without a byte order mark, from how '<' is encoded.
    unmarked_encoding: str | None = None
    invalid_utf8: SyntaxProblem | None = None
    doctype: SyntaxProblem | None = None
    syntax_error: SyntaxProblem | None = None
    # How many tags the file holds when that is over MAX_TAGS (then it is not parsed).
    too_many_tags: int | None = None
    root_name: str | None = None
    root_namespace: str | None = None
    schema_version_id: str | None = None
    root_line: int | None = None
    root_element: Any = field(default=None, compare=False, repr=False)

    @property
    def parsed(self) -> bool:
        return self.root_name is not None


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A message's facts, and its tree when it could be parsed safely."""

    facts: DocumentFacts
    tree: etree._ElementTree | None


class _RefuseExternal(etree.Resolver):  # type: ignore[misc]  # lxml-stubs: Resolver is Any
    """Answers every external load (DTD, parameter entity, entity) with nothing.

    ``load_dtd=False`` does not stop libxml2 from opening an external *parameter* entity
    declared in an internal subset (``<!ENTITY % p SYSTEM "file:///dev/zero"> %p;``): it read
    local files and hung on devices. With this resolver nothing outside the bytes is opened.
    """

    def resolve(self, system_url: str, public_id: str, context: object) -> Any:
        return self.resolve_string("", context)


def _make_parser(*, keep_blank_text: bool = True) -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
        remove_blank_text=not keep_blank_text,
    )
    parser.resolvers.add(_RefuseExternal())
    return parser


# Markup beside which libxml2 may drop blank text that belongs to a value (see _parse).
_KEEP_BLANKS_FOR = (b"\r", b"<!--", b"<![CDATA[")


def _parse(raw: bytes, *, utf8: bool) -> etree._Element:
    """The root of ``raw``, parsed without the blank text between elements where that loses
    nothing; raises what lxml raises for bytes it cannot parse.

    The indentation between elements is half the nodes of a pretty-printed ERN: leaving it
    out makes the tree a third smaller (80 MB less for a 10,000-track album) and its parse
    faster, and the XSD ignores it anyway. libxml2 drops a blank text node only where markup
    follows it and it is not the whole content of its element, so a value, blank or not, is
    kept as written; but not beside a comment, a processing instruction or a CDATA section
    inside a value, nor before a carriage return (a value that starts with a space and a
    CR LF line break would lose the space). A document holding any of those, or not in
    UTF-8 (where these bytes cannot be looked for), is parsed as written, blanks and all.
    """
    declaration = raw.startswith((b"<?xml", b"\xef\xbb\xbf<?xml"))
    if (
        not utf8
        or any(marker in raw for marker in _KEEP_BLANKS_FOR)
        or raw.count(b"<?") > declaration
    ):
        return etree.fromstring(raw, _make_parser())
    return etree.fromstring(raw, _make_parser(keep_blank_text=False))


def _line_and_column(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _bom_encoding(raw: bytes) -> str | None:
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF8, "UTF-8"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if raw.startswith(bom):
            return name
    return None


# How "<" starts a document in each encoding (XML 1.0, appendix F), for files without a BOM.
_UNMARKED_STARTS = (
    (b"\x00\x00\x00<", "UTF-32"), (b"<\x00\x00\x00", "UTF-32"),
    (b"\x00<\x00", "UTF-16"), (b"<\x00", "UTF-16"),
)


def _unmarked_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte order mark. Its NUL bytes are valid UTF-8, so without
    this the file would pass as UTF-8 that the distributor cannot read."""
    return next((name for start, name in _UNMARKED_STARTS if raw.startswith(start)), None)


def _prolog_text(raw: bytes, bom_encoding: str | None) -> str:
    """The prolog (however many comments and PIs it holds) plus the first bytes after it,
    so that a DOCTYPE hidden behind a long comment is still found."""
    codec = {"UTF-16": "utf-16", "UTF-32": "utf-32"}.get(bom_encoding or "", "utf-8")
    if codec == "utf-8" and raw[:2] in (b"<\x00", b"\x00<"):
        codec = "utf-16-le" if raw[:1] == b"<" else "utf-16-be"
    if codec == "utf-8":
        start = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
        misc = _PROLOG_MISC_BYTES.match(raw, start)
        end = misc.end() if misc else start
        return raw[: end + _PROLOG_SCAN_BYTES].decode("utf-8", errors="replace")
    text = raw.decode(codec, errors="replace")
    start = 1 if text.startswith("\ufeff") else 0
    misc_text = _PROLOG_MISC_TEXT.match(text, start)
    end = misc_text.end() if misc_text else start
    return text[: end + _PROLOG_SCAN_BYTES]


def _find_doctype(prolog: str) -> SyntaxProblem | None:
    """A DOCTYPE or ENTITY declaration before the root element, if any."""
    for marker in ("<!DOCTYPE", "<!ENTITY"):
        offset = prolog.find(marker)
        if offset >= 0:
            line = prolog.count("\n", 0, offset) + 1
            column = offset - (prolog.rfind("\n", 0, offset) + 1) + 1
            return SyntaxProblem(message=marker[2:], line=line, column=column)
    return None


def _invalid_utf8(raw: bytes) -> SyntaxProblem | None:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(raw, error.start)
        return SyntaxProblem(
            message=f"byte 0x{raw[error.start]:02X} is not valid UTF-8", line=line, column=column
        )
    return None


def _syntax_problem(error: etree.XMLSyntaxError) -> SyntaxProblem:
    entry = error.error_log.last_error if error.error_log else None
    message = entry.message if entry is not None else str(error)
    line = entry.line if entry is not None else error.lineno
    column = entry.column if entry is not None else error.offset
    return SyntaxProblem(message=message, line=line or None, column=column or None)


def read_document(raw: bytes, *, size: int | None = None) -> ParsedDocument:
    """Gather facts about ``raw`` and parse it when that is safe. Never raises on bad input.

    ``size`` is the file's real size when the caller read only the first bytes of a file
    over the limit.
    """
    size = len(raw) if size is None else size
    if size > MAX_MESSAGE_BYTES:
        return ParsedDocument(DocumentFacts(size=size, too_large=True), None)
    bom_encoding = _bom_encoding(raw)
    unmarked_encoding = None if bom_encoding else _unmarked_encoding(raw)
    prolog = _prolog_text(raw, bom_encoding)
    declared = _DECLARED_ENCODING.match(prolog.lstrip("\ufeff"))
    declared_encoding = declared.group(1) if declared else None
    utf8_expected = bom_encoding in (None, "UTF-8") and unmarked_encoding is None and (
        declared_encoding is None or declared_encoding.lower() in _UTF8_NAMES
    )
    invalid_utf8 = _invalid_utf8(raw) if utf8_expected else None
    facts = DocumentFacts(
        size=size,
        has_bom=bom_encoding is not None,
        bom_encoding=bom_encoding,
        unmarked_encoding=unmarked_encoding,
        declared_encoding=declared_encoding,
        invalid_utf8=invalid_utf8,
        doctype=_find_doctype(prolog),
    )
    if facts.doctype is not None or invalid_utf8 is not None:
        return ParsedDocument(facts, None)
    tags = raw.count(b"<")  # in C, before any tree exists; an over-count only errs safe
    if tags > MAX_TAGS:
        return ParsedDocument(_with(facts, too_many_tags=tags), None)
    try:
        root = _parse(raw, utf8=utf8_expected)
    except etree.XMLSyntaxError as error:
        return ParsedDocument(_with(facts, syntax_error=_syntax_problem(error)), None)
    except ValueError as error:  # e.g. an encoding lxml does not know
        problem = SyntaxProblem(message=str(error), line=None, column=None)
        return ParsedDocument(_with(facts, syntax_error=problem), None)
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        return ParsedDocument(
            _with(facts, doctype=SyntaxProblem(message="DOCTYPE", line=1, column=1)), None
        )
    qname = etree.QName(root)
    facts = _with(
        facts,
        root_name=qname.localname,
        root_namespace=qname.namespace or "",
        schema_version_id=root.get("MessageSchemaVersionId"),
        root_line=root.sourceline,
        root_element=root,
    )
    return ParsedDocument(facts, tree)


def _with(facts: DocumentFacts, **changes: Any) -> DocumentFacts:
    return replace(facts, **changes)
