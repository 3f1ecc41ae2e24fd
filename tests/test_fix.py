"""``ddexkit fix``: each fix repairs its rule's case, edits only its span byte for byte,
introduces nothing, is refused where the raw bytes do not say what the parser read, and
``--write`` replaces the file in one step or not at all."""

from __future__ import annotations

import csv
import functools
import json
import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from bench.generate import generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ddexkit
from ddexkit import cli
from ddexkit.autofix import FixError, FixResult, _edits, fix_bytes, fix_file, write_fixed
from ddexkit.domain.mediaformats import sampling_rate_written
from ddexkit.engine import Settings, resolve_settings
from ddexkit.report import FileReport
from tests.conftest import GOOD_ALBUM, OUR_CORPUS
from tests.rules import builders

CASES = Path(__file__).resolve().parent / "rules" / "cases"
FIXABLE = ("ID103", "ID105", "TER501", "TER502", "DUR401", "ROL603")
ALBUM = GOOD_ALBUM.read_bytes()


@pytest.fixture(scope="module")
def fix_settings(schema_dir: Path) -> Settings:
    return resolve_settings(ddexkit.Config(), schema_dir=schema_dir)


def _counts(report: FileReport) -> Counter[str]:
    counts: Counter[str] = Counter()
    for issue in report.issues:
        counts[issue.code] += issue.weight
    return counts


def _assert_only_spans_changed(result: FixResult) -> None:
    """The fixed bytes are the original's with each applied span replaced, nothing else."""
    at_original = at_fixed = 0
    for outcome in sorted(result.applied, key=lambda o: o.span or (0, 0)):
        assert outcome.span is not None
        start, end = outcome.span
        unchanged = result.original[at_original:start]
        assert result.fixed[at_fixed:at_fixed + len(unchanged)] == unchanged
        at_fixed += len(unchanged)
        assert outcome.written is not None
        written = outcome.written.encode()
        assert result.fixed[at_fixed:at_fixed + len(written)] == written
        at_fixed += len(written)
        at_original = end
    assert result.fixed[at_fixed:] == result.original[at_original:]


def _assert_repaired(result: FixResult, before: FileReport) -> None:
    """No code is more frequent than before, and no applied fix's issue is still there."""
    after = _counts(result.report)
    assert not [code for code, n in after.items() if n > _counts(before)[code]]
    left = {(i.code, i.location.xpath) for i in result.report.issues}
    assert not [o for o in result.applied if (o.code, o.location.xpath) in left]


@pytest.mark.parametrize("code", FIXABLE)
def test_each_fix_repairs_its_rule_case_and_leaves_the_good_one(
        code: str, fix_settings: Settings) -> None:
    bad = (CASES / code / "bad.xml").read_bytes()
    before = ddexkit.validate(bad, schema_dir=fix_settings.schema_dir,
                              config=ddexkit.Config()).files[0]
    fixable = [i for i in before.issues if i.code == code and i.fix is not None]
    assert fixable, f"{code}'s bad case offers no fix"
    result = fix_bytes(bad, fix_settings, unsafe=True)
    assert {(o.code, o.location) for o in result.applied} >= {(i.code, i.location)
                                                              for i in fixable}
    assert not [i for i in result.report.issues if i.code == code and i.fix is not None]
    left = [i for i in result.report.issues if i.code == code]
    assert len(left) == len([i for i in before.issues if i.code == code]) - len(fixable)
    _assert_only_spans_changed(result)
    _assert_repaired(result, before)
    good = (CASES / code / "good.xml").read_bytes()
    assert not fix_bytes(good, fix_settings, unsafe=True).changed


