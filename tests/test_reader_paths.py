"""The page reader's fast paths give what the plain paths give: clean_text's substring pre-checks, the
parser fed the page's own UTF-8 bytes, the body HTML rebuilt only for the bold-name byline check, and
a headline or fold of odd text.  Pages and wording here are ours (modelled on portal markup)."""

from __future__ import annotations

import html as htmllib
import unicodedata

import pytest
import regex
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper import parse_article
from scraper.parse import ParseError
from scraper.parse.cues import clean_title, fold, is_portal_text
from scraper.text import (
    _FOLD,
    _WS_RUN,
    _has_ws_run,
    clean_text,
    decode_html,
    decode_html_utf8,
    normalize_with_map,
)

# --- clean_text / normalize against a reference written the slow, obvious way -----------------------

_SPACE_LIKE = "\u00a0\u2007\u202f\u2002\u2003\u2009\u3000\t\x0b\x0c"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_WS = " \t\r\f\v\u00a0\u2007\u202f\u2002\u2003\u2009\u3000"
_REF_WS_RUN = regex.compile(f"[{_WS}]{{2,}}|[{_WS[1:]}]")


def _reference_clean(text: str) -> str:
    """clean_text as it read before its pre-checks: every regex always run."""
    odd = regex.compile("[" + _SPACE_LIKE + _INVISIBLE + "]")
    entity = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
    needs = (not text.isascii() and not unicodedata.is_normalized("NFC", text)) or bool(
        odd.search(text) or ("&" in text and entity.search(text))
    )
    if needs and "&" in text and entity.search(text):
        text = normalize_with_map(text).text
    elif needs:
        text = unicodedata.normalize("NFC", text)
        text = text.translate(_FOLD) if odd.search(text) else text
    return _REF_WS_RUN.sub(" ", text).strip()


_PIECES = st.sampled_from(
    ["Kết quả", "cải cách", " ", "  ", "\t", "\r", "\n", "\u00a0", "\u3000", "\u2002", "\u200b", "\u00ad",
     "&nbsp;", "&amp;", "e\u0301", "Ê", "98,2%", "ASCII only", "\x0b", "\x0c", "(12/3/2024)", "đ"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_clean_text_matches_the_always_regex_reference(text: str) -> None:
    assert clean_text(text) == _reference_clean(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_whitespace_precheck_agrees_with_the_pattern(text: str) -> None:
    assert _has_ws_run(text) == (_WS_RUN.search(text) is not None)


def test_whitespace_precheck_knows_every_space_the_pattern_folds() -> None:
    for c in _WS[1:]:
        assert _has_ws_run(f"a{c}b"), repr(c)
    assert _has_ws_run("a  b") and not _has_ws_run("a b")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Kết quả\u00a0\u00a0cải cách  ", "Kết quả cải cách"),
        ("Tăng\t98,2%\r\n", "Tăng 98,2%"),
        ("Ke\u0301t qua\u0309", "Két quả"),  # NFD as some CMSs store it
        ("a\u200bb", "ab"),
        ("a &nbsp; b", "a b"),
        ("plain line", "plain line"),
    ],
)
def test_clean_text_examples(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_title_cleaning_drops_a_trailing_date_only() -> None:
    assert clean_title("Hội nghị sơ kết  (25/06/2021)") == "Hội nghị sơ kết"
    assert clean_title("Hội nghị (lần thứ hai)") == "Hội nghị (lần thứ hai)"
    assert clean_title("Tổng kết năm") == "Tổng kết năm"


def test_fold_of_marks_only_is_empty_not_an_error() -> None:
    assert fold("\u0301") == ""
    assert fold("Kết quả") == "ket qua"


def test_page_whose_first_line_folds_to_nothing_still_parses() -> None:
    page = "<p>\u0301( 2019-05-16T05:00:00.000Z )<h2>Tiêu đề bài <span>( )</span></h2>"
    try:
        parse_article(page, with_figures=False)
    except ParseError:
        pass  # one clear error is fine; a ValueError from inside is not


@pytest.mark.parametrize(
    ("text", "portal"),
    [
        ("Cổng thông tin điện tử tỉnh", True),
        ("CỔNG THÔNG TIN ĐIỆN TỬ", True),
        ("Bản quyền thuộc Sở Tư pháp", True),
        ("Copyright 2024", True),
        ("Trang chủ", True),
        ("Kinh tế sáu tháng đầu năm tăng trưởng khá", False),
        ("Sở Tài chính tỉnh Đắk Nông tổ chức hội nghị", True),
    ],
)
def test_portal_text(text: str, portal: bool) -> None:
    assert is_portal_text(text) is portal


# --- decoding: the parser may take the bytes only when they are exactly the text ---------------------


def test_utf8_page_hands_over_its_bytes() -> None:
    data = '<meta charset="utf-8"><p>Kết quả cải cách</p>'.encode()
    text, enc, raw = decode_html_utf8(data)
    assert (text, enc) == decode_html(data) and enc == "utf-8"
    assert raw is data and raw.decode("utf-8") == text


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf<p>BOM page</p>",  # the BOM is not text
        '<meta charset="windows-1258"><p>Ba\u0301o ca\u0301o</p>'.encode("cp1258"),
        "<p>B¸o c¸o t×nh h×nh kinh tÕ x· héi</p>".encode("latin-1"),  # TCVN3, converted
    ],
)
def test_other_pages_keep_their_bytes_to_themselves(data: bytes) -> None:
    text, _, raw = decode_html_utf8(data)
    assert raw is None
    assert text == decode_html(data)[0]


