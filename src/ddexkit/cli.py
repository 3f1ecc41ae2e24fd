"""Command line: `ddexkit validate | diff | summary | package | plan | upload | profiles |
rules | schema`. Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage
problems, 3 a bug of ours, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM). Nothing imports
this module."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from ddexkit._version import __version__
from ddexkit.batch import (
    BatchResult,
    ProgressBar,
    StageProgress,
    Terminated,
    handling_signals,
    validate_batch,
    wants_progress,
)
from ddexkit.config import AUDIO_UPLOAD_MODES, Config, ConfigError, load_config, normalized_codes
from ddexkit.digestcache import DigestCache
from ddexkit.domain.catalog import CatalogError
from ddexkit.engine import Settings, resolve_settings, stage_listener, validate_source
from ddexkit.inputs import InputError, MessageSource, expand_paths
from ddexkit.output import FORMATS
from ddexkit.outputfile import (
    STANDARD_OUTPUT,
    OutputError,
    explain_write_error,
    open_output,
    refuse_inputs,
)
from ddexkit.printable import printable
from ddexkit.regularfile import read_bytes
from ddexkit.report import Report, report_schema
from ddexkit.resultcache import ResultCache
from ddexkit.rules import ALL_RULES, by_code
from ddexkit.safexml import MAX_MESSAGE_BYTES
from ddexkit.xsd import SchemaDirError, SchemaInstallError, install_schema, user_cache_dir

if TYPE_CHECKING:  # imported by the commands that use them: `fix` (zipfile) and the
    # profile listing
    from ddexkit.autofix import FixResult
    from ddexkit.profiles import ProfileSetting

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 3  # a bug in ddexkit, never confused with a verdict (1)
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM


class UsageError(Exception):
    """A problem with how ddexkit was called; printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (what was wrong, what is allowed, the option
    meant), not the whole usage block; ``--help`` still shows everything. No abbreviations:
    ``--form`` must not silently mean ``--format`` (nor break when an option is added)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)
        # The command the arguments name, so that an error the top level reports (an
        # unknown option of `validate`) points at that command's help page.
        self.command_named: str | None = None

    def error(self, message: str) -> NoReturn:
        hint = _option_hint(self, message)
        page = f"{self.prog} {self.command_named}" if self.command_named else self.prog
        self.exit(EXIT_USAGE, f"{self.prog}: {message}{hint} (see {page} --help)\n")


def _option_hint(parser: argparse.ArgumentParser, message: str) -> str:
    """"; did you mean --format?" for an unknown option close to one of any command's;
    "; --profile is an option of ddexkit validate" for one that another command has (the
    closest option to it is itself: suggesting it would say nothing)."""
    if not message.startswith("unrecognized arguments:"):
        return ""
    import difflib

    owners: dict[str, list[str]] = {}  # option → the commands that have it
    parsers = [parser]
    while parsers:
        current = parsers.pop()
        for option in current._option_string_actions:
            owners.setdefault(option, []).append(current.prog)
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
    for word in message.split(":", 1)[1].split():
        if word.startswith("--"):
            option = word.split("=", 1)[0]
            if option in owners:
                return f"; {option} is an option of {', '.join(sorted(owners[option]))}"
            close = difflib.get_close_matches(option, sorted(owners), n=1)
            if close:
                return f"; did you mean {close[0]}?"
    return ""


def _codes(value: str) -> list[str]:
    return list(normalized_codes(part for part in value.split(",") if part.strip()))


