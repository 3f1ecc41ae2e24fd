"""The HTML report: one self-contained page a person reads, the cover beside the metadata.

Stores most often reject a release for cover art that does not match its title and artist,
a check only a person can make; the page puts the verdict, the summary the ingest would echo,
the cover, the tracks (ERN duration beside the audio file's) and the issues in one place.

The page needs nothing else: inline CSS, the cover as a ``data:`` URI, no script, and a
Content-Security-Policy that forbids scripts and every fetch, so even a message crafted to
break out of its escaping could run nothing. Every text from the message goes through
``html.escape`` (attribute values quoted too) after ``printable``. The page is
deterministic: no timestamps.

Media are read again here, never validated: the cover and the audio files of each file's
release come from its ZIP, or from the ``assets`` folder for an XML file, through the same
capped, read-only stores and Pillow / mutagen probes the asset rules use (``ddexkit.inputs``,
``ddexkit.media``). What cannot be read is simply not shown; AST801–AST819 say why.
"""

from __future__ import annotations

import base64
import contextlib
import html
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ddexkit.inputs import AssetStore, FolderAssets, InputError, ZipAssets, read_package
from ddexkit.issues import Issue, Severity
from ddexkit.media import AudioFacts, image_thumbnail, probe_audio
from ddexkit.printable import printable
from ddexkit.profiles import ProfileVerdict
from ddexkit.regularfile import read_bytes
from ddexkit.report import FileReport, Report
from ddexkit.rules import by_code
from ddexkit.safexml import MAX_MESSAGE_BYTES
from ddexkit.summary import Summary

# Issues of one code listed per file; the rest are counted in one line (the JSON lists all).
HTML_ISSUES_PER_CODE = 100
# Lines of the message shown before and after an issue's line.
CONTEXT_LINES = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlOptions:
    """What the page may read besides the report: ``assets``, the folder of the files the
    XML messages name (``--assets``); a ZIP's own entries are always read."""

    assets: Path | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Media:
    """What was read for one file's page: its lines, the cover thumbnail, audio facts by
    package path."""

    lines: list[str] | None = None
    cover: bytes | None = None
    audio: dict[str, AudioFacts] = field(default_factory=dict)


def _e(value: object) -> str:
    """Escaped for text and for double-quoted attribute values alike; control characters
    and bidi overrides shown as escapes (``printable``): HTML has no place for the first, and
    the second would reorder what the reader sees."""
    return html.escape(printable(str(value)), quote=True)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _message_lines(path: str) -> list[str] | None:
    """The XML file's lines, read as the engine reads it (a regular file, capped)."""
    try:
        raw, _size = read_bytes(Path(path), MAX_MESSAGE_BYTES)
    except OSError:
        return None
    return raw.decode("utf-8", errors="replace").splitlines()


# What opening or reading a file or a damaged ZIP entry raises (the probes catch their own).
_READ_ERRORS = (OSError, EOFError, RuntimeError, ValueError, NotImplementedError, zlib.error,
                zipfile.BadZipFile)


def _read_media(store: AssetStore, summary: Summary | None) -> tuple[bytes | None,
                                                                     dict[str, AudioFacts]]:
    """The cover's thumbnail and each track's audio facts, from the files the store has;
    a file that cannot be read is left out (the asset rules report it)."""
    cover = None
    audio: dict[str, AudioFacts] = {}
    if summary is None:
        return cover, audio
    artwork = summary.artwork.file if summary.artwork else None
    if artwork is not None and store.lookup(artwork).found:
        with contextlib.suppress(*_READ_ERRORS), store.open(artwork) as stream:
            cover = image_thumbnail(stream)
    for track in summary.tracks:
        name = track.file
        if name is None or name in audio or not store.lookup(name).found:
            continue
        try:
            with store.open(name) as stream:
                audio[name] = probe_audio(stream)
        except _READ_ERRORS as error:
            audio[name] = AudioFacts(error=str(error))
    return cover, audio


