"""Hostile ZIPs and media: unsafe entries, bombs, nested and fake ZIPs, broken or lying media
files. Each is a clear issue with its rule code (rules.md), never a crash, never a file
written, never more read than the limits allow."""

from __future__ import annotations

import io
import json
import stat
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.inputs import (
    MAX_ENTRY_BYTES,
    MAX_ZIP_ENTRIES,
    central_directory_extent,
    read_package,
)
from ddexkit.media import probe_audio
from ddexkit.safexml import MAX_MESSAGE_BYTES
from tests import media_factory
from tests.rules import builders

from .conftest import GOOD_ALBUM

QUIET = Config(ignore=("ERN007",))  # these cases do not depend on ../shared's XSD
BOMB_BYTES = 300 * 1024 * 1024  # zeros: deflates to about 300 KB


def _validate(path: Path, **options: object) -> ddexkit.FileReport:
    (file,) = ddexkit.validate(path, config=QUIET, **options).files  # type: ignore[arg-type]
    return file


def _codes(file: ddexkit.FileReport) -> list[str]:
    return sorted({issue.code for issue in file.issues})


def _zip(folder: Path, extra: dict[str, bytes], *, album: bool = True) -> Path:
    entries: dict[str, bytes | Path] = builders._album_zip_entries(folder) if album else {}
    entries.update(extra)
    return builders._zip(folder, entries)


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _cli(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", "--ignore", "ERN007",
         "--format", "json", str(path)],
        capture_output=True, text=True, cwd=path.parent, timeout=300, check=False,
    )


