"""What the Release Profile rules share: how a release names its resources' roles.

A ReleaseResourceReference says in ``ReleaseResourceType`` whether the resource is the
content (PrimaryResource: the tracks) or goes with it (SecondaryResource: the cover). The
XSD gives the attribute no default; where it is left out (PRF005's fault) a reference to a
sound recording or a video counts as primary, so the shape rules still judge the release.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ddexkit.model import Release, Resource, Text

PRIMARY = "PrimaryResource"
SECONDARY = "SecondaryResource"
_CONTENT_KINDS = frozenset({"SoundRecording", "Video"})

# Where each DDEX Release Profile rule comes from, as the rules' Source sections cite it.
PROFILE_VERSIONS = "Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8)"


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


def release_name(release: Release) -> str:
    return f"Release {release.ref or '(no reference)'}"
