"""What changed between the delivered ERN (the original) and its update: the facts UPD rules judge.

Releases are paired main with main, the others by ReleaseReference; the main release's tracks
by ISRC, else by resource reference, and what is left by resource reference, then by title
(so a track whose ISRC was changed is still the same track); deals are cut into one
availability per release, commercial model and use type. Every change keeps the element it
was read from in each file, so a rule can point into the update and name the original's line.
Nothing here judges: one pass over each message, linear in their sizes.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ddexkit import model as m
from ddexkit.domain.identifiers import compact, icpn_key, isrc_key
from ddexkit.domain.timecodes import comparable_date
from ddexkit.inputs import InputError
from ddexkit.issues import Location
from ddexkit.limits import RELEASE_LIMIT_BYTES
from ddexkit.parser import build_message
from ddexkit.regularfile import read_capped
from ddexkit.safexml import ERN382_NAMESPACE, read_document

# How a ZIP's first local file header starts (APPNOTE 4.3.7), whatever the file is called.
ZIP_SIGNATURE = b"PK\x03\x04"

# A value as the change summary shows it: text, a list of names or codes, or nothing.
Value = str | tuple[str, ...] | None


class ChangeKind(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Part(enum.StrEnum):
    """What a change is about."""

    RELEASE = "release"
    TRACK = "track"
    DEAL = "deal"


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One difference. ``key`` names the release (its reference), track (ISRC, else resource
    reference) or deal ("R0 SubscriptionModel OnDemandStream"); ``field`` is None for a
    part added or removed as a whole. ``original`` and ``update`` are where it stands in each
    file (None where it is not there)."""

    kind: ChangeKind
    part: Part
    key: str
    field: str | None = None
    old: Value = None
    new: Value = None
    original: Location | None = None
    update: Location | None = None


def shown(value: Value) -> str:
    """A value as a message quotes it: "text", a list joined by commas, or (none)."""
    if isinstance(value, tuple):
        value = ", ".join(value)
    return f'"{value}"' if value else "(none)"


def in_original(change: Change) -> str:
    """Where the original says what the change replaced: "line 12 of the original"."""
    line = change.original.line if change.original is not None else None
    return f"line {line} of the original" if line else "the original"


def from_to(change: Change) -> str:
    """'from "old" (line 12 of the original) to "new"', as the UPD messages say it."""
    return f"from {shown(change.old)} ({in_original(change)}) to {shown(change.new)}"


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackPair:
    """A track of the main release in either file; ``matched_by`` says how the two were
    paired ("isrc", "reference", "title"), None for a track in one file only."""

    original: m.Track | None
    update: m.Track | None
    matched_by: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Availability:
    """What a message's deals make available for one release under one commercial model and
    use type: the territories (and those excluded) of every DealTerms that says so."""

    release: str
    model: str
    use: str
    terms: tuple[m.DealTerms, ...]
    territories: frozenset[str]
    excluded: frozenset[str]

    @property
    def key(self) -> str:
        return f"{self.release} {self.model} {self.use}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeSet:
    """Every change, in order (releases, tracks, deals), and the pairings they come from."""

    changes: tuple[Change, ...] = ()
    main_release: str | None = None  # the key of the main release in ``changes``
    tracks: tuple[TrackPair, ...] = ()
    availabilities: tuple[tuple[Availability | None, Availability | None], ...] = ()
    taken_down: frozenset[str] = frozenset()  # releases the update takes down (by key)
    # ISRCs that the update gives to a track titled as another track of the original was
    reassigned: frozenset[str] = frozenset()

    def is_reassigned(self, track: m.Track) -> bool:
        """Whether ``track`` of the update was paired by an ISRC it took from another track."""
        return _track_key(track) in self.reassigned

    def of_main_release(self, name: str) -> Iterator[Change]:
        """The changes to one field of the main release."""
        return (c for c in self.of(Part.RELEASE, name) if c.key == self.main_release)

    def of(self, part: Part, name: str | None = None,
           kind: ChangeKind = ChangeKind.CHANGED) -> Iterator[Change]:
        """The changes of one kind to one part (and field)."""
        return (c for c in self.changes
                if c.part is part and c.kind is kind and (name is None or c.field == name))


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateFacts:
    """What the UPD rules judge: the delivered message, its update and what changed."""

    original: m.Message
    update: m.Message
    changes: ChangeSet


