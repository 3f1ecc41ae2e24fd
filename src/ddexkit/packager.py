"""package(): validate an ERN with its files, then write the release ZIP the ingest takes.

Nothing is written unless validation finds no error. The ZIP is deterministic (fixed
timestamps and attributes, sorted entries, ERN first at the root), media are stored (they are
compressed already) and the ERN deflated. It is written to a temporary file beside the target
and renamed into place, so an interrupted run leaves no partial ZIP. Inputs are only read.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ddexkit.config import Config
from ddexkit.domain.catalog import Catalog
from ddexkit.engine import resolve_settings, validate_sources
from ddexkit.inputs import FolderAssets, MessageSource
from ddexkit.limits import RELEASE_LIMIT_BYTES
from ddexkit.outputfile import open_output, refuse_inputs, same_file_key
from ddexkit.parser import parse
from ddexkit.report import Report

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o644 << 16
_CHUNK = 1 << 20


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


def _info(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = compress
    info.external_attr = _FILE_MODE
    info.create_system = 3
    return info


def _copy(archive: zipfile.ZipFile, name: str, source: Path, compress: int) -> WrittenFile:
    """Stream ``source`` into the archive, hashing it on the way (one read)."""
    md5, sha256 = hashlib.md5(), hashlib.sha256()
    info = _info(name, compress)
    info.file_size = source.stat().st_size
    with source.open("rb") as reader, archive.open(info, "w") as writer:
        while chunk := reader.read(_CHUNK):
            md5.update(chunk)
            sha256.update(chunk)
            writer.write(chunk)
    return WrittenFile(name=name, size=info.file_size, md5=md5.hexdigest(),
                       sha256=sha256.hexdigest())


def _digest(path: Path) -> WrittenFile:
    md5, sha256 = hashlib.md5(), hashlib.sha256()
    with path.open("rb") as reader:
        while chunk := reader.read(_CHUNK):
            md5.update(chunk)
            sha256.update(chunk)
    return WrittenFile(name=path.name, size=path.stat().st_size, md5=md5.hexdigest(),
                       sha256=sha256.hexdigest())


def _referenced(ern: Path) -> list[str]:
    message = parse(ern)
    names = {file.package_path for resource in message.resources
             for file in resource.iter_files() if file.package_path is not None}
    return sorted(names)


def package(
    ern: str | Path,
    *,
    assets: str | Path,
    output: str | Path,
    schema_dir: str | Path | None = None,
    config: Config | None = None,
    catalog: str | Path | Catalog | None = None,
    overwrite: bool = False,
) -> PackageResult:
    """Validate ``ern`` with the files under ``assets``; without errors, write the release ZIP
    to ``output`` and return what was written. With errors, nothing is written and the result
    carries only the report. Raises PackageError when ``ern`` is not an ERN XML file, when
    ``output`` exists (and not ``overwrite``) or the ZIP would exceed 50,000 KB (AST816), and
    OutputError when ``output`` is the ERN, one of the assets or inside the asset folder, or
    cannot be written (then nothing is left behind and an old file there is whole)."""
    ern_path, assets_dir, target = Path(ern), Path(assets), Path(output)
    if zipfile.is_zipfile(ern_path):
        raise PackageError(f"{ern_path}: is a ZIP; give the ERN XML file, and the folder of its "
                           "files as assets: package builds the ZIP")
    if target.exists() and not overwrite:
        raise PackageError(f"{target} already exists; choose another --output")
    settings = resolve_settings(config, schema_dir=schema_dir, catalog=catalog, assets=assets_dir,
                                start=ern_path)
    report = validate_sources([MessageSource(path=ern_path)], settings)
    if report.has_errors:
        return PackageResult(report=report)
    folder = FolderAssets(assets_dir)
    referenced = _referenced(ern_path)
    missing = [name for name in referenced if not folder.lookup(name).found]
    if missing:  # whatever the configuration says of AST801: a ZIP without them is no release
        raise PackageError(f"{assets_dir}: {missing[0]} is referenced by the ERN but not in the "
                           f"asset folder ({len(missing)} missing in all); add the files or fix "
                           "their FileName and FilePath")
    ern_name = PurePosixPath(ern_path.name).name
    members = [name for name in referenced
               if not (name == ern_name and same_file_key(assets_dir / name)
                       == same_file_key(ern_path))]  # the ERN naming itself: one entry
    refuse_inputs(target, [(ern_path, "the ERN being packaged"),
                           *((assets_dir / name, "one of the files being packaged")
                             for name in members)],
                  folders=[(assets_dir, "the asset folder")])
    if ern_name in members:
        raise PackageError(f"{ern_path}: a resource names the ERN's own file {ern_name}; the "
                           "ZIP would hold it twice; rename the resource's file")
    with open_output(target, "the release ZIP", overwrite=overwrite) as stream:
        with zipfile.ZipFile(stream, "w") as archive:
            entries = [_copy(archive, ern_name, ern_path, zipfile.ZIP_DEFLATED)]
            entries.extend(_copy(archive, name, assets_dir / name, zipfile.ZIP_STORED)
                           for name in members)
        size = stream.tell()
        if size > RELEASE_LIMIT_BYTES:
            raise PackageError(f"AST816: the release ZIP would be {size:,} bytes, over "
                               f"the 50,000 KB limit ({RELEASE_LIMIT_BYTES:,} bytes)")
    written = _digest(target)
    return PackageResult(report=report, entries=tuple(entries),
                         output=WrittenFile(name=str(target), size=written.size, md5=written.md5,
                                            sha256=written.sha256))