def _media(file: FileReport, options: HtmlOptions) -> _Media:
    """Read what this file's page shows. Linear in the message and its files."""
    path = file.path
    if path is None or path == "-":
        return _Media()
    if path.lower().endswith(".zip"):
        package = read_package(Path(path), MAX_MESSAGE_BYTES)  # says what it cannot read
        if package.not_a_zip is not None or package.message_bytes is None:
            return _Media()
        lines: list[str] | None = package.message_bytes.decode(
            "utf-8", errors="replace").splitlines()
        try:
            store: AssetStore = ZipAssets(package)
        except _READ_ERRORS:  # changed since it was validated
            return _Media(lines=lines)
    else:
        shows_issues = bool(file.issues) or any(p.issues for p in file.profiles)
        lines = _message_lines(path) if shows_issues else None
        if options.assets is None:
            return _Media(lines=lines)
        try:
            store = FolderAssets(options.assets)
        except InputError:
            return _Media(lines=lines)
    try:
        cover, audio = _read_media(store, file.summary)
    finally:
        store.close()
    return _Media(lines=lines, cover=cover, audio=audio)


_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;
 background:#f4f5f7;color:#1d2330}
main{max-width:1120px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:0;word-break:break-all}
h3{font-size:16px;margin:20px 0 8px}.card>h3:first-child{margin-top:0}
.nocover code{white-space:nowrap}
.card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:18px 20px;
 margin:0 0 20px}
.totals{color:#4a5263;margin:0}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:13px;
 font-weight:600;white-space:nowrap}
