"""The stored queries: the ``queries/*.rq`` files analysts run, by name.

The file format (grlc-style ``#+`` headers, parameters named the grlc/BASIL way, the
``params`` and ``lists`` decorators, variants per given parameter) is described, and
parsed, in :mod:`tipgraph.rqfile`, which tipgraph's own internal queries share; this
module finds the stored ones (not ``queries/internal/``) and keeps them parsed.
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
