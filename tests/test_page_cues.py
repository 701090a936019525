"""Title, date, byline, body ends and category from cues, table-driven.

Every page here is small markup we wrote, modelled on layouts seen on real portals (labelled in each
row: the Đắk Nông SharePoint-derived and Liferay shells in ../shared/dev/pages, the Hanoi Liferay
captures, NukeViet/DNN themes, old table layouts); none of it is copied text.  Class names are made
up on purpose: the reader must work from position, agreement and typography.
"""

from __future__ import annotations

import pytest

from scraper import parse_article
from scraper.parse import ParseError

from growth import growth

_MENU = (
    '<h1 class="cong"><a href="/">CỔNG THÔNG TIN ĐIỆN TỬ SỞ XÂY DỰNG</a></h1>'
    '<div class="lich">Thứ năm, 09/05/2019</div>'
    '<ul class="mn"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>'
    '<li><a href="/van-ban">Văn bản</a></li><li><a href="/cchc">Cải cách hành chính</a></li></ul>'
)
_BODY = (
    "<p>Trong quý I, toàn ngành đã tiếp nhận 1.250 hồ sơ cấp phép xây dựng, giải quyết đúng hạn 1.198 hồ sơ.</p>"
    "<p>Tỷ lệ hồ sơ giải quyết đúng hạn đạt 95,8%, tăng 2,1 điểm phần trăm so với cùng kỳ năm trước.</p>"
    "<p>Sở tiếp tục rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực quy hoạch, kiến trúc.</p>"
)
_RELATED = (
    '<div class="khac"><b>Tin khác</b><ul><li><a href="/tin-tuc/120-hop-giao-ban">Họp giao ban công tác quý I'
    ' năm 2024</a> (02/04/2024)</li><li><a href="/tin-tuc/118-tap-huan">Tập huấn phần mềm một cửa điện tử'
    "</a> (28/03/2024 09:30)</li></ul></div>"
)
_FOOTER = '<div class="cuoi">Bản quyền thuộc Sở Xây dựng. Giấy phép số 12/GP-TTĐT cấp ngày 08/08/2013.</div>'
TITLE = "Kết quả cải cách hành chính quý I năm 2024 của ngành xây dựng"
URL = "https://soxd.example.gov.vn/tin-tuc/125-ket-qua-cai-cach-hanh-chinh-quy-i-nam-2024-cua-nganh-xay-dung"


def page(
    head: str,
    body: str = _BODY,
    *,
    after: str = "",
    title_tag: str = "Sở Xây dựng - Trang chủ",
    meta: str = "",
) -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{title_tag}</title>{meta}</head><body>{_MENU}"
        f"<table><tr><td class='trai'><a href='/tin-tuc'>Tin tức - Sự kiện</a><br><a href='/cchc'>Cải cách hành"
        f" chính</a></td><td class='giua'>{head}<div class='nd'>{body}</div>{after}{_RELATED}</td></tr></table>"
        f"{_FOOTER}</body></html>"
    )


# (label: the real layout it is modelled on, header markup, url) -> title
TITLE_CASES = [
    (
        "SharePoint gthieu shell: section label, blue 18px bold title, bold lead",
        f'<div class="lbl"><p><strong>Tin trong tỉnh</strong></p></div><div class="gt"><p style="font-size: 18px;'
        f' font-weight: bold">{TITLE}</p><div style="font-weight:bold">Sáng 2/4, Sở Xây dựng tổ chức hội nghị đánh giá'
        f" kết quả cải cách hành chính quý I.</div></div>",
        URL,
    ),
    (
        "SharePoint postMain shell: folder link + time cell, centred p title, its own title in the related list",
        f'<table><tr class="hd"><td class="Folder"><a href="/tin-tuc/cchc">Cải cách hành chính</a></td>'
        f'<td class="tm">(05.04.2024 16:32)</td></tr></table><p style="text-align:center" class="td">{TITLE}</p>',
        URL,
    ),
    (
        "Liferay shell: portlet h1 section name, h2 title with an empty date span",
        f'<h1><span class="ptt">Chuyên mục</span></h1><h2>{TITLE} <span>( )</span></h2>',
        URL,
    ),
    (
        "old table layout: title in a span with a class no profile knows, no URL given",
        f'<span class="tde_tin">{TITLE}</span><br><span>Ngày đăng: 05/04/2024</span>',
        None,
    ),
    (
        "section label and title both agree with the slug: the nearest block before the body wins",
        f'<div class="nhom" style="font-weight:bold">Kết quả cải cách hành chính</div><p class="tt">{TITLE}</p>',
        URL,
    ),
    (
        "title only in og:title and <title> (heading carries the portal name)",
        '<h2 class="x">Trang chủ</h2>',
        URL,
    ),
]


