"""``ddexkit diff`` as people read it: what changed, part by part, with the line in each file,
then the update's UPD issues as ``validate`` prints them."""

from __future__ import annotations

from ddexkit.changes import Change, ChangeKind, shown
from ddexkit.comparison import Comparison
from ddexkit.output.text import render as render_report
from ddexkit.printable import printable

_SIGNS = {ChangeKind.ADDED: "+", ChangeKind.REMOVED: "-", ChangeKind.CHANGED: "~"}


def _lines(change: Change) -> str:
    places = []
    if change.original is not None and change.original.line:
        places.append(f"original line {change.original.line}")
    if change.update is not None and change.update.line:
        places.append(f"update line {change.update.line}")
    return f"  ({', '.join(places)})" if places else ""


def _describe(change: Change) -> str:
    what = f"{change.part.value} {change.key}"
    if change.kind is ChangeKind.CHANGED:
        return f"{what}: {change.field} {shown(change.old)} → {shown(change.new)}"
    value = change.new if change.kind is ChangeKind.ADDED else change.old
    return f"{what} ({', '.join(value)})" if isinstance(value, tuple) else f"{what} {shown(value)}"


def render_diff(comparison: Comparison, colour: bool = False) -> str:
    """The change summary, a count line, then the report of the update."""
    out = [f"changes from {printable(comparison.original)} to "
           f"{printable(comparison.update)}:"]
    # the values are the messages' own: printable, as the report's text is
    out += [f"  {_SIGNS[c.kind]} {printable(_describe(c))}{_lines(c)}"
            for c in comparison.changes]
    if not comparison.changes:
        out.append("  (none)")
    counts = comparison.counts
    out.append(f"{len(comparison.changes)} changes: {counts['added']} added, "
               f"{counts['removed']} removed, {counts['changed']} changed")
    return "\n".join(out) + "\n\n" + render_report(comparison.report, colour)