@pytest.mark.parametrize("code", ["AST803", "AST810", "AST813", "AST814", "AST821"])
def test_the_files_at_hand_fix_their_details_only_as_unsafe(
        code: str, tmp_path: Path, schema_dir: Path) -> None:
    assets = builders.good_album_assets("bad", tmp_path)
    bad = (CASES / code / "bad.xml").read_bytes()
    # every rule and this one (AST821 is opt-in)
    fixing = functools.partial(ddexkit.fix, assets=assets, schema_dir=schema_dir,
                               config=ddexkit.Config(select=("", code)))
    assert not [o for o in fixing(bad).applied if o.code == code]
    result = fixing(bad, unsafe=True)
    assert [o.code for o in result.applied] == [code]
    assert code not in _counts(result.report)
    _assert_only_spans_changed(result)
    good = (CASES / code / "good.xml").read_bytes()
    assert not fixing(good, unsafe=True).changed


@pytest.mark.parametrize(("empty", "fixed"), [(b"<HashSum></HashSum>", True),
                                               (b"<HashSum> </HashSum>", True),
                                               (b"<HashSum/>", False)])
def test_an_empty_hash_sum_gets_the_files_digest_only_as_unsafe(
        empty: bytes, fixed: bool, tmp_path: Path, schema_dir: Path) -> None:
    good = (CASES / "AST803" / "good.xml").read_bytes()
    digest = b"<HashSum>ed4287c0af3f86c5bf6934c3abeed9df</HashSum>"
    assert digest in good
    fixing = functools.partial(ddexkit.fix, good.replace(digest, empty),
                               assets=builders.good_album_assets("good", tmp_path),
                               schema_dir=schema_dir, config=ddexkit.Config())
    assert not fixing().changed
    result = fixing(unsafe=True)
    if fixed:
        assert result.fixed == good and [o.code for o in result.applied] == ["AST804"]
    else:
        (refused,) = result.refused
        assert (refused.code, refused.reason) == ("AST804", "the element is written empty (<…/>)")


def test_a_time_without_zone_is_fixed_only_as_unsafe(fix_settings: Settings) -> None:
    naive = ALBUM.replace(b"2024-04-02T09:30:00Z<", b"2024-04-02T09:30:00<")
    safe = fix_bytes(naive, fix_settings)
    assert not safe.changed and "ERN009" in _counts(safe.report)
    unsafe = fix_bytes(naive, fix_settings, unsafe=True)
    assert unsafe.fixed == ALBUM
    assert [o.code for o in unsafe.applied] == ["ERN009"] and not unsafe.report.issues


def test_a_bare_number_duration_is_unsafe_and_a_clock_time_safe(fix_settings: Settings) -> None:
    raw = ALBUM.replace(b"<Duration>PT3M12S</Duration>", b"<Duration>192</Duration>", 1)
    raw = raw.replace(b"<Duration>PT5M31S</Duration>", b"<Duration>5:31</Duration>", 1)
    safe = fix_bytes(raw, fix_settings)
    assert [o.fix.replacement for o in safe.applied] == ["PT5M31S"]
    unsafe = fix_bytes(raw, fix_settings, unsafe=True)
    assert [o.fix.replacement for o in unsafe.applied] == ["PT3M12S", "PT5M31S"]
    assert not unsafe.report.issues


def _our_broken_files() -> list[Path]:
    return sorted((OUR_CORPUS / "broken").glob("*.xml"))


def _check_file(path: Path, tmp_path: Path, fix_settings: Settings) -> None:
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    before = ddexkit.validate(copy, schema_dir=fix_settings.schema_dir,
                              config=ddexkit.Config()).files[0]
    try:
        result, status = fix_file(copy, fix_settings, unsafe=True)
    except FixError:
        assert copy.read_bytes() == path.read_bytes()  # refused, and left as it was
        return
    if result.changed:
        write_fixed(copy, result, status)
    assert copy.read_bytes() == result.fixed
    _assert_only_spans_changed(result)
    after = ddexkit.validate(copy, schema_dir=fix_settings.schema_dir,
                             config=ddexkit.Config()).files[0]
    assert _counts(after) == _counts(result.report)
    _assert_repaired(result, before)
    again, _ = fix_file(copy, fix_settings, unsafe=True)
    assert not again.changed


