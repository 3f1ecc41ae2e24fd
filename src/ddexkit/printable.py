"""Text from a delivery made safe to print on a terminal.

File names and message values come from untrusted deliveries. Printed as they are, control
characters in them steer the terminal that shows the report: ``ESC [ 2 K`` erases the line
that said "needs fixes", ``ESC ] 0 ;`` retitles the window, a newline forges a line of the
report, a C1 control (U+009B is an 8-bit CSI; XML 1.0 allows it in text) does what ESC does,
and the bidirectional overrides (U+202A–U+202E, U+2066–U+2069) reorder what follows them so
that the line reads otherwise than it is. Every human-readable output passes such text through
``printable``, which writes those characters as Python escapes (``\\x1b``, ``\\u202e``): the
reader sees that they are there, and the machine formats (JSON, SARIF) keep the true value.
Tabs stay: they only move the cursor right.
"""

from __future__ import annotations

import re

_STEERING = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every character that would steer a terminal written as its escape."""
    return _STEERING.sub(_escaped, text)
