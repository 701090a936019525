"""Whole pages against golden Articles (fixtures/golden, reviewed by eye), and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from scraper import parse_article
from scraper.parse import ParseError, parse_published

from make_goldens import GOLDEN, golden_name, golden_of, pages

PAGES = pages()


@pytest.mark.parametrize("path", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_page_matches_golden(path: Path) -> None:
    golden = json.loads((GOLDEN / golden_name(path)).read_text(encoding="utf-8"))
    try:
        got = golden_of(path)
    except ParseError as exc:
        got = {"error": str(exc)}
    assert got == golden


def test_liferay_metadata_is_the_articles_not_the_portals(fixtures: Path) -> None:
    a = parse_article(shared_path("realpages", "liferay", "sotttt-hanoi-3252817-ktxh-6-thang-2019.html").read_bytes())
    assert a.title == "Triển khai đồng bộ các nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2019"  # not "Tin tức nổi bật"
    assert a.author == "Phạm Linh"  # not the posting account "Pho Ban bien tap"
    assert a.published == "2019-07-03T15:59:00+07:00" and a.views == 606
    assert a.id == "liferay:3252817"
    assert "Các tin khác" not in a.body_text and "In bài viết" not in a.body_text and "Pho Ban" not in a.body_text
    assert a.body_text.startswith("Ngày 27/6/2019, UBND Thành phố có Báo cáo số 317/BC-UBND")
    assert a.body_text.endswith("tỷ lệ đạt yêu cầu 86,7%.")


def test_print_view_and_article_are_one_asset(fixtures: Path) -> None:
    a = parse_article(shared_path("realpages", "liferay", "sotttt-hanoi-3252817-ktxh-6-thang-2019.html").read_bytes())
    b = parse_article(shared_path("realpages", "liferay", "sotttt-hanoi-3252817-print-popup.html").read_bytes())
    assert a.id == b.id and a.body_text == b.body_text


def test_sharepoint_chrome_is_gone(fixtures: Path) -> None:
    a = parse_article((fixtures / "sharepoint" / "binhduong-cchc-6-thang-2021.html").read_bytes())
    for chrome in ("Manage Permissions", "Version History", "Hệ số lương cơ sở", "FriendlyName", "Content Type", "Cỡ chữ", "Tin khác", "Views"):
        assert chrome not in a.body_text
    assert (a.title, a.author, a.category, a.views) == (
        "Công tác cải cách hành chính 6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2021", "Đoan Trang", "Thông tin tuyên truyền", 208)
    assert a.body_text == (fixtures / "seed-body.txt").read_text(encoding="utf-8").strip()


def test_english_chrome_publish_date(fixtures: Path) -> None:
    a = parse_article(shared_path("realpages", "liferay", "sotttt-hanoi-705513-chi-so-cchc-en-chrome.html").read_bytes())
    assert a.published == "2014-03-19"  # "Publish date … 12:00 AM" is the migration placeholder


@pytest.mark.parametrize("text,iso", [
    ("Thứ 6, Ngày 25/06/2021, 17:00", "2021-06-25T17:00:00+07:00"),
    ("Ngày đăng 03/07/2019 | 3:59 PM | View count: 606", "2019-07-03T15:59:00+07:00"),
    ("Thứ hai - 09/05/2022 08:30", "2022-05-09T08:30:00+07:00"),
    ("Ngày đăng 13/05/2016 | 12:00 AM", "2016-05-13"),
    ("2023-10-05T09:15:00+07:00", "2023-10-05T09:15:00+07:00"),
    ("ngày 25 tháng 6 năm 2021", "2021-06-25"),
    ("25/06/2021", "2021-06-25"),
])
def test_published_formats(text: str, iso: str) -> None:
    assert parse_published(text) == iso


def test_sharepoint_list_data_us_dates() -> None:
    assert parse_published("6/30/2025 10:00 AM", us_order=True) == "2025-06-30T10:00:00+07:00"


def _cp1258(text: str) -> bytes:
    """Encode the way windows-1258 stores Vietnamese: base letters precomposed, tone marks combining."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out.append((base + "".join(c for c in parts if c in tones)).encode("cp1258"))
    return b"".join(out)