def _jobs(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return int(value)


def _add_settings_arguments(command: argparse.ArgumentParser, *, catalog: bool = True) -> None:
    """Where a command's settings come from: the schema, the catalog, the configuration."""
    command.add_argument("--schema-dir", metavar="DIR", help="folder of the official XSD")
    if catalog:
        command.add_argument("--catalog", metavar="FILE",
                             help="the platform's lookup lists (JSON)")
    command.add_argument("--config", metavar="FILE", help="ddexkit.toml or pyproject.toml")
    command.add_argument("--no-config", action="store_true", help="ignore configuration files")


def _add_release_arguments(command: argparse.ArgumentParser) -> None:
    """The arguments ``package`` and ``plan`` share: one ERN, its files, how it is delivered
    and where the settings come from."""
    command.add_argument("ern", metavar="ERN.xml", help="the release's ERN message")
    command.add_argument("--assets", required=True, metavar="DIR",
                         help="folder holding the files the ERN names")
    command.add_argument("--format", choices=("text", "json"), default="text",
                         help="output format (default: text)")
    command.add_argument("--audio-upload", choices=AUDIO_UPLOAD_MODES, default=None,
                         help="how the track-upload endpoint takes audio over 10 MB: in parts "
                         "(default) or only whole")
    command.add_argument("--single-zip", action="store_true", default=None,
                         help="one ZIP only: a release over 50,000 KB is AST816 instead of a "
                         "release ZIP and a delivery plan (OUT.plan.json)")
    _add_settings_arguments(command)


def _add_report_arguments(command: argparse.ArgumentParser) -> None:
    """The arguments ``summary`` and ``diff`` share: text or JSON, and where the settings
    come from."""
    command.add_argument("--format", choices=("text", "json"), default="text",
                         help="output format (default: text)")
    _add_settings_arguments(command, catalog=False)


def _parser() -> _Parser:
    parser = _Parser(
        prog="ddexkit",
        description="Validate DDEX ERN 3.8.2 release messages and package them for upload.",
        epilog="Example: ddexkit validate corpus/good/album.xml",
    )
    parser.add_argument("--version", action="version", version=f"ddexkit {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="on an internal error, show the traceback instead of logging it")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    validate = commands.add_parser(
        "validate",
        help="check ERN messages (.xml, .zip or folders of them)",
        description="Check ERN 3.8.2 messages and report what the distributor would reject.",
        epilog="Example: ddexkit validate --format json releases/ > report.json",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH",
                          help=".xml, .zip or folder; - reads one message from standard input")
    validate.add_argument("--format", "--output-format", dest="format", choices=sorted(FORMATS),
                          default="text", help="report format (default: text)")
    validate.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                          help="colour in text output: auto (a terminal, unless NO_COLOR is "
                          "set or TERM=dumb; FORCE_COLOR forces it), always or never")
    validate.add_argument("--quiet", "-q", action="store_true",
                          help="text: only the line per file and the total")
    validate.add_argument("--show-source", action="store_true",
                          help="text: show each issue's line with a caret at the place")
    validate.add_argument("--statistics", action="store_true",
                          help="text: end with the number of issues per code")
    validate.add_argument("--cache", metavar="DIR", default=None,
                          help="keep each file's report in DIR and reuse it while the file, "
                          "the settings and ddexkit are unchanged (not for --assets, ZIPs or "
                          "--original)")
    validate.add_argument("--no-cache", action="store_true",
                          help="validate every file again, even with a cache configured")
    validate.add_argument("--no-batch-checks", action="store_true",
                          help="skip the catalogue checks across the files (the BAT rules: "
                          "one UPC on two releases, one ISRC on two recordings…)")
    validate.add_argument("--exit-zero", action="store_true",
                          help="exit 0 even when files need fixes (usage errors still exit 2)")
    validate.add_argument("--output", metavar="FILE", help="write the report to FILE")
    validate.add_argument("--schema-dir", metavar="DIR", help="folder of the official XSD")
    validate.add_argument("--catalog", metavar="FILE", help="the platform's lookup lists (JSON)")
    validate.add_argument("--assets", metavar="DIR", help="folder of the files the ERN names")
    validate.add_argument("--config", metavar="FILE", help="ddexkit.toml or pyproject.toml")
    validate.add_argument("--no-config", action="store_true", help="ignore configuration files")
    validate.add_argument("--select", type=_codes, metavar="CODES",
                          help="only these codes or prefixes, comma-separated (e.g. ID,TER501)")
    validate.add_argument("--ignore", type=_codes, metavar="CODES",
                          help="skip these codes or prefixes, comma-separated")
    validate.add_argument("--strict", action="store_true", default=None,
                          help="fail (exit 1) on warnings too")
    validate.add_argument("--audio-upload", choices=AUDIO_UPLOAD_MODES, default=None,
                          help="how the track-upload endpoint takes audio over 10 MB: in parts "
                          "(default) or only whole (then such a file is AST812)")
    validate.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                          help="worker processes (default: the number of cores; 1: no workers)")
    validate.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                          help="skip files and folders matching GLOB in folder walks "
                          "(repeatable; .git, .venv, node_modules, __pycache__ always)")
    validate.add_argument("--profile", action="append", default=None, metavar="PROFILE",
                          help="give a verdict for this profile: a name from `ddexkit "
                          "profiles` or a .toml profile file (repeatable; default: verseone, "
                          "the distributor's API)")
    validate.add_argument("--original", metavar="ERN.xml",
                          help="the ERN delivered before: check the inputs as updates of it "
                          "(the UPD rules: docs/diff.md)")
    validate.add_argument("--skip-non-ddex", action="store_true",
                          help="skip XML whose root is not in a DDEX namespace (noted on "
                          "stderr) instead of failing it; for pre-commit")

    compared = commands.add_parser(
        "diff",
        help="compare an updated ERN with the one delivered before",
        description="Show what an update changes in the delivered release (releases, tracks, "
        "deals; old and new values, the line in each file), then the UPD issues: what the "
        "store would refuse or hold (docs/diff.md). Exit codes as for validate.",
        epilog="Example: ddexkit diff delivered/album.xml album.xml --format json",
    )
    compared.add_argument("original", metavar="ORIGINAL.xml", help="the ERN delivered before")
    compared.add_argument("update", metavar="UPDATE.xml", help="the updated ERN")
    _add_report_arguments(compared)

    fixing = commands.add_parser(
        "fix",
        help="repair what the rules know the one repair of, as a reviewable patch",
        description="Show the safe fixes the rules offer (ISRC separators, UK → GB, 3:45 → "
        "PT3M45S, role case…) as a unified diff, changing nothing; --write applies them. "
        "Only the edited values change, byte for byte; a fix after which the message has an "
        "issue it did not have is not applied (docs/fix.md). Exit codes as for validate, "
        "for the files as fixed.",
        epilog="Example: ddexkit fix album.xml > fixes.diff && ddexkit fix --write album.xml",
    )
    fixing.add_argument("paths", nargs="+", metavar="PATH",
                        help=".xml, .zip (the ERN in it is fixed) or folder")
    fixing.add_argument("--write", action="store_true",
                        help="apply the fixes to the files (atomically, keeping their mode)")
    fixing.add_argument("--unsafe", action="store_true",
                        help="also the fixes that are a judgement (a time zone, a guessed "
                        "spelling)")
    fixing.add_argument("--assets", metavar="DIR", help="folder of the files the ERN names")
    fixing.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="leave files and folders matching GLOB in folder walks alone, "
                        "as validate skips them (repeatable)")
    fixing.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: the diff and a line per fix (default); json: one document "
                        "with each file's fixes applied and refused and what is left")
    _add_settings_arguments(fixing)

    profiles = commands.add_parser(
        "profiles",
        help="list the profiles, or show what one checks",
        description="List the built-in profiles (a recipient's set of rules and severities), "
        "or show one profile's rules; NAME may be a .toml profile file.",
        epilog="Example: ddexkit profiles apple",
    )
    profiles.add_argument("name", nargs="?", help="a profile name or .toml file")

    rules = commands.add_parser(
        "rules",
        help="list the rules, or show one rule's documentation",
        description="List every rule (code, severity, summary), or print one rule's doc.",
        epilog="Example: ddexkit rules TER501",
    )
    rules.add_argument("code", nargs="?", help="a rule code such as ID101")
    rules.add_argument("--markdown", action="store_true",
                       help="print the whole rule reference as Markdown "
                       "(docs/rules-reference.md is generated so)")

    summary = commands.add_parser(
        "summary",
        help="show what the ingest would echo back about a release",
        description="Print the release's ingest-style summary (title, label, UPC, release "
        "date, artists, explicit flag, tracks with ISRCs and durations, artwork, deals by "
        "territory) as a table, or as JSON.",
        epilog="Example: ddexkit summary corpus/good/album.xml --format json",
    )
    summary.add_argument("file", metavar="FILE", help="an ERN .xml or a release .zip")
    _add_report_arguments(summary)

    pack = commands.add_parser(
        "package",
        help="validate an ERN with its files, then write the release ZIP",
        description="Validate the ERN and its files; with no error, write a deterministic "
        "release ZIP (ERN at the root, each file at its FilePath/FileName). On any error "
        "nothing is written and the exit code is 1.",
        epilog="Example: ddexkit package release.xml --assets release/ --output release.zip",
    )
    _add_release_arguments(pack)
    pack.add_argument("--output", required=True, metavar="RELEASE.zip", help="ZIP to write")
    pack.add_argument("--overwrite", action="store_true", help="replace an existing ZIP")

    delivery = commands.add_parser(
        "plan",
        help="validate an ERN with its files, then show how to deliver it within the API's "
        "limits",
        description="Validate the ERN and its files; with no error, print the delivery plan: "
        "which payload goes to which endpoint, in which order, with sizes and digests "
        "(docs/delivery-plan.md). On any error nothing is planned and the exit code is 1.",
        epilog="Example: ddexkit plan release.xml --assets release/ --format json",
    )
    _add_release_arguments(delivery)
    delivery.add_argument("--output", metavar="FILE", help="write the plan to FILE")
    delivery.add_argument("--update", metavar="RELEASE_ID",
                          help="plan an update of this release (PUT of the ERN)")
    delivery.add_argument("--replace", action="append", default=[], metavar="ISRC=TRACK_ID",
                          help="with --update: upload this track's audio again (repeatable)")

    send = commands.add_parser(
        "upload",
        help="run a delivery plan against the distributor's API (needs the upload extra)",
        description="Send each step of a delivery plan (OUT.plan.json) to the API, checking "
        "its bytes against the plan first, retrying timeouts and 5xx, resuming from "
        "PLAN.state.json beside the plan; then show the release's stored status "
        "(docs/upload.md). `ddexkit upload login --api-url URL` keeps a token; "
        "DDEXKIT_API_TOKEN wins over it. Exit codes: 0 delivered, 1 the ingest reported "
        "errors, 2 a usage or transport problem (the same command resumes), 130 interrupted.",
        epilog="Example: ddexkit upload album.plan.json --api-url https://api.example.com",
    )
    send.add_argument("plan", metavar="PLAN.json|login",
                      help="the plan to deliver, or `login` to log in and keep the token")
    send.add_argument("--api-url", required=True, metavar="URL",
                      help="the API's address (https://; http:// only for localhost)")
    send.add_argument("--username", metavar="NAME",
                      help="with login: the account (else $DDEXKIT_API_USERNAME or asked)")
    send.add_argument("--attempts", type=_jobs, default=4, metavar="N",
                      help="tries per request on timeouts, connection errors and 5xx "
                      "(default: 4)")

    schema = commands.add_parser(
        "schema",
        help="install or locate the official ERN 3.8.2 XSD",
        description="Install the official DDEX ERN 3.8.2 XSD into the user cache, or show "
        "which schema folder ddexkit would use.",
        epilog="Example: ddexkit schema install --from ~/Downloads/ern382.zip",
    )
    schema_commands = schema.add_subparsers(dest="schema_command", metavar="ACTION")
    schema_commands.required = True
    install = schema_commands.add_parser(
        "install", help="verify and copy the XSD into the user cache",
        epilog="Example: ddexkit schema install --from ./ern382/",
    )
    install.add_argument("--from", dest="source", required=True, metavar="DIR_OR_ZIP_OR_URL")
    where = schema_commands.add_parser(
        "path", help="print the schema folder in use",
        description="Print the schema folder validate would use, with the same options and "
        "configuration.", epilog="Example: ddexkit schema path")
    where.add_argument("--schema-dir", metavar="DIR", help="the folder to check")
    where.add_argument("--config", metavar="FILE", help="read this configuration file")
    where.add_argument("--no-config", action="store_true", help="ignore configuration files")
    schema_commands.add_parser(
        "report", help="print the JSON Schema of the JSON report",
        description="Print the JSON Schema (draft 2020-12) that every `validate --format "
        "json` report follows (docs/report-format.md).",
        epilog="Example: ddexkit schema report > ddexkit-report.schema.json")
    return parser


