"""No rule does more than linear work in the size of the message (issue 16): each rule's work
on an album of 2N tracks is at most 2.4 times its work on N tracks (1.2 × linear), counted as
the Python lines and function calls it runs, never timed. A rule comparing every track with
every other would show about 4 times the work. bench/run.py --profile shows the same growth
in time from 10,000 to 20,000 tracks."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import pytest

from ddexkit.domain.catalog import load_catalog
from ddexkit.issues import Finding
from ddexkit.media import declared_assets
from ddexkit.model import Message
from ddexkit.parser import build_message
from ddexkit.rules import ALL_RULES, AnyRule, Rule, RuleContext, Stage
from ddexkit.safexml import read_document

from .conftest import OUR_CORPUS

BENCH_GENERATOR = Path(__file__).resolve().parent.parent / "bench" / "generate.py"
TRACKS = 400
GROWTH_LIMIT = 1.2 * 2


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH_GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _message(tracks: int) -> Message:
    text: str = _generator().generate(tracks)
    tree = read_document(text.encode("utf-8")).tree
    assert tree is not None
    # every index any rule declares, as the engine builds it for all rules
    return build_message(tree.getroot(), frozenset().union(*(r.indexes for r in ALL_RULES)))


class _WorkCounter:
    """Counts the lines of Python run and the calls made (Python and C) while it is on."""

    def __init__(self) -> None:
        self.count = 0

    def _trace(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        self.count += 1
        return self._trace

    def _profile(self, frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call":
            self.count += 1

    def run(self, function: Callable[[], object]) -> None:
        sys.settrace(self._trace)
        sys.setprofile(self._profile)
        try:
            function()
        finally:
            sys.setprofile(None)
            sys.settrace(None)


def _work(rule: AnyRule, message: Message) -> int:
    context = RuleContext(message=message, catalog=load_catalog(OUR_CORPUS / "catalog.json"))
    subject = declared_assets(message) if rule.stage is Stage.ASSETS else message
    counter = _WorkCounter()
    counter.run(lambda: list(rule.check(subject, context)))
    return counter.count


RULES = [rule for rule in ALL_RULES if rule.stage in (Stage.MESSAGE, Stage.ASSETS)]


@pytest.fixture(scope="module")
def work() -> dict[str, tuple[int, int]]:
    """Each rule's work on TRACKS and on twice as many tracks."""
    small, large = _message(TRACKS), _message(2 * TRACKS)
    return {rule.code: (_work(rule, small), _work(rule, large)) for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_the_rule_is_linear(rule: AnyRule, work: dict[str, tuple[int, int]]) -> None:
    small, large = work[rule.code]
    assert large <= GROWTH_LIMIT * small + 200, (
        f"{rule.code}: {small:,} steps at {TRACKS} tracks, {large:,} at {2 * TRACKS}")


def test_the_counter_sees_quadratic_work() -> None:
    """The measure can fail: a pairwise comparison of the tracks grows about 4 times."""

    def pairwise(message: Message, context: RuleContext) -> Iterator[Finding]:
        same = [a for a in message.resources for b in message.resources if a is b]
        assert len(same) == len(message.resources)
        yield from ()

    quadratic = Rule(code="XXX999", severity=ALL_RULES[0].severity, summary="",
                     stage=Stage.MESSAGE, check=pairwise)
    small, large = _work(quadratic, _message(50)), _work(quadratic, _message(100))
    assert large > 3.5 * small
