"""The order ERN 3.8.2's XSD gives the children of the elements a fix may add a child to.

An insertion (``issues.Fix.insert``) must land where the schema's sequence wants it, or the
fixed file would not validate: the fix names the children that come before the new one, and
``ddexkit.autofix`` puts it after the last of those the element has. Only the sequences of
the elements fixes insert into are written here (names in the schema's order, read from the
ERN 3.8.2 release-notification XSD, complexTypes TechnicalImageDetails and File; File's
FileName and FilePath are one choice with URL).
"""

from __future__ import annotations

_CHILDREN = {
    "TechnicalImageDetails": (
        "TechnicalResourceDetailsReference", "DrmPlatformType", "ContainerFormat",
        "ImageCodecType", "ImageHeight", "ImageWidth", "AspectRatio", "ColorDepth",
        "ImageResolution", "IsPreview", "PreviewDetails", "FulfillmentDate",
        "ConsumerFulfillmentDate", "FileAvailabilityDescription", "File", "Fingerprint",
    ),
    "File": ("FileName", "FilePath", "URL", "HashSum"),
}


def preceding(parent: str, child: str) -> tuple[str, ...]:
    """The children the schema puts before ``child`` in ``parent`` (KeyError or ValueError
    for an element or child not written here: a rule's mistake, not the input's)."""
    order = _CHILDREN[parent]
    return order[:order.index(child)]
