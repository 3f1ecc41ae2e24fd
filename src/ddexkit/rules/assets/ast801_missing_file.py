"""A file the ERN references is not in the package.

Why it matters:
    API: the ingest looks every file up by FilePath + FileName (stable file names); a missing
    file fails the release. A name that differs only in its extension (.jpg / .jpeg) or its
    case is named in the hint. A path that leaves the assets folder is never followed.

Bad:
    <FileName>A1.wav</FileName>
    <FilePath>resources/</FilePath>

Good:
    <FileName>A1.flac</FileName>
    <FilePath>resources/</FilePath>

Source:
    Distributor API (stable file names); DDEX ERN 3.8.2 File (FilePath, FileName).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from ddexkit.issues import Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def _stem(name: str) -> str:
    path = PurePosixPath(name.lower())
    return str(path.with_suffix(""))


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    by_stem: dict[str, list[str]] = {}
    by_lower: dict[str, str] = {}
    for name in facts.names:
        by_stem.setdefault(_stem(name), []).append(name)
        by_lower.setdefault(name.lower(), name)
    for item in facts.files:
        if item.lookup.found:
            continue
        path = item.package_path
        if item.lookup.refused is not None:
            yield Finding(at=item.file.loc,
                          message=f"{path} cannot be used: {item.lookup.refused}",
                          hint="Give a FilePath relative to the package root, without '..', "
                          "and put the file itself in the package")
            continue
        close = by_lower.get(path.lower()) or next(iter(by_stem.get(_stem(path), [])), None)
        hint = (f"The package has {close}: rename the file or set FileName to "
                f"{PurePosixPath(close).name}" if close else
                f"Add {path} to the package, or correct FilePath/FileName")
        yield Finding(at=item.file.loc,
                      message=f"{path} (resource {item.resource.ref}) is not in the package",
                      hint=hint)


RULE = Rule(
    code="AST801",
    severity=Severity.ERROR,
    summary="A file the ERN references is not in the package",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
