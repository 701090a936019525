"""Cues that hold across Vietnamese portals: where the title, the date line, the lead, the byline and
the section name sit relative to the article body, whatever the class names are.

One walk over the page (`Layout.of`) lays its visible text out in document order and remembers where
each element starts; every reader below scores candidates by position against that layout (close
before the body, not inside it, not after it, not inside a link) plus agreement with the page's other
signals (og:title, <title>, the URL slug) and typography.  A site profile's selector is one more cue,
a strong prior, never the only path.  Everything here is linear in the page size.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .. import settings
from ..text import HOLD, clean_text

__all__ = [
    "Layout",
    "best_title",
    "best_date",
    "lead_before",
    "category_before",
    "person_or_none",
    "is_posting_account",
    "is_portal_text",
    "slug_words",
    "fold",
    "clean_title",
    "has_blocks",
]

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "select", "option", "textarea"}
)
_HEADINGS = {"h1": 1.0, "h2": 0.8, "h3": 0.5, "h4": 0.3}
_TITLE_TAGS = frozenset({"h1", "h2", "h3", "h4", "p", "div", "span", "td", "strong", "b", "a", "font"})
_TITLE_CLASS = regex.compile(r"title|tieu.?de|heading|headline|tit\b|caption-news", regex.I)
_LEAD_CLASS = regex.compile(r"sapo|lead|summary|tom.?tat|hometext|description|intro|trich.?yeu", regex.I)
_CRUMB_CLASS = regex.compile(r"breadcrumb|duong.?dan|duongdan|path-?nav|navpath|sitemap-path", regex.I)
_BIG_FONT = regex.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em)", regex.I)
_BOLD = regex.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", regex.I)
_LINE_TAGS = frozenset(
    "p div br li tr td th h1 h2 h3 h4 h5 h6 table ul ol section article header footer".split()
)
_CONTAINER = "p, div, h1, h2, h3, h4, table, ul, ol, li"


def _tag_ids(names: frozenset[str]) -> frozenset[int]:
    """lexbor's ids of the named (standard) tags, read from a parse of one of each: the layout walk
    compares a node's id (an int) instead of building its tag name."""
    probe = LexborHTMLParser(
        "<table><tr><th></th><td></td></tr></table>" + "".join(f"<{t}></{t}>" for t in sorted(names))
    )
    found = {node.tag: node.tag_id for node in probe.root.traverse()}
    return frozenset(found[name] for name in names)


_LINE_TAG_IDS = _tag_ids(_LINE_TAGS)
_TITLE_TAG_IDS = _tag_ids(_TITLE_TAGS)
_TEXT_ID = LexborHTMLParser("<p>x</p>").css_first("p").child.tag_id  # a text node ("-text")
# lexbor numbers its special nodes ("-undef", "-text", "-document", "-comment", …: names that start with
# "-") first, then the standard elements from "a" on; custom elements get ids past those.
_A_ID = _FIRST_ELEMENT_ID = min(_tag_ids(frozenset({"a"})))
_SKIP_IDS = _tag_ids(_SKIP)
# Words every `_CRUMB_CLASS` match contains, found by lexbor in class or id (ASCII case-insensitively,
# as the pattern's IGNORECASE matches them): the elements the breadcrumb reader looks at.
_CRUMB_WORDS = ("breadcrumb", "duong", "path")
_CRUMB_CSS = ", ".join(f'[{attr}*="{word}" i]' for attr in ("class", "id") for word in _CRUMB_WORDS)
_ESCAPED_OFFICE = regex.compile(r"</?o:p>|<!\[if[^\]]*\]>|<!\[endif\]>")

