"""What the ingest's answers say: the release_id and track_ids it gave, its errors and
warnings, the release's stored status.

Why tolerant here and strict elsewhere: the API documents the names (release_id, track_ids,
errors, warnings, readiness) but not every shape, so each is read in the shapes a JSON API
plausibly uses (docs/upload.md lists them), and what cannot be read is left out rather than
guessed. Only a release answer without a release_id stops the upload: nothing after it could
name the release.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestIssue:
    """One error or warning of the ingest, shown the way ddexkit shows its own issues."""

    severity: str  # "error" or "warning"
    message: str
    code: str | None = None
    place: str | None = None  # the field or path the ingest names

    def line(self, where: str) -> str:
        code = f" {self.code}" if self.code else ""
        place = f" (at {self.place})" if self.place else ""
        return f"{where}: ingest {self.severity}{code}: {self.message}{place}"


def _identifier(value: object) -> str | None:
    """An id as text: the API may send a number; anything else is no id."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | str) and str(value).strip():
        return str(value).strip()
    return None


def release_id(answer: Mapping[str, object]) -> str | None:
    """``release_id`` (or ``id``) of the answer, top level or under ``release``."""
    nested = answer.get("release")
    for source in (answer, nested if isinstance(nested, Mapping) else {}):
        for key in ("release_id", "id"):
            found = _identifier(source.get(key))
            if found is not None:
                return found
    return None


def track_ids(answer: Mapping[str, object]) -> dict[str, str]:
    """ISRC → track_id, from ``track_ids`` as an object keyed by ISRC or as a list of objects
    with ``isrc`` and ``track_id`` (or ``id``). A bare list of ids names no ISRC: left out."""
    given = answer.get("track_ids")
    found: dict[str, str] = {}
    if isinstance(given, Mapping):
        pairs = list(given.items())
    elif isinstance(given, list):
        pairs = [(item.get("isrc"), item.get("track_id", item.get("id")))
                 for item in given if isinstance(item, Mapping)]
    else:
        pairs = []
    for isrc, track in pairs:
        key, value = _identifier(isrc), _identifier(track)
        if key is not None and value is not None:
            found[key.upper()] = value
    return found


def _issue(severity: str, item: object) -> IngestIssue:
    """An issue from a string or an object; an object without a message is shown whole."""
    if isinstance(item, Mapping):
        message = item.get("message", item.get("detail", item.get("error")))
        code, place = item.get("code"), item.get("field", item.get("path", item.get("xpath")))
        return IngestIssue(severity=severity,
                           message=str(message) if message is not None else json.dumps(item),
                           code=str(code) if code is not None else None,
                           place=str(place) if place is not None else None)
    return IngestIssue(severity=severity, message=str(item))


def issues(answer: Mapping[str, object]) -> list[IngestIssue]:
    """The answer's ``errors`` then ``warnings``, each an object (message, code, field) or a
    string; the text made one line, so one issue is one line."""
    found = []
    for key, severity in (("errors", "error"), ("warnings", "warning")):
        items = answer.get(key)
        for item in items if isinstance(items, list) else []:
            issue = _issue(severity, item)
            found.append(IngestIssue(severity=issue.severity, code=issue.code,
                                     message=" ".join(issue.message.split()),
                                     place=issue.place))
    return found


def stored_status(answer: Mapping[str, object]) -> str:
    """The release's status as GET /api/v1/release/{id} gives it: ``status``, else
    ``readiness``, else ``ready`` (true/false), else "unknown"."""
    for key in ("status", "readiness"):
        value = answer.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, Mapping) and isinstance(value.get("status"), str):
            return str(value["status"])
    ready = answer.get("ready")
    if isinstance(ready, bool):
        return "ready" if ready else "not ready"
    return "unknown"