def _file_config(args: argparse.Namespace) -> Config:
    """The configuration file's settings: none, the --config file, or the one found from the
    working directory upward. Never from beside the inputs: a delivery is untrusted, and a
    ddexkit.toml planted in it must not switch checks off."""
    if args.no_config:
        return Config()
    if args.config:
        return load_config(args.config)
    from ddexkit.config import discover_config

    return discover_config(Path.cwd())


def _config(args: argparse.Namespace) -> Config:
    base = _file_config(args)
    ignore = tuple(args.ignore or ())
    if getattr(args, "no_batch_checks", False):
        ignore += ("BAT",)  # the catalogue checks are the BAT family
    return base.merged(
        select=tuple(args.select) if args.select else None,
        ignore=base.ignore + ignore if ignore else None,
        strict=args.strict,
        audio_upload=args.audio_upload,
    )


def _write_report(path: str, text: str) -> None:
    """Write the report so that the file is either the old one or the whole new one."""
    with open_output(path, "the report") as stream:
        stream.write(text.encode("utf-8", errors="surrogateescape"))


def _check_output_folder(output: str) -> None:
    """Before any work: an output whose folder is missing or which is a folder is refused."""
    if output == STANDARD_OUTPUT:
        return
    target = Path(output)
    try:
        is_folder, parent_exists = target.is_dir(), target.absolute().parent.is_dir()
    except OSError as error:  # a name longer than the system allows, an unsearchable folder
        raise explain_write_error(output, error, "there") from error
    if is_folder:
        raise UsageError(f"--output {output}: is a folder; name the file to write")
    if not parent_exists:
        raise UsageError(f"--output {output}: its folder does not exist")


