"""The rule record and what a check is given. Rules judge; lower layers only gather facts."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, wraps
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ddexkit.domain.catalog import Catalog
from ddexkit.issues import Finding, Severity
from ddexkit.lexical import IsoDuration, parse_iso_duration
from ddexkit.model import Message, Release, ReleaseDeal, Resource, Track

if TYPE_CHECKING:  # the subjects' modules load what they need only when a stage runs
    pass


class Stage(enum.StrEnum):
    """What a check receives as its subject (``Subject`` below names each type; a test
    checks that every rule's check takes its stage's)."""

    DOCUMENT = "document"  # safexml.DocumentFacts: the bytes, before and during the parse
    SCHEMA = "schema"  # xsd.XsdFacts: the outcome of structural validation
    MESSAGE = "message"  # model.Message: the parsed message
    ASSETS = "assets"  # media.AssetFacts: the files of the package, when they are at hand
    UPDATE = "update"  # changes.UpdateFacts: the message against the original it updates
    BATCH = "batch"  # catalogue.Catalogue: every file of a batch, for the catalogue checks


# What a stage's checks receive: DocumentFacts, XsdFacts, Message, AssetFacts, UpdateFacts or
# Catalogue.
Subject = TypeVar("Subject", contravariant=True)
Check = Callable[[Subject, "RuleContext"], Iterable[Finding]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule(Generic[Subject]):
    """One rule: its code, default severity, one-line summary, stage and check, typed by
    the subject its stage hands the check (``Rule[Message]`` for a MESSAGE rule).

    The long documentation is the docstring of the module that defines ``RULE``.
    ``needs`` names inputs without which the rule does not run ("catalog", "assets",
    "original": the ERN delivered before, which an UPDATE rule compares the message with).
    ``doc`` is the rule module's docstring (pass ``doc=__doc__``): summary line, *Why it
    matters*, *Bad*, *Good*, *Source*.
    ``explains_xsd`` names the kinds of official XSD violation the rule's issue explains in
    place of ERN006: "value" (a type, pattern, enumeration or length fault of the element the
    rule judges, at that element) and "missing" (a missing child that the rule's finding
    names in ``Finding.missing``, at the parent). Any other violation stays an ERN006.
    ``stops_the_run``: an issue of this rule means the later stages cannot judge the file
    (ERN004: a root that is not ERN 3.8.2), so they do not run.
    ``indexes``: what the check reads through ``Message.indexed`` (``"ISRC"``,
    ``"@CurrencyCode"``, ``"=UserDefined"``); the parser collects exactly what the selected
    rules name.
    ``opt_in``: the rule runs only where a selected profile names it (a DDEX Release Profile
    or a store's style rule; see ``ddexkit.profiles``), or where the configuration selects
    its very code; the default profile, the distributor's, leaves it out.
    ``reads``: the ``RuleOptions`` fields a profile may set that the check reads
    (``PROFILE_OPTIONS``); where the selected profiles set them apart, the engine runs the
    rule once per distinct set of values and the issues count for those profiles only.
    ``any_message_kind``: the rule also runs on the ERN messages that are not a
    NewReleaseMessage (a PurgeReleaseMessage, a CatalogListMessage: ERN011); the others judge
    a release delivery only.
    """

    code: str
    severity: Severity
    summary: str
    stage: Stage
    check: Check[Subject]
    needs: frozenset[str] = frozenset()
    doc: str = ""
    explains_xsd: frozenset[str] = frozenset()
    mandatory: bool = False
    stops_the_run: bool = False
    any_message_kind: bool = False
    indexes: frozenset[str] = frozenset()
    opt_in: bool = False
    reads: frozenset[str] = frozenset()

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")


# A rule of any stage, as the registry and the engine hold them; the engine hands each
# check its own stage's subject.
AnyRule = Rule[Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleOptions:
    """The settings of the configuration that some rules read (README, Configuration)."""

    isrc_extra_prefixes: tuple[str, ...] = ()  # ID106: prefixes the agency list lacks
    audio_upload: str = "parts"  # AST812: "whole" when files may not be sent in parts
    single_zip: bool = False  # AST816: the release must travel as one ZIP
    partner_namespaces: tuple[str, ...] = ()  # ID112: ProprietaryId namespaces agreed on
    # What a profile may set ([thresholds] and [words] of its TOML, docs/profiles.md):
    cover_min_side: int = 3000  # AST807: the front cover's smaller side, in pixels
    track_min_seconds: float = 30.0  # DUR412: the shortest track a store takes
    marketing_terms: tuple[str, ...] = ()  # TXT311: more terms that count anywhere in a title
    generic_artist_words: tuple[str, ...] = ()  # ROL610: more words of generic artist names


# The RuleOptions fields a profile sets, by their TOML key: table → key → field.
PROFILE_OPTIONS: dict[str, dict[str, str]] = {
    "thresholds": {"cover-min-side": "cover_min_side",
                   "track-min-seconds": "track_min_seconds"},
    "words": {"marketing-terms": "marketing_terms",
              "generic-artist-words": "generic_artist_words"},
}


@dataclass(kw_only=True)
class RuleContext:
    """What every check may consult besides its subject, with indexes built once per message.

    The cached indexes keep the whole rule pass linear in the size of the message.
    """

    message: Message | None = None
    catalog: Catalog | None = None
    today: dt.date = field(default_factory=dt.date.today)
    options: RuleOptions = field(default_factory=RuleOptions)
    _durations: dict[str, IsoDuration | None] = field(default_factory=dict, init=False,
                                                      repr=False)
    _tracks: dict[int, tuple[Release, tuple[Track, ...]]] = field(
        default_factory=dict, init=False, repr=False)

    def iso_duration(self, text: str) -> IsoDuration | None:
        """``parse_iso_duration(text)``, worked out once per distinct text of the message:
        several DUR rules read every Duration."""
        try:
            return self._durations[text]
        except KeyError:
            parsed = self._durations[text] = parse_iso_duration(text)
            return parsed

    def _require_message(self) -> Message:
        if self.message is None:
            raise RuntimeError("this index needs the parsed message")
        return self.message

    @cached_property
    def main_release(self) -> Release | None:
        return self._require_message().main_release

    @cached_property
    def main_release_candidates(self) -> tuple[Release, ...]:
        """What the main-release rules judge: see ``Message.main_release_candidates``."""
        return self._require_message().main_release_candidates

    def main_release_name(self, release: Release) -> str:
        """How a main-release rule names the release it judges: "Main release R1", or, where
        REF204 finds no single main release, "Release R1 (candidate main release)"."""
        ref = release.ref or "(no reference)"
        if self.main_release_candidates == (release,) and release is self.main_release:
            return f"Main release {ref}"
        return f"Release {ref} (candidate main release)"

    @cached_property
    def resources_by_reference(self) -> dict[str, Resource]:
        return self._require_message().resources_by_reference()

    def tracks(self, release: Release) -> tuple[Track, ...]:
        """``release.tracks(...)``, worked out once per release of the message: a dozen rules
        and the summary read the main release's tracks."""
        try:
            return self._tracks[id(release)][1]
        except KeyError:
            tracks = release.tracks(self.resources_by_reference)
            self._tracks[id(release)] = (release, tracks)  # the release kept: its id stays its
            return tracks

    @cached_property
    def releases_by_reference(self) -> dict[str, Release]:
        return self._require_message().releases_by_reference()

    @cached_property
    def deals_by_release_reference(self) -> dict[str, list[ReleaseDeal]]:
        found: dict[str, list[ReleaseDeal]] = {}
        for release_deal in self._require_message().release_deals:
            for reference in release_deal.release_references:
                found.setdefault(reference.stripped, []).append(release_deal)
        return found

    @cached_property
    def releases_by_resource_reference(self) -> dict[str, list[Release]]:
        found: dict[str, list[Release]] = {}
        for release in self._require_message().releases:
            for reference in release.delivered_references():
                found.setdefault(reference, []).append(release)
        return found


ReleaseCheck = Callable[[Release, Message, RuleContext], Iterator[Finding]]


def each_main_release(check_release: ReleaseCheck) -> Callable[[Message, RuleContext],
                                                                Iterator[Finding]]:
    """A message check that judges the main release with ``check_release``, or each
    candidate when REF204 finds no single one, so that no main-release fault is masked.
    The check keeps the rule module's name, so a rule is still found by its code there."""

    # The module and name say which rule it is; the annotations stay the message check's.
    @wraps(check_release, assigned=("__module__", "__name__", "__qualname__", "__doc__"))
    def check(message: Message, context: RuleContext) -> Iterator[Finding]:
        for release in context.main_release_candidates:
            yield from check_release(release, message, context)

    return check
