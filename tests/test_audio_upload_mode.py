"""AST812 depends on how the track-upload endpoint is read: silent for chunked uploads (the
default), an error for whole-file uploads of more than 10 MB."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.cli import main
from ddexkit.config import Config, ConfigError, config_from_table
from tests.rules import builders

CASE = Path(__file__).parent / "rules" / "cases" / "AST812"


def _codes(config: Config, tmp_path: Path) -> list[tuple[str, str]]:
    assets = builders.ast812_assets("bad", tmp_path)
    report = ddexkit.validate(CASE / "bad.xml", assets=assets, config=config)
    return [(i.code, i.severity.value) for i in report.files[0].issues if i.code == "AST812"]


def test_chunked_upload_is_the_default_and_ast812_is_silent(tmp_path: Path) -> None:
    assert Config().audio_upload == "parts"
    assert _codes(Config(select=("AST812",)), tmp_path) == []


def test_whole_file_upload_makes_an_11_mb_file_an_error(tmp_path: Path) -> None:
    config = Config(select=("AST812",), audio_upload="whole")
    assert _codes(config, tmp_path) == [("AST812", "error")]


def test_the_cli_option_selects_whole_file_upload(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assets = builders.ast812_assets("bad", tmp_path)
    argv = ["validate", str(CASE / "bad.xml"), "--assets", str(assets), "--select", "AST812",
            "--no-config"]
    assert main(argv) == 0
    assert ": AST812 " not in capsys.readouterr().out
    assert main([*argv, "--audio-upload", "whole"]) == 1
    assert ": AST812 " in capsys.readouterr().out


def test_an_unknown_upload_mode_in_configuration_is_refused() -> None:
    assert config_from_table({"audio-upload": "whole"}).audio_upload == "whole"
    with pytest.raises(ConfigError, match="audio-upload"):
        config_from_table({"audio-upload": "chunks"})
