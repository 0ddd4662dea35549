"""Stores: the embedded pyoxigraph store in a folder, or a remote SPARQL 1.1 endpoint."""
from __future__ import annotations

import os
from pathlib import Path

from .base import GraphStore, SelectResult, StoreError, StoreInUseError, StoreStats, is_remote

DEFAULT_LOCATION = "./tipgraph-data"


def default_location() -> str:
    """``TIPGRAPH_STORE`` if set, else ``./tipgraph-data``."""
    return os.environ.get("TIPGRAPH_STORE") or DEFAULT_LOCATION


def open_store(location: str | Path | None = None, *, read_only: bool = False, **options) -> GraphStore:
    """Open the store at a folder (embedded) or a SPARQL endpoint URL (remote)."""
    loc = str(location) if location is not None else default_location()
    if is_remote(loc):
        from .remote import RemoteStore

        return RemoteStore(loc, **options)
    from .embedded import EmbeddedStore

    return EmbeddedStore(Path(loc), read_only=read_only)


__all__ = [
    "GraphStore",
    "SelectResult",
    "StoreError",
    "StoreInUseError",
    "StoreStats",
    "default_location",
    "open_store",
]
