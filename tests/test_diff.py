"""`ddexkit diff` and `validate --original`: the change set between a delivered ERN and its
update (JSON shape, lines in both files, semantic not textual), the UPD rules running only with
an original, one-line refusals of unusable originals, and hypothesis throwing malformed
messages at the comparison."""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import ddexkit
from ddexkit import cli
from ddexkit.changes import pair_tracks
from ddexkit.comparison import diff
from ddexkit.config import Config
from ddexkit.engine import resolve_settings
from ddexkit.inputs import InputError
from ddexkit.output.diff_text import render_diff
from ddexkit.parser import parse
from tests.conftest import GOOD_ALBUM, shared_schema_dir
from tests.test_fuzz import FUZZ

CASES = Path(__file__).parent / "rules" / "cases"
ORIGINAL = CASES / "UPD001" / "original.xml"  # corpus/good/album.xml as delivered
SCHEMA_DIR = shared_schema_dir()


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = cli.main(["diff", *args, "--format", "json", "--no-config"])
    out = capsys.readouterr().out
    return code, json.loads(out)  # stdout holds the JSON document and nothing else


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_json_names_each_change_with_old_and_new_values_and_lines_in_both_files(
        capsys: pytest.CaptureFixture[str]) -> None:
    update = CASES / "UPD001" / "bad.xml"
    code, document = _json(capsys, str(ORIGINAL), str(update))
    assert code == cli.EXIT_ERRORS  # UPD001 is an error
    assert document["diff_version"] == 1
    assert document["counts"] == {"added": 0, "removed": 0, "changed": 1}
    assert document["changes"]["added"] == document["changes"]["removed"] == []
    (change,) = document["changes"]["changed"]
    xpath = "/NewReleaseMessage/ReleaseList/Release/ReleaseId/ICPN"
    assert change == {
        "part": "release", "key": "R0", "field": "icpn",
        "old": "123456789012", "new": "123456789029",
        "original": {"xpath": xpath, "line": _line_of(ORIGINAL, "<ICPN"), "column": 9},
        "update": {"xpath": xpath, "line": _line_of(update, "<ICPN"), "column": 9},
    }
    (file,) = document["report"]["files"]
    assert [(i["code"], i["line"]) for i in file["issues"]] == [
        ("UPD001", _line_of(update, "<ICPN"))]
    assert "123456789012" in file["issues"][0]["message"]  # the original's value is named


def test_json_lists_removed_added_and_deal_changes(capsys: pytest.CaptureFixture[str]) -> None:
    _, removed = _json(capsys, str(ORIGINAL), str(CASES / "UPD004" / "bad.xml"))
    assert [(c["part"], c["key"], c["old"], c["update"]) for c in removed["changes"]["removed"]
            ] == [("track", "GBAYE2400003", "The Long Field", None)]
    _, added = _json(capsys, str(ORIGINAL), str(CASES / "UPD012" / "bad.xml"))
    assert [(c["part"], c["key"], c["new"], c["original"]) for c in added["changes"]["added"]
            ] == [("track", "GBAYE2400005", "Lantern Song", None)]
    _, deals = _json(capsys, str(ORIGINAL), str(CASES / "UPD014" / "bad.xml"))
    assert [(c["key"], c["field"], c["old"], c["new"]) for c in deals["changes"]["changed"]] == [
        ("R0 SubscriptionModel OnDemandStream", "territories", ["Worldwide"], ["GB", "IE"]),
        ("R0 SubscriptionModel NonInteractiveStream", "territories", ["Worldwide"],
         ["GB", "IE"]),
    ]


@pytest.mark.parametrize("case", ["UPD002", "UPD003", "UPD005"])
def test_the_comparison_is_semantic_not_textual(case: str, capsys: pytest.CaptureFixture[str]
                                                ) -> None:
    """Renamed resource references, SoundRecordings listed in another order, a reordered
    ReleaseResourceReferenceList: the text differs, the release does not."""
    update = CASES / case / "good.xml"
    assert update.read_bytes() != ORIGINAL.read_bytes()
    code, document = _json(capsys, str(ORIGINAL), str(update))
    assert (code, document["counts"]) == (cli.EXIT_OK, {"added": 0, "removed": 0, "changed": 0})


