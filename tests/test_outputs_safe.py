"""Outputs never destroy inputs or old files: refused when they are an input, written
atomically to regular files, straight to devices and FIFOs, through symlinks, with ordinary
permissions, exclusively without --overwrite, and no part left behind."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

import ddexkit
from ddexkit import outputfile
from ddexkit.cli import main
from ddexkit.config import Config
from tests.conftest import GOOD_ALBUM, REPO
from tests.rules import builders

pytestmark = pytest.mark.usefixtures("no_schema_installed")
QUIET = Config(ignore=("ERN007",))


def _release(tmp_path: Path) -> tuple[Path, Path]:
    assets = builders.album_assets(tmp_path / "release")
    ern = tmp_path / "album.xml"
    shutil.copy(builders.GOOD_ALBUM, ern)
    return ern, assets


def _hashes(*paths: Path) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _package(ern: Path, assets: Path, output: Path | str, *extra: str) -> list[str]:
    return ["package", str(ern), "--assets", str(assets), "--output", str(output),
            "--no-config", *extra]


@pytest.mark.parametrize("which", ["the ERN", "an asset", "inside the assets", "via a link"])
def test_package_refuses_an_output_that_is_an_input(
    which: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ern, assets = _release(tmp_path)
    cover = assets / "resources" / "cover.jpg"
    link = tmp_path / "link-to-ern.xml"
    link.symlink_to(ern)
    output = {"the ERN": ern, "an asset": cover, "inside the assets": assets / "out.zip",
              "via a link": tmp_path / ".." / tmp_path.name / "link-to-ern.xml"}[which]
    before = _hashes(ern, cover)
    assert main(_package(ern, assets, output, "--overwrite")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(output) in err and "choose" in err
    assert _hashes(ern, cover) == before
    assert not (assets / "out.zip").exists()


def test_validate_refuses_a_report_over_one_of_its_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    album = tmp_path / "album.xml"
    shutil.copy(GOOD_ALBUM, album)
    before = _hashes(album)
    assert main(["validate", "--no-config", "--output", str(album), str(tmp_path)]) == 2
    assert "one of the files being validated" in capsys.readouterr().err
    assert _hashes(album) == before


def test_dash_is_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--no-config", "--format", "json", "--output", "-",
                 str(GOOD_ALBUM)]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["files"] == 1


def test_a_symlink_output_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "latest.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    assert main(["validate", "--no-config", "--format", "json", "--output", str(link),
                 str(GOOD_ALBUM)]) == 0
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert json.loads(target.read_text())["totals"]["files"] == 1


def test_a_fifo_output_is_written_straight_to(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code = main(["validate", "--no-config", "--format", "json", "--output", str(fifo),
                 str(GOOD_ALBUM)])
    reader.join(timeout=30)
    assert code == 0 and fifo.exists() and not fifo.is_file()  # still the FIFO
    assert json.loads(received[0])["totals"]["files"] == 1


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_outputs_get_0666_less_the_umask(umask: int, mode: int, tmp_path: Path) -> None:
    ern, assets = _release(tmp_path)
    previous = os.umask(umask)
    try:
        assert main(["validate", "--no-config", "--output", str(tmp_path / "r.txt"),
                     str(GOOD_ALBUM)]) == 0
        assert main(_package(ern, assets, tmp_path / "release.zip")) == 0
    finally:
        os.umask(previous)
    assert (tmp_path / "r.txt").stat().st_mode & 0o777 == mode
    assert (tmp_path / "release.zip").stat().st_mode & 0o777 == mode


def test_stale_parts_of_dead_runs_are_removed_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".report.json.{dead.stdout.strip()}.0badc0de.part"
    live = tmp_path / f".report.json.{os.getppid()}.0badc0de.part"
    foreign = tmp_path / ".report.json.notes.part"
    for part in (stale, live, foreign):
        part.write_text("partial")
    with outputfile.open_output(tmp_path / "report.json", "the report") as stream:
        stream.write(b"{}")
    assert not stale.exists() and live.exists() and foreign.exists()
    assert (tmp_path / "report.json").read_bytes() == b"{}"


def test_without_overwrite_the_final_name_is_created_exclusively(tmp_path: Path) -> None:
    target = tmp_path / "release.zip"
    with (pytest.raises(ddexkit.OutputError, match="already exists"),
          outputfile.open_output(target, "the release ZIP", overwrite=False) as stream):
        stream.write(b"mine")
        target.write_bytes(b"the other run's")  # a second run got there first
    assert target.read_bytes() == b"the other run's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.zip"]


def test_sigterm_while_writing_leaves_no_part_and_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "release.zip"
    target.write_bytes(b"old")
    with (pytest.raises(SystemExit) as stopped,
          outputfile.open_output(target, "the release ZIP") as stream):
        stream.write(b"half")
        os.kill(os.getpid(), signal.SIGTERM)
    assert stopped.value.code == 128 + signal.SIGTERM
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.zip"]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_kill_9_during_package_leaves_the_old_zip_and_the_next_run_cleans_up(
    tmp_path: Path
) -> None:
    ern, assets = _release(tmp_path)
    output = tmp_path / "release.zip"
    output.write_bytes(b"old zip")
    script = (
        "import os, signal, sys\n"
        "from ddexkit import outputfile\n"
        "with outputfile.open_output(sys.argv[1], 'the release ZIP') as out:\n"
        "    out.write(b'partial'); out.flush(); os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(output)], cwd=REPO, check=False,
                   timeout=60)
    assert output.read_bytes() == b"old zip"
    assert len(list(tmp_path.glob(".release.zip.*.part"))) == 1  # kill -9 cannot clean up
    assert main(_package(ern, assets, output, "--overwrite")) == 0
    assert zipfile.is_zipfile(output) and not list(tmp_path.glob(".release.zip.*.part"))


def test_unwritable_places_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for output, says in ((tmp_path, "is a folder"),
                         (tmp_path / "missing" / "r.json", "folder does not exist"),
                         (tmp_path / ("x" * 300), "longer than the system allows")):
        assert main(["validate", "--no-config", "--output", str(output), str(GOOD_ALBUM)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and says in err, err


def test_package_given_a_zip_as_its_ern_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ern, assets = _release(tmp_path)
    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(ern, "album.xml")
    assert main(_package(archive, assets, tmp_path / "out.zip")) == 2
    err = capsys.readouterr().err
    assert "is a ZIP; give the ERN XML file" in err and "Traceback" not in err


def test_package_refuses_a_missing_referenced_file_whatever_the_configuration(
    tmp_path: Path
) -> None:
    ern, assets = _release(tmp_path)
    (assets / "resources" / "A2.flac").unlink()
    with pytest.raises(ddexkit.PackageError, match=r"A2\.flac is referenced"):
        ddexkit.package(ern, assets=assets, output=tmp_path / "out.zip",
                        config=Config(ignore=("ERN007", "AST")))
    assert not (tmp_path / "out.zip").exists()


def test_a_folder_without_messages_and_a_bad_assets_folder_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["validate", "--no-config", str(tmp_path / "empty")]) == 2
    assert "no .xml or .zip file" in capsys.readouterr().err
    for assets, says in ((tmp_path / "gone", "no such folder"), (GOOD_ALBUM, "not a folder")):
        assert main(["validate", "--no-config", "--assets", str(assets), str(GOOD_ALBUM)]) == 2
        assert says in capsys.readouterr().err


def test_non_utf8_file_names_are_one_line_or_a_report_never_a_traceback(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    odd = folder + b"/caf\xe9.xml"  # Latin-1, not UTF-8
    with open(odd, "wb") as out:
        out.write(GOOD_ALBUM.read_bytes())
    report = folder + b"/r\xe9port.json"
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for extra in ([], [b"--output", report]):
        done = subprocess.run([sys.executable, "-m", "ddexkit", "validate", "--no-config",
                               "--format", "json", *extra, odd], capture_output=True,
                              cwd=REPO, env=environment, timeout=120, check=False)
        assert b"Traceback" not in done.stderr and done.returncode == 0, done.stderr
    with open(report, "rb") as written:
        assert json.loads(written.read().decode("utf-8", "surrogateescape"))["totals"]["files"] == 1


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_text_the_output_cannot_encode_is_escaped_not_an_internal_error(
        tmp_path: Path, encoding: str) -> None:
    """A console whose encoding lacks a character (é in ASCII, → in Latin-1) shows its
    escape; a file name's undecodable bytes still go out as they are."""
    folder = os.fsencode(tmp_path)
    for name in (b"caf\xc3\xa9.xml", b"r\xe9sum\xe9.xml", "a→b.xml".encode()):
        with open(folder + b"/" + name, "wb") as out:
            out.write(GOOD_ALBUM.read_bytes())
    done = subprocess.run([sys.executable, "-m", "ddexkit", "validate", "--no-config",
                           "--jobs", "1", folder], capture_output=True, cwd=REPO,
                          env={**os.environ, "PYTHONIOENCODING": encoding}, timeout=120,
                          check=False)
    assert done.returncode in (0, 1), done.stderr
    assert b"internal error" not in done.stderr
    if encoding == "ascii":
        assert b"caf\\xe9.xml: ready" in done.stdout
    else:
        assert b"caf\xe9.xml: ready" in done.stdout
    assert b"r\xe9sum\xe9.xml: ready" in done.stdout  # Latin-1 bytes, undecodable as UTF-8
    assert b"a\\u2192b.xml: ready" in done.stdout  # in neither encoding
