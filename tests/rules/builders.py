"""Cases that cannot be committed files: each builder returns the bytes or the path to check.

``which`` is "bad" or "good"; ``folder`` is a fresh temporary folder for the case.
"""

from __future__ import annotations

from pathlib import Path

from ddexkit.safexml import MAX_MESSAGE_BYTES

GOOD_ALBUM = Path(__file__).resolve().parents[2] / "corpus" / "good" / "album.xml"


def oversized_message(which: str, folder: Path) -> Path:
    """ERN008: the clean album, padded with a comment to just over (or under) the limit."""
    album = GOOD_ALBUM.read_bytes()
    target = MAX_MESSAGE_BYTES + 1 if which == "bad" else len(album) + 1024
    padding = b"<!--" + b" " * (target - len(album) - 8) + b"-->\n"
    path = folder / f"{which}.xml"
    path.write_bytes(album + padding)
    return path
