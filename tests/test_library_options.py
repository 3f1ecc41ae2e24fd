"""The library takes the command line's everyday options without a hand-built Config."""

from __future__ import annotations

import ddexkit
from tests.conftest import OUR_CORPUS

BAD_DEAL = OUR_CORPUS / "broken" / "bad_deal.xml"
STYLE = OUR_CORPUS / "style" / "capitals_title.xml"


def _codes(report: ddexkit.Report) -> list[str]:
    return [issue.code for issue in report.files[0].issues]


def test_select_and_ignore_take_codes_and_prefixes() -> None:
    assert _codes(ddexkit.validate(BAD_DEAL, select=["ter"])) == ["TER501"]
    assert "TER501" not in _codes(ddexkit.validate(BAD_DEAL, ignore=["TER501"]))
    assert "TER501" in _codes(ddexkit.validate(BAD_DEAL, select=["ALL"]))


def test_strict_makes_a_warning_fail() -> None:
    config = ddexkit.Config(ignore=("ERN007",))
    assert ddexkit.validate(STYLE, config=config).files[0].status == "ready"
    assert ddexkit.validate(STYLE, config=config, strict=True).files[0].status == "needs_fixes"