@pytest.mark.parametrize("label,head,url", TITLE_CASES, ids=[c[0][:40] for c in TITLE_CASES])
def test_title_from_cues(label: str, head: str, url: str | None) -> None:
    meta = f'<meta property="og:title" content="{TITLE}">' if "og:title" in label else ""
    a = parse_article(page(head, meta=meta), url=url)
    assert a.title == TITLE


# (label, header markup, body, url) -> published (ISO with +07:00 when a time is shown, None when none)
DATE_CASES = [
    (
        "seed portal: weekday date and time above the title, meta line below",
        f'<div class="a">Thứ 6, Ngày 05/04/2024, 17:00</div><div class="b">{TITLE}</div><div>05/04/2024 | Thu Hà</div>',
        _BODY,
        "2024-04-05T17:00:00+07:00",
    ),
    (
        "header calendar far above, empty date span: the page shows no date",
        f"<h2>{TITLE} <span>( )</span></h2>",
        _BODY,
        None,
    ),
    (
        "UTC ISO stamp in the title span is Vietnam time",
        f"<h2>{TITLE} <span>( 2024-04-05T05:00:00.000Z )</span></h2>",
        _BODY,
        "2024-04-05T12:00:00+07:00",
    ),
    (
        "dotted date and time in a header cell, dated related list below",
        f'<table><tr><td>Tin hoạt động</td><td>(05.04.2024 16:32)</td></tr></table><p class="t">{TITLE}</p>',
        _BODY,
        "2024-04-05T16:32:00+07:00",
    ),
    (
        "label 'Ngày đăng', date only",
        f'<b class="t">{TITLE}</b><div>Ngày đăng: 05/04/2024</div>',
        _BODY,
        "2024-04-05",
    ),
    (
        "label with the time first",
        f'<b class="t">{TITLE}</b><div>Cập nhật lúc 10:15, 05/04/2024</div>',
        _BODY,
        "2024-04-05T10:15:00+07:00",
    ),
    (
        "date written with spaces",
        f'<b class="t">{TITLE}</b><div>Ngày đăng: 05 04 2024</div>',
        _BODY,
        "2024-04-05",
    ),
    (
        "12-hour clock after 'Ngày đăng'",
        f'<div class="t2">{TITLE}</div><div>Ngày đăng 05/04/2024 | 3:59 PM | Lượt xem: 12</div>',
        _BODY,
        "2024-04-05T15:59:00+07:00",
    ),
    (
        "no date line; the body cites a decision date",
        f"<h2>{TITLE}</h2>",
        "<p>Thực hiện Quyết định số 1149/QĐ-BNV ngày 30/12/2020 của Bộ Nội vụ, Sở đã rà soát 86 thủ tục hành chính.</p>"
        "<p>Đến nay đã đơn giản hóa 24 thủ tục, đạt 27,9% tổng số thủ tục thuộc thẩm quyền giải quyết.</p>",
        None,
    ),
    (
        "<time datetime> next to the title",
        f'<h1 class="t">{TITLE}</h1><time datetime="2024-04-05T08:00:00+07:00">5 tháng 4</time>',
        _BODY,
        "2024-04-05T08:00:00+07:00",
    ),
]


@pytest.mark.parametrize("label,head,body,iso", DATE_CASES, ids=[c[0][:40] for c in DATE_CASES])
def test_date_from_cues(label: str, head: str, body: str, iso: str | None) -> None:
    a = parse_article(page(head, body), url=URL)
    assert a.title == TITLE
    assert a.published == iso