def _note_skipped(path: Path, reason: str) -> None:
    sys.stderr.write(printable(f"ddexkit: skipped {path}: {reason}") + "\n")


STANDARD_INPUT = "-"
_TEXT_ONLY = (("quiet", "--quiet"), ("show_source", "--show-source"),
              ("statistics", "--statistics"))


def _sources(args: argparse.Namespace, config: Config) -> list[MessageSource]:
    """The messages named, in order; ``-`` is one message read from standard input (at most
    what the ingest takes, plus one byte so that a larger one is ERN008)."""
    if args.paths.count(STANDARD_INPUT) > 1:
        raise UsageError("- (standard input) can be named once")
    sources: list[MessageSource] = []
    for path in args.paths:
        if path == STANDARD_INPUT:
            raw = sys.stdin.buffer.read(MAX_MESSAGE_BYTES + 1)
            sources.append(MessageSource(path=None, data=raw, name=STANDARD_INPUT))
        else:
            sources += expand_paths([path], exclude=config.exclude + tuple(args.exclude),
                                    on_skip=_note_skipped)
    return sources


def _wants_colour(choice: str, output: str | None) -> bool:
    """--color always/never; auto: a terminal, unless NO_COLOR is set (non-empty) or
    TERM=dumb, and whatever the terminal when FORCE_COLOR is set; never into a file."""
    if choice != "auto":
        return choice == "always"
    if (output is not None and output != STANDARD_OUTPUT) or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return os.environ.get("TERM") != "dumb" and sys.stdout.isatty()


def _source_lines(path: str) -> list[str] | None:
    """A validated file's lines for --show-source; None for a ZIP or what cannot be read."""
    if path.lower().endswith(".zip"):
        return None
    try:
        raw, _size = read_bytes(Path(path), MAX_MESSAGE_BYTES)
    except OSError:
        return None
    return raw.decode("utf-8", errors="replace").splitlines()


def _refuse_text_options(args: argparse.Namespace) -> None:
    used = [flag for name, flag in _TEXT_ONLY if getattr(args, name)]
    if used:
        raise UsageError(f"{used[0]} is for --format text, not {args.format}")


def _render(args: argparse.Namespace, report: Report) -> str:
    colour = _wants_colour(args.color, args.output)
    if args.format != "text":
        _refuse_text_options(args)
        if args.format == "html":  # the page shows the cover and audio of --assets
            from ddexkit.output.html import HtmlOptions
            from ddexkit.output.html import render as render_html

            return render_html(report, options=HtmlOptions(
                assets=Path(args.assets) if args.assets else None))
        return FORMATS[args.format](report, colour)
    from ddexkit.output.text import TextOptions, render

    return render(report, colour, options=TextOptions(
        quiet=args.quiet, show_source=args.show_source, statistics=args.statistics,
        source_lines=_source_lines))


def _stage_progress(sources: list[MessageSource]) -> StageProgress | None:
    """For one file on a terminal: which stage it is in, once it takes over a second."""
    try:
        on_terminal = sys.stderr.isatty()
    except (AttributeError, ValueError):
        on_terminal = False
    if len(sources) != 1 or not on_terminal:
        return None
    return StageProgress(sources[0].display or "-", sys.stderr)


def _result_cache(args: argparse.Namespace, settings: Settings) -> ResultCache | None:
    """--cache DIR, else the configuration's ``cache`` (a folder, or true: the user cache);
    --no-cache wins."""
    if args.no_cache:
        return None
    chosen = args.cache or settings.config.cache
    if chosen is False:
        return None
    folder = user_cache_dir().parents[1] / "results" if chosen is True else Path(chosen)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--cache {folder}: not a folder; name a folder for the results")
    return ResultCache.for_settings(folder, settings)


