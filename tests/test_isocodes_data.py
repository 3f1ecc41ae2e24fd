"""The ISO code lists we ship equal the installed pycountry's, and match as pycountry does."""

from __future__ import annotations

import importlib.util
import json

import pycountry

from ddexkit.domain import isocodes
from tests.conftest import REPO

_SPEC = importlib.util.spec_from_file_location("extract_isocodes",
                                               REPO / "tools" / "extract_isocodes.py")
assert _SPEC is not None and _SPEC.loader is not None
EXTRACT = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(EXTRACT)


def test_shipped_json_equals_what_pycountry_holds() -> None:
    shipped = json.loads((REPO / "src" / "ddexkit" / "data" / "iso_codes.json").read_text())
    expected = EXTRACT.document()
    del shipped["source"], expected["source"]  # the version may move on; the codes may not
    assert shipped == expected, "run `python tools/extract_isocodes.py` after a pycountry upgrade"


def test_lookups_agree_with_pycountry() -> None:
    samples = ["US", "us", "Gb", "XK", "ZZ", "EU", "en", "EN", "eng", "fre", "fra", "zzz", "tlh",
               "Latn", "latn", "Hant", "Xxxx", "EUR", "eur", "XXX", "ABC", "", "e"]
    for code in samples:
        assert isocodes.is_country(code) == (pycountry.countries.get(alpha_2=code) is not None)
        assert isocodes.is_script(code) == (pycountry.scripts.get(alpha_4=code) is not None)
        assert isocodes.is_currency(code) == (pycountry.currencies.get(alpha_3=code) is not None)
        in_pycountry = any(pycountry.languages.get(**{field: code}) is not None
                           for field in ("alpha_2", "alpha_3", "bibliographic"))
        assert isocodes.is_language(code) == in_pycountry
    germany = pycountry.countries.get(alpha_2="DE")
    assert germany is not None and isocodes.country_names()["DE"] == germany.name
