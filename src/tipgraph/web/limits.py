"""Time and row limits for queries from the web, and a bounded pool to run them in.

Store calls block, so they run in worker threads. At most ``workers`` run at once; a
request that finds them all busy is answered "busy" (503) at once instead of queueing
behind a slow query. A request whose query runs past the time limit is answered with
an error at the limit. The engines cannot all be interrupted: a remote store's request
is cut by its HTTP timeout (set to the same limit); on the embedded store a query is
stopped between result rows, but one that the engine computes in a single block (a
big ORDER BY or GROUP BY) keeps its worker until the engine is done, and that worker
counts as busy until then, so runaway queries cannot pile up.
"""
from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class LimitError(Exception):
    """A query was stopped by a limit; ``status`` is the HTTP status to answer with."""

    status = 400


class QueryTimeout(LimitError):
    status = 503

    def __init__(self, seconds: float):
        super().__init__(f"the query ran longer than the time limit of {seconds:g} s "
                         "(add filters or a LIMIT, or start the server with a larger --query-timeout)")


class TooManyRows(LimitError):
    status = 400

    def __init__(self, limit: int, what: str = "rows"):
        super().__init__(f"the query returns more than the limit of {limit} {what} "
                         "(add a LIMIT, or start the server with a larger --row-limit)")


class Busy(LimitError):
    status = 503

    def __init__(self, workers: int):
        super().__init__(f"the server is busy: all {workers} query workers are in use; try again shortly")


class Deadline:
    """A point in time that a worker checks between rows."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.at:
            raise QueryTimeout(self.seconds)


class QueryPool:
    """Runs blocking store work in at most ``workers`` threads, each job with a time limit."""

    def __init__(self, workers: int, timeout: float):
        self.workers = workers
        self.timeout = timeout
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tipgraph-query")
        self._slots = threading.BoundedSemaphore(workers)

    async def run(self, work: Callable[[Deadline], T]) -> T:
        """``work(deadline)`` in a worker; :class:`Busy` when none is free, :class:`QueryTimeout` at the limit."""
        if not self._slots.acquire(blocking=False):
            raise Busy(self.workers)
        deadline = Deadline(self.timeout)
        try:
            future = self._executor.submit(work, deadline)
        except BaseException:
            self._slots.release()
            raise
        # The slot is freed when the work really ends, not when the request gives up on it.
        future.add_done_callback(lambda _f: self._slots.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=self.timeout)
        except asyncio.TimeoutError:
            raise QueryTimeout(self.timeout) from None

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