# Texts that sit where a title would on every page of a portal: its name, its sections, its menu.
_PORTAL_WORDS = regex.compile(
    r"(?i)^(?:trang\s+chủ|home|root|chuyên\s+mục|danh\s+mục|tin\s+tức(?:\s*[-–]\s*sự\s+kiện)?|"
    r"tin\s+tức\s+sự\s+kiện|tin\s+nổi\s+bật|thông\s+báo|tin\s+mới(?:\s+hơn)?"
    r"|tin\s+đã\s+đưa|tin\s+khác|"
    r"các\s+tin\s+khác|tin\s+liên\s+quan|liên\s+kết\s+website|văn\s+bản\s+mới|giới\s+thiệu"
    r"|liên\s+hệ|"
    r"sơ\s+đồ\s+site|menu|tìm\s+kiếm|search)\s*:?$"
)
_SITE_NAME = regex.compile(
    r"(?i)cổng\s+thông\s+tin|trang\s+thông\s+tin\s+điện\s+tử|website|portal|trang\s+chủ|^ubnd\s|"
    r"^ủy\s+ban\s+nhân\s+dân\s|^sở\s+[\p{L} ]+tỉnh\s|bản\s+quyền|copyright"
)
# A word every `_SITE_NAME` match holds, in case-folded text: most texts skip the pattern.
_SITE_WORDS = ("cổng", "trang", "web", "portal", "ubnd", "ủy", "sở", "bản", "copy")
_COMMON_LOWER = "nhtgcia"  # frequent in Vietnamese words, and never upper-case
_TRAILING_DATE = regex.compile(r"\s*\(\s*[\d\s/.:,TZ+-]*\)\s*$")

# Date expressions: d/m/y with '/', '.', '-' or spaces, an optional time; ISO stamps; spelled dates.
_DATE_ANY = regex.compile(
    r"(?<!\d)(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?:\s*(?:[,|-]|lúc|\s)\s*\d{1,2}\s*[:hH]\s*\d{1,2}"
    r"(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|(?<=(?:ngày|đăng|nhật|date)\s*:?\s*)\d{1,2}\s+\d{1,2}\s+\d{4})(?!\d)",
    regex.I,
)
_DATE_LABEL = regex.compile(
    r"(?i)(?:ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|ngày\s+xuất\s+bản|xuất\s+bản"
    r"|cập\s+nhật(?:\s+lúc)?|"
    r"ngày\s+cập\s+nhật|"
    r"thời\s+gian\s+đăng|ngày\s+ban\s+hành|publish(?:ed)?\s+date|posted|ngày|thời\s+gian)\s*:?\s*$"
)
_WEEKDAY = regex.compile(
    r"(?i)(?:thứ\s+(?:[2-7]|hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*[,-]?\s*(?:ngày\s*)?$"
)
ADJACENT = 80  # text characters between a date line or section label and the title it belongs to
TIME_BEFORE = regex.compile(
    r"(?P<t>\d{1,2}\s*[:hH]\s*\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)\s*(?:,|-|\||ngày)?\s*$", regex.I
)
_HAS_TIME = regex.compile(r"\d\s*[:hH]\s*\d")

