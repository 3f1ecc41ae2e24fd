"""Pillow and mutagen probes → ImageFacts / AudioFacts, streamed hash sums, and the AssetFacts
the AST rules judge. Never writes.

Pillow and mutagen are imported inside the probes, so a run that checks no assets never pays
for importing them.
"""

from __future__ import annotations

import struct
import warnings
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO

from ddexkit.digestcache import DigestStore, identity
from ddexkit.domain.hashes import algorithm_name
from ddexkit.domain.mediaformats import LOSSLESS_AUDIO, image_format
from ddexkit.inputs import AssetLookup, AssetStore, PackageFacts
from ddexkit.model import FileRef, Message, Resource, TechnicalDetails

# What reading a file (or a damaged ZIP entry: bad CRC, broken deflate stream, cut short)
# raises, with zipfile.BadZipFile (zipfile is imported where files are examined).
_READ_ERRORS = (OSError, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError)

CHUNK_BYTES = 1 << 20
# Fixed sizes of the ZIP records a package writes (no extra fields, no data descriptors).
_LOCAL_HEADER, _CENTRAL_HEADER, _END_RECORD = 30, 46, 22


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageFacts:
    """What Pillow says about an image. ``format`` uses Pillow's names (JPEG, PNG…)."""

    format: str | None = None
    width: int | None = None
    height: int | None = None
    mode: str | None = None
    has_alpha: bool = False
    bomb: bool = False
    truncated: bool = False
    error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AudioFacts:
    """What mutagen says about audio. ``format`` uses AudioCodecType names (PCM, FLAC, MP3…)."""

    format: str | None = None
    duration: float | None = None
    channels: int | None = None
    sample_rate: int | None = None
    bits_per_sample: int | None = None
    bitrate: int | None = None
    lossless: bool = False
    error: str | None = None


def hash_stream(stream: IO[bytes], algorithms: Iterable[str], *, limit: int | None = None,
                sink: Callable[[bytes], object] | None = None) -> dict[str, str]:
    """Hex digests of the stream's next ``limit`` bytes (all of it without one) for each
    hashlib name, in one read, chunk by chunk (never the whole file in memory). Each chunk also
    goes to ``sink`` (the ZIP entry being written, a whole-file hasher), so copying and hashing
    are one pass: the asset rules, the packager and the delivery plan all hash through here."""
    import hashlib

    hashers = {name: hashlib.new(name) for name in dict.fromkeys(algorithms)}
    remaining = limit
    while remaining is None or remaining > 0:
        chunk = stream.read(CHUNK_BYTES if remaining is None else min(CHUNK_BYTES, remaining))
        if not chunk:
            break
        for hasher in hashers.values():
            hasher.update(chunk)
        if sink is not None:
            sink(chunk)
        if remaining is not None:
            remaining -= len(chunk)
    return {name: hasher.hexdigest() for name, hasher in hashers.items()}


# The formats a distributor accepts for artwork, in Pillow's names. Pillow is only ever asked
# to open these: left to guess, it identifies an EPS (whatever its name) and runs Ghostscript
# on it to decode it, and other plugins are as much attack surface for formats nobody accepts.
ACCEPTED_IMAGE_FORMATS = ("JPEG", "PNG")

# What Pillow raises on a damaged file besides its documented OSError / SyntaxError /
# ValueError: a header cut short (EOFError, struct.error), nonsense sizes (ZeroDivisionError,
# IndexError). Each is that file's fault, reported by AST805, never a crash of the run.
_PILLOW_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, ZeroDivisionError,
                  IndexError)


