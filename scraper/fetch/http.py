"""Polite, bounded HTTP for government servers (httpx).

Defaults are those of a good guest: one request at a time per host, at least `delay` seconds apart
(more if robots.txt asks with Crawl-delay), robots.txt obeyed, a User-Agent that names the tool,
Retry-After honoured on 429/503, exponential backoff with jitter for timeouts, resets and 5xx, a
bounded number of retries, a response size cap, timeouts on connect and read, only http(s).
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from .. import __version__

__all__ = ["FetchError", "FetchResult", "Fetcher", "fetch_one", "DEFAULT_USER_AGENT"]

DEFAULT_USER_AGENT = f"vn-gov-figures/{__version__} (+https://github.com/vn-gov-figures/scraper; research crawler)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A request that did not give a usable page: one line for the user."""


@dataclass
class FetchResult:
    url: str  # as requested
    final_url: str
    status: int
    headers: httpx.Headers
    content: bytes = b""
    error: str | None = None
    attempts: int = 1
    http_version: str = "HTTP/1.1"
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def charset(self) -> str | None:
        ctype = self.headers.get("content-type", "")
        for part in ctype.split(";")[1:]:
            k, _, v = part.strip().partition("=")
            if k.lower() == "charset":
                return v.strip("\"' ")
        return None


def _retry_after(value: str | None, cap: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(when.timestamp() - time.time(), cap))


@dataclass
class _Host:
    sem: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_at: float = 0.0
    delay: float = 1.0
    robots: object | None = None
    robots_loaded: bool = False
    robots_error: str | None = None


class Fetcher:
    """Async fetcher with per-host politeness.  Use as `async with Fetcher(...) as f`."""

    def __init__(
        self,
        *,
        user_agent: str | None = None,
        delay: float = 1.0,
        concurrency: int = 1,
        timeout: float = 30.0,
        max_bytes: int = 10 * 1024 * 1024,
        retries: int = 3,
        obey_robots: bool = True,
        max_redirects: int = 5,
        backoff: float = 1.0,
        max_wait: float = 300.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.user_agent = user_agent or DEFAULT_USER_AGENT
        self.delay = delay
        self.concurrency = max(1, concurrency)
        self.max_bytes = max_bytes
        self.retries = retries
        self.obey_robots = obey_robots
        self.backoff = backoff
        self.max_wait = max_wait
        self.requests = 0
        self.bytes = 0
        self._hosts: dict[str, _Host] = {}
        self._client = httpx.AsyncClient(
            headers={"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                     "Accept-Language": "vi,en;q=0.5"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
            follow_redirects=True,
            max_redirects=max_redirects,
            transport=transport,
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        if key not in self._hosts:
            self._hosts[key] = _Host(sem=asyncio.Semaphore(self.concurrency), delay=self.delay)
        return self._hosts[key]

    async def allowed(self, url: str) -> bool:
        """robots.txt says this URL may be fetched (loaded once per host; unreachable = allowed)."""
        if not self.obey_robots:
            return True
        host = self._host(url)
        if not host.robots_loaded:
            host.robots_loaded = True
            parts = urlsplit(url)
            res = await self._get(f"{parts.scheme}://{parts.netloc}/robots.txt", {}, retries=1)
            if res.status == 200 and res.content:
                from protego import Protego

                host.robots = Protego.parse(res.content.decode("utf-8", "replace"))
                crawl_delay = host.robots.crawl_delay(self.user_agent)  # type: ignore[attr-defined]
                if crawl_delay:
                    host.delay = max(host.delay, float(crawl_delay))
            elif res.status >= 500 or (res.status == 0 and res.error):
                # RFC 9309: an unreachable robots.txt (server or network error) means "disallow all".
                host.robots = "deny-all"
                host.robots_error = res.error or f"HTTP {res.status}"
            # 4xx: no rules, everything may be fetched (RFC 9309 §2.3.1.3).
        if host.robots == "deny-all":
            return False
        if host.robots is None:
            return True
        return bool(host.robots.can_fetch(url, self.user_agent))  # type: ignore[attr-defined]

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET with conditional headers; robots.txt, politeness and retries applied."""
        if urlsplit(url).scheme not in ("http", "https"):
            return FetchResult(url, url, 0, httpx.Headers(), error="only http and https URLs are fetched")
        if not await self.allowed(url):
            why = self._host(url).robots_error
            reason = f"robots.txt unreachable ({why}): the host is not crawled" if why else "disallowed by robots.txt"
            return FetchResult(url, url, 0, httpx.Headers(), error=reason)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return await self._get(url, headers, retries=self.retries)

    async def _get(self, url: str, headers: dict[str, str], *, retries: int) -> FetchResult:
        host = self._host(url)
        attempt = 0
        while True:
            attempt += 1
            async with host.sem:
                async with host.lock:
                    wait = host.next_at - time.monotonic()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    host.next_at = time.monotonic() + host.delay
                result = await self._once(url, headers)
            result.attempts = attempt
            retryable = result.status in RETRY_STATUSES or (result.error is not None and result.status == 0 and "too large" not in result.error)
            if not retryable or attempt > retries:
                return result
            pause = _retry_after(result.headers.get("retry-after"), self.max_wait)
            if pause is None:
                pause = self.backoff * (2 ** (attempt - 1)) * (0.5 + random.random())
            # Archives and portals block clients that ignore 429: slow the whole host down too.
            if result.status == 429:
                host.delay = min(max(host.delay * 2, pause), self.max_wait)
            host.next_at = max(host.next_at, time.monotonic() + pause)

    async def _once(self, url: str, headers: dict[str, str]) -> FetchResult:
        self.requests += 1
        try:
            async with self._client.stream("GET", url, headers=headers) as resp:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    return FetchResult(url, str(resp.url), resp.status_code, resp.headers, error=f"response too large ({declared} bytes)")
                chunks: list[bytes] = []
                size = 0
                async for chunk in resp.aiter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        return FetchResult(url, str(resp.url), resp.status_code, resp.headers, error=f"response too large (> {self.max_bytes} bytes)")
                    chunks.append(chunk)
                content = b"".join(chunks)
                self.bytes += len(content)
                res = FetchResult(url, str(resp.url), resp.status_code, resp.headers, content,
                                  http_version=resp.http_version, reason=resp.reason_phrase)
                if resp.status_code >= 400:
                    res.error = f"HTTP {resp.status_code} {resp.reason_phrase}".strip()
                return res
        except httpx.TimeoutException:
            return FetchResult(url, url, 0, httpx.Headers(), error="timed out")
        except httpx.TooManyRedirects:
            return FetchResult(url, url, 0, httpx.Headers(), error="too many redirects")
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            return FetchResult(url, url, 0, httpx.Headers(), error=f"connection broken ({type(exc).__name__}): truncated or reset")
        except httpx.HTTPError as exc:
            return FetchResult(url, url, 0, httpx.Headers(), error=f"{type(exc).__name__}: {exc}".split("\n")[0])


def fetch_one(url: str, *, timeout: float = 30.0, max_bytes: int = 10 * 1024 * 1024) -> FetchResult:
    """One page for `scraper extract URL`: polite defaults, FetchError with one line on failure."""

    async def go() -> FetchResult:
        # One page a user asked for is not crawling: robots.txt governs `scraper crawl`, not this.
        async with Fetcher(timeout=timeout, max_bytes=max_bytes, delay=0, retries=2, backoff=0.5, obey_robots=False) as f:
            return await f.fetch(url)

    res = asyncio.run(go())
    if res.error:
        raise FetchError(f"{url}: {res.error}")
    if not res.content:
        raise FetchError(f"{url}: empty response")
    return res
