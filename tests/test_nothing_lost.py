"""Nothing lost: inputs are only read, `--output` is written atomically, and standard output
holds the complete report or nothing."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ddexkit
from ddexkit import cli

from .conftest import GOOD_ALBUM


def _fingerprint(path: Path) -> tuple[str, int, int]:
    info = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns, info.st_mode


def _release_zip(folder: Path) -> Path:
    from tests.rules import builders

    return builders._zip(folder, builders._album_zip_entries(folder))


def test_validating_never_modifies_the_inputs(tmp_path: Path) -> None:
    album = tmp_path / "album.xml"
    album.write_bytes(GOOD_ALBUM.read_bytes())
    package = _release_zip(tmp_path)
    inputs = [GOOD_ALBUM, album, package]
    before = {path: _fingerprint(path) for path in inputs}
    listing = sorted(p.name for p in tmp_path.iterdir())

    for path in inputs:
        assert ddexkit.validate(path).files[0].counts["error"] == 0
    ddexkit.validate(album, assets=tmp_path / "assets")
    done = subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", *map(str, inputs)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
    )
    assert "Traceback" not in done.stderr

    assert {path: _fingerprint(path) for path in inputs} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # nothing extracted beside


def test_output_file_is_complete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")
    code = cli.main(["validate", "--no-config", "--format", "json", "--output", str(target),
                     str(GOOD_ALBUM)])
    assert code == 0
    assert capsys.readouterr().out == ""
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["totals"]["files"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary left


@pytest.mark.parametrize("where", ["write", "replace"])
def test_interrupted_output_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")
    if where == "replace":
        def interrupted_replace(*args: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "replace", interrupted_replace)
    else:
        real_fdopen = os.fdopen

        class HalfWritten:
            def __init__(self, stream: object) -> None:
                self.stream = stream

            def __enter__(self) -> HalfWritten:
                return self

            def __exit__(self, *args: object) -> None:
                self.stream.close()  # type: ignore[attr-defined]

            def write(self, data: bytes) -> None:
                self.stream.write(data[: len(data) // 2])  # type: ignore[attr-defined]
                raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWritten(real_fdopen(*a, **k)))
    with pytest.raises((KeyboardInterrupt, ddexkit.OutputError)):  # a full disk: one line
        cli._write_report(str(target), '{"report_version": 1}\n')
    assert target.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_stdout_is_the_whole_json_report(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for number in range(30):
        (folder / f"m{number:02d}.xml").write_bytes(GOOD_ALBUM.read_bytes()[: 400 + number * 97])
    (folder / "good.xml").write_bytes(GOOD_ALBUM.read_bytes())
    done = subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", "--format", "json",
         str(folder)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
    )
    assert done.returncode == 1
    report = json.loads(done.stdout)  # one document, nothing before or after it
    assert report["totals"]["files"] == 31
    assert done.stdout.endswith("}\n") or done.stdout.endswith("}")


def test_nothing_on_stdout_when_the_run_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "validate_batch", interrupted)
    code = cli.main(["validate", "--no-config", "--format", "json", str(GOOD_ALBUM)])
    captured = capsys.readouterr()
    assert code == 130
    assert captured.out == ""
    assert captured.err == "ddexkit: interrupted\n"


def test_nothing_on_stdout_for_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["validate", "--format", "json", str(GOOD_ALBUM), str(tmp_path / "no.xml")])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.count("\n") == 1
