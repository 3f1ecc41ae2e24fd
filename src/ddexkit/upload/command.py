"""``ddexkit upload PLAN.json`` and ``ddexkit upload login``: lines for people, exit codes.

Why the command line's part lives here: the CLI imports this module only inside its upload
subcommand, so a ddexkit without the upload extra (no httpx) still runs every other command,
and this one says in one line what to install. Exit codes: 0 the plan was delivered and the
ingest reported no error, 1 the ingest reported an error (or refused a step with its errors),
2 a usage or transport problem (no token, a refused token, a bad or changed plan, an API
that does not answer), 130 interrupted. On 2 and 130 the steps done are recorded: the same
command resumes.
"""

from __future__ import annotations

import getpass
import os
import sys

from ddexkit.printable import printable
from ddexkit.upload.api import DEFAULT_ATTEMPTS, check_api_url, login
from ddexkit.upload.credentials import TOKEN_VARIABLE, find_token, store_token
from ddexkit.upload.errors import UploadError
from ddexkit.upload.runner import UploadResult, upload

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
USERNAME_VARIABLE, PASSWORD_VARIABLE = "DDEXKIT_API_USERNAME", "DDEXKIT_API_PASSWORD"


def _say(line: str) -> None:
    """A line of progress: file names from the plan and the API's answers are printable."""
    sys.stdout.write(printable(line) + "\n")
    sys.stdout.flush()  # progress of a long upload shows as it happens, also in a pipe


def _note(line: str) -> None:
    sys.stderr.write(f"ddexkit: {printable(line)}\n")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _closing_line(result: UploadResult) -> str:
    """One line that agrees with the exit code: delivered, with errors, or refused."""
    errors = sum(1 for i in result.issues if i.severity == "error")
    verdict = ("refused by the ingest" if result.rejected else
               "delivered, with ingest errors" if errors else "delivered")
    return (f"upload {verdict}: {_plural(result.sent, 'step')} sent, {result.skipped} done "
            f"before; ingest: {_plural(errors, 'error')}, "
            f"{_plural(len(result.issues) - errors, 'warning')}")


def run_upload(plan: str, *, api_url: str, attempts: int = DEFAULT_ATTEMPTS) -> int:
    """Deliver ``plan`` to ``api_url`` with the token of $DDEXKIT_API_TOKEN or of login."""
    try:
        url = check_api_url(api_url)
        token = find_token(url)
        if not token:
            raise UploadError(f"no API token for {url}: set {TOKEN_VARIABLE}, or run "
                              f"`ddexkit upload login --api-url {url}` once")
        result = upload(plan, api_url=url, token=token, attempts=attempts, say=_say,
                        note=_note)
    except UploadError as error:
        _note(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _note("interrupted; the steps done are recorded: run the same command to resume")
        return EXIT_INTERRUPTED
    _say(_closing_line(result))
    return EXIT_ERRORS if result.blocking else EXIT_OK


def _ask(variable: str, prompt: str, *, secret: bool) -> str:
    """A value from the environment, else asked on the terminal (never echoed if secret)."""
    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin.isatty():
        raise UploadError(f"{prompt}: no terminal to ask on; set {variable}")
    return getpass.getpass(f"{prompt}: ") if secret else input(f"{prompt}: ")


def run_login(*, api_url: str, username: str | None = None) -> int:
    """POST /api/v1/login, then keep the token for ``api_url`` (mode 0600)."""
    try:
        url = check_api_url(api_url)
        name = username or _ask(USERNAME_VARIABLE, "username", secret=False)
        password = _ask(PASSWORD_VARIABLE, "password", secret=True)
        path = store_token(url, login(url, name, password))
    except UploadError as error:
        _note(str(error))
        return EXIT_USAGE
    _say(f"logged in to {url} as {name}; the token is kept in {path} (readable by you only)")
    return EXIT_OK
