"""validate(): inputs → safexml → xsd → parser → rules → selection, dedupe → Report.

One parse per message, one XSD pass over the same tree, one walk to build the model, one
pass of the rules (each rule sees the model once; shared indexes live on the RuleContext).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from ddexkit._version import __version__
from ddexkit.catalogue import Catalogue, FileFacts, file_facts
from ddexkit.changes import OriginalSource, UpdateFacts, compare, read_original
from ddexkit.config import Config, discover_config, normalized_codes
from ddexkit.digestcache import DigestStore
from ddexkit.domain.catalog import Catalog, load_catalog
from ddexkit.inputs import (
    AssetStore,
    FolderAssets,
    MessageSource,
    PackageFacts,
    ZipAssets,
    as_path,
    expand_paths,
    read_package,
)
from ddexkit.issues import WHOLE_FILE, Finding, Issue, Location, Severity
from ddexkit.locate import Locator
from ddexkit.media import AssetFacts, declared_assets, gather_assets
from ddexkit.model import Message
from ddexkit.parser import build_message, cyclic_gc_paused
from ddexkit.profiles import (
    Profile,
    ProfileError,
    ProfileVerdict,
    declared_profile,
    load_profiles,
    verdict,
)
from ddexkit.regularfile import read_bytes
from ddexkit.report import TOOL_NAME, BatchIssue, FileReport, Report
from ddexkit.rules import ALL_RULES, AnyRule, RuleContext, RuleOptions, Stage
from ddexkit.safexml import MAX_MESSAGE_BYTES, DocumentFacts, read_document
from ddexkit.summary import summarize
from ddexkit.xsd import MISSING, THREAD_MIN_BYTES, VALUE, find_schema_dir, start_validation

# Issues of one code and severity listed per file; the rest are counted in one more issue.
MAX_ISSUES_PER_CODE = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything validation needs besides the message, resolved once per batch."""

    config: Config = field(default_factory=Config)
    schema_dir: Path | None = None
    catalog: Catalog | None = None
    assets: Path | None = None
    original: OriginalSource | None = None  # the ERN delivered before (the UPD rules)
    # The profiles a verdict is given for (the default profile when none is named).
    profiles: tuple[Profile, ...] = field(default_factory=lambda: load_profiles(()))
    # Where asset digests are kept: between runs (``--cache``), or for the run (the packager
    # checks what it zips against them); None to hash every file.
    digests: DigestStore | None = None
    # Issues of one code and severity listed per file; None lists every one (``ddexkit fix``
    # needs each issue's fix, not one issue counting the rest).
    issue_cap: int | None = MAX_ISSUES_PER_CODE
    # Whether each file's catalogue facts (FileReport.facts) are gathered: what the BAT rules
    # compare across the files of a batch. Off for a single input that no cache keeps, which
    # has no other file to be compared with (see for_inputs).
    file_facts: bool = True

    def for_inputs(self, count: int, *, cached: bool = False) -> Settings:
        """These settings for a run over ``count`` inputs: a lone input, unless its report is
        cached for later batches, needs no catalogue facts."""
        return replace(self, file_facts=False) if count < 2 and not cached else self

    @property
    def profile_codes(self) -> frozenset[str]:
        """The rules the selected profiles count, together: what runs."""
        return frozenset().union(*(profile.codes for profile in self.profiles))

    @property
    def option_groups(self) -> tuple[tuple[Profile, ...], ...]:
        """The selected profiles grouped by the thresholds and word lists they set, in the
        order of their first profile: one group (the default) means one run of every rule."""
        groups: dict[tuple[object, ...], list[Profile]] = {}
        for profile in self.profiles:
            groups.setdefault(profile.options, []).append(profile)
        return tuple(tuple(group) for group in groups.values())


