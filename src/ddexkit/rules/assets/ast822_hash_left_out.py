"""A File has no HashSum, though the file is at hand and its digest known.

Why it matters:
    HashSum is optional in ERN 3.8.2, but without it the ingest cannot tell a file changed,
    cut short or swapped on the way from the one the ERN describes, and many distributors
    ask for one. With the file at hand its MD5 is known, so ``ddexkit fix --unsafe`` adds
    the HashSum where the schema puts it, as the last child of File (unsafe: only right
    when the file is the one meant). Off by default (opt-in): a delivery without hashes is
    common and not wrong; select AST822 to have them added.

Bad:
    <File>
      <FileName>cover.jpg</FileName>
      <FilePath>resources/</FilePath>
    </File>

Good:
    <File>
      <FileName>cover.jpg</FileName>
      <FilePath>resources/</FilePath>
      <HashSum>
        <HashSum>35b25d5c004594f180822f032d7f7ec1</HashSum>
        <HashSumAlgorithmType>MD5</HashSumAlgorithmType>
      </HashSum>
    </File>

Source:
    DDEX ERN 3.8.2 File (HashSum), HashSum, HashSumAlgorithmType; distributor API
    (warnings for optional fields).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.sequences import preceding
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage

_HASH_SUM = "HashSum"


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item in facts.files:
        digest = item.hashes.get("md5")
        if item.file.hash_sums or digest is None:
            continue  # a HashSum to judge (AST803, AST804), or no file read
        path = item.package_path
        yield Finding(
            at=item.file.loc,
            message=f"File {path} has no HashSum; its MD5 is {digest}",
            hint=f"Add <HashSum><HashSum>{digest}</HashSum><HashSumAlgorithmType>MD5"
            "</HashSumAlgorithmType></HashSum> to the File",
            fix=Fix(replacement="", original="", safe=False, insert=_HASH_SUM,
                    after=preceding("File", _HASH_SUM),
                    children=((_HASH_SUM, digest), ("HashSumAlgorithmType", "MD5")),
                    description=f"add the MD5 of {path} as its HashSum"),
        )


RULE = Rule(
    code="AST822",
    severity=Severity.WARNING,
    summary="A File has no HashSum, though the file is at hand",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
    opt_in=True,
)