def test_windows_1258_and_wrong_declared_charset() -> None:
    body = "<html><head><meta charset='windows-1258'></head><body><h1>Báo cáo kết quả</h1><p>Tỉnh đã tiếp nhận 1.234 hồ sơ, đạt 98,5% kế hoạch năm.</p></body></html>"
    a = parse_article(_cp1258(body))
    assert "tiếp nhận 1.234 hồ sơ" in a.body_text and a.title == "Báo cáo kết quả"
    # Declared latin-1 but really UTF-8: the bytes win.
    b = parse_article(body.replace("windows-1258", "iso-8859-1").encode("utf-8"), http_charset="iso-8859-1")
    assert b.title == "Báo cáo kết quả" and [f.raw for f in b.figures] == ["1.234", "98,5%"]


def test_tcvn3_legacy_page_is_converted() -> None:
    page = "<html><body><h1>B¸o c¸o t×nh h×nh</h1><p>TØnh ®· tiÕp nhËn 1.234 hå s¬ thñ tôc hµnh chÝnh trong n¨m 2010.</p></body></html>"
    a = parse_article(page.encode("latin-1"))
    assert a.title == "Báo cáo tình hình" and "Tỉnh đã tiếp nhận 1.234 hồ sơ thủ tục hành chính" in a.body_text


def test_nfd_page_comes_out_nfc() -> None:
    import unicodedata

    page = unicodedata.normalize("NFD", "<html><body><h1>Tiêu đề bài viết dài</h1><p>Đã tiếp nhận 920 yêu cầu, đạt tỷ lệ 68,48% trong kỳ.</p></body></html>")
    a = parse_article(page.encode("utf-8"))
    assert unicodedata.is_normalized("NFC", a.body_text) and [f.raw for f in a.figures] == ["920", "68,48%"]


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"   \n ", "empty"),
    (bytes(range(256)) * 40, "binary"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
    (b"just some words without markup", "not HTML"),
])
def test_bad_input_is_a_one_line_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message) as exc:
        parse_article(data)
    assert "\n" not in str(exc.value)


def test_truncated_page_still_parses(fixtures: Path) -> None:
    data = shared_path("realpages", "liferay", "sotttt-hanoi-3252817-ktxh-6-thang-2019.html").read_bytes()
    cut = data[: data.find("Tổng thu NSNN".encode()) + 200]
    a = parse_article(cut)
    assert a.title and "GRDP" in a.body_text


def test_absurd_nesting_is_bounded() -> None:
    page = "<html><body><h1>Bài viết</h1>" + "<div>" * 200_000 + "<p>Tiếp nhận 5 hồ sơ trong ngày hôm nay.</p>" + "</div>" * 200_000 + "</body></html>"
    a = parse_article(page)
    assert "Tiếp nhận 5 hồ sơ" in a.body_text


def test_huge_page_is_refused_or_parsed_not_crashed() -> None:
    page = b"<html><body><h1>T</h1>" + b"<p>" + b"x " * (13 * 1024 * 1024) + b"</p></body></html>"
    with pytest.raises(ParseError, match="too large"):
        parse_article(page)
    medium = "<html><body><h1>Trang lớn</h1>" + "<p>Đã tiếp nhận 102.669 hồ sơ thủ tục hành chính.</p>" * 3_000 + "</body></html>"
    a = parse_article(medium.encode())
    assert len(a.figures) == 3_000


def test_sharepoint_display_form_fields(fixtures: Path) -> None:
    a = parse_article((fixtures / "sharepoint" / "dispform-vinhphuc-style.html").read_bytes())
    assert (a.title, a.published, a.author, a.views, a.category, a.id) == (
        "Hội nghị sơ kết công tác cải cách hành chính quý I năm 2024", "2024-04-12T10:30:00+07:00", "Thu Hà", 1215,
        "Cải cách hành chính", "sharepoint:5678")
    assert "Hệ số lương cơ sở" not in a.body_text and "1,800,000" not in a.body_text and "Content Type" not in a.body_text
    assert [f.raw for f in a.figures] == ["45.320", "38.210", "7.110", "98,76%", "1.046", "62,4%"]


