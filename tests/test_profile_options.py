"""Per-profile thresholds and word lists: a rule that reads one runs once per distinct set of
values among the selected profiles, and its issues count for the profiles of that set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.profiles import ProfileError, load_profile
from ddexkit.rules import ALL_RULES, PROFILE_OPTIONS
from tests.conftest import GOOD_ALBUM

ALBUM = GOOD_ALBUM.read_text(encoding="utf-8")
QUIET = Config(ignore=("ERN007",))  # these tests do not depend on ../shared's XSD
MAIN_TITLE = "<TitleText>Harbour Lights</TitleText>"
SMALL_COVER = ALBUM.replace("<ImageHeight>3000</ImageHeight>", "<ImageHeight>1000</ImageHeight>"
                            ).replace("<ImageWidth>3000</ImageWidth>",
                                      "<ImageWidth>1000</ImageWidth>")


def _file(text: str, profiles: list[str]) -> ddexkit.FileReport:
    (file,) = ddexkit.validate(text.encode(), config=QUIET, profiles=profiles).files
    return file


def _status(file: ddexkit.FileReport) -> dict[str, str]:
    return {v.name: v.status for v in file.profiles}


def test_rules_read_only_what_a_profile_sets_and_each_setting_is_read() -> None:
    settable = {field for keys in PROFILE_OPTIONS.values() for field in keys.values()}
    read = {field for rule in ALL_RULES for field in rule.reads}
    assert read == settable


def test_apple_and_spotify_judge_one_cover_by_their_own_minimum() -> None:
    file = _file(SMALL_COVER, ["apple", "spotify"])
    assert _status(file) == {"apple": "needs_fixes", "spotify": "ready"}
    (cover,) = [i for i in file.issues if i.code == "AST807"]
    assert cover.profiles == ("apple",) and "3000×3000" in cover.message


def test_profiles_that_share_a_threshold_share_its_issue() -> None:
    file = _file(SMALL_COVER, ["apple", "youtube"])  # both ask 3000 × 3000
    (cover,) = [i for i in file.issues if i.code == "AST807"]
    assert cover.profiles == ("apple", "youtube")
    assert _status(file) == {"apple": "needs_fixes", "youtube": "needs_fixes"}


def test_a_user_profile_adds_a_marketing_term_that_only_it_counts(tmp_path: Path) -> None:
    ours = tmp_path / "ours.toml"
    ours.write_text('extends = "spotify"\n[words]\nmarketing-terms = ["Promo"]\n'
                    '[severity]\nTXT311 = "error"\n')
    text = ALBUM.replace(MAIN_TITLE, "<TitleText>Harbour Lights Promo</TitleText>", 1)
    file = _file(text, ["spotify", str(ours)])
    (term,) = [i for i in file.issues if i.code == "TXT311"]
    assert term.profiles == ("ours",) and "'Promo'" in term.message
    assert _status(file) == {"spotify": "ready", "ours": "needs_fixes"}
    assert not [i for i in _file(text, ["spotify"]).issues if i.code == "TXT311"]


def test_a_child_inherits_thresholds_and_replaces_the_ones_it_sets(tmp_path: Path) -> None:
    ours = tmp_path / "ours.toml"
    ours.write_text('extends = "spotify"\n[thresholds]\ntrack-min-seconds = 60\n'
                    '[words]\ngeneric-artist-words = ["lounge"]\n')
    options = dict(load_profile(str(ours)).options)
    assert options == {"cover_min_side": 640, "track_min_seconds": 60,
                       "generic_artist_words": ("lounge",)}


def test_the_default_profile_runs_every_rule_once_with_the_defaults() -> None:
    (file,) = ddexkit.validate(SMALL_COVER.encode(), config=QUIET).files
    (cover,) = [i for i in file.issues if i.code == "AST807"]
    assert cover.profiles == ("verseone",) and "3000×3000" in cover.message


@pytest.mark.parametrize(("content", "message"), [
    ("[thresholds]\ncover-size = 3000", "unknown key 'thresholds.cover-size'; [thresholds] has "
     "cover-min-side, track-min-seconds"),
    ('[thresholds]\ncover-min-side = "big"', "'thresholds.cover-min-side' must be a number"),
    ("[thresholds]\ntrack-min-seconds = -5", "'thresholds.track-min-seconds' is -5; write a "
     "number from 0 to 1,000,000"),
    ("[words]\nmarketing-terms = \"Promo\"", "'words.marketing-terms' must be a list of "
     "non-empty strings"),
    ("thresholds = 3", "'thresholds' must be a table"),
    # ROL610 compares word by word: an entry of two words would never match
    ('[words]\ngeneric-artist-words = ["lounge", "deep house"]', "'words.generic-artist-words' "
     "holds 'deep house', which is not one word"),
    # nan compares false with everything: AST807 would flag every cover, DUR412 none
    ("[thresholds]\ncover-min-side = nan", "'thresholds.cover-min-side' is nan; write a "
     "number from 0 to 1,000,000"),
    ("[thresholds]\ntrack-min-seconds = inf", "'thresholds.track-min-seconds' is inf; write "
     "a number from 0 to 1,000,000"),
    # DUR412 cannot compare a float with 10**400 seconds; the message stays one short line
    ("[thresholds]\ntrack-min-seconds = 1" + "0" * 400, "'thresholds.track-min-seconds' is "
     "10000000000000000000…; write a number from 0 to 1,000,000"),
    # past Python's 4,300 digits tomllib raises ValueError, not TOMLDecodeError
    ("[thresholds]\ncover-min-side = 1" + "0" * 5000, "not a valid TOML profile: Exceeds the "
     "limit"),
])
def test_a_bad_threshold_or_word_list_is_one_clear_line(tmp_path: Path, content: str,
                                                         message: str) -> None:
    path = tmp_path / "ours.toml"
    path.write_text('extends = "spotify"\n' + content + "\n")
    with pytest.raises(ProfileError, match=re.escape(message)) as raised:
        load_profile(str(path))
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)
