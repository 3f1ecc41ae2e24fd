"""HashSum algorithms as ERN 3.8.2 names them, mapped to hashlib, and their value syntax.

ERN 3.8.2's HashSumAlgorithmType lists MD4, MD5, SHA, SHA1 and UserDefined; senders put the
SHA-2 family in UserDefinedValue (``SHA-256``, ``SHA256``, ``SHA2-256``…). ``SHA`` alone is
ambiguous, so its length picks the member of the family.
"""

from __future__ import annotations

import re

# hashlib name → length of the hex digest
HEX_LENGTHS = {
    "md5": 32,
    "sha1": 40,
    "sha224": 56,
    "sha256": 64,
    "sha384": 96,
    "sha512": 128,
}
_BY_LENGTH = {length: name for name, length in HEX_LENGTHS.items() if name != "md5"}
_HEX = re.compile(r"[0-9a-fA-F]+")


def algorithm_name(declared: str, user_defined: str | None = None,
                   value: str | None = None) -> str | None:
    """The hashlib name for a HashSumAlgorithmType (and its UserDefinedValue), or None when
    ddexkit cannot compute it (MD4, an unknown name)."""
    name = (user_defined if declared.strip() == "UserDefined" and user_defined else declared)
    compact = re.sub(r"[\s_-]", "", name).lower().removeprefix("sha2")
    if compact.isdigit():
        compact = "sha" + compact
    if compact in HEX_LENGTHS:
        return compact
    if compact in {"sha", "sha2"} and value is not None:
        return _BY_LENGTH.get(len(value.strip()))
    return None


def malformed_reason(algorithm: str, value: str) -> str | None:
    """Why ``value`` cannot be a hex digest of ``algorithm`` (a hashlib name), or None."""
    text = value.strip()
    if not text:
        return "it is empty"
    if not _HEX.fullmatch(text):
        return "it holds characters that are not hexadecimal digits"
    expected = HEX_LENGTHS[algorithm]
    if len(text) != expected:
        return f"it has {len(text)} hex digits where {algorithm.upper()} gives {expected}"
    return None
