"""The delivery plan for people: a short numbered list, one request a line, with sizes."""

from __future__ import annotations

from ddexkit.delivery import DeliveryPlan


def render_plan(plan: DeliveryPlan) -> str:
    total = sum(step.bytes for step in plan.steps)
    title = f'"{plan.title}"' if plan.title else "the release"
    lines = [f"Delivery plan for {title} (ICPN {plan.icpn or 'none'}): "
             f"{len(plan.steps)} step{'s' if len(plan.steps) != 1 else ''}, {total:,} bytes; "
             f"files under {plan.assets}"]
    width = len(str(len(plan.steps)))
    for number, step in enumerate(plan.steps, start=1):
        what = step.source
        if step.parts is not None and step.parts > 1:
            what += f" part {step.part}/{step.parts}"
        if step.track:
            what += f" ({step.track})"
        lines.append(f"{number:>{width}}. {step.method} {step.endpoint} {step.field}={what}  "
                     f"{step.bytes:,} bytes")
    return "\n".join(lines) + "\n"
