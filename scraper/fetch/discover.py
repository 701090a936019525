"""Finding article pages: listing pages and their pagination, RSS/Atom feeds and sitemaps.

Only article links are followed; navigation, off-site and private areas are not.  URLs are
normalised (fragments and tracking parameters dropped, SharePoint's case-insensitive parameter
names folded) so one article is one URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import regex
from selectolax.lexbor import LexborHTMLParser

from ..parse.sites import SiteProfile, detect

__all__ = ["Links", "normalize_url", "discover_links", "is_feed"]

_TRACKING = regex.compile(r"^(?:utm_\w+|fbclid|gclid|_ga|ref|source|mc_\w+|zarsrc)$", regex.I)
_PRIVATE = regex.compile(
    r"/(?:_layouts/(?:15/)?(?:Authenticate|SignOut|login)|login|dang-nhap|signin|admin|wp-admin|"
    r"c/portal/login)",
    regex.I,
)
_NOT_PAGES = regex.compile(
    r"\.(?:jpe?g|png|gif|svg|webp|css|js|pdf|docx?|xlsx?|zip|rar|mp4|mp3|ico)(?:$|\?)", regex.I
)
_GENERIC_ARTICLE = regex.compile(
    r"(?:/\d{3,}[-/][\w-]{8,}|[-/][\w-]{12,}-\d{3,}(?:\.html?)?$|[?&](?:ItemID|ID|id|newsid|ArticleId)=\d+)",
    regex.I,
)
_CASE_FOLD_PARAMS = {"pageindex": "PageIndex", "itemid": "ItemID", "id": "ID"}


def normalize_url(url: str, base: str | None = None) -> str | None:
    """Absolute, fragment-free, tracking-free URL with sorted-stable parameters; None if not http(s)."""
    try:
        full = urljoin(base or "", url.strip())
        parts = urlsplit(full)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = []
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        if _TRACKING.match(k):
            continue
        query.append((_CASE_FOLD_PARAMS.get(k.lower(), k), v))
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def is_feed(content: bytes, content_type: str = "") -> bool:
    head = content[:500].lstrip().lower()
    return (
        "xml" in content_type.lower()
        or head.startswith(b"<?xml")
        or b"<rss" in head
        or b"<urlset" in head
        or b"<feed" in head
    )


@dataclass
class Links:
    articles: list[str] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)


def _same_site(url: str, hosts: set[str]) -> bool:
    return urlsplit(url).netloc.lower() in hosts


_PAGE_IN_URL = regex.compile(
    r"(?:[?&](?:page|p|trang|pageindex|_101_cur|paged|pg)=|/(?:page|trang|p)[-/]?)(\d+)(?=$|[/?&#.])", regex.I
)
_NAV_WORDS = regex.compile(
    r"^(?:trang chủ|giới thiệu|liên hệ|sơ đồ|tin tức|văn bản|hỏi đáp|đăng "
    r"nhập|english|tiếng việt)$", regex.I
)


def _is_article(url: str, profile: SiteProfile, label: str = "") -> bool:
    patterns = profile.article_url_patterns or ()
    if any(regex.search(p, url, regex.I) for p in patterns):
        return True
    if patterns:
        return False
    if _PAGE_IN_URL.search(url):
        return False
    if _GENERIC_ARTICLE.search(url):
        return True
    # An unknown layout: a headline-length link to a page-like URL is an article teaser.
    words = label.split()
    path = urlsplit(url).path
    return (
        len(words) >= 6
        and not _NAV_WORDS.match(label)
        and (bool(regex.search(r"\d", path)) or path.endswith((".html", ".htm", ".aspx", ".php")))
    )


def discover_links(content: bytes | str, page_url: str, hosts: set[str], content_type: str = "") -> Links:
    """Article links and next-page links on a listing page, feed or sitemap."""
    out = Links()
    data = content.encode("utf-8") if isinstance(content, str) else content
    if is_feed(data, content_type):
        for m in regex.finditer(rb"<(?:link|loc)>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)", data):
            u = normalize_url(m.group(1).decode("utf-8", "replace"), page_url)
            if u and _same_site(u, hosts):
                (out.next_pages if u.endswith(".xml") else out.articles).append(u)
        for m in regex.finditer(rb"<link[^>]+href=\"([^\"]+)\"", data):
            u = normalize_url(m.group(1).decode("utf-8", "replace"), page_url)
            if u and _same_site(u, hosts) and u not in out.articles:
                out.articles.append(u)
        return out
    text = data.decode("utf-8", "replace") if isinstance(content, bytes) else content
    tree = LexborHTMLParser(text)
    profile = detect(page_url, text)
    seen: set[str] = set()
    selectors = profile.listing_links or ("a[href]",)
    for sel in (*selectors, "a[href]"):
        for a in tree.css(sel):
            href = a.attributes.get("href")
            if not href:
                continue
            u = normalize_url(href, page_url)
            if not u or u in seen or not _same_site(u, hosts) or _PRIVATE.search(u) or _NOT_PAGES.search(u):
                continue
            if _is_article(u, profile, " ".join((a.text(deep=True) or "").split())):
                seen.add(u)
                out.articles.append(u)
        if out.articles:
            break
    out.next_pages = _next_pages(tree, page_url, profile, hosts)
    # RSS/Atom autodiscovery: a feed lists the newest articles, often beyond the first page.
    for link in tree.css('link[rel="alternate"]'):
        if "rss" in (link.attributes.get("type") or "") or "atom" in (link.attributes.get("type") or ""):
            u = normalize_url(link.attributes.get("href") or "", page_url)
            if u and _same_site(u, hosts) and u not in out.next_pages:
                out.next_pages.append(u)
    return out


def _next_pages(tree: LexborHTMLParser, page_url: str, profile: SiteProfile, hosts: set[str]) -> list[str]:
    found: list[str] = []
    for sel in (*profile.next_page, "a[rel=next]", "link[rel=next]"):
        for a in tree.css(sel):
            u = normalize_url(a.attributes.get("href") or "", page_url)
            if u and _same_site(u, hosts) and u != normalize_url(page_url) and u not in found:
                found.append(u)
    # Text links: "Trang sau", "Tiếp", "»", "Next"
    if not found:
        for a in tree.css("a[href]"):
            label = (a.text(deep=True) or "").strip().lower()
            if label in ("trang sau", "tiếp", "tiếp theo", "sau", "»", "›", "next", ">", ">>") or (
                a.attributes.get("title") or ""
            ).lower() in ("next", "trang sau", "trang tiếp"):
                u = normalize_url(a.attributes.get("href") or "", page_url)
                if u and _same_site(u, hosts) and u not in found and u != normalize_url(page_url):
                    found.append(u)
    # A link to the page numbered one higher than this one: ?PageIndex=2, &_101_cur=2, /page-2, /trang/2.
    here = _PAGE_IN_URL.search(page_url)
    current = int(here.group(1)) if here else 1
    base = _PAGE_IN_URL.sub("", page_url) if here else page_url
    for a in tree.css("a[href]"):
        u = normalize_url(a.attributes.get("href") or "", page_url)
        if not u or u in found or not _same_site(u, hosts):
            continue
        m = _PAGE_IN_URL.search(u)
        if m and int(m.group(1)) == current + 1 and _same_listing(_PAGE_IN_URL.sub("", u), base):
            found.append(u)
    return found


def _same_listing(a: str, b: str) -> bool:
    """Two listing URLs without their page numbers name the same list (trailing '/', '?' aside)."""

    def key(u: str) -> str:
        parts = urlsplit(u)
        return (
            parts.netloc
            + parts.path.rstrip("/").removesuffix(".html")
            + "?"
            + "&".join(sorted(x for x in parts.query.split("&") if x))
        )

    return key(a) == key(b)
