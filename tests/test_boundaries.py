"""Boundaries of the rules' limits, each written so that an off-by-one (``<`` for ``<=``, KB
as 1,000 bytes, MB as 10**6, a case-sensitive hash) would fail a test."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.inputs import AssetLookup
from ddexkit.issues import Finding, Severity
from ddexkit.media import AssetFacts, AudioFacts, declared_assets
from ddexkit.parser import parse
from ddexkit.rules import RuleContext, RuleOptions, by_code
from ddexkit.safexml import read_document
from tests.conftest import GOOD_ALBUM

CASES = Path(__file__).parent / "rules" / "cases"
ALBUM = GOOD_ALBUM.read_text(encoding="utf-8")
A1_TECHNICAL = "<BitsPerSample>16</BitsPerSample>\n          <Duration>PT3M12S</Duration>"


def _codes(text: str, *codes: str) -> list[tuple[str, str]]:
    report = ddexkit.validate(text.encode(), config=Config(select=codes))
    return [(i.code, i.severity.value) for i in report.files[0].issues]


def _run(code: str, subject: object, **options: Any) -> list[Finding]:
    rule = by_code(code)
    assert rule is not None
    return list(rule.check(subject, RuleContext(options=RuleOptions(**options))))


# --- DUR404 and AST813: 2 seconds of tolerance, inclusive -----------------------------------

@pytest.mark.parametrize(("technical", "reported"), [
    ("PT3M14S", False),  # 2.0 s more: within the tolerance
    ("PT3M10S", False),  # 2.0 s less
    ("PT3M14.5S", True),  # 2.5 s
])
def test_dur404_tolerates_exactly_two_seconds(technical: str, reported: bool) -> None:
    assert A1_TECHNICAL in ALBUM
    text = ALBUM.replace(A1_TECHNICAL, A1_TECHNICAL.replace("PT3M12S", technical))
    assert _codes(text, "DUR404") == ([("DUR404", "warning")] if reported else [])


def _audio_facts(text: str, seconds: float) -> AssetFacts:
    """The message's declared files, A1's probed as lasting ``seconds``."""
    facts = declared_assets(parse(text.encode()))
    files = tuple(
        dataclasses.replace(f, audio=AudioFacts(format="FLAC", duration=seconds))
        if f.package_path == "resources/A1.flac" else f
        for f in facts.files
    )
    return dataclasses.replace(facts, files=files, at_hand=True)


@pytest.mark.parametrize(("seconds", "reported"), [(194.0, False), (190.0, False),
                                                   (194.5, True), (189.5, True)])
def test_ast813_tolerates_exactly_two_seconds(seconds: float, reported: bool) -> None:
    assert len(_run("AST813", _audio_facts(ALBUM, seconds))) == (1 if reported else 0)


def test_ast813_judges_the_technical_duration_when_there_is_one() -> None:
    # The SoundRecording says 3:12, its technical details (the file's own) 3:30: the file
    # lasting 3:30 is right, one lasting 3:12 is not.
    text = ALBUM.replace(A1_TECHNICAL, A1_TECHNICAL.replace("PT3M12S", "PT3M30S"))
    assert _run("AST813", _audio_facts(text, 210.0)) == []
    (finding,) = _run("AST813", _audio_facts(text, 192.0))
    assert "PT3M30S" in finding.message


def test_ast813_falls_back_to_the_recording_duration() -> None:
    text = ALBUM.replace(A1_TECHNICAL, "<BitsPerSample>16</BitsPerSample>")
    assert _run("AST813", _audio_facts(text, 192.0)) == []
    (finding,) = _run("AST813", _audio_facts(text, 210.0))
    assert "PT3M12S" in finding.message


# --- 50,000 KB = 51,200,000 bytes (KB = 1,024 bytes) -----------------------------------------

@pytest.mark.parametrize(("size", "reported"), [(51_200_000, False), (51_200_001, True)])
def test_ast816_limit_is_50000_kib(size: int, reported: bool) -> None:
    facts = AssetFacts(package_size=size)
    assert len(_run("AST816", facts, single_zip=True)) == (1 if reported else 0)
    assert _run("AST816", facts) == []  # without --single-zip the delivery plan splits it


@pytest.mark.parametrize(("size", "reported"), [(51_200_000, False), (51_200_001, True)])
def test_ern008_limit_is_50000_kib(size: int, reported: bool) -> None:
    facts = read_document(b"<a/>", size=size).facts
    assert len(_run("ERN008", facts)) == (1 if reported else 0)


# --- AST812: 10 MB = 10,485,760 bytes, with whole-file upload ----------------------------------

def _sized(size: int) -> AssetFacts:
    facts = declared_assets(parse(GOOD_ALBUM.read_bytes()))
    files = tuple(
        dataclasses.replace(f, lookup=AssetLookup(name=f.package_path, found=True, size=size))
        for f in facts.files
        if f.package_path == "resources/A1.flac"
    )
    return dataclasses.replace(facts, files=files, at_hand=True)


@pytest.mark.parametrize(("size", "reported"), [(10_485_760, False), (10_485_761, True),
                                                (10_000_001, False)])
def test_ast812_limit_is_10_mib(size: int, reported: bool) -> None:
    found = _run("AST812", _sized(size), audio_upload="whole")
    assert len(found) == (1 if reported else 0)
    assert _run("AST812", _sized(size), audio_upload="parts") == []


# --- AST803: hex digests compare case-insensitively ------------------------------------------

def _hashed(digest_in_ern: str, actual: str) -> AssetFacts:
    text = (CASES / "AST804" / "good.xml").read_text(encoding="utf-8")
    text = text.replace("ed4287c0af3f86c5bf6934c3abeed9df", digest_in_ern)
    facts = declared_assets(parse(text.encode()))
    files = tuple(dataclasses.replace(f, hashes={"md5": actual}) for f in facts.files
                  if f.file.hash_sums)
    return dataclasses.replace(facts, files=files, at_hand=True)


def test_ast803_upper_case_hash_sum_matches() -> None:
    digest = "ed4287c0af3f86c5bf6934c3abeed9df"
    assert _run("AST803", _hashed(digest.upper(), digest)) == []
    assert _run("AST803", _hashed(digest, digest)) == []
    assert len(_run("AST803", _hashed(digest.upper(), "0" * 32))) == 1


# --- DEA708: periods touching on a boundary day do not overlap ---------------------------------

def _two_periods(first_end: str, second_start: str) -> str:
    text = (CASES / "DEA708" / "good.xml").read_text(encoding="utf-8")
    stream = ("<ValidityPeriod>\n            <StartDate>2024-05-17</StartDate>\n"
              "          </ValidityPeriod>")
    assert stream in text
    start = text.index("      <Deal>\n")
    end = text.index("      </Deal>\n", start) + len("      </Deal>\n")
    deal = text[start:end]
    assert stream in deal
    first = deal.replace(stream, "<ValidityPeriod>\n            <StartDate>2024-05-17"
                         f"</StartDate>\n            <EndDate>{first_end}</EndDate>\n"
                         "          </ValidityPeriod>")
    second = deal.replace(stream, f"<ValidityPeriod>\n            <StartDate>{second_start}"
                          "</StartDate>\n          </ValidityPeriod>")
    return text[:start] + first + second + text[end:]


def test_dea708_deals_meeting_on_a_boundary_day_do_not_overlap() -> None:
    assert _codes(_two_periods("2025-01-31", "2025-02-01"), "DEA708") == []


def test_dea708_deals_sharing_a_day_overlap() -> None:
    # Both include 2025-02-01 (dates are whole days, end date included).
    assert _codes(_two_periods("2025-02-01", "2025-02-01"), "DEA708") == [("DEA708", "warning")]
    assert _codes(_two_periods("2025-02-02", "2025-02-01"), "DEA708") == [("DEA708", "warning")]


# --- REF rules judge only NewReleaseMessages -------------------------------------------------

NO_MAIN = ALBUM.replace(' IsMainRelease="true"', "").replace(
    "<ReleaseType>Album</ReleaseType>", "<ReleaseType>TrackRelease</ReleaseType>").replace(
    "<DealReleaseReference>R0</DealReleaseReference>",
    "<DealReleaseReference>R9</DealReleaseReference>")


def test_ref_rules_judge_a_new_release_message() -> None:
    codes = {code for code, _ in _codes(NO_MAIN, "REF")}
    assert {"REF202", "REF204"} <= codes


@pytest.mark.parametrize("root", ["PurgeReleaseMessage", "CatalogListMessage"])
def test_ref_rules_do_not_run_on_other_messages(root: str) -> None:
    text = NO_MAIN.replace("ern:NewReleaseMessage", f"ern:{root}")
    assert f"<ern:{root} " in text
    # ERN006 (mandatory) may speak about the body; no REF rule does.
    assert [c for c, _ in _codes(text, "REF") if c.startswith("REF")] == []


# --- REF210: a repeat is an error, a gap a warning --------------------------------------------

SECOND = "<SequenceNumber>2</SequenceNumber>"


def test_ref210_repeat_is_an_error() -> None:
    assert SECOND in ALBUM
    assert _codes(ALBUM.replace(SECOND, "<SequenceNumber>1</SequenceNumber>", 1),
                  "REF210") == [("REF210", "error")]


def test_ref210_gap_is_a_warning() -> None:
    text = ALBUM.replace("<SequenceNumber>4</SequenceNumber>", "<SequenceNumber>5</SequenceNumber>")
    assert _codes(text, "REF210") == [("REF210", "warning")]
    assert _codes(ALBUM, "REF210") == []


# --- ID109: the display form is a tolerated, warning-level sub-case ---------------------------

def _id109(iswc: str) -> list[Finding]:
    text = ALBUM.replace("<ISWC>T0702371810</ISWC>", f"<ISWC>{iswc}</ISWC>")
    return _run_message("ID109", text)


def _run_message(code: str, text: str) -> list[Finding]:
    rule = by_code(code)
    assert rule is not None
    message = parse(text.encode(), indexes=rule.indexes)  # what the engine would index
    return list(rule.check(message, RuleContext(message=message)))


@pytest.mark.parametrize("display", ["T-070.237.181-0", "T-070237181-0", "T.070.237.181.0"])
def test_id109_display_form_is_a_warning(display: str) -> None:
    (finding,) = _id109(display)
    assert finding.severity is Severity.WARNING
    assert "display form" in finding.message and "T0702371810" in (finding.hint or "")
    text = ALBUM.replace("<ISWC>T0702371810</ISWC>", f"<ISWC>{display}</ISWC>")
    assert _codes(text, "ID109") == [("ID109", "warning")]


def test_id109_wrong_check_digit_is_not_the_display_case() -> None:
    assert _id109("T0702371810") == []
    (finding,) = _id109("T0702371811")
    assert finding.severity is None and "display form" not in finding.message
