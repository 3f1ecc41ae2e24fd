"""A HashSum value is malformed for its algorithm.

Why it matters:
    A digest of the wrong length or with non-hexadecimal characters can never match the file,
    so the ingest rejects it whatever the file holds. Checked with or without the files at
    hand: the value alone shows the fault. For an empty HashSum with the file at hand,
    ``ddexkit fix --unsafe`` writes the file's digest (unsafe, as for AST803).

Bad:
    <HashSum>ed4287c0af3f86c5bf6934c3abeed9d</HashSum>

Good:
    <HashSum>ed4287c0af3f86c5bf6934c3abeed9df</HashSum>
    <HashSumAlgorithmType>MD5</HashSumAlgorithmType>

Source:
    DDEX ERN 3.8.2 HashSum; RFC 1321 (MD5), FIPS 180-4 (SHA family).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.hashes import HEX_LENGTHS, algorithm_name, malformed_reason
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item in facts.files:
        for hash_sum in item.file.hash_sums:
            if hash_sum.value is None or hash_sum.algorithm is None:
                continue
            declared = hash_sum.algorithm.stripped
            user = hash_sum.algorithm.attrs.get("UserDefinedValue")
            value = hash_sum.value.stripped
            name = algorithm_name(declared, user, value)
            if name is None:
                if declared in {"SHA", "SHA2"}:
                    yield Finding(
                        at=hash_sum.value.loc,
                        message=f"{item.package_path}: no SHA algorithm gives a digest of "
                        f"{len(value)} characters",
                        hint="Give the hex digest (40 digits for SHA-1, 64 for SHA-256…)",
                    )
                continue
            reason = malformed_reason(name, value)
            if reason is not None:
                # An empty value has one right answer when the file is at hand: its digest.
                digest = item.hashes.get(name) if not value else None
                yield Finding(
                    at=hash_sum.value.loc,
                    message=f"{item.package_path}: the {declared} HashSum is malformed: "
                    f"{reason}",
                    hint=f"Give the {HEX_LENGTHS[name]} hexadecimal digits of the file's "
                    f"{name.upper()}",
                    fix=Fix(replacement=digest, original=hash_sum.value.value, safe=False,
                            description=f"write the {name.upper()} of {item.package_path}")
                    if digest is not None else None,
                )


RULE = Rule(
    code="AST804",
    severity=Severity.ERROR,
    summary="A HashSum value is malformed for its algorithm",
    stage=Stage.ASSETS,
    check=check,
    doc=__doc__ or "",
)
