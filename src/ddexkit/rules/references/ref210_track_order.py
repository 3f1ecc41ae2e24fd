"""Track order is broken in the main release: SequenceNumbers repeat, skip or do not start at 1.

Why it matters:
    Stores number the tracks from the SequenceNumbers of each ResourceGroup's
    ResourceGroupContentItems. Two items with one number make the order a guess: an error.
    A gap or a first number other than 1 shows wrong track numbers (or a track left out):
    a warning-level issue.

    How groups count, where the catalog leaves it open:

    - Each ResourceGroup with a SequenceNumber of its own (a disc) counts on its own and
      starts again at 1, as does the release's top-level group.
    - A nested group without a SequenceNumber (a classical work's grouping inside a disc)
      is no disc: its items count with those of the group around it.
    - Items without a SequenceNumber, or with one that is not an integer (ERN006's), are
      left out; items that share a number but differ in SequenceSubNumber (the parts of one
      work) are not repeats.
    - Gaps and the first number are judged only in groups that hold a track (a
      SoundRecording or Video): many senders number the cover in the outer group after the
      last track of the disc, which is no broken track order.
    - In a group with repeats only the repeats are reported (the gap is usually the same
      slip); the hint names the missing numbers.

Bad:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A2</ReleaseResourceReference>
          </ResourceGroupContentItem>
          <ResourceGroupContentItem>
            <SequenceNumber>2</SequenceNumber>

Good:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A2</ReleaseResourceReference>
          </ResourceGroupContentItem>
          <ResourceGroupContentItem>
            <SequenceNumber>3</SequenceNumber>

Source:
    DDEX ERN 3.8.2 ResourceGroup/ResourceGroupContentItem/SequenceNumber,
    SequenceSubNumber.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import pairwise

from ddexkit.issues import Finding, Severity
from ddexkit.model import GroupItem, Message, Release, Resource, ResourceGroup, Text
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release

_DIGITS = 9  # longer numbers are no track numbers; the XSD judges them
_TRACK_KINDS = frozenset({"SoundRecording", "Video"})


def _number(text: Text | None) -> int | None:
    value = text.stripped.lstrip("+") if text is not None else ""
    if not (value.isascii() and value.isdigit()) or len(value) > _DIGITS:
        return None
    return int(value)


def _numbered(group: ResourceGroup) -> bool:
    return group.sequence is not None and bool(group.sequence.stripped)


def _scopes(
    groups: tuple[ResourceGroup, ...], top: bool = True
) -> Iterator[tuple[ResourceGroup, list[GroupItem]]]:
    """Each counting scope: a top-level or numbered group with the items of its unnumbered
    sub-groups (a classical work's grouping continues its disc's numbering)."""
    for group in groups:
        if not top and not _numbered(group):
            continue
        items: list[GroupItem] = []
        pending = [group]
        while pending:
            current = pending.pop()
            items.extend(current.items)
            pending.extend(g for g in reversed(current.groups) if not _numbered(g))
        yield group, items
        yield from _scopes(_nested(group), top=False)


def _nested(group: ResourceGroup) -> tuple[ResourceGroup, ...]:
    """The numbered groups below ``group``, looking through unnumbered ones."""
    found: list[ResourceGroup] = []
    for sub in group.groups:
        found.extend((sub,) if _numbered(sub) else _nested(sub))
    return tuple(found)


def _name(group: ResourceGroup) -> str:
    number = group.sequence.stripped if group.sequence is not None else ""
    return f"ResourceGroup {number}" if number else "the ResourceGroup"


def _ref(item: GroupItem) -> str:
    return item.resource_reference.stripped if item.resource_reference else "?"


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def _is_track(item: GroupItem, resources: Mapping[str, Resource]) -> bool:
    if item.resource_type is not None and item.resource_type.stripped in _TRACK_KINDS:
        return True
    resource = resources.get(_ref(item))
    return resource is not None and resource.kind in _TRACK_KINDS


def _check_group(
    group: ResourceGroup,
    items: list[GroupItem],
    release_ref: str,
    resources: Mapping[str, Resource],
) -> Iterator[Finding]:
    numbered: list[tuple[int, GroupItem, Text]] = []
    for item in items:
        number = _number(item.sequence)
        if number is not None and item.sequence is not None:
            numbered.append((number, item, item.sequence))
    if not numbered:
        return
    where = f"{_name(group)} of main release {release_ref}"
    distinct = sorted({n for n, _, _ in numbered})
    missing = [_span(low + 1, high - 1) for low, high in pairwise(distinct) if high > low + 1]
    seen: dict[tuple[int, str], GroupItem] = {}
    repeats = False
    for number, item, text in numbered:
        sub = item.sequence_sub_number.stripped if item.sequence_sub_number else ""
        first = seen.setdefault((number, sub), item)
        if first is item:
            continue
        repeats = True
        gap = f"; {', '.join(missing)} missing" if missing else ""
        yield Finding(
            at=text.loc,
            message=f"SequenceNumber {number} of {_ref(item)} repeats in {where} "
            f"(also {_ref(first)})",
            hint=f"Number the items of the group 1, 2, 3… once each{gap}",
        )
    if repeats or not any(_is_track(item, resources) for _, item, _ in numbered):
        return
    by_number = {n: t for n, _, t in reversed(numbered)}
    if distinct[0] != 1:
        yield Finding(
            at=by_number[distinct[0]].loc,
            message=f"SequenceNumbers in {where} start at {distinct[0]}, not 1",
            hint="Number the items of each group from 1 (each disc's group starts again at 1)",
            severity=Severity.WARNING,
        )
    for low, high in pairwise(distinct):
        if high > low + 1:
            yield Finding(
                at=by_number[high].loc,
                message=f"SequenceNumber {high} follows {low} in {where}: "
                f"{_span(low + 1, high - 1)} {'is' if high == low + 2 else 'are'} missing",
                hint="Renumber the items without gaps, or add the missing track",
                severity=Severity.WARNING,
            )


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    for details in release.details:
        for group, items in _scopes(details.resource_groups):
            yield from _check_group(
                group, items, release.ref or "(no reference)", context.resources_by_reference
            )


RULE = Rule(
    code="REF210",
    severity=Severity.ERROR,
    summary="Track order is broken in the main release (SequenceNumbers repeat or skip)",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
