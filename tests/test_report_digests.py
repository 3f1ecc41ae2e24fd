"""Every corpus report is the one recorded in tests/golden/report_digests.txt.

A refactoring must leave them byte-identical. A change meant to alter reports regenerates the
file (see tests/report_digests.py: one command) and the diff shows which reports changed.
"""

from __future__ import annotations

from pathlib import Path

from tests.report_digests import digests, read_digests


def test_every_corpus_report_matches_its_recorded_digest(shared_corpus: Path,
                                                         schema_dir: Path) -> None:
    recorded = read_digests()
    computed = digests(schema_dir, shared_corpus)
    assert sorted(computed) == sorted(recorded), "files added or removed: regenerate the digests"
    changed = [name for name, digest in computed.items() if recorded[name] != digest]
    assert changed == [], ("reports changed; if meant, run "
                           "`python -m tests.report_digests --write` and review the diff")
