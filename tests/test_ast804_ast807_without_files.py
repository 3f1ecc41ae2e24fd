"""AST804 and AST807 need no files at hand: a malformed HashSum shows in the value alone, and
without the files the front cover's declared ImageWidth × ImageHeight is judged."""

from __future__ import annotations

from pathlib import Path

import ddexkit
from ddexkit.config import Config
from tests.conftest import GOOD_ALBUM

CASES = Path(__file__).parent / "rules" / "cases"
ALBUM = GOOD_ALBUM.read_text(encoding="utf-8")
DECLARED = "<ImageHeight>3000</ImageHeight>\n          <ImageWidth>3000</ImageWidth>"


def _issues(text: str, code: str) -> list[tuple[str, int | None, str, str]]:
    report = ddexkit.validate(text.encode(), config=Config(select=(code,)))
    return [(i.code, i.location.line, i.severity.value, i.message) for i in report.files[0].issues]


def _line(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_a_malformed_hash_sum_is_reported_without_the_files() -> None:
    text = (CASES / "AST804" / "bad.xml").read_text(encoding="utf-8")
    ((code, line, severity, message),) = _issues(text, "AST804")
    assert (code, line, severity) == (
        "AST804", _line(text, "ed4287c0af3f86c5bf6934c3abeed9d<"), "error")
    assert "malformed" in message


def test_a_declared_small_front_cover_is_reported_without_the_files() -> None:
    assert DECLARED in ALBUM
    text = ALBUM.replace(DECLARED, "<ImageHeight>3000</ImageHeight>\n"
                         "          <ImageWidth>1400</ImageWidth>")
    ((code, line, severity, message),) = _issues(text, "AST807")
    assert (code, line, severity) == ("AST807", _line(text, "<ImageWidth>1400"), "warning")
    assert "1400×3000" in message


def test_a_declared_3000_square_cover_is_enough() -> None:
    assert _issues(ALBUM, "AST807") == []
    text = ALBUM.replace(DECLARED, "<ImageHeight>2999</ImageHeight>\n"
                         "          <ImageWidth>3000</ImageWidth>")
    assert [i[0] for i in _issues(text, "AST807")] == ["AST807"]


def test_with_the_files_at_hand_the_real_size_counts(tmp_path: Path) -> None:
    from tests.rules import builders

    assets = builders.album_assets(tmp_path / "assets")
    text = ALBUM.replace(DECLARED, "<ImageHeight>1400</ImageHeight>\n"
                         "          <ImageWidth>1400</ImageWidth>")
    report = ddexkit.validate(text.encode(), assets=assets, config=Config(select=("AST807",)))
    assert report.files[0].issues == ()