_POSTING_ACCOUNTS = frozenset(
    {
        "admin",
        "admin admin",
        "administrator",
        "quantri",
        "quản trị",
        "quản trị viên",
        "webmaster",
        "pho ban bien tap",
        "ban biên tập",
        "biên tập viên",
        "btv",
        "editor",
        "user",
        "system",
        "guest",
    }
)
_NOT_NAMES = regex.compile(
    r"(?i)^(?:báo\s+cáo|tải\s+về|tải\s+xuống|download|file\s+đính\s+kèm|tệp\s+đính\s+kèm"
    r"|văn\s+bản|"
    r"đính\s+kèm|"
    r"xem\s+tiếp|xem\s+thêm|chi\s+tiết|quay\s+lại|về\s+đầu\s+trang|in\s+bài|bản\s+in"
    r"|chia\s+sẻ|tin\s+khác)\b"
)
_BYLINE_LABEL = regex.compile(
    r"(?i)^(?:tác\s+giả|người\s+viết|bài\s+và\s+ảnh|tin\s+và\s+ảnh|tin\s*,\s*ảnh"
    r"|bài\s*,\s*ảnh|"
    r"bài|tin|ảnh|thực\s+hiện|nhóm\s+pv)\s*:?\s*"
)
_SOURCE_WORD = regex.compile(r"(?i)(?:nguồn|theo)\b")
_NAME_END = regex.compile(r"\s+[-–]\s+|\s*\(")
_NOT_A_NAME = regex.compile(r"\d{3,}|https?://|www\.")
_PAGE_EXT = regex.compile(r"\.(?:html?|aspx|php|jsp)$", regex.I)
_SLUG_SEP = regex.compile(r"[-_+\s]+")
_WORDS = regex.compile(r"\w+")
_NOT_LETTERS = regex.compile(r"[\W\d_]+")
_PAGE_TITLE_SEP = regex.compile(r"\s+[-|–»]\s+|\s*\|\s*")
_YEAR_DIGITS = regex.compile(r"\d{4}")  # every `_DATE_ANY` alternative writes a four-digit year
_NAME_WORD = regex.compile(r"[\p{Lu}][\p{Ll}\p{M}]*\.?|[\p{Lu}\p{M}]{2,}")


@dataclass
class Layout:
    """The page's visible text in document order, and where each element's text starts in it."""

    text: str
    start: dict[int, int]
    links: list[tuple[int, int]]  # text ranges inside <a>
    elements: list[LexborNode] = field(default_factory=list)  # elements in document order
    positions: list[int] = field(default_factory=list)  # where each of them starts
    root: LexborNode | None = None  # the <body> walked

    def crumbs(self) -> list[LexborNode]:
        """The elements whose class or id holds a breadcrumb word, in document order (asked of the page as
        it came: only the section reader needs them, and only when no other cue names the section)."""
        return self.root.css(_CRUMB_CSS) if self.root is not None else []

    def between(self, lo: int, hi: int) -> list[LexborNode]:
        """Elements starting in [lo, hi), found by bisection (the list is in document order)."""
        return self.elements[bisect_left(self.positions, lo) : bisect_left(self.positions, hi)]

    @classmethod
    def of(cls, tree: LexborHTMLParser) -> Layout:
        root = tree.body
        if root is None:
            return cls("", {}, [], [])
        parts: list[str] = []
        start: dict[int, int] = {}
        links: list[tuple[int, int]] = []
        elements: list[LexborNode] = []
        positions: list[int] = []
        shown: dict[int, bool | None] = {}  # per parent (text nodes often share one): in a link, or hidden
        pos = 0
        in_text = False  # the last part is text, not a line end
        add_element, add_position = elements.append, positions.append
        for node in root.traverse(include_text=True, skip_empty=True):  # lexbor skips blank text
            tag_id = node.tag_id  # an int: most nodes are elements, whose names need not be built
            if tag_id >= _FIRST_ELEMENT_ID:  # (an element: most nodes are)
                if in_text and tag_id in _LINE_TAG_IDS:
                    parts.append("\n")  # a block edge ends a line: "25/06/2021 | Name" stops there
                    pos += 1
                    in_text = False
                start[node.mem_id] = pos
                add_element(node)
                add_position(pos)
            elif tag_id == _TEXT_ID:
                if (parent := node.parent) is None:
                    continue
                pid = parent.mem_id  # the parent first: a script's text is never read out
                if pid not in shown:
                    shown[pid] = None if parent.tag_id in _SKIP_IDS else _in_link(parent)
                linked = shown[pid]
                if linked is None:
                    continue
                txt = node.text_content
                if not txt or txt.isspace():
                    continue
                txt = one_line(txt)
                if linked:
                    links.append((pos, pos + 1 + len(txt)))
                start[node.mem_id] = pos
                parts += (" ", txt)
                pos += 1 + len(txt)
                in_text = True
        return cls("".join(parts), start, links, elements, positions, root)

    def at(self, node: LexborNode | None) -> int | None:
        return None if node is None else self.start.get(node.mem_id)

    def end_of(self, node: LexborNode) -> int:
        """Offset just past the node's text: where the first text or element after it starts."""
        n: LexborNode | None = node
        while n is not None:
            nxt = n.next
            while nxt is not None:
                if nxt.mem_id in self.start:
                    return self.start[nxt.mem_id]
                nxt = nxt.next
            n = n.parent
        return len(self.text)

    def in_link(self, offset: int) -> bool:
        # links are sorted by construction: bisect for the first one ending after the offset
        i = bisect_right(self.links, offset, key=itemgetter(1))
        return i < len(self.links) and self.links[i][0] <= offset