def resolve_settings(
    config: Config | None = None,
    *,
    schema_dir: str | Path | None = None,
    catalog: str | Path | Catalog | None = None,
    assets: str | Path | None = None,
    start: str | Path | None = None,
    profiles: Sequence[str] | None = None,
    original: str | Path | None = None,
) -> Settings:
    """Settings from explicit values, else the configuration (discovered from ``start``).
    ``profiles`` names the profiles (built-in names or .toml files) over the configuration's."""
    if config is None:
        config = discover_config(start) if start is not None else Config()
    config.check_codes(rule.code for rule in ALL_RULES)
    config.check_mandatory(rule.code for rule in ALL_RULES if rule.mandatory)
    if schema_dir is not None:
        found_schema = find_schema_dir(schema_dir)
    elif config.schema_dir is not None:
        where = f" of {config.source}" if config.source else ""
        found_schema = find_schema_dir(config.schema_dir, named_by=f"schema-dir{where}:")
    else:
        found_schema = find_schema_dir()
    if isinstance(catalog, Catalog):
        loaded: Catalog | None = catalog
    else:
        catalog_path = catalog if catalog is not None else config.catalog
        loaded = load_catalog(catalog_path) if catalog_path is not None else None
    if assets is not None:
        FolderAssets(Path(assets))  # a loop of links is an InputError now, not in each file
    try:
        chosen = load_profiles(profiles if profiles else config.profiles)
    except ProfileError as error:
        if profiles or config.source is None:
            raise
        # a name the user did not type: say which configuration holds it
        raise ProfileError(f"{config.source}: profiles: {error}") from None
    return Settings(
        config=config,
        schema_dir=found_schema,
        catalog=loaded,
        assets=Path(assets) if assets is not None else None,
        profiles=chosen,
        original=read_original(original) if original is not None else None,
    )


def _rules_for(settings: Settings, path: str | None, *, assets: bool = False,
               codes: frozenset[str] | None = None) -> list[AnyRule]:
    """The rules that run on the file: those the profiles count (``codes``, by default the
    selected profiles'), or whose very code the configuration selects, less what it
    switches off; the mandatory ones always."""
    available = {"catalog"} if settings.catalog is not None else set()
    if assets or settings.assets is not None:
        available.add("assets")
    if settings.original is not None:
        available.add("original")
    config = settings.config
    counted = settings.profile_codes if codes is None else codes
    return [
        rule
        for rule in ALL_RULES
        if rule.needs <= available
        and (rule.mandatory or (config.is_selected(rule.code, path)
                                and (rule.code in counted or rule.code in config.select)))
    ]


# Who hears which stage a file's validation is in (the CLI's progress line for one large
# file); None for everyone else, which costs a lookup per stage.
stage_listener: ContextVar[Callable[[str], None] | None] = ContextVar("stage_listener",
                                                                       default=None)


def _stage(name: str) -> None:
    listener = stage_listener.get()
    if listener is not None:
        listener(name)


def _context(settings: Settings) -> RuleContext:
    """A fresh context per file (its indexes are the file's), with the settings' options and,
    where the selected profiles agree on them, the profiles' thresholds and word lists."""
    config = settings.config
    options = RuleOptions(isrc_extra_prefixes=config.isrc_extra_prefixes,
                          audio_upload=config.audio_upload, single_zip=config.single_zip,
                          partner_namespaces=config.partner_namespaces)
    groups = settings.option_groups
    if len(groups) == 1:
        options = replace(options, **dict(groups[0][0].options))
    return RuleContext(catalog=settings.catalog, options=options)


# Which profiles a finding counts for, by id() of the finding, when the rule that found it
# ran for one group of profiles (``_run_for_profiles``); a finding not named counts for all.
Scopes = dict[int, frozenset[str]]


