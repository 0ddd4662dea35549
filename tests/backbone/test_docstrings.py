"""Every public module, class, function and method of the packages users import has a
docstring: ``help()`` and the editor's hover are how notebook users learn the API.

A method that overrides a documented one (an engine's ``select``) inherits its
docstring, as ``help()`` shows it; a dataclass's generated signature does not count.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

#: What users import: the package root, the pipeline and these packages with all their modules.
MODULES = ("tipgraph", "tipgraph.ingest", "tipgraph.rqfile")
PACKAGES = ("tipgraph.store", "tipgraph.queries", "tipgraph.network", "tipgraph.validation",
            "tipgraph.reading", "tipgraph.resolution")


def public_modules() -> list[ModuleType]:
    names = list(MODULES)
    for package in PACKAGES:
        names.append(package)
        module = importlib.import_module(package)
        names += [info.name for info in pkgutil.walk_packages(module.__path__, package + ".")
                  if not any(part.startswith("_") for part in info.name.split("."))]
    return [importlib.import_module(n) for n in sorted(set(names))]


def _documented(obj: object) -> bool:
    doc = inspect.getdoc(obj)
    if not doc or not doc.strip():
        return False
    # dataclasses write their signature as __doc__ when the class has none
    return not (inspect.isclass(obj) and doc.startswith(f"{obj.__name__}("))


def undocumented(module: ModuleType) -> list[str]:
    """``module.name`` of each public definition in ``module`` without a docstring."""
    missing = [] if _documented(module) else [f"{module.__name__} (module)"]
    for name, obj in vars(module).items():
        if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
            continue
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if not _documented(obj):
            missing.append(f"{module.__name__}.{name}")
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                target = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
                if not inspect.isfunction(target):
                    continue
                if not _documented(getattr(obj, attr) if not isinstance(member, property) else member):
                    missing.append(f"{module.__name__}.{name}.{attr}")
    return missing


def test_the_walk_finds_the_packages_modules():
    names = {m.__name__ for m in public_modules()}
    assert {"tipgraph.store.embedded", "tipgraph.queries.runner", "tipgraph.reading.readers"} <= names


@pytest.mark.parametrize("module", public_modules(), ids=lambda m: m.__name__)
def test_public_definitions_have_docstrings(module: ModuleType):
    assert undocumented(module) == []
