"""The documents an article links to (PDF, DOCX, XLSX, DOC…): fetched with the crawler's own politeness
(robots.txt, per-host delay, size cap, conditional requests), kept raw in the run's WARC, read through
the Document seam and stored beside the article — never in the way of the article's own row.

`crawl` calls `fetch_attachments` after an article is stored; `crawl --warc`/`reextract` call
`read_archived_attachments` for a second pass over the same WARC files.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..models import Article
from ..parse.documents import Document, parse_document
from ..pipeline import Summary
from ..store.dataset import Dataset

__all__ = [
    "Needed",
    "fetch_attachments",
    "read_archived_attachments",
    "store_attachment",
    "wanted_attachments",
    "ROLE",
]

log = logging.getLogger("scraper.attachments")
Fetch = Callable[..., Awaitable[Any]]  # async (url, etag=, last_modified=) -> FetchResult | None
ROLE = "attachment"  # WARC-Scraper-Role of attachment responses


@dataclass(frozen=True)
class Needed:
    """An article that links an attachment: what a stored document row needs to know."""

    article_url: str
    article_id: str
    published: str | None
    type: str | None = None  # the attachment's type as the link names it


def store_attachment(
    ds: Dataset,
    data: bytes,
    url: str,
    type_: str | None,
    owner: Needed,
    summary: Summary,
    *,
    fetched_at: str | None = None,
    force: bool = False,
) -> Document:
    doc = parse_document(data, type_, url, article_url=owner.article_url, published=owner.published)
    _count(ds.store_document(doc, owner.article_id, fetched_at=fetched_at, force=force), doc, summary)
    return doc


def _count(status: str, doc: Document, summary: Summary) -> None:
    summary.documents += 1
    summary.figures += len(doc.figures) if status != "unchanged" else 0
    if doc.status == "failed":
        summary.errors.append(f"{doc.url}: document {doc.status}: {doc.error}")
    log.info("document %s: %s %s (%d figures)", doc.url, doc.status, doc.error or "", len(doc.figures))


async def fetch_attachments(
    ds: Dataset,
    fetch: Fetch,
    article: Article,
    summary: Summary,
    sink: Any = None,
    *,
    fetched_at: str | None = None,
    hosts: set[str] | None = None,
) -> int:
    """Fetch and read the attachments of a stored article that sit on `hosts` (the crawl's hosts);
    `fetch(url, etag=…, last_modified=…)` is the crawl's own polite GET (None: not fetched this run).
    Returns how many documents were (re)read."""
    owner = Needed(article.url or article.id, article.id, article.published)
    done = 0
    for att in article.attachments:
        if hosts is not None and urlsplit(att.url).netloc.lower() not in hosts:
            log.info("attachment %s is on another host; not fetched (use --allow-host)", att.url)
            continue
        try:
            done += await _one_attachment(ds, fetch, att, owner, summary, sink, fetched_at)
        # the worker could not be started, the disk is full…: the article stays stored
        except OSError as exc:
            summary.errors.append(f"{att.url}: document not read: {exc}")
            log.warning("%s: document not read: %s", att.url, exc)
    return done


async def _one_attachment(
    ds: Dataset, fetch: Fetch, att: Any, owner: Needed, summary: Summary, sink: Any, fetched_at: str | None
) -> int:
    prev = ds.page(att.url)
    have = ds.document(owner.article_url, att.url)
    known = prev is not None and prev["state"] == "done" and have is not None
    res = await fetch(
        att.url, etag=prev["etag"] if known else None, last_modified=prev["last_modified"] if known else None
    )
    if res is None or res.status == 304:
        return 0
    if not res.ok:
        ds.record_page(att.url, status=res.status, state="failed", error=res.error)
        if have is None:  # keep a document read before over a passing failure
            doc = Document(
                url=att.url,
                article_url=owner.article_url,
                type=att.type or "unknown",
                status="failed",
                error=f"fetch failed: {res.error or res.status}",
            )
            _count(ds.store_document(doc, owner.article_id, fetched_at=fetched_at), doc, summary)
        return 0
    if sink is not None:
        sink.write(res, role=ROLE)
    doc = await asyncio.to_thread(
        parse_document,
        res.content,
        att.type,
        att.url,
        name=res.final_url,
        article_url=owner.article_url,
        published=owner.published,
    )
    _count(ds.store_document(doc, owner.article_id, fetched_at=fetched_at), doc, summary)
    ds.record_page(
        att.url,
        status=res.status,
        etag=res.headers.get("etag"),
        state="done",
        error=None,
        last_modified=res.headers.get("last-modified"),
        content_hash=doc.sha256,
    )
    return 1


def iter_warc_documents(
    paths: Iterable[str | Path], wanted: set[str]
) -> Iterator[tuple[str, bytes, str | None]]:
    """(url, body, WARC-Date) of each 200 response in the WARC files whose URL is in `wanted`."""
    from warcio.archiveiterator import ArchiveIterator

    for path in paths:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                if url in wanted and record.http_headers.get_statuscode() == "200":
                    yield url, record.content_stream().read(), record.rec_headers.get_header("WARC-Date")


def wanted_attachments(rows: Any, needed: dict[str, list[Needed]]) -> None:
    """Note the attachments of one stored article (an `ArticleRows`; None for a page that was not one)."""
    if rows is None:
        return
    import json

    atts = rows.article.get("attachments")
    for att in json.loads(atts) if isinstance(atts, str) else (atts or []):
        needed.setdefault(att["url"], []).append(
            Needed(rows.url, rows.id, rows.article.get("published"), att.get("type"))
        )


def read_archived_attachments(
    ds: Dataset,
    paths: Iterable[str | Path],
    needed: dict[str, list[Needed]],
    summary: Summary,
    *,
    force: bool = False,
) -> None:
    """Second pass over WARC files: read the attachments the articles of the first pass link to."""
    if not needed:
        return
    local = [p for p in paths if "://" not in str(p)]
    for url, body, warc_date in iter_warc_documents(local, set(needed)):
        # Captures come oldest first: each replaces the one before only when its bytes differ.
        for owner in needed[url]:
            store_attachment(ds, body, url, owner.type, owner, summary, fetched_at=warc_date, force=force)
