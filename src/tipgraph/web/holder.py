"""The server's store, kept open for all requests, and reopened when ingest changed it.

The embedded store (a RocksDB folder) allows one writer. A server that took the write
lock would make ``tipgraph ingest`` fail for as long as it runs, so the server opens
the folder **read-only** (no lock) and ``tipgraph ingest`` / ``load`` work beside it.
A read-only instance sees the data as of its opening, so the holder looks at the
folder's files (names, sizes, modification times: a cheap ``scandir``) at most every
``reopen_interval`` seconds and, when they changed, opens a fresh read-only instance
for the requests that follow. Requests already running finish on the instance they
started on. A query that fails because the writer removed files under it (RocksDB
compaction) is run once more on a fresh instance.

With ``--allow-update`` the server itself writes, so it opens the folder read-write
and holds the lock: ``tipgraph ingest`` then fails at once with "in use by another
process". A remote store is one connection object; other writers are the endpoint's
business.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..store import GraphStore, StoreError, engine_for, open_store

T = TypeVar("T")
#: Tries to open a fresh instance while another process writes, before keeping the old one.
_OPEN_ATTEMPTS = 3


class StoreChanging(StoreError):
    """Another process is rewriting the store's files right now; the request may be repeated."""

    def __init__(self, location: str):
        super().__init__(f"store {location} is being written by another process (ingest or load); "
                         "try again in a moment")


def folder_signature(path: Path) -> tuple:
    """What changes when any process writes the store: each file's name, size and mtime."""
    try:
        entries = list(os.scandir(path))
    except OSError:
        return ()
    out = []
    for entry in entries:
        try:
            st = entry.stat()
        except OSError:  # removed between listing and stat: the folder is changing
            continue
        out.append((entry.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


class StoreHolder:
    """Hands out the current store; see the module docstring for the embedded case."""

    def __init__(self, location: str, *, writable: bool = False, reopen_interval: float = 1.0,
                 **options) -> None:
        self.location = location
        self.engine = engine_for(location)
        #: Reads see a snapshot taken at opening, so the holder reopens when the folder changes.
        self.snapshots = self.engine.capabilities.snapshot_reads
        self.writable = writable
        self.reopen_interval = reopen_interval
        self._options = options
        self._lock = threading.Lock()
        self._checked = 0.0
        self._signature: tuple = ()
        #: How many times the embedded store was reopened (for tests and the status page).
        self.reopened = 0
        self._store = self._open()

    def _open(self) -> GraphStore:
        if not self.snapshots:
            return open_store(self.location, **self._options)
        path = Path(self.location)
        if not self.engine.exists(self.location):
            raise StoreError(f"no store at {path} (ingest or load something first, or pass --store)")
        signature = folder_signature(path)
        store = open_store(path, read_only=not self.writable)
        # Taken before opening: a change during the open shows at the next look.
        self._signature = signature
        self._checked = time.monotonic()
        return store

    @property
    def follows_writers(self) -> bool:
        """True when the store is a read-only embedded one that other processes may change."""
        return self.snapshots and not self.writable

    def current(self) -> GraphStore:
        """The store to use for a request, reopened first if another process changed it."""
        if not self.follows_writers:
            return self._store
        now = time.monotonic()
        if now - self._checked < self.reopen_interval:
            return self._store
        with self._lock:
            if now - self._checked >= self.reopen_interval:
                self._checked = now
                if folder_signature(Path(self.location)) != self._signature:
                    self._reopen()
            return self._store

    def _reopen(self) -> bool:
        """Open a fresh instance; False (the old one kept) when the writer is mid-change.

        Opening while RocksDB compacts can find a file listed and then gone; the next
        look, a moment later, tries again. The old instance is not closed: requests
        running on it keep their reference, and it is freed when the last one ends.
        """
        for attempt in range(_OPEN_ATTEMPTS):
            try:
                self._store = self._open()
            except (StoreError, OSError, RuntimeError):
                time.sleep(0.05 * (attempt + 1))
                continue
            self.reopened += 1
            return True
        return False

    def call(self, work: Callable[[GraphStore], T]) -> T:
        """``work(store)``; on a store error while a writer changed the folder, once more on a fresh instance."""
        store = self.current()
        try:
            return work(store)
        except (StoreError, OSError, RuntimeError) as exc:
            if not self.follows_writers or folder_signature(Path(self.location)) == self._signature:
                if isinstance(exc, StoreError):
                    raise
                raise StoreError(str(exc)) from None
            with self._lock:
                if store is self._store and not self._reopen():
                    raise StoreChanging(self.location) from None
                store = self._store
        try:
            return work(store)
        except (OSError, RuntimeError) as exc:
            raise StoreChanging(self.location) from exc

    def close(self) -> None:
        with self._lock:
            self._store.close()
