"""How the role rules tell whether two credits name the same party.

A party is known by its PartyId (an ISNI, a DPID, a proprietary id in its Namespace) where it
has one, so two spellings of one name with the same id are one party and two ids are two
parties; where one of the two credits has no id, the names (in any case and spacing) decide.
ROL606 (same party, same role) and PRF025 (same party listed again for other roles) share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ddexkit.model import Contributor


def id_keys(contributor: Contributor) -> frozenset[str]:
    """The party's identifiers, each with the Namespace it is in (a proprietary id is only
    unique there), without spaces and in capitals (``0000 0001…`` is ``00000001…``)."""
    keys = set()
    for party_id in contributor.party_ids:
        value = "".join(party_id.stripped.split()).upper()
        if value:
            keys.add(f"{party_id.attrs.get('Namespace', '').strip()}|{value}")
    return frozenset(keys)


def name_key(contributor: Contributor) -> str | None:
    return " ".join(contributor.name.casefold().split()) if contributor.name else None


def roles_of(contributor: Contributor) -> frozenset[str]:
    return frozenset(r.stripped for r in contributor.roles if r.stripped)


def repeats(contributors: Iterable[Contributor]) -> Iterator[tuple[Contributor, frozenset[str]]]:
    """Each contributor whose party was already listed, with the roles that party was listed
    for before it: the same party when the two share an identifier, or, where one of the
    two has none, the same name (two different ids under one name are two parties). One
    pass: each contributor is looked up by its keys, not compared with every earlier one."""
    by_id: dict[str, set[str]] = {}
    by_name: dict[str, set[str]] = {}  # every contributor's name → the roles listed under it
    by_name_without_id: dict[str, set[str]] = {}  # the same, for those without an id
    for contributor in contributors:
        ids = id_keys(contributor)
        name = name_key(contributor)
        earlier: set[str] = set()
        seen = False
        for key in ids:
            if key in by_id:
                seen = True
                earlier |= by_id[key]
        names = by_name_without_id if ids else by_name
        if name is not None and name in names:
            seen = True
            earlier |= names[name]
        if seen:
            yield contributor, frozenset(earlier)
        roles = roles_of(contributor)
        for key in ids:
            by_id.setdefault(key, set()).update(roles)
        if name is not None:
            by_name.setdefault(name, set()).update(roles)
            if not ids:
                by_name_without_id.setdefault(name, set()).update(roles)
