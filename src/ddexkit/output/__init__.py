"""Renderers of a Report, one module per format; FORMATS maps a format name to its renderer."""

from __future__ import annotations

from collections.abc import Callable

from ddexkit.output import github as github_format
from ddexkit.output import json as json_format
from ddexkit.output import junit as junit_format
from ddexkit.output import sarif as sarif_format
from ddexkit.output import text as text_format
from ddexkit.report import Report

Renderer = Callable[[Report, bool], str]

FORMATS: dict[str, Renderer] = {
    "text": text_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "junit": junit_format.render,
}
