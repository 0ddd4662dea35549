"""Progress for output that is not a terminal: a plain line every few seconds.

A progress bar redraws one line with control codes; in a notebook cell, a log file or
cron there is no line to redraw, so rich shows nothing and a long ingest is silent.
There, :class:`PlainProgress` writes an ordinary line now and then, and one at the end.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

#: Seconds between two plain progress lines.
PLAIN_PROGRESS_SECONDS = 5.0


class PlainProgress:
    """Counts finished items and writes ``ingest: 40/200 documents (20%), 12 s`` lines to ``out``."""

    def __init__(self, total: int, out: Callable[[], TextIO], *, every: float = PLAIN_PROGRESS_SECONDS,
                 clock: Callable[[], float] = time.monotonic, what: str = "documents") -> None:
        self.total, self.out, self.every, self.clock, self.what = total, out, every, clock, what
        self.done = self.refused = 0
        self.started = self.last = clock()

    def advance(self, refused: bool = False) -> None:
        """One more item finished; a line when ``every`` seconds passed since the last one."""
        self.done += 1
        self.refused += bool(refused)
        now = self.clock()
        if now - self.last >= self.every and self.done < self.total:
            self.last = now
            self._line(now)

    def finish(self) -> None:
        """The closing line (written whatever the time, so a log always shows the end)."""
        self._line(self.clock(), final=True)

    def _line(self, now: float, final: bool = False) -> None:
        pct = f" ({100 * self.done // self.total}%)" if self.total else ""
        refused = f", {self.refused} refused" if self.refused else ""
        verb = "done in" if final else "after"
        stream = self.out()
        stream.write(f"ingest: {self.done}/{self.total} {self.what}{pct}{refused}, {verb} {now - self.started:.0f} s\n")
        stream.flush()
