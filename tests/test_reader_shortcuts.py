"""The page reader's shortcuts give what the plain ways give: the layout walk (blank text skipped by
lexbor, one-line text without a split, a link or hidden parent judged once) against the walk written
the obvious way, on our fixtures and every real page of ../shared; the pre-checks against the text
functions they stand for, on random text."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from conftest import FIXTURES, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from scraper import parse_article
from scraper import settings as scraper_settings
from scraper.errors import NotAnArticle
from scraper.parse.article import (
    _BLOCK_CSS,
    _BOUNDS,
    _DEPTH_TAG,
    _NESTING_TAG,
    _NESTING_TAG_BYTES,
    _SOURCE_BREAKS,
    MAX_DEPTH,
    _any_match,
    _breaks_and_blocks,
    _depth,
    _depth_bound,
    _drop_matches,
    _find_body,
    _first_text,
    _first_text_kept,
    _inline_data_dropped,
    _is_attachment_link,
    _is_author_line,
    _limit_nesting,
    _pop_right_aligned_author,
    _render,
    _strip_chrome,
    _text,
)
from scraper.parse.cues import (
    _BLOCKS,
    _DATE_ANY,
    _FIRST_ELEMENT_ID,
    _LEAD_TAGS,
    _LINE_TAGS,
    _POSTING_ACCOUNTS,
    _SECTION_TAGS,
    _SKIP,
    _TEXT_ID,
    _TITLE_TAGS,
    _YEAR_DIGITS,
    Layout,
    _tag_ids,
    fold,
    has_blocks,
    is_posting_account,
    one_line,
    person_or_none,
)
from scraper.parse.sites import GENERIC, PROFILES
from scraper.text import (
    _ENTITY,
    _ODD_CHARS,
    _WS_RUN,
    DecodeError,
    _cut,
    _fold_odd,
    _has_ws_run,
    _needs_work,
    _only_to_trim,
    _utf8_from,
    clean_text,
    decode_html_head,
    decode_html_utf8,
    normalize,
    normalize_with_map,
)

_WHITE = [" ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u2002",
          "\u2009", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"]
_PIECES = st.sampled_from(_WHITE + ["Kết quả", "cải cách", "98,2%", "ASCII", "đ", "e\u0301", "(1/2)"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join) | st.text(max_size=40))
def test_one_line_is_split_and_join(text: str) -> None:
    assert one_line(text) == " ".join(text.split())


def _reference_layout(tree: LexborHTMLParser) -> tuple[str, dict[int, int], list[tuple[int, int]]]:
    """Text, starts and link ranges, walked the plain way: every text node, every parent asked."""
    parts, start, links, pos, in_text = [], {}, [], 0, False
    for node in tree.body.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            txt = node.text_content
            if not txt or txt.isspace() or node.parent is None or node.parent.tag in _SKIP:
                continue
            txt = " " + " ".join(txt.split())
            link, anc = False, node.parent
            for _ in range(4):
                if anc is None:
                    break
                if anc.tag == "a" and anc.attributes.get("href") not in (None, "", "#"):
                    link = True
                    break
                anc = anc.parent
            if link:
                links.append((pos, pos + len(txt)))
            start[node.mem_id] = pos
            parts.append(txt)
            pos, in_text = pos + len(txt), True
        elif tag and tag[0] != "-":
            if in_text and tag in _LINE_TAGS:
                parts.append("\n")
                pos, in_text = pos + 1, False
            start[node.mem_id] = pos
    return "".join(parts), start, links


def _all_pages() -> list:
    ours = sorted(p for p in FIXTURES.rglob("*.html") if "golden" not in p.parts)
    real = sorted(SHARED.glob("dev/pages/*.html")) + sorted(SHARED.rglob("realpages/**/*.html"))
    return ours + real


_MARKUP = (
    '<body><div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin">Tin tức</a></div>'
    '<h1>  Kết quả\n cải cách   hành chính </h1><script>var a = "<p>x</p>";</script>'
    '<p>Ngày <a href="#">25/06/2021</a><a href="/x"><span><b><i>sâu</i></b></span></a>\xa0</p>'
    "<textarea>ẩn</textarea><table><tr><td>1</td><td>\u2028</td></tr></table>"
    "<!-- ghi chú --><tin-tuc><p>Tùy biến</p></tin-tuc><X-Widget>x</X-Widget><section>s</section>"
    "<select><option>1</option></select><noscript>n</noscript><A href='/a'>A</A><abbr>ab</abbr></body>"
)


@pytest.mark.parametrize("path", [None, *_all_pages()], ids=lambda p: p.name if p else "markup")
def test_layout_is_the_plain_walk(path) -> None:
    tree = LexborHTMLParser(path.read_bytes() if path else _MARKUP)
    layout = Layout.of(tree)
    text, start, links = _reference_layout(tree)
    assert (layout.text, layout.start, layout.links) == (text, start, links)
    assert layout.positions == [start[n.mem_id] for n in layout.elements]
    elements = [n.mem_id for n in tree.body.traverse() if n.tag and n.tag[0] != "-"]
    assert [n.mem_id for n in layout.elements] == elements


@pytest.mark.parametrize("path", [None, *_all_pages()], ids=lambda p: p.name if p else "markup")
def test_breaks_and_blocks_are_what_the_selectors_find(path) -> None:
    """The body's line breaks and blocks, found in one walk by tag id, are the nodes `css("br")` and the
    block selector group find, in the same order: in the body as the profile finds it, and in a whole page
    (svg and math inside, custom elements, a table in a table)."""
    markup = _MARKUP.replace("</body>", "<svg><title>t</title><p>p</p></svg><math><li>m</li></math>"
                             "<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>"
                             "<BR/><Div><br></Div></body>")
    tree = LexborHTMLParser(path.read_bytes() if path else markup)
    for node in (tree.body, _find_body(tree, GENERIC)):
        if node is None:
            continue
        breaks, blocks = _breaks_and_blocks(node)
        assert [n.mem_id for n in breaks] == [n.mem_id for n in node.css("br")]
        assert [n.mem_id for n in blocks] == [n.mem_id for n in node.css(_BLOCK_CSS)]


@pytest.mark.parametrize("path", [None, *_all_pages()], ids=lambda p: p.name if p else "markup")
def test_tag_ids_stand_for_the_tag_names(path) -> None:
    """The layout and the title, lead and section readers compare lexbor's tag ids, not names: the same
    nodes are text, elements, line breaks, blocks and candidates either way."""
    tree = LexborHTMLParser(path.read_bytes() if path else _MARKUP)
    named = (_LINE_TAGS, _TITLE_TAGS, _BLOCKS, _LEAD_TAGS, _SECTION_TAGS, _SKIP, frozenset({"a"}))
    ids = [_tag_ids(names) for names in named]
    for node in tree.root.traverse(include_text=True):
        tag, tag_id = node.tag, node.tag_id
        assert (tag_id == _TEXT_ID) == (tag == "-text")
        assert (tag_id >= _FIRST_ELEMENT_ID) == bool(tag and tag[0] != "-"), tag
        assert [tag_id in i for i in ids] == [tag in names for names in named], tag


def test_fold_strips_every_combining_mark_and_nothing_else() -> None:
    """`fold` deletes the marks with one pattern scan: its class is every combining character of the
    Basic Multilingual Plane, as `unicodedata` says, and no other character."""
    from scraper.parse.cues import _MARKS

    every = "".join(chr(i) for i in range(0x20, 0x10000) if not 0xD800 <= i < 0xE000)
    assert _MARKS.sub("", every) == "".join(c for c in every if not unicodedata.combining(c))
    assert fold("Kết quả CẢI CÁCH hành chính Đắk Nông – “ổn định”") == 'ket qua cai cach hanh chinh dak nong – “on dinh”'


_FIELDS = ("title", "body", "date", "author", "category", "views", "summary", "drop", "listing_links")


def test_profile_selectors_each_parse_so_their_list_is_their_union() -> None:
    """One walk for a whole selector list stands for one walk per selector only when each parses alone
    (lexbor would read a broken one together with its neighbours)."""
    tree = LexborHTMLParser("<p>x</p>")
    for profile in (*PROFILES, GENERIC):
        for name in _FIELDS:
            for sel in getattr(profile, name):
                tree.css(sel)  # raises when lexbor rejects it


@pytest.mark.parametrize("path", _all_pages()[::3], ids=lambda p: p.name)
def test_one_walk_for_a_selector_list_is_one_per_selector(path) -> None:
    tree = LexborHTMLParser(path.read_bytes())
    for profile in (*PROFILES, GENERIC):
        for name in _FIELDS:
            selectors = getattr(profile, name)
            assert _any_match(tree, selectors) == any(tree.css(s) for s in selectors), (profile.name, name)


_ACCOUNT_PIECES = st.sampled_from(
    ["Quản trị viên", "ADMIN", "admin", " ", "-", "(", ")", "Ban Biên tập", "btv", "Qua\u0309n tri\u0323",
     "K", "\u212a", "đ", "Đ", "Kết quả cải cách hành chính", "\u0f73", "&amp;", "\xa0", "x" * 9]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ACCOUNT_PIECES, max_size=6).map("".join))
def test_posting_account_bound_is_the_fold_lookup(text: str) -> None:
    assert is_posting_account(text) == (fold(clean_text(text).strip(" -–|()")) in _POSTING_ACCOUNTS)


_SPACE_PIECES = st.sampled_from(
    ["a", "Kết", " ", "  ", "\t", "\r", "\n", "\r\n", "\xa0", "\u3000", "\u2009", "\x0b"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPACE_PIECES, max_size=12).map("".join))
def test_plain_classes_fold_alike_in_both_engines(text: str) -> None:
    """Patterns of a plain character class moved to the standard engine match what `regex` matched."""
    for pattern in (_WS_RUN, _SOURCE_BREAKS):
        assert pattern.sub("|", text) == regex.compile(pattern.pattern).sub("|", text)


def _clean_the_long_way(text: str) -> str:
    """clean_text without its shortcut: normalise, fold runs of space, trim."""
    text = normalize(text)
    return _WS_RUN.sub(" ", text).strip() if _has_ws_run(text) else text.strip()


@settings(max_examples=800, deadline=None)
@given(st.text(max_size=30) | st.lists(_PIECES, max_size=10).map("".join))
def test_text_with_only_trimming_to_do_is_clean_already(text: str) -> None:
    if _only_to_trim(text):
        assert _clean_the_long_way(text) == text.strip()
    assert clean_text(text) == _clean_the_long_way(text)


@pytest.mark.parametrize("padding", [0, 70_000])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_nesting_is_counted_only_on_pages_with_many_tags(padding: int, as_bytes: bool) -> None:
    """Fewer than NESTING_CHECK_MIN_TAGS '<' in all: the page is taken as it is, however deep its tags
    nest (the tree builder reads so few quickly); from that many on, nesting past MAX_DEPTH is cut (the
    count of a big page's head decides early)."""
    n = scraper_settings.NESTING_CHECK_MIN_TAGS
    few = "x" * padding + "<div>" * (n - 1)
    many = "x" * padding + "<div>" * n
    if as_bytes:
        few, many = few.encode(), many.encode()  # type: ignore[assignment]
    assert _limit_nesting(few) is few
    assert _limit_nesting(many).count("<div>") == MAX_DEPTH


def _counted(page: str) -> str:
    """The page with enough harmless tags in front that its nesting is counted."""
    return "<br>" * scraper_settings.NESTING_CHECK_MIN_TAGS + page


_REPEATED = (
    "<html><head><title>Cổng thông tin điện tử tỉnh</title></head><body>"
    '<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li></ul>'
    '<div class="other"><a href="/tin/1">Kết quả cải cách hành chính sáu tháng đầu năm 2024</a>'
    " <span>02/01/2024</span></div>"
    "<h1><span><strong>Kết quả cải cách hành chính sáu tháng đầu năm 2024</strong></span></h1>"
    '<div class="date">Ngày đăng: 05/07/2024</div>'
    '<div class="content"><p>' + "Trong sáu tháng đầu năm, các sở, ngành đã giải quyết hồ sơ đúng hạn. " * 4
    + "</p></div></body></html>"
)


def test_headline_also_linked_as_related_news_keeps_its_own_date() -> None:
    """The same text nested three deep (judged once per text and start) and linked above: the
    headline is the block before the body, its date the one under it, not the related link's."""
    article = parse_article(_REPEATED, with_figures=False)
    assert article.title == "Kết quả cải cách hành chính sáu tháng đầu năm 2024"
    assert article.published == "2024-07-05"


def _normalize_the_long_way(text: str) -> str:
    """normalize as first written: ask whether there is work, then NFC, then look for odd characters."""
    if not _needs_work(text):
        return text
    if "&" in text and _ENTITY.search(text):
        return normalize_with_map(text).text
    text = unicodedata.normalize("NFC", text)
    return _fold_odd(text) if _ODD_CHARS.search(text) else text


_NORMALIZE_PIECES = st.sampled_from(
    ["Kết", "qua\u0309", "e\u0301", "\u0301", "\u2000", "\u2001", "\xa0", "\t", "\x0b", "\u200b", "\xad",
     "&amp;", "&nbsp;", "&#8203;", "&", "A", " ", "\u212b", "\u1100\u1161"]
)


@settings(max_examples=800, deadline=None)
@given(st.text(max_size=30) | st.lists(_NORMALIZE_PIECES, max_size=10).map("".join))
def test_normalize_checks_once_what_it_checked_twice(text: str) -> None:
    assert normalize(text) == _normalize_the_long_way(text)


# --- a page's head decoded, its bytes only checked: the same text and bytes as decoding it whole ------

_BYTE_PIECES = st.sampled_from(
    [b"<p>", b"a", b" ", "Kết quả".encode(), "đường".encode(), b"\xe1\xba", b"\xbf", b"\x80", b"\xc3",
     b"\xff", b"\xef\xbb\xbf", b"\x00", "ặ".encode() * 11, "B¸o c¸o t×nh h×nh".encode("latin-1"),
     "Ba\u0301o".encode("cp1258"), b'<meta charset="windows-1258">', b"=" * 40]
)


def _decoded(decode, data: bytes):
    try:
        return decode(data)
    except DecodeError as exc:
        return type(exc)


@settings(max_examples=600, deadline=None)
@given(st.lists(_BYTE_PIECES, max_size=14).map(b"".join), st.sampled_from([1, 5, 30, 10_000]))
def test_head_of_a_page_is_the_head_of_its_whole_text(data: bytes, chars: int) -> None:
    whole = _decoded(decode_html_utf8, data)
    head = _decoded(lambda d: decode_html_head(d, None, chars), data)
    if isinstance(whole, type):
        assert head is whole
        return
    text, _enc, utf8 = whole
    got, got_utf8 = head
    assert got_utf8 is utf8
    if utf8 is None:
        assert got == text
    else:
        assert text.startswith(got) and len(got) >= min(chars, len(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(_BYTE_PIECES, max_size=14).map(b"".join), st.integers(0, 40), st.sampled_from([1, 3, 64]))
def test_utf8_read_in_pieces_is_utf8_read_whole(data: bytes, start: int, piece: int) -> None:
    start = _cut(data, min(start, len(data)))
    try:
        data[start:].decode("utf-8")
        whole = True
    except UnicodeDecodeError:
        whole = False
    assert _utf8_from(data, start, piece) is whole


def test_a_page_of_base64_images_is_read_from_its_head() -> None:
    """A page past PAGE_HEAD_CHARS: the parser gets its bytes, the head is what the whole text starts
    with, and the article read is the one read from the whole text."""
    image = "data:image/png;base64," + "QUJD" * 40_000
    prose = "Các sở, ngành đã giải quyết đúng hạn hồ sơ. " * 20
    page = ("<html><head><title>Kết quả cải cách hành chính</title></head><body><h1>Kết quả cải cách "
            f'hành chính</h1><p>{prose}</p><img src="{image}">' + "<p>Cuối trang.</p>" * 3 + "</body></html>")
    data = page.encode()
    head, utf8 = decode_html_head(data, None, 50_000)
    assert utf8 is data and page.startswith(head) and 50_000 <= len(head) < len(page)
    assert parse_article(data, with_figures=False) == parse_article(page, with_figures=False)


_NESTING_PIECES = st.sampled_from(
    ["<div>", "</div>", "<div/>", "</div/>", "<DIV class='x'>", "</Div>", "</div >", "<br>", "</br>", "<img/>",
     "<o:p>", "</o:p>", "<x-y>", "</x-y>", "<a title='</b>'>", "< p>", "</ p>", "<p", ">", "Kết quả", "<!-- -->",
     "<span>", "</SPAN>", "<script>if (a<b) x = '</div>';</script>", "<1>", "</", "/>"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_NESTING_PIECES, max_size=40).map("".join))
def test_nesting_bound_is_never_below_the_count(page: str) -> None:
    """The bound read first is at least the exact count (text or bytes): a page it passes nests no
    deeper than MAX_DEPTH; it equals the count when the table knows every tag and none closes itself."""
    assert _depth_bound(page) >= _depth(page) == _depth(page.encode())
    assert _depth_bound(page.encode()) == _depth_bound(page)
    # ("</Kết …>": a closing tag of no known name, which the bound reads as one that may open)
    if "/>" not in page and all(tag in _BOUNDS for tag in _DEPTH_TAG.findall(page)):
        assert _depth_bound(page) == _depth(page)


@pytest.mark.parametrize("depth", [MAX_DEPTH - 1, MAX_DEPTH, 3 * MAX_DEPTH])
def test_nesting_counted_on_bytes_as_on_text(depth: int) -> None:
    page = _counted("<div><p>Kết quả</p><img src='a.png'><br/>" * depth + "</div>" * depth)
    from_text, from_bytes = _limit_nesting(page), _limit_nesting(page.encode())
    if depth < MAX_DEPTH:  # (the <p> in the last <div> is one deeper)
        assert from_text is page and from_bytes == page.encode()
    else:
        assert isinstance(from_bytes, str) and from_bytes == from_text != page


_DATE_PIECES = st.sampled_from(
    ["Ngày", "ngày", " ", "25", "6", "2021", "/", ".", "-", ":", "17", "h", "30", "tháng", "năm", "đăng",
     "T", "Z", "+07:00", "AM", "lúc", "Kết quả", "\u0663\u0664\u0665\u0666", "12345"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=12).map("".join))
def test_a_date_always_writes_a_four_digit_year(text: str) -> None:
    """`_is_date_line` looks for a date only where four digits stand in a row."""
    if _YEAR_DIGITS.search(text) is None:
        assert _DATE_ANY.search(text) is None


_INLINE_PIECES = st.sampled_from(
    ['<img src="data:image/png;base64,', "QUJD", "+/=", '">', "'>", '"', "'", "<", ">", "<div>", "</div>",
     "<p/>", ";base64,", "data:", "<br>", "Kết quả", " ", "<a href='x'>", "</a>"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_INLINE_PIECES, max_size=16).map("".join))
def test_inline_images_dropped_leave_the_same_tags(page: str) -> None:
    """The nesting count may skip base64 payloads: every tag is read as it was, in the same order."""
    for html, pattern, lt in ((page, _NESTING_TAG, "<"), (page.encode(), _NESTING_TAG_BYTES, b"<")):
        dropped = _inline_data_dropped(html)
        assert pattern.findall(dropped) == pattern.findall(html)
        assert dropped.count(lt) == html.count(lt)


def test_a_page_of_inline_images_is_counted_without_its_payloads() -> None:
    image = '<p><img src="data:image/png;base64,' + "QUJD" * 1000 + '"></p>'
    page = _counted(("<div>" + image) * 600 + "</div>" * 600)
    assert len(_inline_data_dropped(page)) < len(page) // 50
    assert _limit_nesting(page) != page and _limit_nesting(page).count("<div>") == MAX_DEPTH


def _liferay_page(headline: bool) -> str:
    teasers = "".join(
        f'<div class="asset-abstract"><h3 class="asset-title"><a href="/-/view_content/{i}-tin">'
        f"Tin số {i} về cải cách hành chính của tỉnh</a></h3></div>" for i in range(6)
    )
    heading = '<div class="asset-full-content-title">Kết quả cải cách hành chính năm 2024</div>'
    title = heading if headline else ""
    prose = "Các sở, ngành đã giải quyết đúng hạn hồ sơ của người dân và doanh nghiệp. " * 6
    return (f'<html><head><script>Liferay.Portlet</script></head><body>{title}'
            f'<div class="journal-content-article"><p>{prose}</p></div>{teasers}</body></html>')


def test_a_listing_is_teasers_without_the_headline_whichever_is_looked_at_first() -> None:
    """The headline is asked for before the teaser lists are walked: with it the page is an article
    however many teasers follow; without it, six teasers make a listing."""
    assert parse_article(_liferay_page(True), with_figures=False).title.startswith("Kết quả cải cách")
    with pytest.raises(NotAnArticle):
        parse_article(_liferay_page(False), with_figures=False)


# --- the body's chrome dropped in one walk; the byline's lines read as the walk reaches them -----------


def _drop_each_in_turn(root, selectors: tuple[str, ...]) -> None:
    """Each selector's matches removed in turn, as first written (a match inside one already removed
    this turn is skipped: it went with its ancestor)."""
    for sel in selectors:
        found = root.css(sel)
        ids = {n.mem_id for n in found}
        keep = []
        for n in found:
            anc = n.parent if n.mem_id != root.mem_id else None
            while anc is not None and anc.mem_id not in ids and anc.mem_id != root.mem_id:
                anc = anc.parent
            if anc is None or anc.mem_id not in ids:
                keep.append(n)
        for n in keep:
            n.decompose()


_NESTED_CHROME = (
    '<body><div id="main"><div class="share"><div class="share">Chia sẻ</div><form><input></form></div>'
    "<p>Nội dung</p><aside><nav><a href='/'>Trang chủ</a></nav><div class='related'>Tin khác</div></aside>"
    "<div class='banner'><iframe src='x'></iframe></div><p>Kết thúc</p></div></body>"
)


@pytest.mark.parametrize("path", [None, *_all_pages()], ids=lambda p: p.name if p else "markup")
def test_chrome_dropped_in_one_walk_is_chrome_dropped_selector_by_selector(path) -> None:
    data = path.read_bytes() if path else _NESTED_CHROME
    for profile in (*PROFILES, GENERIC):
        one, each = LexborHTMLParser(data), LexborHTMLParser(data)
        _drop_matches(one.body, profile.drop)
        _drop_each_in_turn(each.body, profile.drop)
        assert one.html == each.html, profile.name


def test_selectors_whose_matches_change_as_nodes_go_are_dropped_in_turn() -> None:
    """After the first <p> goes, 'p:first-child' matches the next one: such lists are asked one by one."""
    tree = LexborHTMLParser("<body><div><p>a</p><p>b</p><p>c</p></div></body>")
    _drop_matches(tree.body, ("p:first-child", "div > p:first-child"))
    assert tree.body.text() == "c"


def _author_popped_eagerly(body, last_only: bool):
    """The byline read from every candidate line with its text taken first, as first written."""
    lines = []
    for p in reversed(body.css("p, div")):
        if not has_blocks(p) and (text := _text(p)):
            lines.append((p, text))
            if last_only and len(lines) == 2:
                break
    removed, documents = False, _is_attachment_link(body)
    for p, txt in lines:
        if documents and _is_attachment_link(p):
            continue
        txt = _text(p) if removed else txt
        if is_posting_account(txt):
            p.decompose()
            removed = True
            continue
        if len(txt) <= 60 and _is_author_line(p, txt, last_only) and (name := person_or_none(txt)):
            p.decompose()
            return name
        if last_only:
            break
    return None


_BYLINES = (
    '<body><div class="c"><p>Các sở đã giải quyết hồ sơ đúng hạn.</p><div><p align="right"><b>Minh Anh</b>'
    '</p></div><p style="text-align:right">admin</p><p align="right"><em>Quản trị viên</em></p></div></body>'
)


@pytest.mark.parametrize("path", [None, *_all_pages()], ids=lambda p: p.name if p else "markup")
def test_byline_read_as_the_walk_reaches_each_line_is_the_byline_read_from_all(path) -> None:
    data = path.read_bytes() if path else _BYLINES
    for last_only in (False, True):
        lazy, eager = LexborHTMLParser(data), LexborHTMLParser(data)
        got = _pop_right_aligned_author(lazy.body, last_only=last_only)
        assert got == _author_popped_eagerly(eager.body, last_only)
        assert lazy.html == eager.html


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WHITE), max_size=8).map("".join))
def test_white_space_cleans_to_nothing(text: str) -> None:
    """`_render` skips a line of white space before cleaning it."""
    if text.isspace():
        assert clean_text(text) == ""


