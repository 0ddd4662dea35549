"""The one error reading raises, so callers can report a bad input and go on."""
from __future__ import annotations

from pathlib import Path


class UnreadableDocument(Exception):
    """A file that cannot be turned into text: missing, empty, binary, too large, all noise.

    The ingest command reports it (exit code 2 for a single file) and carries on with the
    other documents of a folder, so it carries the path and a human reason separately.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # keep it picklable for multiprocessing pools
        return (type(self), (self.path, self.reason))
