"""Profiles: a verdict per recipient (the distributor, DDEX's Release Profiles, the stores),
profiles as data a user can extend, and a profile the message declares shown apart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ddexkit
from ddexkit import cli
from ddexkit.config import Config, ConfigError, discover_config, load_config
from ddexkit.profiles import (
    DEFAULT_PROFILE,
    ProfileError,
    builtin_names,
    declared_profile,
    load_profile,
    load_profiles,
)
from ddexkit.rules import ALL_RULES
from tests.conftest import GOOD_ALBUM

ALBUM = GOOD_ALBUM.read_text(encoding="utf-8")
QUIET = Config(ignore=("ERN007",))  # these tests do not depend on ../shared's XSD
MAIN_TITLE = "<TitleText>Harbour Lights</TitleText>"
DECLARED = ('MessageSchemaVersionId="ern/382"',
            'MessageSchemaVersionId="ern/382" '
            'ReleaseProfileVersionId="CommonReleaseTypes/14/AudioAlbumMusicOnly"')


def _file(text: str, profiles: list[str] | None = None) -> ddexkit.FileReport:
    report = ddexkit.validate(text.encode(), config=QUIET, profiles=profiles)
    (file,) = report.files
    return file


def _verdicts(file: ddexkit.FileReport) -> dict[str, tuple[str, bool]]:
    return {v.name: (v.status, v.selected) for v in file.profiles}


def test_every_builtin_profile_loads_and_counts_the_mandatory_rules() -> None:
    assert set(builtin_names()) == {"verseone", "ddex-audio-album", "ddex-audio-single",
                                    "apple", "spotify", "youtube"}
    mandatory = {r.code for r in ALL_RULES if r.mandatory}
    for name in builtin_names():
        profile = load_profile(name)
        assert mandatory <= profile.codes, name
        assert profile.title and profile.source, name


def test_the_default_profile_is_every_rule_that_is_not_opt_in() -> None:
    assert load_profile(DEFAULT_PROFILE).codes == {r.code for r in ALL_RULES if not r.opt_in}


def test_without_a_profile_the_verdict_is_the_default_profiles() -> None:
    text = ALBUM.replace(MAIN_TITLE, "<TitleText>HARBOUR LIGHTS</TitleText>", 1)
    file = _file(text)
    assert _verdicts(file) == {DEFAULT_PROFILE: ("ready", True)}
    (issue,) = file.issues
    assert (issue.code, issue.profiles) == ("TXT303", (DEFAULT_PROFILE,))
    assert issue.to_dict()["profiles"] == [DEFAULT_PROFILE]


def test_two_stores_give_two_verdicts_where_their_guides_differ() -> None:
    """A title in capitals: Apple rejects it, Spotify takes it (a warning)."""
    text = ALBUM.replace(MAIN_TITLE, "<TitleText>HARBOUR LIGHTS</TitleText>", 1)
    file = _file(text, ["apple", "spotify"])
    assert _verdicts(file) == {"apple": ("needs_fixes", True), "spotify": ("ready", True)}
    apple, spotify = file.profiles
    assert (apple.counts, spotify.counts) == ({"error": 1, "warning": 0},
                                              {"error": 0, "warning": 1})
    # ready only when every selected profile is; the issue keeps the catalog's severity
    assert file.status == "needs_fixes"
    assert [(i.code, i.severity.value, i.profiles) for i in file.issues] == [
        ("TXT303", "warning", ("apple", "spotify"))]


def test_a_declared_profile_gets_its_verdict_apart_without_changing_the_status() -> None:
    """No PLine on the main release: a warning for the distributor, an error for DDEX's
    AudioAlbumMusicOnly, which the message says it follows."""
    start, end = ALBUM.index("      <PLine>\n", ALBUM.index(MAIN_TITLE)), None
    end = ALBUM.index("</PLine>\n", start) + len("</PLine>\n")
    text = (ALBUM[:start] + ALBUM[end:]).replace(*DECLARED, 1)
    file = _file(text)
    assert _verdicts(file) == {DEFAULT_PROFILE: ("ready", True),
                               "ddex-audio-album": ("needs_fixes", False)}
    assert file.status == "ready"
    apart = file.profiles[1]
    assert ("TXT310", ("ddex-audio-album",)) in [(i.code, i.profiles) for i in apart.issues]
    assert "TXT310" not in {i.code for i in _file(ALBUM.replace(*DECLARED, 1)).profiles[1].issues}
    entry = file.to_dict()["profiles"][1]
    assert entry["selected"] is False and "TXT310" in {i["code"] for i in entry["issues"]}
    # selected, it is the file's verdict, and nothing is shown apart
    selected = _file(text, ["ddex-audio-album"])
    assert _verdicts(selected) == {"ddex-audio-album": ("needs_fixes", True)}
    assert selected.status == "needs_fixes"


def test_a_selected_profile_runs_only_its_rules() -> None:
    text = ALBUM.replace(MAIN_TITLE, "<TitleText>HARBOUR LIGHTS</TitleText>", 1)
    codes = {i.code for i in _file(text, ["ddex-audio-album"]).issues}
    assert "TXT303" not in codes  # the distributor's rule, not the profile's
    assert "PRF001" in codes  # the profile's: our album has no TrackReleases


@pytest.mark.parametrize(("declared", "profile"), [
    ("CommonReleaseTypes/14/AudioAlbumMusicOnly", "ddex-audio-album"),
    ("CommonReleaseTypesTypes/13/AudioAlbumMusicOnly", "ddex-audio-album"),
    ("CommonReleaseTypes/13/AudioSingle", "ddex-audio-single"),
    ("CommonReleaseTypes/14/AudioAlbum", None),
    ("", None),
])
def test_a_release_profile_version_id_names_a_builtin_profile(
        declared: str, profile: str | None) -> None:
    found = declared_profile(declared)
    assert (found.name if found else None) == profile


def test_a_user_profile_extends_a_builtin_one_and_overrides_it(tmp_path: Path) -> None:
    (tmp_path / "base.toml").write_text(
        'extends = "apple"\ndrop = ["TXT303"]\n[severity]\nTXT302 = "error"\n')
    (tmp_path / "ours.toml").write_text(
        'title = "Ours"\nextends = "base.toml"\n[severity]\nTXT305 = "warning"\n')
    profile = load_profile(str(tmp_path / "ours.toml"))
    assert (profile.name, profile.title) == ("ours", "Ours")
    assert "TXT303" not in profile.codes and "TXT302" in profile.codes
    assert profile.severity["TXT302"].value == "error"  # from base.toml
    assert profile.severity["TXT305"].value == "warning"  # its own over apple's error
    assert profile.severity["TXT304"].value == "error"  # apple's, inherited


@pytest.mark.parametrize(("content", "message"), [
    ('rules = ["TXT999"]', "rules names 'TXT999', which is no rule code or family"),
    ('colour = "red"', "unknown key 'colour'"),
    ('extends = "nope"', "profile 'nope' does not exist"),
    ('[severity]\nTXT303 = "fatal"', 'severity.TXT303 must be "error" or "warning"'),
    ('[severity]\nXYZ001 = "error"', "severity.XYZ001 names no rule"),
    # a file the distributor cannot read is ready for no profile
    ('[severity]\nern001 = "warning"', "severity.ern001 cannot be a warning: it says the "
     "distributor cannot read or will refuse the file"),
    ('rules = "TXT"', "'rules' must be a list of strings"),
    ("title = ", "not a valid TOML profile"),
    ('extends = "loop.toml"', "extends itself"),
    # `ddexkit profiles` said a message declared it; the engine looks up built-ins only
    ('declared-as = ["OurHouse"]', "declared-as names 'OurHouse', but a message declares only "
     "a built-in profile"),
])
def test_a_bad_profile_is_one_clear_line(tmp_path: Path, content: str, message: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "loop.toml"
    path.write_text(content + "\n")
    with pytest.raises(ProfileError, match=re.escape(message)):
        load_profile(str(path))
    assert cli.main(["validate", "--profile", str(path), str(GOOD_ALBUM)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and message in err[0] and err[0].startswith("ddexkit: ")


def test_a_missing_profile_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match=r"missing\.toml: cannot read the profile"):
        load_profile(str(tmp_path / "missing.toml"))


@pytest.mark.parametrize(("extends", "message"), [
    ("nope", "extends: profile 'nope' does not exist"),
    ("missing.toml", "extends: {folder}/missing.toml: cannot read the profile"),
])
def test_extending_a_missing_profile_names_the_file_that_extends_it(
        tmp_path: Path, extends: str, message: str) -> None:
    ours = tmp_path / "ours.toml"
    ours.write_text(f'extends = "{extends}"\n')
    with pytest.raises(ProfileError) as raised:
        load_profile(str(ours))
    assert str(raised.value).startswith(f"{ours}: " + message.format(folder=tmp_path))


def test_configuration_names_profiles_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "ours.toml").write_text('extends = "spotify"\n')
    config = tmp_path / "ddexkit.toml"
    config.write_text('profiles = ["apple", "profiles/ours.toml"]\nignore = ["ERN007"]\n')
    loaded = load_config(config)
    report = ddexkit.validate(GOOD_ALBUM, config=loaded)
    assert [v.name for v in report.files[0].profiles] == ["apple", "ours"]
    # the command line's --profile replaces the configuration's
    report = ddexkit.validate(GOOD_ALBUM, config=loaded, profiles=["youtube"])
    assert [v.name for v in report.files[0].profiles] == ["youtube"]


def test_a_bad_profile_the_configuration_names_names_the_configuration(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "ddexkit.toml"
    config.write_text('profiles = ["apple", "nosuch"]\n')
    assert cli.main(["validate", "--config", str(config), str(GOOD_ALBUM)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"ddexkit: {config}: profiles: profile 'nosuch' does not exist")
    # typed on the command line, it is the user's own word: no configuration to name
    assert cli.main(["validate", "--config", str(config), "--profile", "nosuch",
                     str(GOOD_ALBUM)]) == 2
    assert capsys.readouterr().err.startswith("ddexkit: profile 'nosuch' does not exist")


def test_text_output_ends_each_file_with_a_line_per_profile(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ALBUM.replace(MAIN_TITLE, "<TitleText>HARBOUR LIGHTS</TitleText>", 1)
    message = tmp_path / "album.xml"
    message.write_text(text)
    code = cli.main(["validate", "--ignore", "ERN007", "--profile", "apple", "--profile",
                     "spotify", str(message)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[-3:-1] == [
        "  profile apple (Apple Music): needs fixes (1 error, 0 warnings)",
        "  profile spotify (Spotify): ready (0 errors, 1 warning)",
    ]
    assert cli.main(["validate", "--ignore", "ERN007", str(GOOD_ALBUM)]) == 0
    # The default profile alone: no profile line (the path itself may say "profile").
    assert not [line for line in capsys.readouterr().out.splitlines()
                if line.startswith("  profile ")]


def test_profiles_command_lists_and_shows(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["profiles"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in builtin_names())
    assert cli.main(["profiles", "apple"]) == 0
    shown = capsys.readouterr().out
    assert "TXT303  error    A title is written in capitals only (catalog: warning)" in shown
    assert cli.main(["profiles", "nope"]) == 2


def test_profiles_command_shows_thresholds_words_and_overrides_with_inherited_ones(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``profiles NAME`` shows every threshold and word list the profile's rules run with,
    where each comes from (its own, inherited, the rule's default), and the severities it
    changes, the inherited ones included."""
    ours = tmp_path / "ours.toml"
    ours.write_text('extends = "spotify"\n[words]\nmarketing-terms = ["Promo"]\n'
                    '[severity]\nTXT303 = "error"\n', encoding="utf-8")
    assert cli.main(["profiles", str(ours)]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert [line for line in shown if line.startswith("  ")] == [
        "  cover-min-side = 640  (AST807: inherited from spotify)",
        "  track-min-seconds = 30  (DUR412: inherited from spotify)",
        '  marketing-terms = ["Promo"]  (TXT311: set by this profile)',
        "  generic-artist-words = []  (ROL610: the rule's default)",
        "  TXT303  error    (catalog: warning)",
        "  TXT304  error    (catalog: warning, inherited from spotify)",
        "  TXT305  error    (catalog: warning, inherited from spotify)",
        "  TXT308  error    (catalog: warning, inherited from spotify)",
    ]
    assert cli.main(["profiles", "apple"]) == 0
    apple = capsys.readouterr().out
    assert "  cover-min-side = 3000  (AST807: set by this profile)" in apple
    assert "  track-min-seconds = 30  (DUR412: not counted by this profile)" in apple
    assert "  AST807  error    (catalog: warning)" in apple


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6,
).filter(lambda v: v is not None)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "source", "extends", "default-rules",
                                        "rules", "drop", "declared-as", "severity", "other"]),
                       _VALUES, max_size=4))
