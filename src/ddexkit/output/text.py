"""Human report, like a compiler or linter: `path:line:col: CODE message`, the hint below,
a line per file and a total. Colour only when asked (the CLI asks on a terminal)."""

from __future__ import annotations

from ddexkit.issues import Issue, Severity
from ddexkit.profiles import DEFAULT_PROFILE, ProfileVerdict
from ddexkit.report import FileReport, Report

_RED, _YELLOW, _GREEN, _DIM, _BOLD, _RESET = (
    "\033[31m", "\033[33m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"
)


def _paint(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _issue_lines(path: str, issue: Issue, colour: bool) -> list[str]:
    place = path
    if issue.location.line is not None:
        place += f":{issue.location.line}"
        if issue.location.column is not None:
            place += f":{issue.location.column}"
    tint = _RED if issue.severity is Severity.ERROR else _YELLOW
    code = _paint(issue.code, _BOLD + tint, colour)
    lines = [f"{place}: {code} {issue.message}"]
    if issue.hint:
        lines.append(_paint(f"    hint: {issue.hint}", _DIM, colour))
    return lines


def file_line(file: FileReport, colour: bool) -> str:
    path = file.path or "<bytes>"
    counts = file.counts
    verdict = (
        _paint("ready", _GREEN, colour) if file.is_ready else _paint("needs fixes", _RED, colour)
    )
    xsd = {"valid": "XSD valid", "invalid": "XSD invalid", "skipped": "XSD skipped"}[file.xsd]
    return (
        f"{path}: {verdict} ({_plural(counts['error'], 'error')}, "
        f"{_plural(counts['warning'], 'warning')}; {xsd})"
    )


def _profile_lines(file: FileReport, colour: bool) -> list[str]:
    """A line per profile, unless the only one is the default (the file's line says it
    all); a declared profile shown apart lists its issues that the file's list lacks."""
    verdicts = file.profiles
    if [(v.name, v.selected) for v in verdicts] in ([], [(DEFAULT_PROFILE, True)]):
        return []
    path = file.path or "<bytes>"
    listed = {(i.code, i.location.line, i.location.column, i.message) for i in file.issues}
    lines = []
    for verdict in verdicts:
        lines.append(_verdict_line(verdict, colour))
        for issue in verdict.issues:
            if (issue.code, issue.location.line, issue.location.column,
                    issue.message) not in listed:
                lines.extend("    " + line for line in _issue_lines(path, issue, colour))
    return lines


def _verdict_line(verdict: ProfileVerdict, colour: bool) -> str:
    status = (_paint("ready", _GREEN, colour) if verdict.status == "ready"
              else _paint("needs fixes", _RED, colour))
    apart = "" if verdict.selected else ", declared by the message, not selected"
    counts = verdict.counts
    return (f"  profile {verdict.name} ({verdict.title}{apart}): {status} "
            f"({_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')})")


def render(report: Report, colour: bool = False) -> str:
    lines: list[str] = []
    for file in report.files:
        path = file.path or "<bytes>"
        for issue in file.issues:
            lines.extend(_issue_lines(path, issue, colour))
        lines.append(file_line(file, colour))
        lines.extend(_profile_lines(file, colour))
    totals = report.totals
    lines.append(
        f"{_plural(totals['files'], 'file')}: {totals['ready']} ready, "
        f"{totals['needs_fixes']} needing fixes; {_plural(totals['errors'], 'error')}, "
        f"{_plural(totals['warnings'], 'warning')}"
    )
    if report.interrupted:
        lines.append(f"interrupted: partial report, {_plural(report.files_not_done, 'file')} "
                     "not done")
    return "\n".join(lines) + "\n"
