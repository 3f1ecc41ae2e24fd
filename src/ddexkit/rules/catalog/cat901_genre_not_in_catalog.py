"""A GenreText is not in the catalog's genres.

Why it matters:
    The platform files releases under its own genre list; a genre it does not know is
    dropped or mapped by hand. Checked only with a catalog; the hint names the closest
    genre of the catalog.

Bad:
    <GenreText>Popp</GenreText>

Good:
    <GenreText>Pop</GenreText>

Source:
    The platform's genre lookup list (the user's catalog, docs/catalog.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    catalog = context.catalog
    if catalog is None or not catalog.genres:
        return
    folded = {g.casefold(): g for g in catalog.genre_names()}
    for genre in message.genres():
        text = genre.genre_text
        if text is None or not text.stripped or catalog.find_genre(text.stripped):
            continue
        import difflib  # only to suggest a value

        near = difflib.get_close_matches(text.stripped.casefold(), list(folded), n=1)
        yield Finding(
            at=text.loc,
            message=f"Genre '{text.stripped}' is not in the catalog's genres",
            hint=(f"Use <GenreText>{folded[near[0]]}</GenreText>" if near
                  else "Use a genre of the catalog: " + ", ".join(catalog.genre_names())),
        )


RULE = Rule(
    code="CAT901",
    severity=Severity.WARNING,
    summary="A GenreText is not in the catalog's genres",
    stage=Stage.MESSAGE,
    check=check,
    needs=frozenset({"catalog"}),
    doc=__doc__ or "",
)
