"""User configuration: ``[tool.ddexkit]`` in pyproject.toml or a ddexkit.toml, found upward
from the working directory (never from the validated input: a delivery is untrusted), or a
file named with ``--config``.

Codes and family prefixes select and ignore rules; when both match a code, the longer prefix
wins (flake8's rule), so ``select = ["TXT"]`` with ``ignore = ["TXT303"]`` keeps TXT301.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ddexkit.issues import Severity
from ddexkit.regularfile import read_capped

_KNOWN_KEYS = frozenset(
    {"select", "ignore", "severity", "per-file-ignores", "schema-dir", "catalog", "strict",
     "isrc-extra-prefixes", "audio-upload", "single-zip", "partner-namespaces", "exclude",
     "profiles", "cache"}
)


# How the track-upload endpoint is read: "parts" (a file over 10 MB is sent as parts of at most
# 10 MB under one upload_id) or "whole" (one file per request, so over 10 MB cannot be sent).
AUDIO_UPLOAD_MODES = ("parts", "whole")


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """ddexkit's settings: rule selection, severities, paths, options (and where from)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    schema_dir: Path | None = None
    catalog: Path | None = None
    strict: bool = False
    isrc_extra_prefixes: tuple[str, ...] = ()
    audio_upload: str = "parts"
    # Deliver as one release ZIP only (no delivery plan): a release that does not fit is AST816.
    single_zip: bool = False
    # ProprietaryId Namespace prefixes the user's partners document besides YOUTUBE: (ID112)
    partner_namespaces: tuple[str, ...] = ()
    # Globs of files and folders a folder walk skips, besides .git, .venv, node_modules…
    exclude: tuple[str, ...] = ()
    # The profiles a verdict is given for (names, or .toml files); none: the default profile.
    profiles: tuple[str, ...] = ()
    # Reuse the reports of unchanged files (``--cache``): a folder, True for the user cache.
    cache: Path | bool = False
    source: Path | None = None

    def is_selected(self, code: str, path: str | None = None) -> bool:
        """Whether a rule runs: the longest matching select/ignore prefix decides (mandatory
        rules run whatever the selection: the engine asks only for the others)."""
        selected = _longest_prefix(code, self.select or ("",))
        ignored = _longest_prefix(code, self.ignore + self._file_ignores(path))
        return selected > ignored

    def severity_for(self, code: str, default: Severity) -> Severity:
        best = -1
        chosen = default
        for prefix, severity in self.severity.items():
            if code.startswith(prefix) and len(prefix) > best:
                best, chosen = len(prefix), severity
        return chosen

    def _file_ignores(self, path: str | None) -> tuple[str, ...]:
        if path is None or not self.per_file_ignores:
            return ()
        candidates = {Path(path).as_posix(), Path(path).name}
        if self.source is not None:
            folder = self.source.parent.resolve()
            resolved = Path(path).resolve()
            if resolved.is_relative_to(folder):
                candidates.add(resolved.relative_to(folder).as_posix())
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores.items():
            if any(fnmatch.fnmatch(candidate, pattern) for candidate in candidates):
                codes.extend(ignored)
        return tuple(codes)

    def prefixes(self) -> Iterable[tuple[str, str]]:
        """Every code or prefix the configuration names, with the key that names it."""
        for key, values in (("select", self.select), ("ignore", self.ignore)):
            for value in values:
                yield key, value
        for value in self.severity:
            yield "severity", value
        for pattern, values in self.per_file_ignores.items():
            for value in values:
                yield f"per-file-ignores {pattern!r}", value

    def check_codes(self, known_codes: Iterable[str]) -> None:
        """Raise ConfigError for a code or prefix that matches no rule, naming the closest."""
        known = sorted(known_codes)
        for key, value in self.prefixes():
            if value and not any(code.startswith(value) for code in known):
                import difflib  # only for the message

                close = difflib.get_close_matches(value, known, n=1)
                suggestion = f"; did you mean {close[0]}?" if close else ""
                where = f"{self.source}: " if self.source else ""
                raise ConfigError(f"{where}{key}: {value!r} matches no rule{suggestion}")

    def check_mandatory(self, mandatory: Iterable[str]) -> None:
        """Raise ConfigError where an ignore or a milder severity would reach a mandatory code
        (one that says the distributor cannot read or will refuse the file)."""
        codes = sorted(mandatory)
        where = f"{self.source}: " if self.source else ""
        for key, value in self.prefixes():
            if key == "select":
                continue
            if key == "severity" and self.severity[value] is not Severity.WARNING:
                continue
            reached = [code for code in codes if code.startswith(value)]
            if reached:
                action = "made a warning" if key == "severity" else "switched off"
                raise ConfigError(
                    f"{where}{key}: {value or 'ALL'!r} would reach {reached[0]}, which cannot be "
                    f"{action}: it says the distributor cannot read or will refuse the file "
                    f"(mandatory: {', '.join(codes)}); name narrower codes")

    def merged(self, **overrides: Any) -> Config:
        """This configuration with command-line values laid over it (None = keep)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _longest_prefix(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def _codes(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of rule codes or prefixes")
    return normalized_codes(value)


def normalized_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Codes and prefixes as select/ignore compare them: upper case, ``ALL`` as every code
    (the empty prefix), the same from the configuration and the command line."""
    return tuple("" if v.strip().upper() == "ALL" else v.strip().upper() for v in values)


def _refuse_nul(where: str, key: str, names: Iterable[str]) -> None:
    """TOML can write "\\u0000", which no file name holds: the OS would refuse it with a
    ValueError, past the OSError every reader expects."""
    if any("\0" in name for name in names):
        raise ConfigError(f"{where}: '{key}' holds a NUL character (\\u0000), which no file "
                          "name can: remove it")