def test_any_profile_table_loads_or_is_a_profile_error(table: dict[str, object]) -> None:
    import tomllib

    from ddexkit import profiles

    def fake(name: str) -> dict[str, object] | None:
        return table if name == "fuzzed" else tomllib.loads("default-rules = true")

    original = profiles._builtin_table
    profiles._builtin_table = fake  # type: ignore[assignment]
    try:
        load_profile("fuzzed")
    except ProfileError:
        pass
    finally:
        profiles._builtin_table = original


def test_an_opt_in_rule_runs_only_where_a_selected_profile_names_it() -> None:
    """TXT316 (a language on an instrumental) is Spotify's: the distributor's default run and
    Apple leave it out; with both stores selected it counts for Spotify only."""
    bad = (Path(__file__).parent / "rules" / "cases" / "TXT316" / "bad.xml").read_text(
        encoding="utf-8")

    def txt316(profiles: list[str] | None) -> list[tuple[str, ...]]:
        return [i.profiles for i in _file(bad, profiles).issues if i.code == "TXT316"]

    assert txt316(None) == []
    assert txt316(["apple"]) == []
    found = txt316(["apple", "spotify"])
    assert found and set(found) == {("spotify",)}


@pytest.mark.parametrize(("sample", "own", "other"), [
    ("Profile_AudioAlbumMusicOnly.xml", "ddex-audio-album", "ddex-audio-single"),
    ("Profile_AudioSingle.xml", "ddex-audio-single", "ddex-audio-album"),
])
def test_ddex_samples_pass_their_own_profile_and_not_the_other(
        sample: str, own: str, other: str, shared_corpus: Path, schema_dir: Path) -> None:
    (path,) = sorted(shared_corpus.rglob(sample))[:1]
    report = ddexkit.validate(path, schema_dir=schema_dir, profiles=[own, other])
    verdicts = {v.name: v for v in report.files[0].profiles}
    assert verdicts[own].status == "ready", [
        (i.code, i.message) for i in report.files[0].issues if own in i.profiles]
    assert verdicts[other].status == "needs_fixes"
    # QZ and every other ISRC prefix pass every profile
    assert not [i for i in report.files[0].issues if i.code in ("ID105", "ID106")]