def test_text_shows_old_to_new_with_both_lines_then_the_issues(
        capsys: pytest.CaptureFixture[str]) -> None:
    update = CASES / "UPD007" / "bad.xml"
    code = cli.main(["diff", str(ORIGINAL), str(update), "--no-config"])
    out = capsys.readouterr().out
    assert code == cli.EXIT_OK  # a warning only
    old, new = _line_of(ORIGINAL, "<TitleText>Harbour Lights<"), _line_of(update, "(Deluxe)")
    assert (f'~ release R0: title "Harbour Lights" → "Harbour Lights (Deluxe)"  '
            f"(original line {old}, update line {new})") in out
    assert "1 changes: 0 added, 0 removed, 1 changed" in out
    assert f"{update}:{new}:" in out and "UPD007" in out


def test_the_corpus_update_shows_what_the_readme_shows(capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    update = GOOD_ALBUM.parents[1] / "updates" / "album-update.xml"
    code, document = _json(capsys, str(GOOD_ALBUM), str(update))
    assert code == cli.EXIT_ERRORS
    assert document["counts"] == {"added": 0, "removed": 1, "changed": 2}
    issues = document["report"]["files"][0]["issues"]
    assert [(i["code"], i["severity"]) for i in issues] == [
        ("UPD007", "warning"), ("UPD011", "warning"), ("UPD006", "error")]


def test_validate_with_original_runs_the_update_rules_and_without_it_not(
        capsys: pytest.CaptureFixture[str]) -> None:
    update = str(CASES / "UPD002" / "bad.xml")
    with_original = cli.main(["validate", update, "--original", str(ORIGINAL), "--no-config",
                              "--format", "json", "--jobs", "1"])
    codes = [i["code"] for i in json.loads(capsys.readouterr().out)["files"][0]["issues"]]
    without = cli.main(["validate", update, "--no-config", "--format", "json", "--jobs", "1"])
    codes_without = [i["code"] for i in
                     json.loads(capsys.readouterr().out)["files"][0]["issues"]]
    assert (with_original, codes) == (cli.EXIT_ERRORS, ["UPD002"])
    assert (without, codes_without) == (cli.EXIT_OK, [])


@pytest.mark.parametrize("profile", ["verseone", "ddex-audio-album", "apple"])
def test_the_update_rules_count_for_every_selected_profile(profile: str) -> None:
    """With an original, a changed ISRC is an error whichever recipient judges the release:
    the DDEX profiles list no UPD rule, and the update was judged ready for them."""
    update = CASES / "UPD002" / "bad.xml"
    file = ddexkit.validate(update, original=ORIGINAL, config=Config(), profiles=[profile],
                            schema_dir=SCHEMA_DIR).files[0]
    assert "UPD002" in [i.code for i in file.issues]
    (verdict,) = file.profiles
    assert (verdict.name, verdict.status) == (profile, "needs_fixes")
    assert verdict.counts["error"] >= 1


def test_library_validate_takes_the_original() -> None:
    update = CASES / "UPD011" / "bad.xml"
    report = ddexkit.validate(update, original=ORIGINAL, config=Config(), schema_dir=SCHEMA_DIR)
    assert [i.code for i in report.files[0].issues if i.code.startswith("UPD")] == ["UPD011"]
    with pytest.raises(InputError, match=r"^original .*missing\.xml: "):
        ddexkit.validate(update, original=update.parent / "missing.xml", config=Config())


_UNUSABLE = {
    "missing": None,
    "malformed": b"<NewReleaseMessage><a></NewReleaseMessage>",
    "empty": b"",
    "not ERN 3.8.2": GOOD_ALBUM.read_bytes().replace(b"ern/382", b"ern/41"),
    "another root": b"<project/>",
    "a ZIP": b"PK\x03\x04" + bytes(26),
}


@pytest.mark.parametrize("command", ["diff", "validate"])
@pytest.mark.parametrize("kind", sorted(_UNUSABLE))
def test_an_unusable_original_is_one_line_and_exit_2(
        kind: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = tmp_path / "original.xml"
    if _UNUSABLE[kind] is not None:
        original.write_bytes(_UNUSABLE[kind] or b"")
    update = str(CASES / "UPD001" / "good.xml")
    args = (["diff", str(original), update] if command == "diff"
            else ["validate", update, "--original", str(original)])
    assert cli.main([*args, "--no-config"]) == cli.EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"ddexkit: original {original}") and "Traceback" not in line


def test_a_zip_is_named_as_a_zip_on_either_side(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "release.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("release.xml", GOOD_ALBUM.read_bytes())
    assert cli.main(["diff", str(package), str(GOOD_ALBUM), "--no-config"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err.splitlines() == [
        f"ddexkit: original {package}: is a ZIP package, not an ERN message; give the ERN as "
        "it was delivered (the one the update replaces): the .xml inside the ZIP"]
    assert cli.main(["diff", str(ORIGINAL), str(package), "--no-config"]) == cli.EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.splitlines() == [
        f"ddexkit: {package}: is a ZIP package; diff compares ERN messages: name the .xml "
        f"inside it, or validate the package with --original {ORIGINAL}"]


def test_a_nul_in_the_originals_name_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^original a\x00b\.xml: the name holds a NUL"):
        ddexkit.validate(GOOD_ALBUM, original="a\0b.xml", config=Config())


def test_diff_says_what_an_update_that_is_no_file_is(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "update.xml"
    os.mkfifo(fifo)
    for update, what in ((tmp_path, "it is a folder, not a regular file"),
                         (fifo, "it is not a regular file (a pipe, device or socket)")):
        assert cli.main(["diff", str(ORIGINAL), str(update), "--no-config"]) == cli.EXIT_USAGE
        assert capsys.readouterr().err.splitlines() == [
            f"ddexkit: {update}: {what}; name the updated ERN"]


def test_diff_names_a_missing_update(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["diff", str(ORIGINAL), "nowhere.xml"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err.splitlines() == [
        "ddexkit: nowhere.xml: no such file; name the updated ERN (.xml)"]


def test_tracks_pair_by_isrc_then_reference_then_title() -> None:
    album = GOOD_ALBUM.read_bytes()
    original = parse(album).tracks()
    renumbered = parse(album.replace(b"GBAYE2400001", b"GBAYE2400007")
                       .replace(b">A2<", b">A8<").replace(b"GBAYE2400002", b"GBAYE2400008")
                       ).tracks()
    pairs = pair_tracks(original, renumbered)
    assert [(p.original.isrc if p.original else None, p.update.isrc if p.update else None,
             p.matched_by) for p in pairs] == [
        ("GBAYE2400001", "GBAYE2400007", "reference"),
        ("GBAYE2400002", "GBAYE2400008", "title"),
        ("GBAYE2400003", "GBAYE2400003", "isrc"),
    ]



def test_a_upc_written_as_its_ean_13_is_no_change(capsys: pytest.CaptureFixture[str]) -> None:
    upc = b'<ICPN IsEan="false">123456789012</ICPN>'
    with tempfile.TemporaryDirectory() as folder:
        update = Path(folder) / "update.xml"
        update.write_bytes(ALBUM.replace(upc, b'<ICPN IsEan="true">0123456789012</ICPN>'))
        code, document = _json(capsys, str(GOOD_ALBUM), str(update))
        assert (code, document["counts"]) == (0, {"added": 0, "removed": 0, "changed": 0})
        update.write_bytes(ALBUM.replace(upc, b'<ICPN IsEan="true">4006381333931</ICPN>'))
        code, document = _json(capsys, str(GOOD_ALBUM), str(update))
        (change,) = document["changes"]["changed"]
        assert (code, change["field"], change["old"], change["new"]) == (
            1, "icpn", "123456789012", "4006381333931")  # shown as written, not padded


def test_two_tracks_of_one_title_pair_in_order() -> None:
    # "Interlude" twice, ISRCs and references both renumbered: only the titles pair them.
    # The second original "Interlude" was paired first and the other one lost: a track
    # "removed" (UPD004) and one "added".
    album = (GOOD_ALBUM.read_bytes().replace(b"Northern Lights", b"Interlude")
             .replace(b"The Long Field", b"Interlude"))
    renumbered = album
    for old, new in ((b"GBAYE2400001", b"GBAYE2400007"), (b"GBAYE2400002", b"GBAYE2400008"),
                     (b"GBAYE2400003", b"GBAYE2400009"), (b">A1<", b">A7<"),
                     (b">A3<", b">A9<")):
        renumbered = renumbered.replace(old, new)
    pairs = pair_tracks(parse(album).tracks(), parse(renumbered).tracks())
    assert [(p.original.reference if p.original else None,
             p.update.reference if p.update else None, p.matched_by) for p in pairs] == [
        ("A1", "A7", "title"), ("A2", "A2", "reference"), ("A3", "A9", "title")]


def test_two_original_tracks_of_one_isrc_are_both_paired() -> None:
    # The original gave track 2 track 1's ISRC by mistake; the update corrects it. Both
    # tracks stay themselves: track 1 by its ISRC, track 2 by its reference (an ISRC change).
    album = GOOD_ALBUM.read_bytes()
    original = parse(album.replace(b"GBAYE2400002", b"GBAYE2400001")).tracks()
    pairs = pair_tracks(original, parse(album).tracks())
    assert [(p.original.reference if p.original else None,
             p.update.reference if p.update else None, p.matched_by) for p in pairs] == [
        ("A1", "A1", "isrc"), ("A2", "A2", "reference"), ("A3", "A3", "isrc")]


# --- hypothesis: malformed messages on either side ------------------------------------------


def _mutated(data: st.DataObject) -> bytes:
    """The album with elements dropped or duplicated and texts replaced, or cut bytes."""
    if data.draw(st.booleans()):
        cut = data.draw(st.integers(0, len(ALBUM)))
        return ALBUM[:cut] + data.draw(st.binary(max_size=20)) + ALBUM[cut + 5:]
    root = etree.fromstring(ALBUM)
    elements = list(root.iter())[1:]
    for _ in range(data.draw(st.integers(1, 6))):
        element = elements[data.draw(st.integers(0, len(elements) - 1))]
        parent = element.getparent()
        action = data.draw(st.sampled_from(["drop", "twice", "text"]))
        if parent is None:
            continue
        if action == "drop":
            parent.remove(element)
        elif action == "twice":
            parent.append(etree.fromstring(etree.tostring(element)))
        else:
            element.text = data.draw(st.sampled_from(["", " ", "x", "PT99H", "0", "GB"]))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


ALBUM = GOOD_ALBUM.read_bytes()


@FUZZ
@given(data=st.data(), mutate_original=st.booleans())
def test_malformed_messages_never_break_diff(data: st.DataObject, mutate_original: bool) -> None:
    mutated = _mutated(data)
    with tempfile.TemporaryDirectory() as folder:
        original, update = Path(folder) / "original.xml", Path(folder) / "update.xml"
        original.write_bytes(mutated if mutate_original else ALBUM)
        update.write_bytes(ALBUM if mutate_original else mutated)
        try:
            settings = resolve_settings(Config(), schema_dir=SCHEMA_DIR, original=original)
        except InputError as error:
            assert mutate_original and "\n" not in str(error)
            return
        comparison = diff(update, settings)
        for issue in comparison.report.files[0].issues:
            assert "internal error" not in issue.message, issue
        json.dumps(comparison.to_dict())
        assert render_diff(comparison)
        assert comparison.to_dict() == diff(update, settings).to_dict()


def _deal_heavy(count: int) -> bytes:
    """The album whose first deal repeats its release reference, a use type and a
    territory ``count`` times each."""
    head, deals = ALBUM.split(b"<DealList>")
    return head + b"<DealList>" + (
        deals.replace(b"<DealReleaseReference>R0</DealReleaseReference>",
                      b"<DealReleaseReference>R0</DealReleaseReference>" * count, 1)
        .replace(b"<UseType>OnDemandStream</UseType>",
                 b"<UseType>OnDemandStream</UseType>" * count, 1)
        .replace(b"<TerritoryCode>Worldwide</TerritoryCode>",
                 b"<TerritoryCode>GB</TerritoryCode>" * count, 1))


def test_repeated_deal_references_and_use_types_cost_linear_work() -> None:
    # One (release, model, use) per repetition of each: 3,200 of each took 17 s.
    from ddexkit.changes import compare
    from tests.test_rules_linear import GROWTH_LIMIT, _WorkCounter

    original = parse(ALBUM)

    def work(count: int) -> int:
        update = parse(_deal_heavy(count))
        counter = _WorkCounter()
        counter.run(lambda: compare(original, update))
        return counter.count

    small, large = work(100), work(200)
    assert large <= GROWTH_LIMIT * small + 200, f"{small:,} steps at 100, {large:,} at 200"
    changed = [c for c in compare(original, parse(_deal_heavy(100))).changes
               if c.part.value == "deal"]
    assert [(c.key, c.field, c.new) for c in changed] == [
        ("R0 SubscriptionModel OnDemandStream", "territories", ("GB",)),
        ("R0 SubscriptionModel NonInteractiveStream", "territories", ("GB",))]
