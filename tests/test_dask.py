"""The Dask recipe: a real LocalCluster with 2 worker processes on the loopback gives the
report a single process gives, on the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddexkit.config import Config
from ddexkit.engine import resolve_settings, validate_sources
from ddexkit.inputs import expand_paths

distributed = pytest.importorskip("distributed", reason="needs the dask extra")


def test_a_local_cluster_gives_the_single_process_report(
        shared_corpus: Path, schema_dir: Path, tmp_path: Path) -> None:
    from ddexkit.dask import findings, validate_bag, write_jsonl
    parquet = pytest.importorskip("pyarrow.parquet", reason="needs the dask extra")

    folder = shared_corpus / "ern382"
    config = Config()
    expected = validate_sources(expand_paths([folder]),
                                resolve_settings(config, schema_dir=schema_dir))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        report = validate_bag([folder], config=config, schema_dir=schema_dir, partitions=8,
                              output=tmp_path / "findings.parquet")
    assert report.to_dict()["files"] == expected.to_dict()["files"]
    assert report.batch_issues == expected.batch_issues
    rows = write_jsonl(report, tmp_path / "findings.jsonl")
    assert rows == len(list(findings(report))) > 100
    assert {"file", "message_id", "code", "severity", "line", "xpath", "profiles"} == set(
        next(findings(report)))
    # The Parquet rows are the single-process findings, in order, column for column.
    assert parquet.read_table(tmp_path / "findings.parquet").to_pylist() == list(
        findings(expected))
