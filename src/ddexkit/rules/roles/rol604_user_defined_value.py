"""A role or type is UserDefined without a UserDefinedValue attribute.

Why it matters:
    UserDefined means "a value outside the DDEX list, named in UserDefinedValue". Without
    the attribute the recipient learns nothing: the role or type is lost.

Bad:
    <ArtistRole>UserDefined</ArtistRole>

Good:
    <ArtistRole UserDefinedValue="Beatboxer">UserDefined</ArtistRole>

Source:
    DDEX ERN 3.8.2 XSD (UserDefinedValue attribute of every AVS-typed element).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage

# The index key of every element whose text is UserDefined (see Rule.indexes).
_USER_DEFINED = "=UserDefined"


def _element_name(text: Text) -> str:
    # The parser keeps the element on the Location; its tag names the role or type.
    tag = getattr(text.loc.element, "tag", None)
    return tag.rpartition("}")[2] if isinstance(tag, str) else "An element"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for text in message.indexed(_USER_DEFINED):
        if text.attrs.get("UserDefinedValue", "").strip():
            continue
        name = _element_name(text)
        yield Finding(
            at=text.loc,
            message=f"{name} is UserDefined without a UserDefinedValue",
            hint=f'Name the value: <{name} UserDefinedValue="...">UserDefined</{name}>, '
            "or use a DDEX value",
        )


RULE = Rule(
    code="ROL604",
    severity=Severity.ERROR,
    summary="A role or type is UserDefined without a UserDefinedValue attribute",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({_USER_DEFINED}),
)
