"""A UserDefinedValue is given where the value is not UserDefined, or without a Namespace.

Why it matters:
    UserDefinedValue names a value outside DDEX's list, and only counts where the element
    says UserDefined (a LabelName in its LabelNameType). Beside a DDEX value
    (``<ResourceContributorRole UserDefinedValue="Beatmaker">Producer``) a recipient cannot
    tell which of the two is meant. And a value of one's own means something only in the
    Namespace of whoever defined it, which the profiles ask to name. ROL604 reports the
    opposite slip: UserDefined without a UserDefinedValue. The profiles make it a Fatal
    Error, and an Error for a LabelName (a warning here).

Bad:
          <ResourceContributorRole UserDefinedValue="Beatmaker">Producer</ResourceContributorRole> <!-- expect: PRF031 -->

Good:
          <ResourceContributorRole Namespace="PADPIDA2014120301L" UserDefinedValue="Beatmaker">UserDefined</ResourceContributorRole>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clauses 4.3(6b)
    and 4.3(31): AudioAlbumMusicOnly rules 1094-1, 1094-2 (Error, LabelName), 1121-1 and
    1121-2 (Fatal Error), AudioSingle rules 1021-1, 1021-2, 1048-1 and 1048-2.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._elements import local_name

_VALUE = "@UserDefinedValue"
_USER_DEFINED = "UserDefined"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for given in message.indexed(_VALUE):
        element = given.element
        if len(element):
            continue  # a composite (a UserDefinedResource): its value is no list value
        name = local_name(element)
        is_label = name == "LabelName"
        # A LabelName says UserDefined in its LabelNameType; the other elements in their text.
        says = (element.get("LabelNameType") if is_label else element.text) or ""
        faults = []
        if says.strip() != _USER_DEFINED:
            where = "LabelNameType" if is_label else "value"
            faults.append(f"its {where} is '{says.strip()}', not {_USER_DEFINED}")
        if not (element.get("Namespace") or "").strip():
            faults.append("it names no Namespace")
        if not faults:
            continue
        yield Finding(
            at=given.loc,
            message=f"{name} has UserDefinedValue '{given.stripped}' but "
            f"{' and '.join(faults)}",
            hint=f'Write <{name} Namespace="(your DPID)" UserDefinedValue="…"'
            + (' LabelNameType="UserDefined">' if is_label else f">{_USER_DEFINED}")
            + ", or drop the UserDefinedValue and keep the DDEX value",
            severity=Severity.WARNING if is_label else None,
        )


RULE = Rule(
    code="PRF031",
    severity=Severity.ERROR,
    summary="A UserDefinedValue is given where the value is not UserDefined, or without a "
    "Namespace",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({_VALUE}),
    opt_in=True,
)
