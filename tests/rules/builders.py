"""Cases that cannot be committed files: each builder returns the bytes or the path to check.

``which`` is "bad" or "good"; ``folder`` is a fresh temporary folder for the case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ddexkit.safexml import MAX_MESSAGE_BYTES

GOOD_ALBUM = Path(__file__).resolve().parents[2] / "corpus" / "good" / "album.xml"


def oversized_message(which: str, folder: Path) -> Path:
    """ERN008: the clean album, padded with a comment to just over (or under) the limit."""
    album = GOOD_ALBUM.read_bytes()
    target = MAX_MESSAGE_BYTES + 1 if which == "bad" else len(album) + 1024
    padding = b"<!--" + b" " * (target - len(album) - 8) + b"-->\n"
    path = folder / f"{which}.xml"
    path.write_bytes(album + padding)
    return path


# --- assets (AST8xx): the clean album's files, made on the spot; a case's bad variant changes
# one file. Each builder returns the assets folder (or, for ZIP cases, the ZIP to validate).

ALBUM_TRACKS = {"A1": 192, "A2": 245, "A3": 331}  # seconds, as the album's Durations say


def album_assets(folder: Path, *, skip: str | None = None,
                 a1: dict[str, int] | None = None, cover: dict[str, Any] | None = None,
                 extra: bool = False) -> Path:
    from tests import media_factory

    resources = folder / "resources"
    for name, seconds in ALBUM_TRACKS.items():
        if name == "A1" and a1 is not None:
            media_factory.flac(resources / f"{name}.flac", seconds, **a1)
        else:
            media_factory.flac(resources / f"{name}.flac", seconds)
    if cover is None or "path" not in cover:
        media_factory.image(resources / "cover.jpg", **(cover or {}))
    if extra:
        media_factory.wav(resources / "bonus.wav", 1.0)
    if skip:
        (folder / skip).unlink()
    return folder


def _bad(which: str, folder: Path, **bad: Any) -> Path:
    return album_assets(folder / "assets", **(bad if which == "bad" else {}))


def good_album_assets(which: str, folder: Path) -> Path:
    return album_assets(folder / "assets")


def ast802_assets(which: str, folder: Path) -> Path:
    return _bad(which, folder, extra=True)


def ast806_assets(which: str, folder: Path) -> Path:
    return _bad(which, folder, cover={"width": 3000, "height": 2000})


def ast807_assets(which: str, folder: Path) -> Path:
    return _bad(which, folder, cover={"width": 1400, "height": 1400})


def ast808_assets(which: str, folder: Path) -> Path:
    assets = _bad(which, folder)
    if which == "bad":
        (assets / "resources" / "cover.png").write_bytes(png_bomb(20000, 20000))
    return assets


def ast809_assets(which: str, folder: Path) -> Path:
    return _bad(which, folder, cover={"mode": "CMYK"})


def ast812_assets(which: str, folder: Path) -> Path:
    return _bad(which, folder, a1={"padding": 11_000_000})


def ast815_assets(which: str, folder: Path) -> Path:
    return _bad(which, folder, a1={"rate": 22050})


def ast816_assets(which: str, folder: Path) -> Path:
    assets = _bad(which, folder)
    if which == "bad":  # a sparse file: 52 MB on paper, nothing written
        with (assets / "resources" / "A1.flac").open("r+b") as handle:
            handle.truncate(52_000_000)
    return assets


def png_bomb(width: int, height: int) -> bytes:
    """A PNG header claiming width × height pixels, with one tiny IDAT: a decompression bomb
    for Pillow's limit without the memory."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))
            + chunk(b"IEND", b""))


def _zip(folder: Path, entries: dict[str, bytes | Path]) -> Path:
    import zipfile

    path = folder / "release.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in entries.items():
            data = content.read_bytes() if isinstance(content, Path) else content
            kind = zipfile.ZIP_DEFLATED if name.endswith(".xml") else zipfile.ZIP_STORED
            archive.writestr(name, data, compress_type=kind)
    return path


def _album_zip_entries(folder: Path) -> dict[str, bytes | Path]:
    assets = album_assets(folder / "assets")
    entries: dict[str, bytes | Path] = {"album.xml": GOOD_ALBUM.read_bytes()}
    for path in sorted((assets / "resources").iterdir()):
        entries[f"resources/{path.name}"] = path
    return entries


def ast817_zip(which: str, folder: Path) -> Path:
    entries = _album_zip_entries(folder)
    if which == "bad":
        entries["../outside.txt"] = b"zip slip"
    return _zip(folder, entries)


def ast818_zip(which: str, folder: Path) -> Path:
    entries = _album_zip_entries(folder)
    if which == "bad":
        entries["album-old.xml"] = GOOD_ALBUM.read_bytes()
    return _zip(folder, entries)


def ast819_zip(which: str, folder: Path) -> Path:
    import zipfile

    path = _zip(folder, _album_zip_entries(folder))
    if which == "bad":
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("resources/A1.flac.bak", b"\0" * 3_000_000,
                             compress_type=zipfile.ZIP_DEFLATED)
    return path


def hundred_tracks(which: str, folder: Path) -> Path:
    """REF213: the clean album grown to 100 tracks (copies of A3, each with its own reference,
    ISRC and file); the good case is the clean album itself."""
    if which == "good":
        return GOOD_ALBUM
    album = GOOD_ALBUM.read_text(encoding="utf-8")
    start = album.index("    <SoundRecording>", album.index("<ISRC>GBAYE2400002</ISRC>"))
    end = album.index("    <Image>")
    third = album[start:end]
    copies, references = [], []
    for number in range(5, 102):  # A4 is the cover
        copies.append(third.replace(">A3<", f">A{number}<")
                      .replace("GBAYE2400003", f"GBAYE24{number:05d}")
                      .replace(">T3<", f">T{number}<").replace("A3.flac", f"A{number}.flac"))
        references.append('        <ReleaseResourceReference ReleaseResourceType='
                          f'"PrimaryResource">A{number}</ReleaseResourceReference>\n')
    last_reference = ('        <ReleaseResourceReference ReleaseResourceType="PrimaryResource">'
                      "A3</ReleaseResourceReference>\n")
    grown = album[:end] + "".join(copies) + album[end:]
    grown = grown.replace(last_reference, last_reference + "".join(references), 1)
    path = folder / "bad.xml"
    path.write_text(grown, encoding="utf-8")
    return path


def ast820_assets(which: str, folder: Path) -> Path:
    """AST820: the bad case's second track is a WAV among FLACs (one second is enough:
    only the format is judged)."""
    assets = album_assets(folder / "assets")
    if which == "bad":
        from tests import media_factory

        (assets / "resources" / "A2.flac").unlink()
        media_factory.wav(assets / "resources" / "A2.wav", 1.0)
    return assets