def config_from_table(table: Mapping[str, Any], source: Path | None = None) -> Config:
    """Build a Config from a ``[tool.ddexkit]`` table; paths are relative to its file."""
    where = str(source) if source else "configuration"
    unknown = set(table) - _KNOWN_KEYS
    if unknown:
        name = sorted(unknown)[0]
        import difflib  # only for the message

        close = difflib.get_close_matches(name, sorted(_KNOWN_KEYS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise ConfigError(f"{where}: unknown key '{name}'{hint}")
    base = source.parent if source else Path.cwd()
    severity: dict[str, Severity] = {}
    raw_severity = table.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of code = \"error\"|\"warning\"")
    for code, value in raw_severity.items():
        if value not in ("error", "warning"):
            raise ConfigError(f"{where}: severity.{code} must be \"error\" or \"warning\"")
        severity[code.upper()] = Severity(value)
    per_file: dict[str, tuple[str, ...]] = {}
    raw_per_file = table.get("per-file-ignores", {})
    if not isinstance(raw_per_file, dict):
        raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
    for pattern, codes in raw_per_file.items():
        per_file[pattern] = _codes(codes, f"{where}: per-file-ignores.{pattern}")
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{where}: 'strict' must be true or false")
    audio_upload = table.get("audio-upload", "parts")
    if audio_upload not in AUDIO_UPLOAD_MODES:
        raise ConfigError(f"{where}: 'audio-upload' must be \"parts\" or \"whole\"")
    single_zip = table.get("single-zip", False)
    if not isinstance(single_zip, bool):
        raise ConfigError(f"{where}: 'single-zip' must be true or false")
    prefixes = table.get("isrc-extra-prefixes", [])
    if not isinstance(prefixes, list) or not all(isinstance(p, str) for p in prefixes):
        raise ConfigError(f"{where}: 'isrc-extra-prefixes' must be a list of two-letter codes")
    namespaces = table.get("partner-namespaces", [])
    if not isinstance(namespaces, list) or not all(
        isinstance(n, str) and n.strip() for n in namespaces
    ):
        raise ConfigError(f"{where}: 'partner-namespaces' must be a list of Namespace prefixes "
                          'such as "SPOTIFY:"')

    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(g, str) and g for g in exclude):
        raise ConfigError(f"{where}: 'exclude' must be a list of globs such as \"drafts/*\"")
    cache = table.get("cache", False)
    if not isinstance(cache, (bool, str)) or cache == "":
        raise ConfigError(f"{where}: 'cache' must be true, false or a folder for the results "
                          "of earlier runs")
    profiles = table.get("profiles", [])
    if not isinstance(profiles, list) or not all(isinstance(p, str) and p for p in profiles):
        raise ConfigError(f"{where}: 'profiles' must be a list of profile names or .toml files "
                          'such as ["apple", "profiles/ours.toml"]')

    _refuse_nul(where, "profiles", profiles)
    _refuse_nul(where, "cache", [cache] if isinstance(cache, str) else [])

    def path_of(key: str) -> Path | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ConfigError(f"{where}: '{key}' must be a path")
        _refuse_nul(where, key, [value])
        return (base / value).resolve()

    return Config(
        select=_codes(table.get("select", []), f"{where}: select"),
        ignore=_codes(table.get("ignore", []), f"{where}: ignore"),
        severity=severity,
        per_file_ignores=per_file,
        schema_dir=path_of("schema-dir"),
        catalog=path_of("catalog"),
        strict=strict,
        isrc_extra_prefixes=tuple(p.upper() for p in prefixes),
        audio_upload=audio_upload,
        single_zip=single_zip,
        partner_namespaces=tuple(n.strip() for n in namespaces),
        exclude=tuple(exclude),
        cache=(base / cache).resolve() if isinstance(cache, str) else cache,
        # a profile file is named relative to the configuration that names it
        profiles=tuple(str((base / p).resolve()) if p.lower().endswith(".toml") else p
                       for p in profiles),
        source=source,
    )


# A configuration file is a few KB; a pyproject.toml with other tools' tables is still small.
MAX_CONFIG_BYTES = 1024 * 1024


def load_config(path: str | Path) -> Config:
    """Read a ddexkit.toml (top-level keys) or a pyproject.toml ([tool.ddexkit])."""
    import tomllib

    path = Path(path)
    try:
        data = tomllib.loads(read_capped(path, MAX_CONFIG_BYTES, "a configuration file")
                             .decode("utf-8-sig"))  # a BOM, as Notepad writes one
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the configuration ({error.strerror})") from error
    except ValueError as error:  # TOMLDecodeError, UnicodeDecodeError, an int of 5,000 digits
        raise ConfigError(f"{path}: not valid TOML ({error})") from error
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("ddexkit", {})
    else:
        table = data.get("tool", {}).get("ddexkit", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.ddexkit] must be a table")
    return config_from_table(table, path)


def discover_config(start: str | Path) -> Config:
    """The configuration that applies to a file or folder: the nearest ddexkit.toml, or
    pyproject.toml with a [tool.ddexkit] table, from ``start`` upward; defaults if none."""
    folder = Path(start).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "ddexkit.toml"
        if own.is_file():
            return load_config(own)
        project = candidate / "pyproject.toml"
        if project.is_file() and _has_tool_table(project):
            return load_config(project)
    return Config()


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if "ddexkit" not in text:  # no table of ours, however it is written: no TOML to parse
        return False
    import tomllib

    try:
        data = tomllib.loads(text)
    except ValueError:  # TOMLDecodeError, or an int of 5,000 digits
        return False
    return isinstance(data.get("tool", {}).get("ddexkit"), dict)
