"""The benchmark's second generator (issue 16) writes what it promises: XSD-valid, clean
messages of another shape than generate.py's, so that a memory ratio measured on both is not
an artefact of one shape."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

import ddexkit

BENCH = Path(__file__).resolve().parent.parent / "bench"
ERN = "{http://ddex.net/xml/ern/382}"
TRACKS = 50


@pytest.fixture(scope="module")
def deal_heavy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCH))  # it imports generate.py's check-character helpers
        spec = importlib.util.spec_from_file_location("bench_generate_deal_heavy",
                                                      BENCH / "generate_deal_heavy.py")
        assert spec is not None and spec.loader is not None
        module: ModuleType = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    path: Path = module.write_message(TRACKS, tmp_path_factory.mktemp("bench") / "deals.xml")
    return path


def test_deal_heavy_message_is_xsd_valid_and_clean(deal_heavy: Path, schema_dir: Path) -> None:
    report = ddexkit.validate(deal_heavy, schema_dir=schema_dir)
    assert report.files[0].xsd == "valid"
    assert report.to_dict()["files"][0]["issues"] == []


def test_deal_heavy_message_has_the_promised_shape(deal_heavy: Path) -> None:
    root = etree.parse(str(deal_heavy)).getroot()
    release_types = [e.text for e in root.iterfind("ReleaseList/Release/ReleaseType")]
    assert release_types == ["Album"] + ["TrackRelease"] * TRACKS
    deals = root.findall("DealList/ReleaseDeal/Deal")
    assert len(deals) == 4 + 3 * (TRACKS // 10)
    for deal in deals:
        territories = [e.text for e in deal.iterfind("DealTerms/TerritoryCode")]
        assert len(territories) == len(set(territories)) == 40
        assert deal.findtext("DealTerms/ValidityPeriod/EndDate")
    models = {(d.findtext("DealTerms/CommercialModelType"), d.findtext("DealTerms/Usage/UseType"))
              for d in deals}
    assert len(models) == 4
    titles = [e.text or "" for e in root.iter("TitleText")]
    assert all(100 <= len(t) <= 200 for t in titles)
    assert all(not t.isascii() for t in titles)
    for details in root.iter("SoundRecordingDetailsByTerritory"):
        assert len(details.findall("DisplayArtist")) == 3
    assert root.tag == f"{ERN}NewReleaseMessage"
