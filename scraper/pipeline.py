"""The stages wired together for one page: parse → extract → validate → store.

Crawling, WARC reading, archive harvesting and local builds all end here, so a page read from any of
them lands in the dataset the same way.  Runs report through a `Progress` object (the command line
chooses a bar on a terminal or periodic status lines under cron) and the `scraper.*` loggers;
nothing here prints.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import settings
from .errors import NotAnArticle, ParseError
from .models import Article
from .parse.article import parse_article
from .store.dataset import Dataset
from .store.rows import ArticleRows, article_rows

__all__ = [
    "Summary",
    "Progress",
    "StatusLines",
    "PageOutcome",
    "BatchWriter",
    "parse_page",
    "page_outcome",
    "ingest",
    "build_from_files",
]

log = logging.getLogger("scraper.pipeline")


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class Summary:
    """What a run did, for the final line, runs.jsonl and the exit status a scheduler acts on."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    not_modified: int = 0
    skipped: int = 0
    failed: int = 0
    requests: int = 0
    bytes: int = 0
    figures: int = 0
    slowdowns: int = 0
    documents: int = 0  # attached documents read (PDF, DOCX, XLSX…)
    started: float = field(default_factory=time.monotonic)
    started_at: str = field(default_factory=utc_now)
    errors: list[str] = field(default_factory=list)

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def fail(self, where: str, reason: object, logger: logging.Logger | None = None) -> None:
        """Count one failure and log it at WARNING with the URL (or file) and the reason."""
        self.failed += 1
        self.errors.append(f"{where}: {reason}")
        (logger or log).warning("%s: %s", where, reason)

    @property
    def articles(self) -> int:
        return self.new + self.changed + self.unchanged + self.not_modified

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def line(self) -> str:
        return (
            f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.not_modified} not "
            f"modified, "
            f"{self.skipped} skipped, {self.failed} failed; {self.figures} figures"
            f"{f', {self.documents} documents' if self.documents else ''}; {self.requests} requests, "
            f"{self.bytes:,} bytes in {self.seconds:.1f}s"
        )

    def status(self) -> str:
        """One status line for a log: pages, articles, figures, errors, rate."""
        secs = max(self.seconds, 1e-6)
        pages = max(self.requests, self.articles + self.failed + self.skipped)
        return (
            f"progress: {pages} pages, {self.articles} articles ({self.new} new), {self.figures} figures, "
            f"{self.failed} errors, {pages / secs:.1f} pages/s"
        )

    def exit_code(self) -> int:
        """0 all good; 1 some pages failed (retried next run); 4 pages were tried and none worked.

        4 is not 2 (a usage error): a scheduler can tell "the portal is down" from "the job is wrong".
        """
        if self.failed and not (self.new or self.changed or self.unchanged or self.not_modified):
            return 4
        return 1 if self.failed else 0

    def record(self, **extra: Any) -> dict[str, Any]:
        """The machine-readable run summary (one line of runs.jsonl)."""
        counts = {
            k: getattr(self, k)
            for k in (
                "new",
                "changed",
                "unchanged",
                "not_modified",
                "skipped",
                "failed",
                "requests",
                "bytes",
                "figures",
                "slowdowns",
            )
        }
        return {
            "start": self.started_at,
            "end": utc_now(),
            "seconds": round(self.seconds, 3),
            "articles": self.articles,
            **counts,
            "errors": self.errors[: settings.ERRORS_SHOWN],
            **extra,
        }


class Progress:
    """Receives a run's progress; this base does nothing (a notebook, a test, --quiet)."""

    def update(self, summary: Summary, current: str = "") -> None:
        """Called after each page."""

    def done(self, summary: Summary) -> None:
        """Called once at the end."""


class StatusLines(Progress):
    """A status line on the `scraper.progress` logger every `interval` seconds (cron, log files)."""

    def __init__(self, interval: float = settings.STATUS_INTERVAL, clock: Any = time.monotonic) -> None:
        self.interval = interval
        self._clock = clock
        self._last = clock()
        self._log = logging.getLogger("scraper.progress")

    def update(self, summary: Summary, current: str = "") -> None:
        now = self._clock()
        if now - self._last >= self.interval:
            self._last = now
            self._log.info(summary.status())

    def done(self, summary: Summary) -> None:
        self._log.info(summary.status())


def as_progress(progress: Progress | None) -> Progress:
    return progress if progress is not None else Progress()


@dataclass(frozen=True)
class PageOutcome:
    """One page after parse → extract → rows, as a worker returns it to the parent that stores it."""

    url: str | None
    rows: ArticleRows | None = None
    skipped: bool = False  # not an article (listing page, redirect notice): expected, not a failure
    error: str | None = None  # why it was skipped or failed
    bytes: int = 0