@dataclass(frozen=True, slots=True, kw_only=True)
class OriginalSource:
    """The delivered ERN an update is compared with, as read once (bytes travel to worker
    processes; each parses its own model)."""

    path: str
    raw: bytes = field(repr=False)

    def message(self) -> m.Message:
        """The original's model (``read_original`` made sure there is one)."""
        document = read_document(self.raw)
        if document.tree is None:
            raise InputError(f"original {self.path}: no longer a readable message")
        return build_message(document.tree.getroot())


def read_original(path: str | Path) -> OriginalSource:
    """Read and check the original ERN; a file that is missing, unreadable, not well-formed
    or not an ERN 3.8.2 NewReleaseMessage is an InputError naming it and the place (one line:
    the command's exit 2)."""
    name = str(path)
    again = "give the ERN as it was delivered (the one the update replaces)"
    if Path(path).is_dir():
        raise InputError(f"original {name}: is a folder; {again}")
    try:
        raw = read_capped(Path(path), RELEASE_LIMIT_BYTES, "an ERN message")
    except OSError as error:
        raise InputError(f"original {name}: {error.strerror or error}; {again}") from error
    if raw.startswith(ZIP_SIGNATURE):
        raise InputError(f"original {name}: is a ZIP package, not an ERN message; {again}: "
                         "the .xml inside the ZIP")
    document = read_document(raw)
    if document.tree is None:
        facts = document.facts
        problem = facts.syntax_error or facts.doctype or facts.invalid_utf8
        where = f":{problem.line}:{problem.column}" if problem and problem.line else ""
        reason = problem.message if problem else "it cannot be parsed safely"
        raise InputError(f"original {name}{where}: not a readable message: {reason}; {again}")
    message = build_message(document.tree.getroot())
    if message.namespace != ERN382_NAMESPACE or message.kind != "NewReleaseMessage":
        raise InputError(f"original {name}: <{message.kind}> is not an ERN 3.8.2 "
                         f"NewReleaseMessage; {again}")
    return OriginalSource(path=name, raw=raw)


class _Placed(Protocol):
    """A record of the model: it knows where it was read from."""

    @property
    def loc(self) -> Location: ...


def _at(record: _Placed | None) -> Location | None:
    return record.loc if record is not None else None


def _first_text(texts: tuple[m.Text, ...]) -> m.Text | None:
    return next((t for t in texts if t.stripped), None)


def _line_text(lines: Iterator[m.CopyrightLine]) -> m.Text | None:
    return next((line.text for line in lines if line.text is not None and line.text.stripped),
                None)


@dataclass(frozen=True, slots=True)
class _Field:
    """One compared value of a release or track and the record it was read from; ``key``,
    where given, is what it is compared by instead (one GTIN written as UPC or EAN)."""

    value: Value
    at: _Placed | None
    key: Value = None

    @property
    def compared(self) -> Value:
        return self.value if self.key is None else self.key


def _title(record: m.Release | m.Resource) -> _Field:
    reference = record.reference_title
    element = reference.text if reference is not None and reference.text is not None else None
    return _Field(record.display_title, element or record)


def _artists(record: m.Release | m.Resource) -> _Field:
    details = record.details[0] if record.details else None
    first = details.display_artists[0] if details and details.display_artists else None
    return _Field(record.main_artists or None, first or details or record)


def release_date(release: m.Release) -> m.Text | None:
    """The release date as the ingest takes it (the summary's): the territory's ReleaseDate,
    else GlobalReleaseDate, else an original release date."""
    details = release.details[0] if release.details else None
    candidates = (
        _first_text(details.release_dates) if details else None,
        release.global_release_date,
        _first_text(details.original_release_dates) if details else None,
        release.global_original_release_date,
    )
    return next((t for t in candidates if t is not None and t.stripped), None)


def _release_fields(release: m.Release) -> dict[str, _Field]:
    details = release.details[0] if release.details else None
    label = _first_text(details.label_names) if details else None
    p_line, c_line = _line_text(release.iter_all_p_lines()), _line_text(release.iter_all_c_lines())
    date = release_date(release)
    icpn = _first_text(release.icpns)
    return {
        "icpn": _Field(compact(icpn.value) if icpn else None, icpn,
                       icpn_key(icpn.value) if icpn else None),
        "title": _title(release),
        "display_artists": _artists(release),
        "label": _Field(label.stripped if label else None, label),
        "p_line": _Field(p_line.stripped if p_line else None, p_line),
        "c_line": _Field(c_line.stripped if c_line else None, c_line),
        "release_date": _Field(date.stripped if date else None, date),
    }