def _pages() -> list:
    return sorted(p for p in FIXTURES.rglob("*.html") if "golden" not in p.parts)


@pytest.mark.parametrize("path", _pages(), ids=lambda p: p.stem)
def test_bytes_and_text_of_a_page_read_the_same(path) -> None:
    data = path.read_bytes()
    try:
        from_bytes = parse_article(data, with_figures=False)
    except ParseError as exc:
        with pytest.raises(type(exc)):
            parse_article(decode_html(data)[0], with_figures=False)
        return
    from_text = parse_article(decode_html(data)[0], with_figures=False)
    assert from_bytes.model_dump() == from_text.model_dump()


# --- the bold-name byline: the body HTML is rebuilt only for it ------------------------------------

_PARA = "<p>" + "Trong sáu tháng đầu năm, tỉnh đã hoàn thành nhiều chỉ tiêu về kinh tế xã hội. " * 3 + "</p>"


def _page(last: str) -> str:
    return (
        "<html><head><title>Kinh tế sáu tháng</title></head><body>"
        "<h1>Kinh tế sáu tháng đầu năm tăng trưởng khá</h1>"
        f'<div class="content">{_PARA * 3}<p>Các đơn vị tiếp tục triển khai.<br>{last}</p></div>'
        "</body></html>"
    )


def test_bold_name_after_the_last_break_is_the_byline() -> None:
    a = parse_article(_page("<strong>Ngọc Hân</strong>"), with_figures=False)
    assert a.author == "Ngọc Hân"
    assert a.body_text.endswith("Các đơn vị tiếp tục triển khai.")


def test_plain_name_after_the_last_break_stays_body() -> None:
    a = parse_article(_page("Ngọc Hân"), with_figures=False)
    assert a.author is None
    assert a.body_text.endswith("Ngọc Hân")


def test_escaped_bold_markup_in_text_is_not_a_byline() -> None:
    last = htmllib.escape("<b>Ngọc Hân</b>")
    a = parse_article(_page(last), with_figures=False)
    assert a.author is None


# --- the breadcrumb: found by one query for its class or id words, in any letter case --------------

_TITLE = "Kinh tế sáu tháng đầu năm tăng trưởng khá"


def _crumb_page(crumb: str) -> str:
    return (
        f"<html><head><title>{_TITLE}</title></head><body>{crumb}<h1>{_TITLE}</h1>"
        f'<div class="content">{_PARA * 3}</div></body></html>'
    )


@pytest.mark.parametrize(
    "crumb",
    [
        '<div class="BreadCrumb"><a href="/">Trang chủ</a> » <a href="/kt">Kinh tế</a></div>',
        '<div id="DuongDan"><a href="/">Trang chủ</a> » <a href="/kt">Kinh tế</a></div>',
        '<ul class="nav PATH-NAV"><li><a href="/">Trang chủ</a></li><li><a href="/kt">Kinh tế</a></li></ul>',
        '<div class="duong"><span id="dan">x</span></div>'
        '<div class="top-duong" id="dan"><a href="/">Trang chủ</a> » <a href="/kt">Kinh tế</a></div>',
    ],
)
def test_breadcrumb_end_is_the_category(crumb: str) -> None:
    assert parse_article(_crumb_page(crumb), with_figures=False).category == "Kinh tế"


def test_no_breadcrumb_word_no_breadcrumb() -> None:
    crumb = '<div class="menu-top"><a href="/">Trang chủ</a> » <a href="/kt">Kinh tế</a></div>'
    assert parse_article(_crumb_page(crumb), with_figures=False).category is None


def test_captions_with_blocks_inside_are_taken_out_whole() -> None:
    """A caption holding paragraphs is removed with them; the paragraphs (freed with it) are never read
    again, and neither the caption nor its parts reach the body."""
    from scraper import parse_article

    html = (
        "<html><head><title>Tin</title></head><body><h1>Kết quả cải cách hành chính quý I năm 2026</h1>"
        '<div class="content"><p>Ngày 5/4/2026, UBND tỉnh tổ chức hội nghị sơ kết.</p><p><img src="a.jpg"></p>'
        '<div class="caption"><p>Quang cảnh hội nghị</p><p><em>Ảnh: Minh Anh</em></p></div>'
        "<p>Tỉnh tiếp nhận 1.200 hồ sơ, trong đó đúng hạn 1.150 hồ sơ.</p>"
        '<figure><img src="b.jpg"><figcaption><p>Đại biểu phát biểu</p></figcaption></figure>'
        "<p>Tỷ lệ đúng hạn đạt 95,8%.</p></div></body></html>"
    )
    a = parse_article(html.encode(), url="https://so.gov.vn/tin/1")
    assert a.captions == ["Quang cảnh hội nghị Ảnh: Minh Anh", "Đại biểu phát biểu"]
    assert "Quang cảnh" not in a.body_text and "Đại biểu" not in a.body_text
    assert a.body_text.endswith("Tỷ lệ đúng hạn đạt 95,8%.")
