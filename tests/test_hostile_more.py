"""Hostile inputs beyond the XML, ZIP and image suites: file names that try to leave the
assets folder by encoding or lookalike characters, audio that lies about what it is, two
package runs racing for one output, and memory that stays flat over many files."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ddexkit.inputs import FolderAssets
from ddexkit.media import probe_audio
from tests import media_factory
from tests.conftest import GOOD_ALBUM, REPO
from tests.rules import builders


@pytest.mark.parametrize("name", ["%2e%2e/outside.wav", "%2E%2E%2Foutside.wav",
                                  "\u2024\u2024/outside.wav", "\uff0e\uff0e/outside.wav",
                                  "resources/..\u2215..\u2215outside.wav"])
def test_encoded_and_lookalike_parent_steps_never_leave_the_folder(tmp_path: Path,
                                                                   name: str) -> None:
    """Names are taken literally, never URL-decoded or NFKC-folded into '..'."""
    (tmp_path / "outside.wav").write_bytes(b"secret")
    folder = tmp_path / "release"
    (folder / "resources").mkdir(parents=True)
    lookup = FolderAssets(folder).lookup(name)
    assert not lookup.found


@pytest.mark.parametrize("name", ["/etc/passwd", "C:/Windows/win.ini", "\\\\server\\share\\a.wav"])
def test_absolute_names_are_refused(tmp_path: Path, name: str) -> None:
    lookup = FolderAssets(tmp_path).lookup(name)
    assert not lookup.found and lookup.refused is not None


def test_a_wav_that_is_an_mp3_is_probed_as_what_it_is(tmp_path: Path) -> None:
    path = media_factory.mp3(tmp_path / "A1.wav", 2.0)
    with path.open("rb") as stream:
        facts = probe_audio(stream)
    assert facts.format == "MP3" and facts.error is None


def _streaminfo_says(rate: int, samples: int) -> bytes:
    good = bytearray(media_factory.flac_bytes(1.0))
    packed = (rate << 44) | (1 << 41) | (15 << 36) | samples
    good[8 + 10:8 + 18] = packed.to_bytes(8, "big")  # fLaC + block header + 10 bytes in
    return bytes(good)


def test_a_flac_whose_streaminfo_lies_is_taken_at_its_word_or_refused() -> None:
    """STREAMINFO is the only duration a FLAC declares: a lie about length is what it says
    (AST813 compares it with the ERN); an impossible sample rate is an error, not a crash."""
    longer = probe_audio(io.BytesIO(_streaminfo_says(44100, 44100 * 600)))
    assert longer.format == "FLAC" and longer.duration == pytest.approx(600.0)
    impossible = probe_audio(io.BytesIO(_streaminfo_says(0, 44100)))
    assert impossible.error is not None or not impossible.duration


def test_zero_byte_audio_is_an_error_not_a_crash() -> None:
    facts = probe_audio(io.BytesIO(b""))
    assert facts.error is not None and facts.format is None


def test_two_package_runs_to_one_output_at_once(tmp_path: Path) -> None:
    """Without --overwrite the final name is created exclusively: one run wins, the other
    says the output exists (exit 2), and the winner's ZIP is whole."""
    assets = builders.album_assets(tmp_path / "release")
    ern = tmp_path / "album.xml"
    shutil.copy(GOOD_ALBUM, ern)
    before = hashlib.sha256(ern.read_bytes()).hexdigest()
    output = tmp_path / "release.zip"
    command = [sys.executable, "-m", "ddexkit", "package", str(ern), "--assets", str(assets),
               "--output", str(output), "--no-config"]
    runs = [subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    results = [(run.wait(timeout=300), run.communicate()[1]) for run in runs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    loser = next(err for code, err in results if code == 2)
    assert "already exists" in loser and "Traceback" not in loser
    assert zipfile.ZipFile(output).testzip() is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["album.xml", "release", "release.zip"]
    assert hashlib.sha256(ern.read_bytes()).hexdigest() == before


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc for VmHWM")
def test_memory_stays_flat_over_500_files_in_one_process(tmp_path: Path) -> None:
    """Validate the same message 500 times in one process: the peak after 500 is within a
    few MB of the peak after 50, so nothing accumulates per file. VmHWM, not ru_maxrss: Linux
    carries ru_maxrss over exec from the test process, which would hide any growth."""
    script = (
        "import sys, ddexkit\n"
        "from ddexkit.config import Config\n"
        "config = Config(ignore=('ERN007',))\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "def peak(): return int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])\n"
        "for _ in range(50): ddexkit.validate(data, config=config)\n"
        "early = peak()\n"
        "for _ in range(450): ddexkit.validate(data, config=config)\n"
        "print(early, peak())\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(GOOD_ALBUM)], cwd=REPO,
                          capture_output=True, text=True, check=True, timeout=600)
    early, late = (int(value) for value in done.stdout.split())
    assert late - early < 8 * 1024, (early, late)  # VmHWM is in kB

