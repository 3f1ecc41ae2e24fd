"""The delivery plan: a real-sized album (3 × 35 MB WAV + a 3000×3000 cover) becomes a release
ZIP within 50,000 KB and audio parts of at most 10 MB that cover each file once, in order, with
digests of the very bytes; a small release stays one ZIP, byte-identical to what the packager
wrote before plans existed; the same inputs give the same plan."""

from __future__ import annotations

import hashlib
import json
import shutil
import wave
from pathlib import Path

import pytest

import ddexkit
from ddexkit.cli import main
from ddexkit.config import Config
from ddexkit.limits import FILE_UPLOAD_LIMIT_BYTES, RELEASE_LIMIT_BYTES
from tests import media_factory
from tests.rules import builders

pytestmark = pytest.mark.usefixtures("no_schema_installed")

# The album's audio rules judge real decoded facts; these WAVs are sparse (35 MB on paper).
QUIET = Config(ignore=("ERN007", "AST811", "AST813", "AST814", "AST815", "AST803", "AST804"))
WAV_BYTES = 35_000_000


def _sparse_wav(path: Path) -> None:
    """A WAV header for silence, then a hole up to 35 MB: cheap to make, real to hash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.setnframes((WAV_BYTES - 44) // 4)
        out.writeframes(b"\0" * 4)
    with path.open("r+b") as handle:
        handle.truncate(WAV_BYTES)


def _album(tmp_path: Path) -> tuple[Path, Path]:
    assets = tmp_path / "album"
    text = builders.GOOD_ALBUM.read_text(encoding="utf-8")
    for name in builders.ALBUM_TRACKS:
        _sparse_wav(assets / "resources" / f"{name}.wav")
        text = text.replace(f"{name}.flac", f"{name}.wav")
    text = text.replace("<AudioCodecType>FLAC</AudioCodecType>",
                        "<AudioCodecType>PCM</AudioCodecType>")
    media_factory.image(assets / "resources" / "cover.jpg")
    ern = assets / "album.xml"
    ern.write_text(text, encoding="utf-8")
    return ern, assets


def _parts_cover_each_file(plan: dict[str, object], assets: Path) -> list[str]:
    steps = plan["steps"]
    assert isinstance(steps, list)
    audio = [s for s in steps if s["payload"] == "audio"]
    sources = list(dict.fromkeys(s["source"] for s in audio))
    for source in sources:
        parts = [s for s in audio if s["source"] == source]
        data = (assets / source).read_bytes()
        assert [p["offset"] for p in parts] == [
            sum(p["bytes"] for p in parts[:i]) for i in range(len(parts))]
        assert sum(p["bytes"] for p in parts) == len(data)
        assert all(p["bytes"] <= FILE_UPLOAD_LIMIT_BYTES for p in parts)
        assert [p["is_last"] for p in parts] == [False] * (len(parts) - 1) + [True]
        assert [p["part"] for p in parts] == list(range(1, len(parts) + 1))
        assert {p["parts"] for p in parts} == {len(parts)}
        assert len({p["upload_id"] for p in parts}) == 1
        for p in parts:
            chunk = data[p["offset"]:p["offset"] + p["bytes"]]
            assert p["md5"] == hashlib.md5(chunk).hexdigest()
            assert p["sha256"] == hashlib.sha256(chunk).hexdigest()
    return sources


def test_a_real_sized_album_becomes_a_release_zip_and_audio_parts(tmp_path: Path) -> None:
    ern, assets = _album(tmp_path)
    output = tmp_path / "out" / "album.zip"
    output.parent.mkdir()
    result = ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    assert result.written, [i.code for i in result.report.files[0].issues]
    assert output.stat().st_size <= RELEASE_LIMIT_BYTES
    plan_file = output.with_suffix(".plan.json")
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    assert plan["plan_version"] == 1 and plan["release"]["icpn"]
    first = plan["steps"][0]
    assert (first["endpoint"], first["field"], first["source"]) == (
        "/api/v1/release", "file", "album.zip")
    assert first["sha256"] == hashlib.sha256(output.read_bytes()).hexdigest()
    assert first["bytes"] == output.stat().st_size
    import zipfile

    with zipfile.ZipFile(output) as archive:  # the ERN and the cover: what fits
        assert archive.namelist() == ["album.xml", "resources/cover.jpg"]
    sources = _parts_cover_each_file(plan, assets)
    assert sources == ["resources/A1.wav", "resources/A2.wav", "resources/A3.wav"]
    tracks = [s["track"] for s in plan["steps"] if s["payload"] == "audio" and s["part"] == 1]
    assert tracks == ["GBAYE2400001", "GBAYE2400002", "GBAYE2400003"]
    assert sorted(p.name for p in output.parent.iterdir()) == ["album.plan.json", "album.zip"]
    # Planning alone gives the same plan, without writing anything.
    alone = ddexkit.plan(ern, assets=assets, config=QUIET, release_zip="album.zip",
                         relative_to=output.parent)
    assert alone.plan is not None and alone.plan.to_dict() == plan


def test_whole_file_upload_cannot_carry_35_mb(tmp_path: Path) -> None:
    ern, assets = _album(tmp_path)
    result = ddexkit.package(ern, assets=assets, output=tmp_path / "a.zip",
                             config=QUIET.merged(audio_upload="whole"))
    assert not result.written
    assert {i.code for i in result.report.files[0].issues} >= {"AST812"}


def test_single_zip_keeps_the_refusal(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    ern, assets = _album(tmp_path)
    config = tmp_path / "ddexkit.toml"
    config.write_text('ignore = ["ERN007", "AST811", "AST813", "AST814", "AST815", "AST803",'
                      ' "AST804"]\n')
    output = tmp_path / "album.zip"
    argv = ["package", str(ern), "--assets", str(assets), "--output", str(output),
            "--config", str(config)]
    assert main([*argv, "--single-zip"]) == 1 and not output.exists()
    assert "AST816" in capsys.readouterr().out
    assert main(argv) == 0
    assert "delivery plan" in capsys.readouterr().err
    assert output.is_file() and output.with_suffix(".plan.json").is_file()


def test_planning_twice_gives_the_same_plan(tmp_path: Path) -> None:
    ern, assets = _album(tmp_path)
    runs = [ddexkit.plan(ern, assets=assets, config=QUIET, relative_to=tmp_path).plan
            for _ in range(2)]
    assert runs[0] is not None and runs[1] is not None
    assert runs[0].to_json() == runs[1].to_json()


def test_a_small_release_is_one_zip_and_a_one_step_plan(tmp_path: Path) -> None:
    assets = builders.album_assets(tmp_path / "release")
    ern = assets / "album.xml"
    shutil.copy(builders.GOOD_ALBUM, ern)
    output = tmp_path / "release.zip"
    result = ddexkit.package(ern, assets=assets, output=output, config=QUIET)
    assert result.plan is not None and len(result.plan.steps) == 1
    assert result.plan_output is None and not output.with_suffix(".plan.json").exists()
    planned = ddexkit.plan(ern, assets=assets, config=QUIET, release_zip="release.zip")
    assert planned.plan is not None and len(planned.plan.steps) == 1
    assert planned.plan.steps[0].sha256 == hashlib.sha256(output.read_bytes()).hexdigest()


# What the packager wrote for this release before delivery plans existed (commit 81991a1).
_BEFORE_PLANS_SHA256 = "cc35e31439ea1566bf09887118f74d6b00a5dc1bc77b26a9532e3ee0656bf477"


def test_a_release_that_fits_is_byte_identical_to_before(tmp_path: Path) -> None:
    assets = tmp_path / "release"
    for name, seconds in builders.ALBUM_TRACKS.items():
        media_factory.flac(assets / "resources" / f"{name}.flac", seconds)
    (assets / "resources" / "cover.jpg").write_bytes(
        b"\xff\xd8 not decoded: the asset rules are off \xff\xd9")
    shutil.copy(Path(__file__).parent / "rules" / "cases" / "AST816" / "good.xml",
                assets / "album.xml")
    output = tmp_path / "release.zip"
    ddexkit.package(assets / "album.xml", assets=assets, output=output,
                    config=Config(select=("ERN",), ignore=("ERN007",)))
    assert hashlib.sha256(output.read_bytes()).hexdigest() == _BEFORE_PLANS_SHA256


def test_cli_plan_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ern, assets = _album(tmp_path)
    config = tmp_path / "ddexkit.toml"
    config.write_text('ignore = ["ERN007", "AST811", "AST813", "AST814", "AST815", "AST803",'
                      ' "AST804"]\n')
    argv = ["plan", str(ern), "--assets", str(assets), "--config", str(config)]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "1. POST /api/v1/release file=album.zip" in text
    assert "part 4/4 (GBAYE2400003)" in text
    target = tmp_path / "plan.json"
    assert main([*argv, "--format", "json", "--output", str(target)]) == 0
    assert json.loads(target.read_text())["assets"] == "album"


def test_an_update_puts_the_ern_then_replaced_audio(tmp_path: Path) -> None:
    ern, assets = _album(tmp_path)
    result = ddexkit.plan(ern, assets=assets, config=QUIET, update="REL42",
                          replace={"GBAYE2400002": "trk_2"}, relative_to=tmp_path)
    assert result.plan is not None
    steps = result.plan.to_dict()["steps"]
    assert isinstance(steps, list)
    assert (steps[0]["method"], steps[0]["endpoint"], steps[0]["source"]) == (
        "PUT", "/api/v1/release/REL42", "album/album.xml")
    assert {(s["source"], s["track_id"], s["replaces"]) for s in steps[1:]} == {
        ("resources/A2.wav", "trk_2", True)}
    _parts_cover_each_file(result.plan.to_dict(), assets)
    with pytest.raises(ddexkit.PackageError, match="GBAYE2409999"):
        ddexkit.plan(ern, assets=assets, config=QUIET, update="REL42",
                     replace={"GBAYE2409999": "trk_9"})


def test_audio_changed_after_validation_is_not_planned(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts' digests would be of bytes the asset checks never saw."""
    from tests.test_packager import _changing_after_validation

    ern, assets = _album(tmp_path)
    _changing_after_validation(monkeypatch, assets / "resources" / "A3.wav",
                               keep_size_and_time=True)
    with pytest.raises(ddexkit.PackageError, match=r"A3\.wav: changed after it was validated"):
        ddexkit.plan(ern, assets=assets, config=QUIET)
