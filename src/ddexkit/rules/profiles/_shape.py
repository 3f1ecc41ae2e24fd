"""What the Release Profile rules share: how a release names its resources' roles, and
the finding of a main release whose type is not the profile's.

A ReleaseResourceReference says in ``ReleaseResourceType`` whether the resource is the
content (PrimaryResource: the tracks) or goes with it (SecondaryResource: the cover). The
XSD gives the attribute no default; where it is left out (PRF005's fault) a reference to a
sound recording or a video counts as primary, so the shape rules still judge the release.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ddexkit.issues import Finding
from ddexkit.model import Release, Resource, Text
from ddexkit.rules.base import RuleContext

PRIMARY = "PrimaryResource"
SECONDARY = "SecondaryResource"
_CONTENT_KINDS = frozenset({"SoundRecording", "Video"})


def resource_type(reference: Text) -> str | None:
    """The reference's ReleaseResourceType as written (stripped), None when absent."""
    value = reference.attrs.get("ReleaseResourceType")
    return value.strip() if value is not None else None


def is_primary(reference: Text, resources: Mapping[str, Resource]) -> bool:
    kind = resource_type(reference)
    if kind is not None:
        return kind == PRIMARY
    resource = resources.get(reference.stripped)
    return resource is not None and resource.kind in _CONTENT_KINDS


def primary_references(release: Release, resources: Mapping[str, Resource]) -> Iterator[Text]:
    """The ReleaseResourceReferenceList entries that name a primary resource, each
    reference once (the first place it is written)."""
    seen: set[str] = set()
    for reference in release.resource_references:
        value = reference.stripped
        if value and value not in seen and is_primary(reference, resources):
            seen.add(value)
            yield reference


def not_of_type(release: Release, context: RuleContext, *, expected: str, profile: str,
                other: str) -> Iterator[Finding]:
    """The finding of PRF012 and PRF014: the main release is not of the ReleaseType
    ``expected`` that the profile ``profile`` delivers; ``other`` names the ddexkit profile
    of the other audio type, for the hint."""
    if expected in release.type_names:
        return
    types = ", ".join(sorted(release.type_names)) or "no ReleaseType"
    written = release.release_types[0] if release.release_types else None
    yield Finding(
        at=written.loc if written is not None else release.loc,
        message=f"{context.main_release_name(release)} has {types}, not {expected}, under "
        f"the {profile} profile",
        hint=f"Write <ReleaseType>{expected}</ReleaseType>, or deliver the release under the "
        f"profile of its type ({other})",
    )