def _streamed(args: argparse.Namespace, sources: list[MessageSource], settings: Settings,
              bar: ProgressBar | None, cache: ResultCache | None) -> BatchResult:
    """--format jsonl: each file's line written (and flushed) as soon as it is done, none
    kept in memory; into --output FILE as whole or not at all, like every report."""
    from ddexkit.output.jsonl import closing_line, file_line

    _refuse_text_options(args)
    with contextlib.ExitStack() as stack:
        if args.output and args.output != STANDARD_OUTPUT:
            binary = stack.enter_context(open_output(args.output, "the report"))

            def write(text: str) -> None:
                binary.write(text.encode("utf-8", errors="surrogateescape"))
        else:
            def write(text: str) -> None:
                sys.stdout.write(text)
                sys.stdout.flush()

        batch = validate_batch(sources, settings, jobs=args.jobs,
                               skip_non_ddex=args.skip_non_ddex, progress=bar,
                               on_file=lambda file: write(file_line(file)), keep=False,
                               cache=cache)
        write(closing_line(batch.report))
    return batch


def _check_assets_folder(assets: str | None) -> None:
    """A usage error when ``--assets`` names no folder: else every file the ERN names would be
    reported missing, which hides the mistake."""
    if assets and not Path(assets).is_dir():
        given = Path(assets)
        what = ("not a folder" if given.exists() else
                "a link that leads to no folder (a loop of symbolic links, or a missing target)"
                if given.is_symlink() else "no such folder")
        raise UsageError(f"--assets {assets}: {what}; name the folder holding the "
                         "release's artwork and audio")


