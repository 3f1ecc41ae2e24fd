"""Find the official ERN 3.8.2 XSD, load it once, and validate a parsed tree against it.

DDEX licenses the schema files, so ddexkit never ships them. They are looked for, in this
order: an explicit directory (``--schema-dir``), ``$DDEXKIT_SCHEMA_DIR``, the repository's
``schemas/ern382/`` (git-ignored, for a user working from a checkout), and the per-user cache
that ``python -m ddexkit schema install`` fills. The XSD imports the allowed-value-set schema
from ddex.net; that import is pointed at the local copy, and the parser has no network access.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ddexkit.regularfile import read_capped

MAIN_XSD = "release-notification.xsd"
AVS_XSD = "avs_20161006.xsd"
SCHEMA_FILES = (MAIN_XSD, AVS_XSD)
SCHEMA_DIR_VARIABLE = "DDEXKIT_SCHEMA_DIR"
_XS = "{http://www.w3.org/2001/XMLSchema}"
_REPO_SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas" / "ern382"
INSTALL_HINT = (
    "Install the official DDEX ERN 3.8.2 XSD once with "
    "`python -m ddexkit schema install --from DIR_OR_ZIP_OR_URL`, or point "
    f"${SCHEMA_DIR_VARIABLE} or --schema-dir at a folder holding {MAIN_XSD} and {AVS_XSD}"
)


# The kinds of XSD violation a specific rule may explain in place of ERN006 (rules.md): a value
# that breaks the element's type, pattern, enumeration or length facet; a missing child
# element. Every other violation (an element or attribute not allowed, text where elements
# belong…) is structural and is always reported as ERN006.
VALUE = "value"
MISSING = "missing"
STRUCTURE = "structure"
_VALUE_VIOLATION = re.compile(
    r"\[facet '|is not a valid value of|is not accepted by the pattern|is not an element of the set"
)


def violation_kind(raw_message: str) -> str:
    """VALUE, MISSING or STRUCTURE for one of libxml2's schema messages."""
    if _VALUE_VIOLATION.search(raw_message):
        return VALUE
    if "Missing child element" in raw_message:
        return MISSING
    return STRUCTURE


@dataclass(frozen=True, slots=True, kw_only=True)
class XsdViolation:
    """One schema violation, made readable; ``element`` is the offending node when known."""

    message: str
    hint: str | None
    line: int | None
    element: etree._Element | None
    kind: str = STRUCTURE  # VALUE, MISSING or STRUCTURE: which rules may explain it
    missing: tuple[str, ...] = ()  # for MISSING: the child elements the schema expected


@dataclass(frozen=True, slots=True, kw_only=True)
class XsdFacts:
    """The outcome of structural validation: 'valid', 'invalid' or 'skipped'."""

    status: str
    violations: tuple[XsdViolation, ...] = ()
    schema_dir: Path | None = None


def user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ddexkit" / "schemas" / "ern382"


def _has_schema(folder: Path) -> bool:
    return all((folder / name).is_file() for name in SCHEMA_FILES)


class SchemaDirError(ValueError):
    """A schema folder the user named (argument, configuration or environment variable)
    does not hold the official XSD. Never a silent run without the XSD: that would turn the
    schema check off while the user believes it is on."""


def _not_there(folder: Path, named_by: str) -> SchemaDirError:
    missing = [name for name in SCHEMA_FILES if not (folder / name).is_file()]
    what = "is not a folder" if not folder.is_dir() else f"lacks {' and '.join(missing)}"
    return SchemaDirError(
        f"{named_by} {folder} {what}: it must hold the official ERN 3.8.2 schema files "
        f"{MAIN_XSD} and {AVS_XSD}; name the folder that holds them, or install them once "
        "with `python -m ddexkit schema install --from DIR_OR_ZIP_OR_URL`"
    )


# The official files are about 600 KB each; anything much larger is not one of them.
MAX_SCHEMA_FILE_BYTES = 16 * 1024 * 1024


def _read_schema_file(path: Path) -> bytes:
    return read_capped(path, MAX_SCHEMA_FILE_BYTES, "an ERN 3.8.2 schema file")


