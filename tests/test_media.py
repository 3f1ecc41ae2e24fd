"""Probes and hashes on media made on the spot (Pillow images, WAV, hand-written FLAC/MP3)."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from ddexkit.media import hash_stream, probe_audio, probe_image
from tests import media_factory
from tests.rules.builders import png_bomb


def test_hashes_are_computed_in_one_streamed_read() -> None:
    data = b"x" * (3 * (1 << 20) + 17)

    class CountingReader(io.BytesIO):
        reads = 0

        def read(self, size: int | None = -1) -> bytes:
            assert size is not None and 0 < size <= 1 << 20  # never the whole file
            CountingReader.reads += 1
            return super().read(size)

    got = hash_stream(CountingReader(data), ["md5", "sha1", "sha256", "sha512", "md5"])
    assert got == {name: hashlib.new(name, data).hexdigest()
                   for name in ("md5", "sha1", "sha256", "sha512")}
    assert CountingReader.reads == 5  # 4 chunks + the empty read at the end


def test_image_facts(tmp_path: Path) -> None:
    jpeg = media_factory.image(tmp_path / "a.jpg", 300, 200)
    with jpeg.open("rb") as stream:
        facts = probe_image(stream)
    assert (facts.format, facts.width, facts.height, facts.mode) == ("JPEG", 300, 200, "RGB")
    assert not facts.has_alpha and not facts.bomb and not facts.truncated


def test_png_named_jpg_and_alpha(tmp_path: Path) -> None:
    lying = media_factory.image(tmp_path / "a.jpg", 50, 50, mode="RGBA", fmt="PNG")
    with lying.open("rb") as stream:
        facts = probe_image(stream)
    assert facts.format == "PNG" and facts.has_alpha


def test_truncated_image_is_reported(tmp_path: Path) -> None:
    whole = media_factory.image(tmp_path / "a.jpg", 400, 400).read_bytes()
    facts = probe_image(io.BytesIO(whole[: len(whole) // 2]))
    assert facts.truncated and facts.width == 400


def test_decompression_bomb_is_refused_without_decoding() -> None:
    facts = probe_image(io.BytesIO(png_bomb(20000, 20000)))
    assert facts.bomb and facts.width is None


def test_garbage_is_not_an_image() -> None:
    facts = probe_image(io.BytesIO(b"not an image at all"))
    assert facts.format is None and facts.error


def test_wav_facts(tmp_path: Path) -> None:
    path = media_factory.wav(tmp_path / "a.wav", 2.0, rate=48000, bits=24, channels=1)
    with path.open("rb") as stream:
        facts = probe_audio(stream)
    assert (facts.format, facts.channels, facts.sample_rate, facts.bits_per_sample) == (
        "PCM", 1, 48000, 24)
    assert facts.duration == pytest.approx(2.0) and facts.lossless


def test_flac_facts(tmp_path: Path) -> None:
    path = media_factory.flac(tmp_path / "a.flac", 192)
    with path.open("rb") as stream:
        facts = probe_audio(stream)
    assert (facts.format, facts.channels, facts.sample_rate, facts.bits_per_sample) == (
        "FLAC", 2, 44100, 16)
    assert facts.duration == pytest.approx(192) and facts.lossless


def test_mp3_facts(tmp_path: Path) -> None:
    path = media_factory.mp3(tmp_path / "a.mp3", 5, kbps=128)
    with path.open("rb") as stream:
        facts = probe_audio(stream)
    assert facts.format == "MP3" and facts.bitrate == 128000 and not facts.lossless
    assert facts.duration == pytest.approx(5, abs=0.1)


def test_not_audio() -> None:
    facts = probe_audio(io.BytesIO(b"\0" * 100))
    assert facts.format is None and facts.error


def test_cold_start_does_not_import_pillow_or_mutagen() -> None:
    code = ("import sys, ddexkit, ddexkit.cli; "
            "ddexkit.validate('corpus/good/album.xml'); "
            "print('PIL' in sys.modules or 'mutagen' in sys.modules)")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"
