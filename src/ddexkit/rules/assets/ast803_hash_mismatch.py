"""A file's content does not match its HashSum.

Why it matters:
    A HashSum that does not match means the file was changed, truncated or swapped after the
    ERN was written; the ingest verifies it and rejects the release. With the files at hand,
    ``ddexkit fix --unsafe`` writes the file's digest (unsafe: only right when the file is
    the one meant, and a wrong file is what the hash is there to catch).

Bad:
    <HashSum>00000000000000000000000000000000</HashSum>

Good:
    <HashSum>ed4287c0af3f86c5bf6934c3abeed9df</HashSum>
    <HashSumAlgorithmType>MD5</HashSumAlgorithmType>

Source:
    DDEX ERN 3.8.2 HashSum, HashSumAlgorithmType.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.hashes import algorithm_name, malformed_reason
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item in facts.files:
        for hash_sum in item.file.hash_sums:
            if hash_sum.value is None or hash_sum.algorithm is None:
                continue
            value = hash_sum.value.stripped
            name = algorithm_name(hash_sum.algorithm.stripped,
                                  hash_sum.algorithm.attrs.get("UserDefinedValue"), value)
            if name is None or name not in item.hashes or malformed_reason(name, value):
                continue  # not computable, not read, or malformed (AST804)
            actual = item.hashes[name]
            if actual != value.lower():
                yield Finding(
                    at=hash_sum.value.loc,
                    message=f"{item.package_path}: its {name.upper()} is {actual}, "
                    f"not {value} as the ERN says",
                    hint=f"If the file is the right one, set <HashSum>{actual}</HashSum>; "
                    "otherwise deliver the file the ERN describes",
                    fix=Fix(replacement=actual, original=hash_sum.value.value, safe=False,
                            description=f"write the {name.upper()} of {item.package_path}"),
                )


RULE = Rule(
    code="AST803",
    severity=Severity.ERROR,
    summary="A file's content does not match its HashSum",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
