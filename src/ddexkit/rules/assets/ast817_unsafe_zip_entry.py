"""A ZIP entry is unsafe: absolute path, `..`, a link, encrypted, or a name that appears twice.

Why it matters:
    Such entries can write outside the folder they are unpacked into (zip slip), point at
    files elsewhere on the machine, cannot be read, or make it ambiguous which file is meant.
    ddexkit never reads them; the ingest refuses the package.

Bad:
    A ZIP with an entry named ../../etc/cron.d/job, or resources/A1.flac stored twice.

Good:
    A ZIP whose entries are plain relative paths, each once, unencrypted.

Source:
    Zip Slip (Snyk, 2018); PKWARE APPNOTE (encryption flag, external attributes).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    package = facts.package
    if package is None:
        return
    for entry in package.entries:
        reasons = [
            text
            for flag, text in (
                (entry.is_absolute, "has an absolute path"),
                (entry.has_parent_step, "has '..' in its path"),
                (entry.is_link, "is a symbolic link"),
                (entry.encrypted, "is encrypted"),
            )
            if flag
        ]
        if reasons:
            yield Finding(at=WHOLE_FILE,
                          message=f"ZIP entry {entry.name!r} {' and '.join(reasons)}",
                          hint="Rebuild the ZIP from a plain folder (ddexkit package does)")
    for name in package.duplicate_names:
        yield Finding(at=WHOLE_FILE,
                      message=f"ZIP entry {name!r} appears more than once",
                      hint="Rebuild the ZIP so that each file is in it once")


RULE = Rule(
    code="AST817",
    severity=Severity.ERROR,
    summary="A ZIP entry is unsafe (absolute path, '..', link, encrypted or duplicated)",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
