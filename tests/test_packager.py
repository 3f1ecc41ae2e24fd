"""package(): validates first, writes nothing on errors, deterministic and atomic ZIPs,
inputs untouched; the `ddexkit package` command."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

import ddexkit
from ddexkit.cli import main
from ddexkit.config import Config
from ddexkit.packager import PackageError
from tests.rules import builders

# These tests run without the XSD (ERN007), as on a machine where none is installed.
pytestmark = pytest.mark.usefixtures("no_schema_installed")

QUIET = Config(ignore=("ERN007",))  # the packaging tests do not depend on ../shared's XSD


def _release(tmp_path: Path) -> tuple[Path, Path]:
    assets = builders.album_assets(tmp_path / "release")
    ern = assets / "album.xml"
    shutil.copy(builders.GOOD_ALBUM, ern)
    return ern, assets


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_clean_folder_gives_a_zip_that_validates(tmp_path: Path) -> None:
    ern, assets = _release(tmp_path)
    before = _tree_hashes(assets)
    output = tmp_path / "out" / "release.zip"
    output.parent.mkdir()
    result = ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    assert result.written and output.is_file()
    assert _tree_hashes(assets) == before  # inputs never modified
    with zipfile.ZipFile(output) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["album.xml", "resources/A1.flac",
                                           "resources/A2.flac", "resources/A3.flac",
                                           "resources/cover.jpg"]
    assert infos[0].compress_type == zipfile.ZIP_DEFLATED
    assert {i.compress_type for i in infos[1:]} == {zipfile.ZIP_STORED}
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert result.output is not None
    assert result.output.sha256 == hashlib.sha256(output.read_bytes()).hexdigest()
    assert result.output.size == output.stat().st_size
    assert result.entries[1].md5 == hashlib.md5(
        (assets / "resources" / "A1.flac").read_bytes()).hexdigest()
    report = ddexkit.validate(output, config=QUIET)
    assert [i.code for i in report.files[0].issues] == []
    assert list(output.parent.iterdir()) == [output]  # no temporary left over


def test_estimated_size_is_the_written_size(tmp_path: Path) -> None:
    from ddexkit.inputs import FolderAssets
    from ddexkit.media import gather_assets
    from ddexkit.parser import parse

    ern, assets = _release(tmp_path)
    output = tmp_path / "release.zip"
    ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    facts = gather_assets(parse(ern), FolderAssets(assets), message_name="album.xml",
                          message_bytes=ern.read_bytes())
    assert facts.package_size == output.stat().st_size


def test_same_inputs_give_byte_identical_zips(tmp_path: Path) -> None:
    ern, assets = _release(tmp_path)
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    ddexkit.package(ern, assets=assets, output=first, config=QUIET)
    (assets / "resources" / "A1.flac").touch()  # a new mtime changes nothing
    ddexkit.package(ern, assets=assets, output=second, config=QUIET)
    assert first.read_bytes() == second.read_bytes()


def test_broken_release_writes_nothing(tmp_path: Path) -> None:
    ern, assets = _release(tmp_path)
    (assets / "resources" / "A2.flac").unlink()
    output = tmp_path / "release.zip"
    result = ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    assert not result.written and not output.exists()
    assert [i.code for i in result.report.files[0].issues] == ["AST801"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release"]


def test_a_missing_file_refuses_the_package_even_with_ast801_ignored(tmp_path: Path) -> None:
    """Switching AST801 off must not give a ZIP without the track, which the ingest rejects."""
    ern, assets = _release(tmp_path)
    (assets / "resources" / "A2.flac").unlink()
    output = tmp_path / "release.zip"
    with pytest.raises(ddexkit.PackageError, match=r"resources/A2\.flac is referenced by the ERN"):
        ddexkit.package(ern, assets=assets, output=output,
                        config=Config(ignore=("ERN007", "AST801")))
    assert not output.exists()


def test_existing_output_is_not_overwritten(tmp_path: Path) -> None:
    ern, assets = _release(tmp_path)
    output = tmp_path / "release.zip"
    output.write_bytes(b"keep")
    with pytest.raises(ddexkit.PackageError):
        ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    assert output.read_bytes() == b"keep"


def test_interrupted_run_leaves_no_partial_zip(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from ddexkit import packager

    ern, assets = _release(tmp_path)
    output = tmp_path / "release.zip"
    real_copy = packager._copy
    calls = []

    def interrupted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_copy(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(packager, "_copy", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release"]


def test_cli_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ern, assets = _release(tmp_path)
    output = tmp_path / "release.zip"
    config = tmp_path / "ddexkit.toml"
    config.write_text('ignore = ["ERN007"]\n')
    argv = ["package", str(ern), "--assets", str(assets), "--output", str(output),
            "--format", "json", "--config", str(config)]
    assert main(argv) == 0
    written = json.loads(capsys.readouterr().out)["package"]
    assert written["size"] == output.stat().st_size
    assert written["entries"][0]["name"] == "album.xml"
    assert main(argv) == 2  # the output exists: refused, left as it is
    (assets / "resources" / "cover.jpg").unlink()
    output.unlink()
    assert main(argv) == 1 and not output.exists()
    assert json.loads(capsys.readouterr().out)["package"] is None


def _changing_after_validation(monkeypatch: pytest.MonkeyPatch, path: Path, *,
                               keep_size_and_time: bool) -> None:
    """Make ``path`` change between the asset checks and the ZIP, as a file still being
    exported or synced does: one byte flipped with its size and mtime kept (only its bytes
    tell), or a byte appended."""
    from ddexkit.packager import validate_release as validate

    def validate_then_change(*args: object, **kwargs: object) -> object:
        outcome = validate(*args, **kwargs)  # type: ignore[arg-type]
        before = path.stat()
        data = bytearray(path.read_bytes())
        if keep_size_and_time:
            data[-1] ^= 0xFF
        else:
            data += b"\0"
        path.write_bytes(bytes(data))
        if keep_size_and_time:
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        return outcome

    monkeypatch.setattr("ddexkit.delivery.validate_release", validate_then_change)


@pytest.mark.parametrize("keep_size_and_time", [True, False])
def test_a_file_changed_after_validation_is_not_zipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep_size_and_time: bool) -> None:
    ern, assets = _release(tmp_path)
    audio = assets / "resources" / "A2.flac"
    _changing_after_validation(monkeypatch, audio, keep_size_and_time=keep_size_and_time)
    output = tmp_path / "out" / "release.zip"
    output.parent.mkdir()
    with pytest.raises(PackageError, match=r"A2\.flac: changed after it was validated"):
        ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    assert list(output.parent.iterdir()) == []  # no ZIP, no temporary


def test_the_copy_does_not_read_the_md5_again(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The asset checks hashed each file; the ZIP's copy computes only the SHA-256 that
    proves it is the same file, and the entries still carry both true digests."""
    from ddexkit.media import hash_stream

    asked: list[tuple[str, ...]] = []

    def counting(stream: object, algorithms: tuple[str, ...], **kwargs: object) -> object:
        asked.append(tuple(algorithms))
        return hash_stream(stream, algorithms, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("ddexkit.packager.hash_stream", counting)
    ern, assets = _release(tmp_path)
    output = tmp_path / "release.zip"
    result = ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    assert result.written
    # the ERN (not an asset: both digests), four assets (SHA-256 only), the ZIP itself
    assert asked == [("md5", "sha256"), *[("sha256",)] * 4, ("md5", "sha256")]
    for entry in result.entries:
        data = (ern if entry.name == "album.xml" else assets / entry.name).read_bytes()
        assert (entry.md5, entry.sha256) == (hashlib.md5(data).hexdigest(),
                                             hashlib.sha256(data).hexdigest())
