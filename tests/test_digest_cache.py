"""Asset digests kept between runs (issue 17): an unchanged file is not hashed again, a
changed one (size, modification time, inode) is, and a damaged cache is never trusted."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ddexkit import cli, media
from ddexkit.digestcache import DigestCache, identity
from tests.conftest import OUR_CORPUS

PACKAGE = OUR_CORPUS / "package"


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files hashed, in order, as media reads them."""
    names: list[str] = []
    real = media.hash_stream

    def counting(stream, algorithms, **kwargs):  # type: ignore[no-untyped-def]
        names.append(Path(getattr(stream, "name", "?")).name)
        return real(stream, algorithms, **kwargs)

    monkeypatch.setattr(media, "hash_stream", counting)
    return names


def _release(tmp_path: Path) -> Path:
    folder = tmp_path / "release"
    shutil.copytree(PACKAGE, folder)
    return folder


def _validate(folder: Path, cache: Path, capsys: pytest.CaptureFixture[str]) -> object:
    cli.main(["validate", str(folder / "album.xml"), "--assets", str(folder),
              "--cache", str(cache), "--format", "json"])
    return json.loads(capsys.readouterr().out)["files"]


def test_a_second_run_hashes_nothing_and_says_the_same(
        tmp_path: Path, hashed: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, cache = _release(tmp_path), tmp_path / "cache"
    first = _validate(folder, cache, capsys)
    assert hashed  # the files were read once
    hashed.clear()
    assert _validate(folder, cache, capsys) == first
    assert hashed == []


def test_a_changed_file_is_hashed_again(
        tmp_path: Path, hashed: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, cache = _release(tmp_path), tmp_path / "cache"
    _validate(folder, cache, capsys)
    audio = sorted(p for p in (folder / "resources").iterdir() if p.suffix != ".jpg")[0]
    info = audio.stat()
    os.utime(audio, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))  # touched
    hashed.clear()
    _validate(folder, cache, capsys)
    assert hashed == [audio.name]
    with audio.open("ab") as stream:  # grown, its time put back
        stream.write(b"\0")
    os.utime(audio, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    hashed.clear()
    report = _validate(folder, cache, capsys)
    assert hashed == [audio.name]
    assert "AST" in json.dumps(report)  # its HashSum no longer matches, and that is said


def test_a_damaged_or_foreign_entry_is_ignored(tmp_path: Path) -> None:
    target = tmp_path / "a.wav"
    target.write_bytes(b"RIFF")
    seen = identity(target)
    assert seen is not None
    cache = DigestCache(tmp_path / "digests")
    cache.put(seen, {"md5": "0" * 32})
    assert cache.get(seen, ["md5"]) == {"md5": "0" * 32}
    assert cache.get(seen, ["sha256"]) is None  # not every asked digest is known
    entry = next((tmp_path / "digests").rglob("*.json"))
    for damaged in (b"{not json", b"[]", json.dumps({"format": 1, "identity": [str(target)],
                                                     "digests": {"md5": "0" * 32}}).encode(),
                    json.dumps({"format": 1, "identity": list(seen),
                                "digests": {"md5": "not hex"}}).encode()):
        entry.write_bytes(damaged)
        assert cache.get(seen, ["md5"]) is None


def test_a_file_changed_while_hashed_is_not_remembered(tmp_path: Path) -> None:
    target = tmp_path / "a.wav"
    target.write_bytes(b"RIFF")
    seen = identity(target)
    assert seen is not None
    target.write_bytes(b"RIFFRIFF")
    cache = DigestCache(tmp_path / "digests")
    cache.put(seen, {"md5": "0" * 32})
    assert not (tmp_path / "digests").exists()


def test_the_memo_keeps_a_file_changed_while_hashed_so_the_packager_refuses_it(
        tmp_path: Path) -> None:
    """DigestMemo (one run, in memory) remembers what was hashed with the identity the file
    had before: a lookup for the file as it is now finds nothing to trust, and the packager,
    seeing another identity, refuses to zip what the checks did not see."""
    from ddexkit.digestcache import DigestMemo
    from ddexkit.packager import PackageError, hashed_when_validated

    target = tmp_path / "a.wav"
    target.write_bytes(b"RIFF")
    seen = identity(target.resolve())
    assert seen is not None
    memo = DigestMemo()
    memo.put(seen, {"md5": "0" * 32})
    assert hashed_when_validated(target, memo) == {"md5": "0" * 32}
    target.write_bytes(b"RIFFRIFF")  # it changes: while being hashed, or after
    now = identity(target.resolve())
    assert now is not None and memo.get(now, ["md5"]) is None
    with pytest.raises(PackageError, match=r"a\.wav: changed after it was validated"):
        hashed_when_validated(target, memo)
    assert hashed_when_validated(tmp_path / "never-hashed.wav", memo) == {}
