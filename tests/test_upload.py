"""The upload client against a fake ingest on 127.0.0.1: a full run of a real plan whose audio
travels in parts, a run stopped mid-way (by the server, or by killing the client) and resumed
with no step sent twice, retries, a refused token (401), a payload too large (413), the
ingest's own errors (exit 1), login, files changed since planning, bad plan and state files,
and a ddexkit without the upload extra. No request leaves the loopback, and the token appears
in no output and no file but the credentials file."""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

import ddexkit
from ddexkit.cli import main
from ddexkit.config import Config
from ddexkit.delivery import DeliveryPlan, Step
from ddexkit.upload import UploadError, runner, upload
from tests import media_factory
from tests.fake_ingest import PASSWORD, RELEASE_ID, TOKEN, TRACK_IDS, USERNAME, FakeIngest
from tests.rules import builders

QUIET = Config(ignore=("ERN007", "AST811", "AST813", "AST814", "AST815", "AST803", "AST804"))
MB = 1_000_000
# A1 random (3 parts), A2 a sparse WAV (3 parts), A3 small (1 part): 52 MB, over one ZIP.
TRACK_BYTES = {"A1": 25 * MB, "A2": 25 * MB, "A3": 2 * MB}


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[str]]:
    """Every connection this process opens must go to the loopback; no proxy, no stored
    token or DDEXKIT_API_TOKEN from the machine."""
    hosts: list[str] = []
    connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = str(address[0])  # type: ignore[index]
            hosts.append(host)
            assert ipaddress.ip_address(host).is_loopback, f"a request left the loopback: {host}"
        connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy", "DDEXKIT_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    yield hosts
    assert all(ipaddress.ip_address(h).is_loopback for h in hosts)


def _wav(path: Path, size: int, *, noise: bool) -> None:
    """A WAV of ``size`` bytes: random samples (every part differs) or silence (sparse)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = (size - 44) // 4
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.setnframes(frames)
        out.writeframes(random.Random(path.name).randbytes(frames * 4) if noise else b"\0" * 4)
    with path.open("r+b") as handle:
        handle.truncate(44 + frames * 4)


@pytest.fixture(scope="module")
def album(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A packaged album that does not fit one ZIP: album.zip and album.plan.json (8 steps)."""
    folder = tmp_path_factory.mktemp("album")
    assets = folder / "album"
    text = builders.GOOD_ALBUM.read_text(encoding="utf-8")
    for name, size in TRACK_BYTES.items():
        _wav(assets / "resources" / f"{name}.wav", size, noise=name != "A2")
        text = text.replace(f"{name}.flac", f"{name}.wav")
    text = text.replace("<AudioCodecType>FLAC</AudioCodecType>",
                        "<AudioCodecType>PCM</AudioCodecType>")
    media_factory.image(assets / "resources" / "cover.jpg")
    (assets / "album.xml").write_text(text, encoding="utf-8")
    result = ddexkit.package(assets / "album.xml", assets=assets, output=folder / "album.zip",
                             config=QUIET)
    assert result.plan_output is not None, [i.code for i in result.report.files[0].issues]
    return folder / "album.plan.json"


def _plan_copy(album: Path, folder: Path) -> Path:
    """The album's plan in a folder of its own (so each test has its own state file): the
    ZIP linked beside it, the assets named from there."""
    document = json.loads(album.read_text(encoding="utf-8"))
    document["assets"] = os.path.relpath(album.parent / document["assets"], folder)
    os.link(album.parent / "album.zip", folder / "album.zip")
    copy = folder / "album.plan.json"
    copy.write_text(json.dumps(document), encoding="utf-8")
    return copy


def _steps(plan: Path) -> list[dict[str, object]]:
    steps = json.loads(plan.read_text(encoding="utf-8"))["steps"]
    assert isinstance(steps, list)
    return steps


def _run(plan: Path, ingest: FakeIngest, *extra: str) -> int:
    return main(["upload", str(plan), "--api-url", ingest.url, *extra])