def probe_image(stream: IO[bytes]) -> ImageFacts:
    """Open with Pillow, as an accepted format only; decompression bombs are refused before
    decoding, then the pixels are decoded once to find a truncated file."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(stream, formats=list(ACCEPTED_IMAGE_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            return ImageFacts(bomb=True, error=str(error))
        except UnidentifiedImageError:
            return ImageFacts(error="Pillow does not recognise it as a JPEG or PNG image")
        except _PILLOW_ERRORS as error:
            return ImageFacts(error=str(error) or type(error).__name__)
        with image:
            width, height = image.size
            mode = image.mode
            facts = ImageFacts(
                format=image_format(image.format or ""),
                width=width,
                height=height,
                mode=mode,
                has_alpha="A" in mode or "transparency" in image.info,
            )
            # A JPEG is decoded at an eighth of its size: its whole data is still read and
            # decoded (what finds a truncated or damaged file), the pixels just not all made,
            # which for 3000×3000 artwork is most of the time. Never ask for a zero size: Pillow
            # divides by it (an image under 8 px).
            try:
                image.draft(mode, (max(1, width // 8), max(1, height // 8)))
                image.load()
            except Image.DecompressionBombWarning as error:
                return ImageFacts(format=facts.format, width=width, height=height, mode=mode,
                                  bomb=True, error=str(error))
            except _PILLOW_ERRORS as error:
                return ImageFacts(format=facts.format, width=width, height=height, mode=mode,
                                  has_alpha=facts.has_alpha, truncated=True,
                                  error=str(error) or type(error).__name__)
    return facts


# The side of the cover a report shows: enough to compare the art with the title and artist.
THUMBNAIL_SIDE = 320


def image_thumbnail(stream: IO[bytes], side: int = THUMBNAIL_SIDE) -> bytes | None:
    """The image as a JPEG of at most ``side``×``side`` pixels, for a report to show the
    cover next to the metadata. Opened as probe_image opens it (accepted formats only, bombs
    refused before decoding, a JPEG decoded at a fraction of its size); None for what cannot
    be shown, whose reason AST805 / AST808 report."""
    import io

    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(stream, formats=list(ACCEPTED_IMAGE_FORMATS)) as image:
                image.draft("RGB", (side, side))
                image.thumbnail((side, side))
                out = io.BytesIO()
                image.convert("RGB").save(out, "JPEG", quality=85)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning,
                UnidentifiedImageError, *_PILLOW_ERRORS):
            return None
    return out.getvalue()


def _audio_format(kind: str, info: object) -> str:
    if kind == "MP3":
        return "MP2" if getattr(info, "layer", 3) == 2 else "MP3"
    if kind in {"WAVE", "AIFF"}:
        return "PCM"
    if kind == "MP4":
        codec = str(getattr(info, "codec", ""))
        return "ALAC" if codec == "alac" else "AAC"
    return kind


# What mutagen may read of one audio file: its headers, tags and metadata blocks (covers
# embedded in FLAC or ID3 are a few MB). Seventy 16 MB FLAC PICTURE blocks took 1.2 GB.
MAX_AUDIO_METADATA_BYTES = 24 * 1024 * 1024


class MetadataTooLarge(OSError):
    """mutagen asked for more bytes than MAX_AUDIO_METADATA_BYTES."""


class _ReadBudget:
    """A read-only view of a stream that refuses, before reading, any read that would take
    the bytes read past a budget: mutagen loads whole tag and metadata blocks into memory, so
    the budget bounds its memory whatever sizes the file declares."""

    def __init__(self, stream: IO[bytes], budget: int) -> None:
        self._stream = stream
        self._left = budget

    def read(self, size: int = -1) -> bytes:
        if size < 0 or size > self._left:
            raise MetadataTooLarge(
                f"its tags and metadata exceed the {MAX_AUDIO_METADATA_BYTES:,} bytes ddexkit "
                "reads before the audio (embedded pictures?); strip them from the file")
        data = self._stream.read(size)
        self._left -= len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._stream.seek(offset, whence)

    def tell(self) -> int:
        return self._stream.tell()


def probe_audio(stream: IO[bytes]) -> AudioFacts:
    """Read the stream's headers with mutagen (format, duration, channels, rate, depth),
    within MAX_AUDIO_METADATA_BYTES."""
    import mutagen

    try:
        found = mutagen.File(_ReadBudget(stream, MAX_AUDIO_METADATA_BYTES))
    except (mutagen.MutagenError, OSError, ValueError, EOFError) as error:
        return AudioFacts(error=str(error) or type(error).__name__)
    if found is None or getattr(found, "info", None) is None:
        return AudioFacts(error="mutagen does not recognise it as audio")
    info = found.info
    codec = _audio_format(type(found).__name__, info)

    def number(name: str) -> int | None:
        value = getattr(info, name, None)
        return int(value) if isinstance(value, (int, float)) and value > 0 else None

    length = getattr(info, "length", None)
    return AudioFacts(
        format=codec,
        duration=float(length) if isinstance(length, (int, float)) else None,
        channels=number("channels"),
        sample_rate=number("sample_rate"),
        bits_per_sample=number("bits_per_sample"),
        bitrate=number("bitrate"),
        lossless=codec in LOSSLESS_AUDIO or codec == "ALAC",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferencedFile:
    """One File element of the ERN and what was found for it."""

    file: FileRef
    resource: Resource
    technical: TechnicalDetails
    package_path: str
    lookup: AssetLookup
    hashes: Mapping[str, str] = field(default_factory=dict)  # hashlib name → hex digest
    image: ImageFacts | None = None
    audio: AudioFacts | None = None
    read_error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AssetFacts:
    """The subject of the ASSETS stage: referenced files, files nobody references, the ZIP's
    facts when the input is a ZIP, and the size the release ZIP has (or would have)."""

    files: tuple[ReferencedFile, ...] = ()
    names: tuple[str, ...] = ()
    unreferenced: tuple[str, ...] = ()
    package: PackageFacts | None = None
    package_size: int | None = None
    # False when no files are at hand: ``files`` are then the File elements as the ERN
    # declares them (nothing looked up or probed), for the rules that also judge those.
    at_hand: bool = True

    @property
    def images(self) -> tuple[tuple[ReferencedFile, ImageFacts], ...]:
        """Image resources' files that were probed."""
        return tuple((f, f.image) for f in self.files if f.image is not None)

    @property
    def audio_files(self) -> tuple[tuple[ReferencedFile, AudioFacts], ...]:
        """SoundRecordings' files that were probed."""
        return tuple((f, f.audio) for f in self.files if f.audio is not None)


