"""The distributor's API over HTTP: authenticated requests, bounded retries, answers judged.

Why retries are bounded and only for some failures: a timeout, a dropped connection or a 5xx
says nothing about the request and may pass, so it is tried again after a growing pause; a
4xx is the API's answer to this very request and would be the same again, so it never is.
The token goes only to the API named by --api-url: plain http is refused except to the
loopback, redirects are not followed, and the token is blanked out of any text we show.
"""

from __future__ import annotations

import ipaddress
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from ddexkit._version import __version__
from ddexkit.upload.errors import IngestRejected, UploadError
from ddexkit.upload.payload import form_body
from ddexkit.upload.planfile import PlannedStep

LOGIN_ENDPOINT = "/api/v1/login"
DEFAULT_ATTEMPTS = 4
_MAX_PAUSE_SECONDS = 60.0
_EXCERPT_CHARS = 200


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_api_url(url: str) -> str:
    """``url`` without a trailing slash, or UploadError when no token should go there."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise UploadError(f"--api-url {url}: not an http(s) URL; give the API's address, "
                          "e.g. https://api.example.com")
    if parts.query or parts.fragment:
        raise UploadError(f"--api-url {url}: give the API's address without ? or #")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise UploadError(f"--api-url {url}: plain http would send the token unencrypted; "
                          "use https:// (http:// only for localhost)")
    return url.rstrip("/")


@dataclass(frozen=True, slots=True)
class Answer:
    """A 2xx answer: its status and its JSON object (empty when it sent none)."""

    status: int
    body: dict[str, object]


def _json_object(response: httpx.Response) -> dict[str, object]:
    """The answer's JSON object; an answer that is not one (HTML from a proxy) reads as {}."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class Api:
    """One API, one token: each request tried at most ``attempts`` times, pausing
    ``backoff`` seconds, then twice that, and so on (at most a minute, or what a 503's
    Retry-After asks), with ``on_retry`` told why."""

    def __init__(self, api_url: str, token: str, *, attempts: int = DEFAULT_ATTEMPTS,
                 backoff: float = 1.0, timeout: float = 60.0,
                 on_retry: Callable[[str], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.api_url = check_api_url(api_url)
        self._token = token
        self._attempts = max(1, attempts)
        self._backoff = backoff
        self._on_retry = on_retry
        self._sleep = sleep
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=False,
            headers={"Authorization": f"Bearer {token}",
                     "User-Agent": f"ddexkit/{__version__}", "Accept": "application/json"})

    def close(self) -> None:
        self._client.close()

    def redact(self, text: str) -> str:
        """``text`` with the token blanked out: an answer or an error may echo it back."""
        return text.replace(self._token, "[token]") if self._token else text

    def send_step(self, planned: PlannedStep, fields: Sequence[tuple[str, str]],
                  what: str) -> Answer:
        """Send the step's form (``fields``, then its byte range as the file part)."""
        body = form_body(planned, fields)
        url = self.api_url + planned.step.endpoint
        headers = {"Content-Type": body.content_type, "Content-Length": str(len(body))}

        def attempt() -> httpx.Response:  # a fresh stream each time: a body is read once
            request = self._client.build_request(planned.step.method, url,
                                                 content=body.stream(), headers=headers)
            return self._client.send(request)

        return self._judge(self._retrying(what, attempt), what, planned.step.bytes)

    def get(self, path: str, what: str) -> Answer:
        """GET ``path``, retried as any request; safe to repeat, it changes nothing."""
        return self._judge(self._retrying(what, lambda: self._client.get(self.api_url + path)),
                           what, None)

    def _pause(self, attempt: int, response: httpx.Response | None) -> float:
        """Doubling from ``backoff``, so a struggling API gets room; a 503's Retry-After
        (seconds) is the API saying how much; never more than a minute."""
        pause = self._backoff * 2.0 ** (attempt - 1)
        asked = response.headers.get("Retry-After", "") if response is not None else ""
        if asked.isdigit():
            pause = max(pause, float(asked))
        return min(pause, _MAX_PAUSE_SECONDS)

    def _retrying(self, what: str, attempt: Callable[[], httpx.Response]) -> httpx.Response:
        """The first answer below 500; UploadError once every attempt failed."""
        for number in range(1, self._attempts + 1):
            response: httpx.Response | None = None
            try:
                response = attempt()
            except httpx.TransportError as error:  # timeouts, refused or dropped connections
                failure = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            except httpx.HTTPError as error:  # an answer that cannot be decoded: not transient
                raise UploadError(self.redact(f"{what}: {type(error).__name__}: {error}")) from None
            else:
                if response.status_code < 500:
                    return response
                failure = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
            failure = self.redact(failure)
            if number == self._attempts:
                raise UploadError(f"{what}: {failure}, {self._attempts} times; the steps done "
                                  "are recorded: run the same command again to resume")
            pause = self._pause(number, response)
            if self._on_retry is not None:
                self._on_retry(f"{what}: {failure}; trying again in {pause:g} s "
                               f"({number + 1} of {self._attempts})")
            self._sleep(pause)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _judge(self, response: httpx.Response, what: str, size: int | None) -> Answer:
        """A 2xx as its answer; anything else as the one-line error it means."""
        status = response.status_code
        if 200 <= status < 300:
            return Answer(status, _json_object(response))
        if status == 401:
            raise UploadError(f"{what}: the API refused the token (401 Unauthorized); log in "
                              f"again with `ddexkit upload login --api-url {self.api_url}` or "
                              "set DDEXKIT_API_TOKEN")
        if status == 413:
            sent = f"the payload of {size:,} bytes" if size is not None else "the request"
            raise UploadError(f"{what}: the API refused {sent} as too large (413); its limits "
                              "are lower than the plan's (50,000 KB release ZIP, 50 MB artwork, "
                              "10 MB parts): ask the distributor for them")
        body = _json_object(response)
        if 400 <= status < 500 and isinstance(body.get("errors"), list) and body["errors"]:
            raise IngestRejected(body, status)
        if 300 <= status < 400:
            raise UploadError(f"{what}: the API answered {status}, a redirect to "
                              f"{self.redact(response.headers.get('Location', '?'))}; give "
                              "that address as --api-url")
        excerpt = " ".join(self.redact(response.text[:_EXCERPT_CHARS]).split())
        raise UploadError(f"{what}: HTTP {status} {response.reason_phrase}"
                          f"{': ' + excerpt if excerpt else ''}")


def login(api_url: str, username: str, password: str, *, timeout: float = 60.0) -> str:
    """POST /api/v1/login with the user's name and password; the token it answers."""
    url = check_api_url(api_url)
    what = f"POST {LOGIN_ENDPOINT}"
    try:
        with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False) as client:
            response = client.post(url + LOGIN_ENDPOINT,
                                   json={"username": username, "password": password})
    except httpx.TransportError as error:
        raise UploadError(f"{what}: {type(error).__name__}: {error}") from None
    if response.status_code in {401, 403}:
        raise UploadError(f"{what}: the API refused the username or password "
                          f"({response.status_code})")
    body = _json_object(response) if response.is_success else {}
    token = body.get("token", body.get("access_token"))
    if not isinstance(token, str) or not token:
        raise UploadError(f"{what}: HTTP {response.status_code}: the answer holds no token "
                          "('token' or 'access_token')")
    return token
