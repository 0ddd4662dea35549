"""The package layout holds: each unit imports only what docs/architecture.md allows it,
and no module outside ``store/`` imports an engine (pyoxigraph, SPARQLWrapper, the engine
modules). The rules are read from the documentation's table, so the drawing and the
check cannot drift apart."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "tipgraph"
DOC = REPO / "docs" / "architecture.md"

#: Third-party and internal modules only ``store/`` may import.
ENGINE_MODULES = ("pyoxigraph", "SPARQLWrapper", "tipgraph.store.embedded", "tipgraph.store.remote")


def allowed_imports(doc: str) -> dict[str, set[str]]:
    """The table between the import-rules markers: unit -> units it may import."""
    block = re.search(r"<!-- import-rules: begin -->(.*?)<!-- import-rules: end -->", doc, re.S)
    assert block, "docs/architecture.md lost its import-rules table"
    rules: dict[str, set[str]] = {}
    for line in block.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in ("unit", "") or set(cells[0]) <= {"-"}:
            continue
        rules[cells[0]] = {u.strip() for u in cells[1].split(",") if u.strip()}
    return rules


def unit_of(path: Path) -> str:
    """The top-level unit of a module: ``store/embedded.py`` -> ``store``, ``ingest.py`` -> ``ingest``."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported_modules(path: Path) -> set[str]:
    """Absolute names of every module the file imports (relative imports resolved; inside functions too)."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = parts[:-1]  # a module's package; for __init__.py the package itself
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                if not node.module:  # "from . import x": x may be a module
                    out.update(f"{module}.{a.name}" for a in node.names)
                    continue
            else:
                module = node.module or ""
            out.add(module)
            out.update(f"{module}.{a.name}" for a in node.names)
    return out


def target_unit(module: str) -> str | None:
    """The tipgraph unit a module name belongs to (None: not tipgraph, or the package root)."""
    parts = module.split(".")
    if parts[0] != "tipgraph" or len(parts) < 2:
        return None
    unit = parts[1]
    if (PACKAGE / unit).is_dir() or (PACKAGE / f"{unit}.py").is_file():
        return unit
    return None  # a name from tipgraph/__init__.py (__version__, EXTRACTOR_VERSION)


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))
RULES = allowed_imports(DOC.read_text(encoding="utf-8"))


def test_every_unit_has_a_rule():
    units = {unit_of(p) for p in MODULES} - {"__init__"}
    assert units - set(RULES) == set(), "units missing from the table in docs/architecture.md"
    assert set(RULES) - units == set(), "the table names units that do not exist"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_documented_rules(path):
    unit = unit_of(path)
    if unit == "__init__":
        return
    wrong = sorted({target_unit(m) for m in imported_modules(path)} - RULES[unit] - {unit, None})
    assert not wrong, f"{unit} may not import {wrong} (docs/architecture.md, 'Packages and what each may import')"


@pytest.mark.parametrize("path", [p for p in MODULES if unit_of(p) != "store"],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_engine_module_is_imported_outside_store(path):
    found = sorted(m for m in imported_modules(path)
                   if any(m == e or m.startswith(e + ".") for e in ENGINE_MODULES))
    assert not found, f"only store/ may import the engines: {found}"


def test_the_checker_sees_relative_and_local_imports():
    """The check would pass vacuously if it missed imports; it finds both kinds."""
    names = imported_modules(PACKAGE / "ingest.py")
    assert "tipgraph.store.terms.parse_triples" in names  # imported inside a function
    assert "tipgraph.extraction" in names or any(n.startswith("tipgraph.extraction") for n in names)
    assert target_unit("tipgraph.store.embedded") == "store" and target_unit("tipgraph.__version__") is None


@pytest.mark.parametrize("path", [p for p in MODULES if unit_of(p) != "cli"],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_terminal_output_is_the_clis(path):
    """Rendering for the terminal (rich tables, consoles) lives in cli/, not in queries/ or network/."""
    found = sorted(m for m in imported_modules(path) if m == "rich" or m.startswith("rich."))
    assert not found, f"terminal rendering belongs in cli/: {found}"
