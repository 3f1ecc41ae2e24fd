"""The rules leave the model exactly as the parser built it.

The records the parser makes per element or per track are not frozen dataclasses (frozen ones
made the build about a fifth slower, see ``ddexkit/model.py``), so this checks what ``frozen``
would enforce: no rule (nor the summary) sets a field of the model it is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from lxml import etree

from ddexkit import engine
from ddexkit.config import Config
from ddexkit.domain.catalog import load_catalog
from ddexkit.model import Message
from ddexkit.parser import build_message
from tests.conftest import OUR_CORPUS, REPO

CASES = REPO / "tests" / "rules" / "cases"
MESSAGES = sorted([*OUR_CORPUS.rglob("*.xml"), *CASES.glob("*/*.xml")])


@pytest.mark.parametrize("path", MESSAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_rules_do_not_change_the_model(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[tuple[Message, str]] = []
    def keep(root: etree._Element, indexes: Iterable[str]) -> Message:
        message = build_message(root, indexes)
        built.append((message, repr(message)))
        return message

    monkeypatch.setattr(engine, "build_message", keep)
    settings = engine.resolve_settings(Config(), catalog=load_catalog(OUR_CORPUS / "catalog.json"))
    engine.validate_bytes(path.read_bytes(), settings, path=str(path))
    for message, as_built in built:
        assert repr(message) == as_built
