"""Profiles: named sets of rules, with their severities, that a verdict is given for.

A recipient judges a release by its own rules: the distributor's API (``verseone``, what runs
by default), DDEX's Release Profiles (``ddex-audio-album``, ``ddex-audio-single``) and each
store's style guide (``apple``, ``spotify``, ``youtube``). A profile is data, a TOML file
(``ddexkit/data/profiles/`` ships the built-in ones; users write their own, docs/profiles.md):

    title = "Apple Music"
    source = "Apple Music Style Guide"
    extends = "verseone"            # a profile name, or a .toml file beside this one
    rules = ["TXT311", "PRF"]       # codes or family prefixes it adds
    drop = ["TXT303"]               # codes or prefixes it removes
    declared-as = ["AudioAlbumMusicOnly"]   # a ReleaseProfileVersionId naming it
    [severity]
    TXT304 = "error"
    [thresholds]
    cover-min-side = 3000           # AST807, pixels
    track-min-seconds = 30          # DUR412
    [words]
    marketing-terms = ["Promo"]     # TXT311, beside its own terms
    generic-artist-words = ["lounge"]   # ROL610, beside its own words

``default-rules = true`` adds every rule that is not opt-in (``Rule.opt_in``); the mandatory
rules (ERN001–ERN006, ERN008) count for every profile. The engine runs the union of the
selected profiles' rules once and gives each profile its verdict from the issues it counts;
a rule that reads a threshold or word list runs once per distinct set of values among them.
A profile's thresholds and word lists are its parent's, each key it sets replacing the
parent's value.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddexkit.config import ConfigError
from ddexkit.domain.storestyle import is_artist_word
from ddexkit.issues import Issue, Severity
from ddexkit.regularfile import read_capped
from ddexkit.rules import ALL_RULES, PROFILE_OPTIONS, RuleOptions

DEFAULT_PROFILE = "verseone"
# Package data, as the other data files are read (importlib.resources would import zipfile
# on every validation).
_BUILTIN_DIR = Path(__file__).resolve().parent / "data" / "profiles"
MAX_PROFILE_BYTES = 1024 * 1024  # a profile is a few KB; word lists stay far below this
# A profile extends one that extends another: a few levels in practice; a bound keeps the
# resolution's recursion far from Python's limit.
MAX_EXTENDS = 32
# Pixels or seconds: a million is past any recipient's rule, and a bound keeps the rules'
# arithmetic in floats (10**400 seconds does not convert to one).
MAX_THRESHOLD = 1_000_000
_KEYS = frozenset({"name", "title", "source", "extends", "default-rules", "rules", "drop",
                   "declared-as", "severity", *PROFILE_OPTIONS})


class ProfileError(ConfigError):
    """A profile that cannot be used: unknown name, unreadable or malformed file, a code
    that names no rule, a loop of ``extends``. One line naming the file, the key and the fix."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """A resolved profile: the codes it counts and the severities it gives them."""

    name: str
    title: str
    source: str = ""
    codes: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    declared_as: tuple[str, ...] = ()
    # The RuleOptions fields it sets (field name, value), sorted: profiles with equal
    # ``options`` share one run of the rules that read them.
    options: tuple[tuple[str, Any], ...] = ()
    # Which profile set each of ``options`` and of ``severity``: this one, or one it extends
    # (what ``ddexkit profiles NAME`` shows as inherited).
    set_by: Mapping[str, str] = field(default_factory=dict)

    def severity_for(self, issue: Issue) -> Severity:
        return self.severity.get(issue.code, issue.severity)

    def counts(self, issue: Issue) -> bool:
        """Whether the issue counts for this profile: its code is the profile's and, once the
        engine has named the profiles of an issue, this profile is among them (an issue of a
        threshold this profile does not share counts for the others only)."""
        return issue.code in self.codes and (not issue.profiles or self.name in issue.profiles)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProfileVerdict:
    """One profile's verdict on one file. ``issues`` is filled only for a profile the message
    declares but nobody selected: its issues are shown apart from the file's."""

    name: str
    title: str
    status: str
    counts: Mapping[str, int]
    selected: bool = True
    issues: tuple[Issue, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"name": self.name, "title": self.title,
                                 "selected": self.selected, "status": self.status,
                                 "counts": dict(self.counts)}
        if not self.selected:
            entry["issues"] = [issue.to_dict() for issue in self.issues]
        return entry