def _no_token_anywhere(plan: Path, *outputs: str) -> None:
    for text in outputs:
        assert TOKEN not in text
    for path in plan.parent.iterdir():
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path


def _assert_sent_once_as_planned(ingest: FakeIngest, plan: Path) -> None:
    """The server accepted each step exactly once, in order, with the planned bytes."""
    steps = _steps(plan)
    assert [(r.endpoint, r.size, r.md5, r.sha256) for r in ingest.accepted] == [
        (s["endpoint"], s["bytes"], s["md5"], s["sha256"]) for s in steps]
    audio = [(r, s) for r, s in zip(ingest.accepted, steps, strict=True)
             if s["payload"] == "audio"]
    for received, step in audio:
        assert received.fields == {
            "release_id": RELEASE_ID, "upload_id": step["upload_id"],
            "is_last": "true" if step["is_last"] else "false",
            "track_id": TRACK_IDS[str(step["track"])]}
        assert received.filename == Path(str(step["source"])).name
    assets = plan.parent / json.loads(plan.read_text(encoding="utf-8"))["assets"]
    for upload_id, source in {(s["upload_id"], s["source"]) for _, s in audio}:
        whole = hashlib.sha256((assets / str(source)).read_bytes()).hexdigest()
        assert ingest.upload_digest(str(upload_id)) == whole  # the parts rebuild the file
    assert ingest.finished == {s["upload_id"] for _, s in audio}


def test_a_full_run_delivers_every_step_once_in_parts(
        album: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], loopback_only: list[str]) -> None:
    plan = _plan_copy(album, tmp_path)
    monkeypatch.setenv("DDEXKIT_API_TOKEN", TOKEN)
    with FakeIngest() as ingest:
        assert _run(plan, ingest) == 0
        out, err = capsys.readouterr()
        _assert_sent_once_as_planned(ingest, plan)
        assert [s["parts"] for s in _steps(plan) if s.get("part") == 1] == [3, 3, 1]
        assert ingest.status_requests == 1
        # Run again: every step is recorded as done; only the status is asked.
        assert _run(plan, ingest) == 0
        again, _ = capsys.readouterr()
        assert len(ingest.accepted) == 8 and ingest.status_requests == 2
    assert loopback_only
    lines = out.splitlines()
    assert lines[2] == ("step 2/8 POST /api/v1/file/upload file=resources/A1.wav part 1/3 "
                        "(GBAYE2400001)  10,485,760 bytes: sent (200)")
    assert "album.zip: ingest warning W210: Label name is not in the label list (at label)" in out
    assert f"release {RELEASE_ID}: stored status processing" in lines
    assert lines[-1] == "upload delivered: 8 steps sent, 0 done before; ingest: 0 errors, 1 warning"
    assert err == ""
    assert "8 of 8 steps were done before" in again and "0 steps sent, 8 done before" in again
    state = json.loads(plan.with_suffix(".state.json").read_text(encoding="utf-8"))
    assert state["release_id"] == RELEASE_ID and state["track_ids"] == TRACK_IDS
    assert [d["step"] for d in state["done"]] == list(range(1, 9))
    _no_token_anywhere(plan, out, err, again)