def _validate(args: argparse.Namespace) -> int:
    config = _config(args)
    sources = _sources(args, config)
    if not sources:
        raise UsageError(f"{', '.join(args.paths)}: no .xml or .zip file to validate there; "
                         "name the ERN files or the folders that hold them")
    _check_assets_folder(args.assets)
    if args.output:
        refuse_inputs(args.output, [(s.path, "one of the files being validated")
                                    for s in sources if s.path is not None])
        _check_output_folder(args.output)
    settings = resolve_settings(config, schema_dir=args.schema_dir, catalog=args.catalog,
                                assets=args.assets, profiles=args.profile,
                                original=args.original)
    cache = _result_cache(args, settings)
    if cache is not None:  # the same folder keeps the asset digests (--assets, ZIPs aside)
        settings = replace(settings, digests=DigestCache(cache.folder / "digests"))
    bar = ProgressBar(sys.stderr) if wants_progress(sys.stderr, len(sources)) else None
    stages = _stage_progress(sources)
    token = stage_listener.set(stages)
    try:
        if args.format == "jsonl":
            batch = _streamed(args, sources, settings, bar, cache)
        else:
            batch = validate_batch(sources, settings, jobs=args.jobs,
                                   skip_non_ddex=args.skip_non_ddex, progress=bar,
                                   cache=cache)
    finally:
        stage_listener.reset(token)
        if stages is not None:
            stages.close()
        if bar is not None:
            bar.close()
    for skipped in batch.skipped:
        sys.stderr.write(printable(f"ddexkit: skipped {skipped.path}: {skipped.reason}") + "\n")
    report = batch.report
    if args.format != "jsonl":
        rendered = _render(args, report)
        if args.output and args.output != STANDARD_OUTPUT:
            _write_report(args.output, rendered)
        else:
            sys.stdout.write(rendered)
    if batch.interrupted:
        stopped = "terminated" if batch.terminated else "interrupted"
        sys.stderr.write(f"ddexkit: {stopped}: {batch.done} of {batch.total} files done, "
                         "the report shows those and says it is partial\n")
        return EXIT_TERMINATED if batch.terminated else EXIT_INTERRUPTED
    if not report.all_ready and not args.exit_zero:
        return EXIT_ERRORS
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    """The change summary and the UPD issues (and the mandatory ones: an update that cannot
    be read says so)."""
    import json

    from ddexkit.comparison import diff
    from ddexkit.output.diff_text import render_diff

    if not Path(args.update).exists():  # a folder or a pipe: diff says what it is
        raise UsageError(f"{args.update}: no such file; name the updated ERN (.xml)")
    config = _file_config(args)
    updates = tuple(rule.code for rule in ALL_RULES if rule.needs == frozenset({"original"}))
    settings = resolve_settings(config.merged(select=updates), schema_dir=args.schema_dir,
                                original=args.original)
    comparison = diff(args.update, settings)
    if args.format == "json":
        sys.stdout.write(json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        sys.stdout.write(render_diff(comparison, colour))
    return EXIT_OK if comparison.report.all_ready else EXIT_ERRORS


def _fix_notes(result: FixResult, *, written: bool, unsafe: bool) -> list[str]:
    """A line per fix applied and per fix refused (with why), then the file's line."""
    path = result.path or "<bytes>"
    done = "fixed" if written else "would fix"
    lines = [f"{path}:{o.location.line}:{o.location.column}: {o.code} {done}: "
             f"{o.fix.description}" for o in result.applied]
    lines += [f"{path}:{o.location.line}:{o.location.column}: {o.code} not fixed: {o.reason}"
              for o in result.refused]
    left = result.report.counts
    more = 0 if unsafe else sum(1 for i in result.report.issues
                                if i.fix is not None and not i.fix.safe)
    lines.append(f"{path}: {len(result.applied)} fixed" if written else
                 f"{path}: {len(result.applied)} to fix")
    errors, warnings = (f"{n} {word}{'' if n == 1 else 's'}" for n, word in
                        ((left["error"], "error"), (left["warning"], "warning")))
    lines[-1] += (f", {len(result.refused)} refused; then {errors}, {warnings}"
                  + (f" ({more} more fixable with --unsafe)" if more else ""))
    return lines


def _each_file_once(sources: list[MessageSource]) -> list[MessageSource]:
    """The sources without a file named again (the same name twice, a link to it, a folder
    holding it): its diff twice would not apply, and with --write the second run would only
    read what the first wrote."""
    seen: set[str] = set()
    once = []
    for source in sources:
        real = os.path.realpath(source.path or "")
        if real not in seen:
            seen.add(real)
            once.append(source)
    return once


def _fix(args: argparse.Namespace) -> int:
    """Each file's fixes as a diff on standard output (notes on standard error), or with
    --write applied, the notes on standard output. A file fix cannot read or edit (a pipe, a
    ZIP without one readable ERN) is one line and counts as needing fixes."""
    from ddexkit.autofix import FixError, fix_file, write_fixed

    if STANDARD_OUTPUT in args.paths:
        raise UsageError("fix edits files: name the .xml files, not - (standard input)")
    config = _file_config(args)  # its exclude globs too: what validate skips, fix leaves
    sources = _each_file_once(expand_paths(args.paths,
                                           exclude=config.exclude + tuple(args.exclude),
                                           on_skip=_note_skipped))
    if not sources:
        raise UsageError(f"{', '.join(args.paths)}: no .xml or .zip file to fix there")
    _check_assets_folder(args.assets)
    settings = resolve_settings(config, schema_dir=args.schema_dir, catalog=args.catalog,
                                assets=args.assets)
    notes = sys.stdout if args.write else sys.stderr
    as_json = args.format == "json"
    done: list[FixResult | tuple[str, str]] = []  # for the JSON document, kept only for it
    all_ready = True
    for source in sources:
        assert source.path is not None
        try:
            result, status = fix_file(source.path, settings, unsafe=args.unsafe)
            if args.write and result.changed:
                write_fixed(source.path, result, status)
        except (FixError, InputError) as error:  # one file; validate too goes on (ERN001)
            sys.stderr.write(printable(f"ddexkit: {error}") + "\n")
            done += [(str(source.path), str(error))] if as_json else []
            all_ready = False
            continue
        # Without --write the file on disk is still unfixed: a pending change is a failure,
        # as `black --check` or `ruff --diff` make it, so CI cannot pass on it.
        pending = result.changed and not args.write
        all_ready = all_ready and result.report.is_ready and not pending
        if as_json:
            done.append(result)
            continue
        if not args.write:  # the file's own UTF-8, whatever standard output encodes
            with open_output(STANDARD_OUTPUT, "the diff") as out:
                out.write(result.unified_diff().encode("utf-8", "surrogateescape"))
        notes.write("".join(printable(line) + "\n" for line in _fix_notes(
            result, written=args.write, unsafe=args.unsafe)))
    if as_json:
        from ddexkit.output.fix_json import render

        sys.stdout.write(render(done, written=args.write, unsafe=args.unsafe))
    return EXIT_OK if all_ready else EXIT_ERRORS


def _rules(args: argparse.Namespace) -> int:
    if args.markdown:
        if args.code:
            raise UsageError("--markdown prints every rule; give it no CODE")
        from ddexkit.output.ruledocs import markdown

        sys.stdout.write(markdown(ALL_RULES))
        return EXIT_OK
    if args.code:
        rule = by_code(args.code)
        if rule is None:
            import difflib

            close = difflib.get_close_matches(args.code.upper(), [r.code for r in ALL_RULES], 1)
            hint = f"; did you mean {close[0]}?" if close else "; `ddexkit rules` lists them"
            raise UsageError(f"no rule {args.code!r}{hint}")
        sys.stdout.write(f"{rule.code} ({rule.severity.value}) {rule.summary}\n\n{rule.doc}\n")
        return EXIT_OK
    for rule in ALL_RULES:
        sys.stdout.write(f"{rule.code}  {rule.severity.value:<7}  {rule.summary}\n")
    return EXIT_OK


def _profiles(args: argparse.Namespace) -> int:
    from ddexkit.profiles import builtin_names, load_profile, settings, severity_overrides

    if args.name is None:
        for name in builtin_names():
            profile = load_profile(name)
            sys.stdout.write(f"{name:<18} {len(profile.codes):>3} rules  {profile.title}\n")
        return EXIT_OK
    profile = load_profile(args.name)
    sys.stdout.write(f"{profile.name}: {profile.title}\n")
    if profile.source:
        sys.stdout.write(f"source: {profile.source}\n")
    if profile.declared_as:
        declared = ", ".join(f"…/{name}" for name in profile.declared_as)
        sys.stdout.write(f"declared by a ReleaseProfileVersionId {declared}\n")
    for table, heading in (("thresholds", "thresholds"),
                           ("words", "word lists (beside each rule's own words)")):
        sys.stdout.write(f"\n{heading}:\n")
        for setting in settings(profile):
            if setting.table == table:
                sys.stdout.write(f"  {setting.key} = {_setting_value(setting.value)}  "
                                 f"({_setting_note(setting, profile.name)})\n")
    overrides = severity_overrides(profile)
    if overrides:
        sys.stdout.write("\nseverities it overrides:\n")
        for code, given, catalog, set_by in overrides:
            origin = "" if set_by == profile.name else f", inherited from {set_by}"
            sys.stdout.write(f"  {code}  {given.value:<7}  (catalog: {catalog.value}"
                             f"{origin})\n")
    sys.stdout.write("\nrules:\n")
    for rule in ALL_RULES:
        if rule.code in profile.codes:
            severity = profile.severity.get(rule.code, rule.severity).value
            changed = " (catalog: " + rule.severity.value + ")" \
                if severity != rule.severity.value else ""
            sys.stdout.write(f"{rule.code}  {severity:<7}  {rule.summary}{changed}\n")
    return EXIT_OK


def _setting_value(value: object) -> str:
    """A threshold as a number (30, not 30.0), a word list as TOML writes it."""
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{word}"' for word in value) + "]" if value else "[]"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _setting_note(setting: ProfileSetting, name: str) -> str:
    """Which rules read the value and where it comes from: the rule's default, the profile
    itself, or a profile it extends."""
    codes = ", ".join(setting.codes)
    if not setting.counted:
        return f"{codes}: not counted by this profile"
    if setting.set_by is None:
        return f"{codes}: the rule's default"
    if setting.set_by == name:
        return f"{codes}: set by this profile"
    return f"{codes}: inherited from {setting.set_by}"