def _run_for_profiles(rules: Sequence[AnyRule], stage: Stage, subject: object,
                      context: RuleContext, settings: Settings,
                      scopes: Scopes) -> list[tuple[AnyRule, Finding]]:
    """``_run``, but where the selected profiles set thresholds or word lists apart, each
    rule that reads one (``Rule.reads``) runs once per group of profiles that share their
    values, with those values, and its findings count for that group only (``scopes``).
    The rest runs once: the cost grows with the distinct value sets, not the profiles."""
    groups = settings.option_groups
    if len(groups) == 1:
        return _run(rules, stage, subject, context)
    reading = [r for r in rules if r.reads and r.stage is stage]
    found = _run([r for r in rules if not r.reads], stage, subject, context)
    counted_somewhere = settings.profile_codes
    for index, group in enumerate(groups):
        codes = frozenset().union(*(p.codes for p in group))
        # A rule only the configuration selects runs once, with the first group's values.
        chosen = [r for r in reading if r.code in codes
                  or (index == 0 and r.code not in counted_somewhere)]
        if not chosen:
            continue
        group_context = copy.copy(context)  # the file's indexes stay shared
        group_context.options = replace(context.options, **dict(group[0].options))
        names = frozenset(p.name for p in group)
        for rule, finding in _run(chosen, stage, subject, group_context):
            scopes[id(finding)] = names
            found.append((rule, finding))
    return found


def _indexes(rules: Iterable[AnyRule]) -> frozenset[str]:
    """What the parser indexes for these rules: the union of what they declare."""
    return frozenset().union(*(rule.indexes for rule in rules))


def _run(
    rules: Iterable[AnyRule], stage: Stage, subject: object, context: RuleContext
) -> list[tuple[AnyRule, Finding]]:
    found: list[tuple[AnyRule, Finding]] = []
    for rule in rules:
        if rule.stage is not stage:
            continue
        try:
            found.extend((rule, finding) for finding in rule.check(subject, context))
        except Exception as error:  # a bug in one rule must not hide the other rules' issues
            found.append(
                (
                    rule,
                    Finding(
                        at=WHOLE_FILE,
                        message=f"ddexkit could not finish this check: internal error {error!r}",
                        hint="Please report this, with the file, to the ddexkit maintainers",
                    ),
                )
            )
    return found


def _issues(
    found: Sequence[tuple[AnyRule, Finding]], locator: Locator, config: Config,
    scopes: Scopes | None = None, cap: int | None = MAX_ISSUES_PER_CODE,
) -> tuple[Issue, ...]:
    issues: list[tuple[AnyRule, Finding, Issue]] = []
    for rule, finding in found:
        default = finding.severity or rule.severity
        issue = Issue(
            code=rule.code,
            severity=config.severity_for(rule.code, default),
            message=finding.message,
            location=locator.resolve(finding.at),
            hint=finding.hint,
            fix=finding.fix,
            profiles=tuple(sorted(scopes[id(finding)])) if scopes and id(finding) in scopes
            else (),
        )
        issues.append((rule, finding, issue))
    explaining: set[tuple[str, str, str]] = set()
    for rule, finding, issue in issues:
        if issue.location.xpath:
            for kind in rule.explains_xsd:
                names = finding.missing if kind == MISSING else ("",)
                explaining.update((kind, issue.location.xpath, name) for name in names)
    kept = [issue for _, finding, issue in issues
            if finding.xsd_kind is None or not _explained(finding, issue, explaining)]
    unique: dict[tuple[str, Location, str], Issue] = {}
    for issue in kept:
        key = (issue.code, issue.location, issue.message)
        earlier = unique.get(key)
        if earlier is not None:  # the same finding for two groups of profiles counts for both
            both = () if not (earlier.profiles and issue.profiles) else tuple(
                sorted({*earlier.profiles, *issue.profiles}))
            issue = replace(issue, profiles=both)
        unique[key] = issue
    ordered = sorted(unique.values(), key=lambda i: i.sort_key)
    return tuple(ordered) if cap is None else _capped(ordered, cap)


def _capped(issues: Sequence[Issue], cap: int = MAX_ISSUES_PER_CODE) -> tuple[Issue, ...]:
    """The first ``cap`` issues of each code and severity in document order, and after them
    one issue of that code and severity counting the rest: a message with 60,000 faults of one
    kind gives a report people can read and programs can hold, and the verdict is the same.
    One pass, so linear in the number of issues."""
    seen: dict[tuple[str, Severity], int] = {}
    first_dropped: dict[tuple[str, Severity], Issue] = {}
    kept: list[Issue] = []
    for issue in issues:
        key = (issue.code, issue.severity)
        count = seen[key] = seen.get(key, 0) + 1
        if count <= cap:
            kept.append(issue)
        elif count == cap + 1:
            first_dropped[key] = issue
    if not first_dropped:
        return tuple(issues)
    for key, first in first_dropped.items():
        more = seen[key] - cap
        # At the first issue left out, so it sorts right after the last one listed.
        kept.append(Issue(
            code=first.code, severity=first.severity, location=first.location,
            message=f"… and {more:,} more like this (only the first {cap} {first.code} "
                    f"{first.severity.value}s of a file are listed)",
            hint="Fix the ones listed and validate again to see the rest",
            collapsed=more, profiles=first.profiles,
        ))
    return tuple(sorted(kept, key=lambda i: i.sort_key))


