"""``ddexkit diff``: the change set from the delivered ERN to its update, placed in both files,
and the update's report with the UPD rules (docs/diff.md).

The engine compares the two messages again for the rules: each comparison is one linear pass,
and keeping the engine's stages as they are is worth the second.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lxml import etree

from ddexkit.changes import ZIP_SIGNATURE, Change, ChangeKind, OriginalSource, compare
from ddexkit.engine import Settings, tool_info, validate_bytes
from ddexkit.inputs import InputError
from ddexkit.issues import Location
from ddexkit.locate import Locator
from ddexkit.parser import build_message
from ddexkit.regularfile import read_capped
from ddexkit.report import Report
from ddexkit.safexml import ERN382_NAMESPACE, MAX_MESSAGE_BYTES, read_document

DIFF_VERSION = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    """What ``ddexkit diff`` shows: every change (its places resolved to xpath, line and
    column in each file) and the update's validation report."""

    original: str
    update: str
    changes: tuple[Change, ...]
    report: Report

    @property
    def counts(self) -> dict[str, int]:
        return {kind.value: sum(1 for c in self.changes if c.kind is kind) for kind in ChangeKind}

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``ddexkit diff --format json`` (docs/diff.md)."""
        return {
            "diff_version": DIFF_VERSION,
            "original": self.original,
            "update": self.update,
            "changes": {kind.value: [_change_dict(c) for c in self.changes if c.kind is kind]
                        for kind in ChangeKind},
            "counts": self.counts,
            "report": self.report.to_dict(),
        }


def _place(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {"xpath": location.xpath, "line": location.line, "column": location.column}


def _value(value: str | tuple[str, ...] | None) -> str | list[str] | None:
    return list(value) if isinstance(value, tuple) else value


def _change_dict(change: Change) -> dict[str, Any]:
    return {
        "part": change.part.value,
        "key": change.key,
        "field": change.field,
        "old": _value(change.old),
        "new": _value(change.new),
        "original": _place(change.original),
        "update": _place(change.update),
    }


def _tree(raw: bytes) -> etree._Element | None:
    tree = read_document(raw).tree
    return tree.getroot() if tree is not None else None


def diff(update: str | Path, settings: Settings) -> Comparison:
    """Compare ``update`` with ``settings.original`` (``resolve_settings(original=...)``) and
    validate it as an update. An update that cannot be parsed has no changes; its report
    says why (ERN001…)."""
    original: OriginalSource | None = settings.original
    if original is None:
        raise ValueError("diff needs the settings of an original (resolve_settings(original=))")
    name = str(update)
    try:
        raw = read_capped(Path(update), MAX_MESSAGE_BYTES, "an ERN message")
    except OSError as error:
        raise InputError(f"{name}: {error.strerror or error}; name the updated ERN") from error
    if raw.startswith(ZIP_SIGNATURE):
        raise InputError(f"{name}: is a ZIP package; diff compares ERN messages: name the .xml "
                         f"inside it, or validate the package with --original {original.path}")
    file = validate_bytes(raw, settings, path=name)
    old_root, new_root = _tree(original.raw), _tree(raw)
    changes: tuple[Change, ...] = ()
    updated = build_message(new_root) if new_root is not None else None
    if old_root is not None and updated is not None and updated.namespace == ERN382_NAMESPACE \
            and updated.kind == "NewReleaseMessage":
        found = compare(build_message(old_root), updated)
        in_original, in_update = Locator(original.raw, old_root), Locator(raw, new_root)
        changes = tuple(
            replace(c, original=in_original.resolve(c.original) if c.original else None,
                    update=in_update.resolve(c.update) if c.update else None)
            for c in found.changes)
    return Comparison(original=original.path, update=name, changes=changes,
                      report=Report(files=(file,), tool=tool_info()))
