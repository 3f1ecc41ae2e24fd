"""--cache: an unchanged file's report is read back, not made again, and is the same report;
a changed file, other settings or a damaged or foreign entry mean validating again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddexkit import cli
from ddexkit.batch import BatchResult, validate_batch
from ddexkit.config import Config
from ddexkit.engine import resolve_settings
from ddexkit.inputs import expand_paths
from ddexkit.output.text import render
from ddexkit.resultcache import ResultCache
from tests.conftest import OUR_CORPUS

BAD_DEAL = OUR_CORPUS / "broken" / "bad_deal.xml"


def _folder(tmp_path: Path) -> Path:
    """Our samples, one with 150 TER501 (past the text and JSON caps), in a folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(OUR_CORPUS.glob("*/*.xml")):
        (folder / f"{path.parent.name}-{path.name}").write_bytes(path.read_bytes())
    text = BAD_DEAL.read_text(encoding="utf-8")
    many = "".join("<TerritoryCode>UK</TerritoryCode>" for _ in range(150))
    (folder / "many.xml").write_text(text.replace("<TerritoryCode>UK</TerritoryCode>", many, 1))
    return folder


def _run(folder: Path, cache_dir: Path, config: Config | None = None,
         jobs: int = 1) -> BatchResult:
    settings = resolve_settings(config or Config(ignore=("ERN007",)))
    cache = ResultCache.for_settings(cache_dir, settings)
    return validate_batch(expand_paths([folder]), settings, jobs=jobs, cache=cache)


def test_a_second_run_reads_every_report_back_and_gives_the_same_report(tmp_path: Path) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    first = _run(folder, cache)
    second = _run(folder, cache)
    count = len(first.report.files)
    assert (first.cached, second.cached) == (0, count)
    assert second.report.to_dict() == first.report.to_dict()
    assert render(second.report) == render(first.report)  # the caps, the catalogue checks


def test_changing_one_file_validates_only_that_file(tmp_path: Path) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    first = _run(folder, cache)
    target = folder / "good-album.xml"
    target.write_text(target.read_text(encoding="utf-8").replace("Harbour Lights",
                                                                   "HARBOUR LIGHTS AGAIN"))
    again = _run(folder, cache)
    assert again.cached == len(first.report.files) - 1
    changed = next(f for f in again.report.files if f.path == str(target))
    assert "TXT303" in {i.code for i in changed.issues}


def test_other_settings_do_not_reuse_the_reports(tmp_path: Path) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    _run(folder, cache)
    assert _run(folder, cache, Config(ignore=("ERN007", "TER501"))).cached == 0


def test_workers_share_the_cache(tmp_path: Path) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    first = _run(folder, cache, jobs=2)
    second = _run(folder, cache, jobs=2)
    assert second.cached == len(first.report.files)
    assert second.report.to_dict() == first.report.to_dict()


@pytest.mark.parametrize("content", [
    b"not json", b"[]", b'{"format": 1}', b'{"format": 99, "key": "x", "report": {}}',
    b'{"format": 1, "key": "KEY", "report": {"issues": "oops"}}',
    b'{"format": 1, "key": "KEY", "report": {"message_kind": 3}}',
])
def test_a_damaged_or_foreign_entry_is_ignored(tmp_path: Path, content: bytes) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    first = _run(folder, cache)
    for entry in cache.rglob("*.json"):
        entry.write_bytes(content.replace(b"KEY", entry.stem.encode()))
    again = _run(folder, cache)
    assert again.cached == 0
    assert again.report.to_dict() == first.report.to_dict()
    assert _run(folder, cache).cached == len(first.report.files)  # rewritten


def test_the_cli_cache_and_no_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    argv = ["validate", "--ignore", "ERN007", "--format", "json", str(folder)]
    cli.main([*argv, "--cache", str(cache)])
    first = json.loads(capsys.readouterr().out)
    assert any(cache.rglob("*.json"))
    cli.main([*argv, "--cache", str(cache)])
    assert json.loads(capsys.readouterr().out) == first
    (tmp_path / "file").write_text("x")
    assert cli.main([*argv, "--cache", str(tmp_path / "file")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_messages_with_assets_are_not_cached(tmp_path: Path) -> None:
    settings = resolve_settings(Config(ignore=("ERN007",)), assets=tmp_path)
    cache = ResultCache.for_settings(tmp_path / "cache", settings)
    for _ in range(2):
        batch = validate_batch(expand_paths([BAD_DEAL]), settings, jobs=1, cache=cache)
        assert batch.cached == 0
    assert not (tmp_path / "cache").exists()
