"""Incremental runs: a file's report kept on disk, keyed by what decides it, so an unchanged
file of a catalogue is not validated again.

The key is the SHA-256 of the message's bytes, ddexkit's version, the effective settings
(configuration, profiles, catalog, whether the official schema is at hand) and the day (some
rules compare dates with today). Messages validated with an assets folder, inside a ZIP or
against an original are not cached: their verdict depends on more than their bytes.

An entry is JSON in ddexkit's own shape, written atomically (a temporary file renamed into
place), so ``--jobs`` workers may share the folder. An entry that cannot be read, is not JSON
of this shape or was written for another key is ignored and rewritten: a cache folder is never
trusted (nothing in it is executed or unpickled), only read as data and checked.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ddexkit._version import __version__
from ddexkit.catalogue import AudioFact, FileFacts, Place, TrackFact
from ddexkit.engine import Settings
from ddexkit.inputs import MessageSource
from ddexkit.issues import Fix, Issue, Location, Severity
from ddexkit.profiles import ProfileVerdict
from ddexkit.report import FileReport
from ddexkit.summary import Artwork, DealSummary, Summary, Track

CACHE_FORMAT = 1
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # an entry is a report: far below this


class _Unusable(ValueError):
    """An entry whose content is not what ddexkit writes."""


@dataclass(frozen=True, slots=True)
class ResultCache:
    """A folder of cached reports for one set of settings."""

    folder: Path
    settings_key: str

    @classmethod
    def for_settings(cls, folder: str | Path, settings: Settings) -> ResultCache:
        return cls(folder=Path(folder), settings_key=settings_fingerprint(settings))

    def key(self, raw: bytes) -> str:
        return hashlib.sha256(self.settings_key.encode() + b"\0" + raw).hexdigest()

    def get(self, key: str, path: str | None) -> FileReport | None:
        """The cached report for ``key``, shown under ``path``; None when absent or unusable."""
        entry = self.folder / key[:2] / f"{key}.json"
        try:
            with entry.open("rb") as stream:
                data = json.loads(stream.read(MAX_ENTRY_BYTES + 1))
            if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT \
                    or data.get("key") != key:
                return None
            return _file_report(data["report"], path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, report: FileReport) -> None:
        """Store a report; a folder that cannot be written costs the speed-up, never the run."""
        folder = self.folder / key[:2]
        data = {"format": CACHE_FORMAT, "key": key, "report": _report_dict(report)}
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".part-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(data, stream, ensure_ascii=False)
                os.replace(temporary, folder / f"{key}.json")
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


def cacheable(source: MessageSource, settings: Settings) -> bool:
    """Whether a source's verdict depends on its bytes alone."""
    return (source.path is not None and not source.is_zip and settings.assets is None
            and settings.original is None)