@dataclass(frozen=True, slots=True, kw_only=True)
class ProfileSetting:
    """One threshold or word list as a profile has it, for ``ddexkit profiles NAME``: its
    TOML table and key, the value (its own, inherited from what it extends, or the rule's
    default), the rules that read it and whether the profile counts any of them."""

    table: str
    key: str
    value: Any
    set_by: str | None  # the profile that sets it (this one or one it extends); None: default
    codes: tuple[str, ...]
    counted: bool


def settings(profile: Profile) -> tuple[ProfileSetting, ...]:
    """Every threshold and word list of ``PROFILE_OPTIONS`` with the value the profile's
    rules run with: what it or a profile it extends sets, else the rule's default."""
    defaults = RuleOptions()
    chosen = dict(profile.options)
    found = []
    for table, keys in PROFILE_OPTIONS.items():
        for key, option in keys.items():
            codes = tuple(r.code for r in ALL_RULES if option in r.reads)
            found.append(ProfileSetting(
                table=table, key=key, value=chosen.get(option, getattr(defaults, option)),
                set_by=profile.set_by.get(option) if option in chosen else None, codes=codes,
                counted=any(code in profile.codes for code in codes)))
    return tuple(found)


def severity_overrides(profile: Profile) -> tuple[tuple[str, Severity, Severity, str], ...]:
    """(code, the profile's severity, the catalog's, the profile that sets it) of each
    counted rule whose severity the profile, or a profile it extends, changes; in catalog
    order."""
    return tuple((r.code, profile.severity[r.code], r.severity,
                  profile.set_by.get(r.code, profile.name)) for r in ALL_RULES
                 if r.code in profile.codes and profile.severity.get(r.code, r.severity)
                 is not r.severity)


def verdict(profile: Profile, issues: Sequence[Issue], *, xsd: str, strict: bool,
            selected: bool = True) -> ProfileVerdict:
    """The profile's verdict from the issues it counts, at its severities: an error, an
    XSD-invalid file or, under ``strict``, a warning makes it needs_fixes (as a file's)."""
    errors = warnings = 0
    for issue in issues:
        if profile.counts(issue):
            if profile.severity_for(issue) is Severity.ERROR:
                errors += 1
            else:
                warnings += 1
    blocked = errors or xsd == "invalid" or (strict and warnings)
    return ProfileVerdict(
        name=profile.name, title=profile.title,
        status="needs_fixes" if blocked else "ready",
        counts={"error": errors, "warning": warnings}, selected=selected,
        issues=() if selected else tuple(i for i in issues if profile.counts(i)))


def _is_file(name: str) -> bool:
    """Whether a profile is named by its file (``ours.toml``, ``OURS.TOML``), not built in."""
    return name.lower().endswith(".toml")


def builtin_names() -> tuple[str, ...]:
    """The profiles ddexkit ships, by name."""
    return tuple(sorted(entry.stem for entry in _BUILTIN_DIR.glob("*.toml")))


def load_profiles(names: Iterable[str]) -> tuple[Profile, ...]:
    """Each profile named (a built-in name or a .toml file), resolved, each once; none named:
    the default profile. Two of one name are refused: an issue names the profiles it counts
    for by name, so each would count the other's."""
    # one file however it is spelt ("ours.toml", "./ours.toml"), named as first given
    by_file: dict[str, str] = {}
    for name in names:
        _refuse_nul(name, None)
        by_file.setdefault(str(Path(name).resolve()) if _is_file(name) else name, name)
    chosen = tuple(by_file.values()) or (DEFAULT_PROFILE,)
    profiles = tuple(load_profile(name) for name in chosen)
    given: dict[str, str] = {}
    for name, profile in zip(chosen, profiles, strict=True):
        if profile.name in given:
            raise ProfileError(f"profiles '{given[profile.name]}' and '{name}' are both named "
                               f"'{profile.name}': give one another name (name = \"...\" in "
                               "its file, or rename the file)")
        given[profile.name] = name
    return profiles


def load_profile(name: str) -> Profile:
    """One profile by built-in name or .toml path, with what it extends resolved."""
    return _resolve(name, ())


def declared_profile(declared: str | None) -> Profile | None:
    """The built-in profile a ReleaseProfileVersionId names (``CommonReleaseTypes/14/
    AudioAlbumMusicOnly`` names ``ddex-audio-album``), or None."""
    if not declared:
        return None
    last = declared.strip().rsplit("/", 1)[-1]
    return _declared_index().get(last)


