"""DDEX's own Release Profile samples (in ../shared/corpus) raise no PRF issue under the PRF
rules of their profile, and the type rules of the other profile do tell them apart.

The PRF rules are opt-in, so each run selects their exact codes, as a profile would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.rules.profiles import RULES as PROFILE_RULES
from tests.conftest import NEEDS_SHARED, SHARED_CORPUS, require_ci_shared, shared_schema_dir

SAMPLES = (SHARED_CORPUS / "ern382" / "miroivan12org__DDEX" / "Resources"
           / "Release Profiles Samples")
ALBUM_SAMPLE = "Profile_AudioAlbumMusicOnly.xml"
SINGLE_SAMPLE = "Profile_AudioSingle.xml"
# The rules only one of the two audio profiles names: the main release's type and size.
ALBUM_ONLY = frozenset({"PRF012", "PRF013"})
SINGLE_ONLY = frozenset({"PRF014"})
EVERY_PRF = frozenset(rule.code for rule in PROFILE_RULES)


def _sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.is_file():
        require_ci_shared()
        pytest.skip(NEEDS_SHARED)
    return path


def _prf_issues(path: Path, codes: frozenset[str]) -> list[tuple[str, int | None, str]]:
    report = ddexkit.validate(path, schema_dir=shared_schema_dir(),
                              config=Config(select=tuple(sorted(codes))))
    return [(i.code, i.location.line, i.message) for f in report.files for i in f.issues
            if i.code.startswith("PRF")]


@pytest.mark.parametrize(("name", "codes"), [
    (ALBUM_SAMPLE, EVERY_PRF - SINGLE_ONLY),
    (SINGLE_SAMPLE, EVERY_PRF - ALBUM_ONLY),
])
def test_ddex_sample_passes_its_profile_rules(name: str, codes: frozenset[str]) -> None:
    assert _prf_issues(_sample(name), codes) == []


def test_the_other_profile_type_rules_tell_the_samples_apart() -> None:
    single_as_album = {code for code, _, _ in _prf_issues(_sample(SINGLE_SAMPLE), ALBUM_ONLY)}
    album_as_single = {code for code, _, _ in _prf_issues(_sample(ALBUM_SAMPLE), SINGLE_ONLY)}
    assert (single_as_album, album_as_single) == (set(ALBUM_ONLY), set(SINGLE_ONLY))


def test_prf_rules_are_opt_in() -> None:
    """The default run (the distributor's profile) leaves every PRF rule out."""
    assert [rule.code for rule in PROFILE_RULES if not rule.opt_in] == []


def test_an_album_with_qz_isrcs_passes_every_album_rule() -> None:
    """The PRF rules add no ISRC-prefix check: QZ (issued by the US agency) passes, with the
    identifier rules on too."""
    album = Path(__file__).parent / "rules" / "cases" / "PRF001" / "good.xml"
    assert "<ISRC>QZ" in album.read_text(encoding="utf-8")
    report = ddexkit.validate(album, schema_dir=shared_schema_dir(),
                              config=Config(select=("ID", *sorted(EVERY_PRF - SINGLE_ONLY))))
    assert [(i.code, i.message) for f in report.files for i in f.issues] == []
