"""Asset digests kept on disk, so an unchanged audio or artwork file is not hashed again.

A catalogue re-run with ``--cache DIR --assets FOLDER`` would otherwise read every byte of
every WAV again (terabytes for a back catalogue) to check the HashSums. A digest is kept per
file under ``DIR/digests``, keyed by the file's resolved path and trusted only while its size,
modification time (ns), inode and device are those it was hashed with: any change and the file
is hashed again. A file that changed while it was being hashed is not remembered.

Entries are JSON written atomically (a temporary file renamed into place), so ``--jobs``
workers may share the folder; an entry that cannot be read, is not of this shape, or was
written for another file is ignored (and rewritten), never trusted. Stdlib only.

``DigestMemo`` keeps one run's digests in memory instead: the packager checks against it that
each file it zips is the file that was validated, and takes its MD5 from there rather than
reading the file for it twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

DIGEST_FORMAT = 1
_MAX_ENTRY_BYTES = 64 * 1024  # an entry holds a few hex digests
_HEX = re.compile(r"[0-9a-f]{32,128}")

# What a file's digest is trusted for: (resolved path, size, mtime_ns, inode, device).
Identity = tuple[str, int, int, int, int]


def identity(path: Path) -> Identity | None:
    """The file as it is now, or None when it cannot be looked at."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (str(path), info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)


class DigestStore(Protocol):
    """Where the asset checks keep the digests they compute and look for those known."""

    def get(self, seen: Identity, algorithms: Iterable[str]) -> dict[str, str] | None: ...

    def put(self, seen: Identity, hashes: Mapping[str, str]) -> None: ...


@dataclass(frozen=True, slots=True)
class DigestCache:
    """A folder of digests of asset files (picklable: ``--jobs`` workers get a copy)."""

    folder: Path

    def _entry(self, path: str) -> Path:
        name = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()
        return self.folder / name[:2] / f"{name}.json"

    def get(self, seen: Identity, algorithms: Iterable[str]) -> dict[str, str] | None:
        """The digests of every one of ``algorithms`` for the file as ``seen``, or None."""
        stored = self._read(seen)
        if stored is None:
            return None
        wanted = list(algorithms)
        if not all(name in stored for name in wanted):
            return None
        return {name: stored[name] for name in wanted}

    def put(self, seen: Identity, hashes: Mapping[str, str]) -> None:
        """Remember ``hashes`` of the file seen as ``seen`` before it was hashed, unless it has
        changed since (it was written to meanwhile) or the folder cannot be written."""
        if identity(Path(seen[0])) != seen:
            return
        merged = {**(self._read(seen) or {}), **hashes}
        entry = self._entry(seen[0])
        body = json.dumps({"format": DIGEST_FORMAT, "identity": list(seen),
                           "digests": merged}, sort_keys=True)
        with contextlib.suppress(OSError):  # a read-only or full cache only costs speed
            entry.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                    stream.write(body)
                os.replace(temporary, entry)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _read(self, seen: Identity) -> dict[str, str] | None:
        try:
            with open(self._entry(seen[0]), "rb") as stream:
                body = stream.read(_MAX_ENTRY_BYTES + 1)
            data = json.loads(body) if len(body) <= _MAX_ENTRY_BYTES else None
        except (OSError, ValueError):
            return None
        if (not isinstance(data, dict) or data.get("format") != DIGEST_FORMAT
                or data.get("identity") != list(seen)):
            return None
        digests = data.get("digests")
        if not isinstance(digests, dict):
            return None
        return {name: value for name, value in digests.items()
                if isinstance(name, str) and isinstance(value, str) and _HEX.fullmatch(value)}


class DigestMemo:
    """The digests of one run, in memory, by the file's resolved path: what each file was
    (its identity) when it was hashed, and its digests then."""

    __slots__ = ("_known",)

    def __init__(self) -> None:
        self._known: dict[str, tuple[Identity, dict[str, str]]] = {}

    def get(self, seen: Identity, algorithms: Iterable[str]) -> dict[str, str] | None:
        identity_then, digests = self._known.get(seen[0], (None, {}))
        wanted = list(algorithms)
        if identity_then != seen or not all(name in digests for name in wanted):
            return None
        return {name: digests[name] for name in wanted}

    def put(self, seen: Identity, hashes: Mapping[str, str]) -> None:
        """Remember ``hashes`` of the file as it was ``seen`` before it was hashed, even when
        it has changed since (unlike DigestCache): nothing later trusts them for the file as
        it is then, and the packager, seeing another identity, refuses to zip it."""
        identity_then, digests = self._known.get(seen[0], (None, {}))
        self._known[seen[0]] = (seen, {**digests, **hashes} if identity_then == seen else
                                dict(hashes))

    def hashed(self, path: Path) -> tuple[Identity, dict[str, str]] | None:
        """The identity and digests ``path`` (resolved) had when it was hashed, or None when
        it never was."""
        return self._known.get(str(path))