@pytest.mark.parametrize("url,html,platform", [
    ("https://thudaumot.binhduong.gov.vn/a", "<html></html>", "dnn"),
    ("https://www.binhduong.gov.vn/a", "<html></html>", "sharepoint"),
    ("https://dongnai.gov.vn/vi/news/x/y-12.html", "<html></html>", "nukeviet"),
    ("https://www.binhduong.gov.vn/tin-tuc/thong-tin/2021/06/1234-cong-tac", "<html></html>", "sharepoint"),
    ("https://example.org/2023/09/tinh-hinh-kinh-te/", "<html></html>", "wordpress"),
    ("https://example.org/Lists/TinTuc/View_Detail.aspx?ItemID=3", "<div class='journal-content-article'>", "liferay"),
    (None, "<html><p>x</p></html>", "generic"),
])
def test_platform_detection_order(url, html, platform) -> None:
    from scraper.parse.sites import detect

    assert detect(url, html).name == platform


def test_generic_layout_skips_the_logo_heading_and_finds_the_byline(fixtures: Path) -> None:
    a = parse_article((fixtures / "generic" / "old-table-layout.html").read_bytes())
    assert a.platform == "generic"
    assert (a.title, a.published, a.author) == ("Huyện Phú Giáo tổng kết công tác năm 2019", "2019-12-28", "Ngọc Hân")
    assert a.body_text.startswith("Chiều 27/12, UBND huyện Phú Giáo") and a.body_text.endswith("giảm còn 0,9%.")
    for chrome in ("Trang chủ", "Liên kết website", "Bản quyền", "0274.3672.123"):
        assert chrome not in a.body_text


def test_wordpress_post(fixtures: Path) -> None:
    a = parse_article((fixtures / "wordpress" / "nso-style-post.html").read_bytes())
    assert (a.platform, a.id, a.title, a.published, a.category) == (
        "wordpress", "wordpress:40211", "Tình hình kinh tế – xã hội quý III năm 2023", "2023-09-29T10:00:00+07:00", "Số liệu thống kê")
    assert "Chia sẻ" not in a.body_text and "Bài viết liên quan" not in a.body_text
    assert [f.change for f in a.figures[:3]] == ["tăng", "tăng", "tăng"]  # "tăng 2,69% và 2,20%"


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_HTMLISH = st.lists(st.sampled_from(["<p>", "</p>", "<div class='x'>", "</div>", "<table><tr><td>", "</td></tr></table>", "<br>",
                                     "Tiếp nhận 1.234 hồ sơ", " đạt 98,2%", "&nbsp;", "&#", "<!--", "-->", "<h1>", "</h1>", "\x00",
                                     "ngày 01/1/2021", "\u0301", "<script>", "</script>", "<", ">", "&amp;", " ",
                                     # metadata cues: date lines, title spans, bylines, attachments, captions
                                     "<h2>Tiêu đề bài <span>( )</span></h2>", "Thứ 6, Ngày 25/06/2021, 17:00",
                                     "( 2019-05-16T05:00:00.000Z )", "25/06/2021 | Đoan Trang", "./.&nbsp;&nbsp;Thu Hà",
                                     "<p align='right'><b>", "<a href='/x/Attachments/1/a.pdf'>Báo cáo</a>", "</b></p>",
                                     "<time datetime='2021-13-45T99:99'>", "</time>", "(Nguồn: Báo X)", "<o:p></o:p>",
                                     "<p align='center'><img src='a.jpg'></p><p align='center'><em>Ảnh</em></p>",
                                     "<div class='breadcrumb'><a href='/a'>Mục</a></div>", "Ngày đăng: 25 06 2021"]),
                    max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_HTMLISH, st.binary(max_size=300).map(lambda b: b.decode("latin-1"))))
def test_any_input_gives_an_article_or_a_parse_error(page: str) -> None:
    for data in (page, page.encode("utf-8", "surrogatepass")):
        try:
            a = parse_article(data)
        except ParseError as exc:
            assert "\n" not in str(exc)
            continue
        for f in a.figures:
            assert a.body_text[f.start : f.end] == f.raw
