"""Locating issues is linear in their number: thousands of issues on one long line scan that
line once per tag name, not once per issue (it was quadratic: 5,000 invalid SoundRecordings on
one line took minutes). Proved by counting the scans, never by timing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ddexkit
import ddexkit.locate as locate_module
from ddexkit.config import Config
from ddexkit.issues import Location
from ddexkit.locate import Locator
from ddexkit.safexml import read_document

from .conftest import GOOD_ALBUM

RECORDS = 5_000


class _CountingRe:
    """Stands in for ``re`` inside ddexkit.locate and counts every scan of a line; fails at
    once past ``LIMIT`` scans, so the quadratic code fails fast instead of running minutes."""

    LIMIT = 20

    def __init__(self) -> None:
        self.scans = 0

    def escape(self, text: str) -> str:
        return re.escape(text)

    def compile(self, pattern: str, flags: int = 0) -> Any:
        real = re.compile(pattern, flags)
        counter = self

        class _Pattern:
            def finditer(self, text: str) -> Iterator[re.Match[str]]:
                counter.scans += 1
                assert counter.scans <= counter.LIMIT, "a line scanned again for each issue"
                return real.finditer(text)

        return _Pattern()


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> _CountingRe:
    counting = _CountingRe()
    monkeypatch.setattr(locate_module, "re", counting)
    return counting


def _one_line_of_records(count: int) -> bytes:
    records = "".join(f"<SoundRecording><ResourceReference>X{i}</ResourceReference>"
                      "</SoundRecording>" for i in range(count))
    text = GOOD_ALBUM.read_text(encoding="utf-8")
    return text.replace("<ResourceList>", "<ResourceList>" + records, 1).encode("utf-8")


def _starts(line: str, tag: str) -> list[int]:
    return [found.start() + 1 for found in re.finditer(f"<{tag}>", line)]


def test_locator_scans_a_long_line_once_per_tag(scans: _CountingRe) -> None:
    raw = _one_line_of_records(RECORDS)
    tree = read_document(raw).tree
    assert tree is not None
    root = tree.getroot()
    locator = Locator(raw, root)
    records = [e for e in root.iter() if e.tag.endswith("}SoundRecording")
               or e.tag == "SoundRecording"][:RECORDS]
    references = [e[0] for e in records]
    line = records[0].sourceline
    assert {e.sourceline for e in records} == {line}
    columns = [locator.resolve(Location(line=line, element=e)).column for e in records]
    inner = [locator.resolve(Location(line=line, element=e)).column for e in references]
    text = raw.split(b"\n")[line - 1].decode()
    assert columns == _starts(text, "SoundRecording")[:RECORDS]
    assert inner == _starts(text, "ResourceReference")[:RECORDS]
    assert len(set(columns)) == RECORDS
    assert scans.scans == 2  # one per (line, tag), not 10,000


def test_validating_thousands_of_issues_on_one_line(tmp_path: Path, scans: _CountingRe) -> None:
    ern = tmp_path / "many.xml"
    ern.write_bytes(_one_line_of_records(RECORDS))
    (file,) = ddexkit.validate(ern, config=Config(ignore=("ERN007",))).files
    no_isrc = [i for i in file.issues if i.code == "ID104" and "has no ISRC" in i.message]
    assert len(no_isrc) >= 100
    line = no_isrc[0].location.line
    assert line is not None
    text = ern.read_bytes().split(b"\n")[line - 1].decode()
    expected = _starts(text, "SoundRecording")
    assert [i.location.column for i in no_isrc[:100]] == expected[:100]
    assert [i.location.line for i in no_isrc] == [line] * len(no_isrc)
    # Tens of thousands of issues, a handful of tag names on that line: a handful of scans.
    assert scans.scans <= 10


class _CountingSteps:
    """Counts the steps the locator takes from node to node in document order; fails at
    once past ``LIMIT``, so a walk per issue fails fast instead of running minutes."""

    LIMIT = 100_000

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.steps = 0
        for name in ("_previous", "_next"):
            real = getattr(locate_module, name)
            monkeypatch.setattr(locate_module, name, self._counted(real))

    def _counted(self, real: Any) -> Any:
        def step(node: Any) -> Any:
            self.steps += 1
            assert self.steps <= self.LIMIT, "the neighbours walked again for each issue"
            return real(node)

        return step


def test_a_line_is_walked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of issues on one line: the line's elements are walked once, not per issue."""
    raw = _one_line_of_records(RECORDS)
    tree = read_document(raw).tree
    assert tree is not None
    root = tree.getroot()
    records = [e for e in root.iter("{*}SoundRecording")][:RECORDS]
    line = records[0].sourceline
    on_line = sum(1 for e in root.iter() if e.sourceline == line)
    counting = _CountingSteps(monkeypatch)
    locator = Locator(raw, root)
    for element in [*records, *(e[0] for e in records)]:
        locator.resolve(Location(line=line, element=element))
    assert on_line >= 2 * RECORDS
    assert counting.steps <= 2 * on_line + 10


def test_a_few_issues_in_a_big_message_walk_a_few_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issues on their own lines cost a step or two each, not a walk of the tree, and the
    file's newlines are counted only as far as the lines asked for."""
    records = "".join(f"\n<SoundRecording>\n<ResourceReference>X{i}</ResourceReference>\n"
                      "</SoundRecording>" for i in range(RECORDS))
    text = GOOD_ALBUM.read_text(encoding="utf-8")
    raw = text.replace("<ResourceList>", "<ResourceList>" + records, 1).encode("utf-8")
    tree = read_document(raw).tree
    assert tree is not None
    root = tree.getroot()
    picked = [e for e in root.iter("{*}ResourceReference")][:RECORDS // 5:100]
    counting = _CountingSteps(monkeypatch)
    locator = Locator(raw, root)
    lines = raw.split(b"\n")
    for element in picked:
        found = locator.resolve(Location(line=element.sourceline, element=element))
        text_line = lines[element.sourceline - 1].decode()
        assert found.column == text_line.index("<ResourceReference>") + 1
    assert counting.steps <= 4 * len(picked)
    last_line_at = len(b"\n".join(lines[:picked[-1].sourceline]))
    assert len(raw) > 4 * last_line_at  # the last issue is early in the file
    assert len(locator._newline_counts) <= 2 + last_line_at // locate_module._STRETCH