_HEAD = f'<div class="t" style="font-size:20px">{TITLE}</div><div>Ngày đăng: 05/04/2024</div>'
_LAST = "<p>Sở tiếp tục rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực quy hoạch, kiến trúc"

# (label, header markup, body markup) -> author, and the body's last words
BYLINE_CASES = [
    (
        "meta line 'date | name' under the title",
        f'<div class="t" style="font-size:20px">{TITLE}</div><div>05/04/2024 | Đoan Trang</div>',
        _BODY,
        "Đoan Trang",
        "quy hoạch, kiến trúc.",
    ),
    (
        "right-aligned bold name closing the body",
        _HEAD,
        _BODY + '<p style="text-align:right"><strong>Minh Anh</strong></p>',
        "Minh Anh",
        "quy hoạch, kiến trúc.",
    ),
    (
        "name after './.' padded with NBSP in the last paragraph",
        _HEAD,
        _BODY[: _BODY.rfind("<p>")] + _LAST + "./.&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;Thu Hà</p>",
        "Thu Hà",
        "kiến trúc./.",
    ),
    (
        "credit line 'Tin, ảnh:'",
        _HEAD,
        _BODY + "<p>Tin, ảnh: Ngọc Hân</p>",
        "Ngọc Hân",
        "quy hoạch, kiến trúc.",
    ),
    (
        "'Tác giả:' under the title",
        _HEAD + "<div>Tác giả: Lê Văn Nam</div>",
        _BODY,
        "Lê Văn Nam",
        "quy hoạch, kiến trúc.",
    ),
    (
        "right-aligned bold link to the attached report is not a byline",
        _HEAD,
        _BODY
        + '<p style="text-align:right"><strong><a href="/Attachments/7/BaoCao.pdf">Báo cáo</a></strong></p>',
        None,
        "quy hoạch, kiến trúc.",
    ),
    (
        "a source line is not a byline",
        _HEAD,
        _BODY + '<p style="text-align:right">(Nguồn: Báo Xây dựng - baoxaydung.example.vn)</p>',
        None,
        "quy hoạch, kiến trúc.",
    ),
    (
        "'Theo: URL' is a source",
        _HEAD,
        _BODY + "<p>Theo: https://baoxaydung.example.vn/bai-123</p>",
        None,
        "quy hoạch, kiến trúc.",
    ),
    (
        "a posting account is not a person",
        _HEAD,
        _BODY + '<p align="right"><b>Admin</b></p>',
        None,
        "quy hoạch, kiến trúc.",
    ),
    (
        "upper-case bold name",
        _HEAD,
        _BODY + "<p><b>NGUYỄN VĂN AN</b></p>",
        "NGUYỄN VĂN AN",
        "quy hoạch, kiến trúc.",
    ),
]


@pytest.mark.parametrize("label,head,body,author,last", BYLINE_CASES, ids=[c[0][:40] for c in BYLINE_CASES])
def test_byline_from_cues(label: str, head: str, body: str, author: str | None, last: str) -> None:
    a = parse_article(
        page(head, body, after='<p>Xem chi tiết <a href="">tại đây</a></p><div>Số lượt người xem : 17</div>'),
        url=URL,
    )
    assert a.author == author
    assert a.body_text.endswith(last), a.body_text[-80:]
    assert a.title == TITLE


def test_bold_lead_before_the_body_is_its_start_and_a_lead_repeating_the_title_is_not() -> None:
    lead = "Sáng 2/4, Sở Xây dựng tổ chức hội nghị đánh giá kết quả cải cách hành chính quý I."
    a = parse_article(
        page(
            f'<p style="font-size:18px;font-weight:bold">{TITLE}</p><div style="font-weight:bold">{lead}'
            "</div>"
        ),
        url=URL,
    )
    assert a.body_text.startswith(lead + "\n" + "Trong quý I")
    b = parse_article(
        page(
            f'<p style="font-size:18px;font-weight:bold">{TITLE}</p><p class="sapo"><strong>{TITLE}'
            "</strong></p>"
        ),
        url=URL,
    )
    assert b.body_text.startswith("Trong quý I")