def _explained(finding: Finding, xsd_issue: Issue,
               explaining: set[tuple[str, str, str]]) -> bool:
    """Whether a specific rule reports this very XSD violation (rules.md): a value fault of
    the element it judges, or, at the same place, a missing child that its finding names
    (``Finding.missing``). A structural violation is never explained away."""
    xpath = xsd_issue.location.xpath
    if not xpath or finding.xsd_kind is None:
        return False
    if finding.xsd_kind == VALUE:
        return (VALUE, xpath, "") in explaining
    return any((finding.xsd_kind, xpath, name) in explaining for name in finding.xsd_missing)


def validate_bytes(raw: bytes, settings: Settings, *, path: str | None = None,
                   size: int | None = None, store: AssetStore | None = None,
                   package: PackageFacts | None = None) -> FileReport:
    """Validate one message given as bytes (``size``: the file's size when ``raw`` was cut
    short at the limit). With a ``store`` (an assets folder or the ZIP's entries), the files
    the message references are checked too (``package``: the ZIP's facts)."""
    # The tree and the model are freed when _validate_bytes returns, before the GC is back on.
    with cyclic_gc_paused():
        return _validate_bytes(raw, settings, path=path, size=size, store=store,
                               package=package)


def _validate_bytes(raw: bytes, settings: Settings, *, path: str | None,
                    size: int | None, store: AssetStore | None,
                    package: PackageFacts | None) -> FileReport:
    rules = _rules_for(settings, path, assets=store is not None)
    _stage("parse")
    document = read_document(raw, size=size)
    context = _context(settings)
    scopes: Scopes = {}
    found = _run(rules, Stage.DOCUMENT, document.facts, context)
    tree = document.tree
    message: Message | None = None
    xsd_status = "skipped"
    declared: Profile | None = None
    facts: FileFacts | None = None
    if tree is not None and not any(rule.stops_the_run for rule, _ in found):
        _stage("XSD")
        # A large message is validated in a thread beside the model build (see
        # start_validation); the schema's rules run once both are done.
        xsd_outcome = start_validation(tree, settings.schema_dir,
                                       in_thread=len(raw) >= THREAD_MIN_BYTES)
        # A profile the message declares and nobody selected gets its verdict apart: its
        # other rules run from here on (its document and schema rules are the mandatory ones).
        declared = _declared_apart(tree.getroot(), settings)
        later = rules
        if declared is not None:
            running = set(rules)
            later = rules + [r for r in _rules_for(settings, path, assets=store is not None,
                                                   codes=declared.codes) if r not in running]
        _stage("model")
        message = build_message(tree.getroot(), _indexes(later))
        xsd = xsd_outcome()
        xsd_status = xsd.status
        found += _run(rules, Stage.SCHEMA, xsd, context)
        context.message = message
        if message.kind != "NewReleaseMessage":
            later = [r for r in later if r.any_message_kind]
        _stage("rules")
        found += _run_for_profiles(later, Stage.MESSAGE, message, context,
                                   settings, scopes)
        if store is not None:
            name = (package.message_name if package is not None else path) or "message.xml"
            assets = gather_assets(message, store, package=package, message_name=name,
                                   message_bytes=raw, digests=settings.digests)
            found += _run_for_profiles(later, Stage.ASSETS, assets, context,
                                   settings, scopes)
        else:  # only the asset rules that need no files (AST804, AST807) are selected
            assets = declared_assets(message)
            found += _run_for_profiles(later, Stage.ASSETS, assets, context,
                                   settings, scopes)
        # Else no one reads them: no BAT rule selected, or no other file to compare with.
        if settings.file_facts and any(rule.stage is Stage.BATCH for rule in rules):
            facts = file_facts(message, path or "<bytes>", assets)
        if settings.original is not None and any(r.stage is Stage.UPDATE for r in later):
            original = settings.original.message()
            found += _run(later, Stage.UPDATE, UpdateFacts(
                original=original, update=message, changes=compare(original, message)),
                context)
    _stage("report")
    locator = Locator(raw, tree.getroot() if tree is not None else None)
    selected = {rule.code for rule in rules}
    issues, verdicts = _judged([(r, f) for r, f in found if r.code in selected], locator,
                               settings, xsd_status, settings.profiles, scopes=scopes)
    if declared is not None:
        _, apart = _judged([(r, f) for r, f in found if r.code in declared.codes], locator,
                           settings, xsd_status, (declared,), selected=False)
        verdicts += apart
    return FileReport(
        strict=settings.config.strict,
        path=path,
        message_kind=document.facts.root_name,
        schema_version=document.facts.schema_version_id,
        xsd=xsd_status,
        issues=issues,
        profiles=verdicts,
        summary=summarize(message, context.tracks) if message is not None else None,
        facts=facts,
    )


