"""Stores: the embedded pyoxigraph store in a folder, or a remote SPARQL 1.1 endpoint.

The engine is chosen by the location's URL scheme from a registry
(:data:`ENGINES`), so a caller never tests the location's spelling itself:
``http://`` and ``https://`` open a remote endpoint, anything else (a folder path; a
folder name may hold a colon) the embedded store. Each engine module is imported
only when a store of its kind is opened.

>>> engine_for("https://example.org/sparql").capabilities.request_timeout
True
>>> engine_for("./tipgraph-data").capabilities.snapshot_reads
True
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from urllib.parse import urlsplit

from .base import Capabilities, GraphStore, SelectResult, StoreError, StoreInUseError, StoreStats, Streamed

DEFAULT_LOCATION = "./tipgraph-data"

#: URL scheme -> ``"module:Class"`` of the engine; ``""`` is a folder path.
ENGINES: dict[str, str] = {
    "": "tipgraph.store.embedded:EmbeddedStore",
    "http": "tipgraph.store.remote:RemoteStore",
    "https": "tipgraph.store.remote:RemoteStore",
}


def default_location() -> str:
    """``TIPGRAPH_STORE`` if set, else ``./tipgraph-data``."""
    return os.environ.get("TIPGRAPH_STORE") or DEFAULT_LOCATION


def register_engine(scheme: str, target: str) -> None:
    """Open locations of ``scheme`` with the GraphStore class ``target`` (``"module:Class"``)."""
    ENGINES[scheme.lower()] = target


def engine_for(location: str | Path | None = None) -> type[GraphStore]:
    """The GraphStore class that opens ``location``, by its URL scheme (a path: the folder engine)."""
    loc = str(location) if location is not None else default_location()
    scheme = urlsplit(loc).scheme.lower() if "://" in loc else ""
    target = ENGINES.get(scheme, ENGINES[""])
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def store_exists(location: str | Path | None = None) -> bool:
    """Does the location hold a store already (so a read command does not make an empty one)?"""
    loc = str(location) if location is not None else default_location()
    return engine_for(loc).exists(loc)


def open_store(location: str | Path | None = None, *, read_only: bool = False, **options) -> GraphStore:
    """Open the store at a folder (embedded) or a SPARQL endpoint URL (remote).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder, open_store(folder + "/store") as store:
    ...     type(store).__name__, store.graph_names()
    ('EmbeddedStore', [])
    """
    loc = str(location) if location is not None else default_location()
    return engine_for(loc).open(loc, read_only=read_only, **options)


__all__ = [
    "ENGINES",
    "Capabilities",
    "GraphStore",
    "SelectResult",
    "StoreError",
    "StoreInUseError",
    "StoreStats",
    "Streamed",
    "default_location",
    "engine_for",
    "open_store",
    "register_engine",
    "store_exists",
]
