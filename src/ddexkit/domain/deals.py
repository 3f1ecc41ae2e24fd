"""Facts about deals: which commercial models a use type fits (data/deal_use_types.json,
reasons in docs/deal-use-types.md)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

# The package's data folder (a plain path: importlib.resources costs 15 ms to import).
_DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@cache
def _table() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    data = json.loads((_DATA_DIR / "deal_use_types.json").read_text(encoding="utf-8"))
    fits = {use: frozenset(models) for use, models in data["fits"].items()}
    return fits, frozenset(data["not_judged_models"])


def models_for_use_type(use_type: str) -> frozenset[str] | None:
    """The commercial models ``use_type`` fits, or None when it fits any."""
    return _table()[0].get(use_type)


def is_judged_model(model: str) -> bool:
    """False for AsPerContract, Unknown and UserDefined: they say nothing to judge by."""
    return model not in _table()[1]


def use_type_fits(use_type: str, models: frozenset[str]) -> bool:
    """Whether a use type fits at least one of a deal's (judged) commercial models."""
    fitting = models_for_use_type(use_type)
    judged = {m for m in models if is_judged_model(m)}
    return fitting is None or not judged or bool(fitting & judged)
