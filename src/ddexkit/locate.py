"""Turn a parser Location (line + element) into what users see: namespace-free xpath, column.

Only the places that end up in an issue are resolved, so the cost is paid per issue, not per
node. Sibling positions, per-line tag order and the start-tag offsets of each (line, tag) are
cached, so resolving many places in one big message, or on one long line, stays linear.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from ddexkit.issues import Location


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


class Locator:
    """Resolves Locations within one parsed message (``raw`` is the file's bytes)."""

    def __init__(self, raw: bytes, root: etree._Element | None) -> None:
        self._raw = raw
        self._root = root
        self._lines: list[bytes] | None = None
        self._positions: dict[etree._Element, dict[etree._Element, str]] = {}
        self._line_order: dict[object, dict[etree._Element, tuple[int, int]]] = {}
        self._decoded: dict[int, str] = {}
        self._starts: dict[tuple[int, str], list[int] | None] = {}

    def resolve(self, location: Location) -> Location:
        element = location.element
        if element is None:
            return replace(location, element=None)
        xpath = location.xpath or self.xpath(element)
        line = location.line or element.sourceline
        column = location.column or self._column(element, line)
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
        steps = self._positions.get(parent)
        if steps is None:
            counts: dict[str, int] = {}
            for sibling in parent:
                name = _local(sibling.tag)
                if name:
                    counts[name] = counts.get(name, 0) + 1
            seen: dict[str, int] = {}
            steps = {}
            for sibling in parent:
                name = _local(sibling.tag)
                if name:
                    seen[name] = seen.get(name, 0) + 1
                    steps[sibling] = f"{name}[{seen[name]}]" if counts[name] > 1 else name
            self._positions[parent] = steps
        return steps.get(child, _local(child.tag))

    def _line_text(self, line: int) -> str | None:
        if self._lines is None:
            self._lines = self._raw.split(b"\n")
        if not 1 <= line <= len(self._lines):
            return None
        text = self._decoded.get(line)
        if text is None:
            text = self._decoded[line] = self._lines[line - 1].decode("utf-8", errors="replace")
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
        """(position among same-tag elements ending their start tag on this line, how many)."""
        order = self._line_order.get(element.tag)
        if order is None:
            by_line: dict[int | None, list[etree._Element]] = {}
            root = self._root if self._root is not None else element.getroottree().getroot()
            for same in root.iter(element.tag):
                by_line.setdefault(same.sourceline, []).append(same)
            order = {}
            for members in by_line.values():
                for position, member in enumerate(members):
                    order[member] = (position, len(members))
            self._line_order[element.tag] = order
        return order.get(element, (0, 1))

    def _column(self, element: etree._Element, line: int | None) -> int | None:
        """Column of the element's start tag. libxml2 gives the line where the start tag
        *ends*; a tag whose attributes span lines is found by looking back."""
        if line is None:
            return None
        name = _local(element.tag)
        starts = self._tag_starts(line, name)
        if starts is None:
            return None
        position, count = self._ordinal_on_line(element)
        started_earlier = count - len(starts)
        if position >= started_earlier and starts:
            return starts[position - started_earlier] + 1
        for earlier in range(line - 1, max(line - 50, 0), -1):
            found = self._tag_starts(earlier, name)
            if found:
                return found[-1] + 1
        return None
