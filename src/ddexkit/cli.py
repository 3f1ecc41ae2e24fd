"""Command line: `ddexkit validate | package | rules | schema`. Exit codes: 0 no errors, 1 errors
(or warnings with --strict), 2 usage problems. Nothing imports this module."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ddexkit._version import __version__
from ddexkit.config import Config, ConfigError, load_config
from ddexkit.domain.catalog import CatalogError
from ddexkit.engine import Settings, resolve_settings, validate_sources
from ddexkit.inputs import InputError, expand_paths
from ddexkit.output import FORMATS
from ddexkit.rules import ALL_RULES, by_code
from ddexkit.xsd import SchemaInstallError, find_schema_dir, install_schema, user_cache_dir

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with how ddexkit was called; printed as one line, exit 2."""


def _codes(value: str) -> list[str]:
    return [part.strip().upper() for part in value.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ddexkit",
        description="Validate DDEX ERN 3.8.2 release messages and package them for upload.",
        epilog="Example: ddexkit validate corpus/good/album.xml",
    )
    parser.add_argument("--version", action="version", version=f"ddexkit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    validate = commands.add_parser(
        "validate",
        help="check ERN messages (.xml, .zip or folders of them)",
        description="Check ERN 3.8.2 messages and report what the distributor would reject.",
        epilog="Example: ddexkit validate --format json releases/ > report.json",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help=".xml, .zip or folder")
    validate.add_argument("--format", choices=sorted(FORMATS), default="text",
                          help="report format (default: text)")
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

    rules = commands.add_parser(
        "rules",
        help="list the rules, or show one rule's documentation",
        description="List every rule (code, severity, summary), or print one rule's doc.",
        epilog="Example: ddexkit rules TER501",
    )
    rules.add_argument("code", nargs="?", help="a rule code such as ID101")

    pack = commands.add_parser(
        "package",
        help="validate an ERN with its files, then write the release ZIP",
        description="Validate the ERN and its files; with no error, write a deterministic "
        "release ZIP (ERN at the root, each file at its FilePath/FileName). On any error "
        "nothing is written and the exit code is 1.",
        epilog="Example: ddexkit package release.xml --assets release/ --output release.zip",
    )
    pack.add_argument("ern", metavar="ERN.xml", help="the release's ERN message")
    pack.add_argument("--assets", required=True, metavar="DIR",
                      help="folder holding the files the ERN names")
    pack.add_argument("--output", required=True, metavar="RELEASE.zip", help="ZIP to write")
    pack.add_argument("--format", choices=("text", "json"), default="text",
                      help="output format (default: text)")
    pack.add_argument("--overwrite", action="store_true", help="replace an existing ZIP")
    pack.add_argument("--schema-dir", metavar="DIR", help="folder of the official XSD")
    pack.add_argument("--catalog", metavar="FILE", help="the platform's lookup lists (JSON)")
    pack.add_argument("--config", metavar="FILE", help="ddexkit.toml or pyproject.toml")
    pack.add_argument("--no-config", action="store_true", help="ignore configuration files")

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
    schema_commands.add_parser("path", help="print the schema folder in use",
                               epilog="Example: ddexkit schema path")
    return parser


def _config(args: argparse.Namespace, start: str) -> Config:
    if args.no_config:
        base = Config()
    elif args.config:
        base = load_config(args.config)
    else:
        from ddexkit.config import discover_config

        base = discover_config(start)
    return base.merged(
        select=tuple(args.select) if args.select else None,
        ignore=base.ignore + tuple(args.ignore) if args.ignore else None,
        strict=args.strict,
    )


def _write_atomically(path: str, text: str) -> None:
    """Write the report so that the file is either the old one or the whole new one."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _settings(args: argparse.Namespace) -> Settings:
    config = _config(args, args.paths[0])
    return resolve_settings(config, schema_dir=args.schema_dir, catalog=args.catalog,
                            assets=args.assets)


def _validate(args: argparse.Namespace) -> int:
    sources = expand_paths(args.paths)
    settings = _settings(args)
    report = validate_sources(sources, settings)
    colour = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = FORMATS[args.format](report, colour)
    if args.output:
        _write_atomically(args.output, rendered)
    else:
        sys.stdout.write(rendered)
    if report.has_errors or (settings.config.strict and report.has_warnings):
        return EXIT_ERRORS
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
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


def _schema(args: argparse.Namespace) -> int:
    if args.schema_command == "install":
        target = install_schema(args.source)
        sys.stdout.write(f"installed the ERN 3.8.2 schema in {target}\n")
        return EXIT_OK
    found = find_schema_dir()
    if found is None:
        sys.stderr.write(
            f"ddexkit: no schema found (looked at $DDEXKIT_SCHEMA_DIR, the repo's "
            f"schemas/ern382/ and {user_cache_dir()})\n"
        )
        return EXIT_ERRORS
    sys.stdout.write(f"{found}\n")
    return EXIT_OK


def _package(args: argparse.Namespace) -> int:
    import json

    from ddexkit.packager import PackageError, package

    if not Path(args.ern).is_file():
        raise UsageError(f"{args.ern}: no such file")
    if not Path(args.assets).is_dir():
        raise UsageError(f"{args.assets}: not a folder")
    if args.no_config:
        config = Config()
    elif args.config:
        config = load_config(args.config)
    else:
        from ddexkit.config import discover_config

        config = discover_config(args.ern)
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
            sys.stdout.write(f"{entry.name}  {entry.size:,} bytes  md5 {entry.md5}  "
                             f"sha256 {entry.sha256}\n")
    return EXIT_OK if result.written else EXIT_ERRORS


COMMANDS = {"validate": _validate, "rules": _rules, "schema": _schema, "package": _package}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ddexkit with ``argv`` (default: sys.argv[1:]); return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (UsageError, InputError, ConfigError, CatalogError, SchemaInstallError) as error:
        sys.stderr.write(f"ddexkit: {error}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("ddexkit: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_ERRORS