def _schema(args: argparse.Namespace) -> int:
    if args.schema_command == "report":
        import json

        sys.stdout.write(json.dumps(report_schema(), indent=2) + "\n")
        return EXIT_OK
    if args.schema_command == "install":
        target = install_schema(args.source)
        sys.stdout.write(f"installed the ERN 3.8.2 schema in {target}\n")
        return EXIT_OK
    found = resolve_settings(_file_config(args), schema_dir=args.schema_dir).schema_dir
    if found is None:
        sys.stderr.write(
            f"ddexkit: no schema found (looked at $DDEXKIT_SCHEMA_DIR, the repo's "
            f"schemas/ern382/ and {user_cache_dir()})\n"
        )
        return EXIT_ERRORS
    sys.stdout.write(f"{found}\n")
    return EXIT_OK


def _release_inputs(args: argparse.Namespace) -> Config:
    """The checks `package` and `plan` share before any work, and their configuration."""
    if not Path(args.ern).is_file():
        raise UsageError(f"{args.ern}: no such file")
    if not Path(args.assets).is_dir():
        raise UsageError(f"{args.assets}: not a folder")
    return _file_config(args).merged(audio_upload=args.audio_upload, single_zip=args.single_zip)


def _package(args: argparse.Namespace) -> int:
    import json

    from ddexkit.delivery import package
    from ddexkit.packager import PackageError

    config = _release_inputs(args)
    try:
        result = package(args.ern, assets=args.assets, output=args.output,
                         schema_dir=args.schema_dir, config=config, catalog=args.catalog,
                         overwrite=args.overwrite)
    except PackageError as error:
        raise UsageError(str(error)) from error
    if args.format == "json":
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, sort_keys=True) + "\n")
    elif result.output is None:
        sys.stdout.write(FORMATS["text"](result.report, False))
        sys.stdout.write("nothing written: fix the errors above, then package again\n")
    else:
        for entry in (*result.entries, result.output):
            sys.stdout.write(printable(f"{entry.name}  {entry.size:,} bytes  md5 {entry.md5}  "
                                       f"sha256 {entry.sha256}") + "\n")
    if result.plan_output is not None and result.plan is not None:
        sys.stderr.write(printable(
            f"ddexkit: the release does not fit one ZIP of 50,000 KB: wrote "
            f"{result.output.name if result.output else args.output} (the ERN and what fits) "
            f"and the delivery plan {result.plan_output.name} ({len(result.plan.steps)} steps)")
            + "\n")
    return EXIT_OK if result.written else EXIT_ERRORS