def _declared_apart(root: etree._Element, settings: Settings) -> Profile | None:
    """The built-in profile the root's ReleaseProfileVersionId names, unless selected."""
    declared = declared_profile(root.get("ReleaseProfileVersionId"))
    if declared is None or any(p.name == declared.name for p in settings.profiles):
        return None
    return declared


def _judged(found: Sequence[tuple[AnyRule, Finding]], locator: Locator, settings: Settings,
            xsd_status: str, profiles: Sequence[Profile], *, selected: bool = True,
            scopes: Scopes | None = None,
            ) -> tuple[tuple[Issue, ...], tuple[ProfileVerdict, ...]]:
    """The issues of ``found``, each naming the profiles it counts for, and each profile's
    verdict on them (``selected``: False for a declared profile shown apart; ``scopes``:
    the findings that count for some of the profiles only)."""
    issues = _issues(found, locator, settings.config, scopes, settings.issue_cap)
    tagged = tuple(replace(issue, profiles=tuple(p.name for p in profiles if p.counts(issue)))
                   for issue in issues)
    strict = settings.config.strict
    return tagged, tuple(verdict(p, tagged, xsd=xsd_status, strict=strict, selected=selected)
                         for p in profiles)


def _unreadable(path: str, reason: str, settings: Settings) -> FileReport:
    """A file that cannot be read at all: the document rules say so (ERN001)."""
    rules = _rules_for(settings, path)
    facts = DocumentFacts(size=0, unreadable=reason)
    return _without_message(path, _run(rules, Stage.DOCUMENT, facts, _context(settings)),
                            settings)


def _without_message(path: str, found: Sequence[tuple[AnyRule, Finding]],
                     settings: Settings) -> FileReport:
    """The report of a file whose message could not be read: only what ``found`` says."""
    issues, verdicts = _judged(found, Locator(b"", None), settings, "skipped",
                               settings.profiles)
    return FileReport(
        strict=settings.config.strict,
        path=path,
        message_kind=None,
        schema_version=None,
        xsd="skipped",
        issues=issues,
        profiles=verdicts,
    )


def validate_source(source: MessageSource, settings: Settings) -> FileReport:
    """Validate one input: bytes, an XML file or a ZIP package."""
    folder = FolderAssets(settings.assets) if settings.assets is not None else None
    if source.data is not None:
        return validate_bytes(source.data, settings, path=source.display, store=folder)
    assert source.path is not None
    path = str(source.path)
    if source.is_zip:
        package = read_package(source.path, MAX_MESSAGE_BYTES)
        if package.not_a_zip is not None:
            return _unreadable(path, package.not_a_zip, settings)
        if package.message_bytes is None:
            return _package_only(path, package, settings)
        zip_store = ZipAssets(package)
        try:
            return validate_bytes(package.message_bytes, settings, path=path,
                                  size=package.message_size, store=zip_store, package=package)
        finally:
            zip_store.close()
    try:
        raw, size = read_bytes(source.path, MAX_MESSAGE_BYTES)
    except OSError as error:
        return _unreadable(path, error.strerror or str(error), settings)
    return validate_bytes(raw, settings, path=path, size=size, store=folder)


