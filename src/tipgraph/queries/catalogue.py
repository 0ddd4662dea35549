"""The stored queries: ``queries/*.rq`` files with grlc-style headers.

Each file is one question. Its header follows grlc's decorator convention
(https://github.com/CLARIAH/grlc#decorator-syntax): lines starting with ``#+ `` hold
YAML with ``summary`` (the title), ``description`` (what it answers), ``tags`` and
``defaults``. Parameters are query variables named the grlc/BASIL way:
``?_name_type`` is required, ``?__name_type`` optional, and the type suffix is one of
``iri``, ``date``, ``integer`` or none (a string). grlc has no place for a
parameter's description, so tipgraph adds one decorator, ``params``, that grlc
ignores::

    #+ params:
    #+   actor: {kind: Actor, description: One actor of the pair.}

``kind`` (for IRI parameters) says which class a label or acronym is looked up in.
``lists`` names the columns that hold `` | ``-separated lists (``GROUP_CONCAT``): SPARQL
leaves the order inside a group undefined and engines differ, so the runner sorts
their items, and every engine gives the same cell.
A file that breaks these rules fails to load, so a typo cannot silently turn a
filter off.

Variants (other bodies of a query for given parameters) are described in
:mod:`tipgraph.rqfile`.
"""
from __future__ import annotations

import functools
from pathlib import Path

from ..resources import resource_dir
from ..rqfile import KINDS, PARAM_TYPES, CatalogueError, Parameter, StoredQuery, Variant, parse_query_file, projection

__all__ = ["KINDS", "PARAM_TYPES", "CatalogueError", "Parameter", "StoredQuery", "Variant", "load_catalogue",
           "parse_query_file", "projection"]


def load_catalogue(directory: Path | str | None = None) -> dict[str, StoredQuery]:
    """Every stored query in ``directory`` (default: the packaged ``queries/``), by name."""
    if directory is None:
        return dict(_packaged_catalogue())
    return {p.stem: parse_query_file(p) for p in sorted(Path(directory).glob("*.rq"))}


@functools.lru_cache(maxsize=1)
def _packaged_catalogue() -> tuple[tuple[str, StoredQuery], ...]:
    folder = resource_dir("queries")
    return tuple((p.stem, parse_query_file(p)) for p in sorted(folder.glob("*.rq")))
