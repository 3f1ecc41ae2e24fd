"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per issue, which
GitHub shows on the pull request's diff at the line, then the plain total for the log. The
log shows a command as it is, colours and all: a delivery's file names and values go through
``printable`` first, so that they cannot hide a line of it."""

from __future__ import annotations

from ddexkit.issues import Issue
from ddexkit.printable import printable
from ddexkit.report import FileReport, Report


def _data(text: str) -> str:
    """Escape a command's message, as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a command property's value (also ``:`` and ``,``, which delimit properties)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def annotation(file: FileReport, issue: Issue) -> str:
    properties = []
    if file.path is not None:
        properties.append(f"file={_property(printable(file.path.replace(chr(92), '/')))}")
    if issue.location.line is not None:
        properties.append(f"line={issue.location.line}")
        if issue.location.column is not None:
            properties.append(f"col={issue.location.column}")
    properties.append(f"title={_property(issue.code)}")
    message = printable(issue.message)
    if issue.hint:
        message += f"\nhint: {printable(issue.hint)}"
    return f"::{issue.severity.value} {','.join(properties)}::{_data(message)}"


def render(report: Report, colour: bool = False) -> str:
    lines = [annotation(file, issue) for file in report.files for issue in file.issues]
    totals = report.totals
    lines.append(
        f"ddexkit: {_plural(totals['files'], 'file')}, {totals['ready']} ready, "
        f"{totals['needs_fixes']} needing fixes; {_plural(totals['errors'], 'error')}, "
        f"{_plural(totals['warnings'], 'warning')}"
    )
    if report.interrupted:
        lines.append(f"::warning title=ddexkit interrupted::partial report, "
                     f"{_plural(report.files_not_done, 'file')} not done")
    return "\n".join(lines) + "\n"
