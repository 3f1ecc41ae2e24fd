"""A file lists at most MAX_ISSUES_PER_CODE issues of one code and severity, the first in
document order, then one issue of that code and severity counting the rest: 60,000 faults of
one kind give a bounded report, and the verdict and exit code stay the same."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import ddexkit
from ddexkit.config import Config
from ddexkit.engine import MAX_ISSUES_PER_CODE, _capped
from ddexkit.issues import Issue, Location, Severity

from .conftest import GOOD_ALBUM

QUIET = Config(ignore=("ERN007",))


def _records(tmp_path: Path, count: int) -> Path:
    """The clean album plus ``count`` SoundRecordings without an ISRC (ID104 each)."""
    records = "\n".join(f"<SoundRecording><ResourceReference>X{i}</ResourceReference>"
                        "</SoundRecording>" for i in range(count))
    text = GOOD_ALBUM.read_text(encoding="utf-8")
    ern = tmp_path / "many.xml"
    ern.write_text(text.replace("<ResourceList>", "<ResourceList>\n" + records, 1),
                   encoding="utf-8")
    return ern


def _no_isrc(ern: Path) -> list[Issue]:
    (file,) = ddexkit.validate(ern, config=QUIET).files
    return [issue for issue in file.issues if issue.code == "ID104"]


def test_the_first_100_are_listed_then_one_counts_the_rest(tmp_path: Path) -> None:
    assert MAX_ISSUES_PER_CODE == 100
    issues = _no_isrc(_records(tmp_path, 250))
    assert len(issues) == 101
    listed, rest = issues[:100], issues[100]
    assert [i.message for i in listed] == [f"SoundRecording X{n} has no ISRC" for n in range(100)]
    assert [i.location.line for i in listed] == sorted(i.location.line or 0 for i in listed)
    assert rest.message == ("… and 150 more like this (only the first 100 ID104 errors of a "
                            "file are listed)")
    assert rest.severity is listed[0].severity is Severity.ERROR
    assert rest.location.line == (listed[-1].location.line or 0) + 1  # the 101st's place


def test_exactly_the_cap_adds_nothing_one_more_is_counted(tmp_path: Path) -> None:
    at_cap = _no_isrc(_records(tmp_path, 100))
    assert len(at_cap) == 100
    assert not any("more like this" in i.message for i in at_cap)
    over = _no_isrc(_records(tmp_path, 101))
    assert len(over) == 101
    assert over[-1].message.startswith("… and 1 more like this")


def test_each_severity_of_a_code_is_capped_on_its_own() -> None:
    def issue(line: int, severity: Severity) -> Issue:
        return Issue(code="TXT301", severity=severity, message=f"at {line}",
                     location=Location(xpath="/A", line=line, column=1))

    issues = [issue(n, Severity.WARNING) for n in range(1, 301)]
    issues.append(issue(301, Severity.ERROR))
    capped = _capped(issues, cap=100)
    assert [i.severity for i in capped].count(Severity.ERROR) == 1  # the error is never lost
    warnings = [i for i in capped if i.severity is Severity.WARNING]
    assert len(warnings) == 101
    assert warnings[-1].message.startswith("… and 200 more like this")
    assert _capped(issues[:100], cap=100) == tuple(issues[:100])


def test_the_cli_report_is_bounded_and_the_verdict_unchanged(tmp_path: Path) -> None:
    ern = _records(tmp_path, 1_000)
    result = subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", "--ignore", "ERN007",
         "--format", "json", str(ern)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    (file,) = json.loads(result.stdout)["files"]
    assert file["status"] == "needs_fixes"
    per_code: dict[str, int] = {}
    for found in file["issues"]:
        per_code[found["code"]] = per_code.get(found["code"], 0) + 1
    assert per_code["ID104"] == 101
    assert max(per_code.values()) <= 101 * 2  # at most two severities of one code
    assert any(found["message"].startswith("… and 900 more like this")
               for found in file["issues"] if found["code"] == "ID104")
