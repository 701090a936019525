"""Scale-out: the same work on every core (`--workers N`) or on a Dask cluster (`--dask ADDRESS`)."""

from .executor import DaskExecutor, DaskMissing, Executor, LocalExecutor, default_workers, make_executor

__all__ = ["Executor", "LocalExecutor", "DaskExecutor", "DaskMissing", "make_executor", "default_workers"]
