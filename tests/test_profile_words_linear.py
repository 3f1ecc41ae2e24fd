"""A profile's word lists cost no more than linear work (issue 16's measure): TXT311 and
ROL610 on twice the tracks with twice the words do at most 2.4 times the work. Matching every
title against every word of the list, as a pattern built per title does, grows about 4
times."""

from __future__ import annotations

import random
import string

import pytest

from ddexkit.rules import RuleContext, RuleOptions, by_code
from tests.test_rules_linear import GROWTH_LIMIT, _message, _WorkCounter

TRACKS = 40
WORDS = 400


def _words(count: int) -> tuple[str, ...]:
    chosen = random.Random(count)
    return tuple("".join(chosen.choices(string.ascii_lowercase, k=8)) for _ in range(count))


def _work(code: str, tracks: int, words: int) -> int:
    rule = by_code(code)
    assert rule is not None
    options = RuleOptions(marketing_terms=_words(words), generic_artist_words=_words(words))
    message = _message(tracks)
    context = RuleContext(message=message, options=options)
    counter = _WorkCounter()
    counter.run(lambda: list(rule.check(message, context)))
    return counter.count


@pytest.mark.parametrize("code", ["TXT311", "ROL610"])
def test_a_long_word_list_costs_linear_work(code: str) -> None:
    small, large = _work(code, TRACKS, WORDS), _work(code, 2 * TRACKS, 2 * WORDS)
    assert large <= GROWTH_LIMIT * small + 200, (
        f"{code}: {small:,} steps at {TRACKS} tracks and {WORDS} words, {large:,} at twice")
