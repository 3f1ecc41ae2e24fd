"""The release ZIP the ingest takes: validate an ERN with its files, then write the ZIP.

Nothing is written unless validation finds no error. The ZIP is deterministic (fixed
timestamps and attributes, sorted entries, ERN first at the root), media are stored (they are
compressed already) and the ERN deflated. It is written to a temporary file beside the target
and renamed into place, so an interrupted run leaves no partial ZIP. Inputs are only read.
Each asset is zipped as it was validated: a file that changed since the asset checks hashed it
(a DAW still exporting, a sync client replacing it) stops the package instead of shipping bytes
whose HashSum nobody checked.

Which files go into the ZIP is the delivery plan's choice (ddexkit.plan, the layer above):
here a release is validated (``validate_release``) and a ZIP of the members it is given is
written (``write_release_zip``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import IO

from ddexkit.config import Config
from ddexkit.digestcache import DigestMemo, identity
from ddexkit.domain.catalog import Catalog
from ddexkit.engine import resolve_settings, validate_sources
from ddexkit.inputs import FolderAssets, MessageSource
from ddexkit.limits import RELEASE_LIMIT_BYTES
from ddexkit.media import deflated_size, hash_stream, zip_size_of
from ddexkit.model import Message
from ddexkit.outputfile import open_output, refuse_inputs, same_file_key
from ddexkit.parser import parse
from ddexkit.report import Report

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o644 << 16
_DIGESTS = ("md5", "sha256")


class PackageError(Exception):
    """The package cannot be written (target exists, or the written ZIP exceeds the limit)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WrittenFile:
    """A file written (an entry of the ZIP, or the ZIP): name, size and sums."""

    name: str
    size: int
    md5: str
    sha256: str

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "size": self.size, "md5": self.md5, "sha256": self.sha256}


