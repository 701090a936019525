"""Scale-out: `--workers N` and a Dask cluster give the same dataset as one process; WARC partitions
cover every record exactly once; exports grow incrementally and still equal the database."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper import settings
from scraper.fetch.crawl import reextract, run_warc
from scraper.pipeline import build_from_files
from scraper.scale import LocalExecutor, make_executor
from scraper.sources.warc import WarcPartition, iter_pages, record_offsets, warc_partitions
from test_crawl import page

ROOT = Path(__file__).resolve().parent.parent
URL = "https://www.binhduong.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID={}"


def write_warc(path: Path, items: range, *, extra: str = "", noise: bool = True) -> Path:
    """A gzip WARC of article responses, with request, listing, 404 and image records among them."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in items:
            html = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            w.write_record(
                w.create_warc_record(
                    URL.format(i), "response", payload=io.BytesIO(page(i, extra)), http_headers=html
                )
            )
            if noise and i % 3 == 0:
                w.write_record(
                    w.create_warc_record(
                        URL.format(i), "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
                    )
                )
                gone = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                w.write_record(
                    w.create_warc_record(
                        URL.format(i + 1000),
                        "response",
                        payload=io.BytesIO(b"<html>gone</html>"),
                        http_headers=gone,
                    )
                )
                png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                w.write_record(
                    w.create_warc_record(
                        f"https://www.binhduong.gov.vn/logo{i}.png",
                        "response",
                        payload=io.BytesIO(b"\x89PNG...."),
                        http_headers=png,
                    )
                )
    return path


def dataset(out: Path) -> dict[str, list[tuple]]:
    """Every stored row, run timestamps (stored_at) left out."""
    db = sqlite3.connect(out / "dataset.sqlite")
    return {
        "articles": db.execute("SELECT * FROM articles ORDER BY rowid").fetchall(),
        "figures": db.execute("SELECT * FROM figures ORDER BY rowid").fetchall(),
        "versions": db.execute(
            "SELECT id, version, url, content_hash, title, published, body_text, captured_at, archive_url"
            " FROM article_versions ORDER BY id, version"
        ).fetchall(),
    }


