"""Text output as linter users expect it: the severity on every line, colour that obeys
--color / NO_COLOR / FORCE_COLOR / TERM=dumb, --quiet, --show-source, --statistics,
--exit-zero, --output-format, standard input, a cap per code, no abbreviations."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from ddexkit import cli
from tests.conftest import GOOD_ALBUM, OUR_CORPUS

BAD_DEAL = OUR_CORPUS / "broken" / "bad_deal.xml"
QUIET_XSD = ["--ignore", "ERN007"]  # these tests do not depend on ../shared's XSD
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_issue_line_names_its_severity(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["validate", *QUIET_XSD, "--select", "TER501,DUR405", str(BAD_DEAL)],
                        capsys)
    assert code == 1
    assert (f"{BAD_DEAL}:313:11: TER501 [error] [*] TerritoryCode 'UK' is not a territory code"
            in out)
    assert not ANSI.search(out)  # not a terminal: no colour


@pytest.mark.parametrize(("argv", "env", "coloured"), [
    (["--color", "always"], {}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": ""}, True),  # NO_COLOR counts only when non-empty
    ([], {}, False),
])
def test_colour_follows_the_option_and_the_environment(
        argv: list[str], env: dict[str, str], coloured: bool,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    _, out, _ = _run(["validate", *QUIET_XSD, *argv, str(BAD_DEAL)], capsys)
    assert bool(ANSI.search(out)) is coloured


def test_a_dumb_terminal_gets_no_colour(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    _, out, _ = _run(["validate", *QUIET_XSD, str(BAD_DEAL)], capsys)
    assert not ANSI.search(out)
    monkeypatch.setenv("TERM", "xterm")
    _, out, _ = _run(["validate", *QUIET_XSD, str(BAD_DEAL)], capsys)
    assert ANSI.search(out)


def test_quiet_keeps_only_the_file_and_total_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["validate", *QUIET_XSD, "-q", "--no-batch-checks", str(BAD_DEAL),
                         str(GOOD_ALBUM)], capsys)
    assert code == 1
    first, second, total = out.splitlines()  # the XSD line differs with and without it
    assert first.startswith(f"{BAD_DEAL}: needs fixes (")
    assert second.startswith(f"{GOOD_ALBUM}: ready (0 errors, 0 warnings; XSD ")
    assert total.startswith("2 files: 1 ready, 1 needing fixes; ")


def test_show_source_prints_the_line_with_a_caret(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["validate", *QUIET_XSD, "--select", "TER501", "--show-source",
                      str(BAD_DEAL)], capsys)
    lines = out.splitlines()
    at = lines.index("    hint: Write GB")
    assert lines[at + 1] == "    |           <TerritoryCode>UK</TerritoryCode>"
    assert lines[at + 2] == "    |           ^"


def test_statistics_count_each_code(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["validate", *QUIET_XSD, "-q", "--statistics",
                      *map(str, sorted((OUR_CORPUS / "broken").glob("*.xml")))], capsys)
    rows = [line for line in out.splitlines() if re.match(r"^\s+\d+  [A-Z]+\d{3} \[", line)]
    assert rows, out
    assert "      1  TER501 [error]  A TerritoryCode or ExcludedTerritoryCode is not a " \
           "territory code" in rows
    counts = [int(row.split()[0]) for row in rows]
    assert counts == sorted(counts, reverse=True)


def test_exit_zero_and_output_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["validate", *QUIET_XSD, "--exit-zero", "--output-format", "json",
                         str(BAD_DEAL)], capsys)
    assert code == 0 and out.startswith("{")
    code, _, err = _run(["validate", *QUIET_XSD, "--exit-zero", "nowhere.xml"], capsys)
    assert code == 2 and "nowhere.xml" in err  # a usage error is still one


def test_text_options_are_refused_with_other_formats(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["validate", "--format", "sarif", "--statistics", str(GOOD_ALBUM)],
                        capsys)
    assert code == 2 and err == "ddexkit: --statistics is for --format text, not sarif\n"


def test_dash_reads_one_message_from_standard_input(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BAD_DEAL.read_bytes())))
    code, out, _ = _run(["validate", *QUIET_XSD, "--select", "TER501", "-"], capsys)
    assert code == 1
    assert "-:313:11: TER501 [error]" in out
    code, _, err = _run(["validate", "-", "-"], capsys)
    assert code == 2 and "standard input" in err


def test_a_long_run_of_one_code_is_capped_in_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = BAD_DEAL.read_text(encoding="utf-8")
    codes = "".join("<TerritoryCode>UK</TerritoryCode>" for _ in range(150))
    message = tmp_path / "many.xml"
    message.write_text(text.replace("<TerritoryCode>UK</TerritoryCode>", codes, 1))
    _, out, _ = _run(["validate", *QUIET_XSD, "--select", "TER501", str(message)], capsys)
    shown = [line for line in out.splitlines() if ": TER501 [error]" in line]
    assert len(shown) == 20
    # 150 in all: 20 shown, 80 more listed in JSON, 50 past the JSON cap
    assert f"{message}: … and 130 more TER501 (see --format json)" in out.splitlines()


@pytest.mark.parametrize(("argv", "expected"), [
    (["validate", "--form", "json", "x.xml"], "did you mean --format?"),
    (["validate", "--statistic", "x.xml"], "did you mean --statistics?"),
])
def test_no_abbreviations_and_a_suggestion(argv: list[str], expected: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert expected in err and "(see ddexkit validate --help)" in err


def test_an_option_of_another_command_is_named_as_such(capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    code, _, err = _run(["diff", "a.xml", "b.xml", "--profile", "apple"], capsys)
    assert code == 2
    assert "--profile is an option of ddexkit validate" in err and "did you mean" not in err
    assert "(see ddexkit diff --help)" in err


def test_select_all_works_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["validate", *QUIET_XSD, "--select", "ALL", str(GOOD_ALBUM)], capsys)
    assert (code, err) == (0, "")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_one_slow_file_shows_its_stage_on_a_terminal(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from ddexkit import batch

    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    real = batch.StageProgress

    def at_once(name: str, stream: io.StringIO) -> batch.StageProgress:
        return real(name, stream, delay=0.0)  # as if the file took over a second already

    monkeypatch.setattr(cli, "StageProgress", at_once)
    assert cli.main(["validate", *QUIET_XSD, str(GOOD_ALBUM)]) == 0
    drawn = terminal.getvalue()
    for stage in ("parse", "XSD", "model", "rules", "report"):
        assert f"\rvalidating {GOOD_ALBUM}: {stage}…\x1b[K" in drawn
    assert drawn.endswith("\r\x1b[K")  # erased before the report
    assert "validating" not in capsys.readouterr().out


def test_a_quick_file_prints_no_stage() -> None:
    from ddexkit.batch import StageProgress

    stream = io.StringIO()
    progress = StageProgress("quick.xml", stream)  # a second's delay: the file ends first
    progress("parse")
    progress.close()
    assert stream.getvalue() == ""
