"""Human report, like a compiler or linter: `path:line:col: CODE [severity] message`, the
hint below, a line per file and a total. The severity is written on every line, not only in
colour (CI logs and NO_COLOR lose colour); colour only when asked (the CLI decides).
Paths, messages, hints and source lines are printed through ``printable``: a delivery's file
names and values must not steer the terminal.

``TextOptions`` carries what linter users expect: ``--quiet`` (the file and total lines only),
``--show-source`` (the line with a caret), ``--statistics`` (a count per code), and a cap per
code per file so 20,000 issues of one code stay readable (the JSON report lists more).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ddexkit.issues import Issue, Severity
from ddexkit.printable import printable
from ddexkit.profiles import DEFAULT_PROFILE, ProfileVerdict
from ddexkit.report import FileReport, Report
from ddexkit.rules import by_code

# Issues of one code listed per file in text; the rest are counted in one line.
TEXT_ISSUES_PER_CODE = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class TextOptions:
    """How much the text report shows. ``source_lines(path)`` gives a file's lines for
    ``show_source`` (None when it cannot be read again, e.g. bytes or a ZIP's ERN)."""

    quiet: bool = False
    show_source: bool = False
    statistics: bool = False
    per_code: int = TEXT_ISSUES_PER_CODE
    source_lines: Callable[[str], list[str] | None] | None = None

_RED, _YELLOW, _GREEN, _DIM, _BOLD, _RESET = (
    "\033[31m", "\033[33m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"
)


def _paint(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _issue_lines(path: str, issue: Issue, colour: bool) -> list[str]:
    """The issue's line and hint; ``path`` is printable already."""
    place = path
    if issue.location.line is not None:
        place += f":{issue.location.line}"
        if issue.location.column is not None:
            place += f":{issue.location.column}"
    tint = _RED if issue.severity is Severity.ERROR else _YELLOW
    code = _paint(f"{issue.code} [{issue.severity.value}]", _BOLD + tint, colour)
    # ruff's mark of an issue that `fix` repairs as it stands (an unsafe fix needs --unsafe)
    fixable = " [*]" if issue.fix is not None and issue.fix.safe else ""
    lines = [f"{place}: {code}{fixable} {printable(issue.message)}"]
    if issue.hint:
        lines.append(_paint(f"    hint: {printable(issue.hint)}", _DIM, colour))
    return lines


def file_line(file: FileReport, colour: bool) -> str:
    path = printable(file.path or "<bytes>")
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
    path = printable(file.path or "<bytes>")
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
    return (f"  profile {printable(verdict.name)} ({printable(verdict.title)}{apart}): {status} "
            f"({_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')})")


def _source_lines(issue: Issue, lines: list[str] | None) -> list[str]:
    """The offending line, indented, with a caret under the column."""
    line, column = issue.location.line, issue.location.column
    if lines is None or line is None or not 0 < line <= len(lines):
        return []
    text = printable(lines[line - 1].rstrip("\r\n").expandtabs(1))
    caret = " " * (max(column or 1, 1) - 1) + "^"
    return [f"    | {text}", f"    | {caret}"]


def _file_issue_lines(file: FileReport, colour: bool, options: TextOptions) -> list[str]:
    """Each issue's lines, at most ``options.per_code`` per code, then one line counting the
    rest of that code."""
    path = printable(file.path or "<bytes>")
    source = None
    if options.show_source and file.path is not None and options.source_lines is not None:
        source = options.source_lines(file.path)
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    lines: list[str] = []
    for issue in file.issues:
        count = shown[issue.code] = shown.get(issue.code, 0) + 1
        if count > options.per_code:
            hidden[issue.code] = hidden.get(issue.code, 0) + issue.weight
            continue
        lines.extend(_issue_lines(path, issue, colour))
        if options.show_source:
            lines.extend(_source_lines(issue, source))
    for code, more in hidden.items():
        lines.append(f"{path}: … and {more:,} more {code} (see --format json)")
    return lines


def _statistics(report: Report) -> list[str]:
    """A count per code and severity over the whole run, most frequent first (flake8's
    and ruff's --statistics)."""
    counted: dict[tuple[str, str], int] = {}
    for file in report.files:
        for issue in file.issues:
            key = (issue.code, issue.severity.value)
            counted[key] = counted.get(key, 0) + issue.weight
    ordered = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    lines = []
    for (code, severity), count in ordered:
        rule = by_code(code)
        lines.append(f"{count:>7}  {code} [{severity}]  {rule.summary if rule else ''}".rstrip())
    return lines


def _fixable_line(report: Report) -> list[str]:
    """How many issues ``ddexkit fix`` offers to repair, when any: a line of its own, so a
    report without them reads as before."""
    offered = [i.fix for f in report.files for i in f.issues if i.fix is not None]
    safe = sum(1 for fix in offered if fix.safe)
    if not offered:
        return []
    unsafe = len(offered) - safe
    more = f" ({unsafe} more with `ddexkit fix --unsafe`)" if unsafe else ""
    return [f"[*] {_plural(safe, 'issue')} fixable with `ddexkit fix`{more}"]


def render(report: Report, colour: bool = False, *,
           options: TextOptions | None = None) -> str:
    options = options or TextOptions()
    lines: list[str] = []
    for file in report.files:
        if not options.quiet:
            lines.extend(_file_issue_lines(file, colour, options))
        lines.append(file_line(file, colour))
        lines.extend(_profile_lines(file, colour))
    for issue in report.batch_issues:  # the catalogue checks: about several files each
        tint = _RED if issue.severity is Severity.ERROR else _YELLOW
        code = _paint(f"{issue.code} [{issue.severity.value}]", _BOLD + tint, colour)
        lines.append(f"batch: {code} {printable(issue.message)}")
        if issue.hint:
            lines.append(_paint(f"    hint: {printable(issue.hint)}", _DIM, colour))
    if options.statistics:
        lines.extend(_statistics(report))
    totals = report.totals
    batch = ""
    if report.batch_issues:
        errors = sum(1 for i in report.batch_issues if i.severity is Severity.ERROR)
        batch = (f"; across the files {_plural(errors, 'error')}, "
                 f"{_plural(len(report.batch_issues) - errors, 'warning')}")
    lines.append(
        f"{_plural(totals['files'], 'file')}: {totals['ready']} ready, "
        f"{totals['needs_fixes']} needing fixes; {_plural(totals['errors'], 'error')}, "
        f"{_plural(totals['warnings'], 'warning')}{batch}"
    )
    if not options.quiet:
        lines.extend(_fixable_line(report))
    if report.interrupted:
        lines.append(f"interrupted: partial report, {_plural(report.files_not_done, 'file')} "
                     "not done")
    return "\n".join(lines) + "\n"
