"""The stages wired together for one page: parse → extract → validate → store.

Crawling, WARC reading, archive harvesting and local builds all end here, so a page read from any of
them lands in the dataset the same way.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .models import Article
from .parse.article import ParseError, parse_article
from .store.dataset import Dataset

__all__ = ["Summary", "ingest", "build_from_files"]


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
    documents: int = 0  # attached documents read (PDF, DOCX, XLSX…)
    started: float = field(default_factory=time.monotonic)
    errors: list[str] = field(default_factory=list)

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def line(self) -> str:
        secs = time.monotonic() - self.started
        return (
            f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.not_modified} not modified, "
            f"{self.skipped} skipped, {self.failed} failed; {self.figures} figures"
            f"{f', {self.documents} documents' if self.documents else ''}; {self.requests} requests, "
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
        article = parse_article(content, url, http_charset=http_charset, fetched_at=fetched_at)
    except ParseError as exc:
        if str(exc).startswith("not an article"):
            summary.skipped += 1  # listing pages, redirect notices: expected, not failures
        else:
            summary.failed += 1
            summary.errors.append(f"{url}: {exc}")
        return None
    if archive_url or captured_at:
        article.archive_url, article.captured_at = archive_url, captured_at
    status = ds.store_article(article, force=force)
    summary.count(status)
    if status != "unchanged" or force:
        summary.figures += len(article.figures)
    return article


def build_from_files(paths: list[Path], *, out_dir: str | Path = "output", formats: tuple[str, ...] = ("jsonl",), quiet: bool = False) -> Summary:
    summary = Summary()
    progress = Progress(quiet)
    with Dataset(out_dir) as ds:
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError as exc:
                summary.failed += 1
                summary.errors.append(f"{path}: {exc.strerror}")
                continue
            summary.bytes += len(data)
            ingest(ds, data, None, summary)
            progress.update(summary, str(path))
        progress.done()
        ds.export(formats)
    for e in summary.errors:
        print(f"scraper: {e}", file=sys.stderr)
    return summary
