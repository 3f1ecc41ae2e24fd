"""The delivery plan for people: a short numbered list, one request a line, with sizes."""

from __future__ import annotations

from ddexkit.delivery import DeliveryPlan, Step
from ddexkit.printable import printable


def render_plan(plan: DeliveryPlan) -> str:
    total = sum(step.bytes for step in plan.steps)
    title = f'"{plan.title}"' if plan.title else "the release"
    lines = [f"Delivery plan for {title} (ICPN {plan.icpn or 'none'}): "
             f"{len(plan.steps)} step{'s' if len(plan.steps) != 1 else ''}, {total:,} bytes; "
             f"files under {plan.assets}"]
    width = len(str(len(plan.steps)))
    for number, step in enumerate(plan.steps, start=1):
        lines.append(f"{number:>{width}}. {step_line(step)}")
    return "\n".join(map(printable, lines)) + "\n"  # a title and file names from a delivery


def step_line(step: Step) -> str:
    """One request as people read it; the plan's list and the upload's progress share it."""
    what = step.source
    if step.parts is not None and step.parts > 1:
        what += f" part {step.part}/{step.parts}"
    if step.track:
        what += f" ({step.track})"
    return f"{step.method} {step.endpoint} {step.field}={what}  {step.bytes:,} bytes"
