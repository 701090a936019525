"""Polite, bounded HTTP for government servers (httpx).

Defaults are those of a good guest: one request at a time per host, at least `delay` seconds apart
(more if robots.txt asks with Crawl-delay), robots.txt obeyed, a User-Agent that names the tool,
Retry-After honoured on 429/503, exponential backoff with jitter for timeouts, resets and 5xx, a
bounded number of retries, a response size cap, timeouts on connect and read, only http(s).

Politeness adapts: a 429 or 503 multiplies the host's delay (at least by Retry-After), and every
normal answer brings it back part of the way towards the configured delay, never below it.
Failures are typed (`scraper.errors`): a `FetchResult` carries the `FetchError` instance, if any.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from .. import __version__, settings
from ..errors import (
    ConnectionFailed,
    Disallowed,
    FetchError,
    HTTPStatus,
    NotFetchable,
    ResponseTooLarge,
    Timeout,
)

__all__ = ["FetchError", "FetchResult", "Fetcher", "fetch_one", "DEFAULT_USER_AGENT"]

DEFAULT_USER_AGENT = settings.USER_AGENT.format(version=__version__)


@dataclass
class FetchResult:
    url: str  # as requested
    final_url: str
    status: int
    headers: httpx.Headers
    content: bytes = b""
    failure: FetchError | None = None
    attempts: int = 1
    http_version: str = "HTTP/1.1"
    reason: str = ""

    @property
    def error(self) -> str | None:
        """The failure as one line, or None."""
        return str(self.failure) if self.failure is not None else None

    @property
    def ok(self) -> bool:
        return self.failure is None and self.status == 200

    @property
    def retryable(self) -> bool:
        if self.status in settings.RETRY_STATUSES:
            return True
        return self.status == 0 and isinstance(self.failure, (Timeout, ConnectionFailed))

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
    delay: float = settings.CRAWL_DELAY
    base_delay: float = settings.CRAWL_DELAY
    robots: object | None = None
    robots_loaded: bool = False
    robots_error: str | None = None


class Fetcher:
    """Async fetcher with per-host politeness.  Use as `async with Fetcher(...) as f`."""

    def __init__(
        self,
        *,
        user_agent: str | None = None,
        delay: float = settings.CRAWL_DELAY,
        concurrency: int = settings.CRAWL_CONCURRENCY,
        timeout: float = settings.TIMEOUT,
        max_bytes: int = settings.MAX_RESPONSE_BYTES,
        retries: int = settings.RETRIES,
        obey_robots: bool = True,
        max_redirects: int = settings.MAX_REDIRECTS,
        backoff: float = settings.BACKOFF,
        max_wait: float = settings.MAX_WAIT,
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
        self.slowdowns = 0  # 429/503 answers that slowed a host down
        self._hosts: dict[str, _Host] = {}
        self._client = httpx.AsyncClient(
            headers={
                "User-Agent": self.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language": "vi,en;q=0.5",
            },
            timeout=httpx.Timeout(timeout, connect=min(timeout, settings.CONNECT_TIMEOUT)),
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
            self._hosts[key] = _Host(
                sem=asyncio.Semaphore(self.concurrency), delay=self.delay, base_delay=self.delay
            )
        return self._hosts[key]

    async def allowed(self, url: str) -> bool:
        """robots.txt says this URL may be fetched (loaded once per host; unreachable = allowed)."""
        if not self.obey_robots:
            return True
        host = self._host(url)
        if not host.robots_loaded:
            host.robots_loaded = True
            parts = urlsplit(url)
            res = await self._get(
                f"{parts.scheme}://{parts.netloc}/robots.txt", {}, retries=settings.ROBOTS_RETRIES
            )
            if res.status == 200 and res.content:
                from protego import Protego

                host.robots = Protego.parse(res.content.decode("utf-8", "replace"))
                crawl_delay = host.robots.crawl_delay(self.user_agent)  # type: ignore[attr-defined]
                if crawl_delay:
                    host.base_delay = max(host.base_delay, float(crawl_delay))
                    host.delay = max(host.delay, host.base_delay)
            elif res.status >= 500 or (res.status == 0 and res.failure is not None):
                # RFC 9309: an unreachable robots.txt (server or network error) means "disallow all".
                host.robots = "deny-all"
                host.robots_error = res.error or f"HTTP {res.status}"
            # 4xx: no rules, everything may be fetched (RFC 9309 §2.3.1.3).
        if host.robots == "deny-all":
            return False
        if host.robots is None:
            return True
        return bool(host.robots.can_fetch(url, self.user_agent))  # type: ignore[attr-defined]

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> FetchResult:
        """GET with conditional (and any extra, e.g. Range) headers; robots, politeness, retries applied."""
        if urlsplit(url).scheme not in ("http", "https"):
            return FetchResult(
                url, url, 0, httpx.Headers(), failure=NotFetchable("only http and https URLs are fetched")
            )
        if not await self.allowed(url):
            why = self._host(url).robots_error
            reason = (
                f"robots.txt unreachable ({why}): the host is not crawled"
                if why
                else "disallowed by robots.txt"
            )
            return FetchResult(url, url, 0, httpx.Headers(), failure=Disallowed(reason))
        headers = dict(headers or {})
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
            retry_after = _retry_after(result.headers.get("retry-after"), self.max_wait)
            self._adapt(host, result.status, retry_after)
            if not result.retryable or attempt > retries:
                return result
            pause = retry_after
            if pause is None:
                pause = self.backoff * (2 ** (attempt - 1)) * (0.5 + random.random())
            host.next_at = max(host.next_at, time.monotonic() + pause)

    def _adapt(self, host: _Host, status: int, retry_after: float | None) -> None:
        """Slow a host down on 429/503 (multiplicatively, at least Retry-After); recover gradually.

        Archives and portals block clients that ignore 429.  Each normal answer shrinks the excess
        over the configured delay by `settings.RECOVERY_FACTOR`, so one 429 costs a few slower
        requests, not the rest of the run; the delay never goes below the configured one.
        """
        if status in settings.SLOW_DOWN_STATUSES:
            self.slowdowns += 1
            slower = max(host.delay * settings.SLOW_DOWN_FACTOR, retry_after or 0.0, host.base_delay)
            host.delay = min(slower, max(self.max_wait, host.base_delay))
        elif 0 < status < 400 and host.delay > host.base_delay:
            excess = (host.delay - host.base_delay) * settings.RECOVERY_FACTOR
            host.delay = host.base_delay + (excess if excess > settings.RECOVERED_WITHIN else 0.0)

    def host_delay(self, url: str) -> float:
        """The current delay between requests to URL's host (after slow-downs and recovery)."""
        return self._host(url).delay

    async def _once(self, url: str, headers: dict[str, str]) -> FetchResult:
        self.requests += 1
        try:
            async with self._client.stream("GET", url, headers=headers) as resp:

                def too_large(size: str) -> FetchResult:
                    failure = ResponseTooLarge(f"response too large ({size} bytes)")
                    return FetchResult(url, str(resp.url), resp.status_code, resp.headers, failure=failure)

                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    return too_large(declared)
                chunks: list[bytes] = []
                size = 0
                async for chunk in resp.aiter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        return too_large(f"> {self.max_bytes}")
                    chunks.append(chunk)
                content = b"".join(chunks)
                self.bytes += len(content)
                res = FetchResult(
                    url,
                    str(resp.url),
                    resp.status_code,
                    resp.headers,
                    content,
                    http_version=resp.http_version,
                    reason=resp.reason_phrase,
                )
                if resp.status_code >= 400:
                    res.failure = HTTPStatus(
                        f"HTTP {resp.status_code} {resp.reason_phrase}".strip(), resp.status_code
                    )
                return res
        except httpx.TimeoutException:
            return FetchResult(url, url, 0, httpx.Headers(), failure=Timeout("timed out"))
        except httpx.TooManyRedirects:
            # Not retried: the same redirects would come back.
            return FetchResult(url, url, 0, httpx.Headers(), failure=FetchError("too many redirects"))
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            why = f"connection broken ({type(exc).__name__}): truncated or reset"
            return FetchResult(url, url, 0, httpx.Headers(), failure=ConnectionFailed(why))
        except httpx.HTTPError as exc:
            why = f"{type(exc).__name__}: {exc}".split("\n")[0]
            return FetchResult(url, url, 0, httpx.Headers(), failure=ConnectionFailed(why))


def fetch_one(
    url: str, *, timeout: float = settings.TIMEOUT, max_bytes: int = settings.MAX_RESPONSE_BYTES
) -> FetchResult:
    """One page for `scraper extract URL`: polite defaults, FetchError with one line on failure."""

    async def go() -> FetchResult:
        # One page a user asked for is not crawling: robots.txt governs `scraper crawl`, not this.
        async with Fetcher(
            timeout=timeout,
            max_bytes=max_bytes,
            delay=0,
            retries=settings.ONE_PAGE_RETRIES,
            backoff=settings.ONE_PAGE_BACKOFF,
            obey_robots=False,
        ) as f:
            return await f.fetch(url)

    res = asyncio.run(go())
    if res.failure is not None:
        raise type(res.failure)(f"{url}: {res.failure}")
    if not res.content:
        raise FetchError(f"{url}: empty response")
    return res
