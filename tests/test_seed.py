"""The seed article (Bình Dương, 25/06/2021): exactly its 37 figures, each with the meaning a careful
reader gives it.  Counted by hand from ../shared/seed/: nothing from dates, decision numbers,
'mức độ 3, 4', the hotline 1022, the short number 115, ISO 9001:2015 or the URL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from scraper import extract_figures, parse_article

D = Decimal
P_SIPAS = (date(2020, 1, 1), date(2020, 12, 31))
P_JAN_MAY = (date(2021, 1, 1), date(2021, 5, 31))
P_H1 = (date(2021, 1, 1), date(2021, 6, 30))
P_HOTLINE = (date(2021, 1, 1), date(2021, 5, 27))
P_ONLINE = (date(2021, 1, 1), date(2021, 5, 20))
AS_OF = (None, date(2021, 6, 25))

# raw, value, kind, unit, qualifier, estimate, entity, period
EXPECTED = [
    ("8.570", D(8570), "count", "phiếu", None, False, "UBND tỉnh", P_SIPAS),
    ("17", D(17), "count", "sở, ban, ngành", None, False, "UBND tỉnh", P_SIPAS),
    ("09", D(9), "count", "UBND huyện, thị xã, thành phố", None, False, "UBND tỉnh", P_SIPAS),
    ("91", D(91), "count", "UBND xã, phường, thị trấn", None, False, "UBND tỉnh", P_SIPAS),
    ("102.669", D(102669), "count", "hồ sơ thủ tục hành chính", None, False, "các sở, ban, ngành", P_JAN_MAY),
    ("99.699", D(99699), "count", "hồ sơ", None, False, "các sở, ban, ngành", P_JAN_MAY),
    ("2.970", D(2970), "count", "hồ sơ", None, False, "các sở, ban, ngành", P_JAN_MAY),
    ("98,2%", D("98.2"), "percent", "%", None, False, "các sở, ban, ngành", P_JAN_MAY),
    ("1,69%", D("1.69"), "percent", "%", None, False, "các sở, ban, ngành", P_JAN_MAY),
    ("0,1%", D("0.1"), "percent", "%", None, False, "các sở, ban, ngành", P_JAN_MAY),
    ("24.068", D(24068), "count", "hồ sơ", None, False, "các sở, ban, ngành", P_H1),
    ("260.647", D(260647), "count", "hồ sơ", None, False, "các huyện, thị xã, thành phố", P_JAN_MAY),
    ("98%", D(98), "percent", "%", "trên", False, "các huyện, thị xã, thành phố", P_JAN_MAY),
    ("100%", D(100), "percent", "%", None, False, "huyện Bàu Bàng", P_JAN_MAY),
    ("100%", D(100), "percent", "%", None, False, "huyện Dầu Tiếng", P_JAN_MAY),
    ("100%", D(100), "percent", "%", None, False, "huyện Phú Giáo", P_JAN_MAY),
    ("99,93%", D("99.93"), "percent", "%", None, False, "thành phố Thủ Dầu Một", P_JAN_MAY),
    ("97,76%", D("97.76"), "percent", "%", None, False, "thị xã Tân Uyên", P_JAN_MAY),
    ("618.226", D(618226), "count", "hồ sơ", None, False, "cấp xã", P_JAN_MAY),
    ("99,99%", D("99.99"), "percent", "%", "đạt", False, "cấp xã", P_JAN_MAY),
    ("15.680", D(15680), "count", "hồ sơ", None, True, "Bưu điện tỉnh", P_H1),
    ("368.478", D(368478), "count", "hồ sơ", None, True, "Bưu điện tỉnh", P_H1),
    ("920", D(920), "count", "yêu cầu", None, False, "hệ thống đường dây nóng 1022", P_HOTLINE),
    ("630", D(630), "count", "yêu cầu", None, False, "hệ thống đường dây nóng 1022", P_HOTLINE),
    ("68,48%", D("68.48"), "percent", "%", None, False, "hệ thống đường dây nóng 1022", P_HOTLINE),
    ("1.963", D(1963), "count", "yêu cầu", None, False, "đầu số 115", P_HOTLINE),
    ("980", D(980), "count", "trường hợp", None, False, "đầu số 115", P_HOTLINE),
    ("49,93%", D("49.93"), "percent", "%", None, False, "đầu số 115", P_HOTLINE),
    ("295", D(295), "count", "dịch vụ công trực tuyến", None, False, "Sở Thông tin và Truyền thông", AS_OF),
    ("924", D(924), "count", "dịch vụ công trực tuyến", None, False, "Sở Thông tin và Truyền thông", AS_OF),
    ("7.760", D(7760), "count", "hồ sơ", None, False, "Sở Thông tin và Truyền thông", P_ONLINE),
    ("12.443", D(12443), "count", "hồ sơ", None, False, "Sở Thông tin và Truyền thông", P_ONLINE),
    ("465", D(465), "count", "dịch vụ công", None, False, "Sở Thông tin và Truyền thông", AS_OF),
    ("157", D(157), "count", "cơ quan", None, False, "toàn tỉnh", AS_OF),
    ("28", D(28), "count", "cơ quan", None, False, "toàn tỉnh", AS_OF),
    ("100%", D(100), "percent", "%", None, False, "toàn tỉnh", AS_OF),
    ("129", D(129), "count", "cơ quan", None, False, "toàn tỉnh", AS_OF),
]


def _rows(figures):
    return [(f.raw, f.value, f.kind, f.unit, f.qualifier, f.estimate, f.entity, (f.period_start, f.period_end)) for f in figures]


def test_seed_text_gives_exactly_its_figures(seed_body: str) -> None:
    figures = extract_figures(seed_body, published="2021-06-25")
    assert _rows(figures) == EXPECTED
    for f in figures:
        assert seed_body[f.start : f.end] == f.raw


def test_seed_indicators_and_relations(seed_body: str) -> None:
    fs = extract_figures(seed_body, published="2021-06-25")
    assert fs[7].indicator == "Tỷ lệ giải quyết đúng hạn"
    assert fs[4].indicator == "hồ sơ thủ tục hành chính (TTHC)" and fs[4].verb == "tiếp nhận và giải quyết"
    assert fs[4].period_text == "từ 01/1 đến 31/5/2021"
    assert fs[5].part_of == 4 and fs[6].part_of == 4  # "trong đó 99.699 … và 2.970 …"
    assert fs[34].part_of == 33 and fs[36].part_of == 33  # "157 cơ quan … Trong đó có 28 … và 129 …"
    assert fs[24].computed_from == [23, 22]  # 630/920 → 68,48%
    assert fs[27].computed_from == [26, 25]  # 980/1.963 → 49,93%
    assert fs[13].indicator.startswith("tỷ lệ hồ sơ giải quyết trước và đúng hạn")


def test_seed_page_parses_to_the_same_figures(fixtures) -> None:
    article = parse_article((fixtures / "sharepoint" / "binhduong-cchc-6-thang-2021.html").read_bytes())
    assert _rows(article.figures) == EXPECTED
    for f in article.figures:
        assert article.body_text[f.start : f.end] == f.raw
