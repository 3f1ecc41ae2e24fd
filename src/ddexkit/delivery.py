"""Delivery plans: how a validated release reaches the distributor's API within its limits.

The API takes a release as one ZIP of at most 50,000 KB (POST /api/v1/release), artwork of at
most 50 MB on its own (POST /api/v1/release/image) and files of at most 10 MB
(POST /api/v1/file/upload), which we read as a chunked upload: a larger file travels as
consecutive parts under one upload_id, the last with is_last. A real album does not fit one
ZIP, so the plan says which payload goes to which endpoint, in which order, with sizes and
digests (docs/delivery-plan.md). Audio is never copied into parts: a step names a byte range
of the original file. The plan is deterministic: the same inputs give the same plan, with
upload_ids derived from the content.

It sits above the packager: the packager validates a release and writes the ZIP of the
members it is given; the plan chooses those members.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ddexkit.config import Config
from ddexkit.digestcache import DigestMemo
from ddexkit.domain.catalog import Catalog
from ddexkit.limits import ARTWORK_LIMIT_BYTES, FILE_UPLOAD_LIMIT_BYTES, RELEASE_LIMIT_BYTES
from ddexkit.media import hash_stream
from ddexkit.outputfile import open_output, refuse_inputs
from ddexkit.packager import (
    Member,
    PackageError,
    PackageResult,
    Release,
    WrittenFile,
    check_as_validated,
    digest_file,
    hashed_when_validated,
    refuse_overwriting,
    validate_release,
    write_release_zip,
    zip_into,
)
from ddexkit.report import Report

PLAN_VERSION = 1
RELEASE_ENDPOINT = "/api/v1/release"
IMAGE_ENDPOINT = "/api/v1/release/image"
UPLOAD_ENDPOINT = "/api/v1/file/upload"
_DIGESTS = ("md5", "sha256")


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One request of the delivery: ``bytes`` bytes of ``source`` from ``offset``, sent as
    form field ``field`` to ``method`` ``endpoint``. Audio parts carry their upload session
    (``upload_id``, ``part`` of ``parts``, ``is_last``) and the ``track`` (ISRC) they belong
    to; replacements of an update carry ``track_id`` and ``replaces``."""

    method: str
    endpoint: str
    field: str
    payload: str  # "release" (the ZIP), "update" (the ERN), "artwork" or "audio"
    source: str
    offset: int
    bytes: int
    md5: str
    sha256: str
    upload_id: str | None = None
    part: int | None = None
    parts: int | None = None
    is_last: bool | None = None
    track: str | None = None
    track_id: str | None = None
    replaces: bool | None = None

    def to_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "method": self.method, "endpoint": self.endpoint, "field": self.field,
            "payload": self.payload, "source": self.source, "offset": self.offset,
            "bytes": self.bytes, "md5": self.md5, "sha256": self.sha256}
        if self.upload_id is not None:
            found.update(upload_id=self.upload_id, part=self.part, parts=self.parts,
                         is_last=self.is_last, track=self.track)
        if self.track_id is not None:
            found.update(track_id=self.track_id, replaces=self.replaces)
        return found


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryPlan:
    """The release (ICPN, title, and for an update its release_id), where its files are
    (``assets``, relative to the plan's folder) and the steps in the order they are sent."""

    icpn: str | None
    title: str | None
    release_id: str | None
    audio_upload: str
    assets: str
    steps: tuple[Step, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "plan_version": PLAN_VERSION,
            "release": {"icpn": self.icpn, "title": self.title, "release_id": self.release_id},
            "audio_upload": self.audio_upload,
            "assets": self.assets,
            "steps": [{"step": number, **step.to_dict()}
                      for number, step in enumerate(self.steps, start=1)],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanResult:
    """The validation report and, when it had no error, the plan."""

    report: Report
    plan: DeliveryPlan | None = None

    def to_dict(self) -> dict[str, object]:
        return {"plan": None if self.plan is None else self.plan.to_dict(),
                "report": self.report.to_dict()}


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryResult(PackageResult):
    """What ``package`` wrote: the release ZIP and, when the release did not fit it, the plan
    file beside it. ``plan`` is the delivery plan in either case (one step when it fits)."""

    plan: DeliveryPlan | None = None
    plan_output: WrittenFile | None = None

    def to_dict(self) -> dict[str, object]:
        return {**PackageResult.to_dict(self),
                "plan": None if self.plan is None else self.plan.to_dict(),
                "plan_file": None if self.plan_output is None else self.plan_output.to_dict()}


def plan_path(release_zip: str | Path) -> Path:
    """Where ``package`` writes the plan beside the release ZIP: OUT.zip → OUT.plan.json."""
    return Path(release_zip).with_suffix(".plan.json")


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return path.absolute().as_posix()


def _layout(release: Release) -> tuple[list[Member], list[Member], list[Member]]:
    """(in the release ZIP, through the image endpoint, uploaded as files). Everything in the
    ZIP when it fits (or when a single ZIP was asked for); else the ERN and the files that are
    neither audio nor artwork, then each artwork file while the ZIP still fits."""
    members = list(release.members)
    if release.config.single_zip or release.zip_size(members) <= RELEASE_LIMIT_BYTES:
        return members, [], []
    audio = [m for m in members if m.kind == "SoundRecording"]
    images = [m for m in members if m.kind == "Image"]
    in_zip = [m for m in members if m not in audio and m not in images]
    size = release.zip_size(in_zip)
    if size > RELEASE_LIMIT_BYTES:
        raise PackageError(f"{release.ern}: the ERN with its files that are neither audio nor "
                           f"artwork makes a ZIP of {size:,} bytes, over the 50,000 KB limit "
                           f"({RELEASE_LIMIT_BYTES:,} bytes), and no other endpoint takes "
                           "them; make those files smaller or deliver them separately")
    separate = []
    for image in images:
        if release.zip_size([*in_zip, image]) <= RELEASE_LIMIT_BYTES:
            in_zip.append(image)
        else:
            separate.append(image)
    return sorted(in_zip, key=lambda m: m.name), separate, audio


def _whole_step(method: str, endpoint: str, field: str, payload: str, path: Path,
                source: str, validated: DigestMemo | None = None) -> Step:
    written = digest_file(path, validated=validated)
    return Step(method=method, endpoint=endpoint, field=field, payload=payload, source=source,
                offset=0, bytes=written.size, md5=written.md5, sha256=written.sha256)


def _artwork_step(release: Release, image: Member) -> Step:
    if image.size > ARTWORK_LIMIT_BYTES:  # AST808 says so, unless it was switched off
        raise PackageError(f"{release.assets / image.name}: AST808: {image.size:,} bytes, over "
                           f"the 50 MB artwork limit ({ARTWORK_LIMIT_BYTES:,} bytes); no "
                           "endpoint takes it; save it as a JPEG of 3000×3000 pixels")
    return _whole_step("POST", IMAGE_ENDPOINT, "artwork", "artwork", release.assets / image.name,
                       image.name, release.validated)


def _audio_steps(release: Release, audio: Member, *, icpn: str | None,
                 track_id: str | None = None) -> list[Step]:
    """The file as consecutive parts of at most 10 MB under one upload session, each with its
    digests, in one read of the file."""
    if release.config.audio_upload == "whole" and audio.size > FILE_UPLOAD_LIMIT_BYTES:
        raise PackageError(f"{release.assets / audio.name}: AST812: {audio.size:,} bytes, over "
                           f"the whole-file upload limit of 10 MB ({FILE_UPLOAD_LIMIT_BYTES:,} "
                           "bytes); upload it in parts (--audio-upload parts) or make it smaller")
    count = max(1, -(-audio.size // FILE_UPLOAD_LIMIT_BYTES))
    whole = hashlib.sha256()
    ranges: list[tuple[int, int, dict[str, str]]] = []
    path = release.assets / audio.name
    before = hashed_when_validated(path, release.validated)
    with path.open("rb") as reader:
        for number in range(count):
            offset = number * FILE_UPLOAD_LIMIT_BYTES
            length = min(FILE_UPLOAD_LIMIT_BYTES, audio.size - offset)
            sums = hash_stream(reader, _DIGESTS, limit=length, sink=whole.update)
            if reader.tell() != offset + length:
                raise PackageError(f"{release.assets / audio.name}: changed while it was being "
                                   "planned; plan again once it is complete")
            ranges.append((offset, length, sums))
    check_as_validated(path, before, whole.hexdigest())
    seed = "\n".join((icpn or "", audio.name, whole.hexdigest(), track_id or ""))
    upload_id = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]
    return [Step(method="POST", endpoint=UPLOAD_ENDPOINT, field="file", payload="audio",
                 source=audio.name, offset=offset, bytes=length, md5=sums["md5"],
                 sha256=sums["sha256"], upload_id=upload_id, part=number, parts=count,
                 is_last=number == count, track=audio.isrc, track_id=track_id,
                 replaces=True if track_id is not None else None)
            for number, (offset, length, sums) in enumerate(ranges, start=1)]


def _plan(release: Release, steps: Sequence[Step], *, base: Path,
          release_id: str | None = None) -> DeliveryPlan:
    summary = release.report.files[0].summary
    return DeliveryPlan(icpn=summary.upc if summary else None,
                        title=summary.title if summary else None, release_id=release_id,
                        audio_upload=release.config.audio_upload,
                        assets=_relative(release.assets, base), steps=tuple(steps))


def _split_steps(release: Release, separate: Sequence[Member],
                 audio: Sequence[Member]) -> list[Step]:
    summary = release.report.files[0].summary
    icpn = summary.upc if summary else None
    steps = [_artwork_step(release, image) for image in separate]
    for track in audio:
        steps.extend(_audio_steps(release, track, icpn=icpn))
    return steps


def _release_step(written: WrittenFile, source: str) -> Step:
    return Step(method="POST", endpoint=RELEASE_ENDPOINT, field="file", payload="release",
                source=source, offset=0, bytes=written.size, md5=written.md5,
                sha256=written.sha256)


def _update_steps(release: Release, release_id: str, replace: Mapping[str, str],
                  base: Path) -> list[Step]:
    summary = release.report.files[0].summary
    icpn = summary.upc if summary else None
    steps = [_whole_step("PUT", f"{RELEASE_ENDPOINT}/{release_id}", "file", "update",
                         release.ern, _relative(release.ern, base))]
    audio = {m.isrc: m for m in release.members if m.kind == "SoundRecording" and m.isrc}
    for isrc, track_id in sorted(replace.items()):
        if isrc not in audio:
            raise PackageError(f"--replace {isrc}={track_id}: no SoundRecording with ISRC {isrc} "
                               f"names an audio file in {release.ern}; name one of "
                               f"{', '.join(sorted(audio)) or 'its tracks'}")
        steps.extend(_audio_steps(release, audio[isrc], icpn=icpn, track_id=track_id))
    return steps


def plan(
    ern: str | Path,
    *,
    assets: str | Path,
    schema_dir: str | Path | None = None,
    config: Config | None = None,
    catalog: str | Path | Catalog | None = None,
    release_zip: str | None = None,
    relative_to: str | Path | None = None,
    update: str | None = None,
    replace: Mapping[str, str] | None = None,
) -> PlanResult:
    """Validate ``ern`` with the files under ``assets``; without errors, plan its delivery.

    The release ZIP step names ``release_zip`` (default: the ERN's name with .zip), the ZIP
    ``package`` writes, with the digests it will have; paths in the plan are relative to
    ``relative_to`` (the plan file's folder; default: the working directory). With
    ``update`` (a release_id), the plan is the updated ERN sent with PUT, then the audio of
    each track in ``replace`` (ISRC → the distributor's track_id) in parts. Raises
    PackageError where no plan can exist, as ``package`` does.
    """
    report, release = validate_release(ern, assets=assets, schema_dir=schema_dir, config=config,
                                       catalog=catalog)
    if release is None:
        return PlanResult(report=report)
    base = Path(relative_to) if relative_to is not None else Path.cwd()
    if update is not None:
        steps = _update_steps(release, update, replace or {}, base)
        return PlanResult(report=report, plan=_plan(release, steps, base=base,
                                                    release_id=update))
    in_zip, separate, audio = _layout(release)
    # The ZIP is built (in an anonymous temporary file, gone when closed) to know its digests:
    # it holds the ERN and what fits, never more than 50,000 KB.
    with tempfile.TemporaryFile() as scratch:
        zip_into(scratch, release, in_zip)
        scratch.seek(0)
        sums = hash_stream(scratch, _DIGESTS)
        size = scratch.tell()
    name = release_zip or Path(ern).with_suffix(".zip").name
    steps = [_release_step(WrittenFile(name=name, size=size, md5=sums["md5"],
                                       sha256=sums["sha256"]), name),
             *_split_steps(release, separate, audio)]
    return PlanResult(report=report, plan=_plan(release, steps, base=base))


def package(
    ern: str | Path,
    *,
    assets: str | Path,
    output: str | Path,
    schema_dir: str | Path | None = None,
    config: Config | None = None,
    catalog: str | Path | Catalog | None = None,
    overwrite: bool = False,
) -> DeliveryResult:
    """Validate ``ern`` with the files under ``assets``; without errors, write the release ZIP
    to ``output``. When the release fits one ZIP of 50,000 KB it is that ZIP, as it always
    was; when it does not, the ZIP holds the ERN and what fits, and the delivery plan is
    written beside it (``plan_path``). With ``single_zip`` in the configuration a release that
    does not fit is AST816 instead. With errors, nothing is written and the result carries
    only the report. Raises PackageError when ``ern`` is not an ERN XML file, when an output
    exists (and not ``overwrite``) or no delivery can exist, and OutputError when an output is
    the ERN, one of the assets or inside the asset folder, or cannot be written (then nothing
    is left behind and an old file there is whole)."""
    target = Path(output)
    if target.exists() and not overwrite:
        raise PackageError(f"{target} already exists; choose another --output")
    report, release = validate_release(ern, assets=assets, schema_dir=schema_dir, config=config,
                                       catalog=catalog)
    if release is None:
        return DeliveryResult(report=report)
    base = target.absolute().parent
    in_zip, separate, audio = _layout(release)
    if not separate and not audio:
        written = write_release_zip(target, release, in_zip, overwrite=overwrite)
        assert written.output is not None
        steps = [_release_step(written.output, target.name)]
        return DeliveryResult(report=report, output=written.output, entries=written.entries,
                              plan=_plan(release, steps, base=base))
    plan_file = plan_path(target)
    refuse_overwriting(plan_file, release, overwrite=overwrite)
    refuse_inputs(plan_file, [(target, "the release ZIP")])
    later = _split_steps(release, separate, audio)  # before any write: it may refuse
    written = write_release_zip(target, release, in_zip, overwrite=overwrite)
    assert written.output is not None
    delivery = _plan(release, [_release_step(written.output, target.name), *later], base=base)
    text = delivery.to_json().encode("utf-8")
    try:
        with open_output(plan_file, "the delivery plan", overwrite=overwrite) as stream:
            stream.write(text)
    except BaseException:  # a ZIP without its plan delivers half a release: take it back
        target.unlink(missing_ok=True)
        raise
    return DeliveryResult(report=report, output=written.output, entries=written.entries,
                          plan=delivery, plan_output=digest_file(plan_file, str(plan_file)))
