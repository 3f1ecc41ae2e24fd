"""Reading a file someone named, safely: only a regular file, and never more than a cap.

Every path that comes from the user or from configuration (a message, a ZIP, a catalog, a
configuration file, a schema file) is read through here. A FIFO would block the open forever
and a device such as /dev/zero never ends, so both are refused before a byte is read; the
cap bounds memory by the input limits rather than by the file's size.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import IO


def open_regular(path: str | Path) -> IO[bytes]:
    """Open ``path`` for reading if it is a regular file (OSError otherwise)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except ValueError:  # a NUL in the name: the OS cannot even be asked
        raise OSError(errno.EINVAL, "the name holds a NUL character, which no file's can",
                      str(path)) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):  # Linux opens a folder for reading; its read fails later
            raise OSError(errno.EISDIR, "it is a folder, not a regular file")
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "it is not a regular file (a pipe, device or socket)")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_bytes(path: str | Path, limit: int) -> tuple[bytes, int]:
    """At most ``limit + 1`` bytes of the file and its size (so an oversized file is never
    read whole, and the caller can tell it is over). Raises OSError when it cannot be read."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        return handle.read(limit + 1), size


def read_capped(path: str | Path, limit: int, what: str) -> bytes:
    """The whole file when it holds at most ``limit`` bytes; OSError (EFBIG) naming ``what``
    it should have been when it is larger."""
    data, _size = read_bytes(path, limit)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit:,} bytes, too large for {what}",
                      str(path))
    return data
