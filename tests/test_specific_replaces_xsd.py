"""ROL603, CAT903 and DEA703 explain an XSD enumeration fault at the element itself, so the
report shows their issue there and no ERN006 (rules.md: the specific rule wins)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config

CASES = Path(__file__).parent / "rules" / "cases"


@pytest.mark.parametrize("code", ["ROL603", "CAT903", "DEA703"])
def test_specific_issue_replaces_ern006(code: str, schema_dir: Path) -> None:
    report = ddexkit.validate(CASES / code / "bad.xml", schema_dir=schema_dir,
                              config=Config(select=(code, "ERN006")))
    (found,) = report.files
    assert found.xsd == "invalid"
    assert [i.code for i in found.issues] == [code]
