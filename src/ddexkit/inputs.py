"""Read-only views of what the user hands us: XML files, folders of them, ZIP packages.

Gathers facts (which files, their bytes, what a ZIP holds, whether its entries are safe);
never writes and never extracts: ZIP entries are streamed from the archive, which Pillow and
mutagen read like files, so no temporary folder is needed.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import struct
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Protocol

from ddexkit.limits import ARTWORK_LIMIT_BYTES, RELEASE_LIMIT_BYTES
from ddexkit.regularfile import open_regular, read_bytes

if TYPE_CHECKING:
    import zipfile

MESSAGE_SUFFIXES = (".xml", ".zip")


class InputError(Exception):
    """A path the user gave cannot be used at all (does not exist, cannot be read)."""


def as_path(given: str | Path) -> Path:
    """The path a caller gave. A str is always a path; one that holds XML is a mistake that
    would otherwise end in "File name too long", so it is named for what it is, as is a
    source of another type (a list of paths, a bytearray), which pathlib would reject with
    a message about os.PathLike."""
    if isinstance(given, str) and given.lstrip().startswith("<"):
        raise InputError("the source is a str holding XML, and a str is read as a path: pass "
                         "the message as bytes instead (text.encode('utf-8'))")
    if not isinstance(given, (str, os.PathLike)):
        several = " (for several files, pass their folder or one call per file)" if isinstance(
            given, (list, tuple, set)) else ""
        kind = type(given).__name__
        article = "an" if kind[:1] in "aeiou" else "a"
        raise TypeError(f"the source is {article} {kind}: pass one path (a str or "
                        f"Path){several}, or the message as bytes")
    return Path(given)


def read_message_file(given: str | Path, limit: int) -> tuple[bytes, int]:
    """A message file's first ``limit + 1`` bytes and its size, for callers that need the
    bytes up front (``parse``); InputError when the file is missing or not a regular file."""
    path = as_path(given)
    try:
        return read_bytes(path, limit)
    except FileNotFoundError as error:
        raise InputError(f"{path}: no such file or directory") from error
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from error


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageSource:
    """One input message: a path on disk (``.xml`` or ``.zip``) or bytes from the API."""

    path: Path | None
    data: bytes | None = None
    # How bytes are named in the report ("-" for standard input); None: unnamed bytes.
    name: str | None = None

    @property
    def display(self) -> str | None:
        return str(self.path) if self.path is not None else self.name

    @property
    def is_zip(self) -> bool:
        return self.path is not None and self.path.suffix.lower() == ".zip"


def _unlistable(error: OSError) -> None:
    """A folder that cannot be listed is a usage problem, never silently skipped."""
    raise InputError(f"{error.filename}: cannot list the folder: {error.strerror or error}")


# Folders a walk never enters: tools' and version control's own files, never deliveries.
DEFAULT_EXCLUDES = (".git", ".venv", "node_modules", "__pycache__")


def _real(path: Path) -> Path | None:
    """The real path, or None for a link loop (Path.resolve raises RuntimeError on one)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def _excluded(relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(relative, pattern)
               for pattern in patterns)


# Told of each file a folder walk leaves out that the user could expect in (a link out of the
# folder): the path and why.
SkipNote = Callable[[Path, str], None]


def _walk(folder: Path, exclude: tuple[str, ...] = (),
          on_skip: SkipNote | None = None) -> Iterator[Path]:
    """Every .xml/.zip below ``folder``, sorted, without following links (no loops): linked
    folders are not entered, and a linked file is taken only when it stays in ``folder``
    (a link out of it is skipped; a loop of links is kept and fails to read as that file's
    issue). ``exclude``: glob patterns matched against a
    file's or folder's name and its path relative to ``folder``."""
    real_root = _real(folder)
    patterns = DEFAULT_EXCLUDES + tuple(exclude)
    for current, folders, files in os.walk(folder, onerror=_unlistable, followlinks=False):
        base = Path(current).relative_to(folder)
        folders[:] = sorted(name for name in folders
                            if not _excluded((base / name).as_posix(), name, patterns))
        for name in sorted(files):
            if not name.lower().endswith(MESSAGE_SUFFIXES) or name.startswith("."):
                continue
            if _excluded((base / name).as_posix(), name, patterns):
                continue
            path = Path(current) / name
            if path.is_symlink():
                target = _real(path)  # a loop stays in: reading it is that file's ERN001
                if target is not None and real_root is not None and (
                        not target.is_relative_to(real_root)):
                    if on_skip is not None:
                        on_skip(path, f"a link to {target}, outside {folder}; not followed")
                    continue
            yield path