def _package_only(path: str, package: PackageFacts, settings: Settings) -> FileReport:
    """A ZIP whose ERN cannot be read (none, several, or refused by the safety gates): only
    the package rules speak."""
    rules = _rules_for(settings, path, assets=True)
    facts = AssetFacts(package=package, package_size=package.zip_size)
    return _without_message(path, _run(rules, Stage.ASSETS, facts, _context(settings)),
                            settings)


def tool_info() -> dict[str, str]:
    return {"name": TOOL_NAME, "version": __version__}


def check_batch(files: Sequence[FileFacts], settings: Settings) -> tuple[BatchIssue, ...]:
    """The catalogue checks (BAT rules) over a batch's files, when it has two or more: the
    faults no single message shows. Linear in the facts: each rule buckets them once."""
    if len(files) < 2:
        return ()
    rules = [rule for rule in ALL_RULES if rule.stage is Stage.BATCH
             and settings.config.is_selected(rule.code)
             and rule.code in settings.profile_codes | set(settings.config.select)]
    found = _run(rules, Stage.BATCH, Catalogue(files=tuple(files)), _context(settings))
    return tuple(
        BatchIssue(code=rule.code,
                   severity=settings.config.severity_for(rule.code,
                                                         finding.severity or rule.severity),
                   message=finding.message, hint=finding.hint, places=finding.places)
        for rule, finding in sorted(found, key=lambda pair: pair[0].code))


def validate_sources(sources: Sequence[MessageSource], settings: Settings) -> Report:
    files = tuple(validate_source(s, settings) for s in sources)
    return Report(files=files, tool=tool_info(),
                  batch_issues=check_batch([f.facts for f in files if f.facts], settings))


def validate(
    source: str | Path | bytes,
    *,
    assets: str | Path | None = None,
    schema_dir: str | Path | None = None,
    config: Config | None = None,
    catalog: str | Path | Catalog | None = None,
    profiles: Sequence[str] | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    strict: bool | None = None,
    original: str | Path | None = None,
) -> Report:
    """Validate an ERN message (a path to an .xml, a .zip, a folder of them, or the bytes);
    with ``original``, the ERN delivered before, as an update of it (the UPD rules).

    ``profiles`` names the recipients whose verdict each file gets (``["apple", "spotify"]``,
    or .toml profile files; default: the configuration's, else ``verseone``, the distributor's
    API): each file's ``profiles`` holds a verdict per profile, each issue the profiles it
    counts for, and a file is ready only when every selected profile is.

    ``select``, ``ignore`` (codes or family prefixes, ``"ALL"``) and ``strict`` lay the
    command line's options over the configuration, without building a ``Config`` by hand.

    Without ``config``, the configuration is discovered upward from the working directory
    (the project using ddexkit), never from the validated input: a delivery is untrusted and
    must not be able to switch checks off. Raises ``InputError`` for a path that does not
    exist, ``ConfigError`` / ``CatalogError`` for unusable settings and ``SchemaDirError``
    for a named schema folder without the schema; faults in the message itself are issues in
    the returned Report, never exceptions.
    """
    if select is not None or ignore is not None or strict is not None:
        base = config if config is not None else discover_config(Path.cwd())
        config = base.merged(
            select=normalized_codes(select) if select is not None else None,
            ignore=normalized_codes(ignore) if ignore is not None else None,
            strict=strict)
    settings = resolve_settings(config, schema_dir=schema_dir, catalog=catalog, assets=assets,
                                start=Path.cwd(), profiles=profiles, original=original)
    sources = ([MessageSource(path=None, data=source)] if isinstance(source, bytes)
               else expand_paths([as_path(source)]))
    return validate_sources(sources, settings.for_inputs(len(sources)))