# --- a profile's field read before the body is stripped, when stripping cannot change it ------------

_SECTION_IN_BODY = (
    '<body><div class="portlet-title-text">Tin tức sự kiện</div><div class="journal-content-article">'
    '<div class="share"><span class="portlet-title-text">Chia sẻ</span></div><p>' + "Nội dung bài. " * 9
    + "</p></div></body>"
)
_SECTION_HOLDS_BODY = (
    '<body><div class="portlet-title-text"><div class="journal-content-article"><p>'
    + "Nội dung bài. " * 9 + '</p><div class="share">Chia sẻ</div></div></div></body>'
)


@pytest.mark.parametrize(
    "path", [None, "holds", *_all_pages()], ids=lambda p: p.name if hasattr(p, "name") else str(p)
)
def test_a_field_read_before_the_body_is_stripped_is_the_field_read_after(path) -> None:
    data = {None: _SECTION_IN_BODY, "holds": _SECTION_HOLDS_BODY}.get(path) or path.read_bytes()
    for profile in (*PROFILES, GENERIC):
        for name in ("category", "views", "author", "summary", "date", "title"):
            selectors = getattr(profile, name)
            tree = LexborHTMLParser(data)
            body = _find_body(tree, profile)
            before = _first_text_kept(tree, selectors, body)
            if body is not None:
                _strip_chrome(body, profile, None)
                _render(body, profile, None)
            assert before in (None, _first_text(tree, selectors)[0]), (profile.name, name)


def test_a_field_in_the_body_or_holding_it_is_read_again_after_stripping() -> None:
    liferay = next(p for p in PROFILES if p.name == "liferay")
    for page in (_SECTION_IN_BODY, _SECTION_HOLDS_BODY):
        tree = LexborHTMLParser(page)
        body = _find_body(tree, liferay)
        assert _first_text(tree, (".share .portlet-title-text", ".portlet-title-text"))[0]
        assert _first_text_kept(tree, (".share .portlet-title-text", ".portlet-title-text"), body) is None
    tree = LexborHTMLParser(_SECTION_IN_BODY)
    assert _first_text_kept(tree, (".portlet-title-text",), _find_body(tree, liferay)) == "Tin tức sự kiện"
    assert _first_text_kept(tree, (".chuyen-muc",), _find_body(tree, liferay)) == ""  # none now: none after