def _algorithms(file: FileRef) -> list[str]:
    """The digests to compute: those the HashSums declare; for a File without one, MD5, the
    digest a HashSum would be written with (AST822 offers to add it)."""
    if not file.hash_sums:
        return ["md5"]
    found = []
    for hash_sum in file.hash_sums:
        if hash_sum.algorithm is None:
            continue
        name = algorithm_name(hash_sum.algorithm.stripped,
                              hash_sum.algorithm.attrs.get("UserDefinedValue"),
                              hash_sum.value.stripped if hash_sum.value else None)
        if name is not None:
            found.append(name)
    return found


def _hashes(store: AssetStore, path: str, algorithms: list[str],
            digests: DigestStore | None) -> dict[str, str]:
    """The file's digests: from ``digests`` while the file is unchanged, else read."""
    local = store.local_file(path) if digests is not None else None
    seen = identity(local) if local is not None else None
    if digests is not None and seen is not None:
        known = digests.get(seen, algorithms)
        if known is not None:
            return known
    with store.open(path) as stream:
        hashes = hash_stream(stream, algorithms)
    if digests is not None and seen is not None:
        digests.put(seen, hashes)
    return hashes


def _examine(store: AssetStore, file: FileRef, resource: Resource, technical: TechnicalDetails,
             path: str, digests: DigestStore | None) -> ReferencedFile:
    lookup = store.lookup(path)
    base = ReferencedFile(file=file, resource=resource, technical=technical,
                          package_path=path, lookup=lookup)
    if not lookup.found:
        return base
    import zipfile

    image = audio = None
    try:
        algorithms = _algorithms(file)
        if "sha256" not in algorithms:
            # the catalogue checks find one recording under two ISRCs by it (BAT003), and the
            # packager checks by it that it zips each file as it was validated; the file is
            # read for its declared hash anyway
            algorithms.append("sha256")
        hashes = _hashes(store, path, algorithms, digests)
        if resource.kind == "Image":
            with store.open(path) as stream:
                image = probe_image(stream)
        elif resource.kind == "SoundRecording":
            with store.open(path) as stream:
                audio = probe_audio(stream)
    except (*_READ_ERRORS, zipfile.BadZipFile) as error:  # a damaged entry fails when read
        # Unreadable media is reported by AST805 / AST811 like any other unreadable file.
        reason = f"it cannot be read ({error})"
        return ReferencedFile(file=file, resource=resource, technical=technical,
                              package_path=path, lookup=lookup, read_error=str(error),
                              image=ImageFacts(error=reason) if resource.kind == "Image" else None,
                              audio=AudioFacts(error=reason)
                              if resource.kind == "SoundRecording" else None)
    return ReferencedFile(file=file, resource=resource, technical=technical, package_path=path,
                          lookup=lookup, hashes=hashes, image=image, audio=audio)


