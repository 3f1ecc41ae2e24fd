"""What a file name's extension and the ERN's codec types say a media file is.

Image formats are Pillow's format names, audio formats the ERN's AudioCodecType values, so a
probe's result, an extension and a codec type compare directly.
"""

from __future__ import annotations

from pathlib import PurePosixPath

IMAGE_EXTENSIONS = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".gif": "GIF",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".jp2": "JPEG2000",
    ".j2k": "JPEG2000",
    ".jpf": "JPEG2000",
}
# ImageCodecType → Pillow format name
IMAGE_CODECS = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "TIFF": "TIFF",
                "JPEG2000": "JPEG2000"}
# Pillow names a few variants of a format differently.
IMAGE_FORMAT_ALIASES = {"MPO": "JPEG"}

AUDIO_EXTENSIONS = {
    ".wav": "PCM",
    ".wave": "PCM",
    ".aif": "PCM",
    ".aiff": "PCM",
    ".flac": "FLAC",
    ".mp3": "MP3",
    ".m4a": "AAC",
    ".aac": "AAC",
    ".mp4": "AAC",
}
LOSSLESS_AUDIO = frozenset({"PCM", "FLAC"})

# Preferred extension for a format, for hints.
IMAGE_EXTENSION_FOR = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "TIFF": ".tif",
                       "JPEG2000": ".jp2"}
AUDIO_EXTENSION_FOR = {"PCM": ".wav", "FLAC": ".flac", "MP3": ".mp3", "AAC": ".m4a"}


def extension(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def image_format_of_name(name: str) -> str | None:
    return IMAGE_EXTENSIONS.get(extension(name))


def audio_format_of_name(name: str) -> str | None:
    return AUDIO_EXTENSIONS.get(extension(name))


def image_format(pillow_format: str) -> str:
    return IMAGE_FORMAT_ALIASES.get(pillow_format, pillow_format)


def _hertz_per_unit(number: float, unit: str | None) -> float:
    scale = {"khz": 1000.0, "mhz": 1_000_000.0}.get((unit or "").strip().lower())
    if scale is None:
        # Without a unit, a value below 1000 can only be meant in kHz.
        scale = 1000.0 if number < 1000 else 1.0
    return scale


def sampling_rate_hz(value: str, unit: str | None) -> float | None:
    """An ERN SamplingRate in Hz (``44.1`` with UnitOfMeasure="kHz" → 44100.0)."""
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number * _hertz_per_unit(number, unit)


def sampling_rate_written(hertz: int, value: str, unit: str | None) -> str | None:
    """``hertz`` in the unit of the SamplingRate ``value`` (read as ``sampling_rate_hz``
    reads it): ``44.1`` where it says kHz, ``44100`` in Hz; None for a value that is no
    number."""
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return f"{hertz / _hertz_per_unit(number, unit):g}"


def positive_int(value: str) -> int | None:
    text = value.strip()
    return int(text) if text.isascii() and text.isdigit() and int(text) > 0 else None
