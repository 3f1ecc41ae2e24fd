"""The records every layer shares: severities, places in a file, findings and issues.

Stdlib only, so the lowest layers can import it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.StrEnum):
    """How bad an issue is: ``error`` blocks the upload, ``warning`` does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """A place in one message: namespace-free xpath, 1-based line and column.

    All three are ``None`` when the issue concerns the file as a whole. The parser fills
    ``line`` and keeps the element in ``element`` so that the xpath and column, which cost a
    walk of the tree and a look at the raw text, are worked out only for places that end up
    in an issue (see ``ddexkit.locate``).
    """

    xpath: str | None = None
    line: int | None = None
    column: int | None = None
    element: Any = field(default=None, compare=False, repr=False, hash=False)


WHOLE_FILE = Location()


@dataclass(frozen=True, slots=True, kw_only=True)
class Fix:
    """The one repair a rule names for its finding, as data: the finding's element's text
    (or, with ``attribute``, that attribute's value) becomes ``replacement``; or, with
    ``insert``, the finding's element gets a new child of that name holding ``replacement``.

    Rules only offer a fix; ``ddexkit.autofix`` applies it to the raw bytes, where it checks
    that the span it replaces reads exactly ``original``, the value the rule judged (empty
    for an insertion). ``safe`` says the meaning cannot change (a separator dropped, a code's
    case); an unsafe fix is a judgement (which time zone), applied only when asked for.

    An insertion names, in ``after``, the children the schema's sequence puts before the new
    one: it goes after the last of those the element has, else first. The rule names them
    because the rule knows the element (``ddexkit.domain.sequences``); autofix only finds the
    place in the bytes.

    An insertion with ``children`` adds an element that holds child elements instead of
    text: each (name, text) pair in order, one line each, a level deeper (a HashSum with its
    HashSum and HashSumAlgorithmType); ``replacement`` is then empty.
    """

    replacement: str
    original: str
    description: str
    safe: bool = True
    attribute: str | None = None
    insert: str | None = None
    after: tuple[str, ...] = ()
    children: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The fix as the JSON report has it; ``insert`` only for an insertion and
        ``children`` only for one with children (additive fields: the others read as
        before)."""
        shape: dict[str, Any] = {"replacement": self.replacement, "original": self.original,
                                 "safe": self.safe, "description": self.description,
                                 "attribute": self.attribute}
        if self.insert is not None:
            shape["insert"] = self.insert
        if self.children:
            shape["children"] = self.children_dicts()
        return shape

    def children_dicts(self) -> list[dict[str, str]]:
        """``children`` as JSON writes them: ``{"name": …, "text": …}`` in order."""
        return [{"name": name, "text": text} for name, text in self.children]


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """What a rule yields. The engine adds the rule's code and severity."""

    at: Location
    message: str
    hint: str | None = None
    severity: Severity | None = None
    # For an XSD violation (ERN006): its kind ("value", "missing", "structure") and, for a
    # missing child, the elements the schema expected; the engine lets a specific rule that
    # declares it explains that kind stand in for it.
    xsd_kind: str | None = None
    xsd_missing: tuple[str, ...] = ()
    # For a rule that explains missing children (Rule.explains_xsd): the elements this
    # finding says are missing, at its place. An ERN006 there expecting one of them is this
    # same fault.
    missing: tuple[str, ...] = ()
    # For a catalogue check (Stage.BATCH): every file involved, with the line, (path, line).
    places: tuple[tuple[str, int | None], ...] = ()
    # The repair of this finding at ``at``, when it has exactly one (``ddexkit fix``).
    fix: Fix | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Issue:
    """One problem as users see it, in the shape of report-format v1."""

    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    # The selected profiles this issue counts for (by name), in selection order.
    profiles: tuple[str, ...] = ()
    # For the one issue standing for those left out past the cap of a code: how many it
    # stands for (0 for every real issue). Not in the JSON: its message says it.
    collapsed: int = 0
    # The repair the rule offers (of the element at ``location``), None when it offers none.
    fix: Fix | None = None

    @property
    def weight(self) -> int:
        """How many issues this one is: 1, or those it stands for."""
        return self.collapsed or 1

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Line, column, code; whole-file issues (no line) come first, as the contract sorts."""
        return (self.location.line or 0, self.location.column or 0, self.code)

    def to_dict(self) -> dict[str, Any]:
        """The issue as report-format v1 has it; ``fix`` only when there is one (an
        additive field: reports without fixable issues read as before)."""
        shape: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "xpath": self.location.xpath,
            "line": self.location.line,
            "column": self.location.column,
            "hint": self.hint,
            "profiles": list(self.profiles),
        }
        if self.fix is not None:
            shape["fix"] = self.fix.to_dict()
        return shape