@pytest.mark.parametrize("path", _our_broken_files(), ids=lambda p: p.name)
def test_fix_write_on_our_broken_corpus_edits_only_its_spans(
        path: Path, tmp_path: Path, fix_settings: Settings) -> None:
    _check_file(path, tmp_path, fix_settings)


def test_fix_write_on_the_shared_corpus_edits_only_its_spans(
        shared_corpus: Path, tmp_path: Path, fix_settings: Settings) -> None:
    rows = list(csv.DictReader((shared_corpus / "index.csv").open(encoding="utf-8")))
    applied = 0
    for number, row in enumerate(rows):
        path = shared_corpus / row["file"]
        if path.suffix.lower() != ".xml":
            continue
        folder = tmp_path / str(number)
        folder.mkdir()
        _check_file(path, folder, fix_settings)
        applied += (folder / path.name).read_bytes() != path.read_bytes()
    assert applied >= 3  # the corpus has fixable faults: this test saw some fixed


def test_crlf_a_namespace_prefix_and_a_comment_beside_the_edit_stay(
        fix_settings: Settings) -> None:
    raw = (ALBUM.replace(b"ern:", b"x:").replace(b"xmlns:ern=", b"xmlns:x=")
           .replace(b"<ISRC>GBAYE2400002</ISRC>",
                    b"<!-- checked by hand --><ISRC>GB-AYE-24-00002</ISRC><!-- ok -->")
           .replace(b"\n", b"\r\n"))
    result = fix_bytes(raw, fix_settings)
    assert [o.code for o in result.applied] == ["ID105"]
    assert result.fixed == raw.replace(b"GB-AYE-24-00002", b"GBAYE2400002")
    assert not result.report.issues


@pytest.mark.parametrize(("written", "why"), [
    (b"<ISRC>GB-AYE-24-0000&#50;</ISRC>", "character reference"),
    (b"<ISRC>GB-AYE-24-00002<!-- x --></ISRC>", "interrupted by a comment"),
    (b"<ISRC><![CDATA[GB-AYE-24-00002]]></ISRC>", "interrupted by a comment, CDATA"),
])
def test_a_value_the_raw_bytes_write_otherwise_is_refused_with_the_reason(
        written: bytes, why: str, fix_settings: Settings) -> None:
    raw = ALBUM.replace(b"<ISRC>GBAYE2400002</ISRC>", written)
    result = fix_bytes(raw, fix_settings)
    assert not result.changed
    refused = [o for o in result.refused if o.code == "ID105"]
    assert refused and why in (refused[0].reason or "")


def test_a_fix_that_would_add_an_issue_is_not_applied(fix_settings: Settings) -> None:
    # UK → GB is right, but the deal lists GB already: the fix would make it TER503.
    raw = ALBUM.replace(b"<TerritoryCode>Worldwide</TerritoryCode>\n          <Validity",
                        b"<TerritoryCode>UK</TerritoryCode>"
                        b"<TerritoryCode>GB</TerritoryCode>\n          <Validity", 1)
    raw = raw.replace(b"<ISRC>GBAYE2400002</ISRC>", b"<ISRC>GB-AYE-24-00002</ISRC>")
    result = fix_bytes(raw, fix_settings)
    assert [o.code for o in result.applied] == ["ID105"]
    (refused,) = result.refused
    assert refused.code == "TER501" and "TER503" in (refused.reason or "")
    assert b"<TerritoryCode>UK</TerritoryCode>" in result.fixed


