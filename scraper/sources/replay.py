"""A portal on 127.0.0.1 that serves bundled pages the way a SharePoint news list does.

The README's main job crawls it (the same code path as a live crawl, with no network), and the
tests and benchmarks drive it with faults: 503-then-200, 429 with Retry-After, slow and permanently
failing pages, redirects to the canonical URL, new and edited articles on "the next day".  It
answers conditional requests (ETag / Last-Modified → 304) and serves robots.txt with a Disallow.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = ["PortalReplay", "ReplayArticle", "fixture_articles", "fixture_documents", "DOCS_PATH"]

LIST_PATH = "/Lists/TinTuc/TongQuat.aspx"
ITEM_PATH = "/Lists/TinTuc/View_Detail.aspx"
DOCS_PATH = "/Documents/"  # attached reports: /Documents/<name> (as a SharePoint document library)
_DOC_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
}


@dataclass
class ReplayArticle:
    item_id: int
    html: bytes
    modified: float = field(default_factory=time.time)
    # Fault injection: a list of statuses to answer before the real page, e.g. [503] or [429].
    faults: list[int] = field(default_factory=list)
    retry_after: str | None = None
    delay: float = 0.0
    permanent_status: int | None = None
    redirect_from: int | None = None  # this article is also reachable under an old ItemID that redirects here
    original_url: str | None = None  # where the page was published; sent as `Link: <…>; rel="canonical"`

    @property
    def etag(self) -> str:
        return '"' + hashlib.md5(self.html).hexdigest()[:16] + '"'


@dataclass
class Hit:
    method: str
    path: str
    headers: dict[str, str]
    at: float


class PortalReplay:
    """Start with `with PortalReplay(articles) as portal:`; `portal.start_url` is the first listing page."""

    def __init__(
        self,
        articles: list[ReplayArticle] | None = None,
        *,
        page_size: int = 10,
        robots: str | None = None,
        documents: dict[str, bytes] | None = None,
    ) -> None:
        self.articles: dict[int, ReplayArticle] = {a.item_id: a for a in (articles or [])}
        self.documents: dict[str, bytes] = dict(documents or {})  # name under /Documents/ → bytes
        self.page_size = page_size
        self.robots = robots if robots is not None else "User-agent: *\nDisallow: /private/\n"
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self.in_flight = 0
        self.max_in_flight = 0

    # --- content ---------------------------------------------------------------------------------

    def add(self, article: ReplayArticle) -> None:
        with self._lock:
            self.articles[article.item_id] = article

    def edit(self, item_id: int, html: bytes) -> None:
        with self._lock:
            a = self.articles[item_id]
            a.html, a.modified = html, time.time() + 1

    def listing(self, page: int) -> bytes:
        ids = sorted(self.articles, reverse=True)
        chunk = ids[(page - 1) * self.page_size : page * self.page_size]
        # An article that moved keeps its old link on the listing (the old URL redirects).
        shown = [self.articles[i].redirect_from or i for i in chunk]
        items = "".join(
            f'<li class="item"><a href="{ITEM_PATH}?ItemID={i}&amp;utm_source=rss#top">Tin số {i}</a></li>'
            for i in shown
        )
        items += (
            '<li><a href="https://other-portal.example/Lists/TinTuc/View_Detail.aspx?ItemID=1">'
            "Tin nơi khác</a></li>"
        )
        nxt = (
            f'<a class="next" href="{LIST_PATH}?PageIndex={page + 1}">Trang sau</a>'
            if page * self.page_size < len(ids)
            else ""
        )
        return (
            f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="GENERATOR" '
            f'content="Microsoft SharePoint">'
            f"<title>Tin tức sự kiện</title></head><body><div class='menu'><a href='/'>Trang chủ</a>"
            f"<a href='/private/quan-tri'>Quản trị</a></div><ul "
            f"class='news-list'>{items}</ul>{nxt}</body></html>"
        ).encode("utf-8")

    # --- server ----------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        assert self._server is not None, "server not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def start_url(self) -> str:
        return f"{self.base_url}{LIST_PATH}?PageIndex=1"

    def __enter__(self) -> PortalReplay:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, port: int = 0) -> None:
        portal = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                with portal._lock:
                    portal.hits.append(
                        Hit(
                            "GET",
                            self.path,
                            {k.lower(): v for k, v in self.headers.items()},
                            time.monotonic(),
                        )
                    )
                    portal.in_flight += 1
                    portal.max_in_flight = max(portal.max_in_flight, portal.in_flight)
                try:
                    portal._handle(self)
                finally:
                    with portal._lock:
                        portal.in_flight -= 1

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def _send(
        self, h: BaseHTTPRequestHandler, status: int, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> None:
        h.send_response(status)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        if status != 304:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if status != 304:
            h.wfile.write(body)

    def _document(self, h: BaseHTTPRequestHandler, name: str) -> None:
        with self._lock:
            data = self.documents.get(name)
        if data is None:
            return self._send(h, 404, b"not found")
        etag = '"' + hashlib.md5(data).hexdigest()[:16] + '"'
        if h.headers.get("If-None-Match") == etag:
            return self._send(h, 304, b"", {"ETag": etag})
        ctype = _DOC_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
        return self._send(h, 200, data, {"Content-Type": ctype, "ETag": etag})

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        q = {k.lower(): v[0] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/feed.xml":
            ids = sorted(self.articles, reverse=True)
            items = "".join(
                f"<item><title>Tin {i}</title><link>{self.base_url}{ITEM_PATH}?ItemID={i}</link></item>"
                for i in ids
            )
            body = (
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Tin tức</title>{items}</channel></rss>"
            )
            return self._send(h, 200, body.encode(), {"Content-Type": "application/rss+xml; charset=utf-8"})
        if parts.path == "/robots.txt":
            return self._send(h, 200, self.robots.encode(), {"Content-Type": "text/plain"})
        if parts.path.startswith(DOCS_PATH):
            return self._document(h, unquote(parts.path[len(DOCS_PATH) :]))
        if parts.path.startswith("/private/"):
            return self._send(h, 403, b"forbidden")
        if parts.path.lower() == LIST_PATH.lower():
            page = int(q.get("pageindex", "1") or 1)
            return self._send(h, 200, self.listing(page), {"Content-Type": "text/html; charset=utf-8"})
        if parts.path.lower() == ITEM_PATH.lower() and q.get("itemid", "").isdigit():
            item = int(q["itemid"])
            with self._lock:
                target = next((a for a in self.articles.values() if a.redirect_from == item), None)
                article = self.articles.get(item)
            if target is not None and article is None:
                return self._send(h, 301, b"", {"Location": f"{ITEM_PATH}?ItemID={target.item_id}"})
            if article is None:
                return self._send(h, 404, b"not found")
            if article.delay:
                time.sleep(article.delay)
            with self._lock:
                fault = article.faults.pop(0) if article.faults else None
            if fault:
                extra = {"Retry-After": article.retry_after} if article.retry_after else {}
                return self._send(h, fault, b"busy", extra)
            if article.permanent_status:
                return self._send(h, article.permanent_status, b"error")
            lm = formatdate(article.modified, usegmt=True)
            if h.headers.get("If-None-Match") == article.etag or (
                h.headers.get("If-Modified-Since") == lm and not h.headers.get("If-None-Match")
            ):
                return self._send(h, 304, b"", {"ETag": article.etag, "Last-Modified": lm})
            headers = {"Content-Type": "text/html; charset=utf-8", "ETag": article.etag, "Last-Modified": lm}
            if article.original_url:
                headers["Link"] = f'<{article.original_url}>; rel="canonical"'
            return self._send(h, 200, article.html, headers)
        return self._send(h, 404, b"not found")


def fixture_documents(fixtures_dir: str | Path) -> dict[str, bytes]:
    """Every attachable document under fixtures/ (PDF, DOCX, XLSX…), by file name, for /Documents/<name>."""
    return {
        p.name: p.read_bytes()
        for p in sorted(Path(fixtures_dir).rglob("*"))
        if p.is_file() and p.suffix.lower() in _DOC_TYPES
    }


def fixture_articles(fixtures_dir: str | Path) -> list[ReplayArticle]:
    """Every article page under fixtures/ (not listings, not goldens), as replay items 1…n, each with
    the URL it was published under when the page says (canonical link, og:url, saved-from note)."""
    from ..errors import ParseError
    from ..parse.article import parse_article

    out: list[ReplayArticle] = []
    for path in sorted(Path(fixtures_dir).rglob("*.html")):
        if "golden" in path.parts:
            continue
        data = path.read_bytes()
        try:
            article = parse_article(data, with_figures=False)
        except ParseError:
            continue
        out.append(ReplayArticle(item_id=len(out) + 1, html=data, original_url=article.url))
    return out
