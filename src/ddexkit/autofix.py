"""``ddexkit fix``: the repairs the rules offer (``issues.Fix``), spliced into the raw bytes.

Never the tree re-serialised: a delivered ERN is reviewed as text, and writing the tree again
would change its declaration, namespace prefixes, comments, indentation and line endings, so
a reviewer would have to read the whole file again. Each fix is mapped to the span of the
original bytes that holds the value it replaces, and only those spans change:

- the element's start tag is at the issue's line and column (``ddexkit.locate`` found them in
  the raw bytes); its text runs from the tag's ``>`` to the next ``<``, which must open the
  end tag; an attribute's value is the quoted value of that attribute in the start tag;
- the span, decoded, must read exactly the value the rule judged (``Fix.original``); else (an
  entity or character reference, CDATA, a comment inside, a line break the parser reads as
  another) the fix is refused and the reason given;
- of two fixes of one span the first is applied and the other refused;
- the fixed bytes are validated again, with the same settings: a fix after which any code is
  more frequent than before is not applied. All fixes are tried together first; when that
  introduces something, the set is halved and each half tried (keeping what passed), down to
  single fixes. With k harmful fixes among n that is at most 1 + 2·k·⌈log2 n⌉ validations,
  and never more than ``MAX_VALIDATIONS``: fixes not tried by then are refused (run fix again).

A ZIP package is rewritten the same way, with the fixed ERN and every other entry as it was.
The message is validated with every issue listed (no cap of 100 per code, as the report has),
so one run makes every fix offered; the report of the fixed bytes lists every issue too.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import hashlib
import lzma
import os
import re
import stat
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import IO, Any

from ddexkit.config import Config, discover_config
from ddexkit.domain.catalog import Catalog
from ddexkit.engine import Settings, resolve_settings, validate_bytes
from ddexkit.inputs import (
    AssetStore,
    FolderAssets,
    InputError,
    PackageFacts,
    ZipAssets,
    as_path,
    read_package,
)
from ddexkit.issues import Fix, Issue, Location
from ddexkit.outputfile import explain_write_error
from ddexkit.regularfile import open_regular, read_bytes
from ddexkit.report import FileReport
from ddexkit.safexml import MAX_MESSAGE_BYTES

# Validations of fixed bytes per file at most (see the module's docstring for the bound).
MAX_VALIDATIONS = 32
# Entries this large need ZIP64 headers, which zipfile must be told of before writing.
_ZIP64 = zipfile.ZIP64_LIMIT
# What unpacking a damaged entry raises (a bad CRC, a cut stream, a method zipfile lacks):
# validation reads only the ERN and the assets it probes, the copy reads every entry.
_UNPACK_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError,
                  RuntimeError, ValueError, OSError)

_DECLARED_ENCODING = re.compile(
    rb"\A(?:\xef\xbb\xbf)?<\?xml\s[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
# A UTF-16 or UTF-32 file: by its BOM, else by its first "<" (XML 1.0, appendix F: 3C 00,
# 00 3C, 00 00 00 3C), as the parser tells them.
_OTHER_UNICODE_STARTS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"<\x00", b"\x00")
_ATTRIBUTE = re.compile(rb"\s+([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# Comments after an element on the rest of its line (the new line goes after them).
_TRAILING_COMMENTS = re.compile(rb"(?:[ \t]*<!--(?:(?!-->).)*-->)+(?=[ \t]*\r?\n)", re.S)
# Markup between an element's children: a comment, a processing instruction, the start of a
# CDATA section, or a tag (named, with ``close`` for an end tag, ``empty`` for <…/>).
_MARKUP = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[|<(?P<close>/?)(?P<name>[\w.:-]+)"
                     rb"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(?P<empty>/?)>", re.S)


class FixError(Exception):
    """An input ``fix`` cannot work on (a ZIP without one readable ERN, a message over the
    size limit, a file changed before it was written); the message names the file and what
    to do."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FixOutcome:
    """One offered fix and what became of it: ``reason`` is None when it was applied, and
    ``span`` is then the bytes of the original it replaced (start, end; start == end for an
    insertion) and ``written`` the text put there (the escaped value, or the new element
    with the line break and indentation before it)."""

    code: str
    location: Location
    fix: Fix
    reason: str | None = None
    span: tuple[int, int] | None = None
    written: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The outcome as ``fix --format json`` writes it (docs/fix.md): every key always
        there, null where it does not apply."""
        fix = self.fix
        return {"code": self.code, "line": self.location.line,
                "column": self.location.column, "xpath": self.location.xpath,
                "replacement": fix.replacement, "original": fix.original, "safe": fix.safe,
                "description": fix.description, "attribute": fix.attribute,
                "insert": fix.insert,
                "children": fix.children_dicts() if fix.children else None,
                "reason": self.reason,
                "span": None if self.span is None else {"start": self.span[0],
                                                        "end": self.span[1]},
                "written": self.written}


@dataclass(frozen=True, slots=True, kw_only=True)
class FixResult:
    """The fixed bytes of one message, the fixes applied and those refused (with the reason),
    and the report of the fixed bytes (the original's when nothing was applied). ``entry``
    names the ERN inside the ZIP ``path``, None for an .xml."""

    path: str | None
    original: bytes
    fixed: bytes
    report: FileReport
    entry: str | None = None
    applied: tuple[FixOutcome, ...] = ()
    refused: tuple[FixOutcome, ...] = ()

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def to_dict(self) -> dict[str, Any]:
        """The file as ``fix --format json`` writes it: the fixes applied and refused, and
        what is left after them (the status, the counts, the issues by code, how many of
        those still offer a fix: refused, or unsafe ones not asked for)."""
        left = self.report.counts
        offers = [i.fix for i in self.report.issues if i.fix is not None]
        return {"path": self.path, "entry": self.entry, "changed": self.changed,
                "applied": [outcome.to_dict() for outcome in self.applied],
                "refused": [outcome.to_dict() for outcome in self.refused],
                "remaining": {"status": self.report.status, "errors": left["error"],
                              "warnings": left["warning"],
                              "codes": dict(sorted(_counts(self.report).items())),
                              "fixable": {"safe": sum(fix.safe for fix in offers),
                                          "unsafe": sum(not fix.safe for fix in offers)}}}

    def unified_diff(self) -> str:
        """The change as a unified diff (``a/PATH``, ``b/PATH``), empty when nothing changed."""
        if not self.changed:
            return ""
        name = self.path or "<bytes>"
        if self.entry is not None:
            name += f"/{self.entry}"
        before, after = (_lines(data.decode("utf-8", "replace"))
                         for data in (self.original, self.fixed))
        lines = difflib.unified_diff(before, after, fromfile=_diff_name(f"a/{name}"),
                                     tofile=_diff_name(f"b/{name}"))
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of "
                       "file\n" for line in lines)


# How git writes a character of a file name between quotes (others below a space: octal).
_QUOTED = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f",
           "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _diff_name(name: str) -> str:
    """``name`` in a ``---`` or ``+++`` line as git writes it, so patch and git apply read it
    back: between C-style quotes when it holds a quote, a backslash or a control character
    (a newline would end the line and start a header of its own), and followed by a tab
    when it holds a space (patch reads a bare name up to the first space)."""
    if re.search(r'["\\\x00-\x1f\x7f]', name):
        name = '"' + "".join(_QUOTED.get(c, f"\\{ord(c):03o}" if c < " " or c == "\x7f" else c)
                             for c in name) + '"'
    return name + "\t" if " " in name else name


def _lines(text: str) -> list[str]:
    """The lines of ``text`` as patch reads them: ended by a newline only (str.splitlines
    would also end them at a form feed or U+2028), each with its ending."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


@dataclass(frozen=True, slots=True, order=True)
class _Edit:
    """Bytes ``start:end`` of the original become ``data``: one fix, located. Insertions at
    one place go in ``rank`` order (how many siblings the schema puts before each)."""

    start: int
    end: int
    rank: int
    data: bytes = field(compare=False)
    issue: Issue = field(compare=False)

    @property
    def inserts(self) -> str | None:
        assert self.issue.fix is not None
        return self.issue.fix.insert

    def clashes(self, earlier: _Edit) -> bool:
        """Whether this edit (after ``earlier`` in document order) touches its span; two
        insertions of different elements at one place do not."""
        if self.start == earlier.start and self.inserts is not None \
                and earlier.inserts is not None:
            return self.inserts == earlier.inserts
        return self.start < earlier.end or self.start == earlier.start


def _outcome(issue: Issue, reason: str | None = None) -> FixOutcome:
    assert issue.fix is not None
    return FixOutcome(code=issue.code, location=issue.location, fix=issue.fix, reason=reason)


def _applied(edit: _Edit) -> FixOutcome:
    return replace(_outcome(edit.issue), span=(edit.start, edit.end),
                   written=edit.data.decode("utf-8"))


def _encoding_problem(raw: bytes) -> str | None:
    """Why the byte offsets of a UTF-8 reading would not be the file's, or None."""
    if raw.startswith(_OTHER_UNICODE_STARTS):
        return "fix edits UTF-8 files only, and this one is UTF-16 or UTF-32"
    declared = _DECLARED_ENCODING.match(raw)
    if declared is not None and declared[1].lower() not in (b"utf-8", b"utf8"):
        return (f"fix edits UTF-8 files only, and this one declares "
                f"{declared[1].decode('ascii')}")
    return None


@cache
def _start_tag(name: str) -> re.Pattern[bytes]:
    """A start tag named ``name`` (any prefix): its attributes (group 1) and ``/`` (group 2)."""
    return re.compile(rb"<(?:[\w.-]+:)?" + re.escape(name.encode()) + rb"((?:\s+[^\s=/>]+\s*="
                      rb"\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")


class _Lines:
    """Byte offsets of lines and columns in the raw bytes, each line decoded once at most.

    On a line that is not ASCII a column's bytes are counted on from the last column asked
    for there (the issues come in document order): a one-line message with thousands of
    fixes is read once, not once per fix."""

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._starts = [0, *(match.end() for match in re.finditer(rb"\n", raw))]
        self._texts: dict[int, str | None] = {}
        self._cursors: dict[int, tuple[int, int]] = {}  # line → (characters, their bytes)

    def offset(self, line: int, column: int) -> int | None:
        """The byte offset of 1-based ``line`` and ``column`` (a column counts characters, as
        ``ddexkit.locate`` does); None past the end."""
        if not 1 <= line <= len(self._starts):
            return None
        start = self._starts[line - 1]
        if line not in self._texts:
            end = self._starts[line] if line < len(self._starts) else len(self._raw)
            chunk = self._raw[start:end]
            self._texts[line] = None if chunk.isascii() else chunk.decode("utf-8", "replace")
        text = self._texts[line]
        if text is None:
            return start + column - 1
        characters, size = self._cursors.get(line, (0, 0))
        if characters > column - 1:  # left of the last one asked for: from the line's start
            characters, size = 0, 0
        size += len(text[characters:column - 1].encode())
        self._cursors[line] = (column - 1, size)
        return start + size


def _escaped(value: str, quote: str | None) -> bytes:
    """``value`` as XML text, or as an attribute value between ``quote``s."""
    value = value.replace("&", "&amp;").replace("<", "&lt;")
    if quote is None:
        value = value.replace(">", "&gt;")
    else:
        value = value.replace(quote, "&quot;" if quote == '"' else "&apos;")
    return value.encode("utf-8")


def _span(raw: bytes, tag: re.Match[bytes], attribute: str | None) -> tuple[int, int] | str:
    """Where the value lies: the attribute's between its quotes, else the element's text."""
    if attribute is not None:
        for found in _ATTRIBUTE.finditer(raw, tag.start(1), tag.end(1)):
            if found[1] == attribute.encode():
                group = 2 if found[2] is not None else 3
                return found.start(group), found.end(group)
        return f"its start tag has no {attribute} attribute as written"
    if tag[2]:
        return "the element is written empty (<…/>)"
    end = raw.find(b"<", tag.end())
    if end < 0 or not raw.startswith(b"</", end):
        return "its text is interrupted by a comment, CDATA or a child element"
    return tag.end(), end


def _issue_tag(raw: bytes, lines: _Lines, place: Location) -> re.Match[bytes] | str:
    """The start tag of the element at ``place``, or why it is not found there."""
    if place.line is None or place.column is None or not place.xpath:
        return "the issue has no place in the file"
    name = place.xpath.rpartition("/")[2].partition("[")[0]
    # The place is where the start tag begins, also when its attributes span lines
    # (ddexkit.locate looks back for it).
    offset = lines.offset(place.line, place.column)
    tag = _start_tag(name).match(raw, offset) if offset is not None else None
    if tag is None:
        return f"the start tag of {name} is not where the issue points"
    return tag


@dataclass(frozen=True, slots=True)
class _Child:
    """A child element as written: its qualified name and where it starts and ends."""

    name: bytes
    start: int
    end: int

    @property
    def local(self) -> str:
        return self.name.rpartition(b":")[2].decode("utf-8")


def _children(raw: bytes, tag: re.Match[bytes]) -> list[_Child] | str:
    """The children of the element whose start tag is ``tag``, in order, or why they cannot
    be told apart for sure (text beside them, CDATA, markup this reading does not know)."""
    children: list[_Child] = []
    opened: tuple[bytes, int] | None = None  # the child being read: name, start
    depth, at = 0, tag.end()
    while True:
        lt = raw.find(b"<", at)
        if lt < 0:
            return "its end tag is missing"
        if depth == 0 and raw[at:lt].strip():
            return "it holds text beside its children"
        markup = _MARKUP.match(raw, lt)
        if markup is None or markup[0].startswith(b"<![CDATA["):
            return "it holds CDATA or markup that fix does not read"
        at = markup.end()
        name = markup["name"]
        if name is None:  # a comment or a processing instruction
            continue
        if markup["close"]:
            if depth == 0:
                return children
            depth -= 1
            if depth == 0 and opened is not None:
                children.append(_Child(opened[0], opened[1], at))
        elif markup["empty"]:
            if depth == 0:
                children.append(_Child(name, lt, at))
        else:
            if depth == 0:
                opened = (name, lt)
            depth += 1


def _insertion(raw: bytes, lines: _Lines, issue: Issue) -> _Edit | str:
    """The edit that adds ``issue``'s new child: after the last child the schema puts before
    it (else right after the start tag), on a line of its own indented as that child's line
    is (the same line ending), with the prefix the other children have; its own children
    (``Fix.children``) each on a line a level deeper, by the step the parent's children take;
    or why the place is not certain."""
    fix = issue.fix
    assert fix is not None and fix.insert is not None
    tag = _issue_tag(raw, lines, issue.location)
    if isinstance(tag, str):
        return tag
    if tag[2]:
        return "the element is written empty (<…/>)"
    children = _children(raw, tag)
    if isinstance(children, str):
        return children
    if any(child.local == fix.insert for child in children):
        return f"it already has {fix.insert}"
    prefixes = {child.name.rpartition(b":")[0] for child in children}
    if len(prefixes) > 1:
        return "its children are written with different namespace prefixes"
    before = [index for index, child in enumerate(children) if child.local in fix.after]
    last = before[-1] if before else -1
    if len(before) != last + 1:
        return "its children are not in the schema's order"
    at = children[last].end if last >= 0 else tag.end()
    trailing = _TRAILING_COMMENTS.match(raw, at) if last >= 0 else None
    if trailing is not None:  # comments after the child on its line stay with it
        at = trailing.end()
    # The new line is written as the line of the child it follows (or precedes) begins.
    model = children[max(last, 0)].start if children else tag.end()
    indent_from = model
    while indent_from > tag.end() and raw[indent_from - 1] in b" \t\r\n":
        indent_from -= 1
    indent = raw[indent_from:model]
    prefix = prefixes.pop() + b":" if prefixes and prefixes != {b""} else b""
    if not fix.children:
        return _Edit(at, at, len(fix.after),
                     indent + _element(prefix, fix.insert, _escaped(fix.replacement, None)),
                     issue)
    step = _indent_step(raw, tag, indent)
    if step is None:
        return "its children are not on lines of their own, indented deeper than it"
    newline = indent.rfind(b"\n")
    ending = b"\r\n" if indent[:newline + 1].endswith(b"\r\n") else b"\n"
    line = ending + indent[newline + 1:]  # the last line break and the child's indentation
    inner = b"".join(line + step + _element(prefix, name, _escaped(text, None))
                     for name, text in fix.children)
    return _Edit(at, at, len(fix.after),
                 indent + _element(prefix, fix.insert, inner + line), issue)


def _element(prefix: bytes, name: str, content: bytes) -> bytes:
    """``content`` between the start and end tags of ``name`` (with ``prefix``)."""
    return b"<" + prefix + name.encode() + b">" + content + b"</" + prefix + name.encode() + b">"


def _indent_step(raw: bytes, tag: re.Match[bytes], indent: bytes) -> bytes | None:
    """What the children's lines are indented by beyond the parent's start tag's line, from
    ``indent`` (a child's line break and indentation): the step a level deeper takes. None
    when the children do not sit on lines of their own deeper than the parent's."""
    if b"\n" not in indent:
        return None
    own = indent[indent.rfind(b"\n") + 1:]
    parent = raw[raw.rfind(b"\n", 0, tag.start()) + 1:tag.start()]
    if parent.strip(b" \t") or not own.startswith(parent) or len(own) == len(parent):
        return None
    return own[len(parent):]


def _edit(raw: bytes, lines: _Lines, issue: Issue) -> _Edit | str:
    """The edit that makes ``issue``'s fix, or why it cannot be made byte-exactly."""
    fix = issue.fix
    assert fix is not None
    if fix.insert is not None:
        return _insertion(raw, lines, issue)
    tag = _issue_tag(raw, lines, issue.location)
    if isinstance(tag, str):
        return tag
    span = _span(raw, tag, fix.attribute)
    if isinstance(span, str):
        return span
    start, end = span
    try:
        written = raw[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return "the value's bytes are not UTF-8"
    if written != fix.original:
        return ("the value is written with an entity, a character reference or line breaks "
                "that the parser reads otherwise; edit it by hand")
    quote = chr(raw[start - 1]) if fix.attribute is not None else None
    return _Edit(start, end, 0, _escaped(fix.replacement, quote), issue)


def _edits(raw: bytes, offered: Sequence[Issue]) -> tuple[list[_Edit], list[FixOutcome]]:
    """The edits of the offered fixes in document order, one per span, and those refused."""
    problem = _encoding_problem(raw)
    if problem is not None:
        return [], [_outcome(issue, problem) for issue in offered]
    lines = _Lines(raw)
    located: list[_Edit] = []
    refused: list[FixOutcome] = []
    for issue in offered:
        found = _edit(raw, lines, issue)
        if isinstance(found, str):
            refused.append(_outcome(issue, found))
        else:
            located.append(found)
    kept: list[_Edit] = []
    for edit in sorted(located):
        if kept and edit.clashes(kept[-1]):
            earlier = kept[-1].issue
            refused.append(_outcome(edit.issue, f"it edits the same value as the {earlier.code} "
                                    f"fix at line {earlier.location.line}; run fix again"))
        else:
            kept.append(edit)
    return kept, refused


def located_fixes(raw: bytes, issues: Sequence[Issue]) -> tuple[FixOutcome, ...]:
    """The fixes ``issues`` offer, placed in ``raw`` as ``fix`` would make them (span and
    the text written), before ``fix`` validates them again; those it cannot place are left
    out. For reports that carry the edits beside the issues (SARIF)."""
    edits, _ = _edits(raw, [issue for issue in issues if issue.fix is not None])
    return tuple(_applied(edit) for edit in edits)


def _spliced(raw: bytes, edits: Sequence[_Edit]) -> bytes:
    """``raw`` with each edit's span replaced (edits in document order, apart)."""
    parts, at = [], 0
    for edit in edits:
        parts += [raw[at:edit.start], edit.data]
        at = edit.end
    parts.append(raw[at:])
    return b"".join(parts)


def _counts(report: FileReport) -> Counter[str]:
    counts: Counter[str] = Counter()
    for issue in report.issues:
        counts[issue.code] += issue.weight
    return counts


def _introduced(before: Counter[str], after: FileReport) -> list[str]:
    """The codes more frequent in ``after`` than ``before``."""
    return sorted(code for code, count in _counts(after).items() if count > before[code])


def _settled(raw: bytes, edits: list[_Edit], before: FileReport,
             check: Callable[[bytes], FileReport],
             ) -> tuple[list[_Edit], list[FixOutcome], FileReport]:
    """The edits that introduce no issue, those refused, and the report of ``raw`` with the
    kept ones: the group testing of the module's docstring."""
    baseline = _counts(before)
    kept: list[_Edit] = []
    refused: list[FixOutcome] = []
    report = before
    budget = MAX_VALIDATIONS
    pending = [edits] if edits else []
    while pending:
        group = pending.pop()
        if budget == 0:
            refused += [_outcome(e.issue, "not tried again: too many fixes interact; run fix "
                                 "again") for e in group]
            continue
        budget -= 1
        trial = check(_spliced(raw, sorted(kept + group)))
        introduced = _introduced(baseline, trial)
        if not introduced:
            kept += group
            report = trial
        elif len(group) == 1:
            refused.append(_outcome(group[0].issue, f"the fixed file would have more "
                                    f"{', '.join(introduced)}"))
        else:
            half = len(group) // 2
            pending += [group[half:], group[:half]]  # the first half is tried first
    return sorted(kept), refused, report


def fix_bytes(raw: bytes, settings: Settings, *, unsafe: bool = False,
              path: str | None = None, store: AssetStore | None = None,
              package: PackageFacts | None = None) -> FixResult:
    """Validate ``raw``, make the fixes the issues offer (the unsafe ones too with
    ``unsafe``) and keep those after which the message has no issue it did not have
    (``store`` and ``package``: the files and the ZIP it is validated with)."""
    # Each issue with its fix; one message at a time, with no batch to gather facts for.
    every_issue = replace(settings, issue_cap=None).for_inputs(1)

    def check(data: bytes) -> FileReport:
        return validate_bytes(data, every_issue, path=path, store=store, package=package)

    before = check(raw)
    offered = [issue for issue in before.issues
               if issue.fix is not None and (issue.fix.safe or unsafe)]
    edits, refused = _edits(raw, offered)
    kept, refused_later, report = _settled(raw, edits, before, check)
    return FixResult(
        path=path, original=raw, fixed=_spliced(raw, kept), report=report,
        entry=package.message_name if package is not None else None,
        applied=tuple(_applied(edit) for edit in kept),
        refused=tuple(sorted(refused + refused_later,
                             key=lambda o: (o.location.line or 0, o.location.column or 0,
                                            o.code))),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class FileState:
    """A file as ``fix`` read it: its status and SHA-256, to see a change before writing."""

    status: os.stat_result
    sha256: str

    @classmethod
    def of(cls, path: Path) -> FileState:
        with open_regular(path) as handle:
            status = os.fstat(handle.fileno())
            digest = hashlib.sha256()
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        return cls(status=status, sha256=digest.hexdigest())

    def is_current(self, path: Path) -> bool:
        """Whether ``path`` is still the file read (FileNotFoundError when it is gone)."""
        try:
            now = FileState.of(path)
        except FileNotFoundError:
            raise
        except OSError:  # no longer a regular file this process may read: not the one read
            return False
        return (now.sha256 == self.sha256 and (now.status.st_ino, now.status.st_size,
                now.status.st_mtime_ns) == (self.status.st_ino, self.status.st_size,
                                            self.status.st_mtime_ns))


def _read_error(path: Path, error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError):
        return InputError(f"{path}: no such file or directory")
    return InputError(f"{path}: cannot be read ({error.strerror or error})")


def _package(path: Path) -> PackageFacts:
    """The ZIP's facts, when ``fix`` can rewrite it: one ERN it may read, every entry
    readable as stored (no encryption, no name twice)."""
    package = read_package(path, MAX_MESSAGE_BYTES)
    if package.not_a_zip is not None:
        raise FixError(f"{path}: {package.not_a_zip}; nothing fixed")
    why = _no_single_ern(package)
    if why is not None:
        raise FixError(f"{path}: no single ERN that ddexkit may read: {why}; nothing fixed")
    with zipfile.ZipFile(path) as archive:
        if any(info.flag_bits & 0x1 for info in archive.infolist()):
            raise FixError(f"{path}: has encrypted entries, which fix cannot copy; nothing "
                           "fixed")
    return package


def _no_single_ern(package: PackageFacts) -> str | None:
    """Why the ZIP has no one ERN that fix may edit and write back, or None."""
    names = package.message_names
    if not names:
        return "it holds no ERN (.xml)"
    if len(names) > 1:
        return (f"it holds {len(names)} XML files ({', '.join(names)}), and fix edits a ZIP "
                "with one ERN")
    if package.duplicate_names:  # copied back, the entries would no longer say which is which
        return f"its entry {package.duplicate_names[0]} is there twice"
    if package.collisions:
        return f"its entries {' and '.join(package.collisions[0])} are one file once unpacked"
    if package.message_bytes is None:
        return (f"its entry {names[0]} is not read (unsafe, or too large once unpacked: "
                "ddexkit validate says which)")
    return None


def fix_file(path: Path, settings: Settings, *, unsafe: bool = False
             ) -> tuple[FixResult, FileState]:
    """``fix_bytes`` of an .xml file (with the settings' assets folder, if any) or of the
    ERN in a ZIP package (with the ZIP's entries), and the file as read, for
    ``write_fixed``."""
    try:
        state = FileState.of(path)
        if path.suffix.lower() == ".zip":
            package = _package(path)
            raw, size = package.message_bytes or b"", package.message_size
        else:
            package = None
            raw, size = read_bytes(path, MAX_MESSAGE_BYTES)
    except OSError as error:
        raise _read_error(path, error) from error
    if max(size, len(raw)) > MAX_MESSAGE_BYTES:  # as read, or as it grew while read
        raise FixError(f"{path}: the ERN is larger than {MAX_MESSAGE_BYTES:,} bytes, the most "
                       "ddexkit reads; nothing fixed")
    if package is None:
        store: AssetStore | None = (FolderAssets(settings.assets)
                                    if settings.assets is not None else None)
        return fix_bytes(raw, settings, unsafe=unsafe, path=str(path), store=store), state
    entries = ZipAssets(package)
    try:
        return fix_bytes(raw, settings, unsafe=unsafe, path=str(path), store=entries,
                         package=package), state
    finally:
        entries.close()


def _copy_package(source: Path, out: IO[bytes], entry: str, message: bytes) -> None:
    """The ZIP at ``source`` again, entry by entry in its order with its names, dates,
    attributes, compression and comment, the ERN ``entry`` holding ``message``. Every other
    entry's content is copied as it was (decompressed and compressed again: the same bytes
    once unpacked)."""
    with _reopened(source) as (lead, old):
        # Bytes before the first entry (a self-extracting stub) are the user's too: written
        # first, with the entries' offsets counted from after them, as zipfile reads them.
        lead.seek(0)
        left = min(info.header_offset for info in old.infolist())
        while left and (chunk := lead.read(min(left, 1 << 20))):
            out.write(chunk)
            left -= len(chunk)
        with zipfile.ZipFile(out, "w") as new:
            new.comment = old.comment
            for info in old.infolist():
                kept = copy.copy(info)  # writing sets offsets and sizes on the ZipInfo
                if info.filename == entry:
                    new.writestr(kept, message)
                else:  # a folder entry too: it may hold bytes, which are the user's
                    # The first piece is read before the entry is opened for writing, so a
                    # method zipfile lacks is named as the entry's (it cannot write it).
                    chunks = _unpacked(source, old, info)
                    first = next(chunks, b"")
                    with new.open(kept, "w", force_zip64=info.file_size > _ZIP64) as put:
                        put.write(first)
                        for chunk in chunks:
                            put.write(chunk)


@contextlib.contextmanager
def _reopened(source: Path) -> Iterator[tuple[IO[bytes], zipfile.ZipFile]]:
    """The ZIP opened again for the copy, or FixError when it is no longer the regular file
    and the ZIP that fix read (opened as a regular file first: zipfile's own open would block
    on a pipe put in its place)."""
    try:
        lead = open_regular(source)
    except FileNotFoundError:
        raise  # write_fixed says it is gone
    except OSError as error:
        raise _changed(source) from error
    with lead:
        try:
            archive = zipfile.ZipFile(lead)
        except zipfile.BadZipFile as error:
            raise _changed(source) from error
        with archive:
            yield lead, archive


def _unpacked(source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The entry's content piece by piece; FixError naming it when it cannot be unpacked
    (only reading is guarded here: a failed write is the output's error, not the entry's)."""
    try:
        with archive.open(info) as read:
            while chunk := read.read(1 << 20):
                yield chunk
    except _UNPACK_ERRORS as error:
        raise FixError(f"{source}: its entry {info.filename} cannot be unpacked ({error}), so "
                       "the ZIP cannot be copied with it; not written") from error


def write_fixed(path: Path, result: FixResult, state: FileState) -> None:
    """Replace ``path`` by the fixed file in one step (a temporary file beside it, then
    ``os.replace``), keeping its permission bits: the fixed bytes, or for a ZIP the package
    with the fixed ERN. FixError, and the file left as it is, when it changed since it was
    read (someone else's edit would be lost), is gone, or cannot be written (a folder without
    the write bit, a full disk): one line for that file, and the run goes on with the next.
    A symbolic link stays one: its target is replaced."""
    path = Path(os.path.realpath(path))
    mode = state.status.st_mode
    # The rename needs only the folder's write bit: the file's own bits are asked here, its
    # owner's for root (whom os.access lets write anything), this user's for anyone else
    # (a file gone meanwhile is said to be so below).
    if not mode & stat.S_IWUSR or (path.exists() and not os.access(path, os.W_OK)):
        raise FixError(f"{path}: the file is read-only; not written (make it writable, "
                       "e.g. chmod u+w, to let fix write it)")
    temporary: str | None = None
    try:
        # Named after the file, cut so that it fits where the file's own name just does
        # (48 characters are 192 bytes at most; 255 is the usual limit).
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:48]}.",
                                             suffix=".fix")
        with os.fdopen(handle, "wb") as out:
            if result.entry is None:
                out.write(result.fixed)
            else:
                _copy_package(path, out, result.entry, result.fixed)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(mode))
        _keep_owner(temporary, state.status)
        if not state.is_current(path):
            raise _changed(path)
        os.replace(temporary, path)
    except BaseException as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        if isinstance(error, FileNotFoundError) and error.filename == str(path):
            raise FixError(f"{path}: deleted or moved since ddexkit read it; not written, "
                           "run fix again") from error
        if isinstance(error, OSError):
            reason = explain_write_error(path, error, f"the fixed file beside it, in "
                                         f"{path.parent}")
            raise FixError(str(reason)) from error
        raise


def _changed(path: Path) -> FixError:
    return FixError(f"{path}: changed since ddexkit read it; not written, run fix again")


def _keep_owner(temporary: str, status: os.stat_result) -> None:
    """Give the new file the old one's owner and group where this process may (root, or a
    group the user is in): a fix run by an administrator must not hand a label's file to
    root. Where it may not, the file is the user's own, as any editor would leave it."""
    if not hasattr(os, "geteuid") or (status.st_uid, status.st_gid) == (os.geteuid(),
                                                                         os.getegid()):
        return  # Windows has no owners to keep; or the file is already this user's
    with contextlib.suppress(OSError):
        os.chown(temporary, status.st_uid, status.st_gid)


def fix(
    source: str | Path | bytes,
    *,
    unsafe: bool = False,
    assets: str | Path | None = None,
    schema_dir: str | Path | None = None,
    config: Config | None = None,
    catalog: str | Path | Catalog | None = None,
) -> FixResult:
    """The fixes the rules offer for one ERN message (a path to an .xml, or the bytes), made
    byte-exactly and kept only where they introduce no issue: ``FixResult.fixed`` holds the
    new bytes, ``applied`` and ``refused`` (with the reason) the fixes. Nothing is written:
    ``write_fixed`` replaces the file. ``unsafe`` adds the fixes that are a judgement.

    Settings as for ``validate`` (the configuration discovered from the working directory
    when ``config`` is None). Raises ``InputError`` for a file that cannot be read and
    ``FixError`` for a file fix does not edit (a ZIP without one readable ERN, a message over
    the size limit).
    """
    settings = resolve_settings(config if config is not None else discover_config(Path.cwd()),
                                schema_dir=schema_dir, catalog=catalog, assets=assets)
    if isinstance(source, bytes):
        store = FolderAssets(settings.assets) if settings.assets is not None else None
        return fix_bytes(source, settings, unsafe=unsafe, store=store)
    return fix_file(as_path(source), settings, unsafe=unsafe)[0]
