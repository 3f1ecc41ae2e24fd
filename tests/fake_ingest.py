"""A distributor's ingest API on 127.0.0.1, in a thread, for the upload client's tests.

It implements the documented endpoints and limits (release ZIP ≤ 50,000 KB, artwork ≤ 50 MB,
file parts ≤ 10 MB, login, status) and records what it accepted: each request's form fields
and the size and digests of its file part, and per upload_id the digest of the parts joined in
the order received, so a test can check the parts rebuild the file. It can fail on purpose:
``fail_at`` answers the n-th accepted request with 503 (``fail_times`` times, or always),
``drop_at`` closes that request's connection without an answer, ``hold_at`` keeps it
waiting until released (while the test kills the client), then drops it.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from ddexkit.limits import ARTWORK_LIMIT_BYTES, FILE_UPLOAD_LIMIT_BYTES, RELEASE_LIMIT_BYTES

TOKEN = "tok-3c9e1f0a7b5d4e2c8f6a"
RELEASE_ID = "rel-42"
TRACK_IDS = {"GBAYE2400001": "trk-1", "GBAYE2400002": "trk-2", "GBAYE2400003": "trk-3"}
USERNAME, PASSWORD = "label@example.com", "correct horse"


@dataclass(frozen=True, slots=True)
class Received:
    """One accepted request: where it went, its fields, and its file part's facts."""

    method: str
    endpoint: str
    fields: dict[str, str]
    filename: str | None
    size: int
    md5: str
    sha256: str


@dataclass
class FakeIngest:
    """The fake API and what it saw; a context manager that serves it."""

    release_limit: int = RELEASE_LIMIT_BYTES
    image_limit: int = ARTWORK_LIMIT_BYTES
    file_limit: int = FILE_UPLOAD_LIMIT_BYTES
    release_answer: dict[str, object] = field(default_factory=lambda: {
        "release_id": RELEASE_ID, "track_ids": dict(TRACK_IDS), "errors": [],
        "warnings": [{"code": "W210", "message": "Label name is not in the label list",
                      "field": "label"}], "ready": True})
    release_status: int = 201
    fail_at: int | None = None
    fail_times: int | None = None  # None: always
    drop_at: int | None = None
    hold_at: int | None = None
    accepted: list[Received] = field(default_factory=list)
    refused: list[tuple[str, int]] = field(default_factory=list)  # (path, status)
    sessions: dict[str, hashlib._Hash] = field(default_factory=dict)
    finished: set[str] = field(default_factory=set)
    status_requests: int = 0
    held: threading.Event = field(default_factory=threading.Event)
    release_hold: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FakeIngest:
        ingest = self

        class Handler(_Handler):
            api = ingest

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                         daemon=True).start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        assert self._server is not None
        self.release_hold.set()
        self._server.shutdown()
        self._server.server_close()

    def upload_digest(self, upload_id: str) -> str:
        return self.sessions[upload_id].hexdigest()


def _form(body: bytes, content_type: str) -> dict[str, tuple[str | None, bytes]]:
    """name → (filename, value) of a multipart/form-data body (no parser in the stdlib
    reads 10 MB of binary quickly: the email parser goes line by line)."""
    boundary = content_type.split("boundary=", 1)[1].encode("ascii")
    sections = body.split(b"--" + boundary)
    assert sections[0] == b"" and sections[-1] == b"--\r\n", "not a whole multipart body"
    found: dict[str, tuple[str | None, bytes]] = {}
    for section in sections[1:-1]:
        head, _, value = section[2:].partition(b"\r\n\r\n")
        assert value.endswith(b"\r\n")
        disposition = head.decode("utf-8").split("\r\n")[0]
        params = dict(part.strip().split("=", 1) for part in disposition.split(";")[1:])
        name = params["name"].strip('"')
        filename = params["filename"].strip('"') if "filename" in params else None
        found[name] = (filename, value[:-2])
    return found