@lru_cache(maxsize=8)
def _unofficial_file(folder: Path, stamps: tuple[tuple[int, int], ...]) -> str | None:
    """The first schema file in ``folder`` that is not the official one (``stamps``, the
    files' sizes and mtimes, renew the cache when they change); None when both are."""
    import hashlib

    sums = expected_sums()
    for name in SCHEMA_FILES:
        try:
            digest = hashlib.sha256(_read_schema_file(folder / name)).hexdigest()
        except OSError as error:
            return f"{name} cannot be read ({error.strerror})"
        if sums.get(name) != digest:
            return f"{name} is not the official ERN 3.8.2 file (its SHA-256 differs)"
    return None


def _official(folder: Path, named_by: str) -> Path:
    """``folder`` if it holds the official files, byte for byte. Only those are compiled, so
    a planted or edited XSD can never make schema loading fetch anything or run elsewhere."""
    stamps = tuple((s.st_size, s.st_mtime_ns) for s in ((folder / n).stat() for n in SCHEMA_FILES))
    fault = _unofficial_file(folder.resolve(), stamps)
    if fault is not None:
        raise SchemaDirError(f"{named_by} {folder}: {fault}; ddexkit loads only the official "
                             "schema: install it with `python -m ddexkit schema install --from "
                             "DIR_OR_ZIP_OR_URL`, which checks it")
    return folder


def installed_schema_dir() -> Path | None:
    """The schema in a checkout's schemas/ern382/ or in the user cache, if any."""
    for folder in (_REPO_SCHEMA_DIR, user_cache_dir()):
        if _has_schema(folder):
            return _official(folder, "the installed schema folder")
    return None


def find_schema_dir(explicit: str | Path | None = None, *,
                    named_by: str = "the schema folder") -> Path | None:
    """The folder holding the official XSD, in the documented order; None when the user
    named none and none is installed (then ERN007 says how to install it).

    A folder the user named that lacks the files is an error (``SchemaDirError``), never
    replaced by another one. Only a stale ``$DDEXKIT_SCHEMA_DIR`` gives way to the installed
    schema: a variable left over in a shell must not hide what ``schema install`` put there.
    """
    if explicit is not None:
        folder = Path(explicit)
        if not _has_schema(folder):
            raise _not_there(folder, named_by)
        return _official(folder, named_by)
    from_env = os.environ.get(SCHEMA_DIR_VARIABLE)
    if from_env:
        folder = Path(from_env)
        if _has_schema(folder):
            return _official(folder, f"${SCHEMA_DIR_VARIABLE}")
        installed = installed_schema_dir()
        if installed is None:
            raise _not_there(folder, f"${SCHEMA_DIR_VARIABLE}")
        return installed
    return installed_schema_dir()


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@lru_cache(maxsize=4)
def load_schema(folder: Path) -> etree.XMLSchema:
    """Compile the schema in ``folder`` (cached per folder, so a batch loads it once)."""
    document = etree.parse(str(folder / MAIN_XSD), _safe_parser())
    for imported in document.getroot().iter(f"{_XS}import"):
        location = imported.get("schemaLocation", "")
        if location.rsplit("/", 1)[-1] == AVS_XSD:
            imported.set("schemaLocation", (folder / AVS_XSD).resolve().as_uri())
    return etree.XMLSchema(document)


_NAMESPACE = re.compile(r"\{[A-Za-z][A-Za-z0-9+.-]*:[^}\s]*\}")
_EXPECTED = re.compile(r"Expected is (?:one of )?\( ([^)]*) \)")


def _expected_names(text: str) -> tuple[str, ...]:
    """The element names of libxml2's "Expected is ( A, B )", without namespaces."""
    expected = _EXPECTED.search(_NAMESPACE.sub("", text))
    return tuple(n.strip() for n in expected.group(1).split(",")) if expected else ()
_ATOMIC = re.compile(r"'([^']*)' is not a valid value of the atomic type '([^']*)'")
_TYPE_HINTS = {
    "xs:boolean": "Write true or false",
    "xs:date": "Write the date as YYYY-MM-DD",
    "xs:dateTime": "Write the date and time as YYYY-MM-DDThh:mm:ss with a time zone",
    "xs:duration": "Write an ISO 8601 duration such as PT3M45S",
    "xs:integer": "Write a whole number",
    "xs:decimal": "Write a number such as 9.99",
}
_ENUMERATION = re.compile(r"The value '([^']*)' is not an element of the set \{(.*)\}")


