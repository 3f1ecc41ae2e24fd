"""The validation report: one FileReport per input, totals derived, JSON per report-format v1."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddexkit.issues import Issue, Severity
from ddexkit.profiles import ProfileVerdict
from ddexkit.summary import Summary

REPORT_VERSION = 1
TOOL_NAME = "ddexkit"
_SCHEMA = Path(__file__).resolve().parent / "data" / "report.schema.json"


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON report, ``Report.to_dict()``: the
    contract of docs/report-format.md in machine form, for consumers to validate against."""
    import json

    loaded: dict[str, Any] = json.loads(_SCHEMA.read_text(encoding="utf-8"))
    return loaded


@dataclass(frozen=True, slots=True, kw_only=True)
class FileReport:
    """The verdict on one input message (a ZIP counts as one: its ERN plus its assets)."""

    path: str | None
    message_kind: str | None
    schema_version: str | None
    xsd: str
    issues: tuple[Issue, ...] = ()
    summary: Summary | None = None
    strict: bool = False  # validated under --strict: a warning makes the file needs_fixes
    # A verdict per selected profile, then one for a profile the message declares that was
    # not selected (``selected`` False: shown apart, not part of the file's status).
    profiles: tuple[ProfileVerdict, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        errors = sum(1 for i in self.issues if i.severity is Severity.ERROR)
        return {"error": errors, "warning": len(self.issues) - errors}

    @property
    def status(self) -> str:
        """The verdict, the same in every format and agreeing with the exit code: an error,
        an XSD-invalid file, or under ``strict`` a warning makes it needs_fixes."""
        counts = self.counts
        blocked = counts["error"] or self.xsd == "invalid" or (self.strict and counts["warning"])
        # ready only when every selected profile is (a profile may make a warning an error)
        blocked = blocked or any(p.selected and p.status != "ready" for p in self.profiles)
        return "needs_fixes" if blocked else "ready"

    @property
    def is_ready(self) -> bool:
        return self.status == "ready"

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "message_kind": self.message_kind,
            "schema_version": self.schema_version,
            "xsd": self.xsd,
            "status": self.status,
            "counts": self.counts,
            "issues": [issue.to_dict() for issue in self.issues],
            "profiles": [profile.to_dict() for profile in self.profiles],
            "summary": (self.summary or Summary()).to_dict(),
        }


@dataclass(slots=True)
class Totals:
    """The run's totals, added up file by file (a streamed run keeps no files to count)."""

    files: int = 0
    ready: int = 0
    errors: int = 0
    warnings: int = 0

    def add(self, file: FileReport) -> None:
        counts = file.counts
        self.files += 1
        self.ready += file.is_ready
        self.errors += counts["error"]
        self.warnings += counts["warning"]

    def to_dict(self) -> dict[str, int]:
        return {"files": self.files, "ready": self.ready,
                "needs_fixes": self.files - self.ready,
                "errors": self.errors, "warnings": self.warnings}


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The outcome of one run: a FileReport per input, and the tool that made it."""

    files: tuple[FileReport, ...] = ()
    tool: dict[str, str] = field(default_factory=dict)
    # Ctrl-C or SIGTERM cut the run short: ``files`` holds what was done, ``files_not_done``
    # the rest (inputs skipped as not DDEX count as done). A partial report must say so.
    interrupted: bool = False
    files_not_done: int = 0
    # The totals of files streamed rather than kept (``validate_batch(keep=False)``).
    counted: Totals | None = None

    @property
    def totals(self) -> dict[str, int]:
        if self.counted is not None:
            return self.counted.to_dict()
        totals = Totals()
        for file in self.files:
            totals.add(file)
        return totals.to_dict()

    @property
    def has_errors(self) -> bool:
        return self.totals["errors"] > 0

    @property
    def all_ready(self) -> bool:
        """Whether every file is ready (exit code 0)."""
        totals = self.totals
        return totals["ready"] == totals["files"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "report_version": REPORT_VERSION,
            "tool": dict(self.tool),
            "files": [f.to_dict() for f in self.files],
            **self.closing_dict(),
        }

    def closing_dict(self) -> dict[str, Any]:
        """The report without its files: what a stream of file entries (JSON Lines) ends
        with."""
        return {
            "totals": self.totals,
            "interrupted": self.interrupted,
            "files_not_done": self.files_not_done,
        }
