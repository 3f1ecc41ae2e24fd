"""Where the API token lives: the environment, or a file in the user's configuration folder.

Why a file of our own, mode 0600: ``ddexkit upload login`` must keep the token between runs,
and nothing else on the machine should read it. It is kept per API URL, so a token for one
distributor is never sent to another. It is never printed, and never written to the plan,
the state file or a log.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from ddexkit.upload.errors import UploadError

TOKEN_VARIABLE = "DDEXKIT_API_TOKEN"


def credentials_path() -> Path:
    """$XDG_CONFIG_HOME/ddexkit/credentials.json (default ~/.config/ddexkit/credentials.json)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "ddexkit" / "credentials.json"


def _stored() -> dict[str, str]:
    """API URL → token of the credentials file; a damaged file says how to start again."""
    path = credentials_path()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise UploadError(f"{path}: cannot read the stored tokens ({type(error).__name__}); "
                          "remove the file and run `ddexkit upload login` again") from None
    tokens = document.get("tokens") if isinstance(document, dict) else None
    if not isinstance(tokens, dict):
        raise UploadError(f"{path}: not a ddexkit credentials file; remove it and run "
                          "`ddexkit upload login` again")
    return {url: token for url, token in tokens.items()
            if isinstance(url, str) and isinstance(token, str)}


def find_token(api_url: str) -> str | None:
    """The token for ``api_url``: $DDEXKIT_API_TOKEN if set, else the one stored at login."""
    return os.environ.get(TOKEN_VARIABLE) or _stored().get(api_url)


def store_token(api_url: str, token: str) -> Path:
    """Keep ``token`` for ``api_url``, readable by the user only; written beside its final
    name and renamed over it, so the file is never half written nor briefly readable."""
    path = credentials_path()
    tokens = _stored()
    tokens[api_url] = token
    text = json.dumps({"tokens": dict(sorted(tokens.items()))}, indent=2) + "\n"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with contextlib.suppress(FileNotFoundError):  # left by a killed run of this pid
            os.unlink(part)
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(part, path)
    except OSError as error:
        raise UploadError(f"{path}: cannot store the token ({error.strerror})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(part)
    return path
