"""Run one function over many tasks on every core, or on a Dask cluster: results come back in task order.

A small typed seam any stage can reuse (WARC partitions, HTML files, attached documents):

    with make_executor(workers=4) as ex:            # or make_executor(dask="tcp://scheduler:8786")
        for rows in ex.map(parse_partition, partitions):
            ...                                      # the caller (the parent) writes

- `LocalExecutor(1)` runs in-process (no pickling, easiest to debug); `LocalExecutor(n)` uses a
  `concurrent.futures.ProcessPoolExecutor`; `DaskExecutor(address)` a `dask.distributed.Client`.
- Results are yielded in the order of the tasks, whatever finishes first, so a dataset written from
  them is the same for any number of workers or any executor.
- At most `window` tasks are in flight (default: 4 per worker): memory stays bounded when there are
  millions of tasks, and the caller's writes overlap with the workers' parsing.
- Task functions must be importable top-level functions (pickled by reference), tasks and results
  picklable.  A task that raises re-raises in the caller; workers should return failures as values.
- `memory_limit_mb` (local processes) caps each worker's address space, so a hostile input fails
  that task with MemoryError instead of taking the machine down.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

from .. import settings
from ..errors import MissingDependency, UsageError

__all__ = [
    "Executor",
    "LocalExecutor",
    "DaskExecutor",
    "make_executor",
    "default_workers",
    "DaskMissing",
    "require_dask",
]

T = TypeVar("T")
R = TypeVar("R")


class DaskMissing(MissingDependency):
    """`--dask` without dask.distributed installed."""


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class Executor(Protocol):
    """What a stage needs from an executor."""

    workers: int

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...


def _ordered(submit: Callable[[T], Any], tasks: Iterable[T], window: int) -> Iterator[Any]:
    """Futures submitted `window` ahead; results yielded in task order."""
    pending: deque[Any] = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _limit_memory(limit_mb: int | None) -> None:
    if limit_mb:
        import resource

        limit = limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _start_method() -> str:
    """`settings.PROCESS_START_METHOD`; "auto": fork when this process runs no other thread (workers
    inherit the imported, compiled extractor), else a fork server that imports it once (forking a
    threaded process can deadlock; spawning imports it again in every worker)."""
    import multiprocessing as mp
    import threading

    method = settings.PROCESS_START_METHOD
    if method != "auto":
        return method
    methods = mp.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    if "forkserver" in methods:
        mp.get_context("forkserver").set_forkserver_preload(list(settings.WORKER_PRELOAD))
        return "forkserver"
    return "spawn"


class LocalExecutor:
    """N processes on this machine (N=1: in this process)."""

    def __init__(
        self, workers: int | None = None, *, window: int | None = None, memory_limit_mb: int | None = None
    ) -> None:
        self.workers = max(1, workers or default_workers())
        self.window = window or self.workers * settings.TASKS_IN_FLIGHT_PER_WORKER
        self.memory_limit_mb = memory_limit_mb
        self._pool: ProcessPoolExecutor | None = None

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing as mp

            ctx = mp.get_context(_start_method())
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=ctx, initializer=_limit_memory, initargs=(self.memory_limit_mb,)
            )
        return self._pool

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        if self.workers == 1 and not self.memory_limit_mb:
            return map(fn, tasks)
        pool = self._get_pool()

        def submit(task: T) -> Future[R]:
            return pool.submit(fn, task)

        return _ordered(submit, tasks, self.window)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def require_dask() -> None:
    """Raise DaskMissing (one line) unless dask.distributed can be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise DaskMissing("--dask needs dask.distributed: pip install 'vn-gov-figures[dask]'") from None


class DaskExecutor:
    """The tasks on an existing Dask cluster (`tcp://scheduler:8786`) or a given `distributed.Client`."""

    def __init__(self, address: Any, *, window: int | None = None) -> None:
        require_dask()
        from distributed import Client

        if isinstance(address, Client):
            self.client, self._own = address, False
        else:
            try:
                self.client = Client(address, timeout=settings.DASK_CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise UsageError(
                    f"cannot reach the Dask scheduler at {address}: {exc}".split("\n")[0]
                ) from None
            self._own = True
        n = sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values())
        self.workers = max(1, n)
        self.window = window or self.workers * settings.TASKS_IN_FLIGHT_PER_WORKER

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        def submit(task: T) -> Any:
            return self.client.submit(fn, task, pure=False)

        return _ordered(submit, tasks, self.window)

    def close(self) -> None:
        if self._own:
            self.client.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_executor(
    workers: int | None = None, dask: str | None = None, **kw: Any
) -> LocalExecutor | DaskExecutor:
    """`--workers N` / `--dask ADDRESS` as an executor (dask wins when both are given)."""
    if dask:
        return DaskExecutor(dask, **{k: v for k, v in kw.items() if k == "window"})
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1 (got {workers})")
    return LocalExecutor(workers, **kw)
