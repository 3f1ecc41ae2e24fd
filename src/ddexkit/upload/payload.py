"""A step's bytes: checked against the plan, then streamed as a multipart/form-data body.

Why by hand rather than the HTTP client's ``files=``: a step is a byte range of a larger file
(an audio part), and the body must be streamed from that range chunk by chunk with its exact
Content-Length known up front (servers that take no chunked uploads exist). Building the
form ourselves makes both plain: a preamble, the range, an epilogue.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ddexkit.media import CHUNK_BYTES, hash_stream
from ddexkit.upload.errors import UploadError
from ddexkit.upload.planfile import PlannedStep

_CONTENT_TYPES = {".zip": "application/zip", ".xml": "application/xml",
                  ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
                  ".wav": "audio/wav", ".flac": "audio/flac", ".mp3": "audio/mpeg"}


def _step_place(planned: PlannedStep) -> str:
    """The step and its byte range, as messages about its bytes name them."""
    return (f"step {planned.number} ({planned.path}, {planned.step.bytes:,} bytes from "
            f"{planned.step.offset:,})")


def verify_range(planned: PlannedStep) -> None:
    """Raise UploadError unless the step's byte range still has the planned MD5 and SHA-256:
    a file changed since the plan was made would deliver bytes nobody checked."""
    step = planned.step
    try:
        with planned.path.open("rb") as reader:
            size = os.fstat(reader.fileno()).st_size
            if size < step.offset + step.bytes:
                raise UploadError(f"{_step_place(planned)}: the file has {size:,} bytes, fewer "
                                  "than the plan names; it changed since it was planned: plan "
                                  "again")
            reader.seek(step.offset)
            sums = hash_stream(reader, ("md5", "sha256"), limit=step.bytes)
    except FileNotFoundError:
        raise UploadError(f"{_step_place(planned)}: no such file; run the upload from where the "
                          "plan's files are, or plan again") from None
    except OSError as error:
        raise UploadError(f"{_step_place(planned)}: cannot read it ({error.strerror})") from None
    if (sums["md5"], sums["sha256"]) != (step.md5, step.sha256):
        raise UploadError(f"{_step_place(planned)}: the bytes changed since the plan was made "
                          "(their digests differ from the plan's); plan again")


def _quoted(value: str) -> str:
    """A form-data parameter value, quoted as browsers do (WHATWG): no quote, CR or LF raw."""
    return value.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


@dataclass(frozen=True, slots=True)
class FormBody:
    """A multipart/form-data body: its Content-Type, exact length and a fresh stream of it."""

    planned: PlannedStep
    fields: tuple[tuple[str, str], ...]
    boundary: str

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def _head(self) -> bytes:
        """The fields, then the file part's headers: everything before the bytes."""
        parts = [f'--{self.boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                 f"{value}\r\n" for name, value in self.fields]
        step = self.planned.step
        filename = _quoted(Path(step.source).name)
        kind = _CONTENT_TYPES.get(Path(step.source).suffix.lower(), "application/octet-stream")
        parts.append(f'--{self.boundary}\r\nContent-Disposition: form-data; name="{step.field}"; '
                     f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n')
        return "".join(parts).encode("utf-8")

    def _tail(self) -> bytes:
        return f"\r\n--{self.boundary}--\r\n".encode("ascii")

    def __len__(self) -> int:
        return len(self._head()) + self.planned.step.bytes + len(self._tail())

    def stream(self) -> Iterator[bytes]:
        """The body, the file's range read chunk by chunk. The range is hashed again as it
        goes: bytes that changed after ``verify_range`` stop the request before its end,
        so the API never receives a complete body that differs from the plan."""
        yield self._head()
        step = self.planned.step
        hasher = hashlib.sha256()
        with self.planned.path.open("rb") as reader:
            reader.seek(step.offset)
            remaining = step.bytes
            while remaining > 0:
                chunk = reader.read(min(CHUNK_BYTES, remaining))
                if not chunk:
                    break
                hasher.update(chunk)
                remaining -= len(chunk)
                if remaining == 0 and hasher.hexdigest() != step.sha256:
                    break
                yield chunk
        if remaining or hasher.hexdigest() != step.sha256:
            raise UploadError(f"{_step_place(self.planned)}: the file changed while it was being "
                              "sent; the request was stopped before its end; plan again")
        yield self._tail()


def form_body(planned: PlannedStep, fields: Sequence[tuple[str, str]]) -> FormBody:
    """The step's form: ``fields`` (name, value) first, then the file part, under a random
    boundary (32 hex digits: it cannot be guessed from, or plausibly occur in, the bytes)."""
    return FormBody(planned, tuple(fields), f"ddexkit-{os.urandom(16).hex()}")