def _track_fields(track: m.Track) -> dict[str, _Field]:
    resource = track.resource
    isrc = _first_text(resource.isrcs)
    return {
        "isrc": _Field(isrc_key(isrc.value) if isrc else None, isrc),
        "title": _title(resource),
        "display_artists": _artists(resource),
        "duration": _Field(track.duration, resource.duration),
        "number": _Field(str(track.number), resource),
    }


def _compared(part: Part, key: str, old: dict[str, _Field], new: dict[str, _Field],
              old_record: _Placed, new_record: _Placed) -> Iterator[Change]:
    for name, before in old.items():
        after = new[name]
        if before.compared != after.compared:
            yield Change(kind=ChangeKind.CHANGED, part=part, key=key, field=name,
                         old=before.value, new=after.value,
                         original=_at(before.at or old_record), update=_at(after.at or new_record))


_ReleasePair = tuple[m.Release | None, m.Release | None]


def _release_pairs(original: m.Message, update: m.Message
                   ) -> tuple[_ReleasePair | None, list[_ReleasePair]]:
    """The main releases together (None when neither file has one), then the others by
    ReleaseReference."""
    old_main, new_main = original.main_release, update.main_release
    main = (old_main, new_main) if old_main is not None or new_main is not None else None
    old_rest = {r.ref: r for r in original.releases if r is not old_main}
    new_rest = {r.ref: r for r in update.releases if r is not new_main}
    pairs: list[_ReleasePair] = [(r, new_rest.get(ref)) for ref, r in old_rest.items()]
    pairs.extend((None, r) for ref, r in new_rest.items() if ref not in old_rest)
    return main, pairs


def _release_changes(old: m.Release | None, new: m.Release | None, key: str
                     ) -> Iterator[Change]:
    if old is None and new is not None:
        yield Change(kind=ChangeKind.ADDED, part=Part.RELEASE, key=key,
                     new=new.display_title, update=new.loc)
    elif new is None and old is not None:
        yield Change(kind=ChangeKind.REMOVED, part=Part.RELEASE, key=key,
                     old=old.display_title, original=old.loc)
    elif old is not None and new is not None:
        yield from _compared(Part.RELEASE, key, _release_fields(old), _release_fields(new),
                             old, new)


def _track_changes(pair: TrackPair) -> Iterator[Change]:
    old, new = pair.original, pair.update
    if old is None and new is not None:
        yield Change(kind=ChangeKind.ADDED, part=Part.TRACK, key=_track_key(new),
                     new=new.title, update=new.resource.loc)
    elif new is None and old is not None:
        yield Change(kind=ChangeKind.REMOVED, part=Part.TRACK, key=_track_key(old),
                     old=old.title, original=old.resource.loc)
    elif old is not None and new is not None:
        yield from _compared(Part.TRACK, _track_key(old), _track_fields(old),
                             _track_fields(new), old.resource, new.resource)


def _track_key(track: m.Track) -> str:
    return isrc_key(track.isrc) if track.isrc else track.reference


def _title_key(track: m.Track) -> str:
    return (track.title or "").casefold()


def _reassigned(tracks: tuple[TrackPair, ...]) -> frozenset[str]:
    """The ISRCs that now name a track whose title is another original track's."""
    titles = {_title_key(p.original): p for p in tracks if p.original is not None}
    return frozenset(
        _track_key(p.update) for p in tracks
        if p.matched_by == "isrc" and p.original is not None and p.update is not None
        and _title_key(p.update) != _title_key(p.original)
        and titles.get(_title_key(p.update), p) is not p
    )


def released_by(message: m.Message, today: dt.date) -> bool:
    """Whether the message's main release has a release date, and it is not after ``today``."""
    release = message.main_release
    date = release_date(release) if release is not None else None
    found = comparable_date(date.value) if date is not None else None
    return found is not None and found.earliest <= today


def pair_tracks(original: tuple[m.Track, ...], update: tuple[m.Track, ...]
                ) -> tuple[TrackPair, ...]:
    """The tracks paired by ISRC (else reference), then what is left by resource reference,
    then by title; in the update's order, the original's unpaired tracks last."""
    matched: dict[int, TrackPair] = {}  # update track's index → its pair
    old_left = dict(enumerate(original))  # keyed by index: two tracks may share an ISRC
    by_isrc: dict[str, int] = {}
    for old_index, track in old_left.items():
        by_isrc.setdefault(_track_key(track), old_index)  # the first of a shared ISRC
    new_left = {index: t for index, t in enumerate(update)}
    for index, track in list(new_left.items()):
        found = by_isrc.pop(_track_key(track), None)
        if found is not None:
            matched[index] = TrackPair(original=old_left.pop(found), update=track,
                                       matched_by="isrc")
            del new_left[index]
    for name, key in (("reference", lambda t: t.reference), ("title", _title_key)):
        # in order, so two tracks of one title ("Interlude") pair first with first
        by_key: dict[str, deque[int]] = {}
        for old_index, track in old_left.items():
            if key(track):
                by_key.setdefault(key(track), deque()).append(old_index)
        for index, track in list(new_left.items()):
            waiting = by_key.get(key(track))
            if waiting:
                matched[index] = TrackPair(original=old_left.pop(waiting.popleft()),
                                           update=track, matched_by=name)
                del new_left[index]
    pairs = [matched.get(index) or TrackPair(original=None, update=track)
             for index, track in enumerate(update)]
    pairs.extend(TrackPair(original=track, update=None) for track in old_left.values())
    return tuple(pairs)


