"""A SubGenre is not a subgenre of its genre in the catalog.

Why it matters:
    The platform's subgenres belong to one genre each; a subgenre it does not list under the
    release's genre is dropped. Checked only with a catalog, and only when the genre itself
    is known (CAT901 reports an unknown genre).

Bad:
    <SubGenre>Deep House</SubGenre>

Good:
    <SubGenre>Indie Pop</SubGenre>

Source:
    The platform's genre and subgenre lookup lists (the user's catalog, docs/catalog.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    catalog = context.catalog
    if catalog is None:
        return
    for genre in message.genres():
        sub, text = genre.sub_genre, genre.genre_text
        if sub is None or not sub.stripped or text is None:
            continue
        name = catalog.find_genre(text.stripped)
        if name is None or catalog.has_subgenre(name, sub.stripped):
            continue
        subgenres = sorted(catalog.genres[name])
        folded = {s.casefold(): s for s in subgenres}
        import difflib  # only to suggest a value

        near = difflib.get_close_matches(sub.stripped.casefold(), list(folded), n=1)
        if near:
            hint = f"Use <SubGenre>{folded[near[0]]}</SubGenre>"
        elif subgenres:
            hint = f"Use a subgenre of {name}: {', '.join(subgenres)}"
        else:
            hint = f"The catalog lists no subgenres of {name}: remove <SubGenre>"
        yield Finding(
            at=sub.loc,
            message=f"SubGenre '{sub.stripped}' is not a subgenre of {name} in the catalog",
            hint=hint,
        )


RULE = Rule(
    code="CAT902",
    severity=Severity.WARNING,
    summary="A SubGenre is not a subgenre of its genre in the catalog",
    stage=Stage.MESSAGE,
    check=check,
    needs=frozenset({"catalog"}),
    doc=__doc__ or "",
)