def expand_paths(paths: list[str | Path], *, exclude: tuple[str, ...] = (),
                 on_skip: SkipNote | None = None) -> list[MessageSource]:
    """Sources for paths given by the user, in the order given (folders expanded, sorted,
    skipping ``DEFAULT_EXCLUDES`` and the ``exclude`` globs; ``on_skip`` hears of each link
    out of a folder that is not followed).

    Raises InputError for a path that does not exist.
    """
    sources: list[MessageSource] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            sources.extend(MessageSource(path=found)
                           for found in _walk(path, tuple(exclude), on_skip))
        elif path.exists() or path.is_symlink():
            sources.append(MessageSource(path=path))
        else:
            raise InputError(f"{path}: no such file or directory")
    return sources


# Zip-bomb gates, checked from the central directory before an entry is read. No file the
# distributor takes is larger than 50 MB (artwork); a release ZIP is at most 50,000 KB, so its
# entries cannot honestly expand to more than a few times that.
MAX_ENTRY_BYTES = ARTWORK_LIMIT_BYTES
MAX_EXPANDED_BYTES = 4 * RELEASE_LIMIT_BYTES
MAX_ENTRY_RATIO = 100
# A release ZIP holds its ERN and its files: tens of entries. The central directory is read
# whole by zipfile before any gate, so its size and entry count are checked first, from the
# end-of-central-directory record (1,000,000 entries in 98 MB took 2.2 GB).
MAX_ZIP_ENTRIES = 10_000
MAX_CENTRAL_DIRECTORY_BYTES = 4 * 1024 * 1024
# Below this size a high ratio is harmless (a small, repetitive XML), so it is not a bomb.
RATIO_FLOOR_BYTES = 1_048_576


@dataclass(frozen=True, slots=True, kw_only=True)
class ZipEntry:
    """One entry of a ZIP: its name and sizes, as the central directory gives them.

    ``name`` is what zipfile makes of it (cut at the first NUL), ``stored_name`` the name as
    stored: a NUL in it hides the rest from some tools and not from others."""

    name: str
    size: int
    compressed_size: int
    is_link: bool = False
    encrypted: bool = False
    stored_name: str = ""

    @property
    def shown_name(self) -> str:
        return self.stored_name or self.name

    @property
    def has_empty_name(self) -> bool:
        return not self.name

    @property
    def has_nul(self) -> bool:
        return "\0" in self.stored_name

    @property
    def has_backslash(self) -> bool:
        """A backslash is a folder separator when unpacked on Windows; APPNOTE allows only /."""
        return "\\" in self.name

    @property
    def is_absolute(self) -> bool:
        return self.name.startswith(("/", "\\")) or self.has_drive_letter

    @property
    def has_drive_letter(self) -> bool:
        return len(self.name) > 1 and self.name[1] == ":"

    @property
    def has_parent_step(self) -> bool:
        return ".." in self.name.replace("\\", "/").split("/")

    @property
    def ratio(self) -> float:
        return self.size / max(self.compressed_size, 1)

    @property
    def over_limits(self) -> bool:
        """Whether reading it could expand past what any honest entry holds (zip bomb)."""
        return self.size > MAX_ENTRY_BYTES or (
            self.size > RATIO_FLOOR_BYTES and self.ratio > MAX_ENTRY_RATIO
        )

    @property
    def unsafe(self) -> bool:
        return (self.has_empty_name or self.has_nul or self.has_backslash or self.is_absolute
                or self.has_parent_step or self.is_link or self.encrypted)


def collision_key(name: str) -> str:
    """What a name becomes on the file systems a ZIP is commonly unpacked on: macOS and
    Windows ignore case and (APFS, HFS+) Unicode normalisation, so 'Cover.jpg' and 'cover.jpg',
    or 'é' composed and decomposed, land on one file."""
    return unicodedata.normalize("NFC", name).casefold()


@dataclass(frozen=True, slots=True, kw_only=True)
class PackageFacts:
    """What a ZIP package holds: its entries and, when there is exactly one, the ERN's bytes."""

    path: Path
    entries: tuple[ZipEntry, ...] = ()
    message_names: tuple[str, ...] = ()
    message_bytes: bytes | None = None
    message_size: int = 0
    not_a_zip: str | None = None
    zip_size: int = 0

    @property
    def message_name(self) -> str | None:
        return self.message_names[0] if len(self.message_names) == 1 else None

    @property
    def duplicate_names(self) -> tuple[str, ...]:
        seen: set[str] = set()
        twice: list[str] = []
        for entry in self.entries:
            if entry.name in seen and entry.name not in twice:
                twice.append(entry.name)
            seen.add(entry.name)
        return tuple(twice)

    @property
    def collisions(self) -> tuple[tuple[str, ...], ...]:
        """Groups of different names that are one file once unpacked (case, Unicode
        normalisation), in the order they first appear; an exact duplicate is in
        ``duplicate_names`` instead."""
        groups: dict[str, list[str]] = {}
        for entry in self.entries:
            group = groups.setdefault(collision_key(entry.name), [])
            if entry.name not in group:
                group.append(entry.name)
        return tuple(tuple(group) for group in groups.values() if len(group) > 1)

    @property
    def expanded_size(self) -> int:
        return sum(entry.size for entry in self.entries)

    @property
    def nested_zips(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.entries if e.name.lower().endswith(".zip"))


