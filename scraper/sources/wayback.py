"""`scraper harvest`: read web-archive captures (Wayback CDX) into the same dataset as a live crawl.

The CDX API lists captures (JSON output, status 200, HTML only, collapsed on digest, paged with
resume keys); each article capture's original bytes come from the `id_` replay URL, never the
toolbar-injected page.  Articles keep their original `url` plus `archive_url` and `captured_at`;
several captures of one article become versions of it.  The archive is a shared public good: the
default pace is slow, 429s slow us down further, and CDX answers are cached in the dataset so a
resumed or repeated harvest asks again only for what it has not seen.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

from .. import settings
from ..errors import FetchError, UsageError
from ..fetch.discover import normalize_url
from ..fetch.http import Fetcher
from ..pipeline import Progress, Summary, as_progress, ingest
from ..parse.sites import PROFILES
from ..store.dataset import Dataset

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


@dataclass(frozen=True)
class Capture:
    timestamp: str
    original: str
    mimetype: str = "text/html"
    status: str = "200"
    digest: str = ""

    @property
    def captured_at(self) -> str:
        t = self.timestamp.ljust(14, "0")
        return f"{t[0:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}+00:00"


def _cdx_date(text: str | None, end: bool = False) -> str | None:
    """'2015', '2025-06-30' → CDX timestamps ('2015', '20250630')."""
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[:14] or None


def replay_url(base: str, c: Capture) -> str:
    """The original bytes of a capture: `<base>/<timestamp>id_/<original>`."""
    return f"{base.rstrip('/')}/{c.timestamp}id_/{c.original}"


def _looks_like_article(url: str) -> bool:
    import regex

    return any(regex.search(p, url, regex.I) for prof in PROFILES for p in prof.article_url_patterns)


async def list_captures(fetcher: Fetcher, cfg: HarvestConfig, ds: Dataset) -> list[Capture]:
    """All captures matching the pattern, following resume keys; each CDX page answer is cached."""
    params: dict[str, str] = {
        "url": cfg.pattern, "output": "json", "filter": "statuscode:200", "collapse": "digest",
        "showResumeKey": "true", "limit": str(cfg.page_size),
    }
    if (f := _cdx_date(cfg.date_from)):
        params["from"] = f
    if (t := _cdx_date(cfg.date_to, end=True)):
        params["to"] = t
    captures: list[Capture] = []
    resume: str | None = None
    while True:
        q = dict(params)
        if resume:
            q["resumeKey"] = resume
        query = f"{cfg.cdx_url}?{urlencode(q)}&filter=mimetype:text/html"
        cached = ds.get_meta("cdx:" + query)
        if cached is None:
            res = await fetcher.fetch(query)
            if not res.ok:
                raise FetchError(f"CDX query failed: {res.error or res.status} ({query})")
            text = res.content.decode("utf-8", "replace")
            rows = json.loads(text) if text.strip() else []
            ds.set_meta("cdx:" + query, json.dumps(rows))
        else:
            rows = json.loads(cached)
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
            rec = dict(zip(header or ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"], row))
            if rec.get("statuscode", "200") != "200" or "html" not in rec.get("mimetype", "text/html"):
                continue
            captures.append(Capture(rec["timestamp"], rec["original"], rec.get("mimetype", ""), rec.get("statuscode", ""), rec.get("digest", "")))
        if not resume:
            return captures


def run_harvest(cfg: HarvestConfig, progress: Progress | None = None) -> Summary:
    from ..store.dataset import check_export_formats

    check_export_formats(cfg.formats)
    from ..config import parse_archive_date

    for name, value in (("--from", cfg.date_from), ("--to", cfg.date_to)):
        try:
            if value:
                parse_archive_date(value)
        except ValueError as exc:
            raise UsageError(f"{name}: {exc}") from None
    return asyncio.run(_harvest(cfg, as_progress(progress)))


async def _harvest(cfg: HarvestConfig, progress: Progress) -> Summary:
    summary = Summary()
    ds = Dataset(cfg.out_dir)
    try:
        # robots.txt is the live site's business, not the archive's replay: the archive's own
        # rate limits are honoured through 429/Retry-After instead.
        async with Fetcher(delay=cfg.delay, concurrency=1, retries=cfg.retries, obey_robots=False, backoff=max(cfg.delay, 1.0)) as fetcher:
            try:
                captures = await list_captures(fetcher, cfg, ds)
            except (FetchError, ValueError) as exc:
                summary.fail(cfg.cdx_url, exc, log)
                captures = []
            captures = [c for c in captures if _looks_like_article(c.original)]
            captures.sort(key=lambda c: (c.original, c.timestamp))
            if cfg.max_captures is not None:
                captures = captures[: cfg.max_captures]
            for cap in captures:
                archive = replay_url(cfg.replay_url, cap)
                done = ds.page(archive)
                if done is not None and done["state"] == "done":
                    summary.unchanged += 1
                    continue
                res = await fetcher.fetch(archive)
                summary.requests, summary.bytes = fetcher.requests, fetcher.bytes
                if not res.ok:
                    summary.fail(archive, res.error or res.status, log)
                    ds.record_page(archive, status=res.status, state="failed", error=res.error)
                    continue
                original = normalize_url(cap.original) or cap.original
                now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
                article = ingest(ds, res.content, original, summary, http_charset=res.charset, fetched_at=now,
                                 archive_url=archive, captured_at=cap.captured_at)
                ds.record_page(archive, status=res.status, state="done" if article else "failed",
                               article_id=article.id if article else None, content_hash=article.content_hash if article else None)
                progress.update(summary, cap.original)
            summary.requests, summary.bytes = fetcher.requests, fetcher.bytes
    finally:
        progress.done(summary)
        ds.export(cfg.formats, excel=cfg.excel)
        ds.close()
    return summary
