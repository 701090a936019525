"""The stages wired together for one page: parse → extract → validate → store.

Crawling, WARC reading, archive harvesting and local builds all end here, so a page read from any of
them lands in the dataset the same way.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import settings
from .errors import NotAnArticle
from .models import Article
from .parse.article import ParseError, parse_article
from .store.dataset import Dataset
from .store.rows import ArticleRows, article_rows

__all__ = ["Summary", "PageOutcome", "BatchWriter", "parse_page", "page_outcome", "ingest", "build_from_files"]


@dataclass
class Summary:
    """What a run did, for the final line and the exit status a scheduler acts on."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    not_modified: int = 0
    skipped: int = 0
    failed: int = 0
    requests: int = 0
    bytes: int = 0
    figures: int = 0
    started: float = field(default_factory=time.monotonic)
    errors: list[str] = field(default_factory=list)

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def line(self) -> str:
        secs = time.monotonic() - self.started
        return (
            f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.not_modified} not modified, "
            f"{self.skipped} skipped, {self.failed} failed; {self.figures} figures; {self.requests} requests, "
            f"{self.bytes:,} bytes in {secs:.1f}s"
        )

    def exit_code(self) -> int:
        """0 all good; 1 some pages failed (retried next run); 2 nothing worked at all."""
        if self.failed and not (self.new or self.changed or self.unchanged or self.not_modified):
            return 2
        return 1 if self.failed else 0


class Progress:
    """One status line on a terminal, silent otherwise (cron) or with --quiet."""

    def __init__(self, quiet: bool = False) -> None:
        self.enabled = not quiet and sys.stderr.isatty()

    def update(self, s: Summary, current: str = "") -> None:
        if not self.enabled:
            return
        secs = max(time.monotonic() - s.started, 1e-6)
        msg = (
            f"\r{s.requests} fetched, {s.new + s.changed} stored, {s.figures} figures, {s.failed} errors, "
            f"{s.requests / secs:.1f} req/s {current[:50]}"
        )
        sys.stderr.write(msg[:160].ljust(160))
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


@dataclass(frozen=True)
class PageOutcome:
    """One page after parse → extract → rows, as a worker returns it to the parent that stores it."""

    url: str | None
    rows: ArticleRows | None = None
    skipped: bool = False  # not an article (listing page, redirect notice): expected, not a failure
    error: str | None = None
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


def _not_an_article(exc: Exception) -> bool:
    return isinstance(exc, NotAnArticle) or str(exc).startswith("not an article")


def page_outcome(content: bytes | str, url: str | None, **meta: str | None) -> PageOutcome:
    """`parse_page` as a value: what a worker process returns (never raises for a bad page)."""
    size = len(content)
    try:
        article = parse_page(content, url, **meta)
    except ParseError as exc:
        skipped = _not_an_article(exc)
        return PageOutcome(url, skipped=skipped, error=None if skipped else f"{url}: {exc}", bytes=size)
    return PageOutcome(url, article_rows(article), bytes=size)


class BatchWriter:
    """The parent's side: outcomes counted in the summary and stored `batch` articles per transaction."""

    def __init__(self, ds: Dataset, summary: Summary, *, force: bool = False, batch: int | None = None) -> None:
        self.ds, self.summary, self.force = ds, summary, force
        self.batch = batch or settings.WRITE_BATCH_ARTICLES
        self._pending: list[ArticleRows] = []

    def add(self, outcome: PageOutcome) -> None:
        s = self.summary
        s.bytes += outcome.bytes
        if outcome.skipped:
            s.skipped += 1
        elif outcome.error is not None or outcome.rows is None:
            s.failed += 1
            s.errors.append(outcome.error or f"{outcome.url}: no article")
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
) -> Article | None:
    """Parse one page and store it; a page that cannot be parsed is counted and reported, not fatal."""
    try:
        article = parse_page(content, url, http_charset=http_charset, fetched_at=fetched_at,
                             archive_url=archive_url, captured_at=captured_at)
    except ParseError as exc:
        if _not_an_article(exc):
            summary.skipped += 1  # listing pages, redirect notices: expected, not failures
        else:
            summary.failed += 1
            summary.errors.append(f"{url}: {exc}")
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
            out.append(PageOutcome(None, error=f"{p}: {exc.strerror}"))
            continue
        out.append(page_outcome(data, None))
    return out


def build_from_files(paths: list[Path], *, out_dir: str | Path = "output", formats: tuple[str, ...] = ("jsonl",),
                     quiet: bool = False, workers: int | None = 1, dask: str | None = None) -> Summary:
    """Parse local HTML files into the dataset, on `workers` processes or a Dask cluster."""
    from .scale.executor import make_executor

    summary = Summary()
    progress = Progress(quiet)
    step = settings.BUILD_FILES_PER_TASK
    chunks = [[str(p) for p in paths[i : i + step]] for i in range(0, len(paths), step)]
    with make_executor(workers, dask) as ex, Dataset(out_dir) as ds:
        writer = BatchWriter(ds, summary)
        try:
            for chunk, outcomes in zip(chunks, ex.map(_parse_files, chunks)):
                for o in outcomes:
                    writer.add(o)
                progress.update(summary, chunk[-1])
        finally:
            writer.flush()
            progress.done()
            ds.export(formats)
    for e in summary.errors:
        print(f"scraper: {e}", file=sys.stderr)
    return summary
