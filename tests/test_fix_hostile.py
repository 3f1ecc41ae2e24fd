"""``ddexkit fix`` against hostile and unlucky inputs: damaged ZIP entries, files that cannot
be written or vanish before the write, terminals that cannot show the file's text, names a
diff must quote, a start tag whose attributes span lines, one file named twice. Each ends in
a line naming the file (never a traceback, never exit 3) or in the fix made as for any file."""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import ddexkit
from ddexkit import cli
from ddexkit.autofix import FixError, fix_bytes, fix_file, write_fixed
from ddexkit.engine import Settings, resolve_settings
from tests.conftest import GOOD_ALBUM

ALBUM = GOOD_ALBUM.read_bytes()
FAULTY = ALBUM.replace(b"<ISRC>GBAYE2400002</ISRC>", b"<ISRC>GB-AYE-24-00002</ISRC>")
QUIET = ["--no-config"]
COVER = "resources/cover.jpg"


@pytest.fixture(scope="module")
def fix_settings(schema_dir: Path) -> Settings:
    return resolve_settings(ddexkit.Config(), schema_dir=schema_dir)


def _patch_entry(data: bytearray, name: str, patch: Callable[[bytearray, int, int], None],
                 ) -> None:
    """Call ``patch(data, header, size)`` for the local and central headers of ``name``."""
    encoded = name.encode()
    for signature, name_length_at, header_size in ((b"PK\x03\x04", 26, 30),
                                                   (b"PK\x01\x02", 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = int.from_bytes(data[at + name_length_at:at + name_length_at + 2], "little")
            if data[at + header_size:at + header_size + length] == encoded:
                patch(data, at, header_size + length)
            at = data.find(signature, at + 4)


def _package(tmp_path: Path, damage: Callable[[bytearray], None]) -> Path:
    package = tmp_path / "release.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("album.xml", FAULTY, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(COVER, bytes(range(256)) * 64, compress_type=zipfile.ZIP_DEFLATED)
    data = bytearray(package.read_bytes())
    damage(data)
    package.write_bytes(bytes(data))
    return package


def _flip_a_data_byte(data: bytearray) -> None:
    def flip(data: bytearray, header: int, size: int) -> None:
        if data[header:header + 4] == b"PK\x03\x04":
            data[header + size + 10] ^= 0xFF
    _patch_entry(data, COVER, flip)


def _deflate64(data: bytearray) -> None:
    """Mark the entry as Deflate64 (method 9), which zipfile cannot decompress."""
    def method(data: bytearray, header: int, _size: int) -> None:
        at = header + (8 if data[header:header + 4] == b"PK\x03\x04" else 10)
        data[at:at + 2] = (9).to_bytes(2, "little")
    _patch_entry(data, COVER, method)


@pytest.mark.parametrize("damage", [_flip_a_data_byte, _deflate64])
def test_write_of_a_zip_with_an_entry_it_cannot_unpack_is_refused_in_one_line(
        damage: Callable[[bytearray], None], tmp_path: Path, schema_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    package = _package(tmp_path, damage)
    before = package.read_bytes()
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), "--write",
                     str(package)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(package) in err and f"its entry {COVER} cannot be unpacked" in err
    assert package.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["release.zip"]
