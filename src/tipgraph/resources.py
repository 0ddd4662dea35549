"""Where the ontology, shapes and stored queries live at run time.

In a wheel they are packed under ``tipgraph/_resources``; in a source checkout
(editable install, tests) they are the top-level folders of the repository.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "_resources"
_CHECKOUT = Path(__file__).resolve().parents[2]


def resource_dir(name: str) -> Path:
    """The folder ``ontology``, ``shapes`` or ``queries``."""
    for base in (_PACKAGED, _CHECKOUT):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"tipgraph resource folder {name!r} not found in {_PACKAGED} or {_CHECKOUT}")


def ontology_files() -> list[Path]:
    return sorted(resource_dir("ontology").glob("*.ttl"))


def shapes_files() -> list[Path]:
    return sorted(resource_dir("shapes").glob("*.ttl"))


def query_files() -> list[Path]:
    return sorted(resource_dir("queries").glob("*.rq"))
