"""Validation beyond one machine, on Dask (``pip install 'ddexkit[dask]'``; the core never
imports this module).

``validate_bag(paths)`` maps ddexkit's validation over partitions of a Dask bag: each worker
resolves the settings and compiles the schema once (lxml schemas cannot be pickled, so only
the settings travel) and returns the files' reports; the catalogue checks (BAT) then run on
the client as a reduction over every file's facts. The Report is the one a single process
gives. ``findings(report)`` flattens it into one row per issue (file, message id, code,
severity, line, xpath, profiles); ``write_findings`` writes those rows as JSON Lines, or as
Parquet when the target ends in ``.parquet`` (pyarrow, part of the dask extra), and
``validate_bag(..., output=target)`` does so after the run.

On Spark the same recipe is ``rdd.mapPartitions`` over the paths, each partition calling
``ddexkit.engine.validate_source`` with settings resolved once per partition, and the BAT
checks run with ``ddexkit.engine.check_batch`` over the collected facts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import dask.bag

from ddexkit.config import Config
from ddexkit.engine import Settings, check_batch, resolve_settings, tool_info, validate_source
from ddexkit.inputs import MessageSource, expand_paths
from ddexkit.report import FileReport, Report

# Per worker process: the settings of the last partition, resolved once.
_resolved: dict[str, Settings] = {}


def _settings(config: Config, schema_dir: str | None,
              profiles: tuple[str, ...]) -> Settings:
    key = repr((config, schema_dir, profiles))
    if key not in _resolved:
        _resolved.clear()
        _resolved[key] = resolve_settings(config, schema_dir=schema_dir,
                                          profiles=list(profiles) or None)
    return _resolved[key]


def _validate_partition(paths: Iterable[str], config: Config, schema_dir: str | None,
                        profiles: tuple[str, ...]) -> list[FileReport]:
    settings = _settings(config, schema_dir, profiles)
    return [validate_source(MessageSource(path=Path(path)), settings) for path in paths]


def validate_bag(paths: Sequence[str | Path], *, config: Config | None = None,
                 schema_dir: str | Path | None = None, profiles: Sequence[str] = (),
                 partitions: int | None = None, output: str | Path | None = None) -> Report:
    """Validate the messages (files or folders, expanded here) on the current Dask
    scheduler (a ``dask.distributed.Client`` when one is active), in input order; with
    ``output``, also write the findings there (``write_findings``)."""
    config = config if config is not None else Config()
    sources = [str(s.path) for s in expand_paths(list(paths)) if s.path is not None]
    if not sources:
        return Report(files=(), tool=tool_info())
    count = partitions or max(1, min(len(sources), 64))
    bag = dask.bag.from_sequence(sources, npartitions=count)  # type: ignore[no-untyped-call]
    files: list[FileReport] = bag.map_partitions(
        _validate_partition, config, str(schema_dir) if schema_dir else None,
        tuple(profiles)).compute()
    settings = resolve_settings(config, schema_dir=schema_dir, profiles=list(profiles) or None)
    report = Report(files=tuple(files), tool=tool_info(),
                    batch_issues=check_batch([f.facts for f in files if f.facts], settings))
    if output is not None:
        write_findings(report, output)
    return report


def findings(report: Report) -> Iterator[dict[str, Any]]:
    """One row per issue: per file, then the catalogue checks (one row per file involved)."""
    for file in report.files:
        message_id = file.facts.message_id if file.facts is not None else None
        for issue in file.issues:
            yield {"file": file.path, "message_id": message_id, "code": issue.code,
                   "severity": issue.severity.value, "line": issue.location.line,
                   "xpath": issue.location.xpath, "profiles": list(issue.profiles)}
    for batch_issue in report.batch_issues:
        for path, line in batch_issue.places:
            yield {"file": path, "message_id": None, "code": batch_issue.code,
                   "severity": batch_issue.severity.value, "line": line, "xpath": None,
                   "profiles": []}


def write_findings(report: Report, target: str | Path) -> int:
    """Write ``findings(report)`` to ``target``: Parquet when its name ends in ``.parquet``,
    else JSON Lines; the number of rows."""
    if str(target).endswith(".parquet"):
        return write_parquet(report, target)
    return write_jsonl(report, target)


def write_parquet(report: Report, target: str | Path) -> int:
    """Write ``findings(report)`` as one Parquet table (typed columns, so an empty report
    still has them); the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(findings(report))
    schema = pa.schema([("file", pa.string()), ("message_id", pa.string()),
                        ("code", pa.string()), ("severity", pa.string()),
                        ("line", pa.int64()), ("xpath", pa.string()),
                        ("profiles", pa.list_(pa.string()))])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), str(target))
    return len(rows)


def write_jsonl(report: Report, target: str | Path) -> int:
    """Write ``findings(report)`` as JSON Lines; the number of rows."""
    rows = 0
    with Path(target).open("w", encoding="utf-8") as stream:
        for row in findings(report):
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows += 1
    return rows