def test_a_run_stopped_by_the_server_resumes_without_sending_a_step_twice(
        album: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    plan = _plan_copy(album, tmp_path)
    monkeypatch.setenv("DDEXKIT_API_TOKEN", TOKEN)
    with FakeIngest(fail_at=4) as ingest:  # the 4th step gets 503, however often it is tried
        assert _run(plan, ingest, "--attempts", "2") == 2
        out, err = capsys.readouterr()
        assert len(ingest.accepted) == 3 and ingest.refused == [("/api/v1/file/upload", 503)] * 2
        assert err.count("\n") == 2 and err.startswith(
            "ddexkit: step 4/8 POST /api/v1/file/upload file=resources/A1.wav part 3/3 "
            "(GBAYE2400001)  4,")
        assert "HTTP 503 Service Unavailable; trying again in 1 s (2 of 2)" in err
        assert "HTTP 503 Service Unavailable, 2 times; the steps done are recorded" in err
        ingest.fail_at = None
        assert _run(plan, ingest) == 0
        resumed, _ = capsys.readouterr()
        _assert_sent_once_as_planned(ingest, plan)
    assert "3 of 8 steps were done before" in resumed
    assert resumed.splitlines()[-1].startswith("upload delivered: 5 steps sent, 3 done before")
    _no_token_anywhere(plan, out, err, resumed)


def test_a_killed_client_resumes_from_its_state_file(album: Path, tmp_path: Path) -> None:
    plan = _plan_copy(album, tmp_path)
    with FakeIngest(hold_at=3) as ingest:  # the 3rd step's answer never comes: kill -9 then
        env = {**os.environ, "DDEXKIT_API_TOKEN": TOKEN}
        client = subprocess.Popen([sys.executable, "-m", "ddexkit", "upload", str(plan),
                                   "--api-url", ingest.url], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert ingest.held.wait(60), "the client never reached step 3"
        finally:
            client.kill()
            client.wait()
        ingest.release_hold.set()
        state = json.loads(plan.with_suffix(".state.json").read_text(encoding="utf-8"))
        assert [d["step"] for d in state["done"]] == [1, 2]
        lines: list[str] = []
        ingest.hold_at = None
        upload(plan, api_url=ingest.url, token=TOKEN, backoff=0, say=lines.append)
        _assert_sent_once_as_planned(ingest, plan)
    assert lines[0].startswith("2 of 8 steps were done before")


def test_dropped_connections_and_5xx_are_retried(album: Path, tmp_path: Path) -> None:
    plan = _plan_copy(album, tmp_path)
    notes: list[str] = []
    with FakeIngest(drop_at=2, fail_at=5, fail_times=2) as ingest:
        result = upload(plan, api_url=ingest.url, token=TOKEN, backoff=0, say=lambda _: None,
                        note=notes.append)
        _assert_sent_once_as_planned(ingest, plan)
    assert result.sent == 8 and not result.blocking
    assert len(notes) == 3 and "step 2/8" in notes[0] and "RemoteProtocolError" in notes[0]
    assert all("step 5/8" in n and "HTTP 503" in n for n in notes[1:])


def test_a_refused_token_is_one_line_and_exit_2(album: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    plan = _plan_copy(album, tmp_path)
    monkeypatch.setenv("DDEXKIT_API_TOKEN", "tok-expired")
    with FakeIngest() as ingest:
        assert _run(plan, ingest) == 2
        assert ingest.accepted == []
    out, err = capsys.readouterr()
    assert err == (f"ddexkit: step 1/8 POST /api/v1/release file=album.zip  "
                   f"{_steps(plan)[0]['bytes']:,} bytes: the API refused the token (401 "
                   f"Unauthorized); log in again with `ddexkit upload login --api-url "
                   f"{ingest.url}` or set DDEXKIT_API_TOKEN\n")
    assert "tok-expired" not in out + err
    assert not plan.with_suffix(".state.json").exists()


def test_no_token_says_how_to_get_one(album: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    plan = _plan_copy(album, tmp_path)
    with FakeIngest() as ingest:
        assert _run(plan, ingest) == 2
    assert capsys.readouterr().err == (
        f"ddexkit: no API token for {ingest.url}: set DDEXKIT_API_TOKEN, or run "
        f"`ddexkit upload login --api-url {ingest.url}` once\n")


def test_a_payload_too_large_names_the_step_and_its_size(
        album: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    plan = _plan_copy(album, tmp_path)
    monkeypatch.setenv("DDEXKIT_API_TOKEN", TOKEN)
    with FakeIngest(file_limit=5 * 1024 * 1024) as ingest:  # a distributor taking 5 MB parts
        assert _run(plan, ingest) == 2
        assert len(ingest.accepted) == 1 and ingest.refused == [("/api/v1/file/upload", 413)]
    err = capsys.readouterr().err
    assert err.startswith("ddexkit: step 2/8 POST /api/v1/file/upload file=resources/A1.wav "
                          "part 1/3 (GBAYE2400001)  10,485,760 bytes: the API refused the "
                          "payload of 10,485,760 bytes as too large (413)")
    assert err.count("\n") == 1


def _small_plan(folder: Path) -> Path:
    """A hand-made plan of small files with every kind of step: release, artwork, two parts."""
    files = {"release.zip": 3000, "assets/cover.jpg": 2000, "assets/a.wav": 3001}
    for name, size in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(random.Random(name).randbytes(size))

    def step(payload: str, source: str, offset: int = 0, size: int | None = None,
             **audio: object) -> Step:
        path = folder / (source if payload == "release" else f"assets/{source}")
        data = path.read_bytes()[offset:offset + size if size is not None else None]
        endpoint = {"release": "/api/v1/release", "artwork": "/api/v1/release/image",
                    "audio": "/api/v1/file/upload"}[payload]
        return Step(method="POST", endpoint=endpoint, field="artwork" if payload == "artwork"
                    else "file", payload=payload, source=source, offset=offset, bytes=len(data),
                    md5=hashlib.md5(data).hexdigest(), sha256=hashlib.sha256(data).hexdigest(),
                    **audio)  # type: ignore[arg-type]

    steps = (step("release", "release.zip"), step("artwork", "cover.jpg"),
             *(step("audio", "a.wav", offset, size, upload_id="u1", part=part, parts=2,
                    is_last=part == 2, track="GBAYE2400003")
               for part, offset, size in ((1, 0, 2000), (2, 2000, 1001))))
    plan = DeliveryPlan(icpn="123456789012", title="Small", release_id=None,
                        audio_upload="parts", assets="assets", steps=steps)
    path = folder / "small.plan.json"
    path.write_text(plan.to_json(), encoding="utf-8")
    return path


def test_login_keeps_the_token_for_later_uploads(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    plan = _small_plan(tmp_path)
    monkeypatch.setenv("DDEXKIT_API_PASSWORD", PASSWORD)
    with FakeIngest() as ingest:
        assert main(["upload", "login", "--api-url", ingest.url, "--username", USERNAME]) == 0
        assert _run(plan, ingest) == 0
        assert [(r.endpoint, r.fields) for r in ingest.accepted] == [
            ("/api/v1/release", {}),
            ("/api/v1/release/image", {"release_id": RELEASE_ID}),
            *[("/api/v1/file/upload", {"release_id": RELEASE_ID, "upload_id": "u1",
                                       "is_last": last, "track_id": "trk-3"})
              for last in ("false", "true")]]
        monkeypatch.setenv("DDEXKIT_API_PASSWORD", "wrong")
        assert main(["upload", "login", "--api-url", ingest.url, "--username", USERNAME]) == 2
    out, err = capsys.readouterr()
    stored = tmp_path / "config" / "ddexkit" / "credentials.json"
    assert stored.stat().st_mode & 0o777 == 0o600
    assert json.loads(stored.read_text(encoding="utf-8")) == {"tokens": {ingest.url: TOKEN}}
    assert out.splitlines()[0] == (f"logged in to {ingest.url} as {USERNAME}; the token is "
                                   f"kept in {stored} (readable by you only)")
    assert err == ("ddexkit: POST /api/v1/login: the API refused the username or password "
                   "(401)\n")
    _no_token_anywhere(plan, out, err)


def test_the_ingest_refusing_the_release_is_exit_1(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    plan = _small_plan(tmp_path)
    monkeypatch.setenv("DDEXKIT_API_TOKEN", TOKEN)
    refusal: dict[str, object] = {
        "errors": [{"code": "E101", "message": "UPC\nis missing", "field": "upc"},
                   "Deal has no start date"], "warnings": []}
    with FakeIngest(release_answer=refusal, release_status=422) as ingest:
        assert _run(plan, ingest) == 1
        assert ingest.accepted[0].endpoint == "/api/v1/release" and len(ingest.accepted) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "step 1/4 POST /api/v1/release file=release.zip  3,000 bytes: refused by the ingest "
        "(HTTP 422)",
        "release.zip: ingest error E101: UPC is missing (at upc)",
        "release.zip: ingest error: Deal has no start date",
        "upload refused by the ingest: 0 steps sent, 0 done before; ingest: 2 errors, "
        "0 warnings"]


def test_ingest_errors_in_an_accepted_answer_are_exit_1(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    plan = _small_plan(tmp_path)
    monkeypatch.setenv("DDEXKIT_API_TOKEN", TOKEN)
    answer: dict[str, object] = {
        "release": {"id": RELEASE_ID}, "track_ids": [{"isrc": "gbaye2400003", "id": 3}],
        "errors": [{"detail": "Cover is not square", "path": "artwork"}]}
    with FakeIngest(release_answer=answer) as ingest:  # 201: stored, but not ready
        assert _run(plan, ingest) == 1
        assert len(ingest.accepted) == 4 and ingest.accepted[-1].fields["track_id"] == "3"
    out = capsys.readouterr().out.splitlines()
    assert "release.zip: ingest error: Cover is not square (at artwork)" in out
    assert out[-1] == ("upload delivered, with ingest errors: 4 steps sent, 0 done before; "
                       "ingest: 1 error, 0 warnings")
    state = json.loads(plan.with_suffix(".state.json").read_text(encoding="utf-8"))
    assert (state["release_id"], state["track_ids"]) == (RELEASE_ID, {"GBAYE2400003": "3"})


def test_a_file_changed_since_planning_stops_before_any_request(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    plan = _small_plan(tmp_path)
    audio = tmp_path / "assets" / "a.wav"
    audio.write_bytes(audio.read_bytes()[:-1] + b"!")
    monkeypatch.setenv("DDEXKIT_API_TOKEN", TOKEN)
    with FakeIngest() as ingest:
        assert _run(plan, ingest) == 2
        assert ingest.accepted == [] and ingest.refused == []
    assert capsys.readouterr().err == (
        f"ddexkit: step 4 ({audio}, 1,001 bytes from 2,000): the bytes changed since the "
        "plan was made (their digests differ from the plan's); plan again\n")


@pytest.mark.parametrize(("change", "says"), [
    ("truncate", "step 4 .*: the file has 2,500 bytes, fewer than the plan names"),
    ("remove", "step 3 .*: no such file; run the upload from where the plan's files are"),
])
def test_a_file_cut_short_or_gone_stops_before_any_request(tmp_path: Path, change: str,
                                                             says: str) -> None:
    plan = _small_plan(tmp_path)
    audio = tmp_path / "assets" / "a.wav"
    if change == "truncate":
        os.truncate(audio, 2500)
    else:
        audio.unlink()
    with FakeIngest() as ingest, pytest.raises(UploadError, match=says):
        upload(plan, api_url=ingest.url, token=TOKEN)
    assert ingest.accepted == []


def test_a_file_changing_while_it_is_sent_stops_the_request_before_its_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _small_plan(tmp_path)
    audio = tmp_path / "assets" / "a.wav"
    monkeypatch.setattr(runner, "verify_range", lambda planned: None)  # the change comes later
    audio.write_bytes(b"!" + audio.read_bytes()[1:])
    with FakeIngest() as ingest, pytest.raises(UploadError) as stopped:
        upload(plan, api_url=ingest.url, token=TOKEN, say=lambda _: None)
    assert [r.endpoint for r in ingest.accepted] == ["/api/v1/release", "/api/v1/release/image"]
    assert str(stopped.value) == (
        f"step 3 ({audio}, 2,000 bytes from 0): the file changed while it was being sent; the "
        "request was stopped before its end; plan again")


def _edited(plan: Path, change: str) -> None:
    document = json.loads(plan.read_text(encoding="utf-8"))
    if change == "endpoint":
        document["steps"][1]["endpoint"] = "https://elsewhere.example/api/v1/release/image"
    elif change == "bytes":
        document["steps"][2]["bytes"] = "2000"
    elif change == "version":
        document["plan_version"] = 7
    plan.write_text(json.dumps(document) if change != "cut" else plan.read_text()[:99])


@pytest.mark.parametrize(("change", "message"), [
    ("cut", "small.plan.json:6:5: not a delivery plan (JSON): Unterminated string starting "
            "here; write it again with `ddexkit package` or `ddexkit plan --format json"),
    ("version", "small.plan.json: plan_version 7 is not 1, the version this ddexkit reads"),
    ("bytes", "small.plan.json: step 3: 'bytes' must be a whole number, not \"2000\""),
    ("endpoint", "small.plan.json: step 2: endpoint 'https://elsewhere.example/api/v1/release/"
                 "image' is not a path under /api/v1/"),
])
def test_a_bad_plan_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str], change: str,
                                     message: str) -> None:
    plan = _small_plan(tmp_path)
    _edited(plan, change)
    monkeypatch.setenv("DDEXKIT_API_TOKEN", TOKEN)
    with FakeIngest() as ingest:
        assert _run(plan, ingest) == 2
        assert ingest.accepted == []
    err = capsys.readouterr().err
    assert err.startswith(f"ddexkit: {plan.parent}/{message}") and err.count("\n") == 1


@pytest.mark.parametrize(("state", "message"), [
    ("{not json", "1:2: not an upload state (JSON): Expecting property name enclosed in double "
                  "quotes here; remove it to deliver anew"),
    ('{"state_version": 1, "api_url": "http://127.0.0.1:1"}', "recorded against "
     '"http://127.0.0.1:1", not'),
    ('{"state_version": 1, "api_url": "URL", "done": [{"step": 1, "sha256": "0"}]}',
     "step 1 done is not step 1 of"),
    ('{"state_version": 1, "api_url": "URL", "done": [3]}', "'done' holds 3"),
])
def test_a_bad_state_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str], state: str,
                                      message: str) -> None:
    plan = _small_plan(tmp_path)
    monkeypatch.setenv("DDEXKIT_API_TOKEN", TOKEN)
    with FakeIngest() as ingest:
        plan.with_suffix(".state.json").write_text(state.replace("URL", ingest.url))
        assert _run(plan, ingest) == 2
        assert ingest.accepted == []
    err = capsys.readouterr().err
    assert err.startswith(f"ddexkit: {plan.with_suffix('.state.json')}") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_plain_http_goes_to_the_loopback_only(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              loopback_only: list[str]) -> None:
    plan = _small_plan(tmp_path)
    with pytest.raises(UploadError, match="plain http would send the token unencrypted"):
        upload(plan, api_url="http://ingest.example.com", token=TOKEN)
    assert main(["upload", str(plan), "--api-url", "ftp://ingest.example.com"]) == 2
    assert "not an http(s) URL" in capsys.readouterr().err
    assert loopback_only == []


def test_without_the_upload_extra_the_command_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in [n for n in sys.modules if n == "httpx" or n.startswith("ddexkit.upload")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "httpx", None)  # import httpx now raises ImportError
    assert main(["upload", "plan.json", "--api-url", "https://api.example.com"]) == 2
    assert capsys.readouterr().err == (
        "ddexkit upload needs the upload extra: pip install 'ddexkit[upload]'\n")


def test_the_core_never_imports_the_http_client(tmp_path: Path) -> None:
    ern = tmp_path / "album.xml"
    shutil.copy(builders.GOOD_ALBUM, ern)
    probe = ("import sys, ddexkit, ddexkit.cli, ddexkit.delivery\n"
             f"ddexkit.validate({str(ern)!r})\n"
             "assert not {'httpx', 'ddexkit.upload'} & set(sys.modules), sys.modules.keys()\n")
    subprocess.run([sys.executable, "-c", probe], check=True)
