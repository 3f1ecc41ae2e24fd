"""A bug inside ddexkit is exit 3 with one line that says where the traceback went — never
exit 1, which means "your file has an error"."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit.cli as cli
from tests.conftest import GOOD_ALBUM


def _broken(*args: object, **kwargs: object) -> None:
    raise RuntimeError("planted bug")


def test_a_bug_is_exit_3_with_one_line_and_a_log(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DDEXKIT_DEBUG", raising=False)
    monkeypatch.setattr(cli, "validate_batch", _broken)
    assert cli.main(["validate", str(GOOD_ALBUM), "--no-config"]) == cli.EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "internal error in `validate`" in err and "planted bug" in err
    (log,) = (tmp_path / "cache" / "ddexkit" / "logs").glob("crash-*.log")
    assert "RuntimeError: planted bug" in log.read_text()
    assert str(log) in err


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, "validate_batch", _broken)
    assert cli.main(["--debug", "validate", str(GOOD_ALBUM), "--no-config"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_an_unwritable_output_is_a_usage_error(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code = cli.main(["validate", str(GOOD_ALBUM), "--no-config", "--output", str(folder)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(folder) in err
    assert folder.is_dir() and list(folder.iterdir()) == []
