"""A contributor is listed twice in one resource territory instead of once with several roles.

Why it matters:
    The profiles credit each party once per list of a resource's territory, with all its
    roles in that one ResourceContributor (or IndirectResourceContributor): a producer who
    also programmed is one contributor with two ResourceContributorRoles. Two entries for one
    party read as two people to a store and to credit-based reporting. A party is known by
    its PartyId, else by its name (ROL606's reading). ROL606 reports a party listed again
    for a role it already has; this rule reports one listed again for other roles.

Bad:
        <ResourceContributor SequenceNumber="2"> <!-- expect: PRF025 -->
          <PartyName>
            <FullName>Ines Marlow</FullName>
          </PartyName>
          <ResourceContributorRole>Programmer</ResourceContributorRole>
        </ResourceContributor>

Good:
          <ResourceContributorRole>Producer</ResourceContributorRole>
          <ResourceContributorRole>Programmer</ResourceContributorRole>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clauses 4.3(13),
    4.3(20) and 4.3(21): AudioAlbumMusicOnly rules 1101-1 (Fatal Error) and 1103-1
    (Conditional Fatal Error), AudioSingle rules 1028-1 and 1030-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.roles._parties import repeats, roles_of


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for resource in message.resources:
        for details in resource.details:
            for contributors in (details.contributors, details.indirect_contributors):
                if len(contributors) < 2:
                    continue
                for contributor, earlier in repeats(contributors):
                    if roles_of(contributor) & earlier:
                        continue  # a role it already has: ROL606's
                    roles = ", ".join(sorted(roles_of(contributor))) or "no role"
                    yield Finding(
                        at=contributor.loc,
                        message=f"{resource.kind} {resource.ref or '(no reference)'}: "
                        f"{contributor.name or 'this party'} is listed again as "
                        f"{contributor.kind} ({roles})",
                        hint=f"Move the role{'s' if len(roles_of(contributor)) > 1 else ''} "
                        f"into the party's first <{contributor.kind}> and remove this one",
                    )


RULE = Rule(
    code="PRF025",
    severity=Severity.ERROR,
    summary="A contributor is listed twice in one resource territory instead of once with "
    "several roles",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
