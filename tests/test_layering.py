"""Dependencies run one way (model ← parser ← rules ← report/summary ← engine ← CLI), and
nothing imports the CLI. Read with ast, so a new upward import fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "ddexkit"

# Layer of each module (by dotted name prefix, longest wins); a module may import its own
# layer or lower ones.
LAYERS = {
    "ddexkit._version": 0,
    "ddexkit.issues": 0,
    "ddexkit.lexical": 0,
    "ddexkit.model": 0,
    "ddexkit.regularfile": 0,
    "ddexkit.digestcache": 0,  # asset digests kept between runs (--cache)
    "ddexkit.limits": 0,
    "ddexkit.printable": 0,  # text from a delivery made safe for a terminal (any output)
    "ddexkit.safexml": 1,
    "ddexkit.inputs": 1,
    "ddexkit.outputfile": 1,
    "ddexkit.config": 1,
    "ddexkit.domain": 1,
    "ddexkit.parser": 2,
    "ddexkit.xsd": 2,
    "ddexkit.media": 2,
    "ddexkit.locate": 2,
    "ddexkit.changes": 3,  # what changed between an update and its original (UPD facts)
    "ddexkit.rules": 3,
    "ddexkit.summary": 3,
    "ddexkit.report": 3,
    "ddexkit.profiles": 3,  # profiles as data: which rules count, at which severity
    "ddexkit.catalogue": 3,  # a file's facts for the catalogue checks (BAT)
    "ddexkit.engine": 4,
    "ddexkit.batch": 4,
    "ddexkit.dask": 10,  # the optional Dask recipe, on top (the core never imports it)
    "ddexkit.resultcache": 4,  # reports of unchanged files, reused (--cache)
    "ddexkit.packager": 5,
    "ddexkit.autofix": 5,  # ddexkit fix: the rules' fixes spliced into the raw bytes
    "ddexkit.comparison": 5,  # ddexkit diff: the change set placed in both files + the report
    "ddexkit.delivery": 6,  # delivery planning, above the packager
    "ddexkit.output": 7,
    "ddexkit.upload": 7,  # the optional upload client, on top of the delivery plan
    "ddexkit.cli": 8,
    "ddexkit.__main__": 8,
    "ddexkit": 9,  # the package's __init__ re-exports the public API
}


def _layer(module: str) -> int:
    """The layer of the longest entry naming ``module`` or a package above it. The package
    root's entry counts only for the root itself, so a module missing from LAYERS fails the
    test instead of landing in the top layer, where it could import anything."""
    named = [name for name in LAYERS if module == name
             or (name != "ddexkit" and module.startswith(name + "."))]
    assert named, f"{module} has no layer: add it to LAYERS"
    return LAYERS[max(named, key=len)]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module != "ddexkit":  # `from ddexkit import model` imports ddexkit.model
                found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] == "ddexkit"}


def test_every_module_has_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        assert _layer(_module_name(path)) >= 0


def test_no_module_imports_a_higher_layer_or_the_cli() -> None:
    upward = []
    for path in PACKAGE.rglob("*.py"):
        module = _module_name(path)
        for imported in _imports(path):
            if imported in LAYERS or any(imported.startswith(n + ".") for n in LAYERS):
                target = _layer(imported)
                if imported == "ddexkit" and module != "ddexkit":
                    upward.append(f"{module} imports the package root")
                elif target > _layer(module) or (
                    imported.startswith("ddexkit.cli") and module != "ddexkit.__main__"
                ):
                    upward.append(f"{module} (layer {_layer(module)}) imports {imported}")
    assert upward == []


_RULE_CODE = re.compile(r"[A-Z]{2,3}[0-9]{3}")


def test_no_layer_outside_the_rules_names_a_rule_by_its_code() -> None:
    """The engine, parser and packager read what rules declare (``stops_the_run``,
    ``any_message_kind``, ``explains_xsd``, ``needs``); a code written as a value outside
    ``ddexkit.rules`` would be a decision about one rule taken where no reader looks for it."""
    named = []
    for path in PACKAGE.rglob("*.py"):
        if _module_name(path).startswith("ddexkit.rules"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and _RULE_CODE.fullmatch(node.value):
                named.append(f"{_module_name(path)}:{node.lineno}: {node.value!r}")
    assert named == []