def test_of_two_fixes_of_one_value_the_first_is_made(fix_settings: Settings) -> None:
    raw = ALBUM.replace(b"<ISRC>GBAYE2400002</ISRC>", b"<ISRC>GB-AYE-24-00002</ISRC>")
    (issue,) = [i for i in ddexkit.validate(raw, schema_dir=fix_settings.schema_dir,
                                            config=ddexkit.Config()).files[0].issues if i.fix]
    assert issue.fix is not None
    other = replace(issue, code="TER501", fix=replace(issue.fix, replacement="GBAYE2400099"))
    edits, refused = _edits(raw, [issue, other])
    assert [e.data for e in edits] == [b"GBAYE2400002"]
    assert [o.code for o in refused] == ["TER501"]
    assert "edits the same value as the ID105 fix at line 88" in (refused[0].reason or "")


def test_a_file_declared_in_another_encoding_is_not_edited(fix_settings: Settings) -> None:
    raw = ALBUM.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"').replace(
        b"<ISRC>GBAYE2400002</ISRC>", b"<ISRC>GB-AYE-24-00002</ISRC>")
    result = fix_bytes(raw, fix_settings)
    assert not result.changed
    assert ["ISO-8859-1" in (o.reason or "") for o in result.refused] == [True]


# Faults each fix repairs, injected into the clean album: (what the album has, the fault).
FAULTS = [
    (b"<ISRC>GBAYE2400001</ISRC>", b"<ISRC>GB-AYE-24-00001</ISRC>"),
    (b"<ISRC>GBAYE2400003</ISRC>", b"<ISRC>gbaye2400003</ISRC>"),
    (b'<ICPN IsEan="false">', b'<ICPN IsEan="true">'),
    (b"<Duration>PT4M05S</Duration>", b"<Duration>4:05</Duration>"),
    (b"<Duration>PT12M48S</Duration>", b"<Duration>12:48</Duration>"),
    (b"<ArtistRole>MainArtist</ArtistRole>", b"<ArtistRole>mainartist</ArtistRole>"),
    (b"<TerritoryCode>Worldwide</TerritoryCode>\n          <Validity",
     b"<TerritoryCode>2136</TerritoryCode>\n          <Validity"),
    (b"<TerritoryCode>Worldwide</TerritoryCode>\n          <Price",
     b"<TerritoryCode>worldwide</TerritoryCode>\n          <Price"),
    (b"<TerritoryCode>Worldwide</TerritoryCode>\n        <TechnicalImage",
     b"<TerritoryCode>WW</TerritoryCode>\n        <TechnicalImage"),
    (b"2024-04-02T09:30:00Z<", b"2024-04-02T09:30:00<"),
]


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=st.sets(st.sampled_from(range(len(FAULTS))), min_size=1))
def test_random_combinations_of_fixable_faults_are_all_repaired(
        chosen: set[int], fix_settings: Settings) -> None:
    raw = ALBUM
    for index in sorted(chosen):
        clean, fault = FAULTS[index]
        assert clean in raw
        raw = raw.replace(clean, fault, 1)
    result = fix_bytes(raw, fix_settings, unsafe=True)
    assert not result.refused
    assert not result.report.issues
    assert result.fixed == ALBUM or _only_duration_style_differs(result.fixed)


def _only_duration_style_differs(fixed: bytes) -> bool:
    """``4:05`` becomes PT4M5S, which the album writes PT4M05S: the same duration."""
    return fixed.replace(b"PT4M5S", b"PT4M05S") == ALBUM


# --write ----------

def _faulty_copy(tmp_path: Path) -> Path:
    target = tmp_path / "album.xml"
    target.write_bytes(ALBUM.replace(b"<ISRC>GBAYE2400002</ISRC>",
                                     b"<ISRC>GB-AYE-24-00002</ISRC>"))
    return target


def test_write_keeps_the_mode_and_leaves_no_temporary_file(
        tmp_path: Path, fix_settings: Settings) -> None:
    target = _faulty_copy(tmp_path)
    target.chmod(0o640)
    result, status = fix_file(target, fix_settings)
    write_fixed(target, result, status)
    assert target.read_bytes() == ALBUM
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["album.xml"]