def _write_bomb(path: Path, name: str, *, size: int = BOMB_BYTES, declared: int | None = None,
                album: bool = True) -> Path:
    """A ZIP (with the clean album unless ``album`` is false) plus ``name``: ``size`` zeros
    deflated, streamed so the test never holds them. ``declared`` makes the headers lie
    about the expanded size."""
    folder = path.parent
    if album:
        builders._zip(folder, builders._album_zip_entries(folder)).rename(path)
    with zipfile.ZipFile(path, "a" if album else "w") as archive:
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = size
        chunk = b"\0" * (1 << 20)
        with archive.open(info, "w") as stream:
            for _ in range(size // len(chunk)):
                stream.write(chunk)
    if declared is not None:
        _lie_about_size(path, name, declared)
    return path


def _patch_headers(path: Path, name: str, local: tuple[int, bytes],
                   central: tuple[int, bytes]) -> None:
    """Overwrite a field of ``name``'s local header and central directory record (zipfile
    itself never writes a lying size or an encryption flag)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    with zipfile.ZipFile(path) as archive:
        offset = archive.getinfo(name).header_offset
    data[offset + local[0] : offset + local[0] + len(local[1])] = local[1]
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # central directory records
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if bytes(data[at + 46 : at + 46 + length]) == encoded:
            data[at + central[0] : at + central[0] + len(central[1])] = central[1]
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def _lie_about_size(path: Path, name: str, declared: int) -> None:
    size = declared.to_bytes(4, "little")
    _patch_headers(path, name, (22, size), (24, size))


def _mark_encrypted(path: Path, name: str) -> None:
    flags = (0x1).to_bytes(2, "little")  # general purpose bit 0: encrypted
    _patch_headers(path, name, (6, flags), (8, flags))


# --- ZIP entries -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../outside.txt", "resources/../../outside.txt", "/tmp/absolute.txt", "C:/windows.txt",
     "..\\backslash.txt"],
)
def test_zip_slip_and_absolute_names(tmp_path: Path, name: str) -> None:
    path = _zip(tmp_path, {name: b"escaped"})
    before = _listing(tmp_path)
    file = _validate(path)
    assert "AST817" in _codes(file)
    assert any(repr(name) in issue.message for issue in file.issues if issue.code == "AST817")
    assert _listing(tmp_path) == before  # nothing extracted, anywhere
    assert not (tmp_path.parent / "outside.txt").exists()


def test_symlink_entry(tmp_path: Path) -> None:
    entries = builders._album_zip_entries(tmp_path)
    path = builders._zip(tmp_path, entries)
    with zipfile.ZipFile(path, "a") as archive:
        link = zipfile.ZipInfo("resources/passwd.jpg")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    file = _validate(path)
    assert "AST817" in _codes(file)
    assert any("symbolic link" in i.message for i in file.issues if i.code == "AST817")


def test_referenced_file_as_symlink_entry_is_never_followed(tmp_path: Path) -> None:
    entries = builders._album_zip_entries(tmp_path)
    del entries["resources/cover.jpg"]
    path = builders._zip(tmp_path, entries)
    with zipfile.ZipFile(path, "a") as archive:
        link = zipfile.ZipInfo("resources/cover.jpg")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    file = _validate(path)
    assert "AST817" in _codes(file)
    assert file.status == "needs_fixes"
    assert "root:" not in json.dumps([i.to_dict() for i in file.issues])


def test_encrypted_entry(tmp_path: Path) -> None:
    path = _zip(tmp_path, {})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("resources/locked.bin", b"\x00" * 64)
    _mark_encrypted(path, "resources/locked.bin")  # reading it would need a password
    file = _validate(path)
    assert "AST817" in _codes(file)
    assert any("encrypted" in i.message for i in file.issues if i.code == "AST817")


def test_encrypted_message_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "release.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("album.xml", GOOD_ALBUM.read_bytes())
    _mark_encrypted(path, "album.xml")
    assert read_package(path, MAX_MESSAGE_BYTES).message_bytes is None
    file = _validate(path)
    assert "AST817" in _codes(file)
    assert file.message_kind is None


def test_duplicate_names(tmp_path: Path) -> None:
    path = _zip(tmp_path, {})
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(path, "a") as archive:
        archive.writestr("resources/cover.jpg", b"the second cover")
    file = _validate(path)
    assert "AST817" in _codes(file)
    assert any("more than once" in i.message for i in file.issues if i.code == "AST817")


def test_duplicate_message_names(tmp_path: Path) -> None:
    path = _zip(tmp_path, {})
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(path, "a") as archive:
        archive.writestr("album.xml", b"<evil/>")
    file = _validate(path)
    assert {"AST817", "AST818"} <= set(_codes(file))  # two entries named album.xml: no ERN read


@pytest.mark.parametrize("target", ["resources/A1.flac.bak", "album-bomb.bin"])
def test_zip_bomb_of_hundreds_of_megabytes(tmp_path: Path, target: str) -> None:
    path = _write_bomb(tmp_path / "release.zip", target)
    assert path.stat().st_size < 2 * 1024 * 1024  # hundreds of MB in a small ZIP
    file = _validate(path)
    assert "AST819" in _codes(file)
    done = _cli(path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "AST819" in done.stdout


def test_zip_bomb_as_the_message_is_never_read(tmp_path: Path) -> None:
    path = _write_bomb(tmp_path / "release.zip", "album.xml", album=False)
    facts = read_package(path, MAX_MESSAGE_BYTES)
    assert facts.message_bytes is None  # refused from the central directory alone
    assert facts.entries[0].size > MAX_ENTRY_BYTES
    file = _validate(path)
    assert _codes(file) == ["AST819"]


def test_zip_bomb_with_lying_sizes_reads_only_what_it_declares(tmp_path: Path) -> None:
    """Headers that claim 1,000 bytes for hundreds of MB: reading stops at the declared size
    (and the CRC check fails), so memory stays bounded whatever the stream holds."""
    path = _write_bomb(tmp_path / "release.zip", "album.xml", declared=1_000, album=False)
    facts = read_package(path, MAX_MESSAGE_BYTES)
    assert facts.message_bytes is None
    assert facts.not_a_zip is not None and "CRC" in facts.not_a_zip
    file = _validate(path)
    assert _codes(file) == ["ERN001"]


def test_lying_asset_entry_is_a_clear_issue(tmp_path: Path) -> None:
    entries = builders._album_zip_entries(tmp_path)
    del entries["resources/A1.flac"]
    path = tmp_path / "release.zip"
    builders._zip(tmp_path, entries).rename(path)
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo("resources/A1.flac", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = 64 * 1024 * 1024
        with archive.open(info, "w") as stream:
            for _ in range(64):
                stream.write(b"\0" * (1 << 20))
    _lie_about_size(path, "resources/A1.flac", 100_000)
    file = _validate(path)
    assert "AST811" in _codes(file)
    assert file.status == "needs_fixes"


def test_zip_inside_the_zip_is_not_opened(tmp_path: Path) -> None:
    inner_folder = tmp_path / "inner"
    inner_folder.mkdir()
    inner = _write_bomb(inner_folder / "inner.zip", "album.xml", album=False)
    path = _zip(tmp_path, {"resources/inner.zip": inner.read_bytes()})
    facts = read_package(path, MAX_MESSAGE_BYTES)
    assert facts.message_names == ("album.xml",)  # the inner ZIP's album.xml does not count
    assert facts.nested_zips == ("resources/inner.zip",)
    file = _validate(path)
    assert "AST819" not in _codes(file)  # the inner bomb was never opened
    unreferenced = [i for i in file.issues if i.code == "AST802"]
    assert any("inner.zip" in i.message for i in unreferenced)


def test_zip_that_is_not_a_zip(tmp_path: Path) -> None:
    fake = tmp_path / "release.zip"
    fake.write_bytes(GOOD_ALBUM.read_bytes())
    file = _validate(fake)
    assert _codes(file) == ["ERN001"]
    assert "not a zip file" in file.issues[0].message.lower()
    done = _cli(fake)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr


def test_truncated_zip(tmp_path: Path) -> None:
    path = _zip(tmp_path, {})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    file = _validate(path)
    assert _codes(file) == ["ERN001"]


def test_zip_without_a_message(tmp_path: Path) -> None:
    path = _zip(tmp_path, {"readme.txt": b"no ERN here"}, album=False)
    assert _codes(_validate(path)) == ["AST818"]


# --- media -------------------------------------------------------------------------------


def _album_folder(tmp_path: Path, *, a1_name: str = "A1.flac", a1_codec: str = "FLAC",
                  a1: bytes | None = None, cover: bytes | None = None) -> Path:
    """The clean album and its files, with A1 and/or the cover replaced."""
    assets = builders.album_assets(tmp_path / "release")
    text = GOOD_ALBUM.read_text(encoding="utf-8")
    if a1_name != "A1.flac":
        (assets / "resources" / "A1.flac").unlink()
        text = text.replace("<FileName>A1.flac</FileName>", f"<FileName>{a1_name}</FileName>")
        text = text.replace("<AudioCodecType>FLAC</AudioCodecType>",
                            f"<AudioCodecType>{a1_codec}</AudioCodecType>", 1)
    if a1 is not None:
        (assets / "resources" / a1_name).write_bytes(a1)
    if cover is not None:
        (assets / "resources" / "cover.jpg").write_bytes(cover)
    ern = assets / "album.xml"
    ern.write_text(text, encoding="utf-8")
    return ern


def _media_issues(ern: Path) -> dict[str, list[str]]:
    file = _validate(ern, assets=ern.parent)
    found: dict[str, list[str]] = {}
    for issue in file.issues:
        found.setdefault(issue.code, []).append(issue.message)
    return found


def test_the_clean_album_folder_has_no_media_issue(tmp_path: Path) -> None:
    issues = _media_issues(_album_folder(tmp_path))
    assert not [code for code in issues if code.startswith("AST")]


def test_decompression_bomb_png(tmp_path: Path) -> None:
    ern = _album_folder(tmp_path, cover=builders.png_bomb(40_000, 40_000))
    issues = _media_issues(ern)
    assert "AST808" in issues
    assert any("pixels" in message for message in issues["AST808"])


def test_truncated_jpeg(tmp_path: Path) -> None:
    cover = media_factory.image(tmp_path / "whole.jpg", 3000, 3000).read_bytes()
    issues = _media_issues(_album_folder(tmp_path, cover=cover[: len(cover) // 2]))
    assert "AST805" in issues


def test_text_named_wav(tmp_path: Path) -> None:
    ern = _album_folder(tmp_path, a1_name="A1.wav", a1_codec="PCM",
                        a1=b"This is not audio, just a note someone saved as .wav\n")
    issues = _media_issues(ern)
    assert "AST811" in issues
    assert any("A1.wav" in message for message in issues["AST811"])


def test_zero_byte_flac(tmp_path: Path) -> None:
    issues = _media_issues(_album_folder(tmp_path, a1=b""))
    assert "AST811" in issues


def test_mp3_with_a_broken_header(tmp_path: Path) -> None:
    good = media_factory.mp3(tmp_path / "good.mp3", 5).read_bytes()
    # bitrate index 15 is "bad" in every MPEG header; then garbage
    broken = bytes([0xFF, 0xFB, 0xF0, 0x40]) + b"\x13\x37" * 200 + good[:4] + b"\xff" * 7
    ern = _album_folder(tmp_path, a1_name="A1.mp3", a1_codec="MP3", a1=broken)
    issues = _media_issues(ern)
    assert "AST811" in issues


def test_broken_media_inside_a_zip(tmp_path: Path) -> None:
    entries = builders._album_zip_entries(tmp_path)
    entries["resources/cover.jpg"] = builders.png_bomb(40_000, 40_000)
    entries["resources/A1.flac"] = b""
    path = builders._zip(tmp_path, entries)
    codes = _codes(_validate(path))
    assert {"AST808", "AST811"} <= set(codes)


def test_damaged_deflate_stream_of_the_message(tmp_path: Path) -> None:
    """Regression: zlib.error from a damaged entry escaped read_package (it caught only
    BadZipFile/OSError); now the ZIP is a clear ERN001."""
    path = tmp_path / "release.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("album.xml", GOOD_ALBUM.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("album.xml")
        start = info.header_offset + 30 + len(info.filename.encode())
        compressed = info.compress_size
    data = bytearray(path.read_bytes())
    data[start : start + compressed] = b"\xff" * compressed  # not a deflate stream at all
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive, pytest.raises(zlib.error):
        archive.read("album.xml")
    file = _validate(path)
    assert _codes(file) == ["ERN001"]
    assert "cannot be read" in file.issues[0].message


def test_zip_entry_limits_are_exact() -> None:
    from ddexkit.inputs import (
        MAX_ENTRY_RATIO,
        MAX_EXPANDED_BYTES,
        RATIO_FLOOR_BYTES,
        PackageFacts,
        ZipEntry,
    )
    from ddexkit.media import AssetFacts
    from ddexkit.rules import by_code
    from ddexkit.rules.base import RuleContext

    assert (MAX_ENTRY_BYTES, MAX_EXPANDED_BYTES) == (52_428_800, 204_800_000)
    assert (MAX_ENTRY_RATIO, RATIO_FLOOR_BYTES) == (100, 1_048_576)

    def entry(size: int, compressed: int) -> ZipEntry:
        return ZipEntry(name="a.bin", size=size, compressed_size=compressed)

    assert not entry(MAX_ENTRY_BYTES, MAX_ENTRY_BYTES).over_limits
    assert entry(MAX_ENTRY_BYTES + 1, MAX_ENTRY_BYTES + 1).over_limits
    assert not entry(2_000_000, 20_000).over_limits  # exactly 100 times
    assert entry(2_000_000, 19_999).over_limits
    assert not entry(RATIO_FLOOR_BYTES, 1).over_limits  # small and repetitive: harmless

    rule = by_code("AST819")
    assert rule is not None
    honest = tuple(ZipEntry(name=f"{n}.bin", size=51_200_000, compressed_size=51_200_000)
                   for n in range(4))
    at_limit = AssetFacts(package=PackageFacts(path=Path("x.zip"), entries=honest))
    over = AssetFacts(package=PackageFacts(path=Path("x.zip"), entries=(
        *honest, ZipEntry(name="more.bin", size=1, compressed_size=1))))
    assert list(rule.check(at_limit, RuleContext())) == []
    assert len(list(rule.check(over, RuleContext()))) == 1


def test_pillow_decompression_bomb_limit_is_exact() -> None:
    import io

    from PIL import Image

    from ddexkit.media import probe_image

    assert Image.MAX_IMAGE_PIXELS == 89_478_485  # Pillow's default, not lowered or raised
    assert probe_image(io.BytesIO(builders.png_bomb(9_460, 9_460))).bomb  # 89,491,600 px
    assert not probe_image(io.BytesIO(builders.png_bomb(9_459, 9_459))).bomb  # 89,472,681 px


def _zip_of_empty_entries(path: Path, count: int, *, zip64: bool = False) -> None:
    with zipfile.ZipFile(path, "w", allowZip64=True) as archive:
        archive.writestr("album.xml", GOOD_ALBUM.read_bytes())
        for number in range(count - 1):
            archive.writestr(zipfile.ZipInfo(f"{number}"), b"")
        if zip64:
            with archive.open("big.bin", "w", force_zip64=True) as entry:
                entry.write(b"x")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc for VmHWM")
def test_a_zip_of_100000_entries_is_refused_before_listing(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    _zip_of_empty_entries(path, 100_000)
    before = path.read_bytes()
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the (large) test process.
    script = ("import sys, ddexkit; r = ddexkit.validate(sys.argv[1]); "
              "status = open('/proc/self/status').read(); "
              "print(int(status.split('VmHWM:')[1].split()[0]) // 1024); "
              "print(r.files[0].issues[0].code, r.files[0].issues[0].message)")
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                            text=True, check=True)
    peak_mb, issue = result.stdout.splitlines()
    assert issue.startswith("ERN001 ") and "declares 100,000 entries" in issue
    assert "at most 10,000 entries" in issue
    assert int(peak_mb) < 200  # listing 100,000 ZipInfos alone costs more than the run
    assert path.read_bytes() == before


@pytest.mark.parametrize(("count", "refused"), [(MAX_ZIP_ENTRIES, False),
                                                (MAX_ZIP_ENTRIES + 1, True)])
def test_the_entry_count_limit_is_exact(tmp_path: Path, count: int, refused: bool) -> None:
    path = tmp_path / "entries.zip"
    _zip_of_empty_entries(path, count)
    facts = read_package(path, MAX_MESSAGE_BYTES)
    assert (facts.not_a_zip is not None) is refused
    assert (facts.message_bytes is None) is refused


def test_a_zip64_package_is_read(tmp_path: Path) -> None:
    path = tmp_path / "zip64.zip"
    _zip_of_empty_entries(path, 3, zip64=True)
    with path.open("rb") as handle:
        extent = central_directory_extent(handle)
    assert extent is not None and extent[0] == 4
    facts = read_package(path, MAX_MESSAGE_BYTES)
    assert facts.not_a_zip is None and facts.message_bytes == GOOD_ALBUM.read_bytes()
    assert [entry.name for entry in facts.entries][-1] == "big.bin"


@pytest.mark.parametrize(("padding", "refused"), [(1_000_000, False), (3 * 0xFFFFFF, True)])
def test_flac_metadata_blocks_are_read_within_a_budget(padding: int, refused: bool) -> None:
    """Seventy 16 MB metadata blocks took 1.2 GB in mutagen; the reads are refused first."""
    facts = probe_audio(io.BytesIO(media_factory.flac_bytes(1.0, padding=padding)))
    if refused:
        assert facts.error is not None and "exceed the 25,165,824 bytes" in facts.error
        assert facts.duration is None
    else:
        assert facts.error is None and facts.format == "FLAC"
        assert facts.duration == pytest.approx(1.0)