class _Handler(BaseHTTPRequestHandler):
    api: FakeIngest
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet in tests
        return

    def _answer(self, status: int, body: dict[str, object]) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorised(self) -> bool:
        if self.headers.get("Authorization") == f"Bearer {TOKEN}":
            return True
        self._answer(401, {"error": "invalid token"})
        return False

    def do_GET(self) -> None:
        if not self._authorised():
            return
        if self.path != f"/api/v1/release/{RELEASE_ID}":
            self._answer(404, {"error": "no such release"})
            return
        self.api.status_requests += 1
        complete = len(self.api.finished)
        self._answer(200, {"release_id": RELEASE_ID, "status": "processing",
                           "files_complete": complete, "errors": [], "warnings": []})

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None or self.headers.get("Transfer-Encoding"):
            self._answer(411, {"error": "Content-Length required"})
            return None
        body = self.rfile.read(int(length))
        if len(body) < int(length):  # the client stopped mid-body: nothing to answer
            self.close_connection = True
            return None
        return body

    def do_POST(self) -> None:
        body = self._body()
        if body is None:
            return
        if self.path == "/api/v1/login":
            given = json.loads(body)
            if (given.get("username"), given.get("password")) == (USERNAME, PASSWORD):
                self._answer(200, {"token": TOKEN})
            else:
                self._answer(401, {"error": "bad credentials"})
            return
        if not self._authorised():
            return
        if self._failing_on_purpose():
            return
        form = _form(body, self.headers["Content-Type"])
        routes = {"/api/v1/release": self._release, "/api/v1/release/image": self._image,
                  "/api/v1/file/upload": self._file}
        route = routes.get(self.path)
        if route is None:
            self._answer(404, {"error": "no such endpoint"})
            return
        route(form)

    def _failing_on_purpose(self) -> bool:
        api = self.api
        number = len(api.accepted) + 1
        held = api.hold_at == number
        if held:  # the client is killed meanwhile: this request is never accepted
            api.held.set()
            api.release_hold.wait(30)
        if api.drop_at == number or held:
            api.drop_at = None
            self.close_connection = True
            self.connection.close()
            return True
        if api.fail_at == number and api.fail_times != 0:
            if api.fail_times is not None:
                api.fail_times -= 1
            api.refused.append((self.path, 503))
            self._answer(503, {"error": "try again later"})
            return True
        return False

    def _too_large(self, data: bytes, limit: int) -> bool:
        if len(data) <= limit:
            return False
        self.api.refused.append((self.path, 413))
        self._answer(413, {"error": f"payload over {limit} bytes"})
        return True

    def _accept(self, form: dict[str, tuple[str | None, bytes]], file_field: str) -> Received:
        filename, data = form[file_field]
        received = Received(
            method=self.command, endpoint=self.path, filename=filename, size=len(data),
            fields={k: v.decode("utf-8") for k, (name, v) in form.items() if name is None},
            md5=hashlib.md5(data).hexdigest(), sha256=hashlib.sha256(data).hexdigest())
        with self.api._lock:
            self.api.accepted.append(received)
        return received

    def _release(self, form: dict[str, tuple[str | None, bytes]]) -> None:
        if self._too_large(form["file"][1], self.api.release_limit):
            return
        self._accept(form, "file")
        self._answer(self.api.release_status, self.api.release_answer)

    def _image(self, form: dict[str, tuple[str | None, bytes]]) -> None:
        if form["release_id"][1].decode() != RELEASE_ID:
            self._answer(400, {"errors": [{"message": "unknown release_id"}]})
        elif not self._too_large(form["artwork"][1], self.api.image_limit):
            self._accept(form, "artwork")
            self._answer(200, {"release_id": RELEASE_ID, "errors": [], "warnings": []})

    def _file(self, form: dict[str, tuple[str | None, bytes]]) -> None:
        if form["release_id"][1].decode() != RELEASE_ID:
            self._answer(400, {"errors": [{"message": "unknown release_id"}]})
            return
        if self._too_large(form["file"][1], self.api.file_limit):
            return
        upload_id = form["upload_id"][1].decode()
        if upload_id in self.api.finished:
            self._answer(409, {"errors": [{"message": f"upload {upload_id} is complete"}]})
            return
        self._accept(form, "file")
        self.api.sessions.setdefault(upload_id, hashlib.sha256()).update(form["file"][1])
        if form["is_last"][1] == b"true":
            self.api.finished.add(upload_id)
        self._answer(200, {"upload_id": upload_id, "errors": [], "warnings": []})
