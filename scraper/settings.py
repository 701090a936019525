"""Every default and threshold in one place (as Scrapy's default_settings / trafilatura's settings).

Modules read their defaults from here; the command line and a config file override them.  Group by
stage; each name says what it bounds and in which unit.
"""

from __future__ import annotations

# --- scale-out (scraper/scale/) --------------------------------------------------------------------
PROCESS_START_METHOD = "spawn"        # worker processes start clean (no inherited threads or sockets)
TASKS_IN_FLIGHT_PER_WORKER = 4        # tasks submitted ahead per worker: bounded memory, busy workers
DASK_CONNECT_TIMEOUT = "10s"          # how long `--dask ADDRESS` waits for the scheduler
WARC_PARTITION_BYTES = 4 * 1024 * 1024  # WARC files larger than this are split at record boundaries
WARC_PARTITION_MIN_BYTES = 64 * 1024  # ... and no partition is made smaller than this (unless the file is)
BUILD_FILES_PER_TASK = 16             # local HTML files parsed per task by `build`
WRITE_BATCH_ARTICLES = 200            # articles written per SQLite transaction by the parent
PARQUET_ROWS_PER_PART = 100_000       # rows per file in a partitioned Parquet export