def test_captions_kept_apart_and_chrome_left_out() -> None:
    body = _BODY + (
        '<p align="center"><img src="/a.jpg"></p><p align="center"><em>Toàn cảnh hội nghị sơ kết quý I'
        "</em></p>"
    )
    a = parse_article(
        page(_HEAD, body, after="<div>Chia sẻ: <a href='#'>Facebook</a></div><div>Bản in</div>"), url=URL
    )
    assert a.captions == ["Toàn cảnh hội nghị sơ kết quý I"]
    assert a.body_text.endswith("quy hoạch, kiến trúc.")
    for chrome in ("Toàn cảnh", "Tin khác", "Họp giao ban", "Chia sẻ", "Bản quyền", "Trang chủ"):
        assert chrome not in a.body_text


@pytest.mark.parametrize(
    "head,category",
    [
        (
            '<div class="duongdan"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a> » <a href="/cchc">Cải cách'
            f' hành chính</a></div><h1 class="t">{TITLE}</h1>',
            "Cải cách hành chính",
        ),
        (
            f'<div class="loai"><a href="/cchc">Cải cách hành chính</a></div><div>Thứ 6, Ngày 05/04/2024, 17:00</div>'
            f'<div class="t" style="font-size:20px">{TITLE}</div>',
            "Cải cách hành chính",
        ),
        (
            f'<div class="box"><a href="https://chinhphu.example.vn">Cổng TTĐT Chính phủ</a></div><h1 class="t">{TITLE}</h1>',
            None,
        ),
    ],
)
def test_category_is_the_breadcrumb_end_or_the_section_label(head: str, category: str | None) -> None:
    assert parse_article(page(head), url=URL).category == category


def test_reading_is_linear_in_page_size() -> None:
    """A page with thousands of title-like blocks and date strings before the body still parses, and
    its cost grows with its size, not with its square (ratio inside one run, no wall-clock limit)."""

    def html(n: int) -> str:
        head = "".join(
            f'<p style="font-weight:bold">Tin số {i} ngày 0{i % 9 + 1}/04/2024 lúc 0{i % 9}:15</p>'
            for i in range(n)
        )
        return page(head + f"<h2>{TITLE}</h2>")

    small, large = html(1_000), html(8_000)
    ratio = growth(lambda: parse_article(small, url=URL, with_figures=False),
                   lambda: parse_article(large, url=URL, with_figures=False), 8 * 3)
    assert ratio < 8 * 3  # linear with a generous margin; quadratic would be ~64x


def test_bad_markup_around_metadata_is_still_one_line_error_or_article() -> None:
    for html in (
        "<html><body><h1></h1><time datetime='not a date'></time></body></html>",
        "<html><body><div class='nd'><p>" + "(" * 5000 + "</p></div></body></html>",
    ):
        try:
            a = parse_article(html)
        except ParseError as exc:
            assert "\n" not in str(exc)
        else:
            assert a.published is None


def test_word_pasted_body_of_divs_is_found_whole() -> None:
    """Bodies pasted from Word come as <div>s, not <p>s (modelled on the SharePoint-derived shells):
    the whole body is read, from its first to its last paragraph, and the meta line's name stops at
    its own block."""
    paras = [
        "Năm 2023, toàn tỉnh đã cấp 2.450 giấy phép xây dựng, tăng 12,5% so với năm trước.",
        "Trong đó, khu vực đô thị chiếm 1.870 giấy phép; khu vực nông thôn chiếm 580 giấy phép.",
        "Thời gian giải quyết bình quân giảm còn 9 ngày làm việc, rút ngắn 3 ngày so với quy định.",
        "Năm 2024, Sở phấn đấu 100% hồ sơ được tiếp nhận và trả kết quả qua dịch vụ công trực tuyến.",
    ]
    body = "".join(f'<div style="text-align:justify"><span style="font-size:12px">{p}</span></div>' for p in paras)
    a = parse_article(page(f'<div class="t" style="font-size:20px">{TITLE}</div><div>05/04/2024 | Thu Hà</div>',
                           f"<div class='img'>{body}</div>"), url=URL)
    assert a.author == "Thu Hà" and a.published == "2024-04-05"
    assert a.body_text.split("\n") == paras
