"""One runner over every tests/rules/cases/<CODE>/: bad.xml must raise exactly its marked
issues of <CODE> (and at least one); good.xml must raise nothing at all, with every rule on.

A marker is an XML comment ``<!-- expect: CODE -->`` on the line the issue points at, or
``<!-- expect: CODE @file -->`` for an issue about the whole file. Each marker stands for
exactly one issue (two issues on one line need two markers), of the rule's catalog severity
unless the marker names a sub-case's own (``<!-- expect: REF210 warning -->``); every issue
must have a message and a hint. Markers are read from the
raw text, so they work in malformed files too. An optional case.toml may name a catalog
(``catalog = "catalog.json"``), an assets folder (``assets = "assets"``) or a builder of one
(``assets_builder``), settings of ours that both fixtures run under (a ``[config]`` table with
the keys of ``[tool.ddexkit]``, e.g. ``audio-upload = "whole"``), or a builder in
tests/rules/builders.py that makes the bytes of a case that cannot be a committed file.
A case with an original.xml (the UPD rules) validates both fixtures as updates of it.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import ddexkit
from ddexkit import xsd
from ddexkit.config import Config, config_from_table
from ddexkit.rules import ALL_RULES, by_code
from tests.conftest import shared_schema_dir
from tests.rules import builders

CASES = Path(__file__).parent / "cases"
_MARKER = re.compile(r"<!--\s*expect:\s*([A-Z]+\d+)(\s+@file)?(?:\s+(error|warning))?\s*-->")
# ERN006 needs the official XSD; ERN007's bad case must run without it, its good case with.
_NEEDS_SCHEMA = frozenset({"ERN006"})
_NEEDS_NO_SCHEMA = frozenset({"ERN007"})


def _case_codes() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "bad.xml").is_file()
                  or (p / "case.toml").is_file())


def _case_settings(code: str) -> dict[str, Any]:
    case_file = CASES / code / "case.toml"
    return tomllib.loads(case_file.read_text()) if case_file.is_file() else {}


Expected = Counter[tuple[str, int | None, str]]


def _catalog_severity(code: str) -> str:
    rule = by_code(code)
    assert rule is not None, f"no rule {code}"
    return rule.severity.value


def expected_markers(text: str) -> Expected:
    """(code, line or None, severity) → how many issues the markers ask for."""
    found: Expected = Counter()
    for number, line in enumerate(text.splitlines(), start=1):
        for marker in _MARKER.finditer(line):
            code = marker.group(1)
            severity = marker.group(3) or _catalog_severity(code)
            found[(code, None if marker.group(2) else number, severity)] += 1
    return found


def _source(code: str, which: str, settings: dict[str, Any], tmp_path: Path) -> bytes | Path:
    builder = settings.get("builder")
    if builder:
        made: bytes | Path = getattr(builders, builder)(which, tmp_path)
        return made
    return CASES / code / f"{which}.xml"


def _validate(code: str, which: str, tmp_path: Path, config: Config,
              monkeypatch: pytest.MonkeyPatch) -> ddexkit.FileReport:
    settings = _case_settings(code)
    if "config" in settings:
        config = config_from_table(settings["config"]).merged(select=config.select or None)
    without_schema = code in _NEEDS_NO_SCHEMA and which == "bad"
    schema = None if without_schema else shared_schema_dir()
    if schema is None:  # nothing named, nothing installed: the XSD pass is skipped (ERN007)
        monkeypatch.delenv(xsd.SCHEMA_DIR_VARIABLE, raising=False)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "no-cache"))
        monkeypatch.setattr(xsd, "_REPO_SCHEMA_DIR", tmp_path / "no-checkout")
    if schema is None and not without_schema:
        if code in _NEEDS_SCHEMA or code in _NEEDS_NO_SCHEMA:
            pytest.skip("this rule's case needs the official XSD (../shared)")
        config = config.merged(ignore=(*config.ignore, "ERN007"))
    case_dir = CASES / code
    assets = case_dir / settings["assets"] if "assets" in settings else None
    if settings.get("assets_builder"):  # synthesized media, e.g. a 3000×3000 cover
        assets = getattr(builders, settings["assets_builder"])(which, tmp_path)
    report = ddexkit.validate(
        _source(code, which, settings, tmp_path),
        schema_dir=schema,
        config=config,
        catalog=case_dir / settings["catalog"] if "catalog" in settings else None,
        assets=assets,
        original=case_dir / "original.xml" if (case_dir / "original.xml").is_file() else None,
    )
    assert len(report.files) == 1
    return report.files[0]


@pytest.mark.parametrize("code", _case_codes())
def test_bad_case_raises_exactly_the_marked_issues(code: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _case_settings(code)
    report = _validate(code, "bad", tmp_path, Config(select=(code,)), monkeypatch)
    # Mandatory rules (ERN001–ERN006, ERN008) run whatever is selected: look at this code only.
    mine = [i for i in report.issues if i.code == code]
    got = Counter((i.code, i.location.line, i.severity.value) for i in mine)
    if settings.get("builder"):
        severity = _catalog_severity(code)
        want = Counter((code, line, severity) for line in settings.get("expect_lines", [None]))
    else:
        want = expected_markers((CASES / code / "bad.xml").read_text(errors="replace"))
    assert want, f"{code}/bad.xml has no expect marker"
    assert got == want
    unexplained = [(i.location.line, i.message, i.hint) for i in mine
                   if not (i.message.strip() and i.hint and i.hint.strip())]
    assert unexplained == [], "every issue needs a message and a hint"


@pytest.mark.parametrize("code", _case_codes())
def test_good_case_raises_nothing(code: str, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    report = _validate(code, "good", tmp_path, Config(), monkeypatch)
    assert [(i.code, i.location.line, i.message) for i in report.issues] == []
    rule = by_code(code)
    if rule is not None and rule.opt_in:  # off by default: judge the good case with it on
        report = _validate(code, "good", tmp_path, Config(select=(code,)), monkeypatch)
        assert [(i.code, i.location.line, i.message) for i in report.issues] == []


def test_every_rule_has_a_case() -> None:
    missing = [r.code for r in ALL_RULES if not (CASES / r.code).is_dir()]
    assert missing == []


def test_markers_count_issues_and_carry_severity() -> None:
    """The runner itself: two markers on a line are two issues; a marker's severity word
    overrides the catalog's; @file means no line."""
    text = ("<a/>\n<b/> <!-- expect: REF210 --> <!-- expect: REF210 -->\n"
            "<c/> <!-- expect: REF210 warning -->\n<!-- expect: ERN007 @file -->\n")
    assert expected_markers(text) == Counter({
        ("REF210", 2, "error"): 2, ("REF210", 3, "warning"): 1, ("ERN007", None, "warning"): 1,
    })
