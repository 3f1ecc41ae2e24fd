"""Read-only views of what the user hands us: XML files, folders of them, ZIP packages.

Gathers facts (which files, their bytes, what a ZIP holds); never writes and never extracts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MESSAGE_SUFFIXES = (".xml", ".zip")


class InputError(Exception):
    """A path the user gave cannot be used at all (does not exist, cannot be read)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageSource:
    """One input message: a path on disk (``.xml`` or ``.zip``) or bytes from the API."""

    path: Path | None
    data: bytes | None = None

    @property
    def display(self) -> str | None:
        return str(self.path) if self.path is not None else None

    @property
    def is_zip(self) -> bool:
        return self.path is not None and self.path.suffix.lower() == ".zip"


def _walk(folder: Path) -> Iterator[Path]:
    """Every .xml/.zip below ``folder``, sorted, without following links (no loops)."""
    for current, folders, files in os.walk(folder, followlinks=False):
        folders.sort()
        for name in sorted(files):
            if name.lower().endswith(MESSAGE_SUFFIXES) and not name.startswith("."):
                yield Path(current) / name


def expand_paths(paths: list[str | Path]) -> list[MessageSource]:
    """Sources for paths given by the user, in the order given (folders expanded, sorted).

    Raises InputError for a path that does not exist.
    """
    sources: list[MessageSource] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            sources.extend(MessageSource(path=found) for found in _walk(path))
        elif path.exists() or path.is_symlink():
            sources.append(MessageSource(path=path))
        else:
            raise InputError(f"{path}: no such file or directory")
    return sources


def read_bytes(path: Path, limit: int) -> tuple[bytes, int]:
    """At most ``limit + 1`` bytes of the file and its size (so an oversized file is never
    read whole). Raises OSError when it cannot be read."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        return handle.read(limit + 1), size


@dataclass(frozen=True, slots=True, kw_only=True)
class ZipEntry:
    name: str
    size: int
    compressed_size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PackageFacts:
    """What a ZIP package holds: its entries and, when there is exactly one, the ERN's bytes."""

    path: Path
    entries: tuple[ZipEntry, ...] = ()
    message_names: tuple[str, ...] = ()
    message_bytes: bytes | None = None
    message_size: int = 0
    not_a_zip: str | None = None

    @property
    def message_name(self) -> str | None:
        return self.message_names[0] if len(self.message_names) == 1 else None


def _is_message_entry(name: str) -> bool:
    parts = name.split("/")
    return (
        name.lower().endswith(".xml")
        and "__MACOSX" not in parts
        and not parts[-1].startswith(".")
    )


def read_package(path: Path, message_limit: int) -> PackageFacts:
    """List a ZIP's entries and read its one ERN (at most ``message_limit + 1`` bytes)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            entries = tuple(
                ZipEntry(name=i.filename, size=i.file_size, compressed_size=i.compress_size)
                for i in infos
            )
            names = tuple(i.filename for i in infos if _is_message_entry(i.filename))
            if len(names) != 1:
                return PackageFacts(path=path, entries=entries, message_names=names)
            info = archive.getinfo(names[0])
            with archive.open(info) as handle:
                data = handle.read(message_limit + 1)
            return PackageFacts(
                path=path,
                entries=entries,
                message_names=names,
                message_bytes=data,
                message_size=info.file_size,
            )
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError) as error:
        return PackageFacts(path=path, not_a_zip=str(error))
