"""Rules of the ERN family: the file and the message, in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.message import (
    ern001_not_well_formed,
    ern002_not_utf8,
    ern003_doctype,
    ern004_not_ern382,
    ern005_schema_version,
    ern006_xsd_violation,
    ern007_schema_missing,
    ern008_too_large,
    ern009_created_date_time,
    ern010_malformed_dpid,
    ern011_not_new_release,
    ern012_required_parts,
)

RULES: tuple[AnyRule, ...] = (
    ern001_not_well_formed.RULE,
    ern002_not_utf8.RULE,
    ern003_doctype.RULE,
    ern004_not_ern382.RULE,
    ern005_schema_version.RULE,
    ern006_xsd_violation.RULE,
    ern007_schema_missing.RULE,
    ern008_too_large.RULE,
    ern009_created_date_time.RULE,
    ern010_malformed_dpid.RULE,
    ern011_not_new_release.RULE,
    ern012_required_parts.RULE,
)
