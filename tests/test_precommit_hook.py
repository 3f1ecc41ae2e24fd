"""The exported pre-commit hook, run for real by pre-commit itself (`pre-commit try-repo`).

pre-commit installs the hook repository into its own virtualenv with pip, so this needs PyPI
(CI has it). try-repo reads a git repository's committed state, so the project's installable
files are copied into a throwaway git repository first: the test sees the working tree as it
is, committed or not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GOOD_ALBUM, OUR_CORPUS, REPO

NOT_DDEX = b'<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"/>\n'
_GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "ddexkit tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "ddexkit tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, **_GIT_IDENTITY}, timeout=60)


def _hook_repository(target: Path) -> Path:
    target.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, target / name)
    shutil.copytree(REPO / "src", target / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"))
    _git(target, "init", "--quiet")
    _git(target, "add", "--all")
    _git(target, "commit", "--quiet", "--message", "hook under test")
    return target


def _user_repository(target: Path) -> Path:
    target.mkdir()
    shutil.copyfile(GOOD_ALBUM, target / "clean.xml")
    shutil.copyfile(OUR_CORPUS / "broken" / "bad_deal.xml", target / "broken.xml")
    (target / "pom.xml").write_bytes(NOT_DDEX)
    (target / "notes.txt").write_text("not XML, so pre-commit does not pass it\n")
    _git(target, "init", "--quiet")
    _git(target, "add", "--all")
    return target


def test_the_manifest_declares_the_hook() -> None:
    manifest = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: ddexkit-validate\n" in manifest
    assert "entry: ddexkit validate --skip-non-ddex\n" in manifest
    assert "language: python\n" in manifest and "types: [xml]\n" in manifest
    assert "verbose: true\n" in manifest  # warnings show on a passing commit too


def test_readme_shows_the_hook_snippet() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "id: ddexkit-validate" in readme and ".pre-commit-config.yaml" in readme


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_runs_the_hook(tmp_path: Path) -> None:
    hook = _hook_repository(tmp_path / "hook")
    user = _user_repository(tmp_path / "user")
    env = {**os.environ, **_GIT_IDENTITY, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "NO_COLOR": "1"}
    env.pop("DDEXKIT_SCHEMA_DIR", None)  # as on a user's machine without the XSD

    def try_repo(*files: str, verbose: bool = True) -> subprocess.CompletedProcess[str]:
        selection = ["--files", *files] if files else ["--all-files"]
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hook), "ddexkit-validate",
             *(["--verbose"] if verbose else []), *selection],
            cwd=user, env=env, capture_output=True, text=True, timeout=900, check=False,
        )

    failing = try_repo()
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "ddexkit validate (DDEX ERN 3.8.2)" in output and "Failed" in output
    assert ("broken.xml:313:11: TER501 [error] [*] TerritoryCode 'UK' is not a territory code"
            in output)
    assert "broken.xml: needs fixes" in output
    assert "clean.xml: ready" in output
    assert "skipped pom.xml: its root <project> is in namespace" in output
    assert "notes.txt" not in output

    # Warnings (no XSD here) do not fail a commit, and the hook shows them on a passing
    # commit without the user asking (verbose: true in the manifest).
    passing = try_repo("clean.xml", "pom.xml", verbose=False)
    output = passing.stdout + passing.stderr
    assert passing.returncode == 0, output
    assert "Passed" in output and "ERN007 [warning]" in output


def test_the_readme_rev_is_this_version_with_its_changelog_section() -> None:
    """README's pre-commit `rev:` names the release tag of this version, which the changelog
    describes (each tag has its section)."""
    import re

    from ddexkit import __version__

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"rev: (v[0-9.]+)", readme) == [f"v{__version__}"]
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}] - " in changelog
