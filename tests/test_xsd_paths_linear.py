"""Finding the element of each XSD violation is linear in the message: thousands of violations
in one list (``SoundRecording[2999]/Bogus``) list each parent's children once, never through
XPath, which counts the siblings again for every positional step. Proved by counting the
children listed, never by timing; and the element found is the one XPath names."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from ddexkit import xsd
from ddexkit.safexml import read_document
from tests.conftest import GOOD_ALBUM

RECORDINGS = 3_000
NAMESPACES = {"ern": "http://ddex.net/xml/ern/382"}


def _many_invalid_recordings() -> etree._ElementTree:
    """The good album with RECORDINGS more SoundRecordings, each with an unknown child."""
    text = GOOD_ALBUM.read_text(encoding="utf-8")
    start = text.index("<SoundRecording>")
    end = text.index("</SoundRecording>", start) + len("</SoundRecording>")
    recording = text[start:end].replace("<ResourceReference>", "<Bogus/><ResourceReference>", 1)
    tree = read_document((text[:start] + recording * RECORDINGS + text[start:]).encode()).tree
    assert tree is not None
    return tree


class _CountingFinder(xsd._ElementFinder):
    listed = 0

    def _of_kind(self, parent: etree._Element, kind: str | None) -> list[etree._Element]:
        cached = (parent, kind) in self._children
        found = super()._of_kind(parent, kind)
        if not cached:
            _CountingFinder.listed += len(list(parent))
        return found

    def _by_xpath(self, path: str) -> etree._Element | None:
        raise AssertionError(f"{path} went to XPath")


def test_each_parent_listed_once(schema_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xsd, "_ElementFinder", _CountingFinder)
    _CountingFinder.listed = 0
    tree = _many_invalid_recordings()
    facts = xsd.validate_tree(tree, schema_dir)
    bogus = [v for v in facts.violations if "Bogus" in v.message]
    assert len(bogus) == RECORDINGS
    assert all(v.element is not None and v.element.tag == "Bogus" for v in bogus)
    assert len({id(v.element) for v in bogus}) == RECORDINGS
    # Each parent on the paths has its children listed once: at most every element once
    # (plus the root), where a list per violation would be RECORDINGS times as many.
    elements = sum(1 for _ in tree.getroot().iter())
    assert 0 < _CountingFinder.listed <= elements + 1


def test_the_element_xpath_names(schema_dir: Path) -> None:
    tree = _many_invalid_recordings()
    finder = xsd._ElementFinder(tree)
    root = tree.getroot()
    paths = [tree.getpath(e) for e in root.iter()][::97]
    paths += ["/ern:NewReleaseMessage/ResourceList/SoundRecording[99999]", "/nope:Root",
              "/*/*[2]", "/*//Bogus", "/ern:NewReleaseMessage/ResourceList/text()"]
    for path in paths:
        try:
            found = tree.xpath(path, namespaces=NAMESPACES)
        except etree.XPathError:
            found = []
        expected = found[0] if found and isinstance(found[0], etree._Element) else None
        assert finder.find(path) is expected, path
