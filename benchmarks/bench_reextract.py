"""`scraper reextract` throughput: records/s with 1 and 2 worker processes and on a 2-worker Dask
LocalCluster, against a bare warcio read + selectolax parse of the same WARC (the named baseline);
and a check that all three wrote the same dataset.

    python benchmarks/bench_reextract.py [--records 2000] [--pages fixtures|synthetic] [--no-dask]

The cluster is started before timing (workers and scheduler up), as a real cluster would be.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

from _common import table
from bench_warc import bare, dataset_rows, write_warc

from scraper.fetch.crawl import reextract


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (local worker processes)."""
    return sum(
        r.ru_utime + r.ru_stime
        for r in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def timed_reextract(src: Path, out: Path, **kw: object) -> tuple[float, float, float]:
    """Records/s of a re-extraction into a fresh dataset that holds only the raw WARCs, with the wall
    and CPU seconds it took (CPU: this process and local workers; a Dask cluster's is not counted)."""
    (out / "warc").mkdir(parents=True)
    for p in src.glob("*.warc.gz"):
        shutil.copy(p, out / "warc" / p.name)
    s, c = time.perf_counter(), cpu_seconds()
    summary = reextract(out, quiet=True, **kw)
    wall, cpu = time.perf_counter() - s, cpu_seconds() - c
    return summary.articles / wall, wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--pages", choices=("fixtures", "synthetic"), default="fixtures")
    ap.add_argument("--no-dask", action="store_true", help="skip the LocalCluster run")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        # Two files, as a crawl's warc/ folder holds: partitions come from both.
        half = args.records // 2
        write_warc(src / "a.warc.gz", half, args.pages)
        write_warc(src / "b.warc.gz", args.records - half, args.pages)
        s = time.perf_counter()
        n = sum(bare(p) for p in sorted(src.glob("*.warc.gz")))
        bare_rate = n / (time.perf_counter() - s)
        runs: list[tuple[str, float, float, float | None, Path]] = []
        for w in (1, 2):
            out = Path(tmp) / f"w{w}"
            rate, wall, cpu = timed_reextract(src, out, workers=w)
            runs.append((f"scraper reextract --workers {w}", rate, wall, cpu, out))
        if not args.no_dask:
            from distributed import LocalCluster

            with LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
            ) as cluster:
                out = Path(tmp) / "dask"
                rate, wall, _ = timed_reextract(src, out, dask=cluster.scheduler_address)
                runs.append(("scraper reextract --dask (LocalCluster, 2 workers)", rate, wall, None, out))
        one = runs[0][1]
        rows = [
            {
                "run": "baseline: bare warcio read + selectolax parse",
                "records/s": bare_rate,
                "× workers 1": "",
                "× bare": 1.0,
                "wall s": "",
                "CPU s": "",
            }
        ]
        rows += [
            {
                "run": name,
                "records/s": rate,
                "× workers 1": rate / one,
                "× bare": rate / bare_rate,
                "wall s": wall,
                "CPU s": "" if cpu is None else cpu,
            }
            for name, rate, wall, cpu, _ in runs
        ]
        print(
            f"{args.records} records ({args.pages} pages) in 2 gzip WARC files; load average"
            f" {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (others' work slows every run alike)"
        )
        print(table(rows))
        first = dataset_rows(runs[0][4])
        print(
            "datasets identical (workers 1, workers 2, Dask):", all(dataset_rows(r[4]) == first for r in runs)
        )


if __name__ == "__main__":
    main()