def _in_link(node: LexborNode | None) -> bool:
    for _ in range(4):
        if node is None:
            return False
        if node.tag_id == _A_ID and node.attributes.get("href") not in (None, "", "#"):
            return True
        node = node.parent
    return False


_BLOCKS = frozenset(_CONTAINER.replace(",", " ").split()) | {
    "section",
    "article",
    "tr",
    "td",
    "form",
    "h5",
    "h6",
}


_BLOCK_IDS = _tag_ids(_BLOCKS)


def has_blocks(node: LexborNode) -> bool:
    """Whether block elements sit right inside the node (a container, not a headline or a paragraph);
    looks at its children only, so asking costs nothing on a page-wide wrapper."""
    child = node.child
    while child is not None:
        if child.tag_id in _BLOCK_IDS:
            return True
        child = child.next
    return False


def one_line(text: str) -> str:
    """`" ".join(text.split())`, without the split when nothing is to join: a printable text holds no
    white space but the plain space (every other kind is a control or separator character)."""
    if text.isprintable() and "  " not in text:
        return text.strip()
    return " ".join(text.split())


def _node_text(node: LexborNode) -> str:
    return clean_text(node.text(deep=True, separator=" "))


def _mark_class(code_points: list[int]) -> str:
    """A character class of the code points (sorted), as ranges."""
    ranges: list[list[int]] = []
    for c in code_points:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "[" + "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]"


# Every combining mark of the Basic Multilingual Plane, deleted in `fold` by one scan of the standard
# engine (a class of ranges: 3x faster than str.translate, which looks each character up in a dict).
_STRIP_MARKS = {i: None for i in range(0x300, 0x10000) if unicodedata.combining(chr(i))}
_MARKS = re.compile(_mark_class(sorted(_STRIP_MARKS)))


# Cached for the page being read (a headline is folded as a candidate, as the title and against the
# lead): small enough that a benchmark re-reading the same pages finds nothing left from its last round.
@lru_cache(maxsize=settings.FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Lower-case, accents off, đ→d: 'Kết quả cải cách' → 'ket qua cai cach'."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    if text.isascii():
        return text
    out = _MARKS.sub("", text)
    if out and max(out) > "\uffff":  # marks beyond the BMP (rare): the per-character path
        return "".join(c for c in text if not unicodedata.combining(c))
    return out


def slug_words(url: str | None) -> list[str]:
    """The words of the URL's article slug ('…/3252817-trien-khai-dong-bo.html' → ['trien', 'khai',
    …])."""
    if not url:
        return []
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(url).path)
    segments = [s for s in path.split("/") if s]
    best: list[str] = []
    for seg in segments:
        seg = _PAGE_EXT.sub("", seg)
        words = [w for w in _SLUG_SEP.split(fold(seg)) if w and not w.isdigit()]
        if len(words) > len(best):
            best = words
    return best if len(best) >= 3 else []


