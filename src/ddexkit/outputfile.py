"""Writing what ddexkit produces (a report, a release ZIP) without ever losing what was there.

One way for every output, because each mistake here destroys something the user had:

- an output that *is* one of the inputs (the ERN, an asset, a report's input), or that lies
  inside the asset folder where it would be packaged, is refused before anything is written;
- a regular file is written beside its final name and renamed over it in one step, so the
  final name holds either the old file or the whole new one, never a part of either;
- a symbolic link keeps being a link: its target is written that way instead;
- ``-``, a character device (``/dev/stdout``) or a FIFO is written straight to, not replaced;
- a new file gets the permissions any tool would give it (0666 less the umask);
- without ``overwrite`` the final name is created exclusively, so of two runs racing for one
  output exactly one wins;
- the temporary part carries our process id: parts left by a process that no longer runs
  (``kill -9``) are removed by the next run, and SIGTERM removes its own before exiting.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

STANDARD_OUTPUT = "-"
_PART_SUFFIX = ".part"


class OutputError(Exception):
    """An output cannot be written where it was asked for; the message says what and where."""


def same_file_key(path: str | Path) -> str:
    """The path as the file system sees it: links and ``..`` resolved, case folded where the
    system is case-insensitive (macOS, Windows), so two spellings of one file compare equal."""
    return os.path.normcase(os.path.realpath(path))


def refuse_inputs(output: str | Path, inputs: Iterable[tuple[str | Path, str]] = (),
                  folders: Iterable[tuple[str | Path, str]] = ()) -> None:
    """Raise OutputError when ``output`` is one of ``inputs`` (path, what it is) or inside one
    of ``folders`` (path, what it is). ``-`` and devices are never inputs."""
    if str(output) == STANDARD_OUTPUT:
        return
    key = same_file_key(output)
    for given, role in inputs:
        if same_file_key(given) == key:
            raise OutputError(f"{output}: is {role}; writing there would destroy it; "
                              "choose another output")
    for folder, role in folders:
        root = same_file_key(folder)
        if key == root or key.startswith(root.rstrip(os.sep) + os.sep):
            raise OutputError(f"{output}: is inside {role} {folder}, where it would be taken "
                              "as one of the files; choose an output outside it")


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _part_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{_PART_SUFFIX}")


def _process_is_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # someone else's process: alive
        return False
    return False


def remove_stale_parts(target: Path) -> None:
    """Remove our own temporary parts for ``target`` left by a process that no longer runs."""
    prefix = f".{target.name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(_PART_SUFFIX)):
                continue
            middle = name[len(prefix):-len(_PART_SUFFIX)].split(".")
            if len(middle) == 2 and middle[0].isdigit() and _process_is_gone(int(middle[0])):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


class _Terminated(BaseException):
    """SIGTERM while an output is being written: unwinds so that the part is removed."""


@contextlib.contextmanager
def _removed_on_sigterm() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, previous)
        raise SystemExit(128 + signal.SIGTERM) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def explain_write_error(path: str | Path, error: OSError, what: str) -> OutputError:
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EFBIG: "the file size limit (ulimit -f) is reached",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENAMETOOLONG: "the name is longer than the system allows",
        errno.ENOENT: "its folder does not exist",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.EISDIR: "it is a folder; name the file to write",
        errno.EEXIST: "it already exists",
    }.get(error.errno or 0, error.strerror or str(error))
    return OutputError(f"{path}: cannot write {what} ({reason}); nothing was changed there")


@contextlib.contextmanager
def open_output(path: str | Path, what: str, *, overwrite: bool = True) -> Iterator[IO[bytes]]:
    """A binary stream whose bytes end up at ``path`` only if the block completes.

    ``what`` names the output in messages ("the report", "the release ZIP"). Any OSError is
    an OutputError naming the path and the reason; nothing partial is left behind.
    """
    if str(path) == STANDARD_OUTPUT:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    given = Path(path)
    try:
        mode = os.stat(given).st_mode  # follows a link to what it names
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise explain_write_error(path, error, what) from error
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        try:
            with open(given, "wb") as device:  # a terminal, /dev/stdout, a pipe: stream to it
                yield device
        except OSError as error:
            raise explain_write_error(path, error, what) from error
        return
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a folder; name the file to write {what} to")
    if mode is not None and not overwrite:
        raise OutputError(f"{path}: already exists; choose another output or allow overwriting")
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    remove_stale_parts(target)
    part = _part_name(target)
    try:
        with _removed_on_sigterm():
            try:
                descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                with os.fdopen(descriptor, "wb") as stream:
                    yield stream
                    stream.flush()
                    os.fsync(stream.fileno())
                if mode is not None:  # keep the old file's permissions
                    os.chmod(part, stat.S_IMODE(mode))
                else:
                    os.chmod(part, 0o666 & ~_umask())
                _publish(part, target, overwrite)
            except OSError as error:
                if error.filename not in (None, str(part), str(target)):
                    raise  # reading an input inside the block failed: not about the output
                raise explain_write_error(path, error, what) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(part)


def _publish(part: Path, target: Path, overwrite: bool) -> None:
    """Give the finished part its final name: replacing what is there, or only if nothing is
    (a hard link fails when the name exists, so two racing runs cannot both win)."""
    if overwrite:
        os.replace(part, target)
        return
    try:
        os.link(part, target)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # No hard links here (some network and FAT file systems): reserve the name instead.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        os.replace(part, target)
