"""Write corpus/package/: a small release with real media, so README can show ``validate
--assets``, ``package`` and the HTML report on files anyone can open.

The media are made here, not recorded: a few seconds of a sine tone per track (stdlib
``wave``, 16 bit / 44.1 kHz mono, so three tracks stay under a megabyte) and a 3000×3000
JPEG cover of flat shapes (Pillow; flat colour compresses to a few tens of KB). The ERN is
corpus/good/album.xml with its codecs, channels, durations and file names adapted to these
files and an MD5 HashSum per file, so the package validates clean with its assets. Run it
again after changing album.xml:

    python tools/make_sample_package.py            # writes corpus/package/
    python tools/make_sample_package.py --output /tmp/package

The output is the same bytes on every run (no timestamps, fixed JPEG settings).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import math
import struct
import sys
import wave
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ALBUM = REPO / "corpus" / "good" / "album.xml"
DEFAULT_OUTPUT = REPO / "corpus" / "package"
RATE = 44_100

# (file name, seconds, tone in Hz, the durations album.xml gives this track): an A major
# arpeggio, one note per track.
TRACKS = (
    ("A1.wav", 3, 440.00, "PT3M12S"),
    ("A2.wav", 3, 554.37, "PT4M05S"),
    ("A3.wav", 4, 659.25, "PT5M31S"),
)
COVER = "cover.jpg"


def sine_wav(seconds: int, frequency: float) -> bytes:
    """A mono 16-bit WAV of a sine tone at half scale, faded in and out over 50 ms so it
    does not click."""
    frames = seconds * RATE
    fade = RATE // 20
    samples = bytearray()
    for n in range(frames):
        envelope = min(1.0, n / fade, (frames - 1 - n) / fade)
        value = round(16_000 * envelope * math.sin(2 * math.pi * frequency * n / RATE))
        samples += struct.pack("<h", value)
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(RATE)
        writer.writeframes(bytes(samples))
    return out.getvalue()


def cover_jpeg() -> bytes:
    """A 3000×3000 cover: a night sky, a low sun and a sea, in flat colours."""
    from PIL import Image, ImageDraw

    side = 3000
    image = Image.new("RGB", (side, side), (22, 34, 74))
    draw = ImageDraw.Draw(image)
    draw.ellipse((900, 1050, 2100, 2250), fill=(247, 196, 77))
    draw.rectangle((0, 1900, side, side), fill=(18, 112, 128))
    for row, width in enumerate((1400, 1000, 600)):
        top = 2050 + row * 220
        draw.rectangle(((side - width) // 2, top, (side + width) // 2, top + 40),
                       fill=(247, 196, 77))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, optimize=True)
    return out.getvalue()


def _replace(text: str, old: str, new: str, count: int) -> str:
    """``old`` → ``new``, failing loudly when album.xml no longer has it ``count`` times: a
    silent miss would write an ERN that does not describe the files."""
    found = text.count(old)
    if found != count:
        raise SystemExit(f"{ALBUM}: expected {count} × {old!r}, found {found}; update "
                         f"{Path(__file__).name}")
    return text.replace(old, new)


def _hash_sum(indent: str, digest: str) -> str:
    return (f"{indent}<HashSum>\n{indent}  <HashSum>{digest}</HashSum>\n"
            f"{indent}  <HashSumAlgorithmType>MD5</HashSumAlgorithmType>\n{indent}</HashSum>\n")


def sample_ern(digests: dict[str, str]) -> str:
    """album.xml describing the generated files (``digests``: file name → MD5)."""
    text = ALBUM.read_text(encoding="utf-8")
    text = _replace(text, "NL-2024-0001-01", "NL-2024-0001-PKG", 1)
    text = _replace(text, "<AudioCodecType>FLAC</AudioCodecType>",
                    "<AudioCodecType>PCM</AudioCodecType>", 3)
    text = _replace(text, "<NumberOfChannels>2</NumberOfChannels>",
                    "<NumberOfChannels>1</NumberOfChannels>", 3)
    total = 0
    for name, seconds, _tone, album_duration in TRACKS:
        total += seconds
        text = _replace(text, album_duration, f"PT{seconds}S", 2)
        old_name = name.replace(".wav", ".flac")
        text = _replace(text, f"<FileName>{old_name}</FileName>", f"<FileName>{name}</FileName>",
                        1)
    text = _replace(text, "<Duration>PT12M48S</Duration>", f"<Duration>PT{total}S</Duration>", 1)
    indent = " " * 12
    for name in (*(track[0] for track in TRACKS), COVER):
        place = f"<FileName>{name}</FileName>\n{indent}<FilePath>resources/</FilePath>\n"
        text = _replace(text, place, place + _hash_sum(indent, digests[name]), 1)
    return text


def write_package(output: Path) -> list[Path]:
    """Write the ERN and its files under ``output``; return the paths written."""
    media = {name: sine_wav(seconds, tone) for name, seconds, tone, _ in TRACKS}
    media[COVER] = cover_jpeg()
    resources = output / "resources"
    resources.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in media.items():
        (resources / name).write_bytes(data)
        written.append(resources / name)
    digests = {name: hashlib.md5(data).hexdigest() for name, data in media.items()}
    ern = output / "album.xml"
    ern.write_text(sample_ern(digests), encoding="utf-8")
    written.append(ern)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help=f"folder to write (default: {DEFAULT_OUTPUT.relative_to(REPO)})")
    args = parser.parse_args(argv)
    for path in write_package(args.output):
        sys.stdout.write(f"{path}  {path.stat().st_size:,} bytes\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
