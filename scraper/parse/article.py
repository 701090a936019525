"""A portal page to the Article a reader sees: title, date, byline, body text without chrome, tables,
attachments, and the figures in all of it.

Platform knowledge lives in `sites/` as data; this module is the machinery that applies a profile
and, for layouts no profile knows, finds the body by text density.  Bad input (empty, binary,
undecodable, absurdly nested) raises `ParseError` with a one-line reason, never anything else.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple
from datetime import datetime, timedelta, timezone
from functools import lru_cache, partial
from itertools import accumulate, repeat
from urllib.parse import urljoin, urlsplit

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .. import settings
from ..errors import DecodeError, NotAnArticle, NotHTML, PageTooLarge, ParseError, TooLarge
from ..models import Article, Attachment, Figure, Table
from ..text import HOLD, clean_text, decode_html_head, normalize
from .cues import (
    TIME_BEFORE,
    Layout,
    _tag_ids,
    best_date,
    best_title,
    category_before,
    clean_title,
    fold,
    has_blocks,
    is_portal_text,
    is_posting_account,
    lead_before,
    person_or_none,
)
from .sites import GENERIC, SiteProfile, compiled_any, detect
from .sites import compiled as _compiled

__all__ = ["ParseError", "parse_article", "parse_published", "MAX_HTML_BYTES"]

MAX_HTML_BYTES = settings.MAX_HTML_BYTES  # a bigger "page" is not an article; refuse before parsing
MAX_DEPTH = settings.MAX_DEPTH  # lexbor's tree builder is quadratic in depth; real pages stay far below this


_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article blockquote header footer pre dd dt dl "
    "figure figcaption hr".split()
)
_BLOCK_CSS = ",".join(sorted(_BLOCK_TAGS - {"br"}))  # the blocks a line break goes around
_BLOCK_TAG_IDS = _tag_ids(_BLOCK_TAGS - {"br"})  # (the same, by lexbor's tag ids)
_BR_ID = min(_tag_ids(frozenset({"br"})))
_DOC_EXT = regex.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods|rtf|txt|csv)(?:$|[/?#])", regex.I)
_PARA = "\u2029"
_SOURCE_BREAKS = re.compile(r"[\r\n\t]+")  # a plain class: the standard engine folds it faster
_PLACEHOLDER = regex.compile(r"\u2063TABLE\d+\u2063")
_DIGIT = regex.compile(r"\d")
_GROUPING = regex.compile(r"[.,]")
_GROUPING_SPACE = regex.compile(r"[.,\s]")
_DATE_PUBLISHED = regex.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TITLE_SEP = regex.compile(r"\s+[-|–]\s+")
_MIRRORED = regex.compile(r"<!--\s*Mirrored from\s+(\S+)\s+by HTTrack", regex.I)


_REDIRECT_TITLES = {
    "document moved",
    "object moved",
    "301 moved permanently",
    "302 found",
    "moved permanently",
    "redirecting",
}


def _is_listing(tree: LexborHTMLParser, profile: SiteProfile) -> bool:
    """Many article teasers and no single article body: a category page, not an article.  The
    profile's headline is looked for first: found (an article page), no teaser list is walked."""
    if profile.title and tree.css_first(profile.title[0]) is not None:
        return False
    teasers = tuple(sel for sel in profile.listing_links if sel != "a[href]")
    return any(len(tree.css(sel)) >= 5 for sel in teasers) if _any_match(tree, teasers) else False


# --- dates ---------------------------------------------------------------------------------------

