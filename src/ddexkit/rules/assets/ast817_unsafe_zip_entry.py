"""A ZIP entry is unsafe: absolute path, `..`, a link, encrypted, or a name that appears twice.

Why it matters:
    Such entries can write outside the folder they are unpacked into (zip slip), point at
    files elsewhere on the machine, cannot be read, or make it ambiguous which file is meant.
    An empty name, a NUL, a backslash or a drive letter is read differently by different
    tools; names that differ only by case or Unicode normalisation (Cover.jpg, cover.jpg) are
    one file when unpacked on macOS or Windows, so they appear twice there. ddexkit never
    reads them; the ingest refuses the package.

Bad:
    A ZIP with an entry named ../../etc/cron.d/job, or resources/A1.flac stored twice.

Good:
    A ZIP whose entries are plain relative paths, each once, unencrypted.

Source:
    Zip Slip (Snyk, 2018); PKWARE APPNOTE (encryption flag, external attributes).
"""

from __future__ import annotations

import unicodedata
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
                (entry.has_empty_name and not entry.has_nul, "has an empty name"),
                (entry.has_nul, "has a NUL character in its name"),
                (entry.has_backslash, "has a backslash in its name (a folder separator on "
                 "Windows)"),
                (entry.has_drive_letter, "starts with a drive letter"),
                (entry.is_absolute and not entry.has_drive_letter, "has an absolute path"),
                (entry.has_parent_step, "has '..' in its path"),
                (entry.is_link, "is a symbolic link"),
                (entry.encrypted, "is encrypted"),
            )
            if flag
        ]
        if reasons:
            yield Finding(at=WHOLE_FILE,
                          message=f"ZIP entry {entry.shown_name!r} {' and '.join(reasons)}",
                          hint="Rebuild the ZIP from a plain folder (ddexkit package does)")
    for name in package.duplicate_names:
        yield Finding(at=WHOLE_FILE,
                      message=f"ZIP entry {name!r} appears more than once",
                      hint="Rebuild the ZIP so that each file is in it once")
    for group in package.collisions:
        names = [repr(name) for name in group]
        listed = ", ".join(names[:-1]) + " and " + names[-1]
        yield Finding(at=WHOLE_FILE,
                      message=f"ZIP entries {listed} are one file when unpacked: their names "
                      f"differ only by {_difference(group)}",
                      hint="Rename them so that each name is distinct in any case and form")


def _difference(group: tuple[str, ...]) -> str:
    if len({unicodedata.normalize("NFC", name) for name in group}) == 1:
        return "Unicode normalisation"
    if len({name.casefold() for name in group}) == 1:
        return "case"
    return "case and Unicode normalisation"


RULE = Rule(
    code="AST817",
    severity=Severity.ERROR,
    summary="A ZIP entry is unsafe (absolute path, '..', link, encrypted or duplicated)",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