def _is_message_entry(name: str) -> bool:
    parts = name.split("/")
    return (
        name.lower().endswith(".xml")
        and "__MACOSX" not in parts
        and not parts[-1].startswith(".")
    )


def _entry(info: zipfile.ZipInfo) -> ZipEntry:
    mode = info.external_attr >> 16
    return ZipEntry(
        name=info.filename,
        size=info.file_size,
        compressed_size=info.compress_size,
        is_link=info.create_system == 3 and stat.S_ISLNK(mode),
        encrypted=bool(info.flag_bits & 0x1),
        stored_name=info.orig_filename,
    )


_END_RECORD = struct.Struct("<4s4H2LH")  # end of central directory, signature PK\x05\x06
_ZIP64_LOCATOR = struct.Struct("<4sLQL")  # signature PK\x06\x07, just before the end record
_ZIP64_END_RECORD = struct.Struct("<4sQ2H2L4Q")  # signature PK\x06\x06


def central_directory_extent(handle: IO[bytes]) -> tuple[int, int] | None:
    """The entry count and central-directory size a ZIP declares, read from its last 64 KB
    (and its ZIP64 record); None when no end record is found (zipfile then says why)."""
    size = handle.seek(0, os.SEEK_END)
    tail_start = max(0, size - (_END_RECORD.size + 0xFFFF))
    handle.seek(tail_start)
    tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _END_RECORD.size > len(tail):
        return None
    fields = _END_RECORD.unpack_from(tail, at)
    entries, directory_bytes = fields[4], fields[5]
    locator_at = at - _ZIP64_LOCATOR.size
    if locator_at >= 0 and tail[locator_at:locator_at + 4] == b"PK\x06\x07":
        record_offset = _ZIP64_LOCATOR.unpack_from(tail, locator_at)[2]
        handle.seek(record_offset)
        record = handle.read(_ZIP64_END_RECORD.size)
        if len(record) == _ZIP64_END_RECORD.size and record[:4] == b"PK\x06\x06":
            zip64 = _ZIP64_END_RECORD.unpack(record)
            entries, directory_bytes = zip64[7], zip64[8]
    return entries, directory_bytes


def _too_big_to_list(handle: IO[bytes]) -> str | None:
    extent = central_directory_extent(handle)
    handle.seek(0)
    if extent is None:
        return None
    entries, directory_bytes = extent
    if entries > MAX_ZIP_ENTRIES or directory_bytes > MAX_CENTRAL_DIRECTORY_BYTES:
        return (f"the ZIP declares {entries:,} entries in a central directory of "
                f"{directory_bytes:,} bytes; ddexkit lists at most {MAX_ZIP_ENTRIES:,} entries "
                f"({MAX_CENTRAL_DIRECTORY_BYTES:,} bytes): a release ZIP holds its ERN and files")
    return None


def read_package(path: Path, message_limit: int) -> PackageFacts:
    """List a ZIP's entries and read its one ERN (at most ``message_limit + 1`` bytes)."""
    import zipfile

    try:
        with open_regular(path) as handle:
            refusal = _too_big_to_list(handle)
            if refusal is not None:
                return PackageFacts(path=path, not_a_zip=refusal)
            with zipfile.ZipFile(handle) as archive:
                zip_size = os.fstat(handle.fileno()).st_size
                # Not ZipInfo.is_dir(): it indexes the name, and an entry's name can be empty.
                infos = [i for i in archive.infolist() if not i.filename.endswith("/")]
                entries = tuple(_entry(i) for i in infos)
                names = tuple(i.filename for i in infos if _is_message_entry(i.filename))
                facts = PackageFacts(path=path, entries=entries, message_names=names,
                                     zip_size=zip_size)
                message = next((e for e in entries if e.name in names), None)
                if (len(names) != 1 or message is None or message.unsafe or message.over_limits
                        or facts.expanded_size > MAX_EXPANDED_BYTES):
                    return facts  # nothing is read from a ZIP that fails the gates
                info = archive.getinfo(names[0])
                with archive.open(info) as entry:
                    data = entry.read(message_limit + 1)
                return PackageFacts(
                    path=path,
                    entries=entries,
                    message_names=names,
                    message_bytes=data,
                    message_size=info.file_size,
                    zip_size=zip_size,
                )
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError,
            EOFError, zlib.error) as error:  # a damaged entry fails only when read
        return PackageFacts(path=path, not_a_zip=getattr(error, "strerror", None) or str(error))