def test_write_refuses_a_read_only_file(tmp_path: Path, fix_settings: Settings) -> None:
    target = _faulty_copy(tmp_path)
    before = target.read_bytes()
    target.chmod(0o444)
    result, status = fix_file(target, fix_settings)
    with pytest.raises(FixError, match="read-only; not written"):
        write_fixed(target, result, status)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["album.xml"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="only root may give a file to another owner")
def test_write_keeps_the_owner_and_group(tmp_path: Path, fix_settings: Settings) -> None:
    target = _faulty_copy(tmp_path)
    os.chown(target, 12345, 23456)
    result, status = fix_file(target, fix_settings)
    write_fixed(target, result, status)
    assert target.read_bytes() == ALBUM
    assert (target.stat().st_uid, target.stat().st_gid) == (12345, 23456)


def test_write_refuses_a_file_changed_since_it_was_read(
        tmp_path: Path, fix_settings: Settings) -> None:
    target = _faulty_copy(tmp_path)
    result, status = fix_file(target, fix_settings)
    edited = target.read_bytes() + b"\n<!-- someone else's edit -->\n"
    target.write_bytes(edited)
    with pytest.raises(FixError, match="changed since ddexkit read it"):
        write_fixed(target, result, status)
    assert target.read_bytes() == edited
    assert [p.name for p in tmp_path.iterdir()] == ["album.xml"]


def test_write_through_a_link_replaces_its_target(tmp_path: Path,
                                                  fix_settings: Settings) -> None:
    target = _faulty_copy(tmp_path)
    link = tmp_path / "link.xml"
    link.symlink_to(target)
    result, status = fix_file(link, fix_settings)
    write_fixed(link, result, status)
    assert link.is_symlink() and target.read_bytes() == ALBUM


def test_write_rewrites_a_zip_with_the_fixed_ern_and_the_other_entries_as_they_were(
        tmp_path: Path, fix_settings: Settings) -> None:
    package = tmp_path / "release.zip"
    faulty = ALBUM.replace(b"<ISRC>GBAYE2400002</ISRC>", b"<ISRC>GB-AYE-24-00002</ISRC>")
    with zipfile.ZipFile(package, "w") as archive:
        archive.comment = b"delivery 7"
        archive.writestr(zipfile.ZipInfo("resources/", (2024, 4, 2, 9, 30, 0)), b"")
        archive.writestr(zipfile.ZipInfo("album.xml", (2024, 4, 2, 9, 30, 2)), faulty,
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("resources/cover.jpg", (2024, 4, 1, 8, 0, 0)),
                         bytes(range(256)) * 64, compress_type=zipfile.ZIP_STORED)
    package.chmod(0o600)

    def shape(info: zipfile.ZipInfo) -> tuple[object, ...]:
        return (info.filename, info.date_time, info.compress_type, info.external_attr,
                info.create_system, info.extra)

    with zipfile.ZipFile(package) as archive:
        shapes = [shape(i) for i in archive.infolist()]
    result, state = fix_file(package, fix_settings)
    assert [o.code for o in result.applied] == ["ID105"] and result.entry == "album.xml"
    assert f"+++ b/{package}/album.xml" in result.unified_diff()
    write_fixed(package, result, state)
    with zipfile.ZipFile(package) as archive:
        assert [shape(i) for i in archive.infolist()] == shapes
        assert archive.read("album.xml") == ALBUM
        assert archive.read("resources/cover.jpg") == bytes(range(256)) * 64
        assert archive.comment == b"delivery 7"
    assert package.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["release.zip"]


QUIET = ["--no-config"]


def test_cli_fix_shows_a_diff_and_changes_nothing(
        tmp_path: Path, schema_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _faulty_copy(tmp_path)
    before = target.read_bytes()
    # 1: the file on disk still needs the fix (0 once it is written, below)
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), str(target)]) == 1
    out, err = capsys.readouterr()
    assert f"--- a/{target}" in out
    assert "-        <ISRC>GB-AYE-24-00002</ISRC>\n+        <ISRC>GBAYE2400002</ISRC>" in out
    assert "ID105 would fix: write the ISRC compactly: GBAYE2400002" in err
    assert target.read_bytes() == before


