"""Portal platform profiles: where each platform keeps the title, date, body, byline and chrome.

A profile is data (selectors and patterns), not code, so supporting another portal is a few lines
here plus a fixture.  `detect(url, html)` picks the profile from the URL and page fingerprints; the
generic profile (text density) serves layouts no profile knows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...text import HOLD

__all__ = ["SiteProfile", "PROFILES", "GENERIC", "detect", "by_name"]


@lru_cache(maxsize=256)
def compiled(patterns: tuple[str, ...]) -> tuple[regex.Pattern, ...]:
    """A profile's case-insensitive patterns, compiled once."""
    return tuple(regex.compile(p, regex.I) for p in patterns)


@lru_cache(maxsize=256)
def compiled_any(patterns: tuple[str, ...]) -> tuple[regex.Pattern, ...]:
    """`compiled(patterns)` as one alternation (or none): 'does any of them match' in one search."""
    return (regex.compile("|".join(f"(?:{p})" for p in patterns), regex.I),) if patterns else ()


@dataclass(frozen=True, slots=True)
class SiteProfile:
    name: str
    # Recognition: any URL pattern or any page fingerprint (regex, searched in the first 200 kB).
    url_patterns: tuple[str, ...] = ()
    fingerprints: tuple[str, ...] = ()
    # Extraction: CSS selectors tried in order; the first that yields text wins.
    title: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    views: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    # Chrome inside or around the body to drop before reading it.
    drop: tuple[str, ...] = ()
    # Paragraph-level chrome: body lines matching these are removed.
    drop_lines: tuple[str, ...] = ()
    # The byline is the last right-aligned bold paragraph of the body (Liferay portals).
    author_in_body_last_right: bool = False
    # Stable id: regexes on the URL, then on the page; group 1 is the id.
    id_patterns: tuple[str, ...] = ()
    html_id_patterns: tuple[str, ...] = ()
    # Attachments: links whose URL matches one of these (besides document file extensions).
    attachment_patterns: tuple[str, ...] = ()
    # Listing pages: article links and pagination (used by discovery).
    listing_links: tuple[str, ...] = ()
    article_url_patterns: tuple[str, ...] = ()
    next_page: tuple[str, ...] = ()
    page_param: str | None = None
    # Portals known to run this platform (a fallback when neither the page nor the URL says).
    hosts: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    def matches_page(self, html: str, end: int | None = None) -> bool:
        """Whether a fingerprint occurs in `html` (in its first `end` characters: searched in place)."""
        stop = len(html) if end is None else end
        return any(p.search(html, 0, stop, HOLD) for p in compiled(self.fingerprints))

    def matches_url(self, url: str | None) -> bool:
        patterns = self.url_patterns
        return bool(url) and any(p.search(url) for p in compiled(patterns))  # type: ignore[arg-type]

    def host_match(self, url: str | None) -> int:
        """Length of the longest known host this URL is on (0: none), so a subdomain running
        another platform (thudaumot.binhduong.gov.vn) wins over its parent."""
        if not url:
            return 0
        from urllib.parse import urlsplit

        host = (urlsplit(url).hostname or "").lower()
        return max((len(h) for h in self.hosts if host == h or host.endswith("." + h)), default=0)


from .profiles import GENERIC, PROFILES  # noqa: E402  (data rows need the class above)


def detect(url: str | None, html: str) -> SiteProfile:
    """The profile for a page: the page's own fingerprints first (a captured Liferay page served from
    anywhere is still Liferay), then the known host (a SharePoint portal's '/2021/06/…' article URL is
    not WordPress), then the URL's shape; generic otherwise."""
    for profile in PROFILES:
        if profile.matches_page(html, 200_000):  # the page's head, not copied
            return profile
    best = max(PROFILES, key=lambda p: p.host_match(url))
    if best.host_match(url):
        return best
    for profile in PROFILES:
        if profile.matches_url(url):
            return profile
    return GENERIC


def by_name(name: str) -> SiteProfile:
    for profile in (*PROFILES, GENERIC):
        if profile.name == name:
            return profile
    raise KeyError(name)