_DT = regex.compile(
    r"(?P<a>\d{1,2})\s*[/.-]\s*(?P<b>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"(?:\s*(?P<sep>[,|-]|lúc)?\s*(?P<h>\d{1,2})\s*[:hH]\s*(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[AaPp]"
    r"\.?[Mm]\.?)?)?"
)
_DT_SPACES = regex.compile(r"(?P<a>\d{1,2})\s+(?P<b>\d{1,2})\s+(?P<y>(?:19|20)\d{2})(?!\d)")
_DT_WORDS = regex.compile(r"ngày\s+(?P<a>\d{1,2})\s+tháng\s+(?P<b>\d{1,2})\s+năm\s+(?P<y>\d{4})", regex.I)
_ISO = regex.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?("
    r"?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_published(text: str, *, us_order: bool = False) -> str | None:
    """A page's date line to ISO 8601 (+07:00 when it gives a time).

    "Thứ 6, Ngày 25/06/2021, 17:00" → "2021-06-25T17:00:00+07:00";
    "Ngày đăng 03/07/2019 | 3:59 PM" → "2019-07-03T15:59:00+07:00" (12-hour clock);
    "6/30/2025 10:00 AM" (SharePoint list data, `us_order`) → "2025-06-30T10:00:00+07:00";
    a migrated item's fake "12:00 AM" keeps only the date.
    """
    if not text:
        return None
    text = normalize(text)
    m = _ISO.search(text)
    if m and not _DT.search(text):
        y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
        if m.group("h") is None:
            return _iso(y, mo, d)
        h, mi, sec = int(m.group("h")), int(m.group("mi")), int(m.group("s") or 0)
        return _iso_local(y, mo, d, h, mi, sec, m.group("tz"))
    m = _DT.search(text)
    if m and m.group("h") is None and (t := TIME_BEFORE.search(text[: m.start()])):
        # "Cập nhật lúc 10:15, 12/03/2024": the time written before the date
        text = f"{m.group()} {t.group('t')}"
        m = _DT.search(text)
    if m:
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if a > 12 or not (us_order and m.group("ap")) or b > 12:
            d, mo = (a, b) if not (b > 12 and a <= 12) else (b, a)
        else:
            d, mo = b, a
        if m.group("h") is None:
            return _iso(y, mo, d)
        h, mi = int(m.group("h")), int(m.group("mi"))
        ap = (m.group("ap") or "").lower().replace(".", "")
        if ap == "am" and h == 12 and mi == 0:
            return _iso(y, mo, d)  # Liferay's placeholder time for migrated items
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        return _iso(y, mo, d, h, mi, int(m.group("s") or 0))
    m = _DT_WORDS.search(text) or _DT_SPACES.search(text)
    if m:
        return _iso(int(m.group("y")), int(m.group("b")), int(m.group("a")))
    return None


_VN = timezone(timedelta(hours=7))


def _iso_local(y: int, mo: int, d: int, h: int, mi: int, s: int, tz: str | None) -> str | None:
    """A stamp with an offset ("…T05:00:00.000Z") as Vietnam time: 2019-05-16T12:00:00+07:00."""
    if not tz:
        return _iso(y, mo, d, h, mi, s)
    sign = 1 if tz == "Z" or tz[0] == "+" else -1
    digits = "0000" if tz == "Z" else tz[1:].replace(":", "")
    offset = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
    try:
        return datetime(y, mo, d, h, mi, s, tzinfo=offset).astimezone(_VN).isoformat()
    except ValueError:
        return None


def _iso(
    y: int, mo: int, d: int, h: int | None = None, mi: int = 0, s: int = 0, tz: str = "+07:00"
) -> str | None:
    try:
        if h is None:
            return datetime(y, mo, d).date().isoformat()
        return datetime(y, mo, d, h, mi, s).isoformat() + tz
    except ValueError:
        return None


# --- HTML plumbing -------------------------------------------------------------------------------

_TAG = regex.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>")  # greedy: a lazy '*?' here costs 25x
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())


# `_TAG` on text, every tag consumed exactly as `_TAG` reads it: (slash, name, '/' if it ends '/>').
# The standard library's engine scans this ASCII-only pattern twice as fast as `regex` does.
_NESTING_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*+(?:(?<=(/))|)>")
# ... and on a page's UTF-8 bytes: the same tags (no byte of a multi-byte character is ASCII)
_NESTING_TAG_BYTES = re.compile(_NESTING_TAG.pattern.encode("ascii"))
_VOID_NAMES = frozenset(t.decode() for t in _VOID)


class _Steps(dict):
    """How a tag moves the depth (+1 opening, -1 closing, 0 void or self-closing), worked out once per
    distinct (slash, name, closed) of a page and then looked up in C."""

    def __missing__(self, key: tuple[str, str, str] | tuple[bytes, bytes, bytes]) -> int:
        slash, name, closed = key
        void = name.lower() in (_VOID_NAMES if isinstance(name, str) else _VOID)
        step = 0 if closed or void else (-1 if slash else 1)
        self[key] = step
        return step


# The same tags again (the same spans), told apart with fewer objects: a closing tag by all it holds
# ("/p", "/o:p", "/td /"), an opening one by its name alone, so that a table of the common tags' steps
# (`_BOUNDS`) is looked up in C.  Read as +1, an opening tag that closes itself ("<div/>") and any tag
# the table lacks make a bound never below the true depth: the exact count runs only past MAX_DEPTH.
_DEPTH_TAG = re.compile(r"<(/[a-zA-Z][a-zA-Z0-9:-]*+[^>]*+|[a-zA-Z][a-zA-Z0-9:-]*+)[^>]*+>")
_DEPTH_TAG_BYTES = re.compile(_DEPTH_TAG.pattern.encode("ascii"))
_COMMON_TAGS = (
    "a abbr address article aside b blockquote body button caption center cite code dd del div dl dt em "
    "fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header html i iframe label "
    "legend li main marquee nav noscript o:p object ol option p picture pre s script section select "
    "small span strike strong style sub sup table tbody td textarea tfoot th thead time title tr tt u "
    "ul video " + " ".join(_VOID_NAMES)
).split()


def _bounds(names: list[str]) -> dict[str, int]:
    """name: +1 (0 when void), "/name": -1 (0 when void), in lower, upper and capitalised case."""
    table: dict[str, int] = {}
    for name in names:
        nests = name not in _VOID_NAMES
        for form in (name, name.upper(), name.capitalize()):
            table[form], table["/" + form] = (1, -1) if nests else (0, 0)
    return table


_BOUNDS = _bounds(_COMMON_TAGS)
_BOUNDS_BYTES = {k.encode("ascii"): v for k, v in _BOUNDS.items()}


def _nested_too_deep(tags: str | bytes) -> bool:
    """Whether the tags of `tags` nest deeper than MAX_DEPTH (the bound first, counted only past it)."""
    return _depth_bound(tags) > MAX_DEPTH and _depth(tags) > MAX_DEPTH


def _depth(tags: str | bytes) -> int:
    """The deepest nesting, counted in C: +1 per opening tag, -1 per closing one (void/self-closing
    skipped)."""
    found = (_NESTING_TAG if isinstance(tags, str) else _NESTING_TAG_BYTES).findall(tags)
    return max(accumulate(map(_Steps().__getitem__, found), initial=0))


def _depth_bound(tags: str | bytes) -> int:
    """`_depth`, or more (see `_DEPTH_TAG`)."""
    text = isinstance(tags, str)
    found = (_DEPTH_TAG if text else _DEPTH_TAG_BYTES).findall(tags)
    return max(accumulate(map((_BOUNDS if text else _BOUNDS_BYTES).get, found, repeat(1)), initial=0))


def _opens_nothing(m: regex.Match) -> bool:
    """A self-closing ('<br/>') or void ('<img>') tag does not nest."""
    return m.group(0).endswith(b"/>") or m.group(2).lower() in _VOID


def _limit_nesting(html: str | bytes) -> str | bytes:
    """Drop the tags nested deeper than MAX_DEPTH (keeping their text): a 200,000-deep page would
    otherwise take minutes in the tree builder.  The page (its text or its UTF-8 bytes) comes back as it
    is when nothing is dropped, else as text."""
    lt = "<" if isinstance(html, str) else b"<"
    # (what `count` tells, three times faster: the page less its '<' is copied at memory speed)
    if len(html) - len(html.replace(lt, lt[:0])) < settings.NESTING_CHECK_MIN_TAGS:  # type: ignore[arg-type]
        return html
    tags = _inline_data_dropped(html) if len(html) > settings.INLINE_DATA_MIN_CHARS else html
    if not _nested_too_deep(tags):
        return html
    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    out: list[bytes] = []
    depth = 0
    pos = 0
    for m in _TAG.finditer(data):
        if _opens_nothing(m):
            continue
        closing = bool(m.group(1))
        deep = (depth > MAX_DEPTH) if closing else (depth >= MAX_DEPTH)
        depth += -1 if closing else 1
        if deep:
            out.append(data[pos : m.start()])
            pos = m.end()
    out.append(data[pos:])
    return b"".join(out).decode("utf-8", "replace")


def _inline_data_dropped(html: str | bytes) -> str | bytes:
    """The page without the payloads of its base64 data URIs ('data:image/png;base64,…'), each cut up
    to the quote closing it when no '<' or '>' sits in between: the same tags, in the same order and
    read the same, for the nesting count to scan on a page swollen by inline images.  Linear: the
    next quote, '<' and '>' are each looked for again only once a payload starts past them."""
    mark, seps = (";base64,", "\"'<>") if isinstance(html, str) else (b";base64,", b"\"'<>")
    n = len(html)
    nxt = [-1] * 4  # where the next '"', "'", '<', '>' sits (n: none)
    out: list = []
    keep = at = 0
    while (i := html.find(mark, at)) >= 0:  # type: ignore[arg-type]
        start = at = i + len(mark)
        for k in range(4):
            if nxt[k] < start:
                found = html.find(seps[k : k + 1], start)  # type: ignore[arg-type]
                nxt[k] = found if found >= 0 else n
        end = min(nxt[0], nxt[1])
        if end < n and min(nxt[2], nxt[3]) > end:
            out.append(html[keep:start])
            keep = at = end
    if not out:
        return html
    out.append(html[keep:])
    return html[:0].join(out)


def _text(node: LexborNode | None) -> str:
    return clean_text(node.text(deep=True, separator=" ")) if node is not None else ""


def _first_text(
    tree: LexborHTMLParser | LexborNode,
    selectors: tuple[str, ...],
    reject=None,
    seen: list[LexborNode] | None = None,
) -> tuple[str, LexborNode | None]:
    """The first of the first five matches of each selector in turn with a text (`reject` not saying no).
    The first match is looked for alone (that walk stops there); all five only when it will not do.
    `seen`, when given, gets every match looked at."""

    def usable(node: LexborNode) -> str:
        if seen is not None:
            seen.append(node)
        txt = _text(node)
        return txt if txt and not (reject and reject(txt)) else ""

    for sel in selectors if len(selectors) == 1 or _any_match(tree, selectors) else ():
        try:
            first = tree.css_first(sel)
        except Exception:  # noqa: BLE001 - a selector the engine rejects is a profile bug, not the page's
            continue
        if first is None:
            continue
        if txt := usable(first):
            return txt, first
        for node in tree.css(sel)[1:5]:
            if txt := usable(node):
                return txt, node
    return "", None


def _first_text_kept(
    tree: LexborHTMLParser, selectors: tuple[str, ...], body: LexborNode | None
) -> str | None:
    """What `_first_text(tree, selectors)` will find once `body` has been stripped and rendered, read
    before; None when that is not sure yet (a selector whose matches change as elements go, or a match
    looked at that sits in the body or holds it: nothing else changes)."""
    seen: list[LexborNode] = []
    txt, _ = _first_text(tree, selectors, seen=seen)
    if body is None:
        return txt  # (no body: nothing is stripped)
    return txt if _order_free(selectors) and _away_from(seen, body) else None


def _away_from(nodes: list[LexborNode], body: LexborNode) -> bool:
    """Whether none of the nodes is `body`, inside it, or one of its ancestors."""
    holders: set[int] = set()  # the body and its ancestors
    node: LexborNode | None = body
    while node is not None:
        holders.add(node.mem_id)
        node = node.parent
    for node in nodes:
        if node.mem_id in holders:
            return False
        up = node.parent
        while up is not None and up.mem_id not in holders:
            up = up.parent
        if up is None or up.mem_id == body.mem_id:
            return False  # inside the body (or not in its document: not sure)
    return True


class _Metas:
    """The page's <meta> tags, read in one pass: the content of the first tag per property= value
    and per name= value (what `meta[property="…"]`, then `meta[name="…"]`, would find first)."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.by_property: dict[str, str | None] = {}
        self.by_name: dict[str, str | None] = {}
        for node in tree.css("meta"):
            attrs = node.attributes
            if (prop := attrs.get("property")) is not None:
                self.by_property.setdefault(prop, attrs.get("content"))
            if (name := attrs.get("name")) is not None:
                self.by_name.setdefault(name, attrs.get("content"))

    def first(self, *names: str) -> str | None:
        """The first of `names` whose tag has content, cleaned."""
        for name in names:
            content = self.by_property[name] if name in self.by_property else self.by_name.get(name)
            if content:
                return clean_text(content, unescape=True)
        return None


def _any_match(tree: LexborHTMLParser | LexborNode, selectors: tuple[str, ...]) -> bool:
    """Whether any of the selectors matches (True when the engine rejects their list: ask each).  One
    walk of the tree instead of one per selector: most of a profile's selectors match nothing."""
    if not selectors:
        return False
    try:
        return tree.css_first(", ".join(selectors)) is not None
    except Exception:  # noqa: BLE001 - one selector the engine rejects spoils the list
        return True


@dataclass
class _TableSpan:
    index: int
    start: int
    end: int
    header: list[str]
    row_starts: list[
        tuple[int, str, list[tuple[int, int, str]]]
    ]  # (line start, row label, cells (s, e, column))


def _render(
    node: LexborNode, profile: SiteProfile, base_url: str | None
) -> tuple[str, list[Table], list[_TableSpan]]:
    """Body node to text lines; tables become rows of " | "-joined cells, remembered with offsets."""
    tables: list[Table] = []
    table_nodes = [
        t for t in node.css("table") if len(t.css("table")) <= 1
    ]  # innermost tables (css() includes the node)
    placeholders: dict[str, list[list[str]]] = {}
    for t in table_nodes:
        rows: list[list[str]] = []
        for tr in t.css("tr"):
            cells = [_text(c) for c in tr.css("th, td")]
            if any(cells):
                rows.append(cells)
        if not rows:
            t.decompose()
            continue
        header_rows = (
            1
            if (t.css_first("th") is not None or t.css_first("thead") is not None or _looks_header(rows))
            and len(rows) > 1
            else 0
        )
        tables.append(Table(rows=rows, header_rows=header_rows))
        key = f"\u2063TABLE{len(tables) - 1}\u2063"
        placeholders[key] = rows
        t.replace_with(key)  # type: ignore[arg-type]
    breaks, blocks = _breaks_and_blocks(node)
    for br in breaks:
        br.replace_with(_PARA)  # type: ignore[arg-type]
    for block in blocks:
        block.insert_before(_PARA)
        block.insert_after(_PARA)
    # Line breaks in the HTML source are spaces to a reader; only block edges end a paragraph.
    raw = _SOURCE_BREAKS.sub(" ", node.text(deep=True, separator="")).replace(_PARA, "\n")
    drop = compiled_any(profile.drop_lines)
    lines: list[str] = []
    spans: list[_TableSpan] = []
    pos = 0
    for line in raw.split("\n"):
        if line.isspace() or not line:
            continue  # (clean_text makes nothing of white space)
        line = clean_text(_OFFICE_LITERAL.sub(" ", line) if "o:p>" in line else line)
        if not line:
            continue
        if line in placeholders or (line[0] == "\u2063" and _PLACEHOLDER.fullmatch(line)):
            idx = int(line.strip("\u2063")[5:])
            rows = placeholders.get(line, [])
            tspan = _TableSpan(idx, pos, pos, rows[0] if tables[idx].header_rows else [], [])
            for r_i, row in enumerate(rows):
                cells: list[tuple[int, int, str]] = []
                col_pos = pos
                for c_i, cell in enumerate(row):
                    header = tspan.header[c_i] if c_i < len(tspan.header) else str(c_i + 1)
                    cells.append((col_pos, col_pos + len(cell), header))
                    col_pos += len(cell) + 3
                row_text = " | ".join(row)
                tspan.row_starts.append(
                    (pos, row[0] if row else "", cells if not (r_i == 0 and tables[idx].header_rows) else [])
                )
                lines.append(row_text)
                pos += len(row_text) + 1
            tspan.end = pos
            spans.append(tspan)
            continue
        if any(p.search(line, 0, None, HOLD) for p in drop):
            continue
        lines.append(line)
        pos += len(line) + 1
    return "\n".join(lines), tables, spans


def _breaks_and_blocks(node: LexborNode) -> tuple[list[LexborNode], list[LexborNode]]:
    """What `node.css("br")` and `node.css(_BLOCK_CSS)` find, in one walk that compares tag ids (a group
    of two dozen tag selectors costs lexbor two dozen tests per element)."""
    breaks: list[LexborNode] = []
    blocks: list[LexborNode] = []
    for n in node.traverse():
        tag_id = n.tag_id
        if tag_id == _BR_ID:
            breaks.append(n)
        elif tag_id in _BLOCK_TAG_IDS:
            blocks.append(n)
    return breaks, blocks


def _looks_header(rows: list[list[str]]) -> bool:
    first = rows[0]
    return (
        bool(first)
        and all(c and not _DIGIT.search(c) for c in first)
        and any(_DIGIT.search(c) for r in rows[1:] for c in r)
    )


_BLOCK_CHILDREN = frozenset("p div table ul ol li h1 h2 h3 h4 h5 h6 section article tr td form".split())


def _is_text_block(node: LexborNode) -> bool:
    """A <div> used as a paragraph (Word-pasted bodies): text and inline markup, no block inside."""
    child = node.child
    while child is not None:
        if child.tag in _BLOCK_CHILDREN:
            return False
        child = child.next
    return True


def _density_body(tree: LexborHTMLParser) -> LexborNode | None:
    """The element holding most paragraph text with few links: the body of an unknown layout.
    When <p> paragraphs give almost nothing, <div>s used as paragraphs count, each scoring for its
    parent and half for its grandparent (a body split into several wrappers stays one body)."""
    best = _densest_p(tree)
    if best is not None and len(best.text(deep=True).strip()) >= settings.DENSITY_MIN_BODY_CHARS:
        return best
    scores: dict[int, tuple[float, LexborNode]] = {}
    for block in tree.css("p, div"):
        if block.tag == "div" and not _is_text_block(block):
            continue
        n = len(block.text(deep=True).strip())
        if n < 20:
            continue
        score = n - 2 * sum(len(a.text(deep=True)) for a in block.css("a"))
        parent = block.parent
        for share in (1.0, 0.5):
            if parent is None:
                break
            prev = scores.get(parent.mem_id, (0.0, parent))
            scores[parent.mem_id] = (prev[0] + share * score, parent)
            parent = parent.parent
    if not scores:
        return best or _most_own_text(tree)
    return max(scores.values(), key=lambda s: s[0])[1]


def _densest_p(tree: LexborHTMLParser) -> LexborNode | None:
    scores: dict[int, tuple[float, LexborNode]] = {}
    for p in tree.css("p, div > br, td > br"):
        parent = p.parent
        if parent is None:
            continue
        txt = p.text(deep=True) if p.tag == "p" else (parent.text(deep=False) or "")
        n = len(txt.strip())
        if n < 20:
            continue
        link_chars = sum(len(a.text(deep=True)) for a in p.css("a")) if p.tag == "p" else 0
        score = n - 2 * link_chars
        key = parent.mem_id
        prev = scores.get(key, (0.0, parent))
        scores[key] = (prev[0] + score, parent)
    if not scores:
        return None
    return max(scores.values(), key=lambda s: s[0])[1]


def _most_own_text(tree: LexborHTMLParser) -> LexborNode | None:
    """No paragraphs at all (flattened or table layouts): the block with most text of its own."""
    best, best_len = None, 0
    for node in tree.css("div, td, section, article, main"):
        own = len((node.text(deep=False) or "").strip())
        if own > best_len:
            best, best_len = node, own
    return best if best_len >= 20 else None


def _canonical_url(tree: LexborHTMLParser, html: str, url: str | None, metas: _Metas) -> str | None:
    link = tree.css_first('link[rel="canonical"]')
    href = (link.attributes.get("href") or "").strip() if link is not None else ""
    if href and (href.startswith(("http://", "https://")) or url):
        full = urljoin(url or "", href)
        parts = urlsplit(full)
        # "http:///guest" or a link to the portal's home page says less than the address we have
        deep_enough = not url or len(parts.path.strip("/")) >= len(urlsplit(url).path.strip("/")) // 2
        if parts.hostname and deep_enough:
            return full
    m = _MIRRORED.search(html[:4000])
    if m and not url:
        target = m.group(1)
        return target if target.startswith("http") else "https://" + target
    og = metas.first("og:url")
    if og and og.startswith("http") and not url:
        return og
    return url


def _stable_id(profile: SiteProfile, url: str | None, html: str, title: str | None, body: str) -> str:
    for pattern in _compiled(profile.id_patterns):
        if url and (m := pattern.search(url)):
            return f"{profile.name}:{m.group(1)}"
    for pattern in _compiled(profile.html_id_patterns):
        if m := pattern.search(html, 0, settings.PAGE_HEAD_CHARS, HOLD):  # the head, without a copy
            return f"{profile.name}:{m.group(1)}"
    basis = (url or "") if url else f"{title}\n{body[:2000]}"
    return "sha1:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


_VIEWS = regex.compile(
    r"(?:Lượt\s+người\s+xem|Lượt\s+xem|Số\s+lượt\s+xem|Số\s+lượt\s+người\s+đọc"
    r"|Lượt\s+đọc|Views?|"
    r"View\s+count)\s*:?\s*(?:Views\s*:)?\s*(\d[\d.,]*)",
    regex.I,
)
_AUTHOR_LINE = regex.compile(
    r"(?:Tác\s+giả|Người\s+viết|Tin|Bài)\s*:\s*(?P<a>[^\n|]{2,60})", regex.I
)
_DATE_PIPE_AUTHOR = regex.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\s*\|\s*(?P<a>[\p{Lu}][^\n|]{1,50})")


def _views(text: str) -> int | None:
    m = _VIEWS.search(text)
    if not m:
        return None
    digits = _GROUPING.sub("", m.group(1))
    return int(digits) if digits.isdigit() else None


def parse_article(
    html: str | bytes,
    url: str | None = None,
    *,
    http_charset: str | None = None,
    fetched_at: str | None = None,
    with_figures: bool = True,
) -> Article:
    """Parse one article page.  Raises ParseError (one line) for input that is not a readable page."""
    html, utf8 = _page_text(html, http_charset)
    if html.find("<", 0, 100_000) < 0:
        raise NotHTML("not HTML: no markup found")
    # lexbor reads UTF-8: when the text is exactly the page's bytes, it takes them (the same tree,
    # without encoding the whole text again); `html` is then the text's head (PAGE_HEAD_CHARS)
    source: str | bytes = utf8 if utf8 is not None else html
    limited = _limit_nesting(source)
    if limited is not source:  # nested too deep: tags dropped, and the page read as that text
        source = html = limited
    tree = LexborHTMLParser(source)
    metas = _Metas(tree)
    url = _canonical_url(tree, html, url, metas)
    profile = detect(url, html)
    page = _Page(html, source)
    article = _extract(tree, page, url, profile, metas)
    if profile is not GENERIC and len(article.body_text) < 40:
        generic = _extract(LexborHTMLParser(source), page, url, GENERIC, metas)
        if len(generic.body_text) > len(article.body_text):
            article = generic.model_copy(update={"platform": profile.name, "id": article.id})
    if not article.body_text and not article.title:
        raise ParseError("no article found on the page (no title and no body text)")
    if (article.title or "").strip().lower() in _REDIRECT_TITLES and len(article.body_text) < 300:
        raise NotAnArticle(f"not an article: a redirect notice ({article.title})")
    if _is_listing(tree, profile):
        raise NotAnArticle("not an article: a listing page (use 'scraper crawl' to follow its links)")
    article.fetched_at = fetched_at
    article.content_hash = hashlib.sha256(f"{article.title}\n{article.body_text}".encode()).hexdigest()
    if with_figures and article.body_text:
        article.figures = _figures(article)
    return article


def _page_text(html: str | bytes, http_charset: str | None) -> tuple[str, bytes | None]:
    """The page as text, and its bytes when the text is exactly them read as UTF-8 (the text is then
    only sure to hold the page's first PAGE_HEAD_CHARS characters: all that is searched as text)."""
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if len(data) > MAX_HTML_BYTES:
            raise PageTooLarge(f"page too large ({len(data):,} bytes > {MAX_HTML_BYTES:,})")
        try:
            text, utf8 = decode_html_head(data, http_charset, settings.PAGE_HEAD_CHARS)
        except DecodeError as exc:
            raise NotHTML(str(exc)) from None
        return text, utf8
    if not isinstance(html, str):
        raise ParseError(f"expected HTML text or bytes, got {type(html).__name__}")
    if len(html) > MAX_HTML_BYTES:
        raise PageTooLarge(f"page too large ({len(html):,} characters)")
    if not html.strip():
        raise NotHTML("empty document")
    if "\x00" in html[:4096]:
        raise NotHTML("binary content, not an HTML or text document")
    from ..legacy import fix_legacy_vietnamese

    return fix_legacy_vietnamese(html), None


# SharePoint display forms (DispForm.aspx, list item pages) put each field in a label/value row.
_FORM_FIELDS = {
    "title": ("tiêu đề", "title", "tên bài viết"),
    "published": (
        "ngày xuất bản", "ngày đăng", "ngày ban hành", "thời gian", "created", "ngày tạo"
    ),
    "author": ("tác giả", "author", "người viết"),
    "views": ("số lượt người đọc", "lượt xem", "số lượt xem"),
    "summary": ("tóm tắt", "mô tả", "summary"),
    "category": ("phân loại", "chuyên mục", "danh mục", "loại tin"),
}


def _form_fields(tree: LexborHTMLParser) -> dict[str, str]:
    out: dict[str, str] = {}
    for label in tree.css("td.ms-formlabel"):
        value_node = label.next
        while value_node is not None and value_node.tag != "td":
            value_node = value_node.next
        if value_node is None:
            continue
        key = _text(label).strip(" :*").lower()
        value = _text(value_node)
        if not value:
            continue
        for field, names in _FORM_FIELDS.items():
            if key in names and field not in out:
                out[field] = value
    return out


def _find_body(tree: LexborHTMLParser, profile: SiteProfile) -> LexborNode | None:
    return _best_body(tree, profile) or _density_body(tree)


def _strip_chrome(
    body_node: LexborNode, profile: SiteProfile, title: str | None
) -> tuple[list[str], str | None]:
    """Take the chrome out of the body: the profile's drops, a copied headline, photo captions, trailing
    attachment lines and the byline at its end.  Returns the captions and that byline."""
    _drop_matches(body_node, profile.drop)
    _drop_foreign_headline(body_node, title)
    captions = _pop_captions(body_node)
    _drop_trailing_attachment_lines(body_node)
    author = _pop_right_aligned_author(body_node, last_only=not profile.author_in_body_last_right)
    return captions, author


@lru_cache(maxsize=64)
def _order_free(selectors: tuple[str, ...]) -> bool:
    """Whether what the selectors match can only shrink as elements are removed: no pseudo-class and no
    sibling combinator (':', '+', '~'; a ':' inside an attribute value is taken as one too)."""
    return not any(c in sel for sel in selectors for c in ":+~")


def _drop_matches(body: LexborNode, selectors: tuple[str, ...]) -> None:
    """Remove what the selectors match inside `body`, as removing each selector's matches in turn does.
    For selectors whose matches only shrink as elements go, one walk finds them all, and the outermost
    matches are removed (each takes the matches inside it along)."""
    if not _order_free(selectors):
        for sel in selectors if _any_match(body, selectors) else ():
            for n in body.css(sel):
                n.decompose()
        return
    try:
        found = body.css(", ".join(selectors)) if selectors else []
    except Exception:  # noqa: BLE001 - one selector the engine rejects spoils the list: ask each
        for sel in selectors:
            for n in body.css(sel):
                n.decompose()
        return
    ids = {n.mem_id for n in found}
    outermost = [n for n in found if not _inside_any(n, ids, body.mem_id)]  # all read before any goes
    for n in outermost:
        n.decompose()


def _inside_any(node: LexborNode, ids: set[int], stop: int) -> bool:
    """Whether an ancestor of `node`, up to the one whose mem_id is `stop`, has its mem_id in `ids`."""
    if node.mem_id == stop:
        return False
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        if parent.mem_id == stop:
            return False
        parent = parent.parent
    return False


def _body_html_again(html: str | bytes, profile: SiteProfile, title: str | None) -> str:
    """The body's HTML as it stood just before `_render` rewrote it, from a fresh parse of the same page
    (deterministic): only a rare byline check needs it, so most pages never serialise their body."""
    body_node = _find_body(LexborHTMLParser(html), profile)
    if body_node is None:
        return ""
    _strip_chrome(body_node, profile, title)
    return body_node.html or ""


class _Page(NamedTuple):
    """A page as read: its text, at least the first PAGE_HEAD_CHARS characters (all that is searched as
    text), and what lexbor parses (the page's UTF-8 bytes, or its whole text)."""

    head: str
    markup: str | bytes


def _extract(
    tree: LexborHTMLParser, page: _Page, url: str | None, profile: SiteProfile, metas: _Metas
) -> Article:
    """Read one page: the profile's selectors are priors; position, agreement and typography decide."""
    page_title = _text(tree.css_first("title"))
    form = _form_fields(tree) if profile.name == "sharepoint" else {}
    body_node = _find_body(tree, profile)
    layout = Layout.of(tree)  # before anything is taken out of the tree
    body_start = layout.at(body_node)
    body_end = layout.end_of(body_node) if body_node is not None else None
    title, title_node = _read_title(tree, layout, body_start, url, profile, page_title, metas)
    if form.get("title"):
        title, title_node = form["title"], None
    title_pos = layout.at(title_node)
    title_end = title_pos + len(" " + title) if title_pos is not None and title else None
    if title_pos is not None and body_start is not None and body_end and body_start < title_pos < body_end:
        title_end = None  # a title inside the body container: its date line sits before the body text
    form_date = parse_published(form["published"], us_order=True) if form.get("published") else None
    published = form_date
    if published is None:
        published = _read_date(tree, layout, profile, (title_pos, title_end, body_start), metas)
    lead = lead_before(layout, title_end if title_end is not None else title_pos, body_start, title)
    # read while every node the layout holds is alive: stripping the body frees the nodes it removes
    category = form.get("category") or _first_text_kept(tree, profile.category, body_node)  # None: not sure
    section_above = None if category else category_before(layout, title_pos)
    author = None
    attachments: list[Attachment] = []
    body_text, tables, spans, captions = "", [], [], []
    summary, _ = _first_text(tree, profile.summary)
    summary = summary or form.get("summary", "") or lead or ""
    if body_node is not None:
        attachments = _attachments(body_node, profile, url)
        captions, author = _strip_chrome(body_node, profile, title)
        body_text, tables, spans = _render(body_node, profile, url)
        body_text, cut = _trim_ends(body_text, title)
        _shift_spans(spans, -cut)
        if author is None:
            again = partial(_body_html_again, page.markup, profile, title)
            body_text, author = _split_byline(body_text, again)
        if lead and not fold(body_text[: len(lead) + 5]).startswith(fold(lead)[:60]):
            body_text = lead + "\n" + body_text
            _shift_spans(spans, len(lead) + 1)
    # Page-level attachment lists (NukeViet download box, SharePoint list attachments).
    listed = compiled_any(profile.attachment_patterns)
    for a in tree.css("a[href]") if listed else ():
        href = a.attributes.get("href") or ""
        if listed[0].search(href, 0, None, HOLD) and _DOC_EXT.search(href, 0, None, HOLD):
            att = _attachment(href, a, url)
            if att.url not in {x.url for x in attachments}:
                attachments.append(att)
    if author is None:
        author = _header_byline(tree, layout, profile, form, title_pos, body_start)
    if category is None:  # (not sure before the body was stripped: read now)
        category = _first_text(tree, profile.category)[0]
    if not category:
        category = (
            section_above
            or metas.first("article:section")
            or _category_from_title(page_title, title)
        )
    views_text, _ = _first_text(tree, profile.views)
    views = _views(views_text) if views_text else None
    if views is None and form.get("views"):
        digits = _GROUPING_SPACE.sub("", form["views"])
        views = int(digits) if digits.isdigit() else None
    if views is None:
        after = layout.text[body_end : body_end + 20000] if body_end is not None else layout.text[-20000:]
        views = _views(after)
    html_node = tree.css_first("html")
    language = (
        (html_node.attributes.get("lang") or "").split("-")[0].lower() or None
        if html_node is not None
        else None
    )
    body_text = normalize(body_text)
    art = Article(
        url=url,
        id=_stable_id(profile, url, page.head, title, body_text),
        site=urlsplit(url).hostname if url else None,
        platform=profile.name,
        title=normalize(title) if title else None,
        published=published or form_date,
        author=normalize(author) if author else None,
        category=normalize(category) if category else None,
        views=views,
        summary=normalize(summary) if summary else None,
        body_text=body_text,
        tables=tables,
        attachments=attachments,
        captions=[normalize(c) for c in captions],
        language=language,
    )
    art._table_spans = spans
    return art


def _read_title(
    tree: LexborHTMLParser,
    layout: Layout,
    body_start: int | None,
    url: str | None,
    profile: SiteProfile,
    page_title: str,
    metas: _Metas,
) -> tuple[str, LexborNode | None]:
    prior: list[LexborNode] = []
    for sel in profile.title if _any_match(tree, profile.title) else ():
        try:
            prior.extend(tree.css(sel)[:3])
        except Exception:  # noqa: BLE001 - a selector the engine rejects is a profile bug, not the page's
            continue
    best = best_title(
        layout,
        body_start,
        url=url,
        og_title=metas.first("og:title"),
        page_title=page_title,
        prior=prior,
        prior_weight=0.3 if profile is GENERIC else 1.0,
        chrome=compiled_any(profile.drop_lines),
    )
    if best is None:
        return _strip_site(page_title) if not is_portal_text(_strip_site(page_title)) else "", None
    return best.text, best.node


def _read_date(
    tree: LexborHTMLParser,
    layout: Layout,
    profile: SiteProfile,
    around: tuple[int | None, int | None, int | None],
    metas: _Metas,
) -> str | None:
    """`<time datetime>` near the title is exact; else the best-scored date line; else the page's
    machine-readable date (meta tags, JSON-LD).  None when the page shows none.  `around` is
    (title start, title end, body start)."""
    title_pos, title_end, body_start = around
    lo = (title_pos if title_pos is not None else (body_start or 0)) - settings.DATE_BEFORE_TITLE_CHARS
    hi = (body_start if body_start is not None else (title_end or 0) + settings.DATE_AFTER_TITLE_CHARS) + 1
    for node in tree.css("time[datetime]"):
        pos = layout.at(node)
        if pos is None or not lo <= pos <= hi:
            continue  # (its stamp is read only when it sits near the title)
        if iso := parse_published(node.attributes.get("datetime") or ""):
            return iso
    prior = None
    date_text, date_node = _first_text(tree, profile.date)
    if date_node is not None and (pos := layout.at(date_node)) is not None:
        prior = (pos, pos + len(date_text) + 2)
    hit = best_date(layout, title_pos, title_end, body_start, prior)
    if hit is not None and (iso := parse_published(hit.raw, us_order=profile.name == "sharepoint")):
        return iso
    meta = metas.first("article:published_time", "og:published_time", "pubdate", "dc.date", "DC.date.issued")
    return parse_published(meta or "") or parse_published(_json_ld_date(tree) or "")


def _json_ld_date(tree: LexborHTMLParser) -> str | None:
    for node in tree.css('script[type="application/ld+json"]'):
        m = _DATE_PUBLISHED.search(node.text() or "")
        if m:
            return m.group(1)
    return None


def _header_byline(
    tree: LexborHTMLParser,
    layout: Layout,
    profile: SiteProfile,
    form: dict[str, str],
    title_pos: int | None,
    body_start: int | None,
) -> str | None:
    """A byline above the body: the display form's field, the profile's author block, a meta line
    "25/06/2021 | Đoan Trang" or "Tác giả: …" between the title and the body."""
    if form.get("author") and (name := person_or_none(form["author"])):
        return name
    author_text, _ = _first_text(tree, profile.author)
    if author_text and (name := person_or_none(author_text)):
        return name
    if title_pos is None and body_start is None:
        return None
    lo = max(0, (title_pos if title_pos is not None else body_start or 0) - settings.DATE_BEFORE_TITLE_CHARS)
    hi = (body_start if body_start is not None and body_start > lo else lo + 3000) + 1
    zone = layout.text[lo:hi]
    for pattern in (_DATE_PIPE_AUTHOR, _AUTHOR_LINE):
        for m in pattern.finditer(zone):
            if name := person_or_none(m.group("a")):
                return name
    return None


_OFFICE_LITERAL = regex.compile(r"\s*</?o:p>\s*")
_TAIL_CHROME = regex.compile(
    r"(?i)^(?:xem\s+(?:chi\s+tiết|tiếp|thêm)(?:\s+tại\s+đây)?|\(?\s*nguồn\s*(?:tin)?\s*[:“\"(].*"
    r"|"
    r"\(?\s*theo\s*:?\s*(?:https?://|www\.)\S+\)?|tin\s+đang\s+được\s+cập\s+nhật|bản\s+in"
    r"|in\s+bài\s+viết)$"
)


def _trim_ends(body: str, title: str | None) -> tuple[str, int]:
    """The title repeated at the top, and 'Xem chi tiết', source lines, counters at the bottom, are
    not body.  Returns the body and how many characters left its head (table offsets move by that)."""
    lines = body.split("\n")
    ftitle = fold(title or "")
    cut = 0
    while len(lines) > 1 and ftitle and fold(clean_title(lines[0])) == ftitle:
        cut += len(lines.pop(0)) + 1
    while lines and (_TAIL_CHROME.match(lines[-1]) or (len(lines[-1]) <= 80 and lines[-1].endswith(":"))):
        lines.pop()  # chrome, a source line, or a photo block's intro left with nothing after it
    return "\n".join(lines), cut


def _shift_spans(spans: list[_TableSpan], shift: int) -> None:
    """Table offsets follow the body text when lines are added or taken at its head."""
    if not shift:
        return
    for ts in spans:
        ts.start += shift
        ts.end += shift
        ts.row_starts = [
            (ls + shift, lbl, [(cs + shift, ce + shift, h) for cs, ce, h in cells])
            for ls, lbl, cells in ts.row_starts
        ]


def _drop_foreign_headline(body: LexborNode, title: str | None) -> None:
    """An <h1>/<h2> opening the body with another headline (a copied source article's) is not body."""
    for node in body.css("h1, h2"):
        text = _text(node)
        if not text:
            continue
        first = _text(body)[: len(text) + 5]
        if text in first and fold(text) != fold(title or "") and len(text) >= 30:
            node.decompose()
        return


def _remove(node: LexborNode, removed: set[int]) -> None:
    """Take a node out of the tree, noting its descendants (freed with it)."""
    removed.update(n.mem_id for n in node.traverse(include_text=False))
    node.decompose()


def _pop_captions(body: LexborNode) -> list[str]:
    """Photo captions (figcaption, .caption, a centred/italic short line right after an image) kept
    apart from the prose."""
    out: list[str] = []
    images = body.css_first("img") is not None  # none in the body: no block inside it follows one
    removed: set[int] = set()  # nodes inside a caption taken out: freed, never to be read again
    for node in body.css("figcaption, .caption, .image-caption, .PhotoCMS_Caption, p, div"):
        if node.mem_id in removed:
            continue
        cls = node.attributes.get("class") or ""
        captioned = node.tag == "figcaption" or "caption" in cls.lower()
        if not captioned:  # the cheap structural tests first: most blocks follow no image
            if not images and node.mem_id != body.mem_id:
                continue  # (the body's own previous sibling is outside it)
            if node.tag not in ("p", "div") or node.css_first("img") is not None:
                continue
            prev = node.prev
            while prev is not None and prev.tag == "-text" and not (prev.text_content or "").strip():
                prev = prev.prev
            if prev is None or prev.css_first("img") is None or _text(prev):
                continue
        text = _text(node)
        if not text or len(text) > 300:
            continue
        if captioned:
            out.append(text)
            _remove(node, removed)
            continue
        style = (node.attributes.get("style") or "").replace(" ", "").lower()
        centred = (node.attributes.get("align") or "").lower() == "center" or "text-align:center" in style
        italic = node.css_first("em, i") is not None and len(_text(node.css_first("em, i"))) >= len(text) - 3
        if centred or italic:
            out.append(text)
            _remove(node, removed)
    return out


def _best_body(tree: LexborHTMLParser, profile: SiteProfile) -> LexborNode | None:
    for sel in profile.body if _any_match(tree, profile.body) else ():
        try:
            nodes = tree.css(sel)
        except Exception:  # noqa: BLE001
            continue
        texts = [(t, n) for n in nodes if len((t := n.text(deep=True)).strip()) >= 40]  # each read once
        if texts:
            return max(texts, key=lambda tn: len(tn[0]))[1]
    return None


def _is_right_aligned(p: LexborNode) -> bool:
    attrs = p.attributes  # a new dict on every access: read it once
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return (attrs.get("align") or "").lower() == "right" or "text-align:right" in style


def _is_bold(p: LexborNode, text: str) -> bool:
    """Bold by style, or a <strong>/<b> holding (nearly) all of its `text`."""
    style = (p.attributes.get("style") or "").replace(" ", "").lower()
    strong = p.css_first("strong, b")
    return "font-weight:bold" in style or (strong is not None and len(_text(strong)) >= len(text) - 3)


_DOC_FOLDER = regex.compile(r"/(?:Attachments|documents|uploads|files?)/", regex.I)


def _is_attachment_link(p: LexborNode) -> bool:
    """A line that is (mostly) a link to a document: an attachment, never a byline."""
    for a in p.css("a[href]"):
        href = a.attributes.get("href") or ""
        if _DOC_EXT.search(href) or _DOC_FOLDER.search(href):
            return True
    return False


def _last_lines(body: LexborNode, k: int) -> list[tuple[LexborNode, str]]:
    """The body's last `k` text paragraphs with their text, last first: p/div with text and no block
    children.  Chosen before the caller removes any of them."""
    out: list[tuple[LexborNode, str]] = []
    for p in reversed(body.css("p, div")):
        if not has_blocks(p) and (text := _text(p)):
            out.append((p, text))
            if len(out) == k:
                break
    return out


def _drop_trailing_attachment_lines(body: LexborNode) -> None:
    """Lines at the end of the body that are only a link to a document ("Báo cáo", "Tải về"): the
    attachment is recorded in `attachments`; its link words are not prose."""
    if not _is_attachment_link(body):
        return  # no document link anywhere in the body: no line is one
    for p, _ in _last_lines(body, 3):
        link_words = sum(len(_text(a)) for a in p.css("a[href]"))
        if not _is_attachment_link(p) or link_words < len(_text(p)) - 2:
            return
        p.decompose()


def _pop_right_aligned_author(body: LexborNode, *, last_only: bool = False) -> str | None:
    """The byline Vietnamese portals put at the end of the body: a short name line, right-aligned or
    bold or upper-case.  On Liferay the posting account follows it, so the last such paragraph anywhere
    counts; elsewhere only the body's last lines, so a right-aligned line mid-article stays text.
    A line linking a document ("Báo cáo") is the attachment, not the author."""
    removed = False  # a removed line may sit inside an earlier one: its text is then read again
    documents = _is_attachment_link(body)  # lines are removed, never added: none stays none
    lines: Iterable[tuple[LexborNode, str]]
    if last_only:
        lines = _last_lines(body, 2)
    else:  # every line, chosen now; each text read when the walk gets there (the byline sits at the end)
        blocks = [p for p in reversed(body.css("p, div")) if not has_blocks(p)]
        lines = ((p, txt) for p in blocks if (txt := _text(p)))  # a text emptied by a removal does nothing
    for p, txt in lines:
        if documents and _is_attachment_link(p):
            continue
        if removed:
            txt = _text(p)
        if is_posting_account(txt):
            p.decompose()  # the CMS account that posted the item: neither a person nor prose
            removed = True
            continue
        if len(txt) <= 60 and _is_author_line(p, txt, last_only):
            name = person_or_none(txt)
            if name:
                p.decompose()
                return name
        if last_only:
            break
    return None


def _is_author_line(p: LexborNode, txt: str, last_only: bool) -> bool:
    """Set apart as a byline: right-aligned (and emphasised, for the last line), or bold or upper-case
    as the body's last line."""
    right = _is_right_aligned(p)
    if not (right or last_only):
        return False  # (asked of every short line on Liferay: the style attribute first)
    bold = _is_bold(p, txt)
    styled = right and (bold or p.css_first("em, i") is not None or not last_only)
    return styled or (last_only and (bold or (txt.isupper() and len(txt) <= 40)))


_NAME_LINE = regex.compile(
    r"(?:\p{Lu}[\p{Ll}\p{M}]*\.?\s+){1,4}\p{Lu}[\p{Ll}\p{M}]*(?:\s*\((?:tổng\s+hợp|TH|st)\))?"
)
_CREDIT_LINE = regex.compile(
    r"(?:Tin|Bài|Ảnh|Tin\s*,\s*ảnh|Bài\s*,\s*ảnh|Bài\s+và\s+ảnh"
    r"|Tin\s+và\s+ảnh)\s*:\s*(?P<a>[^\n]{2,60})",
    regex.I,
)


_END_MARK_NAME = regex.compile(r"^(?P<body>.*?(?:\./\.|\.\s*/\s*\.))[\s\u00a0]+(?P<a>[^\n]{2,60})$")


def _split_byline(body: str, body_html: Callable[[], str]) -> tuple[str, str | None]:
    """A last line that is a credit ("Tin, ảnh: Minh Anh"), a bold personal name, or a name padded
    after the closing "./." is the byline; a source line ("Nguồn: …", "Theo: URL") is not.
    `body_html()` gives the body's HTML, asked for only when the last line looks like a name."""
    head, _, last = body.rpartition("\n")
    if m := _END_MARK_NAME.match(last):
        if name := person_or_none(m.group("a")):
            return (head + "\n" if head else "") + m.group("body").rstrip(), name
    if not head:
        return body, None
    if (m := _CREDIT_LINE.fullmatch(last)) and (name := person_or_none(m.group("a"))):
        return head, name
    if _NAME_LINE.fullmatch(last) and regex.search(
        rf"<(b|strong|em)[^>]*>\s*{regex.escape(last)}\s*</\1>", body_html()
    ):
        if name := person_or_none(last):
            return head, name
    return body, None


def _strip_site(page_title: str) -> str:
    parts = _TITLE_SEP.split(page_title)
    return parts[0] if parts else page_title


def _category_from_title(page_title: str, title: str | None) -> str | None:
    parts = _TITLE_SEP.split(page_title)
    if title and len(parts) >= 3 and parts[0].strip() == title.strip():
        return parts[1]
    return None


def _attachment(href: str, a: LexborNode, base: str | None) -> Attachment:
    full = urljoin(base or "", htmllib.unescape(href.strip()))
    path = urlsplit(full).path
    m = _DOC_EXT.search(path)
    name_part = path[: m.end(1) + 1] if m else path
    name = name_part.rstrip("/").rsplit("/", 1)[-1]
    from urllib.parse import unquote

    return Attachment(url=full, name=unquote(name) or _text(a), type=m.group(1).lower() if m else None)


def _attachments(body: LexborNode, profile: SiteProfile, base: str | None) -> list[Attachment]:
    out: list[Attachment] = []
    seen: set[str] = set()
    for a in body.css("a[href]"):
        href = a.attributes.get("href") or ""
        if _DOC_EXT.search(href) or any(p.search(href) for p in _compiled(profile.attachment_patterns)):
            att = _attachment(href, a, base)
            if att.url not in seen:
                seen.add(att.url)
                out.append(att)
    return out


def _figures(article: Article) -> list[Figure]:
    """The body's figures through the extraction seam, told where the table cells are."""
    from ..extract.document import (
        Cell,
        TableRegion,
        figures_in_text,
    )  # late: parse does not need extract to load

    spans: list[_TableSpan] = article._table_spans
    tables = [TableRegion(ts.index, ts.start, ts.end) for ts in spans]
    cells = [
        Cell(s, e, ts.index, label or None, header)
        for ts in spans
        for _line_start, label, row_cells in ts.row_starts
        for s, e, header in row_cells
    ]
    try:
        return figures_in_text(
            article.body_text, cells=cells, tables=tables, published=article.published, headline=article.title
        )
    except TooLarge as exc:
        raise PageTooLarge(str(exc)) from None
