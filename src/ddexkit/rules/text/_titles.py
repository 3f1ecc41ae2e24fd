"""Title helpers the store style TXT rules share: the Title record a store shows and a
comparable form of it. Private to the family (rules never import each other)."""

from __future__ import annotations

from ddexkit.model import Release, Resource, Title


def shown_title(displayed: Resource | Release) -> Title | None:
    """The Title a store shows for a release or resource: its ReferenceTitle, else a
    DisplayTitle of its first territory, else any Title there (``display_title``'s order),
    so that a finding can point at its TitleText."""
    titles = displayed.details[0].titles if displayed.details else ()
    preferred = [displayed.reference_title,
                 *(t for t in titles if t.title_type == "DisplayTitle"), *titles]
    return next((t for t in preferred if t is not None and t.text and t.text.stripped), None)


def folded(value: str) -> str:
    """The value as titles are compared: case and runs of spaces ignored."""
    return " ".join(value.split()).casefold()


def full_title(title: Title) -> tuple[str, str]:
    """(TitleText, SubTitle) of a title, folded: what tells two titles apart."""
    text = title.text.value if title.text is not None else ""
    sub_title = title.sub_title.value if title.sub_title is not None else ""
    return folded(text), folded(sub_title)
