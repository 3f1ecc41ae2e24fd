"""A file's catalogue facts (what the BAT rules compare across files) are gathered only
when another file can be compared with it: in a batch of two or more, or when a cache keeps
the report for later batches. A lone file skips the work and loses nothing."""

from __future__ import annotations

from pathlib import Path

import ddexkit
from ddexkit.batch import validate_batch
from ddexkit.config import Config
from ddexkit.engine import resolve_settings
from ddexkit.inputs import expand_paths
from ddexkit.resultcache import ResultCache
from tests.conftest import OUR_CORPUS

ALBUM = OUR_CORPUS / "good" / "album.xml"


def _twins(tmp_path: Path) -> Path:
    """Two copies of one album: one MessageId in two files is BAT004's."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.xml", "b.xml"):
        (folder / name).write_bytes(ALBUM.read_bytes())
    return folder


def test_a_lone_file_gathers_no_facts_and_a_batch_does(tmp_path: Path) -> None:
    assert ddexkit.validate(ALBUM).files[0].facts is None
    report = ddexkit.validate(_twins(tmp_path))
    assert all(file.facts is not None for file in report.files)
    assert [issue.code for issue in report.batch_issues] == ["BAT004"]


def test_a_lone_file_run_with_a_cache_keeps_its_facts_for_a_later_batch(tmp_path: Path) -> None:
    folder = _twins(tmp_path)
    settings = resolve_settings(Config(ignore=("ERN007",)))
    cache = ResultCache.for_settings(tmp_path / "cache", settings)
    alone = validate_batch(expand_paths([folder / "a.xml"]), settings, jobs=1, cache=cache)
    assert alone.report.files[0].facts is not None
    # The batch reads a.xml's report back from the cache: its facts still count.
    both = validate_batch(expand_paths([folder]), settings, jobs=1, cache=cache)
    assert [issue.code for issue in both.report.batch_issues] == ["BAT004"]