def test_cli_fix_write_applies_and_reports(
        tmp_path: Path, schema_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _faulty_copy(tmp_path)
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), "--write",
                     str(target)]) == 0
    out, _ = capsys.readouterr()
    assert f"{target}:88:9: ID105 fixed: write the ISRC compactly: GBAYE2400002" in out
    assert f"{target}: 1 fixed, 0 refused; then 0 errors, 0 warnings" in out
    assert target.read_bytes() == ALBUM
    # Nothing left to change: the dry run passes now, with an empty diff.
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), str(target)]) == 0
    assert capsys.readouterr().out == ""


def test_cli_fix_exits_1_when_issues_remain(
        schema_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = OUR_CORPUS / "broken" / "bad_deal.xml"
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), str(broken)]) == 1
    assert "TER501 would fix: write GB" in capsys.readouterr().err


def test_cli_fix_refuses_a_zip_without_an_ern_in_one_line(
        tmp_path: Path, schema_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "release.zip"
    package.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    assert cli.main(["fix", *QUIET, "--schema-dir", str(schema_dir), "--write",
                     str(package)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "no single ERN" in err and str(package) in err
    assert package.read_bytes() == b"PK\x05\x06" + b"\0" * 18


@pytest.mark.parametrize("argv", [["fix", "missing.xml"], ["fix", "-"]])
def test_cli_fix_usage_errors_are_one_line(argv: list[str], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("ddexkit: ")


def test_library_fix_returns_the_bytes_and_the_fixes(tmp_path: Path,
                                                     schema_dir: Path) -> None:
    target = _faulty_copy(tmp_path)
    result = ddexkit.fix(target, schema_dir=schema_dir, config=ddexkit.Config())
    assert result.fixed == ALBUM and [o.code for o in result.applied] == ["ID105"]
    assert target.read_bytes() != ALBUM  # the library writes nothing


def test_validate_marks_fixable_issues(schema_dir: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    broken = OUR_CORPUS / "broken" / "naming_and_roles.xml"
    report = ddexkit.validate(broken, schema_dir=schema_dir, config=ddexkit.Config())
    fixes = {i.code: i.to_dict()["fix"] for i in report.files[0].issues if i.fix}
    assert fixes["DUR401"] == {"replacement": "PT4M5S", "original": "4:05", "safe": True,
                               "description": "write PT4M5S", "attribute": None}
    assert all("fix" not in i.to_dict() for i in report.files[0].issues if i.fix is None)
    cli.main(["validate", *QUIET, "--schema-dir", str(schema_dir), str(broken)])
    out = capsys.readouterr().out
    assert ":98:7: DUR401 [error] [*] Duration '4:05'" in out
    assert out.endswith("[*] 2 issues fixable with `ddexkit fix`\n")


@pytest.mark.parametrize(("hertz", "value", "unit", "written"), [
    (48000, "44.1", "kHz", "48"), (48000, "44100", None, "48000"),
    (96000, "44100", "Hz", "96000"), (44100, "48", None, "44.1"), (44100, "fast", None, None),
])
def test_a_sampling_rate_is_fixed_in_the_unit_the_element_uses(
        hertz: int, value: str, unit: str | None, written: str | None) -> None:
    assert sampling_rate_written(hertz, value, unit) == written


def test_one_run_fixes_more_than_the_report_lists_of_a_code(fix_settings: Settings) -> None:
    clean = generate(105).encode()  # 105 ISRCs: past the report's 100 per code
    faulty = re.sub(rb"<ISRC>([A-Z]{2})([A-Z0-9]{3})([0-9]{7})</ISRC>", rb"<ISRC>\1-\2-\3</ISRC>",
                    clean)
    result = fix_bytes(faulty, fix_settings)
    assert len(result.applied) == 105 and result.fixed == clean
    assert not fix_bytes(result.fixed, fix_settings).changed


def test_the_diff_applies_with_patch_and_gives_the_fixed_bytes(
        tmp_path: Path, fix_settings: Settings) -> None:
    patch = shutil.which("patch")
    if patch is None:
        pytest.skip("needs patch(1)")
    target = _faulty_copy(tmp_path)
    crlf = target.read_bytes().replace(b"\n", b"\r\n").replace(b"<TerritoryCode>Worldwide<",
                                                                  b"<TerritoryCode>UK<", 1)
    target.write_bytes(crlf)
    result, _ = fix_file(target, fix_settings, unsafe=True)
    (tmp_path / "fixes.diff").write_text(result.unified_diff().replace(str(target), "album.xml"),
                                         encoding="utf-8", newline="")
    subprocess.run([patch, "-s", "-p1", "-i", "fixes.diff"], cwd=tmp_path, check=True)
    assert target.read_bytes() == result.fixed
    assert result.fixed == ALBUM.replace(b"\n", b"\r\n").replace(b"<TerritoryCode>Worldwide<",
                                                                 b"<TerritoryCode>GB<", 1)


def test_cli_fix_json_is_one_document_of_fixes_applied_refused_and_what_is_left(
        tmp_path: Path, schema_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "album.xml"
    raw = ALBUM.replace(b"<TerritoryCode>Worldwide</TerritoryCode>\n          <Validity",
                        b"<TerritoryCode>UK</TerritoryCode>"
                        b"<TerritoryCode>GB</TerritoryCode>\n          <Validity", 1)
    raw = raw.replace(b"<ISRC>GBAYE2400002</ISRC>", b"<ISRC>GB-AYE-24-00002</ISRC>")
    target.write_bytes(raw)
    no_ern = tmp_path / "empty.zip"
    with zipfile.ZipFile(no_ern, "w") as archive:
        archive.writestr("notes.txt", "no ERN here")
    argv = ["fix", *QUIET, "--schema-dir", str(schema_dir), "--format", "json",
            str(target), str(no_ern)]
    assert cli.main(argv) == 1
    out, err = capsys.readouterr()
    document = json.loads(out)
    assert target.read_bytes() == raw
    assert (document["write"], document["unsafe"], document["totals"]) == (
        False, False, {"files": 2, "applied": 1, "refused": 1, "ready": 0, "needs_fixes": 2})
    fixed, broken = document["files"]
    start = raw.index(b"GB-AYE-24-00002")
    (applied,) = fixed["applied"]
    assert applied == {
        "code": "ID105", "line": 88, "column": 9,
        "xpath": "/NewReleaseMessage/ResourceList/SoundRecording[2]/SoundRecordingId/ISRC",
        "replacement": "GBAYE2400002", "original": "GB-AYE-24-00002", "safe": True,
        "description": "write the ISRC compactly: GBAYE2400002", "attribute": None,
        "insert": None, "children": None, "reason": None,
        "span": {"start": start, "end": start + 15}, "written": "GBAYE2400002"}
    (refused,) = fixed["refused"]
    assert refused["code"] == "TER501" and refused["span"] is None
    assert refused["reason"] == "the fixed file would have more TER503"
    assert fixed["remaining"] == {"status": "needs_fixes", "errors": 1, "warnings": 0,
                                  "codes": {"TER501": 1},
                                  "fixable": {"safe": 1, "unsafe": 0}}
    assert (fixed["changed"], fixed["written"], fixed["entry"]) == (True, False, None)
    assert broken["path"] == str(no_ern) and "nothing fixed" in broken["error"]
    assert err.count("\n") == 1 and "nothing fixed" in err  # the one line, as in text
    assert cli.main([*argv[:-1], "--write"]) == 1
    written = json.loads(capsys.readouterr().out)
    assert written["write"] and written["files"][0]["written"]
    assert target.read_bytes() == raw.replace(b"GB-AYE-24-00002", b"GBAYE2400002")