def _readable(raw_message: str) -> tuple[str, str | None]:
    """libxml2's message with namespaces removed and the common cases said plainly."""
    text = _NAMESPACE.sub("", raw_message).strip().rstrip(".")
    subject, _, detail = text.partition(": ")
    subject = re.sub(r"Element '([^']*)'", r"<\1>", subject)
    subject = re.sub(r", attribute '([^']*)'", r" attribute \1", subject)
    names = ", ".join(f"<{n}>" for n in _expected_names(detail))
    if detail.startswith("This element is not expected"):
        return (
            f"{subject} is not allowed at this place by the ERN 3.8.2 schema",
            f"Expected here: {names}" if names else "Remove or move the element",
        )
    if detail.startswith("Missing child element"):
        return (
            f"{subject} lacks a required child element",
            f"Add {names}" if names else None,
        )
    if detail.startswith("Character content other than whitespace is not allowed"):
        return (
            f"{subject} holds text where the ERN 3.8.2 schema expects child elements",
            f"Put the text inside the child element the schema expects: {names}" if names
            else "Move the text into the child element the schema expects",
        )
    if "is not allowed" in detail and detail.startswith("The attribute"):
        return (
            f"{subject} is not allowed by the ERN 3.8.2 schema",
            "Remove the attribute, or check its spelling and case",
        )
    atomic = _ATOMIC.search(detail)
    if atomic:
        return (
            f"{subject} has the value '{atomic.group(1)}', which is not a valid "
            f"{atomic.group(2)}",
            _TYPE_HINTS.get(atomic.group(2)),
        )
    enumeration = _ENUMERATION.search(detail)
    if enumeration:
        allowed = [v.strip().strip("'") for v in enumeration.group(2).split(",")]
        shown = ", ".join(allowed[:12]) + (", …" if len(allowed) > 12 else "")
        return (
            f"{subject} has the value '{enumeration.group(1)}', which the schema does not allow",
            f"Use one of: {shown}",
        )
    return (f"{subject}: {detail}" if detail else subject, None)


# The name test of one step of the paths libxml2 gives its errors (xmlGetNodePath): "Name",
# "prefix:Name" or "*"; "[n]" follows when the element has siblings of its kind. Other paths
# (text(), a predicate of another form) go to XPath.
_NAME_TEST = re.compile(r"(?:[^\W\d][\w.-]*:)?[^\W\d][\w.-]*|\*")
_Step = tuple[str | None, str, int | None]  # prefix, name or "*", position


class _ElementFinder:
    """Finds the element an error's path names, as ``tree.xpath(path)[0]`` would, in time
    linear in the message for all the errors together: XPath counts the siblings again for
    every positional step (``SoundRecording[9000]``), which made 10,000 errors in one list
    quadratic. The children of each kind are listed once per parent here."""

    def __init__(self, tree: etree._ElementTree) -> None:
        self._tree = tree
        self._root = tree.getroot()
        self._namespaces = {k: v for k, v in self._root.nsmap.items() if k}
        self._children: dict[tuple[etree._Element, str | None], list[etree._Element]] = {}
        self._name_tests: dict[str, bool] = {}  # names repeat on every path: checked once

    def _step(self, text: str) -> _Step | None:
        """The parts of one step, or None when it is not of libxml2's simple form."""
        name, bracket, rest = text.partition("[")
        position = None
        if bracket:
            digits = rest[:-1]
            if not (rest.endswith("]") and digits.isascii() and digits.isdigit()
                    and digits[0] != "0"):
                return None
            position = int(digits)
        simple = self._name_tests.get(name)
        if simple is None:
            simple = self._name_tests[name] = _NAME_TEST.fullmatch(name) is not None
        if not simple:
            return None
        prefix, colon, local = name.partition(":")
        return (prefix, local, position) if colon else (None, name, position)

    def _kind(self, prefix: str | None, name: str) -> str | None:
        """The Clark name a step tests (None: any element), as XPath reads it: no prefix
        is no namespace."""
        if name == "*":
            return None
        return f"{{{self._namespaces[prefix]}}}{name}" if prefix else name

    def _of_kind(self, parent: etree._Element, kind: str | None) -> list[etree._Element]:
        key = (parent, kind)
        found = self._children.get(key)
        if found is None:
            found = self._children[key] = [
                child for child in parent.iterchildren(etree.Element)
                if kind is None or child.tag == kind]
        return found

    def find(self, path: str | None) -> etree._Element | None:
        if not path:
            return None
        steps = [self._step(step) for step in path.split("/")[1:]]
        if not path.startswith("/") or None in steps:
            return self._by_xpath(path)
        nodes: list[etree._Element] = []
        for number, step in enumerate(steps):
            assert step is not None
            prefix, name, position = step
            if prefix and prefix not in self._namespaces:
                return None  # XPath: an undefined prefix
            kind = self._kind(prefix, name)
            if number == 0:
                matching = [[self._root]] if kind is None or self._root.tag == kind else []
            else:
                matching = [self._of_kind(node, kind) for node in nodes]
            if position is None:
                nodes = [child for children in matching for child in children]
            else:
                at = position - 1
                nodes = [children[at] for children in matching if at < len(children)]
            if not nodes:
                return None
        return nodes[0]

    def _by_xpath(self, path: str) -> etree._Element | None:
        try:
            found = self._tree.xpath(path, namespaces=self._namespaces)
        except etree.XPathError:
            return None
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return found[0]
        return None