@dataclass(frozen=True, slots=True, kw_only=True)
class PackageResult:
    """The validation report and, when it had no error, what was written."""

    report: Report
    output: WrittenFile | None = None
    entries: tuple[WrittenFile, ...] = ()

    @property
    def written(self) -> bool:
        return self.output is not None

    def to_dict(self) -> dict[str, object]:
        return {
            "package": None if self.output is None else {
                **self.output.to_dict(), "entries": [e.to_dict() for e in self.entries]},
            "report": self.report.to_dict(),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """A file the ERN references, once: its path in the package, its size, the kind of
    resource naming it (SoundRecording, Image…) and that resource's ISRC."""

    name: str
    size: int
    kind: str
    isrc: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    """A release that validated without error, with everything needed to deliver it."""

    report: Report
    message: Message
    ern: Path
    ern_name: str  # the ERN's entry name at the root of the ZIP
    ern_deflated: int  # the ERN's size deflated, as in the ZIP
    assets: Path
    members: tuple[Member, ...]  # sorted by name; the ERN itself is never one
    config: Config  # the configuration it was validated with (its delivery mode)
    validated: DigestMemo  # what each asset was, and its digests, when it was checked

    def zip_size(self, members: Iterable[Member]) -> int:
        """Bytes of the ZIP of the ERN and these members, as write_release_zip writes it."""
        return zip_size_of([(self.ern_name, self.ern_deflated),
                            *((m.name, m.size) for m in members)])

    def inputs(self) -> list[tuple[Path, str]]:
        """The files an output must never be (path, what it is)."""
        return [(self.ern, "the ERN being packaged"),
                *((self.assets / m.name, "one of the files being packaged")
                  for m in self.members)]


def _info(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = compress
    info.external_attr = _FILE_MODE
    info.create_system = 3
    return info


def hashed_when_validated(source: Path, validated: DigestMemo | None) -> dict[str, str]:
    """The digests ``source`` had when the asset checks read it (none for a file they did not
    hash, such as the ERN). Raises PackageError when it has changed since."""
    if validated is None:
        return {}
    real = source.resolve()
    before = validated.hashed(real)
    if before is None:
        return {}
    seen, digests = before
    if identity(real) != seen:
        raise changed_since_validated(source)
    return digests


def check_as_validated(source: Path, before: dict[str, str], sha256: str) -> None:
    """PackageError unless ``sha256``, read now, is the one the asset checks read (when they
    read one: ``before`` is ``hashed_when_validated``'s)."""
    if "sha256" in before and sha256 != before["sha256"]:
        raise changed_since_validated(source)


def changed_since_validated(source: Path) -> PackageError:
    return PackageError(f"{source}: changed after it was validated; package again once it is "
                        "complete (the HashSum and technical details were checked on the file "
                        "as it was)")


def _copy(archive: zipfile.ZipFile, name: str, source: Path, compress: int,
          validated: DigestMemo | None = None) -> WrittenFile:
    """Stream ``source`` into the archive, hashing it on the way (one read), and check that
    it is the file that was validated: its SHA-256 then and now. The MD5 the checks computed
    is taken as it is (it is the slower digest, and the equal SHA-256 vouches for it)."""
    info = _info(name, compress)
    info.file_size = source.stat().st_size
    before = hashed_when_validated(source, validated)
    wanted = ("sha256",) if "md5" in before and "sha256" in before else _DIGESTS
    with source.open("rb") as reader, archive.open(info, "w") as writer:
        sums = hash_stream(reader, wanted, sink=writer.write)
    check_as_validated(source, before, sums["sha256"])
    return WrittenFile(name=name, size=info.file_size, md5=sums.get("md5") or before["md5"],
                       sha256=sums["sha256"])


def digest_file(path: Path, name: str | None = None, *,
                validated: DigestMemo | None = None) -> WrittenFile:
    """Size, MD5 and SHA-256 of a whole file, in one read; with ``validated``, raises
    PackageError when the file is not the one the asset checks read."""
    before = hashed_when_validated(path, validated)
    with path.open("rb") as reader:
        sums = hash_stream(reader, _DIGESTS)
    check_as_validated(path, before, sums["sha256"])
    return WrittenFile(name=path.name if name is None else name, size=path.stat().st_size,
                       md5=sums["md5"], sha256=sums["sha256"])


def _members(message: Message, assets: Path) -> tuple[list[Member], list[str]]:
    """The files the message references, each once and sorted, and those not in the folder."""
    folder = FolderAssets(assets)
    found: dict[str, Member] = {}
    missing: set[str] = set()
    for resource in message.resources:
        for file in resource.iter_files():
            name = file.package_path
            if name is None or name in found or name in missing:
                continue
            lookup = folder.lookup(name)
            if lookup.found:
                found[name] = Member(name=name, size=lookup.size, kind=resource.kind,
                                     isrc=resource.isrc)
            else:
                missing.add(name)
    return sorted(found.values(), key=lambda m: m.name), sorted(missing)


def validate_release(
    ern: str | Path,
    *,
    assets: str | Path,
    schema_dir: str | Path | None = None,
    config: Config | None = None,
    catalog: str | Path | Catalog | None = None,
) -> tuple[Report, Release | None]:
    """Validate ``ern`` with the files under ``assets``: the report, and the release when it
    has no error. Raises PackageError when ``ern`` is a ZIP, when a referenced file is missing
    (whatever the configuration says of AST801: a delivery without it is no release) or when a
    resource names the ERN's own file."""
    ern_path, assets_dir = Path(ern), Path(assets)
    if zipfile.is_zipfile(ern_path):
        raise PackageError(f"{ern_path}: is a ZIP; give the ERN XML file, and the folder of its "
                           "files as assets: package builds the ZIP")
    # the configuration is the working directory's, never one beside the delivered ERN
    settings = resolve_settings(config, schema_dir=schema_dir, catalog=catalog, assets=assets_dir,
                                start=Path.cwd())
    validated = DigestMemo()
    settings = replace(settings, digests=validated)
    report = validate_sources([MessageSource(path=ern_path)], settings)
    if report.has_errors:
        return report, None
    message = parse(ern_path)
    ern_name = PurePosixPath(ern_path.name).name
    referenced, missing = _members(message, assets_dir)
    members = [m for m in referenced
               if not (m.name == ern_name and same_file_key(assets_dir / m.name)
                       == same_file_key(ern_path))]  # the ERN naming itself: one entry
    if missing:
        raise PackageError(f"{assets_dir}: {missing[0]} is referenced by the ERN but not in the "
                           f"asset folder ({len(missing)} missing in all); add the files or fix "
                           "their FileName and FilePath")
    if any(m.name == ern_name for m in members):
        raise PackageError(f"{ern_path}: a resource names the ERN's own file {ern_name}; the "
                           "ZIP would hold it twice; rename the resource's file")
    return report, Release(report=report, message=message, ern=ern_path, ern_name=ern_name,
                           ern_deflated=deflated_size(ern_path.read_bytes()), assets=assets_dir,
                           members=tuple(members), config=settings.config,
                           validated=validated)


def refuse_overwriting(target: Path, release: Release, *, overwrite: bool) -> None:
    """Before anything is written: ``target`` exists (without ``overwrite``), or is one of the
    release's inputs or inside its asset folder (OutputError)."""
    if target.exists() and not overwrite:
        raise PackageError(f"{target} already exists; choose another --output")
    refuse_inputs(target, release.inputs(), folders=[(release.assets, "the asset folder")])


def zip_into(stream: IO[bytes], release: Release, members: Sequence[Member]) -> list[WrittenFile]:
    """Write the deterministic ZIP of the ERN and ``members`` to a seekable stream; return its
    entries."""
    with zipfile.ZipFile(stream, "w") as archive:
        entries = [_copy(archive, release.ern_name, release.ern, zipfile.ZIP_DEFLATED)]
        entries.extend(_copy(archive, m.name, release.assets / m.name, zipfile.ZIP_STORED,
                             release.validated)
                       for m in members)
    return entries


def write_release_zip(target: Path, release: Release, members: Sequence[Member], *,
                      overwrite: bool = False) -> PackageResult:
    """Write the ZIP of the ERN and ``members`` to ``target`` (atomically, never over an
    input) and return what was written. Raises PackageError when ``target`` exists (and not
    ``overwrite``) or the ZIP would exceed 50,000 KB, and OutputError when ``target`` cannot
    be written (then nothing is left behind and an old file there is whole)."""
    refuse_overwriting(target, release, overwrite=overwrite)
    with open_output(target, "the release ZIP", overwrite=overwrite) as stream:
        entries = zip_into(stream, release, members)
        size = stream.tell()
        if size > RELEASE_LIMIT_BYTES:
            raise PackageError(f"AST816: the release ZIP would be {size:,} bytes, over "
                               f"the 50,000 KB limit ({RELEASE_LIMIT_BYTES:,} bytes)")
    return PackageResult(report=release.report, entries=tuple(entries),
                         output=digest_file(target, str(target)))