def settings_fingerprint(settings: Settings) -> str:
    """What, besides the bytes, decides a report."""
    parts = [
        f"ddexkit {__version__}",
        f"today {dt.date.today().isoformat()}",
        f"schema {'official' if settings.schema_dir is not None else 'none'}",
        repr(settings.config.merged(source=None)),
        repr([(p.name, sorted(p.codes), sorted((c, s.value) for c, s in p.severity.items()))
              for p in settings.profiles]),
        repr(settings.catalog),
        f"issues per code {settings.issue_cap}",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


# Reports as the cache writes them: the JSON report's file entry, plus what it leaves out
# (each issue's ``collapsed`` count, the catalogue facts).

def _issue_dict(issue: Issue) -> dict[str, Any]:
    return {**issue.to_dict(), "collapsed": issue.collapsed}


def _report_dict(report: FileReport) -> dict[str, Any]:
    entry = report.to_dict()
    entry["issues"] = [_issue_dict(i) for i in report.issues]
    entry["profiles"] = [{**v.to_dict(), "issues": [_issue_dict(i) for i in v.issues]}
                         for v in report.profiles]
    entry["strict"] = report.strict
    entry["facts"] = _facts_dict(report.facts) if report.facts is not None else None
    return entry


def _facts_dict(facts: FileFacts) -> dict[str, Any]:
    def place(p: Place | None) -> list[Any] | None:
        return None if p is None else [p.path, p.line]
    return {
        "message_id": facts.message_id, "message_id_place": place(facts.message_id_place),
        "icpn": facts.icpn, "icpn_place": place(facts.icpn_place),
        "release_title": facts.release_title, "deals": list(facts.deals),
        "tracks": [[t.isrc, t.title, t.seconds, place(t.place)] for t in facts.tracks],
        "audio": [[a.isrc, a.sha256, place(a.place)] for a in facts.audio],
    }


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise _Unusable("not a string")
    return value


def _issue(data: dict[str, Any]) -> Issue:
    return Issue(code=str(data["code"]), severity=Severity(data["severity"]),
                 message=str(data["message"]), hint=_text(data["hint"]),
                 location=Location(xpath=_text(data["xpath"]), line=data["line"],
                                   column=data["column"]),
                 profiles=tuple(map(str, data["profiles"])), collapsed=int(data["collapsed"]),
                 fix=_fix(data.get("fix")))


def _fix(data: Any) -> Fix | None:
    """The fix kept with a cached issue, so a reused report marks it fixable as a fresh one."""
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("safe"), bool):
        raise _Unusable("not a fix")
    return Fix(replacement=str(data["replacement"]), original=str(data["original"]),
               description=str(data["description"]), safe=data["safe"],
               attribute=_text(data["attribute"]))


def _place(data: Any, path: str) -> Place | None:
    return None if data is None else Place(path=path, line=data[1])


def _facts(data: dict[str, Any] | None, path: str) -> FileFacts | None:
    if data is None:
        return None
    return FileFacts(
        path=path, message_id=_text(data["message_id"]),
        message_id_place=_place(data["message_id_place"], path), icpn=_text(data["icpn"]),
        icpn_place=_place(data["icpn_place"], path), release_title=_text(data["release_title"]),
        deals=tuple(map(str, data["deals"])),
        tracks=tuple(TrackFact(isrc=str(isrc), title=_text(title), seconds=seconds,
                               place=Place(path=path, line=place[1]))
                     for isrc, title, seconds, place in data["tracks"]),
        audio=tuple(AudioFact(isrc=_text(isrc), sha256=str(digest),
                              place=Place(path=path, line=place[1]))
                    for isrc, digest, place in data["audio"]),
    )


def _summary(data: dict[str, Any]) -> Summary:
    artwork = data["artwork"]
    return Summary(
        **{k: data[k] for k in ("title", "label", "upc", "release_date", "release_type",
                                "explicit", "genre", "p_line", "c_line")},
        primary_artists=tuple(data["primary_artists"]),
        tracks=tuple(Track(**t) for t in data["tracks"]),
        artwork=Artwork(**artwork) if artwork is not None else None,
        deals=tuple(DealSummary(**d) for d in data["deals"]),
    )


def _file_report(data: dict[str, Any], path: str | None) -> FileReport:
    shown = path or "<bytes>"
    return FileReport(
        path=path, message_kind=_text(data["message_kind"]),
        schema_version=_text(data["schema_version"]), xsd=str(data["xsd"]),
        strict=bool(data["strict"]),
        issues=tuple(_issue(i) for i in data["issues"]),
        profiles=tuple(ProfileVerdict(
            name=str(v["name"]), title=str(v["title"]), status=str(v["status"]),
            counts={"error": int(v["counts"]["error"]), "warning": int(v["counts"]["warning"])},
            selected=bool(v["selected"]),
            issues=() if v["selected"] else tuple(_issue(i) for i in v["issues"]))
            for v in data["profiles"]),
        summary=_summary(data["summary"]) if data["message_kind"] is not None else None,
        facts=_facts(data["facts"], shown),
    )