# One lock per compiled schema: a schema keeps the error log of its last validation, so two
# threads validating with the same cached schema (the engine's XSD thread, Dask's threads, a
# library user's) must take turns between validating and reading that log.
_SCHEMA_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_LOCK = threading.Lock()


def _schema_lock(folder: Path) -> threading.Lock:
    with _LOCKS_LOCK:
        return _SCHEMA_LOCKS.setdefault(folder, threading.Lock())


def validate_tree(tree: etree._ElementTree, schema_dir: Path | None) -> XsdFacts:
    """Validate ``tree``; 'skipped' when no schema folder was found."""
    if schema_dir is None:
        return XsdFacts(status="skipped")
    schema = load_schema(schema_dir)
    with _schema_lock(schema_dir):
        if schema.validate(tree):
            return XsdFacts(status="valid", schema_dir=schema_dir)
        errors = schema.error_log
    violations = []
    finder = _ElementFinder(tree)
    for entry in errors:
        message, hint = _readable(entry.message)
        kind = violation_kind(entry.message)
        missing = _expected_names(entry.message) if kind == MISSING else ()
        violations.append(
            XsdViolation(
                message=message,
                hint=hint,
                line=entry.line or None,
                element=finder.find(entry.path),
                kind=kind,
                missing=missing,
            )
        )
    return XsdFacts(status="invalid", violations=tuple(violations), schema_dir=schema_dir)


# Below this size a message validates in about a millisecond: a thread would cost more than
# it saves.
THREAD_MIN_BYTES = 256 * 1024


def start_validation(tree: etree._ElementTree, schema_dir: Path | None, *,
                     in_thread: bool) -> Callable[[], XsdFacts]:
    """Start validating ``tree`` and return what gives its outcome (waiting for it).

    With ``in_thread``, the validation runs in a thread of its own while the caller goes on:
    libxml2 validates without holding the GIL, so on a machine with a free core the XSD pass
    costs nothing beside the model build, which only reads the same tree (libxml2 allows
    concurrent reads of an unmodified document, and a validation with attribute defaults off,
    lxml's default, modifies nothing). Its outcome is the same as ``validate_tree``'s, an
    exception included.
    """
    if not in_thread:
        facts = validate_tree(tree, schema_dir)
        return lambda: facts
    outcome: list[XsdFacts] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(validate_tree(tree, schema_dir))
        except BaseException as error:  # handed to the caller, who reports it as its own
            failure.append(error)

    # A daemon: Ctrl-C or SIGTERM in the caller must not wait for a validation to finish.
    worker = threading.Thread(target=run, name="ddexkit-xsd", daemon=True)
    worker.start()

    def result() -> XsdFacts:
        worker.join()
        if failure:
            raise failure[0]
        return outcome[0]

    return result


# --- schema install -------------------------------------------------------------------------
# (its modules are imported here, where they are used: validation never needs them, and
# urllib.request alone, with http, ssl and email, costs a tenth of a cold start)

SHA256SUMS = _REPO_SCHEMA_DIR / "SHA256SUMS"


class SchemaInstallError(Exception):
    """The given source does not hold the official files, or they do not match our checksums."""


def expected_sums() -> dict[str, str]:
    """File name → SHA-256 of the official files we accept (committed, not the files)."""
    sums: dict[str, str] = {}
    text = SHA256SUMS.read_text(encoding="utf-8") if SHA256SUMS.is_file() else _PACKAGED_SUMS
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            sums[parts[1].lstrip("*")] = parts[0].lower()
    return sums


