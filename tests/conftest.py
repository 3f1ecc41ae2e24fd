"""Shared fixtures: where ../shared is, the official schema folder, the corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DDEXKIT_SHARED_DIR", REPO.parent / "shared"))
SHARED_SCHEMA_DIR = SHARED / "schemas" / "ern382"
SHARED_CORPUS = SHARED / "corpus"
OUR_CORPUS = REPO / "corpus"
GOOD_ALBUM = OUR_CORPUS / "good" / "album.xml"
NEEDS_SHARED = (
    "needs ../shared (the licensed DDEX XSD and the third-party corpus sit beside the repo "
    "in CI; a fresh clone does not have them)"
)


def shared_schema_dir() -> Path | None:
    """The official XSD folder: $DDEXKIT_SCHEMA_DIR, else ../shared/schemas/ern382, else None."""
    from_env = os.environ.get("DDEXKIT_SCHEMA_DIR")
    for candidate in (Path(from_env) if from_env else None, SHARED_SCHEMA_DIR):
        if candidate is not None and (candidate / "release-notification.xsd").is_file():
            return candidate
    return None


def require_ci_shared() -> None:
    """In CI ../shared must be there: a skip there would hide a broken check."""
    if os.environ.get("CI") and shared_schema_dir() is None:
        pytest.fail("CI must have ../shared beside the repo (schemas and corpus)")


@pytest.fixture(scope="session")
def schema_dir() -> Path:
    found = shared_schema_dir()
    if found is None:
        require_ci_shared()
        pytest.skip(NEEDS_SHARED)
    return found


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not (SHARED_CORPUS / "index.csv").is_file():
        require_ci_shared()
        pytest.skip(NEEDS_SHARED)
    return SHARED_CORPUS


@pytest.fixture
def no_schema_installed(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
                        ) -> None:
    """A machine where the user named no schema and none is installed (ERN007's case)."""
    from ddexkit import xsd

    empty = tmp_path_factory.mktemp("no-schema")
    monkeypatch.delenv(xsd.SCHEMA_DIR_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(empty / "cache"))
    monkeypatch.setattr(xsd, "_REPO_SCHEMA_DIR", empty / "checkout")
