"""Turn a parser Location (line + element) into what users see: namespace-free xpath, column.

Only the places that end up in an issue are resolved, so the cost is paid per issue, not per
node, and nothing walks the whole tree or splits the whole file: a step's position is counted
among the siblings of that name (lxml filters them in C), the elements of a line are found by
walking from the element to its neighbours in document order, and a line's text by a table of
newline counts per stretch of the file. Each of these is cached (per parent and name, per
line, per stretch, per line and tag), so resolving many places in one big message, or on one
long line, stays linear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from itertools import accumulate

from lxml import etree

from ddexkit.issues import Location

# Bytes of the file per entry of the table of newline counts.
_STRETCH = 1 << 16
# A comment or a CDATA section, to the end of the line when it goes on past it.
_NOT_MARKUP = re.compile(r"<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)", re.S)


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _previous(node: etree._Element) -> etree._Element | None:
    """The node before ``node`` in document order (comments too), or None at the start."""
    before = node.getprevious()
    if before is None:
        return node.getparent()
    while len(before):
        before = before[-1]
    return before


def _next(node: etree._Element) -> etree._Element | None:
    """The node after ``node`` in document order (comments too), or None at the end."""
    if len(node):
        return node[0]
    at: etree._Element | None = node
    while at is not None:
        after = at.getnext()
        if after is not None:
            return after
        at = at.getparent()
    return None


class Locator:
    """Resolves Locations within one parsed message (``raw`` is the file's bytes; ``root``,
    the parsed message's root, is not needed: every place is found from its element)."""

    def __init__(self, raw: bytes, root: etree._Element | None) -> None:
        self._raw = raw
        self._newline_counts = [0]  # newlines before each stretch of the file
        self._newlines: dict[int, list[int]] = {}
        self._steps: dict[tuple[etree._Element, str], dict[etree._Element, int]] = {}
        self._line_order: dict[etree._Element, tuple[int, int]] = {}
        self._decoded: dict[int, str] = {}
        self._starts: dict[tuple[int, str], list[int] | None] = {}

    def resolve(self, location: Location) -> Location:
        element = location.element
        if element is None:
            return replace(location, element=None)
        xpath = location.xpath or self.xpath(element)
        line = location.line or element.sourceline
        if location.column is not None:
            return Location(xpath=xpath, line=line, column=location.column)
        line, column = self._start(element, line)
        return Location(xpath=xpath, line=line, column=column)

    def xpath(self, element: etree._Element) -> str:
        parts = []
        node: etree._Element | None = element
        while node is not None:
            parent = node.getparent()
            if parent is None:
                parts.append(_local(node.tag))
            else:
                parts.append(self._step(parent, node))
            node = parent
        return "/" + "/".join(reversed(parts))

    def _step(self, parent: etree._Element, child: etree._Element) -> str:
        """``Name`` or ``Name[n]``: n counts the siblings of that local name, whatever their
        namespace, and is left out when the name is the only one of its kind."""
        name = _local(child.tag)
        key = (parent, name)
        positions = self._steps.get(key)
        if positions is None:
            # "{*}name": any namespace or none, elements only, filtered in C
            same = parent.iterchildren("{*}" + name) if name else ()
            positions = self._steps[key] = {e: n for n, e in enumerate(same, start=1)}
        position = positions.get(child)
        if position is None or len(positions) == 1:
            return name
        return f"{name}[{position}]"

    def _line_start(self, line: int) -> int | None:
        """The offset of the line's first byte, None past the last line. A table of how
        many newlines come before each stretch of the file (counted in C, as far as the
        lines asked for) leads to the stretch holding the newline before the line; that
        stretch's newlines are found once."""
        if line == 1:
            return 0
        newline = line - 1  # the newline that ends the line before
        counts = self._newline_counts  # made as far into the file as a line asked for
        size = len(self._raw)
        while counts[-1] < newline and (start := (len(counts) - 1) * _STRETCH) < size:
            counts.append(counts[-1] + self._raw.count(b"\n", start, start + _STRETCH))
        if not 1 <= newline <= counts[-1]:
            return None
        stretch = bisect.bisect_left(counts, newline) - 1
        offsets = self._newlines.get(stretch)
        if offsets is None:
            start = stretch * _STRETCH
            parts = self._raw[start:start + _STRETCH].split(b"\n")[:-1]
            offsets = self._newlines[stretch] = list(
                accumulate((len(part) + 1 for part in parts), initial=start - 1))[1:]
        return offsets[newline - counts[stretch] - 1] + 1

    def _line_text(self, line: int) -> str | None:
        """The line's text, with its comments and CDATA sections blanked out (as long as
        they were, so columns stay): a tag written in them is no element, and counting it
        would give the next element of that name the column of the one before."""
        text = self._decoded.get(line)
        if text is None:
            start = self._line_start(line) if line >= 1 else None
            if start is None:
                return None
            end = self._raw.find(b"\n", start)
            line_bytes = self._raw[start:end if end >= 0 else len(self._raw)]
            text = _NOT_MARKUP.sub(lambda hidden: " " * len(hidden[0]),
                                   line_bytes.decode("utf-8", errors="replace"))
            self._decoded[line] = text
        return text

    def _tag_starts(self, line: int, name: str) -> list[int] | None:
        """Offsets of the start tags named ``name`` on ``line`` (None: no such line), each
        line scanned once per tag name: thousands of issues on one long line cost one scan,
        not one each."""
        key = (line, name)
        if key in self._starts:
            return self._starts[key]
        text = self._line_text(line)
        found = None
        if text is not None:
            pattern = re.compile(r"<(?:[\w.-]+:)?" + re.escape(name) + r"(?=[\s/>]|$)")
            found = [match.start() for match in pattern.finditer(text)]
        self._starts[key] = found
        return found

    def _ordinal_on_line(self, element: etree._Element) -> tuple[int, int]:
        """(position among same-tag elements ending their start tag on this line, how many).

        Lines only grow in document order, so the elements of a line are the element's
        neighbours: walked once per line, from the first of them to the last."""
        found = self._line_order.get(element)
        if found is not None:
            return found
        line = element.sourceline
        first = element
        while (before := _previous(first)) is not None and before.sourceline == line:
            first = before
        by_tag: dict[object, list[etree._Element]] = {}
        node: etree._Element | None = first
        while node is not None and node.sourceline == line:
            if isinstance(node.tag, str):
                by_tag.setdefault(node.tag, []).append(node)
            node = _next(node)
        for members in by_tag.values():
            for position, member in enumerate(members):
                self._line_order[member] = (position, len(members))
        return self._line_order.get(element, (0, 1))

    def _start(self, element: etree._Element, line: int | None) -> tuple[int | None, int | None]:
        """Line and column where the element's start tag begins. libxml2 gives the line where
        the start tag *ends*; a tag whose attributes span lines is found by looking back,
        and its place is that earlier line, where an editor shows the tag (a column of one
        line with the number of another would point at nothing)."""
        if line is None:
            return None, None
        name = _local(element.tag)
        starts = self._tag_starts(line, name)
        if starts is None:
            return line, None
        position, count = self._ordinal_on_line(element)
        started_earlier = count - len(starts)
        if position >= started_earlier and starts:
            return line, starts[position - started_earlier] + 1
        for earlier in range(line - 1, max(line - 50, 0), -1):
            found = self._tag_starts(earlier, name)
            if found:
                return earlier, found[-1] + 1
        return line, None
