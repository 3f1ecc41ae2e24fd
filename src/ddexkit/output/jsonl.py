"""JSON Lines: one line per file, each exactly a file entry of the JSON report (path
included), written as soon as the file is done, then one closing line with what the JSON
report has besides its files (``report_version``, ``tool``, ``totals``, ``interrupted``,
``files_not_done``). A catalogue of a million messages streams in constant memory."""

from __future__ import annotations

import json

from ddexkit.report import REPORT_VERSION, FileReport, Report


def file_line(file: FileReport) -> str:
    return json.dumps(file.to_dict(), ensure_ascii=False) + "\n"


def closing_line(report: Report) -> str:
    closing = {"report_version": REPORT_VERSION, "tool": dict(report.tool),
               **report.closing_dict()}
    return json.dumps(closing, ensure_ascii=False) + "\n"


def render(report: Report, colour: bool = False) -> str:
    """The whole report at once (the library's and the non-streaming path)."""
    return "".join(map(file_line, report.files)) + closing_line(report)
