"""A ZIP entry expands beyond the size limits or more than 100 times its compressed size
(zip bomb).

Why it matters:
    A small ZIP that expands to gigabytes (a zip bomb) exhausts disk or memory. The limits
    are checked from the ZIP's central directory before anything is read: an entry over
    50 MB, a ZIP expanding past 200 MB, or an entry over 1 MiB expanding more than 100 times.
    ddexkit reads none of those entries.

Bad:
    A 50 KB ZIP whose entry expands to 60 MB of zeros.

Good:
    A ZIP whose media are stored (not compressed) and whose ERN is deflated.

Source:
    PKWARE APPNOTE (central directory sizes); zip-bomb mitigations (ratio and size caps).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.inputs import MAX_ENTRY_BYTES, MAX_ENTRY_RATIO, MAX_EXPANDED_BYTES
from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    package = facts.package
    if package is None:
        return
    hint = "Rebuild the ZIP from the release's real files (ddexkit package)"
    for entry in package.entries:
        if entry.size > MAX_ENTRY_BYTES:
            yield Finding(at=WHOLE_FILE,
                          message=f"ZIP entry {entry.name!r} expands to {entry.size:,} bytes, "
                          f"over the {MAX_ENTRY_BYTES:,}-byte limit of any release file",
                          hint=hint)
        elif entry.over_limits:
            yield Finding(at=WHOLE_FILE,
                          message=f"ZIP entry {entry.name!r} expands {entry.ratio:,.0f} times "
                          f"its compressed size (more than {MAX_ENTRY_RATIO})",
                          hint=hint)
    if package.expanded_size > MAX_EXPANDED_BYTES:
        yield Finding(at=WHOLE_FILE,
                      message=f"The ZIP expands to {package.expanded_size:,} bytes, over the "
                      f"{MAX_EXPANDED_BYTES:,}-byte limit",
                      hint=hint)


RULE = Rule(
    code="AST819",
    severity=Severity.ERROR,
    summary="A ZIP entry expands beyond the size limits or 100 times its size (zip bomb)",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
