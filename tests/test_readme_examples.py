"""README's console examples are real output: each line a block shows (past the command,
"…" marking what is left out) appears in the command's actual output, in order. The
examples in JSON and SARIF are abridged by hand and are not compared."""

from __future__ import annotations

import re
import shlex

import pytest

from ddexkit import cli
from tests.conftest import REPO, shared_schema_dir

_BLOCK = re.compile(r"```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", re.DOTALL)
# Examples run as they are written, from the repository: validate in text, github and junit
# (JUnit's lines are shown verbatim), summary, profiles, fix (its diff; fix --write would
# change the file shown, so it is not run).
_COMPARED = re.compile(r"^(python -m )?ddexkit (validate|summary|profiles|fix)\b")
_ABRIDGED = ("--format json", "--format sarif", "--write")


def _examples() -> list[tuple[str, list[str]]]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = []
    for block in _BLOCK.finditer(readme):
        command = block["command"].split("  #")[0].strip()
        if _COMPARED.match(command) and not any(a in command for a in _ABRIDGED):
            lines = [line for line in block["output"].splitlines() if line.strip() != "…"]
            found.append((command, lines))
    return found


def test_the_readme_has_examples_to_check() -> None:
    assert len(_examples()) >= 5


@pytest.mark.parametrize(("command", "shown"), _examples(), ids=lambda v: str(v)[:60])
def test_a_readme_example_is_real_output(command: str, shown: list[str],
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    schema = shared_schema_dir()
    if schema is None:
        pytest.skip("the examples show runs with the official XSD (../shared)")
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("DDEXKIT_SCHEMA_DIR", str(schema))
    monkeypatch.setenv("NO_COLOR", "1")
    words = shlex.split(command)
    argv = words[3:] if words[0] == "python" else words[1:]
    cli.main(argv)
    actual = [line.rstrip() for line in capsys.readouterr().out.splitlines()]
    position = 0
    for line in shown:
        want = line.rstrip()
        assert want in actual[position:], (
            f"README shows a line `{command}` does not print:\n{want}\n--- actual:\n"
            + "\n".join(actual))
        position = actual.index(want, position) + 1