def _agreement(text: str, slug: list[str]) -> float:
    """How much of the slug the text says (mostly: slugs are often cut short), and how much of the
    text the slug says."""
    if not slug:
        return 0.0
    words = _WORDS.findall(fold(text), 0, None, False, HOLD)
    if not words:
        return 0.0
    sw, tw = set(slug), set(words)
    common = len(sw & tw)
    return 0.7 * common / len(sw) + 0.3 * common / len(tw)


def _elsewhere_in_links(layout: Layout, text: str, own: int) -> int:
    """How often the text appears as a link elsewhere on the page: a menu or section label."""
    count, i = 0, layout.text.find(text)
    while i >= 0 and count < 3:
        if abs(i - own) > 2 and layout.in_link(i + 1):
            count += 1
        i = layout.text.find(text, i + len(text))
    return count


def _typography(node: LexborNode) -> float:
    tag = node.tag
    score = _HEADINGS.get(tag or "", 0.0)
    attrs = node.attributes  # a new dict on every access: read it once
    style = attrs.get("style") or ""
    bold = tag in ("strong", "b")
    if style:  # most blocks have no style, class or id: no pattern to run then
        m = _BIG_FONT.search(style, 0, None, HOLD)
        if m:
            size = float(m.group(1)) * {"px": 1.0, "pt": 1.33, "em": 16.0}[m.group(2).lower()]
            score += 0.8 if size >= 16 else (0.3 if size >= 14 else 0.0)
        bold = bold or _BOLD.search(style, 0, None, HOLD) is not None
    if bold:
        score += 0.3
    cls, ident = attrs.get("class"), attrs.get("id")
    if (cls or ident) and _TITLE_CLASS.search((cls or "") + " " + (ident or ""), 0, None, HOLD):
        score += 0.5
    return score


def _is_date_line(text: str) -> bool:
    """'Ngày đăng: 05/04/2024', 'Thứ 6, 25/06/2021 17:00 | Lượt xem: 12': a date line, not a
    headline."""
    if _YEAR_DIGITS.search(text, 0, None, HOLD) is None:
        return False  # every date expression writes its year in four digits
    rest = _DATE_ANY.sub("", text, 2, None, None, HOLD)  # (repl, string, count, pos, endpos, concurrent)
    return len(rest) < len(text) and len(_NOT_LETTERS.sub("", rest, 0, None, None, HOLD)) < 25


def is_portal_text(text: str) -> bool:
    """The portal's name, a section or menu label: what repeats on every page of a host."""
    return (
        bool(_PORTAL_WORDS.match(text, 0, None, HOLD))
        or _site_name(text)
        or (len(text) > 20 and _shouting(text))
    )