def _replacements(values: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for value in values:
        isrc, _, track_id = value.partition("=")
        if not isrc.strip() or not track_id.strip():
            raise UsageError(f"--replace {value}: write ISRC=TRACK_ID, e.g. "
                             "GBAYE2400001=trk_123")
        found[isrc.strip().upper()] = track_id.strip()
    return found


def _plan(args: argparse.Namespace) -> int:
    from ddexkit.delivery import plan
    from ddexkit.output.plan_text import render_plan
    from ddexkit.packager import PackageError

    config = _release_inputs(args)
    if args.replace and args.update is None:
        raise UsageError("--replace names tracks of an update; give --update RELEASE_ID too")
    replace = _replacements(args.replace)
    writes_file = args.output is not None and args.output != STANDARD_OUTPUT
    if writes_file:
        refuse_inputs(args.output, [(args.ern, "the ERN being planned")],
                      folders=[(args.assets, "the asset folder")])
        _check_output_folder(args.output)
    try:
        result = plan(args.ern, assets=args.assets, schema_dir=args.schema_dir, config=config,
                      catalog=args.catalog, update=args.update, replace=replace,
                      relative_to=Path(args.output).absolute().parent if writes_file else None)
    except PackageError as error:
        raise UsageError(str(error)) from error
    if result.plan is None:
        sys.stdout.write(FORMATS["text"](result.report, False))
        sys.stdout.write("nothing planned: fix the errors above, then plan again\n")
        return EXIT_ERRORS
    rendered = result.plan.to_json() if args.format == "json" else render_plan(result.plan)
    if writes_file:
        _write_report(args.output, rendered)
    else:
        sys.stdout.write(rendered)
    return EXIT_OK


def _summary(args: argparse.Namespace) -> int:
    import json

    from ddexkit.output.summary_table import render_summary

    sources = expand_paths([args.file])
    if len(sources) != 1 or Path(args.file).is_dir():
        raise UsageError(f"{args.file}: give one .xml or .zip file, not a folder")
    config = _file_config(args)
    settings = resolve_settings(config, schema_dir=args.schema_dir)
    file = validate_source(sources[0], settings)
    if file.summary is None:
        reason = file.issues[0].message if file.issues else "it is not a release message"
        sys.stderr.write(printable(f"ddexkit: {args.file}: no summary: {reason}") + "\n")
        return EXIT_ERRORS
    if args.format == "json":
        sys.stdout.write(json.dumps(file.summary.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_summary(file))
    return EXIT_OK


UPLOAD_EXTRA = "ddexkit upload needs the upload extra: pip install 'ddexkit[upload]'"


def _upload(args: argparse.Namespace) -> int:
    """Import the upload client only here: without its extra, this is the one command that
    cannot run, and it says so in one line."""
    try:
        from ddexkit.upload import command
    except ImportError as error:
        if (error.name or "").startswith("ddexkit"):
            raise  # our own module is broken: a bug, not a missing extra
        sys.stderr.write(UPLOAD_EXTRA + "\n")
        return EXIT_USAGE
    if args.plan == "login":
        return command.run_login(api_url=args.api_url, username=args.username)
    if args.username is not None:
        raise UsageError("--username is for `ddexkit upload login`")
    return command.run_upload(args.plan, api_url=args.api_url, attempts=args.attempts)


def _bytes_or_escape(error: UnicodeError) -> tuple[str | bytes, int]:
    """Standard output's encoding errors: a file name's undecodable bytes (the surrogates
    Python decoded them to) go out as those bytes, as surrogateescape writes them; any other
    character the encoding lacks is written as its escape (``\\xe9``), as backslashreplace
    does, instead of ending the run."""
    if isinstance(error, UnicodeEncodeError):
        unencodable = error.object[error.start:error.end]
        if all(0xDC80 <= ord(character) <= 0xDCFF for character in unencodable):
            return bytes(ord(character) - 0xDC00 for character in unencodable), error.end
    return codecs.backslashreplace_errors(error)


_BYTES_OR_ESCAPE = "ddexkit-bytes-or-escape"
codecs.register_error(_BYTES_OR_ESCAPE, _bytes_or_escape)


COMMANDS = {"validate": _validate, "fix": _fix, "diff": _diff, "rules": _rules,
            "profiles": _profiles, "schema": _schema, "package": _package, "plan": _plan,
            "summary": _summary, "upload": _upload}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ddexkit with ``argv`` (default: sys.argv[1:]); return the exit code."""
    # File names need not be UTF-8: they go out as the bytes they are (standard output) or
    # escaped (messages), never as a UnicodeEncodeError; nor does text that the output's
    # encoding lacks (an é under PYTHONIOENCODING=ascii or a latin-1 console).
    for stream, errors in ((sys.stdout, _BYTES_OR_ESCAPE), (sys.stderr, "backslashreplace")):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors=errors)  # type: ignore[union-attr]
    parser = _parser()
    given = list(sys.argv[1:] if argv is None else argv)
    parser.command_named = next((word for word in given if word in COMMANDS), None)
    try:
        args = parser.parse_args(given)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    try:
        with handling_signals(_raise_terminated, (signal.SIGTERM,)):  # for this command only
            return COMMANDS[args.command](args)
    except (UsageError, InputError, ConfigError, CatalogError, SchemaInstallError,
            SchemaDirError, OutputError) as error:
        sys.stderr.write(printable(f"ddexkit: {error}") + "\n")  # it may name a delivery's file
        return EXIT_USAGE
    except Terminated:
        sys.stderr.write("ddexkit: terminated\n")
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        sys.stderr.write("ddexkit: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_ERRORS
    except OSError as error:  # the environment: a full disk, a folder we may not write…
        where = f" ({error.filename})" if error.filename else ""
        sys.stderr.write(printable(f"ddexkit: {error.strerror or error}{where}") + "\n")
        return EXIT_USAGE
    except Exception as error:  # a bug of ours: one line, the details in a log file
        return _internal_error(args, error)


def _raise_terminated(_number: int, _frame: FrameType | None) -> NoReturn:
    """SIGTERM, which would kill this process at once (its workers left running, nothing
    reported), stops the run as Ctrl-C does instead, and exits 143."""
    raise Terminated


def _internal_error(args: argparse.Namespace, error: Exception) -> int:
    """Write the traceback where the user can send it, and say so in one line (exit 3)."""
    import time
    import traceback

    details = traceback.format_exc()
    if getattr(args, "debug", False) or os.environ.get("DDEXKIT_DEBUG"):
        sys.stderr.write(details)
        where = "above"
    else:
        log = user_cache_dir().parents[1] / "logs" / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            log.write_text(details, encoding="utf-8")
            where = f"in {log}"
        except OSError:
            sys.stderr.write(details)
            where = "above"
    sys.stderr.write(f"ddexkit: internal error in `{args.command}` ({type(error).__name__}: "
                     f"{error}); sorry — the details are {where}; please report them\n")
    return EXIT_INTERNAL