@dataclass(frozen=True, slots=True, kw_only=True)
class AssetLookup:
    """Whether a file the ERN names is at hand: ``found``, or ``refused`` (why it is not read:
    its path leaves the assets folder, a link points out of it, an unsafe or oversized ZIP
    entry), else missing."""

    name: str
    found: bool = False
    size: int = 0
    refused: str | None = None


class AssetStore(Protocol):
    """Read-only access to the files of a release: a folder or the ZIP being validated."""

    def lookup(self, name: str) -> AssetLookup: ...

    def open(self, name: str) -> IO[bytes]: ...

    def local_file(self, name: str) -> Path | None:
        """The file on disk that ``name`` is (for the digest cache), None in a ZIP."""
        ...

    def names(self) -> tuple[str, ...]: ...

    def close(self) -> None: ...


def _leaves_root(name: str) -> bool:
    posix = name.replace("\\", "/")
    return posix.startswith("/") or (len(posix) > 1 and posix[1] == ":") or (
        ".." in PurePosixPath(posix).parts
    )


def _is_listed_asset(name: str) -> bool:
    """ERN XML files and hidden/OS files are not assets (nor candidates for AST802)."""
    parts = name.split("/")
    return (
        not name.lower().endswith(".xml")
        and "__MACOSX" not in parts
        and not any(p.startswith(".") for p in parts)
    )


class FolderAssets:
    """Files under ``root``. A name that leaves the folder, or a link that points out of it,
    is refused, never followed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        real = _real(root)
        if real is None:
            raise InputError(f"{root}: the assets folder is a loop of symbolic links")
        self._real_root = real

    def _path(self, name: str) -> Path | str:
        if _leaves_root(name):
            return "its path leaves the assets folder; ddexkit does not follow it"
        candidate = self.root / name.replace("\\", "/")
        real = _real(candidate)
        if real is None:
            return "it is a loop of symbolic links; ddexkit does not follow it"
        if not real.is_relative_to(self._real_root):
            return "it is a link that points outside the assets folder; ddexkit does not follow it"
        return candidate

    def lookup(self, name: str) -> AssetLookup:
        path = self._path(name)
        if isinstance(path, str):
            return AssetLookup(name=name, refused=path)
        try:
            info = path.stat()
        except OSError:
            return AssetLookup(name=name)
        if not stat.S_ISREG(info.st_mode):
            return AssetLookup(name=name)
        return AssetLookup(name=name, found=True, size=info.st_size)

    def open(self, name: str) -> IO[bytes]:
        path = self._path(name)
        if isinstance(path, str):
            raise OSError(f"{name}: {path}")
        return path.open("rb")

    def local_file(self, name: str) -> Path | None:
        path = self._path(name)
        return None if isinstance(path, str) else _real(path)

    def names(self) -> tuple[str, ...]:
        found = []
        for current, folders, files in os.walk(self.root, followlinks=False):
            folders.sort()
            base = Path(current).relative_to(self.root)
            for name in sorted(files):
                relative = (base / name).as_posix()
                if _is_listed_asset(relative):
                    found.append(relative)
        return tuple(found)

    def close(self) -> None:
        return None


class ZipAssets:
    """Entries of the ZIP being validated, streamed from the archive (never extracted).
    Unsafe entries and entries over the bomb limits are refused."""

    def __init__(self, package: PackageFacts) -> None:
        import zipfile

        self.package = package
        self._archive = zipfile.ZipFile(package.path)
        self._entries: dict[str, ZipEntry] = {}
        for entry in package.entries:
            self._entries.setdefault(entry.name, entry)
        self._refused = set(package.duplicate_names)
        self._refused.update(name for group in package.collisions for name in group)

    def lookup(self, name: str) -> AssetLookup:
        entry = self._entries.get(name)
        if entry is None:
            return AssetLookup(name=name)
        if entry.unsafe or name in self._refused:
            return AssetLookup(name=name, size=entry.size,
                               refused="its ZIP entry is unsafe (see AST817)")
        if entry.over_limits or self.package.expanded_size > MAX_EXPANDED_BYTES:
            return AssetLookup(name=name, size=entry.size,
                               refused="its ZIP entry exceeds the size limits (see AST819)")
        return AssetLookup(name=name, found=True, size=entry.size)

    def open(self, name: str) -> IO[bytes]:
        if not self.lookup(name).found:
            raise OSError(f"{name}: not readable from the ZIP")
        return self._archive.open(name)

    def local_file(self, name: str) -> Path | None:
        return None  # an entry of the archive, not a file of its own: hashed when read

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(n for n in self._entries if n and _is_listed_asset(n)))

    def close(self) -> None:
        self._archive.close()
