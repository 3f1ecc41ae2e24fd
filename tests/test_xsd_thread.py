"""The XSD pass in a thread beside the model build gives exactly the in-line outcome.

``ddexkit.engine`` validates a large message in a thread (``xsd.start_validation``); here
every message is sent that way (the size threshold at 0) and its report is compared with the
in-line run, on messages with and without schema violations, and with several threads sharing
the one cached schema at once (its error log is taken under a lock).
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree

import ddexkit
import ddexkit.engine as engine
from ddexkit import xsd
from ddexkit.safexml import read_document
from tests.conftest import OUR_CORPUS

MESSAGES = sorted(OUR_CORPUS.rglob("*.xml"))


def _report(path: Path, schema_dir: Path) -> str:
    return json.dumps(ddexkit.validate(path, schema_dir=schema_dir).to_dict(), sort_keys=True)


def test_threaded_reports_equal_in_line_ones(schema_dir: Path, shared_corpus: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    paths = MESSAGES + sorted(shared_corpus.rglob("*.xml"))
    in_line = {p: _report(p, schema_dir) for p in paths}
    assert any('"xsd": "invalid"' in r for r in in_line.values())  # violations are compared too
    monkeypatch.setattr(engine, "THREAD_MIN_BYTES", 0)
    assert {p: _report(p, schema_dir) for p in paths} == in_line


def test_threads_sharing_the_schema_keep_their_own_violations(
        schema_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "THREAD_MIN_BYTES", 0)
    expected = {p: _report(p, schema_dir) for p in MESSAGES}
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            assert dict(zip(MESSAGES, pool.map(lambda p: _report(p, schema_dir), MESSAGES),
                            strict=True)) == expected


def test_a_failure_in_the_thread_reaches_the_caller(schema_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    tree = read_document((OUR_CORPUS / "good" / "album.xml").read_bytes()).tree
    assert tree is not None

    def broken(_tree: etree._ElementTree, _folder: Path | None) -> xsd.XsdFacts:
        raise MemoryError("no memory for the schema")

    monkeypatch.setattr(xsd, "validate_tree", broken)
    outcome = xsd.start_validation(tree, schema_dir, in_thread=True)
    with pytest.raises(MemoryError, match="no memory"):
        outcome()