@functools.cache
def _declared_index() -> dict[str, Profile]:
    found: dict[str, Profile] = {}
    for name in builtin_names():
        profile = load_profile(name)
        for declared in profile.declared_as:
            found.setdefault(declared, profile)
    return found


@functools.cache
def _builtin_table(name: str) -> Mapping[str, Any] | None:
    entry = _BUILTIN_DIR / f"{name}.toml"
    if "/" in name or "\\" in name or not entry.is_file():
        return None
    return tomllib.loads(entry.read_text(encoding="utf-8"))


def _user_table(path: Path) -> Mapping[str, Any]:
    try:
        raw = read_capped(path, MAX_PROFILE_BYTES, "a profile file")
    except OSError as error:
        raise ProfileError(f"{path}: cannot read the profile: "
                           f"{error.strerror or error}") from None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))  # a BOM, as Notepad writes one
    except ValueError as error:  # TOMLDecodeError, UnicodeDecodeError, an int of 5,000 digits
        raise ProfileError(f"{path}: not a valid TOML profile: {error}") from None


def _table(name: str, by: str | None) -> tuple[str, Mapping[str, Any], Path | None]:
    """(the profile's name, its table, the folder its ``extends`` is relative to). ``by``:
    the profile whose ``extends`` names this one, which the message names first (that is
    the file to fix)."""
    if _is_file(name):
        path = Path(name)
        try:
            return path.stem, _user_table(path), path.parent
        except ProfileError as error:
            if by is None:
                raise
            raise ProfileError(f"{by}: extends: {error}") from None
    table = _builtin_table(name)
    if table is None:
        import difflib  # only for the message

        known = builtin_names()
        close = difflib.get_close_matches(name.lower(), known, n=1)  # names are lower case
        hint = f"did you mean '{close[0]}'? " if close else ""
        named = f"{by}: extends: " if by else ""
        raise ProfileError(f"{named}profile '{name}' does not exist: {hint}the profiles are "
                           f"{', '.join(known)}, or name a .toml profile file")
    return name, table, None


def _refuse_nul(name: str, by: str | None) -> None:
    """TOML can write "\\u0000", which no name holds: the OS would refuse the file name with
    a ValueError, past the OSError every reader expects."""
    if "\0" in name:
        raise ProfileError(f"{f'{by}: extends: ' if by else ''}{name!r} holds a NUL character, "
                           "which no profile name or file name can: remove it")


def _resolve(name: str, chain: tuple[str, ...], by: str | None = None) -> Profile:
    # a file is one profile however it is spelt, so a loop is seen the first time round
    key = str(Path(name).resolve()) if _is_file(name) else name
    if key in chain:
        raise ProfileError(f"profile '{key}' extends itself through "
                           f"{' → '.join((*chain, key))}: remove one 'extends'")
    if len(chain) >= MAX_EXTENDS:  # each level is a frame of this recursion
        raise ProfileError(f"{chain[0]}: extends {MAX_EXTENDS} profiles deep (through "
                           f"{by}); extend a profile that sets what they do at fewer levels")
    profile_name, table, folder = _table(name, by)
    where = name if _is_file(name) else f"profile '{name}'"
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ProfileError(f"{where}: unknown key '{unknown[0]}'; a profile has "
                           f"{', '.join(sorted(_KEYS))}")
    parent: Profile | None = None
    extends = table.get("extends")
    if extends is not None:
        if not isinstance(extends, str) or not extends:
            raise ProfileError(f"{where}: 'extends' must be a profile name or a .toml file")
        _refuse_nul(extends, where)
        if _is_file(extends) and folder is not None:
            extends = str((folder / extends).resolve())
        parent = _resolve(extends, (*chain, key), where)
    codes = set(parent.codes) if parent else set()
    if _flag(table, "default-rules", where):
        codes.update(r.code for r in ALL_RULES if not r.opt_in)
    codes.update(_expand(table, "rules", where))
    # The update rules run only with an original (--original) and then judge the delivery
    # against what every recipient already has: whichever profile judges the release, a
    # changed ISRC breaks it. A profile may still drop them.
    codes.update(r.code for r in ALL_RULES if "original" in r.needs)
    codes.difference_update(_expand(table, "drop", where))
    codes.update(r.code for r in ALL_RULES if r.mandatory)
    own_name = _text(table, "name", where) or profile_name
    declared_as = _strings(table, "declared-as", where)
    if declared_as and folder is not None:  # only the built-ins are looked up (engine)
        raise ProfileError(f"{where}: declared-as names {declared_as[0]!r}, but a message "
                           "declares only a built-in profile, never a profile file: remove "
                           "'declared-as' and select this profile with --profile")
    own_severity = _severities(table, where)
    own_options = _options(table, where)
    severity = dict(parent.severity) if parent else {}
    severity.update(own_severity)
    options = dict(parent.options) if parent else {}
    options.update(own_options)
    set_by = dict(parent.set_by) if parent else {}
    set_by.update(dict.fromkeys([*own_severity, *own_options], own_name))
    return Profile(
        name=own_name,
        title=_text(table, "title", where) or profile_name,
        source=_text(table, "source", where),
        codes=frozenset(codes),
        severity=severity,
        declared_as=declared_as,
        options=tuple(sorted(options.items())),
        set_by=set_by,
    )


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ProfileError(f"{where}: '{key}' must be a string")
    return value