def _shouting(text: str) -> bool:
    """More than 90% of the letters upper-case: a portal's banner, not a headline."""
    if sum(map(text.count, _COMMON_LOWER)) * 10 >= len(text):
        return False  # a tenth of it common lower-case letters: at most 90% of its letters are upper
    letters = "".join(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.9


def _site_name(text: str) -> bool:
    folded = text.casefold()
    if not any(map(folded.__contains__, _SITE_WORDS)):
        return False
    return _SITE_NAME.search(text, 0, None, HOLD) is not None


def clean_title(text: str) -> str:
    text = clean_text(text)  # trimmed: a trailing "(…)" is its end
    return _TRAILING_DATE.sub("", text).strip() if text.endswith(")") else text


def _headline_text(raw: str, chrome: tuple[regex.Pattern, ...]) -> str | None:
    """A block's text as a headline candidate; None when it cannot be one (too short or long, the
    portal's name or a section label, a date line, a widget's words)."""
    text = clean_title(clean_text(raw))
    if not (8 <= len(text) <= 300) or is_portal_text(text) or _is_date_line(text):
        return None
    if any(p.search(text, 0, None, HOLD) for p in chrome):
        return None  # a font-size widget, a share bar, a counter
    return text


@dataclass
class Title:
    text: str
    score: float
    node: LexborNode | None = None
    gap: int | None = None


def best_title(
    layout: Layout,
    body_start: int | None,
    *,
    url: str | None,
    og_title: str | None,
    page_title: str,
    prior: list[LexborNode],
    prior_weight: float = 1.0,
    chrome: tuple[regex.Pattern, ...] = (),
) -> Title | None:
    """The headline: the title-like block closest before the body, agreeing with the slug, og:title
    and <title>; never the portal's name, a section label or a related-news link."""
    slug = slug_words(url)
    title_parts = [
        clean_text(p) for p in _PAGE_TITLE_SEP.split(page_title or "") if p.strip()
    ]
    og = clean_title(og_title or "")
    fold_og = fold(og)
    fold_parts = {fold(p) for p in title_parts}
    prior_ids = {n.mem_id for n in prior}
    window = settings.TITLE_WINDOW_CHARS
    found: dict[str, Title] = {}
    if body_start is None:
        nodes = layout.elements
    else:
        nodes = layout.between(body_start - window, body_start + 201)
        nodes += [
            n
            for n in prior
            if not (body_start - window <= layout.start.get(n.mem_id, -1) <= body_start + 200)
        ]
    # Nested inline blocks share a text and a start: judge each text, and count its links, once.
    headlines: dict[str, tuple[str, float, str] | None] = {}  # raw text: (headline, agreement, folded)
    elsewhere: dict[tuple[str, int], int] = {}
    for node in nodes:
        if node.tag_id not in _TITLE_TAG_IDS or has_blocks(node):
            continue  # not a block a title sits in, or a container of blocks
        node_id = node.mem_id
        pos = layout.start.get(node_id, 0)
        typo = None
        if (body_start is None or pos >= body_start) and node_id not in prior_ids:
            if (typo := _typography(node)) <= 0:
                continue  # plain blocks count only before the body (a centred <p> title has no other cue)
        raw = node.text(deep=True, separator=" ")
        if raw not in headlines:
            text = _headline_text(raw, chrome)
            headlines[raw] = None if text is None else (text, _agreement(text, slug) * 4, fold(text))
        if (judged := headlines[raw]) is None:
            continue
        text, agreement, ftext = judged
        score = (_typography(node) if typo is None else typo) + agreement
        if len(text) > 200 or text.endswith("."):
            score -= 1.0  # a sentence or a lead rather than a headline
        if (text, pos) not in elsewhere:
            elsewhere[text, pos] = _elsewhere_in_links(layout, text, pos)
        score -= elsewhere[text, pos]
        if node_id in prior_ids:
            score += settings.PROFILE_PRIOR * prior_weight
        if og and fold_og == ftext:
            score += 2
        if ftext in fold_parts:
            score += 1.5
        if body_start is not None:
            gap = body_start - pos
            if 0 <= gap <= window:
                score += 2 * (1 - gap / window)
            elif gap < 0:
                score -= 1.5  # inside the body: a sub-heading
        linked = layout.in_link(pos + 1)
        if linked:
            score -= 1.5  # a link: a related-news or menu item
        key = ftext
        if key not in found or score > found[key].score:
            headline_like = len(text) >= 20 and not linked
            found[key] = Title(
                text, score, node, body_start - pos if body_start is not None and headline_like else None
            )
    before = sorted((t for t in found.values() if t.gap is not None and t.gap > 0), key=lambda t: t.gap)
    if before:
        before[0].score += 1.0  # the headline is the last title-like block before the text
    for text, bonus in ((og, 1.0), *((p, 0.5) for p in title_parts)):
        if len(text) >= 8 and not is_portal_text(text):
            score = bonus + _agreement(text, slug) * 4
            key = fold(text)
            if key in found:
                found[key].score += 0.5
            else:
                found[key] = Title(text, score)
    if not found:
        return None
    return max(found.values(), key=lambda t: t.score)


@dataclass
class DateHit:
    raw: str
    start: int
    score: float


def best_date(
    layout: Layout,
    title_pos: int | None,
    title_end: int | None,
    body_start: int | None,
    prior: tuple[int, int] | None,
) -> DateHit | None:
    """The article's date line: a date near the title (and the byline), before the body, with a label
    and a time counting for it; clocks far above the title, related-news dates (links), and dates in
    the body never count.  None when nothing qualifies: the page shows no date."""
    text = layout.text
    anchor = title_end if title_end is not None else body_start
    if anchor is None:
        return None
    before, after = settings.DATE_BEFORE_TITLE_CHARS, settings.DATE_AFTER_TITLE_CHARS
    lo = max(0, (title_pos if title_pos is not None else anchor) - before)
    hi = anchor + after
    if body_start is not None and body_start >= anchor:
        hi = min(hi, body_start + 1)
    best: DateHit | None = None
    for m in _DATE_ANY.finditer(text, lo, min(len(text), hi + 40), False, HOLD):
        if m.start() > hi or layout.in_link(m.start()):
            continue
        if (
            title_pos is not None
            and m.end() <= title_pos
            and len(text[m.end() : title_pos].strip()) > ADJACENT
        ):
            continue  # above the title with a menu in between: the header's calendar or clock
        score = 1.0
        lead = text[max(0, m.start() - 30) : m.start()]
        raw = m.group()
        if (t := TIME_BEFORE.search(lead)) and not _HAS_TIME.search(raw[8:]):
            raw = f"{t.group('t')} {raw}"  # "Cập nhật lúc 10:15, 12/03/2024"
            lead = lead[: t.start()]
        if _DATE_LABEL.search(lead):
            score += 2
        if _HAS_TIME.search(raw.replace(m.group()[:8], "", 1)) or "T" in raw:
            score += 1
        if _WEEKDAY.search(lead) and not _HAS_TIME.search(m.group()[8:]):
            score -= 0.5  # "Thứ năm, 09/05/2019" alone: the calendar line a header shows
        ref = title_pos if (title_pos is not None and m.start() < title_pos) else anchor
        dist = abs(m.start() - ref)
        score += 2 * max(0.0, 1 - dist / max(before, after))
        if prior and prior[0] <= m.start() < prior[1]:
            score += settings.PROFILE_PRIOR
        if best is None or score > best.score:
            best = DateHit(raw, m.start(), score)
    return best


_LEAD_TAGS = frozenset(("p", "div", "b", "strong", "span", "td", "h2", "h3", "h4"))
_LEAD_TAG_IDS = _tag_ids(_LEAD_TAGS)


def lead_before(
    layout: Layout, title_end: int | None, body_start: int | None, title: str | None
) -> str | None:
    """A lead set apart before the body (bold paragraph, sapo): the article's first words unless it
    only repeats the title."""
    if title_end is None or body_start is None or body_start <= title_end:
        return None
    ftitle = fold(title or "")
    for node in layout.between(title_end, body_start):
        if node.tag_id not in _LEAD_TAG_IDS or has_blocks(node):
            continue
        pos = layout.start.get(node.mem_id, -1)
        attrs = node.attributes  # a new dict on every access: read it once
        cls, style = _class_and_id(attrs), attrs.get("style") or ""
        if not (
            _LEAD_CLASS.search(cls, 0, None, HOLD)
            or _BOLD.search(style, 0, None, HOLD)
            or node.tag in ("b", "strong")
        ):
            continue
        text = clean_text(_ESCAPED_OFFICE.sub("", _node_text(node)))
        if len(text) < settings.LEAD_MIN_CHARS or pos + len(text) > body_start + 5:
            continue
        ftext = fold(text)
        if ftext == ftitle or (ftitle and ftitle in ftext and len(ftext) < len(ftitle) + 15):
            continue
        if _DATE_ANY.search(text[:40], 0, None, HOLD):
            continue
        return text
    return None


_THREE_DIGITS = regex.compile(r"\d{3,}")
_SECTION_TAGS = frozenset(("a", "strong", "b", "td", "span", "div", "p", "h2", "h3", "h4"))
_SECTION_TAG_IDS = _tag_ids(_SECTION_TAGS)
_SECTION_CLASS = regex.compile(r"(?i)cat|muc|folder|section")


def category_before(layout: Layout, title_pos: int | None) -> str | None:
    """The section name: the breadcrumb's last item, else the short label right above the title."""
    for node in layout.crumbs():  # the elements whose class or id may name a breadcrumb
        if _CRUMB_CLASS.search(_class_and_id(node.attributes), 0, None, HOLD):
            items = [clean_text(a.text(deep=True)) for a in node.css("a, li, span")]
            items = [
                i
                for i in items
                if i and not _PORTAL_WORDS.match(i) and len(i) <= 80 and i not in (">", "»", "/")
            ]
            if items:
                return items[-1]
    if title_pos is None:
        return None
    lo = max(0, title_pos - settings.CATEGORY_BEFORE_TITLE_CHARS)
    best = None
    for node in layout.between(lo, title_pos):
        if node.tag_id not in _SECTION_TAG_IDS or has_blocks(node):
            continue
        text = clean_text(node.text(deep=True, separator=" "))
        pos = layout.start.get(node.mem_id, -1)
        if not (3 <= len(text) <= 60) or pos + len(text) > title_pos + 2:
            continue  # (the cheap tests first: every test here only rules a block out)
        if (
            _DATE_ANY.search(text, 0, None, HOLD)
            or _THREE_DIGITS.search(text, 0, None, HOLD)
            or is_portal_text(text)
        ):
            continue
        if len(layout.text[pos + len(text) + 1 : title_pos].strip()) > ADJACENT * 3 // 4:
            continue
        cls = _class_and_id(node.attributes)
        if node.tag == "a" and not _section_link(node):
            continue
        if (
            node.tag == "a"
            or _TITLE_CLASS.search(cls, 0, None, HOLD)
            or _SECTION_CLASS.search(cls, 0, None, HOLD)
        ):
            best = text
    return best


def _class_and_id(attrs: dict[str, str | None]) -> str:
    return (attrs.get("class") or "") + " " + (attrs.get("id") or "")


def _section_link(a: LexborNode) -> bool:
    """A link to a section of this site standing alone, not an item of a menu or a link box."""
    href = (a.attributes.get("href") or "").strip()
    if not href or href.startswith(("http://", "https://", "//", "javascript:", "mailto:", "#")):
        return False
    node, parent = a, a.parent
    for _ in range(3):
        if node is None or node.tag in ("li", "ul", "ol", "nav", "menu"):
            return False  # a menu item
        node = node.parent
    return parent is None or len(parent.css("a[href]")) <= 1


_ACCOUNT_CHARS = max(map(len, _POSTING_ACCOUNTS))


def is_posting_account(text: str) -> bool:
    text = clean_text(text).strip(" -–|()")
    if len(text.encode("ascii", "ignore")) > _ACCOUNT_CHARS:
        return False  # each ASCII character stays in the fold: a paragraph is no account, unfolded
    return fold(text) in _POSTING_ACCOUNTS


def person_or_none(text: str | None) -> str | None:
    """A byline as a person (or 'Name - Unit'); None for sources, accounts, links' words, sentences."""
    if not text:
        return None
    text = clean_text(text).strip(" -–|()[]")
    text = _BYLINE_LABEL.sub("", text).strip(" -–|()")
    if not text or _SOURCE_WORD.match(text) or _NOT_NAMES.match(text):
        return None
    if is_posting_account(text):
        return None
    name = _NAME_END.split(text)[0].strip()
    words = name.split()
    if not (1 <= len(words) <= 6) or len(text) > 80 or _NOT_A_NAME.search(text):
        return None
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    return text
