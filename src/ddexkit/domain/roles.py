"""Which artist roles lead a release: MainArtist, and for classical music its lead roles.

Classical releases credit the work's composer, the conductor, the orchestra or ensemble and
the soloists in place of a "main artist" (DDEX's classical release profiles); ROL601 and
ROL602 share this reading.
"""

from __future__ import annotations

from collections.abc import Iterable

# Display-artist roles that lead a classical release, as MainArtist leads any other one.
CLASSICAL_LEAD_ROLES = frozenset({"Composer", "Conductor", "Orchestra", "Ensemble", "Soloist"})
CLASSICAL_RELEASE_TYPES = frozenset({"ClassicalAlbum"})


def is_classical(release_types: Iterable[str], release_profile: str | None) -> bool:
    """A release is classical when its ReleaseType is ClassicalAlbum or the message follows a
    classical release profile (a ReleaseProfileVersionId naming "Classical")."""
    if release_profile is not None and "classical" in release_profile.casefold():
        return True
    return any(name in CLASSICAL_RELEASE_TYPES for name in release_types)


def lead_roles(classical: bool) -> frozenset[str]:
    """The ArtistRoles that count as the lead artist of a (classical or other) release."""
    return frozenset({"MainArtist"}) | (CLASSICAL_LEAD_ROLES if classical else frozenset())
