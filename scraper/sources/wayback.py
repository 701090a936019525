"""`scraper harvest --wayback`: read Wayback Machine captures into the same dataset as a live crawl.

The CDX API lists captures (JSON output, status 200, HTML only, collapsed on digest, paged with
resume keys); each article capture's original bytes come from the `id_` replay URL, never the
toolbar-injected page.  The harvest loop itself (article URLs, versions, caching, politeness) is
shared with Common Crawl in `archive.py`.  The archive is a shared public good: the default pace is
slow and 429s slow us down further.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from .. import settings
from ..errors import UsageError
from ..fetch.discover import normalize_url
from ..fetch.http import Fetcher
from ..pipeline import Progress, Summary, as_progress
from ..store.dataset import Dataset, check_export_formats
from .archive import Capture, Fetched, cached_index, cdx_date, harvest, options_for, response_record
from .warc import ARCHIVE_URL_HEADER, CAPTURED_AT_HEADER

__all__ = ["HarvestConfig", "Capture", "run_harvest", "list_captures", "replay_url"]

log = logging.getLogger("scraper.harvest")


@dataclass
class HarvestConfig:
    pattern: str
    date_from: str | None = None
    date_to: str | None = None
    out_dir: str | Path = settings.OUT_DIR
    cdx_url: str = settings.WAYBACK_CDX_URL
    replay_url: str = settings.WAYBACK_REPLAY_URL
    delay: float = settings.HARVEST_DELAY
    quiet: bool = False
    max_captures: int | None = None
    formats: tuple[str, ...] = settings.EXPORT_FORMATS
    page_size: int = settings.CDX_PAGE_SIZE
    retries: int = settings.HARVEST_RETRIES
    excel: bool = False


def replay_url(base: str, c: Capture) -> str:
    """The original bytes of a capture: `<base>/<timestamp>id_/<original>`."""
    return f"{base.rstrip('/')}/{c.timestamp}id_/{c.original}"


async def list_captures(fetcher: Fetcher, cfg: HarvestConfig, ds: Dataset) -> list[Capture]:
    """All captures matching the pattern, following resume keys; each CDX page answer is cached."""
    params: dict[str, str] = {
        "url": cfg.pattern,
        "output": "json",
        "filter": "statuscode:200",
        "collapse": "digest",
        "showResumeKey": "true",
        "limit": str(cfg.page_size),
    }
    if f := cdx_date(cfg.date_from):
        params["from"] = f
    if t := cdx_date(cfg.date_to):
        params["to"] = t
    captures: list[Capture] = []
    resume: str | None = None
    while True:
        q = dict(params)
        if resume:
            q["resumeKey"] = resume
        query = f"{cfg.cdx_url}?{urlencode(q)}&filter=mimetype:text/html"
        text = await cached_index(fetcher, ds, query)
        rows = json.loads(text) if text.strip() else []
        resume = None
        header: list[str] | None = None
        for i, row in enumerate(rows):
            if i == 0 and row and row[0] == "urlkey":
                header = row
                continue
            if not row:
                continue
            if len(row) == 1:  # the resume key follows an empty row
                resume = row[0]
                continue
            rec = dict(
                zip(
                    header
                    or ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
                    row,
                )
            )
            if rec.get("statuscode", "200") != "200" or "html" not in rec.get("mimetype", "text/html"):
                continue
            captures.append(
                Capture(
                    rec["timestamp"],
                    rec["original"],
                    rec.get("mimetype", ""),
                    rec.get("statuscode", ""),
                    rec.get("digest", ""),
                )
            )
        if not resume:
            return captures


@dataclass
class _Wayback:
    cfg: HarvestConfig

    @property
    def index_url(self) -> str:
        return self.cfg.cdx_url

    async def captures(self, fetcher: Fetcher, ds: Dataset) -> list[Capture]:
        return await list_captures(fetcher, self.cfg, ds)

    def archive_url(self, cap: Capture) -> str:
        return replay_url(self.cfg.replay_url, cap)

    async def fetch(self, fetcher: Fetcher, cap: Capture) -> Fetched:
        res = await fetcher.fetch(self.archive_url(cap))
        if not res.ok:
            return Fetched(status=res.status, error=res.error or f"HTTP {res.status}")
        # Kept under DIR/warc/ for `reextract`, under the original URL with its provenance.
        provenance = {
            "WARC-Date": cap.captured_at.replace("+00:00", "Z"),
            ARCHIVE_URL_HEADER: self.archive_url(cap),
            CAPTURED_AT_HEADER: cap.captured_at,
        }
        raw = response_record(normalize_url(cap.original) or cap.original, res, provenance)
        return Fetched(res.content, res.charset, res.status, raw=raw)


def check_dates(date_from: str | None, date_to: str | None) -> None:
    from ..config import parse_archive_date

    for name, value in (("--from", date_from), ("--to", date_to)):
        try:
            if value:
                parse_archive_date(value)
        except ValueError as exc:
            raise UsageError(f"{name}: {exc}") from None


def run_harvest(cfg: HarvestConfig, progress: Progress | None = None) -> Summary:
    check_export_formats(cfg.formats)
    check_dates(cfg.date_from, cfg.date_to)
    return asyncio.run(harvest(_Wayback(cfg), options_for(cfg, "wayback"), as_progress(progress)))