def parse_page(
    content: bytes | str,
    url: str | None,
    *,
    http_charset: str | None = None,
    fetched_at: str | None = None,
    archive_url: str | None = None,
    captured_at: str | None = None,
) -> Article:
    """parse → extract → validate for one page (raises ParseError)."""
    article = parse_article(content, url, http_charset=http_charset, fetched_at=fetched_at)
    if archive_url or captured_at:
        article.archive_url, article.captured_at = archive_url, captured_at
    return article


def page_outcome(
    content: bytes | str, url: str | None, *, source: str | None = None, **meta: str | None
) -> PageOutcome:
    """`parse_page` as a value: what a worker process returns (never raises for a bad page)."""
    size = len(content)
    try:
        article = parse_page(content, url, **meta)
    except NotAnArticle as exc:
        return PageOutcome(url or source, skipped=True, error=str(exc), bytes=size)
    except ParseError as exc:
        return PageOutcome(url or source, error=str(exc), bytes=size)
    return PageOutcome(url or source, article_rows(article), bytes=size)


class BatchWriter:
    """The parent's side: outcomes counted in the summary and stored `batch` articles per transaction."""

    def __init__(
        self, ds: Dataset, summary: Summary, *, force: bool = False, batch: int | None = None
    ) -> None:
        self.ds, self.summary, self.force = ds, summary, force
        self.batch = batch or settings.WRITE_BATCH_ARTICLES
        self._pending: list[ArticleRows] = []

    def add(self, outcome: PageOutcome) -> None:
        s = self.summary
        s.bytes += outcome.bytes
        if outcome.skipped:
            s.skipped += 1
            log.info("%s: skipped, %s", outcome.url, outcome.error)
        elif outcome.error is not None or outcome.rows is None:
            s.fail(str(outcome.url), outcome.error or "no article")
        else:
            self._pending.append(outcome.rows)
            if len(self._pending) >= self.batch:
                self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        statuses = self.ds.store_rows(self._pending, force=self.force)
        for rows, status in zip(self._pending, statuses):
            self.summary.count(status)
            if status != "unchanged" or self.force:
                self.summary.figures += len(rows.figures)
        self._pending = []


def ingest(
    ds: Dataset,
    content: bytes | str,
    url: str | None,
    summary: Summary,
    *,
    http_charset: str | None = None,
    fetched_at: str | None = None,
    archive_url: str | None = None,
    captured_at: str | None = None,
    force: bool = False,
    source: str | None = None,
) -> Article | None:
    """Parse one page and store it; a page that cannot be parsed is counted and logged, not fatal."""
    try:
        article = parse_page(
            content,
            url,
            http_charset=http_charset,
            fetched_at=fetched_at,
            archive_url=archive_url,
            captured_at=captured_at,
        )
    except NotAnArticle as exc:
        summary.skipped += 1  # listing pages, redirect notices: expected, not failures
        log.info("%s: skipped, %s", url or source, exc)
        return None
    except ParseError as exc:
        summary.fail(str(url or source), exc)
        return None
    status = ds.store_article(article, force=force)
    summary.count(status)
    if status != "unchanged" or force:
        summary.figures += len(article.figures)
    return article


def _parse_files(paths: list[str]) -> list[PageOutcome]:
    """Worker task of `build`: a few local HTML files."""
    out = []
    for p in paths:
        try:
            data = Path(p).read_bytes()
        except OSError as exc:
            out.append(PageOutcome(p, error=str(exc.strerror or exc)))
            continue
        out.append(page_outcome(data, None, source=p))
    return out


def build_from_files(
    paths: list[Path],
    *,
    out_dir: str | Path = settings.OUT_DIR,
    formats: tuple[str, ...] = settings.EXPORT_FORMATS,
    quiet: bool = False,
    progress: Progress | None = None,
    excel: bool = False,
    workers: int | None = 1,
    dask: str | None = None,
) -> Summary:
    """Parse local HTML files into the dataset, on `workers` processes (None: all cores) or a Dask cluster."""
    from .scale.executor import make_executor

    summary = Summary()
    progress = as_progress(progress)
    step = settings.BUILD_FILES_PER_TASK
    files = [os.path.abspath(p) for p in paths]  # Dask workers have their own working directory
    chunks = [files[i : i + step] for i in range(0, len(files), step)]
    with make_executor(workers, dask) as ex, Dataset(out_dir) as ds:
        writer = BatchWriter(ds, summary)
        try:
            for chunk, outcomes in zip(chunks, ex.map(_parse_files, chunks)):
                for o in outcomes:
                    writer.add(o)
                progress.update(summary, chunk[-1])
        finally:
            writer.flush()
            progress.done(summary)
            ds.export(formats, excel=excel)
    return summary