def exports(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.jsonl"))}


@pytest.fixture
def warcs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    # Small partitions, so these few records are split into byte ranges as a large file would be.
    monkeypatch.setattr(settings, "WARC_PARTITION_MIN_BYTES", 2048)
    monkeypatch.setattr(settings, "WARC_PARTITION_BYTES", 4096)
    return [
        str(write_warc(tmp_path / "a.warc.gz", range(1, 40))),
        str(write_warc(tmp_path / "b.warc.gz", range(40, 55))),
    ]


def test_partitions_cover_every_record_once(warcs: list[str]) -> None:
    parts = warc_partitions(warcs, workers=2)
    assert len(parts) > 4 and any(p.start > 0 for p in parts)  # large files are split
    for p in parts:
        if p.start:
            assert p.start in record_offsets(p.path)  # ranges start on record boundaries
    whole = [pg.url for path in warcs for pg in iter_pages(WarcPartition(path))]
    split = [pg.url for part in parts for pg in iter_pages(part)]
    assert (
        split == whole and len(whole) == 54
    )  # same pages, same order; 404, image and request records skipped


def test_workers_and_dask_cluster_give_the_same_dataset(tmp_path: Path, warcs: list[str]) -> None:
    distributed = pytest.importorskip("distributed")
    one = run_warc(warcs, out_dir=tmp_path / "w1", quiet=True, workers=1)
    two = run_warc(warcs, out_dir=tmp_path / "w2", quiet=True, workers=2)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        dask = run_warc(warcs, out_dir=tmp_path / "dask", quiet=True, dask=cluster.scheduler_address)
    assert (one.new, one.failed, one.figures) == (54, 0, 108)
    assert (two.new, two.figures) == (dask.new, dask.figures) == (54, 108)
    assert dataset(tmp_path / "w1") == dataset(tmp_path / "w2") == dataset(tmp_path / "dask")
    assert exports(tmp_path / "w1") == exports(tmp_path / "w2") == exports(tmp_path / "dask")


def test_reextract_with_workers_equals_one_process(tmp_path: Path, warcs: list[str]) -> None:
    for name, workers in (("r1", 1), ("r2", 2)):
        out = tmp_path / name
        (out / "warc").mkdir(parents=True)
        for w in warcs:
            (out / "warc" / Path(w).name).write_bytes(Path(w).read_bytes())
        s = reextract(out, quiet=True, workers=workers)
        assert (s.new, s.failed) == (54, 0)
        again = reextract(out, quiet=True, workers=workers)
        assert (again.new, again.unchanged) == (0, 54)
    assert dataset(tmp_path / "r1") == dataset(tmp_path / "r2")


def test_build_with_workers_equals_one_process(tmp_path: Path) -> None:
    pages = sorted(p for p in (ROOT / "fixtures").rglob("*.html") if "golden" not in p.parts)
    one = build_from_files(pages, out_dir=tmp_path / "b1", quiet=True, workers=1)
    two = build_from_files(pages, out_dir=tmp_path / "b2", quiet=True, workers=2)
    assert one.new > 5 and (one.new, one.skipped, one.failed) == (two.new, two.skipped, two.failed)
    assert dataset(tmp_path / "b1") == dataset(tmp_path / "b2")


def test_exports_are_appended_and_still_equal_the_database(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_warc(
        [str(write_warc(tmp_path / "a.warc.gz", range(1, 6)))],
        out_dir=out,
        quiet=True,
        formats=("jsonl", "csv"),
    )
    first = (out / "articles.jsonl").read_bytes()
    first_csv = (out / "figures.csv").read_text(encoding="utf-8")
    run_warc(
        [str(write_warc(tmp_path / "b.warc.gz", range(6, 9)))],
        out_dir=out,
        quiet=True,
        formats=("jsonl", "csv"),
    )
    grown = (out / "articles.jsonl").read_bytes()
    assert grown.startswith(first) and grown.count(b"\n") == 8  # appended, not rewritten
    csv_text = (out / "figures.csv").read_text(encoding="utf-8")
    assert csv_text.startswith(first_csv) and csv_text.count("article_url,") == 1  # one header
    # An edited article: its old line must go, so this export is a full rewrite.
    run_warc(
        [str(write_warc(tmp_path / "c.warc.gz", range(2, 3), extra="Bổ sung 15 hồ sơ."))],
        out_dir=out,
        quiet=True,
    )
    lines = [json.loads(x) for x in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    db = sqlite3.connect(out / "dataset.sqlite")
    assert sorted(a["url"] for a in lines) == sorted(r[0] for r in db.execute("SELECT url FROM articles"))
    assert len(lines) == 8 and sum("Bổ sung" in a["body_text"] for a in lines) == 1
    figs = (out / "figures.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(figs) == db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
    # A file truncated behind our back (a crash, an editor) is rewritten, not appended to.
    (out / "figures.jsonl").write_text(figs[0] + "\n", encoding="utf-8")
    run_warc([str(write_warc(tmp_path / "d.warc.gz", range(9, 10)))], out_dir=out, quiet=True)
    assert (
        len((out / "figures.jsonl").read_text(encoding="utf-8").splitlines())
        == db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
    )


def test_partitioned_parquet_grows_by_parts(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out"
    run_warc(
        [str(write_warc(tmp_path / "a.warc.gz", range(1, 6)))], out_dir=out, quiet=True, formats=("parquet",)
    )
    run_warc(
        [str(write_warc(tmp_path / "b.warc.gz", range(6, 9)))], out_dir=out, quiet=True, formats=("parquet",)
    )
    assert sorted(p.name for p in (out / "figures.parquet").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    table = pq.read_table(out / "figures.parquet")  # the folder reads as one table
    assert table.num_rows == 16 and table.schema.field("start").type == "int64"
    arts = pq.read_table(out / "articles.parquet")  # types follow the store's columns, the same in every part
    assert arts.num_rows == 8 and str(arts.schema.field("views").type) == "int64"
    assert str(arts.schema.field("tables").type) == "string" and str(table.schema.field("estimate").type) == "bool"


def test_executor_keeps_task_order(tmp_path: Path) -> None:
    with LocalExecutor(2) as ex:
        assert list(ex.map(_slow_square, [3, 0, 2, 1, 0])) == [9, 0, 4, 1, 0]


def _slow_square(n: int) -> int:
    time.sleep(n * 0.05)
    return n * n


def test_bad_worker_counts_are_usage_errors(tmp_path: Path) -> None:
    from scraper.cli import main
    from scraper.errors import UsageError

    with pytest.raises(UsageError):
        make_executor(0)
    assert main(["reextract", str(tmp_path), "--workers", "0"]) == 2  # one line on stderr, no SystemExit


def test_dask_option_without_dask_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['distributed'] = None; from scraper.cli import main; "
        f"sys.exit(main(['reextract', {str(tmp_path)!r}, '--dask', 'tcp://127.0.0.1:9']))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "pip install 'vn-gov-figures[dask]'" in proc.stderr


def test_warc_paths_through_fsspec(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    for name, items in (("a", range(1, 4)), ("b", range(4, 6))):
        fs.pipe(f"/bucket/crawl/{name}.warc.gz", write_warc(tmp_path / f"{name}.warc.gz", items).read_bytes())
    # A remote pattern, as in `crawl --warc "s3://bucket/crawl/*.warc.gz"` (memory:// lives in this process).
    s = run_warc(["memory://bucket/crawl/*.warc.gz"], out_dir=tmp_path / "out", quiet=True, workers=1)
    run_warc(
        [str(tmp_path / "a.warc.gz"), str(tmp_path / "b.warc.gz")], out_dir=tmp_path / "local", quiet=True
    )
    assert (s.new, s.failed) == (5, 0)
    assert dataset(tmp_path / "out") == dataset(tmp_path / "local")
