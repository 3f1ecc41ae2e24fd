"""Parsing without the blank text between elements changes nothing anyone sees.

safexml leaves out the indentation between elements when that loses no text (see
``safexml._parse``); this checks, on every message of our corpus and the rule cases with their
comments blanked out (so that the lean parse is the one taken), that the report is the same as
with every blank kept, and that the documents the lean parse would get wrong are parsed as
written.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from ddexkit import engine, safexml
from ddexkit.config import Config
from tests.conftest import OUR_CORPUS, REPO

CASES = REPO / "tests" / "rules" / "cases"
MESSAGES = sorted([*OUR_CORPUS.rglob("*.xml"), *CASES.glob("*/*.xml")])
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)


def _without_comments(raw: bytes) -> bytes:
    """The message with each comment replaced by as many spaces: lines and columns stay."""
    return _COMMENT.sub(lambda m: re.sub(rb"[^\n]", b" ", m.group(0)), raw)


def _report(raw: bytes, settings: engine.Settings) -> dict[str, object]:
    report = engine.validate_bytes(raw, settings, path="message.xml")
    return report.to_dict()


@pytest.mark.parametrize("path", MESSAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_same_report_with_or_without_blank_text(
    path: Path, monkeypatch: pytest.MonkeyPatch, schema_dir: Path
) -> None:
    raw = _without_comments(path.read_bytes())
    settings = engine.resolve_settings(Config(), schema_dir=schema_dir)
    lean = _report(raw, settings)

    def as_written(raw: bytes, *, utf8: bool) -> etree._Element:
        return etree.fromstring(raw, safexml._make_parser())

    monkeypatch.setattr(safexml, "_parse", as_written)
    assert lean == _report(raw, settings)


@pytest.mark.parametrize(
    "raw",
    [
        b"<r><a> \r\nx</a></r>",  # libxml2 would drop the space before the CR
        b"<r><a> <!-- todo --> </a></r>",
        b"<r><a> <?pi x?> </a></r>",
        b"<r><a>  <![CDATA[ ]]>  </a></r>",
    ],
)
def test_documents_the_lean_parse_would_change_are_parsed_as_written(raw: bytes) -> None:
    document = safexml.read_document(raw)
    assert document.tree is not None
    expected = etree.fromstring(raw, safexml._make_parser())
    assert [e.text for e in document.tree.iter("a")] == [e.text for e in expected.iter("a")]


def test_values_keep_their_blanks_in_the_lean_parse() -> None:
    raw = b"<r>\n  <a>  </a>\n  <a>\n</a>\n  <a> x </a>\n  <b>\n    <a>\t</a>\n  </b>\n</r>"
    document = safexml.read_document(raw)
    assert document.tree is not None
    assert [e.text for e in document.tree.iter("a")] == ["  ", "\n", " x ", "\t"]
    assert document.tree.getroot().text is None  # the indentation is what is left out