def zip_size_of(entries: Iterable[tuple[str, int]]) -> int:
    """Bytes of a ZIP holding these (name, stored size) entries, as the packager writes it."""
    total = _END_RECORD
    for name, size in entries:
        encoded = len(name.encode("utf-8"))
        total += _LOCAL_HEADER + _CENTRAL_HEADER + 2 * encoded + size
    return total


def deflated_size(data: bytes) -> int:
    """Size of ``data`` deflated as the packager deflates the ERN."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return len(compressor.compress(data)) + len(compressor.flush())


def declared_assets(message: Message) -> AssetFacts:
    """The File elements the message declares, without any files at hand (``at_hand`` False):
    what AST804 and AST807 judge when there is no assets folder or ZIP."""
    files = [
        ReferencedFile(file=file, resource=resource, technical=technical,
                       package_path=file.package_path, lookup=AssetLookup(name=file.package_path))
        for resource in message.resources
        for technical in resource.iter_technical_details()
        for file in technical.files
        if file.package_path is not None
    ]
    return AssetFacts(files=tuple(files), at_hand=False)


def gather_assets(message: Message, store: AssetStore, *, package: PackageFacts | None = None,
                  message_name: str = "message.xml", message_bytes: bytes = b"",
                  digests: DigestStore | None = None) -> AssetFacts:
    """Look up, hash and probe every file the message references, once per distinct path
    (with ``digests``, an unchanged file of a folder is not hashed again)."""
    files: list[ReferencedFile] = []
    seen: dict[str, ReferencedFile] = {}
    for resource in message.resources:
        for technical in resource.iter_technical_details():
            for file in technical.files:
                path = file.package_path
                if path is None:
                    continue
                known = seen.get(path)
                if known is not None and not file.hash_sums and "md5" in known.hashes:
                    examined = ReferencedFile(
                        file=file, resource=resource, technical=technical, package_path=path,
                        lookup=known.lookup, hashes=known.hashes, image=known.image,
                        audio=known.audio)
                else:
                    examined = _examine(store, file, resource, technical, path, digests)
                seen.setdefault(path, examined)
                files.append(examined)
    names = store.names()
    unreferenced = tuple(n for n in names if n not in seen)
    if package is not None:
        size = package.zip_size
    else:
        message_entry = (PurePosixPath(message_name).name, deflated_size(message_bytes))
        stored = [(p, f.lookup.size) for p, f in seen.items() if f.lookup.found]
        size = zip_size_of([message_entry, *stored])
    return AssetFacts(files=tuple(files), names=names, unreferenced=unreferenced,
                      package=package, package_size=size)
