"""DEA702: ConditionalDownload (a tethered download) fits SubscriptionModel and
AdvertisementSupportedModel deals; under PayAsYouGoModel it is still a contradiction."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config

GOOD = (Path(__file__).parent / "rules" / "cases" / "DEA702" / "good.xml").read_text(
    encoding="utf-8")
STREAM = """<CommercialModelType>SubscriptionModel</CommercialModelType>
          <Usage>
            <UseType>OnDemandStream</UseType>"""


@pytest.mark.parametrize(("model", "reported"), [
    ("SubscriptionModel", False),
    ("AdvertisementSupportedModel", False),
    ("PayAsYouGoModel", True),
])
def test_conditional_download(model: str, reported: bool) -> None:
    assert STREAM in GOOD
    text = GOOD.replace(STREAM, f"""<CommercialModelType>{model}</CommercialModelType>
          <Usage>
            <UseType>ConditionalDownload</UseType>""", 1)
    report = ddexkit.validate(text.encode(), config=Config(select=("DEA702",)))
    issues = [(i.code, i.severity.value) for i in report.files[0].issues]
    assert issues == ([("DEA702", "warning")] if reported else [])