# The same sums as schemas/ern382/SHA256SUMS, for installs where the repo file is not beside us.
_PACKAGED_SUMS = """\
500519b691dd0b97ae1e912c7aa2773d4f4e77412126672b372234b25c67ef34  avs_20161006.xsd
2c4d67950be3f67037577f8060885ed2fe29ab176c3468ad1ecb09344cc681b5  release-notification.xsd
"""


# A download is the schema's ZIP or one of its files: a few MB at most.
_MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024


def _collect_from(source: str, staging: Path) -> None:
    """Copy the two schema files from a folder, a ZIP or a URL of either into ``staging``."""
    import urllib.request
    import zipfile

    if source.startswith(("http://", "https://")):
        name = source.rstrip("/").rsplit("/", 1)[-1] or "download"
        downloaded = staging / f"_download_{name}"
        try:
            with urllib.request.urlopen(source, timeout=60) as response:
                body = response.read(_MAX_DOWNLOAD_BYTES + 1)
        except OSError as error:  # unreachable host, HTTP error, time-out
            reason = getattr(error, "reason", None) or error.strerror or error
            raise SchemaInstallError(f"{source}: cannot download it ({reason})") from error
        if len(body) > _MAX_DOWNLOAD_BYTES:
            raise SchemaInstallError(f"{source}: larger than {_MAX_DOWNLOAD_BYTES} bytes, "
                                     "far more than the schema's ZIP; check the URL")
        downloaded.write_bytes(body)
        source = str(downloaded)
    path = Path(source)
    if path.is_dir():
        for file_name in SCHEMA_FILES:
            found = next(iter(sorted(path.rglob(file_name))), None)
            if found is None:
                raise SchemaInstallError(f"{path}: no {file_name} in this folder")
            try:
                (staging / file_name).write_bytes(_read_schema_file(found))
            except OSError as error:
                raise SchemaInstallError(f"{found}: {error.strerror}") from error
        return
    if path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for file_name in SCHEMA_FILES:
                entry = next((n for n in archive.namelist() if n.rsplit("/", 1)[-1] == file_name),
                             None)
                if entry is None:
                    raise SchemaInstallError(f"{path}: no {file_name} in this ZIP")
                if archive.getinfo(entry).file_size > MAX_SCHEMA_FILE_BYTES:
                    raise SchemaInstallError(f"{path}: {entry} expands to more than "
                                             f"{MAX_SCHEMA_FILE_BYTES} bytes; not the official "
                                             "file")
                with archive.open(entry) as member:  # the declared size may lie: read capped
                    data = member.read(MAX_SCHEMA_FILE_BYTES + 1)
                if len(data) > MAX_SCHEMA_FILE_BYTES:
                    raise SchemaInstallError(f"{path}: {entry} expands to more than "
                                             f"{MAX_SCHEMA_FILE_BYTES} bytes; not the official "
                                             "file")
                (staging / file_name).write_bytes(data)
        return
    if path.is_file() and path.name in SCHEMA_FILES:
        raise SchemaInstallError(f"{path}: give the folder or ZIP holding both {SCHEMA_FILES}")
    raise SchemaInstallError(f"{source}: not a folder, a ZIP or an http(s) URL")


def install_schema(source: str, target: Path | None = None) -> Path:
    """Verify the official files found at ``source`` and copy them into the user cache."""
    import hashlib
    import shutil
    import tempfile

    target = target or user_cache_dir()
    sums = expected_sums()
    with tempfile.TemporaryDirectory(prefix="ddexkit-schema-") as staging_name:
        staging = Path(staging_name)
        _collect_from(source, staging)
        for file_name in SCHEMA_FILES:
            digest = hashlib.sha256(_read_schema_file(staging / file_name)).hexdigest()
            if sums.get(file_name) != digest:
                raise SchemaInstallError(
                    f"{file_name}: SHA-256 {digest} is not that of the official ERN 3.8.2 file; "
                    "download it again from DDEX"
                )
        target.mkdir(parents=True, exist_ok=True)
        for file_name in SCHEMA_FILES:
            temporary = target / f".{file_name}.tmp"
            shutil.copyfile(staging / file_name, temporary)
            os.replace(temporary, target / file_name)
    load_schema.cache_clear()
    return target
