"""ddexkit: validate DDEX ERN 3.8.2 release messages and package them for upload, offline.

    >>> import ddexkit
    >>> report = ddexkit.validate("corpus/good/album.xml")
    >>> report.files[0].status
    'ready'

Importing ddexkit has no side effects: the schema is loaded on first validation.
"""

from __future__ import annotations

from ddexkit._version import __version__
from ddexkit.config import Config, ConfigError, load_config
from ddexkit.domain.catalog import Catalog, CatalogError, load_catalog
from ddexkit.engine import validate
from ddexkit.inputs import InputError
from ddexkit.issues import Issue, Location, Severity
from ddexkit.model import Message
from ddexkit.packager import PackageError, PackageResult, package
from ddexkit.parser import ParseError, parse
from ddexkit.report import FileReport, Report
from ddexkit.summary import Summary

__all__ = [
    "Catalog",
    "CatalogError",
    "Config",
    "ConfigError",
    "FileReport",
    "InputError",
    "Issue",
    "Location",
    "Message",
    "PackageError",
    "PackageResult",
    "ParseError",
    "Report",
    "Severity",
    "Summary",
    "__version__",
    "load_catalog",
    "load_config",
    "package",
    "parse",
    "validate",
]
