"""The allowed-value sets we ship equal the official AVS file's, and the lookups behave."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from ddexkit.domain import avs

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "ddexkit" / "data"


def _extractor() -> object:
    spec = importlib.util.spec_from_file_location("extract_avs", REPO / "tools" / "extract_avs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EXTRACT = _extractor()


@pytest.mark.parametrize("name", EXTRACT.SETS)  # type: ignore[attr-defined]
def test_shipped_json_equals_the_official_avs_file(name: str, schema_dir: Path) -> None:
    avs_file = schema_dir / "avs_20161006.xsd"
    shipped = json.loads((DATA / f"avs_{name}.json").read_text(encoding="utf-8"))
    assert shipped == EXTRACT.document(avs_file, name)  # type: ignore[attr-defined]
    assert shipped["values"], name


def test_every_role_element_has_a_shipped_set() -> None:
    for set_name in avs.ROLE_ELEMENT_SETS.values():
        assert avs.allowed_values(set_name)
    assert "MainArtist" in avs.allowed_set("ArtistRole")
    assert "ComposerLyricist" in avs.allowed_set("MusicalWorkContributorRole")


def test_unknown_set_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        avs.allowed_values("NoSuchSet")


@pytest.mark.parametrize(
    ("set_name", "written", "meant"),
    [
        ("ArtistRole", "mainartist", "MainArtist"),
        ("ArtistRole", "Main Artist", "MainArtist"),
        ("ArtistRole", "Writer", "ComposerLyricist"),
        ("ArtistRole", "MainArtsit", "MainArtist"),
        ("MusicalWorkContributorRole", "songwriter", "ComposerLyricist"),
        ("ResourceContributorRole", "Writer", None),  # no writer role in that set
        ("ArtistRole", "xyzzy", None),
    ],
)
def test_closest_value(set_name: str, written: str, meant: str | None) -> None:
    assert avs.closest_value(set_name, written) == meant


def test_synonyms_name_values_that_exist() -> None:
    everything = set().union(*(avs.allowed_set(s) for s in avs.ROLE_ELEMENT_SETS.values()))
    assert set(avs.ROLE_SYNONYMS.values()) <= everything