.ready{background:#dcf3e3;color:#136c30}.needs_fixes{background:#fbe0e0;color:#a3161a}
.error{background:#fbe0e0;color:#a3161a}.warning{background:#fdf0cf;color:#7a5200}
.muted{color:#687083}.banner{background:#fdf0cf;border-color:#e9c76d}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eceef2;vertical-align:top}
th{background:#f7f8fa;font-weight:600}td.num,th.num{text-align:right}
.head{display:flex;gap:12px;align-items:center;flex-wrap:wrap;margin-bottom:12px}
.release{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap;margin-top:16px}
.cover{margin:0;flex:0 0 auto}.cover img{width:240px;height:240px;object-fit:contain;
 border:1px solid #dde1e7;border-radius:4px;background:#fafafa;display:block}
.nocover{width:240px;height:240px;display:flex;align-items:center;justify-content:center;
 text-align:center;border:1px dashed #c3c8d2;border-radius:4px;color:#687083;padding:12px;
 box-sizing:border-box}
dl{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:0;flex:1 1 320px}
dt{color:#687083}dd{margin:0}
.issue{border-left:4px solid #d6d9df;padding:6px 12px;margin:0 0 10px;background:#fbfbfc}
.issue.error{border-left-color:#d3312f;background:#fffafa;color:inherit}
.issue.warning{border-left-color:#e0a100;background:#fffdf6;color:inherit}
.issue p{margin:2px 0}.code{font-weight:700}
code,pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.xpath{color:#4a5263;word-break:break-all}
pre{background:#1f2430;color:#d7dbe3;padding:8px 10px;border-radius:4px;overflow-x:auto;
 margin:6px 0 2px}
pre .at{background:#4b3a12;color:#fff}
.hint{color:#136c30}
footer{color:#687083;font-size:13px;text-align:center;padding:8px 0 24px}
"""

# No script may run and nothing may be fetched: the page is read as it is.
_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _status_badge(status: str) -> str:
    label = "ready" if status == "ready" else "needs fixes"
    return f'<span class="badge {_e(status)}">{label}</span>'


def _counts(counts: Mapping[str, int]) -> str:
    return (f"{_plural(counts.get('error', 0), 'error')}, "
            f"{_plural(counts.get('warning', 0), 'warning')}")


def _index(report: Report) -> Iterator[str]:
    """The batch's table of files and its count of issues per code, in one pass each."""
    yield '<section class="card"><h3>Files</h3><table><thead><tr><th>file</th>'
    yield '<th>verdict</th><th class="num">errors</th><th class="num">warnings</th>'
    yield "</tr></thead><tbody>"
    by_code_count: dict[tuple[str, str], int] = {}
    for number, file in enumerate(report.files, 1):
        counts = file.counts
        yield (f'<tr><td><a href="#file-{number}">{_e(file.path or "<bytes>")}</a></td>'
               f"<td>{_status_badge(file.status)}</td>"
               f'<td class="num">{counts["error"]:,}</td>'
               f'<td class="num">{counts["warning"]:,}</td></tr>')
        for issue in file.issues:
            key = (issue.code, issue.severity.value)
            by_code_count[key] = by_code_count.get(key, 0) + issue.weight
    yield "</tbody></table>"
    if by_code_count:
        yield '<h3>Issues by code</h3><table><thead><tr><th>code</th><th>severity</th>'
        yield '<th class="num">count</th><th>rule</th></tr></thead><tbody>'
        for (code, severity), count in sorted(by_code_count.items(),
                                              key=lambda item: (-item[1], item[0])):
            rule = by_code(code)
            yield (f'<tr><td class="code">{_e(code)}</td>'
                   f'<td><span class="badge {_e(severity)}">{_e(severity)}</span></td>'
                   f'<td class="num">{count:,}</td>'
                   f"<td>{_e(rule.summary) if rule else ''}</td></tr>")
        yield "</tbody></table>"
    yield "</section>"


def _profiles(verdicts: Iterable[ProfileVerdict]) -> Iterator[str]:
    apart = ' <span class="muted">(declared by the message, not selected)</span>'
    rows = [
        f"<tr><td>{_e(v.name)}</td><td>{_e(v.title)}{'' if v.selected else apart}"
        f"</td><td>{_status_badge(v.status)}</td>"
        f'<td class="num">{v.counts.get("error", 0):,}</td>'
        f'<td class="num">{v.counts.get("warning", 0):,}</td></tr>'
        for v in verdicts
    ]
    if rows:
        yield '<h3>Profiles</h3><table><thead><tr><th>profile</th><th>for</th>'
        yield '<th>verdict</th><th class="num">errors</th><th class="num">warnings</th>'
        yield f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _declared_only(file: FileReport, lines: list[str] | None) -> Iterator[str]:
    """The issues of a profile the message declares but nobody selected that the file's own
    list lacks (its rules did not run for the file's verdict): shown, not counted."""
    listed = {(i.code, i.location.line, i.location.column, i.message) for i in file.issues}
    for verdict in file.profiles:
        extra = [i for i in verdict.issues
                 if (i.code, i.location.line, i.location.column, i.message) not in listed]
        if extra:
            yield f"<h3>Only for {_e(verdict.name)} ({_e(verdict.title)})</h3>"
            yield from (_issue(issue, lines) for issue in extra)


def _yes_no(value: bool | None) -> str:
    return "—" if value is None else ("yes" if value else "no")


def _text(value: object) -> str:
    """An escaped value, or a dash for what the message does not say."""
    return "—" if value is None or value == "" else _e(value)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _summary(summary: Summary, media: _Media) -> Iterator[str]:
    yield '<div class="release">'
    artwork = summary.artwork
    if media.cover is not None:
        source = "data:image/jpeg;base64," + base64.b64encode(media.cover).decode("ascii")
        alt = f"Front cover of {summary.title or 'the release'}"
        yield f'<figure class="cover"><img src="{source}" alt="{_e(alt)}"></figure>'
    else:
        why = "no front cover in the message" if artwork is None else (
            f"cover {_e(artwork.file or '')} not at hand (validate with "
            "<code>--assets</code>, or the ZIP)")
        yield f'<figure class="cover"><div class="nocover"><span>{why}</span></div></figure>'
    size = f"{artwork.width}×{artwork.height} declared" if artwork and artwork.width else None
    fields = (
        ("Title", _text(summary.title)),
        ("Artist", _text(", ".join(summary.primary_artists) or None)),
        ("Label", _text(summary.label)),
        ("UPC", _text(summary.upc)),
        ("Release date", _text(summary.release_date)),
        ("Release type", _text(summary.release_type)),
        ("Explicit", _yes_no(summary.explicit)),
        ("Genre", _text(summary.genre)),
        ("℗ line", _text(summary.p_line)),
        ("© line", _text(summary.c_line)),
        ("Cover", _text(artwork.file if artwork else None)
         + (f' <span class="muted">{_e(size)}</span>' if size else "")),
    )
    yield "<dl>" + "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in fields)
    yield "</dl></div>"
    if summary.deals:
        yield "<h3>Deals</h3><table><thead><tr><th>commercial model</th><th>use</th>"
        yield "<th>territories</th><th>excluded</th><th>start</th><th>end</th></tr></thead><tbody>"
        for deal in summary.deals:
            yield ("<tr>" + "".join(f"<td>{cell}</td>" for cell in (
                _text(", ".join(deal.commercial_model_types) or None),
                _text(", ".join(deal.use_types) or None),
                _text(" ".join(deal.territories) or None),
                _text(" ".join(deal.excluded_territories) or None),
                _text(deal.start_date), _text(deal.end_date))) + "</tr>")
        yield "</tbody></table>"
    if summary.tracks:
        yield '<h3>Tracks</h3><table><thead><tr><th class="num">#</th><th>title</th>'
        yield "<th>display artist</th><th>ISRC</th><th>ERN duration</th><th>file</th>"
        yield "<th>file duration</th><th>file format</th></tr></thead><tbody>"
        for track in summary.tracks:
            audio = media.audio.get(track.file) if track.file else None
            ern = _text(track.duration)
            if track.duration_seconds is not None:
                ern += f' <span class="muted">{_clock(track.duration_seconds)}</span>'
            real = fmt = ""
            if audio is not None and audio.error is None:
                real = _e(_clock(audio.duration)) if audio.duration is not None else ""
                details = [audio.format or "?"]
                if audio.sample_rate:
                    details.append(f"{audio.sample_rate / 1000:g} kHz")
                if audio.bits_per_sample:
                    details.append(f"{audio.bits_per_sample} bit")
                if audio.channels:
                    details.append({1: "mono", 2: "stereo"}.get(audio.channels,
                                                                 f"{audio.channels} ch"))
                fmt = _e(", ".join(details))
            elif audio is not None:
                fmt = '<span class="muted">unreadable</span>'
            yield (f'<tr><td class="num">{_text(track.sequence)}</td>'
                   f"<td>{_text(track.title)}</td>"
                   f"<td>{_text(', '.join(track.primary_artists) or None)}</td>"
                   f"<td><code>{_text(track.isrc)}</code></td><td>{ern}</td>"
                   f"<td>{_text(track.file)}</td><td>{real}</td><td>{fmt}</td></tr>")
        yield "</tbody></table>"


def _context(issue: Issue, lines: list[str] | None) -> str:
    """The issue's line with CONTEXT_LINES around it, the line itself marked."""
    line = issue.location.line
    if lines is None or line is None or not 0 < line <= len(lines):
        return ""
    first, last = max(1, line - CONTEXT_LINES), min(len(lines), line + CONTEXT_LINES)
    width = len(str(last))
    shown = []
    for number in range(first, last + 1):
        text = _e(f"{number:>{width}} | {lines[number - 1].rstrip()}")
        shown.append(f'<span class="at">{text}</span>' if number == line else text)
    return "<pre>" + "\n".join(shown) + "</pre>"


def _issue(issue: Issue, lines: list[str] | None) -> str:
    place = []
    if issue.location.line is not None:
        where = f"line {issue.location.line}"
        if issue.location.column is not None:
            where += f", column {issue.location.column}"
        place.append(where)
    else:
        place.append("whole file")
    xpath = (f' <code class="xpath">{_e(issue.location.xpath)}</code>'
             if issue.location.xpath else "")
    hint = f'<p class="hint">hint: {_e(issue.hint)}</p>' if issue.hint else ""
    severity = issue.severity.value
    return (f'<div class="issue {severity}"><p><span class="code">{_e(issue.code)}</span> '
            f'<span class="badge {severity}">{severity}</span> '
            f'<span class="muted">{", ".join(place)}</span>{xpath}</p>'
            f"<p>{_e(issue.message)}</p>{hint}{_context(issue, lines)}</div>")


def _issues(file: FileReport, lines: list[str] | None) -> Iterator[str]:
    """Errors, then warnings, each in report order, at most HTML_ISSUES_PER_CODE per code:
    one pass to group, one to write."""
    grouped: dict[Severity, list[Issue]] = {Severity.ERROR: [], Severity.WARNING: []}
    for issue in file.issues:
        grouped[issue.severity].append(issue)
    for severity, heading in ((Severity.ERROR, "Errors"), (Severity.WARNING, "Warnings")):
        issues = grouped[severity]
        if not issues:
            continue
        yield f"<h3>{heading} ({sum(i.weight for i in issues):,})</h3>"
        shown: dict[str, int] = {}
        hidden: dict[str, int] = {}
        for issue in issues:
            count = shown[issue.code] = shown.get(issue.code, 0) + 1
            if count > HTML_ISSUES_PER_CODE:
                hidden[issue.code] = hidden.get(issue.code, 0) + issue.weight
            else:
                yield _issue(issue, lines)
        for code, more in hidden.items():
            yield f'<p class="muted">… and {more:,} more {_e(code)} (see --format json)</p>'


def _file(number: int, file: FileReport, options: HtmlOptions) -> Iterator[str]:
    media = _media(file, options)
    xsd = {"valid": "XSD valid", "invalid": "XSD invalid", "skipped": "XSD skipped"}
    yield f'<section class="card" id="file-{number}"><div class="head">'
    yield f"<h2>{_e(file.path or '<bytes>')}</h2>{_status_badge(file.status)}"
    yield (f'<span class="muted">{_counts(file.counts)}; {xsd.get(file.xsd, _e(file.xsd))}'
           f"{'; ' + _e(file.message_kind) if file.message_kind else ''}</span></div>")
    yield from _profiles(file.profiles)
    yield from _declared_only(file, media.lines)
    if file.summary is not None:
        yield from _summary(file.summary, media)
    if file.issues:
        yield from _issues(file, media.lines)
    else:
        yield '<p class="muted">No issues.</p>'
    yield "</section>"


def _page(report: Report, options: HtmlOptions) -> Iterator[str]:
    totals = report.totals
    tool = report.tool
    title = (report.files[0].path or "<bytes>") if len(report.files) == 1 else \
        _plural(totals["files"], "file")
    yield "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    yield f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield f"<title>ddexkit report: {_e(title)}</title><style>{_STYLE}</style></head><body><main>"
    yield '<header class="card"><h1>ddexkit report</h1><p class="totals">'
    yield (f"{_plural(totals['files'], 'file')}: {totals['ready']:,} ready, "
           f"{totals['needs_fixes']:,} needing fixes; {_plural(totals['errors'], 'error')}, "
           f"{_plural(totals['warnings'], 'warning')}</p></header>")
    if report.interrupted:
        yield (f'<p class="card banner">Interrupted: a partial report, '
               f"{_plural(report.files_not_done, 'file')} not done.</p>")
    if len(report.files) > 1:
        yield from _index(report)
    for number, file in enumerate(report.files, 1):
        yield from _file(number, file, options)
    yield (f"<footer>{_e(tool.get('name', 'ddexkit'))} {_e(tool.get('version', ''))}"
           "</footer></main></body></html>\n")


def render(report: Report, colour: bool = False, *, options: HtmlOptions | None = None) -> str:
    """The page for ``report``; ``colour`` is ignored (the page has its own)."""
    return "".join(_page(report, options or HtmlOptions()))
