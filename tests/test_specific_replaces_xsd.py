"""ROL603, CAT903 and DEA703 explain an XSD enumeration fault at the element itself, so the
report shows their issue there and no ERN006 (rules.md: the specific rule wins)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config

CASES = Path(__file__).parent / "rules" / "cases"
REPO_CORPUS = Path(__file__).parents[1] / "corpus"


@pytest.mark.parametrize("code", ["ROL603", "CAT903", "DEA703"])
def test_specific_issue_replaces_ern006(code: str, schema_dir: Path) -> None:
    report = ddexkit.validate(CASES / code / "bad.xml", schema_dir=schema_dir,
                              config=Config(select=(code, "ERN006")))
    (found,) = report.files
    assert found.xsd == "invalid"
    assert [i.code for i in found.issues] == [code]


def _missing_icpn_issues(explainer_missing: tuple[str, ...]) -> list[str]:
    """The codes left when ERN006 reports a missing ICPN under ReleaseId and ID101 reports
    at the same ReleaseId, its finding naming ``explainer_missing`` as missing."""
    from lxml import etree

    from ddexkit.engine import _issues
    from ddexkit.issues import Finding, Location
    from ddexkit.locate import Locator
    from ddexkit.rules import ALL_RULES
    from ddexkit.xsd import MISSING

    raw = b"<Release>\n  <ReleaseId/>\n</Release>"
    root = etree.fromstring(raw)
    at = Location(line=2, element=root[0])
    rules = {r.code: r for r in ALL_RULES}
    xsd = Finding(at=at, message="Missing child element(s). Expected is ( ICPN ).",
                  xsd_kind=MISSING, xsd_missing=("ICPN",))
    # The explaining message names ICPN in its text either way: only ``missing`` counts.
    rule = Finding(at=at, message="Main release R0 has no ICPN (UPC/EAN) in ReleaseId",
                   hint="Add <ICPN>", missing=explainer_missing)
    found = [(rules["ERN006"], xsd), (rules["ID101"], rule)]
    return [i.code for i in _issues(found, Locator(raw, root), Config())]


def test_a_missing_child_is_explained_by_what_the_finding_names_not_by_its_text() -> None:
    assert _missing_icpn_issues(("ICPN",)) == ["ID101"]
    assert sorted(_missing_icpn_issues(("ISRC",))) == ["ERN006", "ID101"]
    assert sorted(_missing_icpn_issues(())) == ["ERN006", "ID101"]


def test_ref208_stands_for_the_missing_release_resource_reference_list(
        schema_dir: Path) -> None:
    """A main release without its ReleaseResourceReferenceList (and no ResourceGroup): the
    XSD's "lacks a required child" at that Release is REF208's fault, reported once."""
    lines = (REPO_CORPUS / "good" / "album.xml").read_text(encoding="utf-8").splitlines(True)
    # lines 241-246: the list; 262-284: the ResourceGroup (1-based, both inclusive)
    kept = [line for number, line in enumerate(lines, start=1)
            if not (241 <= number <= 246 or 262 <= number <= 284)]
    report = ddexkit.validate("".join(kept).encode(), schema_dir=schema_dir, config=Config())
    (found,) = report.files
    at_release = [(i.code, i.message) for i in found.issues if i.location.line == 233]
    assert found.xsd == "invalid"
    assert [code for code, _ in at_release] == ["REF208", "REF209"], at_release  # no ERN006
    assert "it has no ReleaseResourceReferenceList" in at_release[0][1]
