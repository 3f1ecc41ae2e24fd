"""``ddexkit fix`` against hostile and unlucky inputs: damaged ZIP entries, files that cannot
be written or vanish before the write, terminals that cannot show the file's text, names a
diff must quote, a start tag whose attributes span lines, one file named twice. Each ends in
a line naming the file (never a traceback, never exit 3) or in the fix made as for any file."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ddexkit
from ddexkit import cli
from ddexkit.autofix import FixError, _Lines, fix_bytes, fix_file, write_fixed
from ddexkit.engine import Settings, resolve_settings
from ddexkit.report import FileReport
from ddexkit.safexml import MAX_MESSAGE_BYTES
from tests.conftest import GOOD_ALBUM
from tests.test_fix import FAULTS as ALL_FAULTS

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
    assert err.count("\n") == 1 and str(package) in err
    assert f"its entry {COVER} cannot be unpacked" in err
    assert package.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["release.zip"]


def test_write_of_a_file_deleted_since_it_was_read_says_so(tmp_path: Path,
                                                           fix_settings: Settings) -> None:
    target = tmp_path / "album.xml"
    target.write_bytes(FAULTY)
    result, state = fix_file(target, fix_settings)
    target.unlink()
    with pytest.raises(FixError, match=f"{target}: deleted or moved since ddexkit read it"):
        write_fixed(target, result, state)
    assert list(tmp_path.iterdir()) == []


def test_a_file_whose_folder_cannot_be_written_is_one_line_and_the_run_goes_on(
        tmp_path: Path, schema_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    locked, free = tmp_path / "locked", tmp_path / "free"
    for folder in (locked, free):
        folder.mkdir()
        (folder / "album.xml").write_bytes(FAULTY)
    make_temporary = tempfile.mkstemp

    def refuse_in_locked(suffix: str | None = None, prefix: str | None = None,
                         dir: str | None = None) -> tuple[int, str]:
        if dir is not None and Path(dir) == locked:  # as a folder without the write bit
            raise PermissionError(13, "Permission denied", str(locked / ".album.xml.x.fix"))
        return make_temporary(suffix=suffix, prefix=prefix, dir=dir)

    monkeypatch.setattr(tempfile, "mkstemp", refuse_in_locked)
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), "--write",
                     str(locked / "album.xml"), str(free / "album.xml")]) == 1
    out, err = capsys.readouterr()
    assert err == (f"ddexkit: {locked / 'album.xml'}: cannot write the fixed file beside it, "
                   f"in {locked} (permission denied); nothing was changed there\n")
    assert (locked / "album.xml").read_bytes() == FAULTY
    assert (free / "album.xml").read_bytes() == ALBUM
    assert f"{free / 'album.xml'}: 1 fixed" in out


def test_the_diff_is_the_files_bytes_whatever_the_terminal_encodes(
        tmp_path: Path, schema_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A Latin-1 or cp1252 standard output cannot encode an em dash or an emoji beside the
    # fix: the diff must still be written, in the file's UTF-8, for patch to apply it.
    target = tmp_path / "album.xml"
    noted = "<!-- \u2014 \U0001f3b5 caf\u00e9 -->".encode()
    target.write_bytes(FAULTY.replace(b"<ISRC>GB-AYE", noted + b"<ISRC>GB-AYE"))
    written = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(written, encoding="latin-1"))
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), str(target)]) == 1
    sys.stdout.flush()
    assert (b"-        " + noted + b"<ISRC>GB-AYE-24-00002</ISRC>\n+        " + noted
            + b"<ISRC>GBAYE2400002</ISRC>\n") in written.getvalue()


@pytest.mark.parametrize("name", ["my album.xml", "two\n+++ b.xml", 'say "hi".xml',
                                  "back\\slash\tand tab.xml"])
def test_the_diff_names_any_file_so_patch_and_git_apply_find_it(
        name: str, tmp_path: Path, fix_settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A name with a space ends at the space for patch unless a tab follows it; a newline
    # would end the header and start another ("+++ b.xml" names another file).
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(FAULTY)
    result, _ = fix_file(Path(name), fix_settings)
    diff = result.unified_diff()
    assert [line for line in diff.split("\n") if line.startswith(("---", "+++"))] == [
        line for line in diff.split("\n")[:2]]
    (tmp_path / "fixes.diff").write_text(diff, encoding="utf-8", newline="")
    for tool in (["git", "apply", "--check"], ["patch", "--dry-run", "-s", "-p1", "-i"]):
        if shutil.which(tool[0]) is not None:
            done = subprocess.run([*tool, "fixes.diff"], cwd=tmp_path, capture_output=True,
                                  text=True, check=False)
            assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("tag", [b'<ICPN\n            IsEan="true">',
                                 b'<ICPN\r\n   \r\n            IsEan="true"\r\n        >'])
def test_a_start_tag_whose_attributes_span_lines_is_fixed(
        tag: bytes, fix_settings: Settings) -> None:
    # The parser gives the line where the start tag ends, the column where it begins.
    raw = ALBUM.replace(b'<ICPN IsEan="false">', tag)
    result = fix_bytes(raw, fix_settings)
    assert [o.code for o in result.applied] == ["ID103"] and not result.refused
    assert result.fixed == raw.replace(b'IsEan="true"', b'IsEan="false"')


def test_a_file_named_twice_or_through_a_link_is_fixed_once(
        tmp_path: Path, schema_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Its diff twice would not apply (patch: "previously applied"; git apply: an error).
    target = tmp_path / "album.xml"
    target.write_bytes(FAULTY)
    (tmp_path / "link.xml").symlink_to(target)
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), str(target), str(target),
                     str(tmp_path / "link.xml"), str(tmp_path / "." / "album.xml")]) == 1
    out, err = capsys.readouterr()
    assert out.count("\n+++ ") == 1 and err.count("ID105 would fix") == 1


def test_a_message_one_byte_over_the_limit_is_refused_as_any_larger_one(
        tmp_path: Path, fix_settings: Settings) -> None:
    target = tmp_path / "album.xml"
    with target.open("wb") as out:  # sparse: the size is all that is read first
        out.truncate(MAX_MESSAGE_BYTES + 1)
    with pytest.raises(FixError, match=f"larger than {MAX_MESSAGE_BYTES:,} bytes"):
        fix_file(target, fix_settings)


# Ways a file may be written that fix must keep, each applied to the faulty and the clean
# album alike (so the fixed faulty one must be the clean one, written the same way).
STYLES: dict[str, Callable[[bytes], bytes]] = {
    "crlf": lambda raw: raw.replace(b"\n", b"\r\n"),
    "bom": lambda raw: b"\xef\xbb\xbf" + raw,
    "prefix": lambda raw: raw.replace(b"ern:", b"d:").replace(b"xmlns:ern=", b"xmlns:d="),
    "tabs": lambda raw: raw.replace(b"  ", b"\t"),
    "one line": lambda raw: re.sub(rb">\s+<", b"><", raw),
    "comments": lambda raw: re.sub(rb"(<(?:ISRC|Duration|TerritoryCode|ArtistRole)>)",
                                   rb"<!-- \1 --> \1", raw),
    "quotes": lambda raw: raw.replace(b'"', b"'"),
    "no declaration": lambda raw: re.sub(rb"\A<\?xml[^>]*\?>\s*", b"", raw),
}
# test_fix.py's faults but 4:05, which its fix writes PT4M5S where the album has PT4M05S (the
# same duration, other bytes: this test compares bytes).
FAULTS = [fault for fault in ALL_FAULTS if fault[0] != b"<Duration>PT4M05S</Duration>"]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(styles=st.lists(st.sampled_from(sorted(STYLES)), unique=True, max_size=4),
       faults=st.sets(st.sampled_from(range(len(FAULTS))), min_size=1))
def test_any_style_keeps_every_byte_but_the_fixed_values_and_a_second_run_changes_nothing(
        styles: list[str], faults: set[int], fix_settings: Settings) -> None:
    faulty = ALBUM
    for index in sorted(faults):
        faulty = faulty.replace(*FAULTS[index], 1)
    clean = ALBUM
    for style in sorted(styles, key=list(STYLES).index):  # the BOM before the declaration
        faulty, clean = STYLES[style](faulty), STYLES[style](clean)
    result = fix_bytes(faulty, fix_settings, unsafe=True)
    assert not result.refused and not result.report.issues
    assert result.fixed == clean
    again = fix_bytes(result.fixed, fix_settings, unsafe=True)
    assert not again.changed and not again.applied and not again.refused


def test_tags_in_comments_on_a_line_do_not_shift_which_element_is_fixed(
        fix_settings: Settings) -> None:
    # One line, each ISRC after a comment holding an old one: the comments' tags are no
    # elements, and must not be counted when the issue's column is worked out.
    def written(raw: bytes) -> bytes:
        raw = re.sub(rb">\s+<", b"><", raw)
        return raw.replace(b"<ISRC>", b"<!-- was <ISRC>X</ISRC> --><ISRC>")

    faulty = ALBUM.replace(b"GBAYE2400001", b"GB-AYE-24-00001").replace(b"GBAYE2400003",
                                                                         b"gbaye2400003")
    result = fix_bytes(written(faulty), fix_settings)
    assert [o.code for o in result.applied] == ["ID105", "ID105"] and not result.refused
    assert result.fixed == written(ALBUM)


def test_a_file_that_cannot_be_read_is_one_line_and_the_run_goes_on(
        tmp_path: Path, schema_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # As validate reports it (ERN001) and goes on: the files before it were written already,
    # and the JSON document must still tell what was done.
    first, pipe, last = (tmp_path / name for name in ("a.xml", "b.xml", "c.xml"))
    first.write_bytes(FAULTY)
    os.mkfifo(pipe)
    last.write_bytes(FAULTY)
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), "--write", "--format",
                     "json", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert err == f"ddexkit: {pipe}: cannot be read (it is not a regular file (a pipe, " \
                  "device or socket))\n"
    files = json.loads(out)["files"]
    assert [(f["path"], f.get("written")) for f in files] == [
        (str(first), True), (str(pipe), None), (str(last), True)]
    assert files[1]["error"] == err[len("ddexkit: "):-1]
    assert first.read_bytes() == last.read_bytes() == ALBUM


def test_write_keeps_the_bytes_before_a_zips_first_entry(tmp_path: Path,
                                                          fix_settings: Settings) -> None:
    # A self-extracting stub (or any lead-in) is the user's too: zipfile reads past it, and
    # the rewritten package must keep it.
    stub = b"#!/bin/sh\nunzip \"$0\"; exit\n"
    package = _package(tmp_path, lambda _data: None)
    package.write_bytes(stub + package.read_bytes())
    result, state = fix_file(package, fix_settings)
    write_fixed(package, result, state)
    assert package.read_bytes().startswith(stub)
    with zipfile.ZipFile(package) as archive:
        assert archive.testzip() is None and archive.read("album.xml") == ALBUM


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_utf16_or_utf32_file_without_a_bom_is_refused_for_its_encoding(
        codec: str, fix_settings: Settings) -> None:
    # The parser reads it by its first bytes (XML 1.0, appendix F), so fix must too.
    declared = FAULTY.replace(b'encoding="UTF-8"', b'encoding="' + codec[:6].upper().encode()
                              + b'"')
    result = fix_bytes(declared.decode().encode(codec), fix_settings)
    assert not result.changed
    assert [o.reason for o in result.refused] == [
        "fix edits UTF-8 files only, and this one is UTF-16 or UTF-32"]


@pytest.mark.parametrize(("assets", "what"), [("album.xml", "not a folder"),
                                              ("nowhere", "no such folder")])
def test_fix_refuses_an_assets_folder_that_is_none_as_validate_does(
        assets: str, what: str, tmp_path: Path, schema_dir: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Else every file the ERN names is "missing", and the unsafe file fixes are never offered.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "album.xml").write_bytes(FAULTY)
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), "--write", "--assets",
                     assets, "album.xml"]) == 2
    assert capsys.readouterr().err == (f"ddexkit: --assets {assets}: {what}; name the folder "
                                       "holding the release's artwork and audio\n")
    assert (tmp_path / "album.xml").read_bytes() == FAULTY


@pytest.mark.parametrize(("entries", "why"), [
    ({"cover.jpg": b"x"}, "it holds no ERN (.xml)"),
    ({"a.xml": FAULTY, "b.xml": FAULTY}, "it holds 2 XML files (a.xml, b.xml), and fix edits "
                                          "a ZIP with one ERN"),
    ({"album.xml": FAULTY, "Cover.jpg": b"x", "cover.jpg": b"y"},
     "its entries Cover.jpg and cover.jpg are one file once unpacked"),
])
def test_a_zip_fix_cannot_edit_says_what_is_wrong_with_it(
        entries: dict[str, bytes], why: str, tmp_path: Path, fix_settings: Settings) -> None:
    package = tmp_path / "release.zip"
    with zipfile.ZipFile(package, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    with pytest.raises(FixError) as refused:
        fix_file(package, fix_settings)
    assert str(refused.value) == f"{package}: no single ERN that ddexkit may read: {why}; " \
                                 "nothing fixed"


def test_a_zip_with_a_name_twice_says_which(tmp_path: Path, fix_settings: Settings) -> None:
    package = tmp_path / "release.zip"
    with zipfile.ZipFile(package, "w") as archive, pytest.warns(UserWarning):
        for name, data in (("album.xml", FAULTY), ("cover.jpg", b"x"), ("cover.jpg", b"y")):
            archive.writestr(name, data)
    with pytest.raises(FixError, match=r"its entry cover\.jpg is there twice; nothing fixed"):
        fix_file(package, fix_settings)


def test_write_of_a_file_with_the_longest_name_the_system_allows(
        tmp_path: Path, fix_settings: Settings) -> None:
    # The temporary file beside it is named after it: it must not be longer than it may be.
    target = tmp_path / ("é" * 125 + ".xml")  # 254 bytes in UTF-8
    target.write_bytes(FAULTY)
    result, state = fix_file(target, fix_settings)
    write_fixed(target, result, state)
    assert target.read_bytes() == ALBUM and [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("replaced_by", [b"not a zip any more", b""])
def test_write_of_a_zip_replaced_since_it_was_read_says_so(
        replaced_by: bytes, tmp_path: Path, fix_settings: Settings) -> None:
    package = _package(tmp_path, lambda _data: None)
    result, state = fix_file(package, fix_settings)
    package.write_bytes(replaced_by)
    with pytest.raises(FixError, match="changed since ddexkit read it; not written"):
        write_fixed(package, result, state)
    assert package.read_bytes() == replaced_by
    assert [p.name for p in tmp_path.iterdir()] == ["release.zip"]


def test_write_of_a_zip_replaced_by_a_pipe_since_it_was_read_does_not_wait_on_it(
        tmp_path: Path, fix_settings: Settings) -> None:
    package = _package(tmp_path, lambda _data: None)
    result, state = fix_file(package, fix_settings)
    package.unlink()
    os.mkfifo(package)

    def unblock() -> None:  # opens the pipe's other end if the write waits on it
        with contextlib.suppress(OSError):
            os.close(os.open(package, os.O_WRONLY))

    rescue = threading.Timer(5, unblock)
    rescue.start()
    started = time.monotonic()
    try:
        with pytest.raises(FixError, match="changed since ddexkit read it; not written"):
            write_fixed(package, result, state)
        assert time.monotonic() - started < 5
    finally:
        rescue.cancel()


def test_write_of_a_file_replaced_by_a_pipe_since_it_was_read_says_it_changed(
        tmp_path: Path, fix_settings: Settings) -> None:
    target = tmp_path / "album.xml"
    target.write_bytes(FAULTY)
    result, state = fix_file(target, fix_settings)
    target.unlink()
    os.mkfifo(target)
    with pytest.raises(FixError, match="changed since ddexkit read it; not written"):
        write_fixed(target, result, state)
    assert [p.name for p in tmp_path.iterdir()] == ["album.xml"]


_ENTRY: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries({
    "name": st.text("abcdé_-", min_size=1, max_size=8).map(lambda n: f"resources/{n}.bin"),
    "data": st.binary(max_size=3000) | st.just(b"\0" * 70_000),
    "method": st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                               zipfile.ZIP_LZMA]),
    "date": st.tuples(st.integers(1980, 2107), st.integers(1, 12), st.integers(1, 28),
                      st.integers(0, 23), st.integers(0, 59), st.integers(0, 29).map(2 .__mul__)),
    "attributes": st.sampled_from([0, 0o100644 << 16, 0o100755 << 16 | 0x20]),
    "comment": st.binary(max_size=20),
    "extra": st.sampled_from([b"", b"\x55\x54\x05\x00\x03\x00\x00\x00\x00"]),
})


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(_ENTRY, max_size=5, unique_by=lambda e: str(e["name"]).casefold()),
       at=st.integers(0, 5),  # zipfile cannot read a comment with the end record's mark
       comment=st.binary(max_size=30).filter(lambda c: b"PK\x05\x06" not in c),
       lead=st.sampled_from([b"", b"#!/bin/sh\nexit\n"]))
def test_write_of_any_zip_keeps_every_entry_as_it_was_and_fixes_the_ern(
        entries: list[dict[str, Any]], at: int, comment: bytes, lead: bytes,
        tmp_path_factory: pytest.TempPathFactory, fix_settings: Settings) -> None:
    folder = tmp_path_factory.mktemp("zip")
    package = folder / "release.zip"
    ern = {"name": "album.xml", "data": FAULTY, "method": zipfile.ZIP_DEFLATED,
           "date": (2024, 4, 2, 9, 30, 2), "attributes": 0, "comment": b"", "extra": b""}
    entries.insert(min(at, len(entries)), ern)
    with zipfile.ZipFile(package, "w") as archive:
        archive.comment = comment
        for entry in entries:
            info = zipfile.ZipInfo(entry["name"], entry["date"])
            info.compress_type = entry["method"]
            info.external_attr = entry["attributes"]
            info.comment, info.extra = entry["comment"], entry["extra"]
            archive.writestr(info, entry["data"])
    package.write_bytes(lead + package.read_bytes())

    def shape(info: zipfile.ZipInfo) -> tuple[object, ...]:
        return (info.filename, info.date_time, info.compress_type, info.external_attr,
                info.comment, info.extra, info.create_system)

    with zipfile.ZipFile(package) as archive:
        before = [shape(info) for info in archive.infolist()]
    result, state = fix_file(package, fix_settings)
    assert [o.code for o in result.applied] == ["ID105"]
    write_fixed(package, result, state)
    assert package.read_bytes().startswith(lead)
    with zipfile.ZipFile(package) as archive:
        assert archive.testzip() is None and archive.comment == comment
        assert [shape(info) for info in archive.infolist()] == before
        assert [archive.read(e["name"]) for e in entries] == [
            ALBUM if e is ern else e["data"] for e in entries]


def _counts(report: FileReport) -> Counter[str]:
    counts: Counter[str] = Counter()
    for issue in report.issues:
        counts[issue.code] += issue.weight
    return counts


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(0, len(FAULTY)), cut=st.integers(0, 40),
       put=st.binary(max_size=12) | st.sampled_from([b"<!--", b"-->", b"<![CDATA[", b"&amp;",
                                                     b"&#x2D;", b"\r", b"\r\n", b"'", b'"',
                                                     b"<ISRC>", b"</ISRC>", b">", b"\xef\xbb\xbf"]))
def test_any_damage_near_a_fix_never_raises_and_changes_only_the_spans_it_made(
        at: int, cut: int, put: bytes, fix_settings: Settings) -> None:
    # Aimed at the ISRC and ICPN being fixed half the time, anywhere the rest.
    raw = FAULTY.replace(b'<ICPN IsEan="false">', b'<ICPN IsEan="true">')
    if at % 2:
        near = raw.index(b"GB-AYE") if at % 4 == 1 else raw.index(b'IsEan="')
        at = near - 12 + at % 30
    damaged = raw[:at] + put + raw[at + cut:]
    result = fix_bytes(damaged, fix_settings, unsafe=True)
    parts, last = [], 0
    for outcome in sorted(result.applied, key=lambda o: o.span or (0, 0)):
        assert outcome.span is not None and outcome.written is not None
        parts += [damaged[last:outcome.span[0]], outcome.written.encode()]
        last = outcome.span[1]
    assert result.fixed == b"".join(parts) + damaged[last:]
    if result.applied:
        before = _counts(ddexkit.validate(damaged, schema_dir=fix_settings.schema_dir,
                                          config=ddexkit.Config()).files[0])
        assert not [code for code, n in _counts(result.report).items() if n > before[code]]


def test_write_refuses_a_file_this_user_may_not_write_in_a_folder_it_may(
        tmp_path: Path, fix_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # Someone else's 0644 file in a shared folder: the rename would replace it all the same,
    # and hand it to this user. os.access is what the kernel says for this user (root aside,
    # whom the mode bits stop), so it stands in here for a test run as another user.
    target = tmp_path / "album.xml"
    target.write_bytes(FAULTY)
    result, state = fix_file(target, fix_settings)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kwargs: False
                        if Path(path) == target and mode == os.W_OK
                        else real_access(path, mode, **kwargs))
    with pytest.raises(FixError, match="read-only; not written"):
        write_fixed(target, result, state)
    assert target.read_bytes() == FAULTY


def test_fix_write_on_a_folder_leaves_the_files_the_configuration_excludes(
        tmp_path: Path, schema_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # Fixtures kept broken on purpose are what `exclude` is for: validate skips them, and
    # fix --write must not repair them behind the user's back.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ddexkit.toml").write_text('exclude = ["fixtures/*"]\n', encoding="utf-8")
    (tmp_path / "fixtures").mkdir()
    for name in ("album.xml", "fixtures/hyphenated.xml"):
        (tmp_path / name).write_bytes(FAULTY)
    assert cli.main(["fix", "--schema-dir", str(schema_dir), "--write", "."]) == 0
    assert "hyphenated" not in capsys.readouterr().out
    assert (tmp_path / "album.xml").read_bytes() == ALBUM
    assert (tmp_path / "fixtures" / "hyphenated.xml").read_bytes() == FAULTY


def test_fix_write_leaves_what_exclude_names_on_the_command_line(
        tmp_path: Path, schema_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fixtures").mkdir()
    for name in ("album.xml", "fixtures/hyphenated.xml"):
        (tmp_path / name).write_bytes(FAULTY)
    assert cli.main(["fix", "--no-config", "--schema-dir", str(schema_dir), "--write",
                     "--exclude", "fixtures", "."]) == 0
    assert (tmp_path / "album.xml").read_bytes() == ALBUM
    assert (tmp_path / "fixtures" / "hyphenated.xml").read_bytes() == FAULTY


def test_write_keeps_what_a_folder_entry_of_the_zip_holds(tmp_path: Path,
                                                           fix_settings: Settings) -> None:
    # A folder entry holds nothing as a rule, but what it holds is the user's too.
    package = tmp_path / "release.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("album.xml", FAULTY)
        archive.writestr("resources/", b"")
        archive.writestr("notes/", b"kept in a folder entry")
    result, state = fix_file(package, fix_settings)
    write_fixed(package, result, state)
    with zipfile.ZipFile(package) as archive:
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == [
            ("album.xml", ALBUM), ("resources/", b""), ("notes/", b"kept in a folder entry")]


@settings(max_examples=50, deadline=None)
@given(text=st.lists(st.sampled_from(["a", "é", "\u20ac", "\U0001f3b5", "\n", "\r"]),
                     max_size=40).map("".join),
       asked=st.lists(st.tuples(st.integers(1, 4), st.integers(1, 45)), max_size=12))
def test_the_byte_offset_of_any_column_asked_in_any_order_is_the_utf8_prefix(
        text: str, asked: list[tuple[int, int]]) -> None:
    # Counted on from the column asked before (a one-line message's thousands of fixes cost
    # one reading of the line): it must give what encoding the line up to the column gives.
    raw = text.encode()
    lines = _Lines(raw)
    texts = text.split("\n")
    for line, column in asked:
        if line > len(texts):
            assert lines.offset(line, column) is None
            continue
        before = sum(len(t.encode()) + 1 for t in texts[:line - 1])
        expected = before + len(texts[line - 1][:column - 1].encode())
        if column - 1 <= len(texts[line - 1]):
            assert lines.offset(line, column) == expected


class _CountingText(str):
    """A line's text that counts the characters sliced out of it (to encode them)."""

    sliced = 0

    def __getitem__(self, key: Any) -> str:
        part = str.__getitem__(self, key)
        _CountingText.sliced += len(part)
        return part


def test_the_columns_of_one_long_line_are_counted_in_one_reading_of_it() -> None:
    # 2,000 fixes on a one-line message that is not ASCII: each column's bytes counted from
    # the line's start read it 1,000 times over (minutes for a large album, not seconds).
    line = "é" + "<ISRC>GB-AYE-24-00002</ISRC>" * 2_000
    lines = _Lines(line.encode())
    assert lines.offset(1, 1) == 0
    lines._texts[1] = _CountingText(line)
    _CountingText.sliced = 0
    columns = [match.start() + 1 for match in re.finditer("<ISRC>", line)]
    assert [lines.offset(1, column) for column in columns] == [
        len(line[:column - 1].encode()) for column in columns]
    assert _CountingText.sliced <= len(line)
