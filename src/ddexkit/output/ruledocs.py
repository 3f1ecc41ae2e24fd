"""Rule documentation for people and tools, read from the registry: the docstring sections
(SARIF's rule metadata) and the Markdown rule reference (docs/rules-reference.md)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from ddexkit.rules import AnyRule

SECTIONS = ("Why it matters:", "Bad:", "Good:", "Source:")
_FAMILY_TITLES = {
    "ERN": "File and message",
    "ID": "Identifiers",
    "REF": "References",
    "TXT": "Text and naming",
    "DUR": "Dates and durations",
    "TER": "Territories",
    "ROL": "Roles and contributors",
    "DEA": "Deals",
    "AST": "Assets",
    "CAT": "Catalog",
}


def sections(doc: str) -> dict[str, str]:
    """The doc split at its headings: "summary", "details" (text between the summary line and
    the first heading) and one entry per heading (without the colon), each dedented."""
    lines = doc.strip("\n").splitlines()
    parts: dict[str, list[str]] = {"summary": lines[:1], "details": []}
    current = "details"
    for line in lines[1:]:
        if line.strip() in SECTIONS and not line.startswith((" ", "\t")):
            current = line.strip().rstrip(":")
            parts[current] = []
        else:
            parts[current].append(line)
    return {name: textwrap.dedent("\n".join(body)).strip() for name, body in parts.items()}


def rule_name(rule: AnyRule) -> str:
    """A PascalCase name from the rule's module (``ter501_unknown_territory`` →
    ``UnknownTerritory``), as SARIF's ``name`` expects."""
    module = rule.check.__module__.rsplit(".", 1)[-1]
    words = module.split("_")[1:] or [rule.code]
    return "".join(word[:1].upper() + word[1:] for word in words)


def why_it_matters(rule: AnyRule) -> str:
    """The "Why it matters" paragraph, reflowed to one line per paragraph."""
    text = sections(rule.doc).get("Why it matters", "") or rule.summary
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def _anchor(rule: AnyRule) -> str:
    return rule.code.lower()


def _cell(text: str) -> str:
    return text.replace("|", "&#124;")


def _family_title(family: str) -> str:
    return _FAMILY_TITLES.get(family, family)


def markdown(rules: Iterable[AnyRule]) -> str:
    """The whole rule reference: an index table per family, then each rule's doc."""
    rules = list(rules)
    families: dict[str, list[AnyRule]] = {}
    for rule in rules:
        families.setdefault(rule.family, []).append(rule)
    out = [
        "# ddexkit rule reference",
        "",
        "<!-- Generated from the rule registry by "
        "`python -m ddexkit rules --markdown > docs/rules-reference.md`; do not edit by hand. -->",
        "",
        f"{len(rules)} rules. Severity is the default; configuration may change it "
        "(`severity = {CODE = \"error\"}`). `ddexkit rules CODE` prints the same text.",
        "",
    ]
    for family, members in families.items():
        out += [f"## {family}: {_family_title(family)}", "", "| Code | Severity | Summary |",
                "| --- | --- | --- |"]
        out += [
            f"| [{r.code}](#{_anchor(r)}) | {r.severity.value} | {_cell(r.summary)} |"
            for r in members
        ]
        out.append("")
    for rule in rules:
        parts = sections(rule.doc)
        out += [f"### {rule.code}", "", f"**{rule.summary}**", ""]
        facts = f"Severity: **{rule.severity.value}** · stage: {rule.stage.value}"
        if rule.needs:
            facts += " · needs: " + ", ".join(sorted(rule.needs))
        out += [facts, ""]
        if parts.get("details"):
            out += [parts["details"], ""]
        for heading in ("Why it matters", "Bad", "Good", "Source"):
            body = parts.get(heading)
            if not body:
                continue
            if heading in ("Bad", "Good"):
                out += [f"{heading}:", "", "```xml", body, "```", ""]
            else:
                out += [f"{heading}:", "", body, ""]
    return "\n".join(out).rstrip("\n") + "\n"
