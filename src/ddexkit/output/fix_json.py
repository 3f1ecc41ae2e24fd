"""``ddexkit fix --format json``: one document for the run (docs/fix.md), nothing else."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ddexkit.autofix import FixResult
from ddexkit.engine import tool_info

FIX_REPORT_VERSION = 1


def render(files: Sequence[FixResult | tuple[str, str]], *, written: bool,
           unsafe: bool) -> str:
    """The document of a run over ``files``: each one's FixResult, or (path, the one line
    saying why fix could not edit it). ``written`` says whether --write was given."""
    shapes: list[dict[str, Any]] = []
    totals = {"files": len(files), "applied": 0, "refused": 0, "ready": 0, "needs_fixes": 0}
    for file in files:
        if isinstance(file, tuple):
            path, error = file
            shapes.append({"path": path, "error": error})
            totals["needs_fixes"] += 1
            continue
        shape = file.to_dict()
        shape["written"] = written and file.changed
        shapes.append(shape)
        totals["applied"] += len(file.applied)
        totals["refused"] += len(file.refused)
        totals["ready" if file.report.is_ready else "needs_fixes"] += 1
    document = {"fix_report_version": FIX_REPORT_VERSION, "tool": tool_info(),
                "write": written, "unsafe": unsafe, "files": shapes, "totals": totals}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
