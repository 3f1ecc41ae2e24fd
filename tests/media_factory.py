"""Real media made on the spot: Pillow images, stdlib WAV, and FLAC / MP3 written by hand
(silence), since no encoder is installed and mutagen cannot write audio.

The FLAC writer emits CONSTANT subframes (valid FLAC any decoder plays as silence); the MP3
writer repeats one CBR MPEG-1 Layer III frame with empty side information (silence).
"""

from __future__ import annotations

import struct
import wave
from pathlib import Path

FLAC_BLOCK = 4096


def image(path: Path, width: int = 3000, height: int = 3000, mode: str = "RGB",
          fmt: str = "JPEG") -> Path:
    from PIL import Image

    colour: object = (200, 40, 40) if mode in {"RGB", "RGBA"} else 100
    if mode == "CMYK":
        colour = (10, 200, 40, 0)
    if mode == "RGBA":
        colour = (200, 40, 40, 128)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, (width, height), colour).save(path, fmt)  # type: ignore[arg-type]
    return path


def wav(path: Path, seconds: float = 1.0, rate: int = 44100, bits: int = 16,
        channels: int = 2) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = int(seconds * rate)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(bits // 8)
        out.setframerate(rate)
        out.writeframes(b"\0" * frames * channels * (bits // 8))
    return path


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8005) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def flac_bytes(seconds: float, rate: int = 44100, bits: int = 16, channels: int = 2,
               padding: int = 0) -> bytes:
    total = int(seconds * rate)
    info = struct.pack(">HH", FLAC_BLOCK, FLAC_BLOCK) + b"\0" * 6
    packed = (rate << 44) | ((channels - 1) << 41) | ((bits - 1) << 36) | total
    info += packed.to_bytes(8, "big") + b"\0" * 16
    out = bytearray(b"fLaC")
    out += bytes([0x00 if padding else 0x80]) + len(info).to_bytes(3, "big") + info
    while padding:
        size = min(padding, 0xFFFFFF)
        padding -= size
        out += bytes([0x01 | (0x00 if padding else 0x80)]) + size.to_bytes(3, "big")
        out += b"\0" * size
    subframe = b"\0" + b"\0" * (bits // 8)  # CONSTANT subframe of zeros
    cache: dict[int, bytes] = {}
    number, done = 0, 0
    while done < total:
        block = min(FLAC_BLOCK, total - done)
        header = bytes([0xFF, 0xF8, 0x70, ((channels - 1) << 4)])
        header += chr(number).encode("utf-8", "surrogatepass") + struct.pack(">H", block - 1)
        header += bytes([_crc8(header)])
        body = cache.setdefault(channels, subframe * channels)
        frame = header + body
        out += frame + struct.pack(">H", _crc16(frame))
        number += 1
        done += block
    return bytes(out)


def flac(path: Path, seconds: float, **kwargs: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(flac_bytes(seconds, **kwargs))
    return path


_MP3_BITRATES = {32: 1, 64: 5, 128: 9, 192: 11, 256: 13, 320: 14}


def mp3(path: Path, seconds: float, kbps: int = 320) -> Path:
    """CBR MPEG-1 Layer III at 44.1 kHz, joint stereo, silent."""
    size = 144 * kbps * 1000 // 44100
    frame = bytes([0xFF, 0xFB, _MP3_BITRATES[kbps] << 4, 0x40]) + b"\0" * (size - 4)
    count = int(seconds * 44100 / 1152)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(frame * count)
    return path
