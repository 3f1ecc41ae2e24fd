"""Renderers of a Report, one module per format; FORMATS maps a format name to its renderer.

A format's module is imported when a report is first rendered in it: a run renders one
format, and importing all six (XML for JUnit, URL quoting for SARIF…) would cost a fiftieth
of a cold start for nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ddexkit.report import Report

Renderer = Callable[[Report, bool], str]


def _renderer(module_name: str) -> Renderer:
    def render(report: Report, colour: bool) -> str:
        module = import_module(f"ddexkit.output.{module_name}")
        rendered: str = module.render(report, colour)
        return rendered

    return render


FORMATS: dict[str, Renderer] = {
    "text": _renderer("text"),
    "json": _renderer("json"),
    "jsonl": _renderer("jsonl"),
    "sarif": _renderer("sarif"),
    "github": _renderer("github"),
    "junit": _renderer("junit"),
    "html": _renderer("html"),
}