def _availabilities(message: m.Message, keys: dict[str, str]
                    ) -> tuple[dict[str, Availability], set[str]]:
    """Each (release, model, use) the deals make available, and the releases taken down."""
    found: dict[str, tuple[str, str, str, list[m.DealTerms], set[str], set[str]]] = {}
    taken_down: set[str] = set()
    for release_deal, _deal, terms in message.iter_deal_terms():
        # Each once: the availabilities are their product, so a reference, model or use
        # written a thousand times would multiply the work a thousandfold.
        releases = dict.fromkeys(keys.get(r.stripped, r.stripped)
                                 for r in release_deal.release_references)
        if terms.is_takedown:
            taken_down.update(releases)
            continue
        models = dict.fromkeys(m.stripped for m in terms.commercial_model_types) or {"": None}
        uses = dict.fromkeys(u.stripped for u in terms.use_types) or {"": None}
        territories = {t.stripped for t in terms.territories}
        excluded = {t.stripped for t in terms.excluded_territories}
        for release in releases:
            for model in models:
                for use in uses:
                    names = (release, model, use)
                    entry = found.setdefault(" ".join(names), (*names, [], set(), set()))
                    entry[3].append(terms)
                    entry[4].update(territories)
                    entry[5].update(excluded)
    return {key: Availability(release=r, model=mo, use=u, terms=tuple(t),
                              territories=frozenset(inc), excluded=frozenset(exc))
            for key, (r, mo, u, t, inc, exc) in found.items()}, taken_down


def _deal_changes(old: Availability | None, new: Availability | None) -> Iterator[Change]:
    if old is None and new is not None:
        yield Change(kind=ChangeKind.ADDED, part=Part.DEAL, key=new.key,
                     new=tuple(sorted(new.territories)), update=new.terms[0].loc)
    elif new is None and old is not None:
        yield Change(kind=ChangeKind.REMOVED, part=Part.DEAL, key=old.key,
                     old=tuple(sorted(old.territories)), original=old.terms[0].loc)
    elif old is not None and new is not None:
        for name, before, after in (("territories", old.territories, new.territories),
                                    ("excluded_territories", old.excluded, new.excluded)):
            if before != after:
                yield Change(kind=ChangeKind.CHANGED, part=Part.DEAL, key=new.key, field=name,
                             old=tuple(sorted(before)), new=tuple(sorted(after)),
                             original=old.terms[0].loc, update=new.terms[0].loc)


def _key(pair: _ReleasePair) -> str:
    """A release's key: its reference in the update, else in the original."""
    old, new = pair
    return new.ref if new is not None else old.ref if old is not None else ""


def compare(original: m.Message, update: m.Message) -> ChangeSet:
    """The change set from ``original`` to ``update``."""
    main, others = _release_pairs(original, update)
    pairs = ([main] if main is not None else []) + others
    changes = [c for pair in pairs for c in _release_changes(*pair, _key(pair))]
    tracks = pair_tracks(original.tracks(), update.tracks())
    changes.extend(c for pair in tracks for c in _track_changes(pair))
    # Deals name releases by reference: the original's are read as the releases' keys.
    keys = {old.ref: _key((old, new)) for old, new in pairs if old is not None}
    old_deals, _ = _availabilities(original, keys)
    new_deals, taken_down = _availabilities(update, {})
    deals = [(old_deals.get(k), new_deals.get(k)) for k in dict.fromkeys([*old_deals, *new_deals])]
    for old_deal, new_deal in deals:
        changes.extend(_deal_changes(old_deal, new_deal))
    return ChangeSet(changes=tuple(changes), main_release=_key(main) if main else None,
                     tracks=tracks, availabilities=tuple(deals),
                     taken_down=frozenset(taken_down), reassigned=_reassigned(tracks))
