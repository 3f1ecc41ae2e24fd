"""Two deals for the same release overlap with different terms.

Why it matters:
    When two deals give the same commercial model, use type and territory for overlapping
    periods but on different terms (price, dates), the store cannot tell which applies and
    either picks one at random or rejects the update. Identical duplicates are harmless and
    not reported; periods that only touch at a boundary day do not count as overlapping.

Bad:
    <PriceType Namespace="DPID:PADPIDA2007040502I">MIDLINE</PriceType>

Good:
    <PriceType Namespace="DPID:PADPIDA2007040502I">FRONTLINE</PriceType>

Source:
    DDEX ERN 3.8.2 DealList (deal terms per release).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ddexkit.domain.timecodes import comparable_date
from ddexkit.issues import Finding, Severity
from ddexkit.model import DealTerms, Message, Period, Text
from ddexkit.rules.base import Rule, RuleContext, Stage

_WORLDWIDE = "Worldwide"


@dataclass(frozen=True, slots=True)
class _Entry:
    """A deal's validity period, read as dates."""

    start: dt.date
    end: dt.date
    terms: DealTerms
    signature: tuple[object, ...]
    territories: list[str]  # distinct, in document order
    excluded: frozenset[str]
    order: int  # the deal terms' place in the document: ties and "the later deal" by it


def _bounds(period: Period) -> tuple[dt.date, dt.date] | None:
    start = comparable_date(period.start.value) if period.start else None
    end = comparable_date(period.end.value) if period.end else None
    if (period.start is not None and start is None) or (period.end is not None and end is None):
        return None  # an unreadable date: DUR405
    return (start.earliest if start else dt.date.min, end.latest if end else dt.date.max)


def _values(texts: tuple[Text, ...]) -> tuple[str, ...]:
    return tuple(sorted(t.stripped for t in texts))


def _signature(terms: DealTerms) -> tuple[object, ...]:
    """Everything that makes two deals' terms the same or different."""
    prices = sorted(
        (p.price_type.stripped if p.price_type else "",
         tuple(sorted((a.stripped, a.attrs.get("CurrencyCode", "")) for a in p.amounts)))
        for p in terms.prices
    )
    periods = sorted((p.start.stripped if p.start else "", p.end.stripped if p.end else "")
                     for p in terms.validity_periods)
    return (tuple(prices), tuple(periods), terms.is_takedown,
            _values(terms.pre_order_release_dates), _values(terms.release_display_start_dates),
            _values(terms.territories), _values(terms.excluded_territories),
            _values(terms.use_types), _values(terms.commercial_model_types))


def _distinct(texts: tuple[Text, ...]) -> list[str]:
    return list(dict.fromkeys(t.stripped for t in texts))


def _overlap(a: _Entry, b: _Entry) -> bool:
    """Bounds are whole days, both included: sharing one day overlaps, while a deal ending on
    2025-01-31 and the next starting on 2025-02-01 only meet."""
    return a.start <= b.end and b.start <= a.end


def _groups(message: Message) -> dict[tuple[str, str, str], list[_Entry]]:
    """Deal entries by (release, model, use type), in document order.

    Territories are split out one group at a time (``_by_territory``), not all at once: a
    message of many deals of 40 territories each would otherwise hold a list for every
    release, model, use and territory together (hundreds of MB for 10,000 tracks).
    """
    found: dict[tuple[str, str, str], list[_Entry]] = {}
    for order, (release_deal, _, terms) in enumerate(message.iter_deal_terms()):
        signature = _signature(terms)
        territories = _distinct(terms.territories)
        excluded = frozenset(t.stripped for t in terms.excluded_territories)
        for period in terms.validity_periods or (Period(element=terms.element),):
            bounds = _bounds(period)
            if bounds is None:
                continue
            entry = _Entry(bounds[0], bounds[1], terms, signature, territories, excluded, order)
            # dict.fromkeys, not sets: document order, whatever PYTHONHASHSEED says
            for release in _distinct(release_deal.release_references):
                for model in _distinct(terms.commercial_model_types):
                    for use in _distinct(terms.use_types):
                        found.setdefault((release, model, use), []).append(entry)
    return found


def _by_territory(entries: list[_Entry]) -> dict[str, list[_Entry]]:
    """One group's entries by territory, each list in document order."""
    found: dict[str, list[_Entry]] = {}
    for entry in entries:
        for territory in entry.territories:
            found.setdefault(territory, []).append(entry)
    return found


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    reported: set[int] = set()
    for (release, model, use), group in _groups(message).items():
        first = group[0].signature
        if all(entry.signature == first for entry in group):
            continue  # one deal, or deals on the same terms: nothing to report in this group
        by_territory = _by_territory(group)
        worldwide = by_territory.get(_WORLDWIDE, [])
        for territory, entries in by_territory.items():
            candidates = list(entries)
            if territory != _WORLDWIDE:
                candidates += [e for e in worldwide if territory not in e.excluded]
            # Sweep by start date: each entry is compared with the one reaching furthest.
            candidates.sort(key=lambda e: (e.start, e.order))
            furthest: _Entry | None = None
            for entry in candidates:
                if (furthest is not None and furthest.terms is not entry.terms
                        and _overlap(furthest, entry) and furthest.signature != entry.signature):
                    later = max(furthest, entry, key=lambda e: e.order)
                    if later.order not in reported:
                        reported.add(later.order)
                        yield Finding(
                            at=later.terms.loc,
                            message=f"This deal overlaps another deal for release {release} "
                            f"({model}, {use}, {territory}) with different terms",
                            hint="Give the two deals non-overlapping ValidityPeriods, or merge "
                            "them into one deal",
                        )
                if furthest is None or entry.end > furthest.end:
                    furthest = entry


RULE = Rule(
    code="DEA708",
    severity=Severity.WARNING,
    summary="Two deals for the same release overlap with different terms",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