@pytest.mark.parametrize("name", builtin_names())
def test_qz_isrcs_pass_every_profile(name: str) -> None:
    """The DDEX profile album of the rule cases carries QZ ISRCs (issued by the US agency,
    which DDEX's own 1.3/1.4 rule sets wrongly reject): no profile counts an issue of them."""
    album = (Path(__file__).parent / "rules" / "cases" / "PRF001" / "good.xml").read_text(
        encoding="utf-8")
    assert album.count("<ISRC>QZ") >= 2
    isrc_issues = [(i.code, i.message) for i in _file(album, [name]).issues
                   if "ISRC" in i.message and name in i.profiles]
    assert isrc_issues == []


def test_two_selected_profiles_of_one_name_are_refused(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    # Issues name the profiles they count for by name: two of one name would each count the
    # other's (a 640-pixel "apple" counting the 3000-pixel cover warning of the built-in one).
    (tmp_path / "apple.toml").write_text('extends = "spotify"\n')
    (tmp_path / "named.toml").write_text('name = "apple"\nextends = "spotify"\n')
    for ours in ("apple.toml", "named.toml"):
        path = str(tmp_path / ours)
        with pytest.raises(ProfileError, match=re.escape(
                f"profiles 'apple' and '{path}' are both named 'apple'")):
            load_profiles(["apple", path])
        assert cli.main(["validate", "--profile", "apple", "--profile", path,
                         str(GOOD_ALBUM)]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert "name = " in line


def test_one_profile_file_named_twice_is_selected_once(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ours.toml").write_text('extends = "spotify"\n')
    monkeypatch.chdir(tmp_path)
    profiles = load_profiles(["ours.toml", "./ours.toml", str(tmp_path / "ours.toml")])
    assert [p.name for p in profiles] == ["ours"]


def test_a_loop_of_extends_is_named_the_first_time_round(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n')
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ProfileError) as raised:
        load_profile("a.toml")  # relative, as typed; its extends are resolved to full paths
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    assert str(raised.value) == (f"profile '{a}' extends itself through {a} → {b} → {a}: "
                                 "remove one 'extends'")


def test_a_profile_or_configuration_saved_with_a_bom_is_read(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    bom = "\ufeff"  # Windows editors save UTF-8 with one; tomllib takes it for a key
    (tmp_path / "ours.toml").write_text(bom + 'title = "Ours"\nextends = "spotify"\n',
                                        encoding="utf-8")
    assert load_profile(str(tmp_path / "ours.toml")).title == "Ours"
    (tmp_path / "ddexkit.toml").write_text(bom + 'profiles = ["ours.toml"]\n', encoding="utf-8")
    assert load_config(tmp_path / "ddexkit.toml").profiles == (str(tmp_path / "ours.toml"),)
    (tmp_path / "ddexkit.toml").unlink()
    (tmp_path / "pyproject.toml").write_text(bom + '[tool.ddexkit]\nprofiles = ["apple"]\n',
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert discover_config(tmp_path).profiles == ("apple",)


@pytest.mark.parametrize("name", ["APPLE", "Spotify", "DDEX-Audio-Album"])
def test_a_builtin_name_in_other_case_is_offered_in_its_own(name: str) -> None:
    with pytest.raises(ProfileError, match=re.escape(
            f"profile '{name}' does not exist: did you mean '{name.lower()}'?")):
        load_profile(name)


def test_a_profile_file_is_one_whatever_the_case_of_its_suffix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "Ours.TOML").write_text('extends = "spotify"\n')
    (tmp_path / "child.toml").write_text('extends = "Ours.TOML"\n')
    assert load_profile(str(tmp_path / "Ours.TOML")).name == "Ours"
    assert load_profile(str(tmp_path / "child.toml")).codes == load_profile("spotify").codes
    config = tmp_path / "ddexkit.toml"
    config.write_text('profiles = ["Ours.TOML"]\n')
    assert load_config(config).profiles == (str(tmp_path / "Ours.TOML"),)


def test_a_folder_given_as_a_profile_is_named_a_folder(tmp_path: Path) -> None:
    (tmp_path / "ours.toml").mkdir()
    with pytest.raises(ProfileError, match=re.escape(
            f"{tmp_path / 'ours.toml'}: cannot read the profile: it is a folder")):
        load_profile(str(tmp_path / "ours.toml"))


def test_an_integer_too_long_for_python_is_a_configuration_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tomllib raises ValueError, not TOMLDecodeError, past 4,300 digits
    huge = "strict = 1" + "0" * 5000 + "\n"
    (tmp_path / "ddexkit.toml").write_text(huge)
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(tmp_path / "ddexkit.toml")
    (tmp_path / "ddexkit.toml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.ddexkit]\n" + huge)
    assert discover_config(tmp_path) == Config()  # not ours to read: as any broken pyproject


def test_a_chain_of_extends_too_deep_is_one_clear_line(tmp_path: Path) -> None:
    # 1,500 levels ran past Python's recursion limit: exit 3
    for level in range(1500):
        (tmp_path / f"p{level}.toml").write_text(f'extends = "p{level + 1}.toml"\n'
                                                 if level < 1499 else 'extends = "apple"\n')
    with pytest.raises(ProfileError, match=re.escape(
            f"{tmp_path / 'p0.toml'}: extends 32 profiles deep (through ")):
        load_profile(str(tmp_path / "p0.toml"))
    (tmp_path / "p29.toml").write_text('extends = "apple"\n')  # 30 files, apple, verseone
    assert "TXT311" in load_profile(str(tmp_path / "p0.toml")).codes
