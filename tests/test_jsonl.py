"""--format jsonl: a line per file, each the JSON report's file entry, written as soon as the
file is done and in input order, then a closing line; nothing is kept in memory."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ddexkit import cli
from ddexkit.batch import ProgressBar, _Collector, validate_batch
from ddexkit.engine import resolve_settings
from ddexkit.inputs import expand_paths
from ddexkit.report import FileReport
from tests.conftest import OUR_CORPUS


def _both(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, object],
                                                                         list[dict[str, object]]]:
    assert cli.main(["validate", "--format", "json", *argv]) in (0, 1)
    whole = json.loads(capsys.readouterr().out)
    assert cli.main(["validate", "--format", "jsonl", *argv]) in (0, 1)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return whole, lines


def _assert_same(whole: dict[str, object], lines: list[dict[str, object]]) -> None:
    *files, closing = lines
    assert files == whole["files"]
    assert closing == {k: v for k, v in whole.items() if k != "files"}


def test_jsonl_is_the_json_report_line_by_line(capsys: pytest.CaptureFixture[str]) -> None:
    whole, lines = _both([str(OUR_CORPUS)], capsys)
    _assert_same(whole, lines)
    assert len(lines) == len(whole["files"]) + 1 >= 7  # type: ignore[arg-type]


def test_jsonl_with_workers_keeps_input_order(capsys: pytest.CaptureFixture[str]) -> None:
    whole, lines = _both(["--jobs", "2", str(OUR_CORPUS)], capsys)
    _assert_same(whole, lines)


def test_jsonl_of_the_shared_corpus(shared_corpus: Path, schema_dir: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    whole, lines = _both(["--schema-dir", str(schema_dir), str(shared_corpus / "ern382")],
                         capsys)
    _assert_same(whole, lines)
    assert len(lines) > 150


def test_jsonl_into_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.jsonl"
    assert cli.main(["validate", "--format", "jsonl", "--output", str(target),
                     str(OUR_CORPUS / "good" / "album.xml")]) in (0, 1)
    assert capsys.readouterr().out == ""
    first, closing = target.read_text(encoding="utf-8").splitlines()
    assert json.loads(first)["path"].endswith("album.xml")
    assert json.loads(closing)["totals"]["files"] == 1


def test_each_file_goes_out_before_the_run_ends_and_none_is_kept() -> None:
    settings = resolve_settings()
    sources = expand_paths([OUR_CORPUS])
    seen: list[str | None] = []

    def on_file(file: FileReport) -> None:
        seen.append(file.path)

    batch = validate_batch(sources, settings, jobs=1, on_file=on_file, keep=False)
    assert seen == [s.display for s in sources]
    assert batch.report.files == ()
    assert batch.report.totals["files"] == len(sources) == batch.done
    kept = validate_batch(sources, settings, jobs=1)
    assert batch.report.totals == kept.report.totals
    assert batch.report.all_ready is kept.report.all_ready is False


def test_outcomes_in_any_order_come_out_in_input_order() -> None:
    out: list[str | None] = []
    collector = _Collector(lambda file: out.append(file.path), keep=False)
    reports = [FileReport(path=f"f{i}", message_kind=None, schema_version=None, xsd="skipped")
               for i in range(4)]
    for index in (2, 0, 3):
        collector.add((index, reports[index], None, False))
    assert out == ["f0"]  # f2 and f3 wait for f1
    collector.add((1, reports[1], None, False))
    assert out == ["f0", "f1", "f2", "f3"]


def test_the_progress_bar_shows_the_rate_and_the_time_left() -> None:
    stream = io.StringIO()
    ticks = iter([0.0, 2.0])
    bar = ProgressBar(stream, width=10, clock=lambda: next(ticks))
    bar(10, 40)  # 10 files in 2 s: 5 per second, 30 left: 6 s
    assert stream.getvalue() == "\r[##........] 10/40 files, 5/s, 0:06 left\x1b[K"
