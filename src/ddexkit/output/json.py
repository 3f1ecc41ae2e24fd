"""The v1 JSON report (../docs/report-format.md), nothing else."""

from __future__ import annotations

import json

from ddexkit.report import Report


def render(report: Report, colour: bool = False) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
