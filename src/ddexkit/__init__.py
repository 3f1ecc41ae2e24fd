"""ddexkit: validate DDEX ERN 3.8.2 release messages and package them for upload, offline.

    >>> import ddexkit
    >>> report = ddexkit.validate("corpus/good/album.xml")
    >>> report.files[0].status
    'ready'

The API (docs/api.md has the whole reference):

- ``validate(source, assets=, schema_dir=, config=, catalog=, profiles=, select=, ignore=,
  strict=, original=)`` checks a path (.xml, .zip, a folder) or bytes and returns a
  ``Report``: ``files`` (a ``FileReport`` each: ``status``, ``issues``, ``profiles``,
  ``summary``), ``batch_issues`` (across the files) and ``to_dict()``, the JSON report whose
  schema ``report_schema()`` returns. Faults in a message are issues, never exceptions.
- ``parse(source)`` gives the typed model (``Message``): ``message.tracks()``,
  ``message.main_release``, ``release.delivered(...)``; values are ``Text`` (``str(text)``,
  ``as_int()``, ``as_bool()``, ``as_seconds()``).
- ``fix(source, unsafe=)`` makes the repairs the rules offer (``Issue.fix``) in the bytes of
  an .xml, byte-exactly, and returns a ``FixResult``: ``fixed`` bytes, ``applied`` and
  ``refused`` fixes, the ``report`` of the fixed message; it writes nothing.
- ``plan(ern, assets=)`` and ``package(ern, assets=, output=)`` deliver a release within the
  API's limits; ``load_config`` and ``load_catalog`` read settings files.

Importing ddexkit has no side effects: the schema is loaded on first validation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ddexkit._version import __version__
from ddexkit.config import Config, ConfigError, load_config
from ddexkit.domain.catalog import Catalog, CatalogError, load_catalog
from ddexkit.engine import validate
from ddexkit.inputs import InputError
from ddexkit.issues import Fix, Issue, Location, Severity
from ddexkit.model import Message
from ddexkit.outputfile import OutputError
from ddexkit.parser import ParseError, parse
from ddexkit.report import FileReport, Report, report_schema
from ddexkit.summary import Summary
from ddexkit.xsd import SchemaDirError

if TYPE_CHECKING:
    from ddexkit.autofix import FixError, FixOutcome, FixResult, fix
    from ddexkit.delivery import DeliveryPlan, DeliveryResult, PlanResult, package, plan
    from ddexkit.packager import PackageError, PackageResult

__all__ = [
    "Catalog",
    "CatalogError",
    "Config",
    "ConfigError",
    "DeliveryPlan",
    "DeliveryResult",
    "FileReport",
    "Fix",
    "FixError",
    "FixOutcome",
    "FixResult",
    "InputError",
    "Issue",
    "Location",
    "Message",
    "OutputError",
    "PackageError",
    "PackageResult",
    "ParseError",
    "PlanResult",
    "Report",
    "SchemaDirError",
    "Severity",
    "Summary",
    "__version__",
    "fix",
    "load_catalog",
    "load_config",
    "package",
    "parse",
    "plan",
    "report_schema",
    "validate",
]

# The packager (zipfile, hashlib) is imported when it is first asked for: validating, which is
# what the command line and the pre-commit hook mostly do, never needs it.
_PACKAGER_NAMES = frozenset({"PackageError", "PackageResult"})
_DELIVERY_NAMES = frozenset({"DeliveryPlan", "DeliveryResult", "PlanResult", "package", "plan"})
_FIX_NAMES = frozenset({"FixError", "FixOutcome", "FixResult", "fix"})


def __getattr__(name: str) -> object:
    if name in _PACKAGER_NAMES:
        from ddexkit import packager

        return getattr(packager, name)
    if name in _DELIVERY_NAMES:
        from ddexkit import delivery

        return getattr(delivery, name)
    if name in _FIX_NAMES:
        from ddexkit import autofix

        return getattr(autofix, name)
    raise AttributeError(f"module 'ddexkit' has no attribute {name!r}")
