"""Identifier syntax and check characters: ICPN, ISRC, ISWC, GRid, ISNI and DPID.

Pure functions on strings. Each ``check_*`` returns a ``Verdict``: whether the value is valid
as written, valid once separators and case are fixed, well formed but with a wrong check
character, or malformed; with the problem in words and the corrected identifier whenever it
can be worked out. The rules decide what of that is an issue and how bad it is.

Check characters:

* ICPN (UPC-A / EAN-13): GS1 mod 10, weights 3 and 1 from the right.
* ISWC: ISO 15707, ``(10 - (1 + sum(i * d_i for i = 1..9)) mod 10) mod 10``.
* GRid and DPID: ISO/IEC 7064 Mod 37,36 (hybrid system) over every character before the
  check character (for a DPID that includes the ``PADPIDA`` prefix).
* ISNI: ISO/IEC 7064 Mod 11-2 over the first 15 digits; 10 is written ``X``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ddexkit.domain import isocodes

ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DPID_PREFIX = "PADPIDA"
DPID_NAMESPACE_PREFIX = "DPID:"
# Namespaces of ProprietaryIds that partners document instead of a DPID (YouTube's
# ``YOUTUBE:CHANNEL_ID`` and the like); users add their own with ``partner-namespaces``.
PARTNER_NAMESPACE_PREFIXES = ("YOUTUBE:",)
# Prefixes the ISRC agency issues beyond ISO 3166-1 alpha-2 (QM, QT, QZ for the US).
ISRC_AGENCY_PREFIXES = frozenset({"QM", "QT", "QZ", "UK", "CP", "DG", "FX", "ZZ"})
EXAMPLE_ISRC = "GBAYE2400001"

# Characters people put between the parts of an identifier when they write it for humans.
_SEPARATORS = re.compile(r"[\s\-.]")
_ISRC = re.compile(r"^[A-Z]{2}[A-Z0-9]{3}[0-9]{2}[0-9]{5}$")
_ISWC = re.compile(r"^T[0-9]{10}$")
_GRID = re.compile(r"^A1[A-Z0-9]{16}$")
_ISNI = re.compile(r"^[0-9]{15}[0-9X]$")
_DPID = re.compile(rf"^{DPID_PREFIX}[A-Z0-9]{{11}}$")


class Status(enum.Enum):
    """How far an identifier is from valid."""

    VALID = "valid"
    SEPARATORS = "separators"  # valid once separators are removed and letters upper-cased
    CHECK = "check"  # well formed, but the check character is wrong
    MALFORMED = "malformed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """What is wrong with an identifier as written.

    ``problem`` says it in words ("has 11 digits, not 12 or 13"); ``corrected`` is the valid
    identifier it most likely stands for (the compact form, or the right check character),
    or None when that cannot be worked out.
    """

    status: Status
    problem: str = ""
    corrected: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is Status.VALID


_VALID = Verdict(status=Status.VALID)


def compact(value: str) -> str:
    """The value without surrounding or inner separators (spaces, hyphens, dots), upper case."""
    return _SEPARATORS.sub("", value).upper()


def _judge(value: str, well_formed: re.Pattern[str], body_length: int,
           check_char: Callable[[str], str], shape: str,
           check_name: str = "check character") -> Verdict:
    """The common steps: as written, compact, check character."""
    written = value.strip()
    candidate = compact(written)
    if not well_formed.match(candidate):
        return Verdict(status=Status.MALFORMED, problem=shape)
    expected = check_char(candidate[:body_length])
    if candidate[body_length:] != expected:
        return Verdict(
            status=Status.CHECK,
            problem=f"has the {check_name} {candidate[body_length:]}, not {expected}",
            corrected=candidate[:body_length] + expected,
        )
    if written != candidate:
        return Verdict(status=Status.SEPARATORS, problem=_cosmetic_problem(written),
                       corrected=candidate)
    return _VALID


def _cosmetic_problem(written: str) -> str:
    if _SEPARATORS.search(written):
        return "is written with separators"
    return "is written in lower case"


# --- GS1 (ICPN: UPC-A, EAN-13) -------------------------------------------------------------


def gs1_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit of the digits before it (weights 3, 1, 3… from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def check_icpn(value: str) -> Verdict:
    """An ICPN is 12 (UPC-A) or 13 (EAN-13) digits ending in a GS1 check digit."""
    written = value.strip()
    candidate = compact(written)
    if not candidate:
        return Verdict(status=Status.MALFORMED, problem="is empty")
    if not candidate.isdigit() or not candidate.isascii():
        return Verdict(status=Status.MALFORMED, problem="contains characters other than digits")
    if len(candidate) not in (12, 13):
        corrected = None
        if len(candidate) == 11 and is_valid_icpn("0" + candidate):
            corrected = "0" + candidate  # a UPC whose leading zero a spreadsheet dropped
        return Verdict(status=Status.MALFORMED,
                       problem=f"has {len(candidate)} digits, not 12 (UPC-A) or 13 (EAN-13)",
                       corrected=corrected)
    expected = gs1_check_digit(candidate[:-1])
    if candidate[-1] != expected:
        return Verdict(status=Status.CHECK,
                       problem=f"has the check digit {candidate[-1]}, not {expected}",
                       corrected=candidate[:-1] + expected)
    if written != candidate:
        return Verdict(status=Status.SEPARATORS, problem=_cosmetic_problem(written),
                       corrected=candidate)
    return _VALID


def is_valid_icpn(value: str) -> bool:
    return check_icpn(value).ok


def icpn_digits(value: str) -> int | None:
    """How many digits a well-formed ICPN has (12 or 13), else None."""
    candidate = compact(value)
    if candidate.isdigit() and candidate.isascii() and len(candidate) in (12, 13):
        return len(candidate)
    return None


# --- ISRC (ISO 3901) -----------------------------------------------------------------------


def _isrc_shape_problem(candidate: str) -> str:
    if len(candidate) != 12:
        return f"has {len(candidate)} characters, not 12 (CC XXX YY NNNNN)"
    parts = (
        (candidate[0:2], "[A-Z]{2}", "country code", "two letters"),
        (candidate[2:5], "[A-Z0-9]{3}", "registrant code", "three letters or digits"),
        (candidate[5:7], "[0-9]{2}", "year", "two digits"),
        (candidate[7:12], "[0-9]{5}", "designation code", "five digits"),
    )
    for text, pattern, name, want in parts:
        if not re.fullmatch(pattern, text):
            return f"has the {name} {text!r}, which is not {want}"
    return "is not of the form CC XXX YY NNNNN"  # pragma: no cover - the parts cover it


def check_isrc(value: str) -> Verdict:
    """An ISRC is 12 characters CC XXX YY NNNNN, upper case, without separators (ISO 3901)."""
    written = value.strip()
    candidate = compact(written)
    if not candidate:
        return Verdict(status=Status.MALFORMED, problem="is empty")
    if not _ISRC.match(candidate):
        return Verdict(status=Status.MALFORMED, problem=_isrc_shape_problem(candidate))
    if written != candidate:
        return Verdict(status=Status.SEPARATORS, problem=_cosmetic_problem(written),
                       corrected=candidate)
    return _VALID


def is_valid_isrc(value: str) -> bool:
    return check_isrc(value).ok


def icpn_key(value: str) -> str:
    """The form two ICPNs are compared in: compact and, when all digits, padded to the
    14 digits of a GTIN, so a UPC-A and the EAN-13 that writes it with a leading 0 are one
    product (GS1 General Specifications 3.3.2)."""
    found = compact(value)
    return found.zfill(14) if found.isascii() and found.isdigit() else found


def isrc_key(value: str) -> str:
    """The form two ISRCs are compared in: compact and upper case."""
    return compact(value)


def isrc_country(value: str) -> str | None:
    """The country prefix of an ISRC that is valid once written compactly, else None."""
    candidate = compact(value)
    return candidate[:2] if _ISRC.match(candidate) else None


@cache
def _iso_alpha2() -> frozenset[str]:
    return frozenset(isocodes.country_names())


def is_isrc_country(prefix: str, extra: Iterable[str] = ()) -> bool:
    """Whether an ISRC prefix is ISO 3166-1 alpha-2, one the agency issues beyond ISO, or one
    of ``extra`` (the user's ``isrc-extra-prefixes``)."""
    code = prefix.upper()
    return (code in _iso_alpha2() or code in ISRC_AGENCY_PREFIXES
            or code in {e.strip().upper() for e in extra})


# --- ISWC (ISO 15707) ----------------------------------------------------------------------


def iswc_check_digit(digits: str) -> str:
    """The ISWC check digit of the nine digits after the T."""
    total = 1 + sum(i * int(d) for i, d in enumerate(digits, start=1))
    return str((10 - total % 10) % 10)


# The check digits of many ISWCs at once (iswcs_with_wrong_check_digit): the digit d at
# place i (1..9) weighs i * d mod 10; a sum of nine of those (at most 81) calls for the check
# digit (9 - sum) mod 10, which is 10 - (1 + the weighed sum) mod 10 as iswc_check_digit has it.
_ISWC_WEIGHED = tuple(bytes.maketrans(b"0123456789", bytes(place * d % 10 for d in range(10)))
                      for place in range(1, 10))
_ISWC_CHECK = bytes.maketrans(bytes(range(82)), bytes(ord("0") + (9 - s) % 10 for s in range(82)))


def iswcs_with_wrong_check_digit(iswcs: Sequence[str]) -> list[int]:
    """The indices, ascending, of the ISWCs whose check digit is wrong, among ISWCs each
    written exactly as T and ten ASCII digits; all are checked at once, in C.

    Each place's digits, weighed, are the bytes of one large number, one byte per ISWC; the
    nine numbers add up without a carry (no byte exceeds 81), so byte k of the sum is ISWC
    k's weighed sum. A message of thousands of works then costs no Python call per ISWC.
    """
    if not iswcs:
        return []
    joined = "".join(iswcs).encode("ascii")
    total = sum(int.from_bytes(joined[place::11].translate(weighed), "big")
                for place, weighed in enumerate(_ISWC_WEIGHED, start=1))
    expected = total.to_bytes(len(iswcs), "big").translate(_ISWC_CHECK)
    written = joined[10::11]
    if expected == written:
        return []
    pairs = zip(expected, written, strict=True)
    return [at for at, (want, have) in enumerate(pairs) if want != have]


def check_iswc(value: str) -> Verdict:
    """An ISWC is T + 9 digits + a check digit; ``T-034.524.680-1`` is the display form."""
    if not value.strip():
        return Verdict(status=Status.MALFORMED, problem="is empty")
    return _judge(value, _ISWC, 10, lambda b: iswc_check_digit(b[1:]),
                  "is not T followed by 10 digits", check_name="check digit")


def iswc_display_form_only(value: str) -> bool:
    """Whether the ISWC is valid once its hyphens and dots are removed (the display form
    ``T-034.524.680-1``, which ISO 15707 tolerates), with nothing else to fix."""
    return (_ISWC.match(value.strip().replace("-", "").replace(".", "")) is not None
            and check_iswc(value).status is Status.SEPARATORS)


# --- ISO/IEC 7064 --------------------------------------------------------------------------


def mod37_36_check_char(body: str) -> str:
    """The ISO/IEC 7064 Mod 37,36 check character of ``body`` (digits and upper-case letters)."""
    product = 36
    for char in body:
        total = (product + ALPHANUMERIC.index(char)) % 36 or 36
        product = total * 2 % 37
    return ALPHANUMERIC[(1 - product) % 36]


def mod11_2_check_char(digits: str) -> str:
    """The ISO/IEC 7064 Mod 11-2 check character of ``digits`` ('X' stands for 10)."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2 % 11
    result = (12 - total) % 11
    return "X" if result == 10 else str(result)


# --- GRid, ISNI ----------------------------------------------------------------------------


def check_grid(value: str) -> Verdict:
    """A GRid is 18 characters: A1, a 5-character issuer, a 10-character release number and a
    Mod 37,36 check character."""
    if not value.strip():
        return Verdict(status=Status.MALFORMED, problem="is empty")
    candidate = compact(value)
    if len(candidate) != 18:
        shape = f"has {len(candidate)} characters, not 18 (A1 + 5 + 10 + 1)"
    elif not candidate.startswith("A1"):
        shape = "does not start with the scheme A1"
    else:
        shape = "contains characters other than letters and digits"
    return _judge(value, _GRID, 17, mod37_36_check_char, shape)


def check_isni(value: str) -> Verdict:
    """An ISNI is 16 characters: 15 digits and a Mod 11-2 check character (a digit or X)."""
    if not value.strip():
        return Verdict(status=Status.MALFORMED, problem="is empty")
    candidate = compact(value)
    if len(candidate) != 16:
        shape = f"has {len(candidate)} characters, not 16"
    else:
        shape = "is not 15 digits followed by a digit or X"
    return _judge(value, _ISNI, 15, mod11_2_check_char, shape)


# --- DPID (DDEX Party Identifier) ----------------------------------------------------------


def check_dpid(value: str) -> Verdict:
    """A DPID is PADPIDA + 10 letters or digits + a Mod 37,36 check character computed over
    the 17 characters before it, e.g. PADPIDA3897722461G."""
    if not value.strip():
        return Verdict(status=Status.MALFORMED, problem="is empty")
    candidate = compact(value)
    if not candidate.startswith(DPID_PREFIX):
        shape = f"does not start with {DPID_PREFIX}"
    elif len(candidate) != 18:
        shape = f"has {len(candidate)} characters, not 18 ({DPID_PREFIX} + 10 + 1)"
    else:
        shape = "contains characters other than letters and digits"
    return _judge(value, _DPID, 17, mod37_36_check_char, shape)


def is_valid_dpid(value: str) -> bool:
    return check_dpid(value).ok


def is_partner_namespace(namespace: str, extra: Iterable[str] = ()) -> bool:
    """Whether a Namespace starts with a documented partner prefix (``YOUTUBE:``) or one of
    ``extra`` (the user's ``partner-namespaces``), as written."""
    value = namespace.strip()
    return any(value.startswith(prefix) for prefix in (*PARTNER_NAMESPACE_PREFIXES, *extra)
               if prefix)


def dpid_in_namespace(namespace: str) -> str | None:
    """The text after ``DPID:`` in a Namespace attribute, or None without that prefix."""
    if namespace.startswith(DPID_NAMESPACE_PREFIX):
        return namespace[len(DPID_NAMESPACE_PREFIX):]
    return None
