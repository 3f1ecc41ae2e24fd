"""What can stop an upload, as exceptions the command turns into one line and an exit code.

Why two kinds: a usage or transport failure (a plan that cannot be read, a file changed since
it was planned, a refused token, an API that does not answer) says nothing about the release
(exit 2), while a release the ingest refused with its own errors is a verdict (exit 1)."""

from __future__ import annotations


class UploadError(Exception):
    """The upload cannot go on; the message says what, where and what to do (exit 2)."""


class IngestRejected(Exception):
    """The ingest answered a step with a 4xx carrying its own errors: the release, not the
    transport, is at fault, and sending it again would be refused again (exit 1)."""

    def __init__(self, answer: dict[str, object], status: int) -> None:
        super().__init__(f"the ingest refused the request (HTTP {status})")
        self.answer = answer
        self.status = status
