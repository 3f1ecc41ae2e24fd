"""What PRF026 and PRF027 share: reading a RightSharePercentage as a percentage.

The ERN's Percentage is a decimal in [0, 100], or in [0, 1] where the element says
HasMaxValueOfOne="true". A value that is no decimal is the XSD's to report (ERN006).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ddexkit.model import Text

PERCENTAGE = "RightSharePercentage"
HUNDRED = Decimal(100)


def written(share: Text) -> Decimal | None:
    """The value as written, None when it is no finite decimal."""
    try:
        value = Decimal(share.stripped)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def of_one(share: Text) -> bool:
    """The value is given in [0, 1] (HasMaxValueOfOne="true")."""
    return share.flag("HasMaxValueOfOne") is True


def as_percent(share: Text) -> Decimal | None:
    """The value in percent, whichever scale it is written in."""
    value = written(share)
    if value is None:
        return None
    return value * HUNDRED if of_one(share) else value
