"""The nightly operator's view (issue #16): no traceback anywhere, resume for every source, progress
under cron, a run summary, settings from env and file, output files, and a dataset fit for analysis.
Every scenario runs the real command line against real servers on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scraper.sources.replay import ITEM_PATH, PortalReplay, ReplayArticle

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def scraper(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env = {k: v for k, v in full_env.items() if not (k.startswith("SCRAPER_") and k not in (env or {}))}
    return subprocess.run([sys.executable, "-m", "scraper", *args], input=stdin, capture_output=True, timeout=120,
                          env=full_env, cwd=cwd)


def page(item: int, extra: str = "") -> bytes:
    return (
        "<html><head><meta charset='utf-8'><meta name='GENERATOR' content='Microsoft SharePoint'>"
        f"<title>Tin {item}</title></head><body><div class='news-date'>Ngày 0{1 + item % 9}/03/2021, 08:00</div>"
        f"<h1 class='title-news'>Kết quả công tác tháng của xã số {item}</h1>"
        f"<div class='ms-rtestate-field'><p>Trong tháng, xã đã tiếp nhận {200 + item} hồ sơ, "
        f"tỷ lệ đúng hạn đạt 9{item % 10},1%. {extra}</p></div></body></html>"
    ).encode("utf-8")


def db_rows(out: Path, sql: str) -> list[tuple]:
    db = sqlite3.connect(f"file:{out / 'dataset.sqlite'}?mode=ro", uri=True, timeout=5)  # never creates it
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


# --- no traceback anywhere --------------------------------------------------------------------


@pytest.fixture()
def bad_files(tmp_path: Path) -> Path:
    (tmp_path / "notes.txt").write_text("Biên bản họp: đã tiếp nhận 120 hồ sơ.\n", encoding="utf-8")
    (tmp_path / "blob.warc.gz").write_bytes(bytes(range(256)) * 40)
    import gzip

    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress("Ghi chú, không phải WARC.\n".encode()))
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "emptydir").mkdir()
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "bad.toml").write_text("delay = [\n", encoding="utf-8")
    (tmp_path / "typo.toml").write_text("dealy = 2\n", encoding="utf-8")
    # A stand-in for an environment without pyarrow: its import fails.
    (tmp_path / "nopyarrow" / "pyarrow").mkdir(parents=True)
    (tmp_path / "nopyarrow" / "pyarrow" / "__init__.py").write_text("raise ImportError('no pyarrow here')\n")
    return tmp_path


F = "{tmp}"  # placeholder for the per-test folder
BAD_CALLS = [
    # (arguments, exit status, words in the message, extra environment)
    (["extract"], 2, "required", {}),
    (["extract", f"{F}/missing.html"], 3, "cannot read", {}),
    (["extract", f"{F}/notes.txt"], 3, "--text", {}),
    (["extract", f"{F}/emptydir"], 3, "is a directory", {}),
    (["extract", "--text", f"{F}/notes.txt", "--published", "yesterday"], 2, "not a date", {}),
    (["extract", "--text", f"{F}/notes.txt", "--format", "xml"], 2, "invalid choice", {}),
    (["extract", "--text", f"{F}/notes.txt", "-o", f"{F}/emptydir"], 3, "is a directory", {}),
    (["extract", "--text", f"{F}/notes.txt", "-o", f"{F}/nofolder/x.jsonl"], 3, "does not exist", {}),
    (["build", f"{F}/missing"], 3, "no such file", {}),
    (["build", str(FIXTURES / "nukeviet"), "--out", f"{F}/afile"], 3, "is a file", {}),
    (["build", str(FIXTURES / "nukeviet"), "--out", f"{F}/o", "--export", "parquet"], 2, "pyarrow",
     {"PYTHONPATH": f"{F}/nopyarrow:{ROOT}"}),
    (["build", str(FIXTURES / "nukeviet"), "--out", f"{F}/o", "--export", "xml"], 2, "xml", {}),
    (["crawl"], 2, "START_URL", {}),
    (["crawl", "notaurl"], 2, "not an http(s) URL", {}),
    (["crawl", "http://127.0.0.1:9/", "--since", "garbage"], 2, "not a date", {}),
    (["crawl", "http://127.0.0.1:9/", "--since", "2021-13-45"], 2, "not a date", {}),
    (["crawl", "http://127.0.0.1:9/", "--delay", "-1"], 2, "below", {}),
    (["crawl", "http://127.0.0.1:9/", "--concurrency", "0"], 2, "below", {}),
    (["crawl", "http://127.0.0.1:9/", "--max-pages", "many"], 2, "whole number", {}),
    (["crawl", "--warc", f"{F}/blob.warc.gz", "--out", f"{F}/o"], 3, "WARC", {}),
    (["crawl", "--warc", f"{F}/notes.txt", "--out", f"{F}/o"], 3, "not a WARC", {}),
    (["crawl", "--warc", f"{F}/notes.txt.gz", "--out", f"{F}/o"], 3, "not a WARC", {}),
    (["crawl", "--warc", f"{F}/missing.warc.gz", "--out", f"{F}/o"], 3, "WARC read error", {}),
    (["crawl", "--replay", str(FIXTURES), "--out", f"{F}/afile"], 3, "is a file", {}),
    (["crawl", "--replay", f"{F}/emptydir", "--out", f"{F}/o"], 3, "no article pages", {}),
    (["crawl", "http://127.0.0.1:9/", "--out", f"{F}/o"], 2, "SCRAPER_DELAY", {"SCRAPER_DELAY": "slow"}),
    (["crawl", "http://127.0.0.1:9/", "--config", f"{F}/bad.toml"], 3, "TOML", {}),
    (["crawl", "http://127.0.0.1:9/", "--config", f"{F}/typo.toml"], 2, "dealy", {}),
    (["crawl", "http://127.0.0.1:9/", "--config", f"{F}/missing.toml"], 3, "config file not found", {}),
    (["harvest"], 2, "--wayback", {}),
    (["harvest", "--wayback", "x.gov.vn/*", "--from", "notadate"], 2, "not a date", {}),
    (["harvest", "--wayback", "x.gov.vn/*", "--to", "2021-02-30"], 2, "not a date", {}),
    (["reextract", f"{F}/missing"], 3, "no such dataset folder", {}),
    (["reextract", f"{F}/emptydir"], 3, "no WARC files", {}),
    (["reextract", f"{F}/afile"], 3, "no such dataset folder", {}),
    (["qa", "check"], 2, "SOURCE", {}),
    (["qa", "check", "--dataset", f"{F}/typo-folder", "--fail-on-inconsistent"], 3, "no dataset.sqlite", {}),
    (["qa", "check", "--text", f"{F}/notes.txt", "--format", "html", "--screenshot", f"{F}/x.png"], 2, "-o FILE", {}),
    (["qa", "check", "--text", f"{F}/notes.txt", "--tolerance", "-1"], 2, "below", {}),
    (["qa", "compare", f"{F}/missing.csv"], 3, "cannot read", {}),
    (["qa", "compare", f"{F}/bad.csv", "--dataset", f"{F}/emptydir"], 3, "missing column", {}),
    (["nosuchcommand"], 2, "invalid choice", {}),
]


@pytest.mark.parametrize("argv,status,needle,env", BAD_CALLS, ids=[" ".join(c[0])[:60] for c in BAD_CALLS])
def test_every_command_fails_with_one_line_and_the_right_status(bad_files: Path, argv: list[str], status: int,
                                                                 needle: str, env: dict[str, str]) -> None:
    argv = [a.replace(F, str(bad_files)) for a in argv]
    env = {k: v.replace(F, str(bad_files)) for k, v in env.items()}
    r = scraper(*argv, env=env)
    err = r.stderr.decode("utf-8")
    assert r.returncode == status, err
    assert "Traceback" not in err and "\x00" not in err
    lines = err.splitlines()
    assert lines and all(line.startswith("scraper: ") for line in lines), err
    assert any(needle in line for line in lines), err
    assert not (bad_files / "typo-folder").exists()  # a typo never creates an empty dataset


def test_text_warc_does_not_succeed_silently(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("WARC is a format; this is a note about it.\n", encoding="utf-8")
    r = scraper("crawl", "--warc", str(notes), "--out", str(tmp_path / "o"))
    assert r.returncode == 3 and r.stderr.decode().count("\n") == 1


# --- resume for every source ------------------------------------------------------------------


def test_replay_ctrl_c_then_same_command_resumes_with_stable_urls(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "scraper", "crawl", "--replay", str(FIXTURES), "--out", str(out), "--delay", "0.5"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # a suite started in the background of a non-interactive shell runs with SIGINT ignored, and children
    # inherit that: give the crawl the default handler, as a terminal's Ctrl-C would find it
    default_sigint = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, preexec_fn=default_sigint
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(0.1)
        try:
            if db_rows(out, "SELECT COUNT(*) FROM articles")[0][0] >= 2:
                break
        except sqlite3.Error:
            continue
    assert proc.poll() is None, "the crawl ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err and b"run the same command again" in err
    partial = db_rows(out, "SELECT COUNT(*) FROM articles")[0][0]
    again = subprocess.run(cmd, capture_output=True, env=env, timeout=120)
    assert again.returncode == 0, again.stderr
    sizes = [db_rows(out, f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("articles", "figures", "pages", "frontier")]
    third = subprocess.run(cmd, capture_output=True, env=env, timeout=120)
    assert third.returncode == 0, third.stderr
    assert [db_rows(out, f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("articles", "figures", "pages", "frontier")] == sizes
    assert sizes[0] > partial
    frontier = {u for (u,) in db_rows(out, "SELECT url FROM frontier")}
    assert frontier <= {u for (u,) in db_rows(out, "SELECT url FROM pages")}  # every queued page was fetched
    assert db_rows(out, "SELECT COUNT(*) FROM frontier WHERE done = 0")[0][0] == 0  # no gaps
    stored = [u for (u,) in db_rows(out, "SELECT url FROM pages UNION ALL SELECT url FROM articles"
                                          " UNION ALL SELECT article_url FROM figures")]
    assert stored and not any("127.0.0.1" in u for u in stored)
    assert "127.0.0.1" not in (out / "figures.jsonl").read_text(encoding="utf-8")
    # Pages that name where they were published keep that URL.
    assert any(u.startswith("https://") for (u,) in db_rows(out, "SELECT url FROM articles"))
    runs = [json.loads(x) for x in (out / "runs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["exit_status"] for r in runs] == [130, 0, 0]


def test_a_page_is_fetched_once_per_run_whatever_leads_to_it(tmp_path: Path) -> None:
    from scraper.fetch.crawl import CrawlConfig, run_crawl

    arts = [ReplayArticle(i, page(i)) for i in range(1, 6)]
    arts[2].permanent_status = 500
    with PortalReplay(arts, page_size=10) as portal:
        cfg = CrawlConfig(start_urls=[portal.start_url], out_dir=tmp_path, delay=0.01, retries=2)
        run_crawl(cfg)
        portal.hits.clear()
        summary = run_crawl(cfg)  # item 3 is both left in the frontier and shown again on the listing
        hits = [h for h in portal.hits if h.path.endswith("ItemID=3")]
    assert len(hits) == 3 and summary.failed == 1  # one fetch: the first try and its two retries


def test_a_page_failing_night_after_night_is_tried_less_often(tmp_path: Path) -> None:
    from scraper.fetch.crawl import CrawlConfig, run_crawl

    arts = [ReplayArticle(i, page(i)) for i in range(1, 4)]
    arts[1].permanent_status = 503
    tried = []
    with PortalReplay(arts, page_size=10) as portal:
        cfg = CrawlConfig(start_urls=[portal.start_url], out_dir=tmp_path, delay=0.01, retries=0)
        for _night in range(6):
            portal.hits.clear()
            run_crawl(cfg)
            tried.append(sum(1 for h in portal.hits if h.path.endswith("ItemID=2")))
            db = sqlite3.connect(tmp_path / "dataset.sqlite")  # a day passes
            rows = db.execute("SELECT url, fetched_at FROM pages").fetchall()
            from datetime import datetime, timedelta

            db.executemany("UPDATE pages SET fetched_at = ? WHERE url = ?",
                           [((datetime.fromisoformat(t) - timedelta(days=1)).isoformat(), u) for u, t in rows])
            db.commit()
            db.close()
    assert tried[:3] == [1, 1, 1]  # the first nights: tried every night
    assert tried[3:] == [0, 1, 0]  # then every other night, then less often still


# --- politeness that recovers -----------------------------------------------------------------


def test_one_429_slows_the_host_down_then_it_recovers(tmp_path: Path) -> None:
    from scraper.fetch.crawl import CrawlConfig, run_crawl

    arts = [ReplayArticle(i, page(i)) for i in range(1, 25)]
    arts[-1].faults, arts[-1].retry_after = [429], "1"  # the newest article, fetched first
    with PortalReplay(arts, page_size=30) as portal:
        summary = run_crawl(CrawlConfig(start_urls=[portal.start_url], out_dir=tmp_path, delay=0.1))
        items = [h for h in portal.hits if h.path.startswith(ITEM_PATH)]
    assert summary.new == 24 and summary.slowdowns == 1
    gaps = [b.at - a.at for a, b in zip(items, items[1:])]
    assert gaps[0] >= 0.9  # Retry-After honoured
    assert max(gaps[-8:]) < 0.5 * gaps[0]  # back near --delay: not 1 s for the rest of the run
    # never below --delay: arrival times at the server jitter under load (a late request shortens the gap after
    # it), so the mean gap is held to --delay and each one to half of it
    assert sum(gaps[1:]) / len(gaps[1:]) >= 0.1 and min(gaps[1:]) >= 0.05


def test_slow_down_and_recovery_steps() -> None:
    from scraper.fetch.http import Fetcher, _Host

    import asyncio

    async def steps() -> list[float]:
        async with Fetcher(delay=0.2) as f:
            host = _Host(sem=asyncio.Semaphore(1), delay=0.2, base_delay=0.2)
            seen = []
            f._adapt(host, 429, 1.0)
            seen.append(host.delay)
            f._adapt(host, 503, None)
            seen.append(host.delay)
            for _ in range(12):
                f._adapt(host, 200, None)
                seen.append(host.delay)
            return seen

    seen = asyncio.run(steps())
    assert seen[0] == 1.0 and seen[1] == 2.0  # multiplicative slow-down, at least Retry-After
    assert all(a >= b for a, b in zip(seen[1:], seen[2:]))  # gradual recovery
    assert seen[2] > 0.2 and seen[-1] == 0.2  # not at once, but all the way back, never below


# --- progress, logging and the run summary under cron ------------------------------------------


def test_cron_style_run_shows_status_lines_logs_failures_and_appends_a_run_summary(tmp_path: Path) -> None:
    arts = [ReplayArticle(i, page(i)) for i in range(1, 9)]
    arts[3].permanent_status = 500
    out, logfile = tmp_path / "out", tmp_path / "crawl.log"
    with PortalReplay(arts, page_size=10) as portal:
        r = scraper("crawl", portal.start_url, "--out", str(out), "--delay", "0.05", "--retries", "0",
                    "--status-interval", "0", "--log-file", str(logfile))
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1  # one page failed; it is retried next run
    status = [x for x in err.splitlines() if x.startswith("scraper: progress:")]
    assert len(status) >= 3
    assert all(w in status[-1] for w in ("pages", "articles", "figures", "1 errors", "pages/s"))
    log_lines = logfile.read_text(encoding="utf-8").splitlines()
    assert any(" WARNING " in x and "ItemID=4" in x and "500" in x for x in log_lines)
    assert "7 new" in log_lines[-1] and "1 failed" in log_lines[-1]  # the final summary
    runs = [json.loads(x) for x in (out / "runs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(runs) == 1
    run = runs[0]
    assert run["command"] == "crawl" and run["exit_status"] == 1 and run["new"] == 7 and run["failed"] == 1
    assert run["start"] <= run["end"] and run["figures"] == 14 and any("ItemID=4" in e for e in run["errors"])


def test_quiet_and_log_level(tmp_path: Path) -> None:
    fixtures = str(FIXTURES / "nukeviet")
    quiet = scraper("build", fixtures, "--out", str(tmp_path / "a"), "-q")
    assert quiet.returncode == 0 and len(quiet.stderr.splitlines()) == 1 and b"new" in quiet.stderr  # the final line
    quieter = scraper("build", fixtures, "--out", str(tmp_path / "a"), "-qq")
    assert quieter.returncode == 0 and quieter.stderr == b""
    loud = scraper("build", fixtures, "--out", str(tmp_path / "b"), "--log-level", "info")
    assert b"new" in loud.stderr
    warn = scraper("build", fixtures, "--out", str(tmp_path / "c"), "--log-level", "WARNING")
    assert warn.stderr == b""


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    import fcntl
    import struct
    import termios
    import threading

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a 120-column terminal
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "scraper", "build", str(FIXTURES), "--out", str(tmp_path)],
                          stdout=subprocess.DEVNULL, stderr=slave, env=env, timeout=120)
    os.close(slave)
    reader.join(5)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert " pages" in shown and "articles" in shown and "\r" in shown  # a bar redrawn in place
    assert "progress:" not in shown  # no status lines on a terminal


# --- settings from the environment and a config file -------------------------------------------


def test_settings_precedence_cli_over_env_over_file(tmp_path: Path) -> None:
    arts = [ReplayArticle(i, page(i)) for i in range(1, 3)]
    out = tmp_path / "out"
    out.mkdir()
    with PortalReplay(arts, page_size=10) as portal:
        (out / "scraper.toml").write_text(
            f'user_agent = "file-agent/1.0"\ncontact = "ops@example.org"\n[crawl]\nsources = ["{portal.start_url}"]\n'
            'delay = 0.01\n', encoding="utf-8")
        r1 = scraper("crawl", "--out", str(out))  # everything from the file, sources included
        ua1 = portal.hits[-1].headers["user-agent"]
        portal.hits.clear()
        r2 = scraper("crawl", "--out", str(out), env={"SCRAPER_USER_AGENT": "env-agent/2.0"})
        ua2 = portal.hits[-1].headers["user-agent"]
        portal.hits.clear()
        r3 = scraper("crawl", "--out", str(out), "--user-agent", "cli-agent/3.0", "--contact", "me@example.org",
                     env={"SCRAPER_USER_AGENT": "env-agent/2.0"})
        ua3 = portal.hits[-1].headers["user-agent"]
    assert (r1.returncode, r2.returncode, r3.returncode) == (0, 0, 0), (r1.stderr, r2.stderr, r3.stderr)
    assert ua1.startswith("file-agent/1.0") and "ops@example.org" in ua1
    assert ua2.startswith("env-agent/2.0") and "ops@example.org" in ua2
    assert ua3.startswith("cli-agent/3.0") and "me@example.org" in ua3


# --- output files ------------------------------------------------------------------------------


def _built(tmp_path: Path) -> Path:
    out = tmp_path / "ds"
    assert scraper("build", str(FIXTURES / "sharepoint"), "--out", str(out)).returncode == 0
    return out


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_extract_output_file_equals_stdout(tmp_path: Path, fmt: str) -> None:
    src = str(FIXTURES / "seed-body.txt")
    to_stdout = scraper("extract", "--text", src, src, "--format", fmt)
    target = tmp_path / f"figures.{fmt}"
    to_file = scraper("extract", "--text", src, src, "--format", fmt, "-o", str(target))
    assert to_file.returncode == 0 and to_file.stdout == b""
    assert target.read_bytes() == to_stdout.stdout
    if fmt == "json":
        assert len(json.loads(target.read_text(encoding="utf-8"))) == 74  # one array for both sources


@pytest.mark.parametrize("cmd", ["check", "compare"])
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "html"])
def test_qa_output_file_for_every_format(tmp_path: Path, cmd: str, fmt: str) -> None:
    ds = _built(tmp_path)
    official = tmp_path / "official.csv"
    official.write_text("indicator,entity,period_start,period_end,value,unit\n"
                        "Tỷ lệ giải quyết đúng hạn,tỉnh Bình Dương,2021-01-01,2021-06-30,99.5,%\n", encoding="utf-8")
    args = ["qa", "check", "--dataset", str(ds)] if cmd == "check" else ["qa", "compare", str(official), "--dataset", str(ds)]
    to_stdout = scraper(*args, "--format", fmt)
    target = tmp_path / f"report.{fmt}"
    to_file = scraper(*args, "--format", fmt, "-o", str(target))
    assert to_file.returncode == to_stdout.returncode == 0, to_file.stderr
    assert to_file.stdout == b"" and target.stat().st_size > 0
    assert target.read_bytes() == to_stdout.stdout


def test_excel_csv_has_a_bom_and_plain_csv_does_not(tmp_path: Path) -> None:
    src = str(FIXTURES / "seed-body.txt")
    plain, excel = tmp_path / "p.csv", tmp_path / "e.csv"
    scraper("extract", "--text", src, "--format", "csv", "-o", str(plain))
    scraper("extract", "--text", src, "--format", "csv", "-o", str(excel), "--excel")
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf") and excel.read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(csv.DictReader(io.StringIO(excel.read_text(encoding="utf-8-sig"))))[0]["value"]
    out = tmp_path / "ds"
    scraper("build", str(FIXTURES / "nukeviet"), "--out", str(out), "--export", "csv", "--excel")
    assert (out / "figures.csv").read_bytes().startswith(b"\xef\xbb\xbf")


# --- a dataset fit for analysis ------------------------------------------------------------------


def test_one_set_of_column_names_and_a_numeric_value(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    out = tmp_path / "ds"
    assert scraper("build", str(FIXTURES / "sharepoint"), "--out", str(out), "--export", "jsonl", "csv",
                   "parquet").returncode == 0
    sqlite_cols = [r[1] for r in db_rows(out, "PRAGMA table_info(figures)")]
    jsonl_cols = list(json.loads((out / "figures.jsonl").read_text(encoding="utf-8").splitlines()[0]))
    csv_cols = next(csv.reader(io.StringIO((out / "figures.csv").read_text(encoding="utf-8"))))
    parquet_cols = pq.read_table(out / "figures.parquet").column_names  # a file or a partitioned folder
    assert set(sqlite_cols) == set(jsonl_cols) == set(csv_cols) == set(parquet_cols)
    assert {"index", "table", "column", "value", "value_num"} <= set(sqlite_cols)
    types = db_rows(out, "SELECT DISTINCT typeof(value), typeof(value_num) FROM figures")
    assert types == [("text", "real")]
    assert db_rows(out, "SELECT COUNT(*) FROM figures WHERE abs(CAST(value AS REAL) - value_num) > 1e-9 * abs(value_num)")[0][0] == 0


def test_old_datasets_are_migrated_on_open(tmp_path: Path) -> None:
    from scraper.store.dataset import Dataset

    db = sqlite3.connect(tmp_path / "dataset.sqlite")
    db.executescript("""
        CREATE TABLE articles (url TEXT PRIMARY KEY, id TEXT NOT NULL UNIQUE, site TEXT, platform TEXT, title TEXT,
            published TEXT, author TEXT, category TEXT, views INTEGER, summary TEXT, body_text TEXT NOT NULL,
            language TEXT, fetched_at TEXT, archive_url TEXT, captured_at TEXT, content_hash TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1, tables TEXT, attachments TEXT, warnings TEXT);
        CREATE TABLE article_versions (id TEXT NOT NULL, version INTEGER NOT NULL, url TEXT, content_hash TEXT NOT NULL,
            stored_at TEXT NOT NULL, title TEXT, published TEXT, body_text TEXT, captured_at TEXT, archive_url TEXT,
            PRIMARY KEY (id, version));
        CREATE TABLE figures (article_url TEXT NOT NULL, article_id TEXT NOT NULL, idx INTEGER NOT NULL,
            value TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT, raw TEXT NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, qualifier TEXT, sentence TEXT, indicator TEXT, entity TEXT, period_start TEXT,
            period_end TEXT, period_text TEXT, estimate INTEGER NOT NULL DEFAULT 0, change TEXT, baseline TEXT,
            denominator TEXT, range TEXT, part_of INTEGER, computed_from TEXT, ambiguous INTEGER NOT NULL DEFAULT 0,
            prior_period INTEGER NOT NULL DEFAULT 0, verb TEXT, tbl INTEGER, "row" TEXT, col TEXT, warnings TEXT,
            PRIMARY KEY (article_id, idx));
        INSERT INTO articles (url, id, body_text, content_hash, version) VALUES ('u', 'a', 'Có 1.200 hồ sơ', 'h2', 2);
        INSERT INTO article_versions VALUES ('a', 1, 'u', 'h1', 't', NULL, NULL, 'cũ', NULL, NULL),
                                            ('a', 2, 'u', 'h2', 't', NULL, NULL, 'Có 1.200 hồ sơ', NULL, NULL);
        INSERT INTO figures (article_url, article_id, idx, value, kind, raw, start, "end", tbl, col)
            VALUES ('u', 'a', 0, '1200', 'count', '1.200', 3, 8, NULL, NULL);
    """)
    db.commit()
    db.close()
    with Dataset(tmp_path) as ds:
        figs = list(ds.figures())
    assert figs[0]["index"] == 0 and figs[0]["value"] == "1200" and figs[0]["value_num"] == 1200.0
    assert "table" in figs[0] and "column" in figs[0]
    assert db_rows(tmp_path, "SELECT version FROM article_versions") == [(1,)]  # earlier versions only
    with Dataset(tmp_path) as ds:  # opening again changes nothing
        assert len(list(ds.figures())) == 1


def test_open_dataset_for_notebooks(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    import scraper as lib

    out = _built(tmp_path)
    articles, figures = lib.open_dataset(out)
    assert isinstance(articles, pd.DataFrame) and isinstance(figures, pd.DataFrame)
    assert len(figures) == db_rows(out, "SELECT COUNT(*) FROM figures")[0][0]
    assert figures["value_num"].dtype == "float64" and figures["value"].map(type).eq(str).all()
    assert figures["title"].notna().all()  # each figure carries its article's title
    from scraper.errors import DatasetError

    with pytest.raises(DatasetError):
        lib.open_dataset(tmp_path / "nothing-here")
    assert not (tmp_path / "nothing-here").exists()


def test_open_dataset_without_pandas_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import scraper as lib
    from scraper.errors import MissingDependency

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependency, match="pip install"):
        lib.open_dataset(tmp_path)


# --- help ----------------------------------------------------------------------------------------


def test_every_option_has_help_and_shows_its_default() -> None:
    import argparse

    from scraper.cli import build_parser

    def parsers(p: argparse.ArgumentParser):
        yield p
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction):
                for sp in a.choices.values():
                    yield from parsers(sp)

    for p in parsers(build_parser()):
        text = p.format_help()
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction) or a.dest in ("help", "version"):
                continue
            assert a.help, f"{p.prog} {a.option_strings or a.dest}: no help text"
            if a.option_strings and a.default not in (None, False, 0, [], argparse.SUPPRESS):
                assert "default" in text, p.prog
    helps = scraper("crawl", "--help").stdout.decode()
    for opt in ("--timeout", "--retries", "--delay", "--concurrency"):
        assert opt in helps
    assert "default: 30" in helps and "default: 3" in helps and "SCRAPER_DELAY" in helps
    assert "default: jsonl" in scraper("extract", "--help").stdout.decode()


def test_a_crawl_where_nothing_worked_exits_4_not_the_usage_code(httpserver, tmp_path: Path) -> None:
    """A portal that answers 500 to everything: the job is right, the portal is down — exit 4, recorded."""
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/tin-tuc").respond_with_data("down", status=500)
    from scraper.cli import main

    out = tmp_path / "out"
    code = main(["crawl", httpserver.url_for("/tin-tuc"), "--out", str(out), "--delay", "0",
                 "--retries", "0", "-q"])
    assert code == 4
    run = json.loads((out / "runs.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert run["exit_status"] == 4 and run["failed"] >= 1
