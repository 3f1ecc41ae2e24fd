"""Hostile artwork: Pillow opens JPEG and PNG only (an EPS named cover.jpg never reaches
Ghostscript), and a tiny, truncated or damaged image is that file's AST805 issue, never a
crash of the run."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.media import probe_image
from tests import media_factory
from tests.rules import builders

from .conftest import GOOD_ALBUM

QUIET = Config(ignore=("ERN007",))  # these cases do not depend on ../shared's XSD

# A minimal EPS: enough for Pillow's EPS plugin to identify it and hand it to Ghostscript.
EPS = (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 3000 3000\n%%EndComments\n"
       b"newpath 0 0 moveto 3000 3000 lineto stroke\nshowpage\n%%EOF\n")


def _jpeg(width: int, height: int, **options: object) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(out, "JPEG", **options)
    return out.getvalue()


def _album(tmp_path: Path, cover: bytes) -> Path:
    assets = builders.album_assets(tmp_path / "release")
    (assets / "resources" / "cover.jpg").write_bytes(cover)
    ern = assets / "album.xml"
    ern.write_bytes(GOOD_ALBUM.read_bytes())
    return ern


def _issues(ern: Path) -> dict[str, list[str]]:
    (file,) = ddexkit.validate(ern, config=QUIET, assets=ern.parent).files
    found: dict[str, list[str]] = {}
    for issue in file.issues:
        found.setdefault(issue.code, []).append(issue.message)
    return found


@pytest.fixture
def ghostscript_calls(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every call Pillow makes to run Ghostscript (none may happen)."""
    from PIL import EpsImagePlugin

    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> object:
        calls.append(args)
        raise OSError("Ghostscript was run")

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", refuse)
    return calls


def test_eps_named_jpg_never_runs_ghostscript(tmp_path: Path,
                                              ghostscript_calls: list[object]) -> None:
    issues = _issues(_album(tmp_path, EPS))
    assert ghostscript_calls == []
    assert issues["AST805"] == ["resources/cover.jpg is not a readable JPEG/PNG image: Pillow "
                                "does not recognise it as a JPEG or PNG image"]


def test_probe_refuses_formats_nobody_accepts(ghostscript_calls: list[object]) -> None:
    from PIL import Image

    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    for data in (EPS, gif.getvalue()):
        facts = probe_image(io.BytesIO(data))
        assert facts.format is None
        assert facts.error == "Pillow does not recognise it as a JPEG or PNG image"
    assert ghostscript_calls == []


def test_jpeg_under_8_px_is_too_small_not_a_crash(tmp_path: Path) -> None:
    """Regression: Pillow's draft divided by zero for a JPEG under 8 px."""
    facts = probe_image(io.BytesIO(_jpeg(5, 3)))
    assert (facts.format, facts.width, facts.height, facts.error) == ("JPEG", 5, 3, None)
    issues = _issues(_album(tmp_path, _jpeg(5, 5)))
    assert "AST805" not in issues
    assert "AST807" in issues


@pytest.mark.parametrize("size", [(1, 1), (5, 5), (40, 40)])
def test_every_truncation_of_a_jpeg_is_an_issue_not_a_crash(size: tuple[int, int]) -> None:
    whole = _jpeg(*size, progressive=True)
    for cut in range(len(whole)):
        facts = probe_image(io.BytesIO(whole[:cut]))  # never raises
        assert facts.error or facts.format == "JPEG", cut


def test_truncated_tiny_jpeg_through_the_cli(tmp_path: Path) -> None:
    ern = _album(tmp_path, _jpeg(5, 5)[:-40])
    result = subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", "--ignore", "ERN007",
         "--format", "json", "--assets", str(ern.parent), str(ern)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    (file,) = json.loads(result.stdout)["files"]
    messages = [issue["message"] for issue in file["issues"] if issue["code"] == "AST805"]
    assert messages and "not a readable JPEG/PNG image" in messages[0]


def test_truncated_large_jpeg(tmp_path: Path) -> None:
    cover = media_factory.image(tmp_path / "whole.jpg", 3000, 3000).read_bytes()
    issues = _issues(_album(tmp_path, cover[: len(cover) // 2]))
    assert issues["AST805"][0].startswith("resources/cover.jpg is not a readable JPEG/PNG image")