def _flag(table: Mapping[str, Any], key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise ProfileError(f"{where}: '{key}' must be true or false")
    return value


def _strings(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ProfileError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _expand(table: Mapping[str, Any], key: str, where: str) -> set[str]:
    """The codes a list of codes and family prefixes names; a prefix naming no rule is an
    error (a typo would otherwise leave a check out unseen)."""
    found: set[str] = set()
    for prefix in _strings(table, key, where):
        prefix = prefix.upper()
        named = {r.code for r in ALL_RULES if r.code.startswith(prefix)}
        if not named:
            raise ProfileError(f"{where}: {key} names '{prefix}', which is no rule code or "
                               "family (see `ddexkit rules`)")
        found |= named
    return found


def _severities(table: Mapping[str, Any], where: str) -> dict[str, Severity]:
    raw = table.get("severity", {})
    if not isinstance(raw, dict):
        raise ProfileError(f"{where}: 'severity' must be a table of code = \"error\"|\"warning\"")
    found: dict[str, Severity] = {}
    known = {r.code for r in ALL_RULES}
    mandatory = {r.code for r in ALL_RULES if r.mandatory}
    for code, value in raw.items():
        if code.upper() not in known:
            raise ProfileError(f"{where}: severity.{code} names no rule (see `ddexkit rules`)")
        if value not in ("error", "warning"):
            raise ProfileError(f"{where}: severity.{code} must be \"error\" or \"warning\"")
        if code.upper() in mandatory and value == "warning":  # as the configuration's
            raise ProfileError(f"{where}: severity.{code} cannot be a warning: it says the "
                               "distributor cannot read or will refuse the file, which no "
                               "profile takes (mandatory: "
                               f"{', '.join(sorted(mandatory))}); remove it")
        found[code.upper()] = Severity(value)
    return found


def _options(table: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The RuleOptions fields the profile's [thresholds] and [words] tables set, checked:
    a threshold is a number from 0 to MAX_THRESHOLD, a word list a list of non-empty strings
    (of single words for ROL610)."""
    found: dict[str, Any] = {}
    for section, keys in PROFILE_OPTIONS.items():
        raw = table.get(section, {})
        if not isinstance(raw, dict):
            raise ProfileError(f"{where}: '{section}' must be a table ([{section}])")
        for key, value in raw.items():
            if key not in keys:
                raise ProfileError(f"{where}: unknown key '{section}.{key}'; [{section}] has "
                                   f"{', '.join(sorted(keys))}")
            name = f"{section}.{key}"
            if section == "thresholds":
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise ProfileError(f"{where}: '{name}' must be a number, not {value!r}")
                if not 0 <= value <= MAX_THRESHOLD:  # nan and inf are TOML floats too
                    given = str(value) if len(str(value)) <= 24 else f"{str(value)[:20]}…"
                    raise ProfileError(f"{where}: '{name}' is {given}; write a number from 0 "
                                       f"to {MAX_THRESHOLD:,}")
                found[keys[key]] = value
            else:
                if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                          for v in value):
                    raise ProfileError(f"{where}: '{name}' must be a list of non-empty "
                                       "strings")
                words = tuple(v.strip() for v in value)
                several = [w for w in words if not is_artist_word(w)]
                if keys[key] == "generic_artist_words" and several:
                    raise ProfileError(f"{where}: '{name}' holds {several[0]!r}, which is not "
                                       "one word: ROL610 reads a name word by word, so list "
                                       "each word apart")
                found[keys[key]] = words
    return found
