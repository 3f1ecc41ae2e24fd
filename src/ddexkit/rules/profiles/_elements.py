"""What the profile rules that read the index share: an indexed element's own name.

The index hands a rule the elements of one name (``Rule.indexes``); a few profile rules
judge where such an element stands (a RightSharePercentage of a RightShare, a flag on a
SoundRecording), which its parent's name tells.
"""

from __future__ import annotations

from typing import Any


def local_name(element: Any) -> str:
    """An lxml element's name without its namespace; "" for None (no parent)."""
    return str(getattr(element, "tag", "")).rpartition("}")[2]
