"""QA: internal checks on the seed and real fixture articles, and comparison with an official table."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import shared_path
from growth import growth

from scraper import extract_figures, parse_article
from scraper.qa import check_article_figures, check_text, compare_dataset, vn_number
from scraper.qa.arithmetic import (
    DENOMINATOR_RULE,
    IMPLIED_RULE,
    POINTS_RULE,
    PAIR_RULE,
    RATE_RULE,
    REST_RULE,
    SIBLING_RULE,
    SLIP_RULE,
    SUM_RULE,
)
from scraper.qa.rates import FAR_WHOLE_RULE, HUNDRED_REASON
from scraper.qa.sums import RECAP_RULE, SAME_VERB_RULE

D = Decimal
SEARCH_RULES = (RATE_RULE, SUM_RULE, SLIP_RULE, PAIR_RULE)


def test_seed_checks(seed_body: str) -> None:
    checks = check_text(seed_body, published="2021-06-25")
    summary = [(c.check, c.consistent, c.stated, c.computed) for c in checks]
    assert ("sum", True, D(102669), D(102669)) in summary
    assert ("sum", True, D(157), D(157)) in summary
    ratios = [c for c in checks if c.check == "ratio"]
    assert [(c.consistent, c.stated) for c in ratios] == [(True, D("68.48")), (False, D("49.93"))]
    assert "980/1.963" in ratios[1].message and "49,93%" in ratios[1].message
    shares = [c for c in checks if c.check == "shares"]
    assert len(shares) == 1 and shares[0].consistent and shares[0].computed == D("99.99")
    for c in checks:
        for ref in c.figures:
            assert seed_body[ref["start"] : ref["end"]] == ref["raw"]


def test_real_hanoi_article_checks_by_hand(fixtures: Path) -> None:
    a = parse_article(shared_path("realpages", "liferay", "sotttt-hanoi-3252817-ktxh-6-thang-2019.html").read_bytes())
    checks = check_article_figures(a.body_text, a.figures)
    ratio = [c for c in checks if c.check == "ratio"]
    # "thanh kiểm tra 20.495 lượt cơ sở, đạt yêu cầu 17.563 lượt, chiếm 86%": 17.563/20.495 = 85,69% → 86% ✓
    # "lũy kế tổng số vốn đạt 41,3 tỷ USD; lũy kế vốn thực hiện đạt khoảng 20,5 tỷ USD (tỷ lệ đạt 49,6%)": 49,64% → 49,6% ✓
    assert [(c.consistent, c.stated, [f["raw"] for f in c.figures]) for c in ratio] == [
        (True, D("49.6"), ["49,6%", "20,5 tỷ USD", "41,3 tỷ USD"]), (True, D(86), ["86%", "17.563", "20.495"])]
    # "896 cơ sở, trong đó … 18.058 cơ sở" is not a breakdown (18.058 > 896): no sum check invented
    assert not [c for c in checks if c.check == "sum"]


def test_nukeviet_fixture_sum(fixtures: Path) -> None:
    a = parse_article((fixtures / "nukeviet" / "binhphuoc-kinh-te-xa-hoi.html").read_bytes())
    (s,) = [c for c in check_article_figures(a.body_text, a.figures) if c.check == "sum"]
    assert s.consistent and s.stated == D(21540)  # 21.102 + 438


@pytest.mark.parametrize("text,consistent", [
    ("Tỉnh tiếp nhận 1.200 hồ sơ, trong đó 700 hồ sơ trực tuyến và 450 hồ sơ trực tiếp.", False),
    ("Tỉnh tiếp nhận 1.200 hồ sơ, trong đó 700 hồ sơ trực tuyến và 500 hồ sơ trực tiếp.", True),
    ("Đã tiếp nhận 300 đơn, giải quyết 240 đơn, đạt tỷ lệ 80%.", True),
    ("Đã tiếp nhận 300 đơn, giải quyết 240 đơn, đạt tỷ lệ 85%.", False),
    ("Đã tiếp nhận 3 đơn, giải quyết 2 đơn, đạt tỷ lệ 66,6%.", True),  # truncated, not rounded
    ("Đúng hạn 95,5%; trễ hạn 3,5%; quá hạn 1%.", True),
    ("Đúng hạn 95,5%; trễ hạn 3,5%; quá hạn 2%.", False),
    ("Đã tiếp nhận 1.000 hồ sơ (trực tuyến 600 hồ sơ, trực tiếp 400 hồ sơ).", True),
    ("Đã tiếp nhận 1.000 hồ sơ (trực tuyến 650 hồ sơ, trực tiếp 400 hồ sơ).", False),
    ("Đã giải quyết 950/1.000 hồ sơ, đạt 95%.", True),
    ("Tỷ lệ giải quyết đúng hạn đạt 96,5% (1.930/2.000 hồ sơ).", True),
    ("Có 45/50 xã đạt chuẩn nông thôn mới, chiếm 91%.", False),
    ("Có 2.456/2.500 hồ sơ được giải quyết đúng hạn (98,24%).", True),
    ("Đã có 1.258/1.300 hộ được cấp điện, đạt 96,77%.", True),
    ("Kết quả: có 1.520 hồ sơ được giải quyết trước hạn, 3.200 hồ sơ đúng hạn, 15 hồ sơ trễ hạn; tổng cộng 4.735 hồ sơ.", True),
    ("Kết quả: có 1.520 hồ sơ được giải quyết trước hạn, 3.200 hồ sơ đúng hạn, 15 hồ sơ trễ hạn; tổng cộng 4.753 hồ sơ.", False),
    ("Đã tiếp nhận 500 hồ sơ, đã giải quyết 480 hồ sơ (đạt 96%), đang giải quyết 20 hồ sơ.", True),
    ("Đã tiếp nhận 500 hồ sơ, đã giải quyết 480 hồ sơ (đạt 94%), đang giải quyết 20 hồ sơ.", False),
    ("Tổng số đơn thư tiếp nhận là 245 đơn, trong đó: đơn khiếu nại 120 đơn, đơn tố cáo 45 đơn, đơn kiến nghị, phản ánh 80 đơn.", True),
    ("Tổng số hồ sơ tiếp nhận: 12.345 hồ sơ (trực tuyến: 10.000; trực tiếp: 2.345).", True),
    ("Tổng số hồ sơ tiếp nhận: 12.345 hồ sơ (trực tuyến: 10.000; trực tiếp: 2.354).", False),
    ("Đã có 1.258/1.300 hộ được cấp điện, đạt 97,77%.", False),
    ("Toàn tỉnh có 456 trường học, trong đó 312 trường đạt chuẩn quốc gia, tỷ lệ 68,4%.", True),
    ("Có 2.456/2.500 hồ sơ được giải quyết đúng hạn (98,42%).", False),
    ("Tổng vốn đầu tư 3.000 tỷ đồng, gồm vốn ngân sách 1.200 tỷ đồng và vốn xã hội hóa 1.900 tỷ đồng.", False),
])
def test_sum_ratio_and_shares_rules(text: str, consistent: bool) -> None:
    checks = [c for c in check_text(text) if c.check != "range"]
    assert checks and all(c.consistent for c in checks) is consistent


def test_shares_of_a_breakdown_after_its_parts() -> None:
    checks = check_text("Tiếp nhận 1.200 hồ sơ; đúng hạn 1.150 hồ sơ (95,83%); trễ hạn 50 hồ sơ (4,17%).")
    # the two shares of 1.200 add to 100%, so 1.150 + 50 is its breakdown as well
    assert [(c.check, c.consistent, c.computed) for c in checks] == [
        ("sum", True, D(1200)), ("ratio", True, D("95.8333")), ("ratio", True, D("4.1667")), ("shares", True, D("100.00"))]


def test_thresholds_and_equivalents_are_not_rates_or_parts() -> None:
    assert [c for c in check_text("Nhóm Tốt gồm 19/63 tỉnh, thành phố đạt Chỉ số trên 80%.") if c.check == "ratio"] == []
    each = "Năm 2023, 5/5 khu vực đều có giá trị trung bình Chỉ số Hài lòng (SIPAS 2023) đạt trên 80% và đều tăng."
    assert [c for c in check_text(each) if c.check == "ratio"] == []
    assert check_text("tổng số vốn 405.570 tỷ đồng (tương đương 17,6 tỷ USD) và 270.458 tỷ đồng vốn tăng thêm.") == []


def test_money_sum_message_keeps_the_reports_scale() -> None:
    (c,) = check_text("Tổng vốn đầu tư 3.000 tỷ đồng, gồm vốn ngân sách 1.200 tỷ đồng và vốn xã hội hóa 1.900 tỷ đồng.")
    assert "1.200 + 1.900 = 3.100 tỷ đồng" in c.message and "chênh 100 tỷ đồng" in c.message


def test_range_check_reports_impossible_share() -> None:
    (c,) = check_text("Tỷ lệ hài lòng đạt 130%.")
    assert c.check == "range" and not c.consistent


def test_coverage_achieved_against_a_target_may_pass_100_percent() -> None:
    """Doses given to a target population "(đạt tỷ lệ 104,2%)" may pass 100%; a share may not."""
    text = "Trẻ từ 5 đến 11 tuổi đã tiêm mũi 1 là 81.200 liều (đạt tỷ lệ 104,2%), mũi 2 là 70.100 liều."
    assert not [c for c in check_text(text) if c.check == "range"]
    assert [c.check for c in check_text("Số hộ nghèo chiếm tỷ lệ 104,2% số hộ.")] == ["range"]


def test_vn_number_format() -> None:
    assert vn_number(D(102669)) == "102.669" and vn_number(D("49.9236"), 2) == "49,92"


def verdicts_of(text: str, check: str) -> list[bool]:
    """The verdicts `check_text` gives `text` for one kind of check ("sum", "ratio"), in order."""
    return [c.consistent for c in check_text(text) if c.check == check]


def alarms_of(text: str) -> list[str]:
    """The messages of the checks `check_text` finds inconsistent in `text`."""
    return [c.message for c in check_text(text) if not c.consistent]


def _build(tmp_path: Path, fixtures: Path) -> Path:
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "scraper", "build", str(fixtures), "--out", str(out), "--quiet"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return out


def test_compare_finds_exactly_the_deliberate_differences(tmp_path: Path, fixtures: Path) -> None:
    out = _build(tmp_path, fixtures)
    rows = compare_dataset(fixtures / "official" / "official.csv", out)
    assert [r.status for r in rows] == ["matched", "matched", "matched", "mismatch", "mismatch", "matched", "mismatch", "matched", "missing"]
    assert rows[3].extracted_value == D("99.93") and rows[3].difference == D("0.43")
    assert rows[6].raw == "132.134 tỷ đồng"


def test_compare_cli_fail_on_and_conflicts(tmp_path: Path, fixtures: Path) -> None:
    out = _build(tmp_path, fixtures)
    cmd = [sys.executable, "-m", "scraper", "qa", "compare", str(fixtures / "official" / "official.csv"), "--dataset", str(out)]
    assert subprocess.run(cmd, capture_output=True).returncode == 0
    r = subprocess.run(cmd + ["--fail-on", "mismatch"], capture_output=True, text=True)
    assert r.returncode == 1 and "3 mismatch" in r.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,value\nx,abc\n", encoding="utf-8")
    r = subprocess.run(cmd[:5] + [str(bad), "--dataset", str(out)], capture_output=True, text=True)
    assert r.returncode == 3 and "not a number" in r.stderr and "Traceback" not in r.stderr


def test_html_report_structure(tmp_path: Path, fixtures: Path) -> None:
    from selectolax.lexbor import LexborHTMLParser

    report = tmp_path / "qa.html"
    r = subprocess.run([sys.executable, "-m", "scraper", "qa", "check", "--text", str(fixtures / "seed-body.txt"), "--format", "html", "-o", str(report)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    tree = LexborHTMLParser(report.read_text(encoding="utf-8"))
    marks = tree.css("mark.fig")
    assert len(marks) == 37 and len(tree.css("mark.fig.flag")) == 3  # 49,93% with its 980 and 1.963
    assert [m.text() for m in tree.css("mark.fig.flag")] == ["1.963", "980", "49,93%"]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium not installed (.ci/run installs it)")
def test_html_report_in_a_real_browser(tmp_path: Path, fixtures: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    report = tmp_path / "qa.html"
    subprocess.run([sys.executable, "-m", "scraper", "qa", "check", "--text", str(fixtures / "seed-body.txt"), "--format", "html", "-o", str(report)], check=True, capture_output=True)
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(report.as_uri())
        assert page.locator("mark.fig").count() == 37
        assert page.locator("mark.fig").first.is_visible()
        page.locator("mark.fig.flag").last.click()
        assert "49.93" in page.locator("#tip").inner_text()
        page.screenshot(path=str(tmp_path / "qa.png"), full_page=True)
        browser.close()
    assert errors == []
    assert (tmp_path / "qa.png").stat().st_size > 10_000


def test_conflicting_values_across_articles(tmp_path: Path) -> None:
    from scraper.store import Dataset

    text2 = "<html><body><h1>Báo cáo thứ hai của tỉnh</h1><p>Từ 01/1 đến 31/5/2021, huyện Bàu Bàng tiếp nhận 1.200 hồ sơ. Tỷ lệ giải quyết đúng hạn đạt 97,5%.</p></body></html>"
    text1 = text2.replace("97,5%", "98,2%").replace("thứ hai", "thứ nhất")
    with Dataset(tmp_path) as ds:
        for i, html in enumerate((text1, text2)):
            ds.store_article(parse_article(html.encode(), url=f"https://a.gov.vn/{i}"))
    r = subprocess.run([sys.executable, "-m", "scraper", "qa", "check", "--dataset", str(tmp_path)], capture_output=True, text=True)
    rows = [__import__("json").loads(x) for x in r.stdout.splitlines()]
    conflicts = [x for x in rows if x["check"] == "conflict"]
    assert len(conflicts) == 1 and not conflicts[0]["consistent"]
    assert {f["raw"] for f in conflicts[0]["figures"]} == {"98,2%", "97,5%"}
    assert "huyện Bàu Bàng" in conflicts[0]["message"]


def test_breakdown_across_semicolons_when_the_parts_fit() -> None:
    checks = check_text("Số lao động được giải quyết việc làm là 25.000 người, trong đó lao động nữ 12.000 người, chiếm 48%; lao động nam 13.000 người, chiếm 52%.")
    assert [(c.check, c.consistent) for c in checks] == [("sum", True), ("ratio", True), ("ratio", True), ("shares", True)]


def test_rate_of_files_due_uses_the_files_due() -> None:
    checks = check_text("Tiếp nhận 1.000 hồ sơ, trong đó 900 hồ sơ đến hạn giải quyết; đã giải quyết đúng hạn 880 hồ sơ, đạt tỷ lệ 97,8%.")
    assert [(c.check, c.consistent) for c in checks] == [("ratio", True)]
    assert "880/900" in checks[0].message


def test_entities_in_pasted_text_keep_exact_spans() -> None:
    text = "Tiếp nhận 102.669&nbsp;hồ sơ, đạt 98,2&#37; và 5&nbsp;%"
    fs = extract_figures(text)
    assert [(f.raw, f.value, f.unit) for f in fs] == [("102.669", D(102669), "hồ sơ"), ("98,2&#37;", D("98.2"), "%"), ("5&nbsp;%", D(5), "%")]
    assert all(text[f.start : f.end] == f.raw for f in fs)


@pytest.mark.parametrize("text", [
    "Huyện có 9/10 xã đạt chuẩn nông thôn mới; tỷ lệ hộ nghèo giảm còn 0,9%.",
    "Trung tâm tiếp nhận 21.540 hồ sơ, trong đó 21.102 hồ sơ đã giải quyết và 438 hồ sơ đang giải quyết; tỷ lệ giải quyết đúng hạn đạt 99,6%.",
])
def test_a_rate_of_something_else_is_not_checked_against_a_count(text: str) -> None:
    assert [c for c in check_text(text) if c.check == "ratio"] == []


def test_compare_normalises_entities_units_and_tolerance() -> None:
    from datetime import date as d

    from scraper.qa import compare_figures

    figures = [
        {"value": "132134000000000", "kind": "money", "unit": "đồng", "raw": "132.134 tỷ đồng", "indicator": "Tổng thu NSNN trên địa bàn",
         "entity": "UBND thành phố Hà Nội", "period_start": "2019-01-01", "period_end": "2019-06-30", "sentence": "…", "article_url": "u", "prior_period": False},
        {"value": "98.2", "kind": "percent", "unit": "%", "raw": "98,2%", "indicator": "Tỷ lệ giải quyết đúng hạn", "entity": "huyện Bàu Bàng",
         "period_start": "2021-01-01", "period_end": "2021-05-31", "sentence": "…", "article_url": "u", "prior_period": False},
    ]
    official = [
        {"indicator": "tổng thu ngân sách nhà nước trên địa bàn (NSNN)", "entity": "Hà Nội", "period_start": d(2019, 1, 1), "period_end": d(2019, 6, 30),
         "value": D("132.1"), "unit": "nghìn tỷ đồng", "tolerance": 0.001},
        {"indicator": "Tỷ lệ giải quyết đúng hạn", "entity": "Bàu Bàng", "period_start": None, "period_end": None, "value": D("98.2"), "unit": "tỷ lệ", "tolerance": None},
        {"indicator": "Tỷ lệ giải quyết đúng hạn", "entity": "huyện Dầu Tiếng", "period_start": None, "period_end": None, "value": D("99"), "unit": "%", "tolerance": None},
    ]
    rows = compare_figures(official, figures)
    assert [r.status for r in rows] == ["matched", "matched", "missing"]


# --- part/whole and rate pairing (scraper/qa/pairs.py), sentences in our own words modelled on real reports ---

# (rule, text, expected (check, consistent) of the checks that are not "range"/"shares")
def _heads(text: str, check: str) -> list[tuple[str, bool]]:
    """(what a check adds up or divides, its verdict) for every `check` check of the text, in order."""
    return [(c.message.split(" = ")[0], c.consistent) for c in check_text(text) if c.check == check]


def _twice(name: str, wrong: str, template: str, values: tuple[str, str], expected: tuple[list, list]) -> list:
    """Two rows of one sentence: as printed right, then with one number misprinted (`template` holds "{}")."""
    return [(name, template.format(values[0]), expected[0]), (wrong, template.format(values[1]), expected[1])]


PAIRING = [
    ("total after its parts: 'lũy kế'", "Trong kỳ mới tiếp nhận 300 hồ sơ, kỳ trước chuyển sang 40 hồ sơ, lũy kế 340 hồ sơ.",
     [("sum", True)]),
    ("total after its parts, misprinted", "Trong kỳ mới tiếp nhận 300 hồ sơ, kỳ trước chuyển sang 40 hồ sơ, lũy kế 350 hồ sơ.",
     [("sum", False)]),
    ("'Cụ thể:' opens the next sentence", "Trung tâm đã tiếp 80 lượt công dân. Cụ thể: tiếp thường xuyên 50 lượt; tiếp định kỳ 30 lượt.",
     [("sum", True)]),
    ("'Cụ thể:' with a wrong part", "Trung tâm đã tiếp 80 lượt công dân. Cụ thể: tiếp thường xuyên 50 lượt; tiếp định kỳ 35 lượt.",
     [("sum", False)]),
    ("'Trong N …, có'", "Trong 40 đơn đã giải quyết, có 25 đơn rút, 15 đơn được công nhận.", [("sum", True)]),
    ("'Trong N …, có' short", "Trong 40 đơn đã giải quyết, có 25 đơn rút, 12 đơn được công nhận.", [("sum", False)]),
    ("classifier 'lượt' read past", "Hội nghị ghi nhận 120 lượt ý kiến, trong đó 70 ý kiến đồng ý và 50 ý kiến đề nghị bổ sung.",
     [("sum", True)]),
    ("classifier 'bộ' and 'HS' = hồ sơ", "Sở nhận 500 bộ hồ sơ, trong đó 320 hồ sơ trực tuyến, 180 HS trực tiếp.", [("sum", True)]),
    *_twice("a share of 'tổng số đã đào tạo': over what the clause before says was done (a fraction's numerator)",
            "… and one that misses it is an alarm",
            "Giai đoạn vừa qua đã tổ chức đào tạo nghề cho lao động nông thôn là: 12.500/12.000 người, đạt 104,17% "
            "so với kế hoạch. Đào tạo cho lao động nữ là: 5.000 người, chiếm tỉ lệ {} so với tổng số đã đào tạo.",
            ("40%", "45%"), ([("ratio", True), ("ratio", True)], [("ratio", True), ("ratio", False)])),
    *_twice("'Trong đó' after a fraction and its own rate: a share of the fraction's count (past 'liên tục 3 năm')",
            "… misprinted",
            "Năm nay, huyện công nhận 8.420/9.100 hộ đạt danh hiệu gia đình văn hóa, chiếm tỷ lệ 92,5%. Trong đó, có "
            "2.105 hộ liên tục 3 năm đạt danh hiệu, chiếm tỷ lệ {}.", ("25,0%", "25,2%"),
            ([("ratio", True), ("ratio", True)], [("ratio", True), ("ratio", False)])),
    ("a count grouped in thousands and scaled by a slip ('4.250 ngàn vụ việc') is what its unscaled parts make",
     "Năm nay, Tòa án hai cấp đã thụ lý 4.250 ngàn vụ việc. Trong đó, Tòa án tỉnh thụ lý 350 vụ việc, Tòa án các "
     "huyện thụ lý 3.900 vụ việc.", [("sum", True)]),
    *_twice("'giảm 3 người (27/30 người, bằng 10%)': this period over the last, and the fall between them",
            "… misprinted",
            "So với cùng kỳ năm trước, tai nạn giao thông giảm 3 người chết (27/30 người, bằng 10%) và giảm 8 người "
            "bị thương (12/20 người, bằng {}).", ("40%", "45%"),
            ([("sum", True), ("ratio", True), ("ratio", True)], [("sum", True), ("ratio", True), ("ratio", False)])),
    ("'Năm Căn', 'Ba Tri' are places, not five and three: the two districts get 15 houses each",
     "Trong 100 căn nhà phân bổ đợt này, thành phố được 10 căn; huyện Thới Bình 20 căn; 2 huyện Ba Tri và Năm "
     "Căn, mỗi huyện 15 căn; huyện Đầm Dơi 40 căn.", [("sum", True)]),
    *_twice("two wholes of one noun in millions and billions, their parts in pairs after 'Trong đó' a line below",
            "… the second whole misprinted: judged over its own parts, not all four",
            "Vận tải hành khách tháng Ba ước đạt 350,6 triệu lượt khách, tăng 8,2% và {} tỷ lượt khách, tăng 9,1%.\n\n"
            "Trong đó vận tải trong nước đạt 349,1 triệu lượt khách, tăng 8,3% và 12,3 tỷ lượt khách, tăng 9,5%; vận "
            "tải ngoài nước đạt 1,5 triệu lượt khách, tăng 4,0% và 4,1 tỷ lượt khách, tăng 7,9%.", ("16,4", "16,9"),
            ([("sum", True), ("sum", True)], [("sum", True), ("sum", False)])),
    *_twice("an estimated round total of finer parts is rounded to its zeros ('ước đạt 612.000 tấn')",
            "… but a total not said to be estimated is taken as printed",
            "Sản lượng hàng hóa qua cảng năm nay {} 612.000 tấn. Trong đó, hàng quốc tế đạt 540.000 tấn; hàng nội "
            "địa đạt 71.700 tấn.", ("ước đạt", "đạt"), ([("sum", True)], [("sum", False)])),
    *_twice("… within half a thousand", "… and a part further off is an alarm",
            "Sản lượng hàng hóa qua cảng năm nay ước đạt 612.000 tấn. Trong đó, hàng quốc tế đạt 540.000 tấn; hàng "
            "nội địa đạt {} tấn.", ("72.400", "72.600"), ([("sum", True)], [("sum", False)])),
    *_twice("'cơ sở' broken down into schools, centres and other establishments", "… one short of its whole",
            "Hiện nay, toàn huyện có {} cơ sở giáo dục nghề nghiệp, trong đó có 2 trường cao đẳng, 6 trung tâm công "
            "lập và 17 cơ sở khác.", ("25", "26"), ([("sum", True)], [("sum", False)])),
    ("shares of an unprinted whole, each told after a long name of its group",
     "Trong quý có 2,4 nghìn hợp tác xã đăng ký mới thuộc nhóm ngành nông, lâm nghiệp và thủy sản, chiếm 20% tổng "
     "số; có 9,6 nghìn hợp tác xã thuộc nhóm ngành dịch vụ, chiếm 80%.", [("ratio", True), ("ratio", True)]),
    *_twice("counts in millions: parts one unit each off by rounding still make the total",
            "… two units off is more than their rounding and the total's: an alarm",
            "Năm nay các cảng đón {} triệu lượt khách, trong đó khách quốc tế 3,1 triệu lượt và khách nội địa 9,1 "
            "triệu lượt.", ("12,3", "12,4"), ([("sum", True)], [("sum", False)])),
    ("a change and its rate after 'tương ứng mức tăng', past a long noun",
     "Năm nay các phòng đã cấp 1.260 giấy phép xây dựng, tăng 60 giấy phép xây dựng, tương ứng mức tăng 5% so với "
     "cùng kỳ.", [("ratio", True)]),
    ("members broken down as 'CCB' (cựu chiến binh: the same people)",
     "Hội có 95 hội viên tham gia công tác chính quyền, đoàn thể. Trong đó, có 70 CCB là trưởng, phó phòng, 25 CCB "
     "là giám đốc, phó giám đốc.", [("sum", True)]),
    ("'tổng số giấy phép … là N trường hợp': cases of the permits the total names, the whole of a share",
     "Từ năm 2015 đến nay, tổng số giấy phép khai thác được cấp trên địa bàn là 1.250 trường hợp. Các giấy phép chủ "
     "yếu cấp tại hai huyện lớn là 800 giấy phép, chiếm tỷ lệ 64%.", [("ratio", True)]),
    ("two wide nouns of the same people: 'đối tượng' broken down into 'trường hợp'",
     "Huyện đã duyệt hỗ trợ hằng tháng cho 12 đối tượng. Trong đó, xã Đông có 5 trường hợp, xã Tây có 4 trường "
     "hợp và xã Nam có 3 trường hợp.", [("sum", True)]),
    ("parenthesised breakdown ends at its parenthesis",
     "Cơ quan tiếp nhận, xử lý 900 đơn (tồn kỳ trước 60 đơn, tiếp nhận mới 840 đơn), tăng 100 đơn (cùng kỳ năm trước tiếp nhận 800 đơn).",
     [("sum", True), ("sum", True)]),  # 60 + 840 = 900, and last year's 800 + 100 = 900
    ("a rise in percentage points over last year's value", "Chỉ số đạt 88,4%, cao hơn 1,6% so với năm trước (86,8%).", [("sum", True)]),
    ("a fall larger than what is left ('từ 52,4% xuống 21,6%, giảm 30,8%')",
     "Tỷ lệ hộ nghèo giảm từ 52,4% năm 2010 xuống 21,6% năm 2020. Như vậy, sau 10 năm đã giảm được 30,8%.", [("sum", True)]),
    ("an entity list 'như sau:' adds up to the province",
     "Toàn tỉnh gieo cấy 1.500ha lúa. Diện tích của các huyện như sau: huyện A: 700ha; huyện B: 500ha; huyện C: 300ha.",
     [("sum", True)]),
    ("'X trên tổng số Y' is a fraction", "Đã giải quyết 990 hồ sơ trên tổng số 1.000 hồ sơ, đạt trên 98%.", [("ratio", True)]),
    ("'đạt trên X%' is at least X%", "Đã giải quyết 985 hồ sơ trên tổng số 1.000 hồ sơ, đạt trên 99%.", [("ratio", False)]),
    ("a share of a named whole ('chiếm 8% diện tích lúa')",
     "Toàn tỉnh gieo trồng 50.000 ha lúa. Năm nay có 4.000 ha lúa chất lượng cao, chiếm 8% diện tích lúa.", [("ratio", True)]),
    ("a yield is output over area", "Sản lượng lúa đạt 312.000 tấn, diện tích 52.000 ha, năng suất bình quân 60 tạ/ha.",
     [("per_unit", True)]),
    ("a yield that output over area does not give", "Sản lượng lúa đạt 312.000 tấn, diện tích 52.000 ha, năng suất bình quân 65 tạ/ha.",
     [("per_unit", False)]),
    ("an average stay", "Bệnh viện điều trị nội trú 2.000 lượt bệnh nhân với 14.000 ngày điều trị, bình quân 7 ngày/lượt.",
     [("per_unit", True)]),
    ("percentage-point contributions add up to the growth",
     "GRDP tăng 7,2%; trong đó công nghiệp đóng góp 4,1 điểm phần trăm, dịch vụ đóng góp 2,5 điểm phần trăm, nông nghiệp đóng góp "
     "0,8 điểm phần trăm.", [("sum", False)]),
    ("counts printed in thousands are rounded",
     "Trong tháng, trung tâm tiếp nhận 7,42 ngàn hồ sơ. Trong đó có 1,33 ngàn HS kỳ trước chuyển sang, tiếp nhận mới "
     "trực tiếp 4,06 ngàn HS, tiếp nhận trực tuyến 2,01 ngàn HS, qua bưu chính 24 HS.", [("sum", True)]),
    ("a 'trong đó' part of a fraction's numerator",
     "Số hồ sơ được giải quyết là 2.310/2.500, trong đó giải quyết đúng hạn 2.298 hồ sơ (tỷ lệ 99,5%).", [("ratio", True)]),
    ("a role held by two figures is a longer list, not the identity",
     "Đã giải quyết 1.000 hồ sơ, trong đó trước hạn 700 hồ sơ, chiếm 70%; đúng hạn 280 hồ sơ, chiếm 28%; quá hạn 20 hồ sơ, "
     "chiếm 2%.", [("sum", True), ("ratio", True), ("ratio", True), ("ratio", True)]),
    ("'a ha/b ha' is a fraction", "Toàn tỉnh đã trồng được 4.500 ha/5.000 ha kế hoạch, bằng 90%.", [("ratio", True)]),
    ("a nearer figure does not block 'trong đó' (parallel lists)",
     "Năm qua đã tiếp 500 lượt công dân với 420 người; trong đó tiếp thường xuyên 300 lượt với 250 người; "
     "tiếp đột xuất 200 lượt với 170 người.", [("sum", True), ("sum", True)]),
    ("rate named before its whole ('hồ sơ đến hạn' after)", "Số hồ sơ giải quyết đúng hạn 1.090 (đạt 99,1%); hồ sơ đến hạn 1.100.",
     [("ratio", True)]),
    ("rate against the files due, misprinted", "Số hồ sơ giải quyết đúng hạn 1.090 (đạt 97,1%); hồ sơ đến hạn 1.100.",
     [("ratio", False)]),
    ("rate of a 'trong đó' subset", "Tổng đài nhận 2.400 cuộc gọi, trong đó có 1.200 cuộc gọi được xử lý, đạt tỷ lệ 50,1%.",
     [("ratio", False)]),
    ("whole in an earlier line, 'chiếm … tổng số'",
     "Năm nay có tổng số 800 thí sinh đăng ký dự thi.\nMôn Toán có 560 thí sinh đăng ký, chiếm 70% tổng số thí sinh.",
     [("ratio", True)]),
    ("hedged total ('gần')", "Tổng vốn đạt gần 50 nghìn tỷ đồng; trong đó vốn nhà nước 12,4 nghìn tỷ đồng, vốn ngoài nhà nước 38 nghìn tỷ đồng.",
     [("sum", True)]),
    ("'nghìn'-scaled total rounds at its printed precision",
     "Tổng số lượt truy cập đạt 8,96 nghìn lượt, gồm 5.230 lượt từ máy tính và 3.734 lượt từ điện thoại.", [("sum", True)]),
    ("a share of a subgroup's total ('tổng số hộ dân tộc thiểu số') is not of every household said before",
     "Toàn xã có 2.000 hộ dân cư; trong đó hộ nghèo 300 hộ, chiếm 15%. Hộ nghèo là người dân tộc thiểu số "
     "có 240 hộ, chiếm 60% tổng số hộ dân tộc thiểu số.", [("ratio", True)]),
    ("what was sown is not held to a list with a part still planned ('dự kiến gieo trồng trên …')",
     "Đến nay, bà con trong huyện đã thực hiện xuống giống được 9.000 ha, bằng 95,5% kế hoạch.\n\n"
     "Trong đó, lạc xuân là 4.000 ha, năng suất đạt 50,2tạ/ha; lạc thu dự kiến xuống giống trên "
     "5.500 ha (lạc sớm 3.100 ha, lạc muộn 2.402,7ha), đến nay thực hiện đạt 4.950 ha.", [("sum", True)]),
    ("a count said again ('4 ngành này') is no second part, and counts of kinds are no whole of shares",
     "Giá trị tăng thêm của khu vực dịch vụ quý I là 200.000 tỷ đồng, trong đó 9 ngành dịch vụ 180.000 tỷ đồng."
     "\n\nVề tỷ trọng của 9 ngành dịch vụ trọng yếu trong GRDP quý I, 09 ngành này chiếm 55,5% GRDP và chiếm "
     "90% khu vực dịch vụ. Trong đó, 4 ngành chiếm tỷ trọng cao trong GRDP là thương nghiệp (15,1%), vận tải "
     "kho bãi (9,2%), tài chính ngân hàng (7,3%), du lịch (4,4%). 4 ngành này chiếm 60,3% nội bộ khu vực dịch "
     "vụ.", []),
    ("a list ending in 'khác' is of the total, not of last period's value in brackets after it",
     "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ quý I đạt trên 10.000 tỷ đồng, tăng 9% so với cùng kỳ (cùng "
     "kỳ đạt khoảng 9.170 tỷ đồng). Xét theo ngành kinh doanh, doanh thu bán lẻ hàng hóa đạt 7.000,5 tỷ đồng, tăng "
     "8%; dịch vụ lưu trú, ăn uống đạt 2.000,2 tỷ đồng, tăng 16%; dịch vụ lữ hành đạt 100,1 tỷ đồng, tăng 50%; "
     "dịch vụ khác đạt 899,7 tỷ đồng, tăng 9% so với cùng kỳ.", [("sum", True), ("ratio", True)]),
    ("'vượt X% so kế hoạch' is against a plan not given, no share of the list's whole",
     "Nuôi tôm thâm canh trên 8.000 ha/12.000 hộ, đạt 90% kế hoạch; trong đó, nuôi siêu thâm canh trên 3.700 "
     "ha/3.800 hộ, vượt 15,5% so kế hoạch, tăng 25% so cùng kỳ; nuôi thâm canh trên 4.300 ha/8.200 hộ.",
     [("sum", True), ("sum", True)]),
    ("an item of the plans said after ends at 'và': BHYT's remainder is not the voluntary scheme's plan",
     "Về BHXH bắt buộc, tỉnh có 90.000 người tham gia, đạt 90% kế hoạch; về BHXH tự nguyện có 3.000 người tham "
     "gia, đạt 30% kế hoạch; về BHYT có 200.000 người, đạt 80% kế hoạch.\nĐể hoàn thành các chỉ tiêu, toàn tỉnh "
     "cần phải phát triển thêm 10.000 người tham gia BHXH bắt buộc; 7.000 người tham gia BHXH tự nguyện và "
     "50.000 người tham gia BHYT.", []),
    ("a rate of plan after the total is the total's, not the rate of a fraction before it",
     "Trong công tác thu ngân sách có 12/15 khoản đạt dự toán, với tổng thu ước đạt 900 tỷ đồng, đạt 48,5% kế "
     "hoạch, tăng 10% so với cùng kỳ; trong đó, thu cân đối đạt 890 tỷ đồng và thu quản lý qua ngân sách 10 tỷ "
     "đồng.", [("sum", True)]),
    ("a change over last year's value", "Tai nạn giao thông xảy ra 950 vụ, so với cùng kỳ giảm 50 vụ (-5%).", [("ratio", True)]),
    ("a verb where the noun would be ('600 đăng ký') counts the whole's people",
     "Kỳ thi có tổng số 1.500 thí sinh đăng ký dự thi.\nMôn Lịch sử có 600 đăng ký, chiếm 40% tổng số thí sinh dự thi.",
     [("ratio", True)]),
    ("a verb where the noun would be, misprinted share",
     "Kỳ thi có tổng số 1.500 thí sinh đăng ký dự thi.\nMôn Lịch sử có 600 đăng ký, chiếm 42% tổng số thí sinh dự thi.",
     [("ratio", False)]),
    ("a fraction whose numerator's breakdown sits between it and '/'",
     "Kết quả, đã giải quyết 90 đơn (70 khiếu nại, 20 tố cáo)/120 đơn, đạt tỷ lệ 75%.", [("sum", True), ("ratio", True)]),
    ("the same fraction, misprinted rate",
     "Kết quả, đã giải quyết 90 đơn (70 khiếu nại, 20 tố cáo)/120 đơn, đạt tỷ lệ 78%.", [("sum", True), ("ratio", False)]),
    ("abbreviated labels before the counts ('KN 76, TC 143')",
     "Số đơn đủ điều kiện xử lý là 300 đơn (KN 76, TC 143 và kiến nghị 81 đơn).", [("sum", True)]),
    ("abbreviated labels, a part misprinted", "Số đơn đủ điều kiện xử lý là 300 đơn (KN 76, TC 143 và kiến nghị 100 đơn).",
     [("sum", False)]),
    ("a closed parenthesis is the whole's breakdown even when one part exceeds it",
     "Số đơn đủ điều kiện xử lý là 300 đơn (KN 20, TC 30 và kiến nghị 310 đơn).", [("sum", False)]),
    ("interleaved lists told apart by a tag after the noun ('vụ KN', 'vụ TC')",
     "Đã giải quyết xong 30/40 vụ việc KN, 60/70 vụ việc TC thuộc thẩm quyền. Trong đó, có 8 vụ KN, 10 vụ TC đúng; 18 vụ KN, "
     "36 vụ TC sai; 4 vụ KN, 14 vụ TC đúng một phần.", [("sum", True), ("sum", True)]),
    ("'THPT có 12': an abbreviation and a verb before a count are no name",
     "Có 174 thư viện đạt chuẩn. Trong đó, tiểu học có 118 thư viện, THCS có 44 thư viện và THPT có 12", [("sum", True)]),
    ("the same list, misprinted last count",
     "Có 174 thư viện đạt chuẩn. Trong đó, tiểu học có 118 thư viện, THCS có 44 thư viện và THPT có 15", [("sum", False)]),
    ("a rate of a target range is of its low end", "Sản lượng gỗ khai thác 480 nghìn m3, đạt 80% so mục tiêu (600-750 nghìn m3).",
     [("ratio", True)]),
    ("a rate of a target range is of its high end", "Sản lượng gỗ khai thác 480 nghìn m3, đạt 64% so mục tiêu (600-750 nghìn m3).",
     [("ratio", True)]),
    ("'Không tính A (x) thì B đạt y': y + x is the B said before",
     "Thu nội địa đạt 9.000 tỷ đồng, tăng 8% so với cùng kỳ.\n\nKhông tính tiền sử dụng đất (3.000 tỷ đồng) thì thu nội địa "
     "đạt 6.000 tỷ đồng.", [("sum", True)]),
    ("'Không tính …' that does not add up",
     "Thu nội địa đạt 9.000 tỷ đồng, tăng 8% so với cùng kỳ.\n\nKhông tính tiền sử dụng đất (3.000 tỷ đồng) thì thu nội địa "
     "đạt 5.950 tỷ đồng.", [("sum", False)]),
    ("a fall governs its list ('giảm 20 lượt, 35 người')",
     "Đã tiếp 300 lượt/410 người. So với cùng kỳ giảm 20 lượt, 35 người (cùng kỳ năm trước tiếp 320 lượt/445 người).",
     [("sum", True), ("sum", True)]),  # 300 + 20 = 320 visits, 410 + 35 = 445 people
    ("a fraction broken down into fractions: numerators and denominators",
     "Toàn tỉnh có 210/400 trường đạt chuẩn quốc gia (trong đó 90/150 trường mầm non; 80/160 trường tiểu học; "
     "40/90 trường THCS).", [("sum", True), ("sum", True)]),
    ("a fraction broken down, denominators short of the whole",
     "Toàn tỉnh có 210/400 trường đạt chuẩn quốc gia (trong đó 90/150 trường mầm non; 80/160 trường tiểu học; "
     "40/80 trường THCS).", [("sum", True), ("sum", False)]),
    ("a fraction right after its rate ('đạt 98,5%, với 1.970/2.000')",
     "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%, với 1.970/2.000 hồ sơ.", [("ratio", True)]),
    ("'trên tổng số' after a longer noun phrase",
     "Có 150 xã đạt chuẩn nông thôn mới nâng cao trên tổng số 180 xã, đạt 83,3%.", [("ratio", True)]),
    ("a comparison rate naming its base right after it",
     "Đã giải ngân 1.250 tỷ đồng, đạt 62,5% kế hoạch vốn giao 2.000 tỷ đồng.", [("ratio", True)]),
    ("a comparison rate naming a base it does not match",
     "Đã giải ngân 1.250 tỷ đồng, đạt 65,2% kế hoạch vốn giao 2.000 tỷ đồng.", [("ratio", False)]),
    ("a list ending in a catch-all item breaks down the count before it, misprinted",
     "Trong quý, các cơ quan đã tiếp 75 lượt công dân. Nội dung về đất đai 50 lượt, chính sách 12 lượt, lĩnh vực "
     "khác 12 lượt.", [("sum", False)]),
    ("a catch-all list adds up to an earlier whole, not to the nearer subset",
     "Toàn huyện có 1.200 hộ nghèo; có 900 hộ nghèo thuộc dân tộc thiểu số. Hộ nghèo đông nhất là dân tộc Tày với "
     "500 hộ, tiếp đến là Kinh (300 hộ), Dao (350 hộ) và dân tộc khác (50 hộ).", [("sum", True)]),
    ("visits and persons as pairs, broken down pair by pair",
     "Trong tháng, huyện tiếp 140 lượt/170 người. Trong đó, tiếp thường xuyên 90/110 người; tiếp định kỳ 50 lượt/60 "
     "người.", [("sum", True), ("sum", True)]),
    ("visits and persons as pairs, the persons misprinted",
     "Trong tháng, huyện tiếp 140 lượt công dân/170 người. Trong đó, tiếp thường xuyên 90/110 người; tiếp định kỳ "
     "50 lượt /62 người.", [("sum", True), ("sum", False)]),
    ("'Trong số <words>,' names a whole stated before by its words",
     "Tổng số thụ lý là 560 việc. Kết quả phân loại có 400 việc có điều kiện thi hành và 160 việc chưa có điều kiện "
     "thi hành. Trong số có điều kiện thi hành, đã thi hành xong 300 việc, đạt 74%.", [("sum", True), ("ratio", False)]),
    ("'Trong số <words>,' before a rate said to be against a plan: it confirms only",
     "Tổng số thụ lý là 560 việc. Kết quả phân loại có 400 việc có điều kiện thi hành và 160 việc chưa có điều kiện "
     "thi hành. Trong số có điều kiện thi hành, đã thi hành xong 300 việc (tỷ lệ 75% so với chỉ tiêu giao).",
     [("sum", True), ("ratio", True)]),
    ("court cases and defendants as dash pairs: the rate is of either count",
     "Tòa án hai cấp đã thụ lý 400 vụ - 650 bị cáo, giải quyết 360 vụ - 600 bị cáo, đạt 90%.", [("ratio", True)]),
    ("a clause that is only a rate is of the count the clause before opens with",
     "Tổng số phải thi hành là 1.000 việc, trong đó: số có điều kiện thi hành là 800 việc, giảm 20 việc (giảm 2,4% "
     "so với cùng kỳ); chiếm 80% trong tổng số phải thi hành.", [("ratio", True), ("ratio", True)]),
    ("court cases counted as 'án' and as 'vụ' are the same things",
     "Trong 60 án tạm đình chỉ thì cấp tỉnh 15 vụ, cấp huyện 44 vụ.", [("sum", False)]),
    ("crime reports counted as 'nguồn tin' and 'tin báo' are the same things",
     "Viện kiểm sát đã kiểm sát việc giải quyết 80 nguồn tin về tội phạm. Đã giải quyết 72 tin báo (đạt 90%).",
     [("ratio", True)]),
    ("'a trong tổng số b' with a noun phrase before its rate, misprinted",
     "Năm nay tòa án huyện đã giải quyết 450 vụ, việc trong tổng số 500 vụ, việc các loại án thụ lý, đạt tỷ lệ 92%.",
     [("ratio", False)]),
    ("cases a court took up ('thụ lý') are what its resolved rate is over",
     "Án dân sự tòa thụ lý là 200 vụ, việc, tăng 30 vụ, việc so với cùng kỳ; đã giải quyết 150 vụ, đạt tỷ lệ 76%.",
     [("ratio", False)]),
    *_twice("newly taken up plus carried over: the rate is over both, a whole left unprinted (not the new cases "
            "alone)", "… an inferred whole only confirms: a rate it misses raises nothing",
            "Tòa án thụ lý mới 500 vụ việc + 100 vụ việc năm trước chuyển sang; đã giải quyết 420 vụ việc, đạt {}.",
            ("70%", "76%"), ([("ratio", True)], [])),
    ("a rate and then 'tương đương a/b', misprinted",
     "Các tòa án chú trọng hòa giải, đạt tỷ lệ 64%, tương đương 310 vụ, việc/500 vụ.", [("ratio", False)]),
    ("a share stated past its count's growth is of that count, misprinted",
     "Kim ngạch xuất khẩu đạt 80 triệu USD, tăng 10% so với cùng kỳ. Trong đó, doanh nghiệp trong nước đạt 50 triệu "
     "USD, tăng 20% so với cùng kỳ, chiếm 60% kim ngạch xuất khẩu.", [("ratio", False)]),
    ("'tiểu đường: 350' is a count of patients, not a road",
     "Điều trị ngoại trú 900 lượt bệnh nhân. Trong đó, bệnh nhân tăng huyết áp: 400, bệnh nhân tiểu đường: 350, các "
     "bệnh khác: 150.", [("sum", True)]),
    ("the statistics office's retail total and its four parts, a paragraph apart",
     "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 3.000 tỷ đồng, tăng 10%.\nDoanh thu bán lẻ hàng "
     "hóa đạt 2.300 tỷ đồng, tăng 9%. Doanh thu lưu trú, ăn uống đạt 400 tỷ đồng, doanh thu du lịch lữ hành đạt 50 "
     "tỷ đồng và doanh thu dịch vụ khác đạt 250 tỷ đồng.", [("sum", True)]),
    ("'trong tổng mức N' names the whole its parts follow",
     "Trong tổng mức 500 tỷ đồng, doanh thu bán lẻ hàng hóa đạt 380 tỷ đồng, lưu trú ăn uống đạt 70 tỷ đồng, du lịch "
     "lữ hành 10 tỷ đồng và dịch vụ khác 30 tỷ đồng.", [("sum", False)]),
    ("'nâng tổng số … lên N' totals the parts before it, misprinted",
     "Năm 2022 có 12 xã đạt chuẩn nông thôn mới, năm 2023 có thêm 8 xã, nâng tổng số xã đạt chuẩn lên 21 xã.",
     [("sum", False)]),
    ("officials split into men and women counted as persons",
     "Toàn tỉnh có 1.500 cán bộ, công chức cấp xã; trong đó nam 900 người, nữ 600 người.", [("sum", True)]),
    ("a plan named after its rate with a year and a parenthesis, misprinted",
     "Tổng số vốn giải ngân đến nay là 1.200 tỷ đồng, bằng 62% kế hoạch vốn năm 2023 (2.000 tỷ đồng).",
     [("ratio", False)]),
    ("a total named after its parts ('tổng thu …') confirms",
     "Thu nội địa 800 tỷ đồng, thu xuất nhập khẩu 150 tỷ đồng, thu khác 50 tỷ đồng; tổng thu ngân sách 1.000 tỷ "
     "đồng.", [("sum", True)]),
    ("a total named after its parts ('tổng thu …') that they miss is no alarm: the list may not be all of it",
     "Thu nội địa 800 tỷ đồng, thu xuất nhập khẩu 150 tỷ đồng; tổng thu ngân sách 1.000 tỷ đồng.", []),
    ("fractions side by side whose denominators add up to the count before them confirm it",
     "Qua phân loại, có 300 đơn thuộc thẩm quyền. Đã giải quyết được 240/260 vụ khiếu nại và 35/40 vụ tố cáo.",
     [("sum", True)]),
    ("a rise against last year's value printed after it, misprinted",
     "Thu ngân sách đạt 1.200 tỷ đồng, tăng 25% so với cùng kỳ năm trước (1.000 tỷ đồng).", [("ratio", False)]),
    ("a fall against last year's value printed after it",
     "Số hộ nghèo là 900 hộ, giảm 10% so với năm 2022 (1.000 hộ).", [("ratio", True)]),
    ("a fall stated where the values rose is wrong",
     "Số hộ nghèo là 1.100 hộ, giảm 10% so với năm 2022 (1.000 hộ).", [("ratio", False)]),
    ("last year's value as '(cùng kỳ năm trước: N)'",
     "Doanh thu đạt 300 tỷ đồng, tăng 20% (cùng kỳ năm trước: 250 tỷ đồng).", [("ratio", True)]),
    ("a rise and then the next sentence's amount: no last year's value",
     "Tổng vốn đầu tư đạt 40 nghìn tỷ đồng, tăng 18,5% so với cùng kỳ. Trong đó, vốn nhà nước đạt 7,2 nghìn tỷ "
     "đồng.", []),
    ("two main items of a budget after 'trong đó' that fall short are no error: 'of which'",
     "Tổng chi ngân sách địa phương 6.000 tỷ đồng, trong đó chi đầu tư phát triển 2.000 tỷ đồng, chi thường xuyên "
     "3.900 tỷ đồng.", []),
    ("four sectors after 'trong đó:' that fall short are an error",
     "GRDP đạt 7.000 tỷ đồng, trong đó: nông nghiệp đạt 700 tỷ đồng; công nghiệp đạt 1.400 tỷ đồng; dịch vụ đạt "
     "4.500 tỷ đồng; thuế sản phẩm đạt 300 tỷ đồng.", [("sum", False)]),
    ("a province-wide count against its two levels (no districts since 2025), paragraphs apart",
     "Trong ngày, toàn tỉnh đã tiếp nhận 2.000 hồ sơ.\n\nỞ cấp xã, các trung tâm đã tiếp nhận 1.800 hồ sơ, giải "
     "quyết 900 hồ sơ.\n\nCác sở, ngành cấp tỉnh tiếp nhận 200 hồ sơ.", [("sum", True)]),
    ("a part that is what its whole is not ('chưa được công nhận đạt chuẩn') is outside it",
     "Đến nay tỉnh có 500 trường đạt chuẩn quốc gia. Trong đó, 420 trường đạt chuẩn quốc gia mức độ 1, có 80 trường "
     "đạt chuẩn quốc gia mức độ 2 và hiện còn 35 trường chưa được công nhận đạt chuẩn quốc gia.", [("sum", True)]),
    ("a rate named for on-time files after a count of another kind is not that count's share",
     "Tổng số hồ sơ toàn huyện đã tiếp nhận là 50.000 hồ sơ, trong đó thuộc thẩm quyền cấp huyện là 2.000 hồ sơ, "
     "thuộc thẩm quyền cấp xã 48.000 hồ sơ, tỷ lệ giải quyết đúng và trước hạn đạt hơn 99%.", [("sum", True)]),
    ("'thụ lý A, đã giải quyết B; đạt X%': the rate clause is of what was resolved, misprinted",
     "Tòa án hai cấp thụ lý 500 vụ, việc, đã giải quyết 400 vụ, việc; đạt 81%.", [("ratio", False)]),
    ("a breakdown opening a paragraph past a photo caption",
     "Tháng 7, vốn đầu tư từ ngân sách nhà nước đạt 900 tỷ đồng, giảm 5% so với tháng trước.\n\nCông nhân thi công "
     "tuyến đường mới. Ảnh: Minh Anh\n\nBao gồm, vốn cấp tỉnh 400 tỷ đồng; vốn cấp huyện 300 tỷ đồng; vốn cấp xã "
     "200 tỷ đồng.", [("sum", True)]),
    ("a share in parentheses after a count ('(bằng 78%)') is of a whole paragraphs before, not a comparison",
     "UBND tỉnh đã nhận được 150 ý kiến, kiến nghị của cử tri.\n\nCác sở, ngành đã tập trung giải quyết.\n\nĐến "
     "nay, đã có 120 ý kiến, kiến nghị đã được giải quyết (bằng 80%), 30 ý kiến đang giải quyết.",
     [("sum", True), ("ratio", True)]),
    ("cases and defendants as comma pairs: the rate is of the cases",
     "Viện kiểm sát phải giải quyết 400 vụ, 600 bị can; đã giải quyết 396 vụ, 600 bị can, đạt tỷ lệ 99%.",
     [("ratio", True)]),
    ("clauses past a semicolon that count by another name and overshoot are no breakdown",
     "Toàn phường hiện có 1.200 hộ, trong đó có 90 hộ nghèo chiếm tỷ lệ 7,5%; 1.150 gia đình có công trình vệ sinh "
     "chiếm tỷ lệ 95,8%.", [("ratio", True), ("ratio", True)]),
    ("'trên địa bàn tỉnh' names a province-wide count its levels add up to",
     "Trong quý, các cơ quan trên địa bàn tỉnh đã tiếp nhận 5.000 hồ sơ.\n\nCác sở, ban ngành cấp tỉnh tiếp nhận "
     "2.000 hồ sơ; cấp huyện tiếp nhận 1.000 hồ sơ; cấp xã tiếp nhận 2.000 hồ sơ.", [("sum", True)]),
    ("'Cụ thể như sau:' then one labelled paragraph an entry: each column adds up to its total",
     "Năm nay tòa án hai cấp đã thụ lý 900 vụ án các loại, giải quyết 810 vụ. Cụ thể như sau:\n\nÁn hình sự: thụ lý "
     "200 vụ, giải quyết 180 vụ.\n\nÁn dân sự: thụ lý 660 vụ, giải quyết 600 vụ.\n\nÁn hành chính: thụ lý 40 vụ, "
     "giải quyết 30 vụ.", [("sum", True), ("sum", True)]),
    ("'tiếp nhận A hồ sơ, với B hồ sơ trực tuyến (đạt tỷ lệ X%)': B of A, misprinted",
     "Cấp tỉnh tiếp nhận 2.000 hồ sơ, với 500 hồ sơ trực tuyến (đạt tỷ lệ 25%); cấp huyện tiếp nhận 800 hồ sơ, với "
     "300 hồ sơ trực tuyến (đạt tỷ lệ 38,5%).", [("ratio", True), ("ratio", False)]),
    ("'28/63 tỉnh có tỷ lệ … trên 70%': a rate each member has, not the fraction's",
     "Trong đó, có 30/63 tỉnh, thành phố có tỷ lệ tiêm đạt trên 70%; 20/63 tỉnh có tỷ lệ tiêm từ 50% đến dưới 70%; "
     "13/63 tỉnh có tỷ lệ tiêm dưới 50%.", [("sum", True)]),
    ("fractions of separate items side by side are no breakdown of the first",
     "Một số lĩnh vực có số doanh nghiệp giảm: xây dựng giảm 40% (60/100 DN); lưu trú và ăn uống giảm 35% (13/20 "
     "DN); nông nghiệp giảm 25% (45/60 DN).", [("ratio", True)] * 3),  # each fall, no sum
    ("'trong đó:' ending its line, then items 'a)', 'b)' a line each, misprinted",
     "1. Diện tích đất có rừng: 1.500.000 ha, trong đó:\n\na) Rừng tự nhiên: 1.000.000 ha.\n\nb) Rừng trồng: "
     "450.000 ha.", [("sum", False)]),
    ("actual/plan fractions as the parts of a total of actuals, a sentence each",
     "Tổng diện tích gieo trồng 100 ha. Trong đó lúa 45/40 ha. Đậu 25/25 ha. Ngô 31/35 ha.", [("sum", False)]),
    ("a fraction and its rate opening the next sentence ('Đạt X% so với kế hoạch'), misprinted",
     "Trong đó lúa là 115/116 ha. Đạt 98,9% so với kế hoạch.", [("ratio", False)]),
    ("fractions broken into fractions in the next sentence: numerators checked, denominators only confirm",
     "Huyện có 16/36 trường đạt chuẩn, chiếm 44,4%. Trong đó, mầm non có 6/9 trường; tiểu học có 6/14 trường; "
     "THCS có 3/10 trường. Riêng THPT chưa có trường đạt chuẩn.", [("sum", False), ("ratio", True)]),
    ("money parts in the next sentence that add up exactly to the exports confirm them",
     "Kim ngạch xuất nhập khẩu đạt 5.000.000 USD. Trong đó kim ngạch xuất khẩu là 2.800.000 USD và kim ngạch nhập "
     "khẩu là 2.200.000 USD. Kim ngạch xuất khẩu qua cửa khẩu A 300.000 USD và qua cửa khẩu B 2.500.000 USD; kim "
     "ngạch nhập khẩu qua cửa khẩu B 2.200.000 USD.", [("sum", True), ("sum", True)]),
    ("a range of rates said again as a range of counts: each bound over the whole after them",
     "Huyện phấn đấu tỷ lệ hộ đạt chuẩn từ 60 đến 70% tổng số hộ, tương đương với từ 300 đến 350 hộ trong tổng "
     "số 500 hộ.", [("ratio", True), ("ratio", True)]),
    ("falls stated before this year's values, which come a paragraph later with the same falls again",
     "So với năm trước, số vụ cháy trên địa bàn giảm 30 vụ (20,0%), giảm 4 người chết (25,0%).\n\nTrong năm, "
     "toàn tỉnh xảy ra 120 vụ cháy, làm chết 12 người, giảm 30 vụ, giảm 4 người chết so với năm trước.",
     [("ratio", True), ("ratio", True)]),
    ("a rise over last period's value in brackets after a month written with a dot ('tháng 5.2023')",
     "Trong tháng, số người được giới thiệu việc làm là 12.460 người, tăng 8,4% so với tháng 5.2023 (11.494 "
     "người).", [("ratio", True)]),
    ("'giảm X% (a/b)': this year's count over last year's, the fall between them, one misprinted",
     "Một số lĩnh vực có số doanh nghiệp giảm: xây dựng giảm 40% (60/100 DN); nông nghiệp giảm 30% (44/60 DN).",
     [("ratio", True), ("ratio", False)]),
    ("'tăng X% so cùng kỳ (a/b)': the rise from b to a, misprinted",
     "Từ đầu năm có 80 DN giải thể, giảm 20% so cùng kỳ (80/100 DN); có 150 DN tạm ngừng hoạt động, tăng 60% so "
     "cùng kỳ (150/100 DN).", [("ratio", True), ("ratio", False)]),
    ("a rate, its noun phrase, then its fraction in parentheses, misprinted",
     "Năm nay toàn tỉnh có 97,5% học sinh tốt nghiệp THPT (12.000/12.183 thí sinh).", [("ratio", False)]),
    ("a plan in parentheses after the rate, counted by the same noun",
     "Đã tiêm 45.000 liều vắc xin, đạt 90% kế hoạch (50.000 liều).", [("ratio", True)]),
    ("'giảm từ X xuống còn Y, giảm Z': Z must be X − Y",
     "Số hộ nghèo giảm từ 1.200 hộ xuống còn 900 hộ, giảm 310 hộ.", [("sum", False)]),
    ("'từ X% xuống Y%, giảm Z%' may be a relative fall: no alarm",
     "Tỷ lệ hộ nghèo giảm từ 4% xuống còn 3%, giảm 25%.", []),
    ("'kỳ trước chuyển qua' is carried over like 'chuyển sang', misprinted",
     "Trong kỳ, số hồ sơ mới tiếp nhận là 900 hồ sơ, số hồ sơ kỳ trước chuyển qua là 60 hồ sơ, tổng số hồ sơ phải "
     "giải quyết là 970 hồ sơ.", [("sum", False)]),
    ("parts with their own bases ('… trong tổng số 150 trường'): the bases are no parts, misprinted",
     "Cả tỉnh có 130 trường đạt chuẩn quốc gia.\n\nTrong đó, cấp tiểu học có 80 trường chuẩn quốc gia trong tổng "
     "số 150 trường; cấp THCS có 48 trường chuẩn quốc gia trong tổng số 100 trường.", [("sum", False)]),
    ("a sentence opening 'Theo đó' breaks down the count before it, with persons in parentheses",
     "Từ đầu năm đến nay, toàn tỉnh tiếp 30 lượt đoàn đông người.\n\nTheo đó, trụ sở tiếp công dân tỉnh tiếp 10 "
     "lượt đoàn (120 người), huyện A tiếp 8 lượt đoàn (60 người) và huyện B 11 lượt đoàn (95 người).",
     [("sum", False)]),
    ("what a court took up = resolved + what remains ('Còn tồn … đang tiếp tục giải quyết'), misprinted",
     "Tòa án hai cấp thụ lý 500 vụ, đã giải quyết 420 vụ; đạt 84%. So với cùng kỳ, thụ lý tăng 20 vụ. Còn tồn 75 vụ "
     "đang tiếp tục giải quyết.", [("sum", False), ("ratio", True)]),
    ("'HTX' counts what 'hợp tác xã' counts, misprinted",
     "Toàn tỉnh có 250 hợp tác xã, trong đó 180 HTX nông nghiệp, 40 HTX công nghiệp và 35 HTX khác.",
     [("sum", False)]),
    ("the net fall of poor households is those who left poverty less the newly poor, misprinted",
     "Sau rà soát, toàn huyện còn 900 hộ nghèo, giảm 0,5% so với năm trước, với 150 hộ; trong đó số hộ thoát "
     "nghèo 230 hộ, số hộ nghèo mới 70 hộ.", [("sum", False)]),
    ("a whole that names nothing takes parts of one noun, not the '2 mục đích' between them, misprinted",
     "Tổng số thí sinh đăng kí dự thi 900.000, trong đó số thí sinh chỉ xét tốt nghiệp là 250.000. Số thí sinh thi "
     "với 2 mục đích là 550.000 và số thí sinh tự do là 100.003.", [("sum", False)]),
    ("parts whose own shares fall short of 100% as they do leave something out: no error",
     "Tổng số phải thi hành là 10.000 việc, trong đó: số có điều kiện thi hành là 7.000 việc, giảm 400 việc; chiếm "
     "70% trong tổng số phải thi hành; số chưa có điều kiện (trừ số theo dõi riêng) là 2.500 việc, chiếm 25% "
     "trong tổng số phải thi hành.", [("ratio", True), ("ratio", True)]),
    ("one marker after two wholes, lists split by a semicolon",
     "Năm nay đã giải quyết 120 đơn khiếu nại và 60 đơn tố cáo; trong đó có 20 đơn khiếu nại đúng, 30 đơn rút và 70 "
     "đơn khiếu nại sai; có 10 đơn tố cáo đúng, 15 đơn rút và 35 đơn tố cáo sai.", [("sum", True), ("sum", True)]),
    ("an abbreviation the text defines counts the same thing",
     "Tỉnh cung cấp 900 dịch vụ công trực tuyến (DVCTT) cho người dân. Trong đó, cấp tỉnh có 700 DVCTT và cấp xã có "
     "200 DVCTT.", [("sum", True)]),
    ("a breakdown in a parenthesis past a defining one",
     "Có 900 dịch vụ công trực tuyến (DVCTT) được cung cấp trên cổng dịch vụ công (400 DVCTT toàn trình và 500 DVCTT "
     "một phần).", [("sum", True)]),
    ("parts with no marker, in the next sentence, that add up", "Sáng nay, toàn tỉnh đã tiếp nhận 820 hồ sơ. Đáng chú "
     "ý, có 700 hồ sơ được nộp trực tuyến, trong khi nộp trực tiếp chỉ 120 hồ sơ.", [("sum", True)]),
    ("parts with no marker that do not add up: nothing said", "Sáng nay, toàn tỉnh đã tiếp nhận 820 hồ sơ. Đáng chú "
     "ý, có 700 hồ sơ được nộp trực tuyến, trong khi nộp trực tiếp chỉ 100 hồ sơ.", []),
    ("a list cut at a semicolon where the next clause counts something else",
     "Qua phân loại có 500 đơn đủ điều kiện xử lý (trong đó có 150 đơn khiếu nại, tố cáo, 350 đơn kiến nghị, phản ánh; "
     "có 40 vụ việc thuộc thẩm quyền).", [("sum", True)]),
    ("'như:' opens a list", "Năm nay có 1.500 ha chuyển đổi sang cây trồng khác, như: rau các loại 600 ha; cây màu "
     "500 ha; cây ăn trái 400 ha.", [("sum", True)]),
    ("a sown area as a fraction of its plan, broken down into areas",
     "Nông dân đã xuống giống 9.500/10.000 ha. Trong đó, diện tích lúa 6.000 ha; diện tích màu 3.500 ha.",
     [("sum", True)]),
    ("'trong đó: N' names a part, not a whole of what follows",
     "Tỉnh đã công bố 1.000 thủ tục, trong đó: 600 thủ tục mới, 250 thủ tục sửa đổi, 150 thủ tục bãi bỏ.",
     [("sum", True)]),
    ("the plan after a slash is not a part",
     "Đã gieo trồng 5.000 ha. Trong đó, ngô 2.000 ha/2.200 ha, đạt 90,9% kế hoạch; lạc 3.000 ha/3.100 ha, đạt 96,8% kế "
     "hoạch.", [("sum", True), ("ratio", True), ("ratio", True)]),
    ("a rate of plan against the plan stated before",
     "Năm nay tỉnh phấn đấu trồng 2.000 ha rừng. Đến nay đã trồng được 1.700 ha, đạt 85% kế hoạch.", [("ratio", True)]),
    ("a rate stated before its two counts",
     "Tỷ lệ giải quyết đúng hạn đạt 98,5%; trong đó tổng số hồ sơ đã giải quyết là 2.000 hồ sơ, số hồ sơ đúng hạn là "
     "1.970 hồ sơ.", [("ratio", True)]),
    ("resolved + pending = the fraction's denominator, two sentences on",
     "Trung tâm đã giải quyết: 900/1.200 hồ sơ. Trong đó đúng hạn 880 hồ sơ. Trung tâm đang giải quyết 300 hồ sơ.",
     [("sum", True)]),
    ("'đang tiếp tục thụ lý giải quyết' is pending",
     "Đã thụ lý 30 vụ việc khiếu nại, giải quyết xong 8/30 vụ việc, đang tiếp tục thụ lý giải quyết 22 vụ việc.",
     [("sum", True), ("sum", True)]),  # against the 30 taken up and against the fraction's 30
    ("'gần X' is at most half a unit below X: pending files are outside the resolved",
     "Đã giải quyết gần 9.000 hồ sơ; trong đó, trước hạn 6.000 hồ sơ; đúng hạn 2.100 hồ sơ; đang giải quyết 700 hồ sơ; "
     "quá hạn 100 hồ sơ.", [("sum", False)]),
    ("fractions of one whole whose numerators split it",
     "Cử tri gửi 120 ý kiến. Đến nay có 20/80 ý kiến đã được giải quyết; 35/80 ý kiến được giải trình; 25/80 ý kiến "
     "đang giải quyết.", [("sum", True)]),
    ("a fall with this period over the last in parentheses is the fall, not a fraction's share",
     "Qua 5 năm, tội phạm giảm 5,83% (3.389/3.599 vụ).", [("ratio", True)]),
    ("a pending share of the received, misprinted",
     "Đã tiếp nhận 9.600 hồ sơ, đã giải quyết 7.840 hồ sơ, đạt tỷ lệ 81,67% và đang tiếp tục giải quyết 1.760 hồ sơ, "
     "chiếm 18,43%.", [("sum", True), ("ratio", True), ("ratio", False)]),
    ("a share of the total money is not the share of the items counted",
     "Trong đó: 13/18 khoản thu đạt dự toán, chiếm tỷ trọng 91,99% tổng số thu nội địa; 05/18 khoản thu không đạt dự "
     "toán, chiếm tỷ trọng 8,01% tổng số thu nội địa.", [("sum", True)]),  # 13 + 5 = 18 items, no share check
    ("exports + trade deficit = imports", "Xuất khẩu đạt 2,5 tỷ USD nhưng nhập khẩu tới 5,72 tỷ USD, nhập siêu 3,22 tỷ "
     "USD.", [("sum", True)]),
    ("a sentence opening with 'Cụ thể' breaks down the last part, not the total",
     "Tổng thu ngân sách trên địa bàn là 235 tỷ đồng. Trong đó, thu do huyện quản lý 127 tỷ đồng. Cụ thể, thu thuế 73 "
     "tỷ đồng; thu tiền đất 50 tỷ đồng; thu khác 4 tỷ đồng. Riêng thu do tỉnh quản lý 108 tỷ đồng.",
     [("sum", True), ("sum", True)]),
    ("the structure paragraph after a breakdown: shares in the parts' order",
     "GRDP đạt 5.000,00 tỷ đồng, trong đó: nông nghiệp đạt 1.000,00 tỷ đồng; công nghiệp đạt 1.500,00 tỷ đồng; "
     "dịch vụ đạt 2.500,00 tỷ đồng.\n\nCơ cấu kinh tế: nông nghiệp chiếm 20%; công nghiệp chiếm 33%; dịch vụ chiếm "
     "47%.", [("sum", True), ("ratio", True), ("ratio", False), ("ratio", False)]),
    ("a share of amounts printed rounded, reached from the unrounded amounts",
     "GRDP đạt 6.961,99 tỷ đồng, trong đó: nông nghiệp đạt 638,76 tỷ đồng; phi nông nghiệp đạt 6.323,23 tỷ đồng."
     "\n\nCơ cấu: nông nghiệp chiếm 9,18%; phi nông nghiệp chiếm 90,82%.",
     [("sum", True), ("ratio", True), ("ratio", True)]),
    ("a list set out one item a line, each line ending with ';' (one parenthesis left open)",
     "Năm nay tiếp nhận 10.000 hồ sơ.\nTrong đó, số hồ sơ mới tiếp nhận trực tuyến là 3.000 hồ sơ;\nSố hồ sơ kỳ trước "
     "chuyển qua là 500 hồ sơ (cấp tỉnh 200 hồ sơ, cấp huyện 300 hồ sơ;\nSố mới tiếp nhận trực tiếp là 6.500 hồ sơ.",
     [("sum", True), ("sum", True)]),
    ("province-wide = provincial + district + commune levels, paragraphs apart",
     "Trong quý, toàn tỉnh đã tiếp nhận 50.000 hồ sơ, đã giải quyết 48.000 hồ sơ.\n\nVới cấp tỉnh, quý I đã tiếp nhận "
     "5.000 hồ sơ.\n\nVới cấp huyện, đã tiếp nhận 25.000 hồ sơ.\n\nVới cấp xã, đã tiếp nhận 20.000 hồ sơ.",
     [("sum", True)]),
    ("an average stated in words against the total and the count it divides",
     "Bình quân mỗi người bệnh nằm viện 6,5 ngày; tổng số ngày điều trị 65.000 ngày với 10.000 lượt người bệnh.",
     [("per_unit", True)]),
    ("counts with shares adding to 100% of one whole",
     "Có 1.000 học viên dự thi; hệ chính quy 820 học viên (chiếm 82%), hệ vừa làm vừa học 180 học viên (chiếm 18%).",
     [("sum", True), ("ratio", True), ("ratio", True)]),
    ("inspection money: 'yêu cầu thu hồi' + 'xử lý bằng các biện pháp … khác' = violations",
     "Qua thanh tra phát hiện sai phạm về tài chính 5.000 triệu đồng; yêu cầu thu hồi về ngân sách 3.200 triệu đồng; "
     "xuất toán và xử lý bằng các biện pháp tài chính khác 1.800 triệu đồng.", [("sum", True)]),
    ("inspection money, a part misprinted",
     "Qua thanh tra phát hiện sai phạm về tài chính 5.000 triệu đồng; yêu cầu thu hồi về ngân sách 3.200 triệu đồng; "
     "xuất toán và xử lý bằng các biện pháp tài chính khác 1.900 triệu đồng.", [("sum", False)]),
    ("inspection money and land, the land column read by its neighbour",
     "Phát hiện 120 đơn vị có vi phạm với số tiền 500 tỷ đồng, 80 ha đất, kiến nghị thu hồi 200 tỷ đồng và 30 ha đất, "
     "kiến nghị các cơ quan có thẩm quyền xem xét, xử lý số tiền 300 tỷ đồng, 50 ha đất.", [("sum", True), ("sum", True)]),
    ("the land column misprinted: its neighbour's identity holds exactly, so the land's alarms",
     "Phát hiện 120 đơn vị có vi phạm với số tiền 500 tỷ đồng, 80 ha đất, kiến nghị thu hồi 200 tỷ đồng và 30 ha đất, "
     "kiến nghị các cơ quan có thẩm quyền xem xét, xử lý số tiền 300 tỷ đồng, 51 ha đất.",
     [("sum", True), ("sum", False)]),
    ("the land column after a hedge ('và trên 1,2 triệu m2')",
     "Qua thanh tra phát hiện sai phạm về kinh tế 50 tỉ đồng, trên 3,5 triệu m2 đất. Thanh tra các cấp đã kiến nghị "
     "thu hồi 20 tỉ đồng và trên 1,2 triệu m2 đất, xử lý các hình thức khác 30 tỉ đồng và trên 2,3 triệu m2 đất.",
     [("sum", True), ("sum", True)]),
    ("a fall, its rate, then this period over the last: numerator + fall = denominator",
     "Số vụ cháy giảm 12 vụ, giảm 30% (28/40 vụ) so với năm trước.", [("ratio", True), ("sum", True)]),
    ("the same with the fraction misprinted: the rate alarms, the sum only ever confirms",
     "Số vụ cháy giảm 12 vụ, giảm 30% (29/40 vụ) so với năm trước.", [("ratio", False)]),
    ("a rise with its noun left out against last period's value in parentheses",
     "Tổng số hộ tham gia bảo hiểm là 8.400 hộ so với cùng kỳ năm trước (8.000 hộ); tăng 400 (5%).",
     [("sum", True), ("ratio", True)]),
    ("the sentence's amount against a plan in parentheses just before the rate",
     "Tổng số hộ tham gia bảo hiểm là 8.400 hộ; so với chỉ tiêu giao của tỉnh (10.500 hộ) đạt 80%.", [("ratio", True)]),
    ("the same, misprinted: which amount the rate is of is only suggested, so nothing",
     "Tổng số hộ tham gia bảo hiểm là 8.400 hộ; so với chỉ tiêu giao của tỉnh (10.500 hộ) đạt 85%.", []),
    ("a year-by-year list past a photo caption printed twice, summed column by column",
     "Trong 3 năm qua, các tổ hòa giải đã thụ lý 1.000 vụ việc, trong đó hòa giải thành 800 vụ việc.\n\n"
     "Tổ hòa giải thôn Đông họp dân\nTổ hòa giải thôn Đông họp dân\n\nCụ thể: năm 2021, thụ lý 300 vụ việc, hòa giải "
     "thành 250 vụ việc; năm 2022, thụ lý 350 vụ việc, hòa giải thành 270 vụ việc; năm 2023, thụ lý 350 vụ việc, "
     "hòa giải thành 280 vụ việc.", [("sum", True), ("sum", True)]),
    ("'trong đó:' ending its line, one entry a line; a column one entry lacks is not summed",
     "Trong năm xảy ra 40 vụ tai nạn, làm chết 30 người, bị thương 25 người. Trong đó:\nĐường bộ: xảy ra 36 vụ, "
     "chết 27 người, bị thương 25 người\nĐường sắt: xảy ra 4 vụ, chết 3 người.", [("sum", True), ("sum", True)]),
    ("the same, one entry's deaths misprinted",
     "Trong năm xảy ra 40 vụ tai nạn, làm chết 30 người, bị thương 25 người. Trong đó:\nĐường bộ: xảy ra 36 vụ, "
     "chết 27 người, bị thương 25 người\nĐường sắt: xảy ra 4 vụ, chết 4 người.", [("sum", True)]),
    ("bulleted entries under 'trong đó:', plan and disbursement summed apart",
     "Kế hoạch vốn năm 2024 là 2.000 tỷ đồng, đã giải ngân 1.500 tỷ đồng, trong đó:\n- Vốn ngân sách trung ương: kế "
     "hoạch 800 tỷ đồng, giải ngân 600 tỷ đồng.\n- Vốn ngân sách địa phương: kế hoạch 1.200 tỷ đồng, giải ngân 900 "
     "tỷ đồng.", [("sum", True), ("sum", True)]),
    ("judgment enforcement: completed over what can be enforced, the whole recalled past a glued full stop",
     "Số việc có điều kiện thi hành là 2.000 việc, chiếm 80% tổng số phải thi hành.Trong số có điều kiện thi hành, số "
     "thi hành xong là 900 việc, giảm 50 việc so với cùng kỳ; đạt tỉ lệ 45%.", [("ratio", True)]),
    ("judgment enforcement in money: completed over the amount able to be enforced, not over all to enforce",
     "Tổng số tiền phải thi hành là 600 tỷ đồng. Trong đó, có 200 tỷ đồng đủ điều kiện thi hành. Đến nay, số tiền "
     "thi hành án đã xong là 90 tỷ đồng, đạt 45%.", [("ratio", True)]),
    ("the same, the rate misprinted",
     "Tổng số tiền phải thi hành là 600 tỷ đồng. Trong đó, có 200 tỷ đồng đủ điều kiện thi hành. Đến nay, số tiền "
     "thi hành án đã xong là 90 tỷ đồng, đạt 48%.", [("ratio", False)]),
    ("'trong đó' is 'of which': parts 4% short of the whole are the ones named, no error",
     "Đến tháng 6, toàn tỉnh đã giải quyết việc làm cho 5.000 lao động, trong đó từ chương trình vay vốn 2.000 "
     "người, cung ứng lao động ngoại tỉnh 2.800 người.", []),
    ("… but 1% short is a misprint",
     "Đến tháng 6, toàn tỉnh đã giải quyết việc làm cho 5.000 lao động, trong đó từ chương trình vay vốn 2.000 "
     "người, cung ứng lao động ngoại tỉnh 2.950 người.", [("sum", False)]),
    ("the part left out stated in the next paragraph",
     "Đến tháng 6, toàn tỉnh đã giải quyết việc làm cho 5.000 lao động, trong đó từ chương trình vay vốn 2.000 "
     "người, cung ứng lao động ngoại tỉnh 2.800 người.\nRiêng xuất khẩu lao động, trong 6 tháng toàn tỉnh có 200 "
     "lao động đi làm việc ở nước ngoài.", [("sum", True)]),
    ("parts after 'trong đó' whose roles make up the whole (early, on time, late) are all of it: 5% short alarms",
     "Đã giải quyết 1.000 hồ sơ, trong đó trước hạn 300 hồ sơ, đúng hạn 600 hồ sơ, quá hạn 50 hồ sơ.",
     [("sum", False)]),
    ("a share after the second of two counts joined by 'và' that is of both: no alarm for the second alone",
     "Số hồ sơ đã giải quyết là 2.000 hồ sơ; trong đó trước hạn là 300 và đúng hạn là 1.690 (chiếm 99,5%) hồ sơ, "
     "quá hạn là 10 hồ sơ (chiếm 0,5%).", [("sum", True), ("ratio", True)]),
    ("… a share that is of neither reading still alarms",
     "Số hồ sơ đã giải quyết là 2.000 hồ sơ; trong đó trước hạn là 300 và đúng hạn là 1.690 (chiếm 90%) hồ sơ, "
     "quá hạn là 10 hồ sơ (chiếm 0,5%).", [("sum", True), ("ratio", False), ("ratio", True)]),
    ("percentage-point contributions add up to the growth 'trong đó' breaks down, not to the first sector's",
     "GRDP 6 tháng ước tăng 8,50% so với cùng kỳ, trong đó: khu vực nông nghiệp tăng 3,10%, đóng góp 0,60 điểm phần "
     "trăm vào mức tăng chung; khu vực công nghiệp tăng 12,40%, đóng góp 4,90 điểm phần trăm; khu vực dịch vụ tăng "
     "7,00%, đóng góp 3,00 điểm phần trăm.", [("sum", True)]),
    ("… misprinted",
     "GRDP 6 tháng ước tăng 8,50% so với cùng kỳ, trong đó: khu vực nông nghiệp tăng 3,10%, đóng góp 0,60 điểm phần "
     "trăm vào mức tăng chung; khu vực công nghiệp tăng 12,40%, đóng góp 4,90 điểm phần trăm; khu vực dịch vụ tăng "
     "7,00%, đóng góp 3,20 điểm phần trăm.", [("sum", False)]),
    ("the whole in parentheses 'trên tổng số' after the count, the rate named by a few words after 'tỷ lệ'",
     "Ngày bầu cử, toàn huyện có 98.500 cử tri (trên tổng số 100.000 cử tri) đã tham gia bỏ phiếu, đạt tỷ lệ trung "
     "bình toàn huyện 98,5%.", [("ratio", True)]),
    ("… misprinted",
     "Ngày bầu cử, toàn huyện có 98.500 cử tri (trên tổng số 100.000 cử tri) đã tham gia bỏ phiếu, đạt tỷ lệ trung "
     "bình toàn huyện 99,5%.", [("ratio", False)]),
    ("young men and persons count the same people: last year's count + the rise = this year's (only confirms)",
     "Năm 2023, toàn tỉnh đã bàn giao 1.500 thanh niên cho các đơn vị nhận quân. Trong năm 2024, chỉ tiêu gọi công "
     "dân nhập ngũ là 1.620 thanh niên (tăng 120 người so với năm 2023).", [("sum", True)]),
    ("a rate past an aside that breaks down its count ('(trong đó có …)')",
     "Tại Bộ phận Một cửa, đã tiếp nhận 2.000 hồ sơ, giải quyết trước hạn, đúng hạn 1.950 hồ sơ (trong đó có 40 hồ sơ "
     "đang giải quyết trong hạn và 10 hồ sơ quá hạn), đạt tỷ lệ 97,5%.", [("ratio", True)]),
    ("… misprinted",
     "Tại Bộ phận Một cửa, đã tiếp nhận 2.000 hồ sơ, giải quyết trước hạn, đúng hạn 1.950 hồ sơ (trong đó có 40 hồ sơ "
     "đang giải quyết trong hạn và 10 hồ sơ quá hạn), đạt tỷ lệ 98,5%.", [("ratio", False)]),
    ("the resolved count's fine rate says which whole resolved + pending make (the cases, not the letters)",
     "Tiếp nhận 500 đơn thư với 400 vụ việc.\n\nĐã giải quyết xong 350 vụ việc, đạt 87,50%; đang tiếp tục giải "
     "quyết 50 vụ việc.", [("sum", True), ("ratio", True)]),
    ("… one off: an alarm",
     "Tiếp nhận 500 đơn thư với 400 vụ việc.\n\nĐã giải quyết xong 350 vụ việc, đạt 87,50%; đang tiếp tục giải "
     "quyết 60 vụ việc.", [("sum", False), ("ratio", True)]),
    *_twice("the change and its rate in one bracket after the level: '(giảm N, X%)' is N over last "
            "period's",
            "… misprinted (60/240 = 25% is no excuse: the fall is over last year's 300)",
            "Năm nay toàn huyện xử lý kỷ luật 240 đảng viên (giảm 60 đảng viên, {}%) theo các hình thức.",
            ("20", "25"), ([("ratio", True)], [("ratio", False)])),
    ("'với cùng kỳ (B)' after the rise, without 'so'",
     "Số ca mắc cộng dồn là 3.000 ca, tăng 150% với cùng kỳ năm 2021 (1.200 ca).",
     [("ratio", True)]),
    ("a count's share in brackets after 'tương đương', over the count inspected before it",
     "Qua kiểm tra 2.000 cơ sở, phát hiện 300 cơ sở vi phạm (tương đương 15% cơ sở được kiểm tra).",
     [("ratio", True)]),
    *_twice("a rate after two changes listed together is of either; the arithmetic says which",
            "… misprinted: the nearer reading is the one shown",
            "Số vụ án hình sự thụ lý 50 vụ với 120 bị cáo, tăng 10 vụ, 4 bị cáo so với năm trước, tỷ lệ "
            "tăng {}%.",
            ("25", "27"), ([("ratio", True)], [("ratio", False)])),
    ("an average per commune is not a threshold ('dưới 5 tiêu chí') over the communes",
     "Đến nay cả nước có 4.000 xã đạt chuẩn nông thôn mới; bình quân đạt 15,5 tiêu chí/xã; không còn xã "
     "nào dưới 5 tiêu chí.",
     []),
    *_twice("two wholes of one noun told apart by name; each part's clause names its whole",
            "… one list misprinted: the other, exact, says what the parts are",
            "Toàn tỉnh có 1.000 hộ nghèo, chiếm 10%; có 600 hộ cận nghèo, chiếm 6%. Trong đó huyện A có tỷ "
            "lệ hộ nghèo 8% (300 hộ), tỷ lệ hộ cận nghèo 5% (200 hộ); huyện B có tỷ lệ hộ nghèo 12% (700 "
            "hộ), tỷ lệ hộ cận nghèo 7% ({} hộ).",
            ("400", "450"), ([("sum", True), ("sum", True)], [("sum", True), ("sum", False)])),
    ("… misprinted: the whole is only the larger count before it, so no alarm",
     "Qua kiểm tra 2.000 cơ sở, phát hiện 300 cơ sở vi phạm (tương đương 18% cơ sở được kiểm tra).",
     []),
]

# One check each, as printed and then misprinted: (what the rule reads, the sentence with "{}" for the
# number, as printed, misprinted, the check).
MISPRINTED = [
    ("Party committee members in brackets, the last counted as 'đồng chí'",
     "Trong số bị kỷ luật có 50 cấp ủy viên (tỉnh ủy viên 2; huyện ủy viên 8, chi ủy viên {} đồng chí).",
     "40", "41", "sum"),
    ("'vượt X% chỉ tiêu (Y)' is by how much the amount passed the plan, past the year's growth",
     "Thu ngân sách đạt {} tỷ đồng, tăng 12% so với cùng kỳ và vượt 7% so với chỉ tiêu giao (2.050 tỷ "
     "đồng).",
     "2.194", "2.235", "ratio"),
    ("a rate of plan past another rate of plan of the same amount, the plan in brackets after it",
     "Toàn ngành thu được 9.600 tỷ đồng, vượt hơn 5% chỉ tiêu pháp lệnh, đạt {}% so với chỉ tiêu phấn đấu "
     "(10.000 tỷ đồng).",
     "96", "98", "ratio"),
    ("'Như vậy, tổng …' sums the amounts the sentence before gives, past a blank line",
     "Cụ thể, xuất khẩu đạt 1,25 tỷ USD, còn nhập khẩu đạt 2,5 tỷ USD.\n\nNhư vậy, tổng kim ngạch hai "
     "chiều của thành phố đạt {} tỷ USD.",
     "3,75", "3,95", "sum"),
    ("a rise said in words after a dash glued to the level ('con- tăng'): last period's is the level less it",
     "Đàn gia cầm hiện có 6,6 triệu con- tăng {}% (tương đương tăng 1,1 triệu con) so với cùng kỳ.",
     "20", "22", "ratio"),
    ("bare counts said by what happened to them ('85 tạm ngưng', '40 giải thể') are parts of the whole",
     "Toàn huyện có 1.650 doanh nghiệp. Trong đó 1.200 đang hoạt động, 85 tạm ngưng kinh doanh, 40 giải thể "
     "và {} doanh nghiệp chưa hoạt động.",
     "325", "300", "sum"),
    ("contributions in percentage points after 'Trong X% tăng trưởng' add up to that growth",
     "Trong 7,50% tăng trưởng của năm, khu vực nông nghiệp đóng góp 0,40 điểm phần trăm; công nghiệp, xây "
     "dựng đóng góp 4,10 điểm phần trăm; dịch vụ đóng góp {} điểm phần trăm; thuế sản phẩm đóng góp 0,50 "
     "điểm phần trăm.",
     "2,50", "2,60", "sum"),
    ("a rate with no direction word, the fall's sign only in the bracket after it",
     "- Diện tích lúa 3.960 ha, {}% (-40 ha) so cùng kỳ;",
     "1,0", "1,2", "ratio"),
    ("contributions printed as percents after 'Trong X% tăng trưởng chung:' add up to that growth",
     "GRDP quý II ước tăng 7,5% so cùng kỳ.\n\nTrong 7,5% tăng trưởng chung: khu vực dịch vụ đóng góp 4,25%; "
     "khu vực công nghiệp và xây dựng đóng góp {}%; khu vực nông nghiệp 0,32%.",
     "2,93", "3,23", "sum"),
    ("shares in the bracket right after a whole and its second amount are of the whole of their noun",
     "Toàn xã có 4.000 hộ, 15.000 khẩu (600 hộ nghèo, chiếm {}%; 300 hộ cận nghèo).",
     "15", "16", "ratio"),
    ("contributions in percentage points pass over a sector's own industry in brackets",
     "GRDP 6 tháng tăng 9,00%. Trong đó, nông nghiệp tăng 3%, đóng góp 0,50 điểm phần trăm. Khu vực công nghiệp - "
     "xây dựng tăng 15%, đóng góp 5,00 điểm phần trăm (trong đó công nghiệp đóng góp 4,20 điểm phần trăm). Khu "
     "vực dịch vụ tăng 7%, đóng góp {} điểm phần trăm. Thuế sản phẩm đóng góp 0,50 điểm phần trăm.",
     "3,00", "3,20", "sum"),
    ("a rise over last period's value of amounts printed in their own unit is taken as printed",
     "Năng suất lạc đạt 26,2 tạ/ha, tăng {}% (+1,6 tạ/ha) so với cùng kỳ.",
     "6,5", "6,6", "ratio"),
    ("a contribution said to fall ('đóng góp giảm') counts against the growth",
     "GRDP quý I tăng 8,00% so với cùng kỳ; trong đó: khu vực I tăng 4%, đóng góp 1,00 điểm phần trăm; khu vực "
     "II tăng 13%, đóng góp 4,50 điểm phần trăm; khu vực III tăng 7%, đóng góp 2,60 điểm phần trăm; thuế sản "
     "phẩm tăng 0,9%, đóng góp giảm {} điểm phần trăm.",
     "0,10", "0,20", "sum"),
    ("last period's value said before the rise with no bracket: 'so với cùng kỳ B, tăng X%'",
     "Trong 6 tháng đầu năm, tổng lượt khách tham quan đạt 20.000 lượt khách, so với cùng kỳ 16.000 lượt, tăng "
     "{}%.",
     "25", "27", "ratio"),
    ("last period's value in brackets before the rise: 'so với cùng kỳ (B) tăng X%'",
     "Số ca mắc cộng dồn là 3.000 ca, so với cùng kỳ năm 2021 (1.200 ca) tăng {}%.",
     "150", "160", "ratio"),
    ("a sentence opening 'Với tỷ trọng chiếm X% tổng …' is about the amount the sentence before ends on",
     "Tổng thu ngân sách trên địa bàn đạt 2.000 tỷ đồng. Riêng thu từ hoạt động xuất nhập khẩu tăng 30% so "
     "với cùng kỳ, đạt 500 tỷ đồng. Với tỷ trọng chiếm {}% tổng thu ngân sách, nguồn thu này bù phần hụt "
     "thu nội địa.",
     "25", "28", "ratio"),
    ("a share 'so với số hộ đã đăng ký' over the count said in those words a paragraph before",
     "Đầu năm, phường phát động phong trào và có 2.000 hộ đăng ký thực hiện.\n\nKết quả bình xét cuối năm, "
     "toàn phường có 1.900 hộ đạt danh hiệu gia đình văn hóa, đạt {}% so với số hộ đã đăng ký.",
     "95", "97", "ratio"),
    ("'đạt X%, vượt N so với dự toán': the plan is the amount less what passed it",
     "Tính đến ngày 29/12, tỉnh thu ngân sách đạt 2.400 tỷ đồng, đạt {}%, vượt 400 tỷ đồng so với dự toán.",
     "120", "125", "ratio"),
    ("'bằng X% <name>' over the amount said before under that name, past the rate's own amount's change",
     "Doanh số cho vay trong năm đạt 40.000 tỷ đồng, tăng 4.000 tỷ đồng so với năm trước; doanh số thu nợ "
     "đạt 30.000 tỷ đồng, tăng 3.000 tỷ đồng so với năm trước và bằng {}% doanh số cho vay.",
     "75", "78", "ratio"),
    ("'phân theo … như sau:' with each item a rate and its count ('Huyện A 14,2% với 400 hộ')",
     "Tỷ lệ hộ nghèo chung toàn tỉnh 4,5% với 1.010 hộ phân theo các huyện như sau: Huyện A 14,2% với 400 "
     "hộ; Huyện B 1,0% với 350 hộ; Huyện C 5,0% với {} hộ.",
     "260", "265", "sum"),
    ("the next sentence goes on the list when it opens as the last part's clause did ('Khu vực …')",
     "Kim ngạch xuất khẩu trong tháng ước đạt 25,5 tỷ USD, giảm 4% so với tháng trước. Trong đó, khu vực "
     "kinh tế trong nước đạt 6,7 tỷ USD, giảm 11,4%. Khu vực có vốn đầu tư nước ngoài (kể cả dầu thô) đạt "
     "{} tỷ USD, giảm 4,9%.",
     "18,8", "19,8", "sum"),
    ("'a/b xã đạt …' and the count 'chưa đạt' after it make the denominator",
     "Đến cuối năm, toàn huyện có 14/{} xã đạt chuẩn nông thôn mới, cao nhất là xã A với 19 tiêu chí; 4 xã "
     "chưa đạt.",
     "18", "19", "sum"),
    ("'N trên tổng số M …, chiếm tới X%': the count before 'trên tổng số' over M",
     "Tại huyện A, số ứng viên cư trú tại địa phương là {} trên tổng số 40 ứng viên, chiếm tới 75%.",
     "30", "32", "ratio"),
    ("'tổng số <noun> … là N' and, two sentences on, 'tổng số M <noun> …, tỷ lệ X%'",
     "Năm nay, tổng số thí sinh đăng ký dự thi của tỉnh là 9.000 (tăng 2% so với năm trước). Tổng số "
     "nguyện vọng là 30.000 lượt. Đến nay, có tổng số {} thí sinh điều chỉnh nguyện vọng, tỷ lệ điều chỉnh "
     "là 33,33%.",
     "3.000", "3.300", "ratio"),
    ("a rate of plan over the plan's amount in brackets after 'kế hoạch A và B giao (hơn …)'",
     "Đến hết tháng 6, tỉnh giải ngân được 1.200 tỷ đồng vốn đầu tư công, bằng {}% kế hoạch Thủ tướng và "
     "HĐND tỉnh giao (hơn 4.800 tỷ đồng).",
     "25", "27", "ratio"),
    ("'Tỷ lệ <role> đạt X%' in a sentence of its own, over the counts of the sentences before",
     "Trung tâm đã tiếp nhận 2.100 hồ sơ và đã giải quyết 2.000 hồ sơ. Số hồ sơ giải quyết đúng và trước "
     "hạn là 1.990 hồ sơ. Trong tuần, Trung tâm tiếp nhận trực tuyến 46 hồ sơ. Tỷ lệ hồ sơ xử lý đúng hạn "
     "đạt {}%.",
     "99,5", "98,5", "ratio"),
    ("'N <noun> trên tổng số M <another noun>, đạt X%': one of each, whatever the nouns",
     "Hội đồng nghĩa vụ quân sự các xã đã khám sơ tuyển cho {} thanh niên trên tổng số 1.500 lệnh gọi lên "
     "trạm khám, đạt 40%, trong đó có 560 thanh niên đạt sức khỏe.",
     "600", "640", "ratio"),
    ("petitions by kind in brackets, feedback counted with them",
     "Các cơ quan hành chính đã giải quyết 50/60 đơn (5 khiếu nại, 2 tố cáo, {} phản ánh và kiến nghị).",
     "43", "45", "sum"),
    ("a fraction's rate named by 'đơn vị cấp <its noun>'",
     "Đến nay, cả nước đã có 1.200/1.500 xã (đạt {}% đơn vị cấp xã) đạt chuẩn phổ cập.",
     "80", "82", "ratio"),
    ("'N trong số M …' far before the one rate of its sentence",
     "Đến nay, đã có {} trong số 400 thủ tục hành chính thuộc thẩm quyền của các sở, ngành được tiếp nhận, "
     "thẩm định và trả kết quả tại Trung tâm Phục vụ hành chính công tỉnh, đạt tỷ lệ 30%.",
     "120", "140", "ratio"),
    ("a rise said in words before a whole printed as a level, broken into rises",
     "Số trường đạt chuẩn tăng thêm trong năm là 30 trường, trong đó mầm non tăng 12 trường, tiểu học tăng "
     "10 trường, trung học cơ sở tăng {} trường.",
     "8", "9", "sum"),
]
PAIRING += [
    row
    for name, template, right, wrong, check in MISPRINTED
    for row in _twice(name, "… misprinted", template, (right, wrong), ([(check, True)], [(check, False)]))
]


PAIRING += _twice(
    "shares naming their total in the same words, the total a paragraph after them",
    "… one share misprinted",
    "Huyện A thu hút 30 dự án với 450 tỷ đồng vốn đăng ký, chiếm {}% tổng số vốn đăng ký của cả tỉnh. "
    "Huyện B có 12 dự án với 150 tỷ đồng, chiếm 12,5% tổng số vốn đăng ký của cả tỉnh.\n\n"
    "Quý I, toàn tỉnh thu hút 60 dự án với 1.200 tỷ đồng vốn đăng ký.",
    ("37,5", "35,5"),
    ([("ratio", True), ("ratio", True)], [("ratio", False), ("ratio", True)]),
)


PAIRING += _twice(
    "shares in brackets over the whole said paragraphs before, which their siblings reproduce",
    "… the last share misprinted far off",
    "Hội đồng công bố danh sách 400 ứng cử viên.\n\nVề cơ cấu, có 180 ứng cử viên nữ (chiếm 45%); 100 ứng "
    "cử viên trẻ (chiếm 25%); 30 ứng cử viên ngoài Đảng (chiếm {}%).",
    ("7,5", "8,5"),
    ([("ratio", True)] * 3, [("ratio", True), ("ratio", True), ("ratio", False)]),
)


PAIRING += _twice(
    "a level, its share, then its fall as a rate and an amount in brackets",
    "… the fall's rate misprinted",
    "Tổng diện tích gieo trồng vụ mùa đạt 20.000 ha, trong đó cây lương thực có hạt đạt 16.000 ha, chiếm "
    "80% giảm {}% (-400 ha) so với vụ mùa năm trước; rau các loại đạt 4.000 ha, chiếm 20%.",
    ("2,4", "2,8"),
    (
        [("sum", True), ("ratio", True), ("ratio", True), ("ratio", True)],
        [("sum", True), ("ratio", True), ("ratio", False), ("ratio", True)],
    ),
)


PAIRING += _twice(
    "resolved as a fraction with its own breakdown in brackets, then what is pending: the denominator",
    "… the denominator misprinted",
    "Các cơ quan đã giải quyết 40/{} đơn thuộc thẩm quyền (20 khiếu nại, 2 tố cáo, 18 kiến nghị); đang xem "
    "xét giải quyết 30 đơn còn trong hạn.",
    ("70", "72"),
    ([("sum", True), ("sum", True)], [("sum", True), ("sum", False)]),
)


@pytest.mark.parametrize("rule,text,expected", PAIRING, ids=[p[0] for p in PAIRING])
def test_pairing_rules(rule: str, text: str, expected: list[tuple[str, bool]]) -> None:
    # what the rules relate; the arithmetic search's confirmations have a table of their own below
    checks = [c for c in check_text(text) if c.check not in ("range", "shares") and c.rule not in SEARCH_RULES]
    assert [(c.check, c.consistent) for c in checks] == expected
    for c in checks:
        assert c.rule and c.confidence is not None and len(c.roles) == len(c.figures)
        assert all(text[f["start"] : f["end"]] == f["raw"] for f in c.figures)


# Standard identities of administrative-procedure and budget reports, as data.
IDENTITY_CASES = [
    ("Có 1.100 hồ sơ đến hạn, đúng hạn 1.090 hồ sơ, trễ hạn 10 hồ sơ.", True),
    ("Có 1.100 hồ sơ đến hạn, đúng hạn 1.090 hồ sơ, trễ hạn 12 hồ sơ.", False),
    ("Tiếp nhận 600 đơn; đã giải quyết 560 đơn, đang giải quyết 40 đơn.", True),
    ("Tổng số đơn phải giải quyết 600 đơn; đã giải quyết 560 đơn, đang giải quyết 30 đơn.", False),
    ("Tiếp nhận mới 700 hồ sơ, kỳ trước chuyển sang 25 hồ sơ, tổng số hồ sơ phải giải quyết 725 hồ sơ.", True),
    ("Trong quý, bộ phận một cửa tiếp nhận 900 hồ sơ, đã giải quyết 850 hồ sơ, đang giải quyết 40 hồ sơ, trả "
     "lại 10 hồ sơ.", True),
    ("Trong quý, bộ phận một cửa tiếp nhận 900 hồ sơ, đã giải quyết 850 hồ sơ, đang giải quyết 40 hồ sơ, trả "
     "lại 15 hồ sơ.", False),
    ("Các cơ quan đã giải quyết được 90/120 vụ việc, còn lại 30 vụ việc đang xác minh.", True),
    ("Các cơ quan đã giải quyết được 90/120 vụ việc, còn lại 20 vụ việc đang xác minh.", False),
    ("Kim ngạch xuất khẩu đạt 12,5 tỷ USD, nhập khẩu 11,2 tỷ USD, xuất siêu 1,3 tỷ USD.", True),
    ("Hồ sơ giải quyết trước hạn 300, đúng hạn 650, quá hạn 50; tổng số hồ sơ đã giải quyết 1.000 hồ sơ.", True),
    ("Hồ sơ giải quyết trước hạn 300, đúng hạn 650, quá hạn 70; tổng số hồ sơ đã giải quyết 1.000 hồ sơ.", False),
    # inspection reports: violations found = recovery advised + other measures advised
    ("Qua thanh tra phát hiện sai phạm về kinh tế 12,5 tỷ đồng; kiến nghị thu hồi 8,2 tỷ đồng, kiến nghị xử lý "
     "khác 4,3 tỷ đồng.", True),
    ("Phát hiện sai phạm gần 62 tỉ đồng; kiến nghị thu hồi 31,561 tỉ đồng, xử lý các hình thức khác 30,338 tỉ đồng.",
     True),
    ("Phát hiện vi phạm 7.300 triệu đồng, đã kiến nghị thu hồi 2.100 triệu đồng, kiến nghị giảm trừ thanh toán, "
     "khắc phục 5.100 triệu đồng.", False),
]


@pytest.mark.parametrize("text,consistent", IDENTITY_CASES)
def test_standard_identities(text: str, consistent: bool) -> None:
    sums = [c for c in check_text(text) if c.check == "sum"]
    assert sums and all(c.consistent for c in sums) is consistent
    assert all(c.rule and c.rule.startswith("đẳng thức") for c in sums)


def test_identity_table_is_data() -> None:
    from scraper.qa.pairs import IDENTITIES, ROLES, roles_of, unit_key

    assert all(set(parts) | set(wholes) <= set(ROLES) for parts, wholes, _ in IDENTITIES)
    assert roles_of("hồ sơ đến hạn") == {"due"} and roles_of("giải quyết đúng hạn") == {"on_time"}
    assert roles_of("đã thu hồi") == set() and roles_of("kiến nghị thu hồi") == {"advise_recover"}
    assert unit_key("đơn vị") == "đơn vị" != unit_key("đơn") and unit_key("đơn thư") == unit_key("đơn")
    # a house counted with its classifier is a house; a flat ("căn hộ") is no household ("hộ")
    assert unit_key("căn nhà") == unit_key("Nhà") and unit_key("căn hộ") != unit_key("hộ")
    assert "on_time" in roles_of("trước và đúng hạn") and "ahead" not in roles_of("trước và đúng hạn")
    assert roles_of("kỳ trước chuyển sang") == {"carried_over"} and roles_of("tổng kim ngạch xuất nhập khẩu") >= {"trade"}


# Families of false alarms: none of these may raise an alarm.
NO_ALARM = [
    ("resolved + pending = eligible, with a withdrawn case between them: the list has three parts",
     "Thanh tra tỉnh tiếp nhận 95 đơn, đơn đủ điều kiện thụ lý giải quyết chỉ có 12 đơn, đã giải quyết 8 vụ "
     "việc, 1 vụ tự rút đơn, còn 3 vụ việc đang trong thời gian xác minh."),
    ("a sibling part is not the whole of a per-part rate",
     "Trong 200 trường, có 80 trường mầm non, đạt tỷ lệ 55%; 120 trường tiểu học, đạt tỷ lệ 60%."),
    ("shares of a plan the text does not give", "Thu nội địa đạt 900 tỷ đồng, bằng 45% dự toán; thu xuất nhập khẩu 300 tỷ đồng, bằng 70% dự toán."),
    ("a comparison above 100% is not an impossible share", "Chi thường xuyên đạt 573 tỷ đồng, bằng 105,1% cùng kỳ."),
    ("an average is not a count of people", "Bình quân mỗi xã có 2,5 cán bộ chuyên trách."),
    ("'2,5k' is thousands, not half a seed", "Dự án hỗ trợ 75 cây muồng đen và 2,5k hạt muồng vàng."),
    ("a highlighted subset is not a failing breakdown", "Toàn tỉnh có 1.200 xã, trong đó 90 xã đạt chuẩn nâng cao và 15 xã kiểu mẫu."),
    ("last year's figure in parentheses is not a whole",
     "Cơ quan tiếp nhận 900 đơn (tồn kỳ trước 60 đơn, tiếp nhận mới 840 đơn), tăng 100 đơn (cùng kỳ năm trước tiếp nhận 800 đơn)."),
    ("a rate of a target range that neither bound gives is no alarm (which bound is unknown)",
     "Sản lượng gỗ khai thác 480 nghìn m3, đạt 70% so mục tiêu (600-750 nghìn m3)."),
    ("'Không tính …' of another name is no breakdown",
     "Doanh thu du lịch đạt 500 tỷ đồng. Không tính dịch vụ lưu trú (120 tỷ đồng) thì chi phí quảng bá đạt 30 tỷ đồng."),
    ("a fall printed with its sign", "Số vụ cháy giảm 12 vụ (-6,2%) so với cùng kỳ."),
    ("a share outside the breakdown (files returned)",
     "Hồ sơ đến hạn 8.000 hồ sơ, trả đúng hạn 7.800 hồ sơ (đạt 97,5%), quá hạn 200 hồ sơ chiếm 2,5%, trả lại hồ sơ là 9 hồ sơ "
     "(chiếm 0,11%)."),
    ("'trong đó' introducing something else", "Xuất khẩu nửa tháng đạt 12,6 tỷ USD. Trong đó, có 4 nhóm hàng đạt từ 1 tỷ USD trở lên; dẫn đầu là điện thoại với 2,33 tỷ USD."),
    ("a threshold rate of a fraction", "Nhóm Khá gồm 21/63 tỉnh, thành phố đạt Chỉ số trên 75%."),
    ("a tagged list that leaves a category out only ever confirms",
     "Đã giải quyết xong 30/40 vụ việc KN, 60/70 vụ việc TC. Trong đó, có 8 vụ KN, 10 vụ TC đúng; 18 vụ KN, 36 vụ TC sai."),
    ("parts that overshoot their whole several times over are two interleaved lists",
     "Đã giải quyết 30/40 vụ việc khiếu nại, 60/70 vụ việc tố cáo. Trong đó, có 8 vụ khiếu nại, 10 vụ tố cáo đúng; 18 vụ khiếu nại, 36 vụ tố cáo sai."),
]


@pytest.mark.parametrize("family,text", NO_ALARM, ids=[n[0] for n in NO_ALARM])
def test_false_alarm_families(family: str, text: str) -> None:
    assert not alarms_of(text)


def test_arithmetic_vetoes_a_wrong_whole() -> None:
    # two counts could be the whole; the one that reproduces the rate wins, the other is no alarm
    checks = check_text("Tiếp nhận 1.000 hồ sơ; hồ sơ đến hạn 800 hồ sơ; giải quyết đúng hạn 780 hồ sơ, đạt 97,5%.")
    assert [(c.check, c.consistent) for c in checks if c.check == "ratio"] == [("ratio", True)]
    assert "780/800" in checks[-1].message or any("780/800" in c.message for c in checks)


def test_pairs_are_scored_with_rules() -> None:
    from scraper.qa.pairs import relations

    text = "Tỉnh tiếp nhận 1.200 hồ sơ, trong đó 700 hồ sơ trực tuyến và 500 hồ sơ trực tiếp."
    rels = relations(text, extract_figures(text))
    best = max((r for r in rels if r.check == "sum"), key=lambda r: r.confidence)
    assert best.stated.raw == "1.200" and [p.raw for p in best.operands] == ["700", "500"] and "trong đó" in best.rule


# --- HTML reports ---


def test_qa_report_opens_with_failing_checks_linked_to_the_text(tmp_path: Path) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from scraper.qa import checks_report_html

    text = "Trong kỳ mới tiếp nhận 300 hồ sơ, kỳ trước chuyển sang 40 hồ sơ, lũy kế 350 hồ sơ. Đã giải quyết 950/1.000 hồ sơ, đạt 95%."
    figures = extract_figures(text)
    html = checks_report_html([(None, text, figures, check_article_figures(text, figures))])
    tree = LexborHTMLParser(html)
    assert tree.css_first('meta[name="viewport"]') is not None
    first = tree.css_first("body").css_first("section.failing")
    assert first is not None and "350" in first.text()
    links = first.css("a.jump")
    assert len(links) == 1
    target = links[0].attributes["href"].lstrip("#")
    mark = tree.css_first(f"mark#{target}")
    assert mark is not None and "flag" in mark.attributes["class"] and mark.text() == "350"
    # the failing list comes before the text and before the passing checks
    assert html.index("class='failing'") < html.index("class='body'")
    assert [th.text() for th in tree.css("table tr th")][-2:] == ["Quy tắc", "Độ tin cậy"]


def test_compare_report_structure() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from scraper.models import CompareRow
    from scraper.qa import compare_report_html

    rows = [
        CompareRow(status="matched", indicator="Tỷ lệ đúng hạn", official_value=D("98.2"), unit="%", extracted_value=D("98.2"),
                   raw="98,2%", article_url="https://a.gov.vn/1"),
        CompareRow(status="missing", indicator="Số hồ sơ trực tuyến", official_value=D(500)),
        CompareRow(status="mismatch", indicator="Tổng thu", official_value=D(1200), unit="tỷ đồng", extracted_value=D(1250),
                   difference=D(50), relative_difference=D("0.0417"), raw="1.250 tỷ đồng", article_url="https://a.gov.vn/2"),
    ]
    tree = LexborHTMLParser(compare_report_html(rows))
    assert tree.css_first('meta[name="viewport"]') is not None
    assert "Chênh lệch" in [th.text() for th in tree.css("th")]
    trs = tree.css("tr.row")
    assert [tr.attributes["data-status"] for tr in trs] == ["mismatch", "missing", "matched"]
    assert [tr.css_first("td").text() for tr in trs] == ["lệch", "thiếu", "khớp"]
    assert {"mismatch", "missing"} <= set(trs[0].attributes["class"].split()) | set(trs[1].attributes["class"].split())
    assert trs[0].attributes["class"] != trs[1].attributes["class"]
    assert trs[0].css_first("td.diff").text().startswith("50")
    assert trs[0].css_first("a").attributes["href"] == "https://a.gov.vn/2" and trs[1].css_first("a") is None


# --- tables: rows against a "Tổng cộng" row, a "count | %" row against the cell that reproduces it ---

_TABLE = """<html><body><h1>Kết quả giải quyết hồ sơ quý I của các sở</h1><p>Kết quả cụ thể của từng đơn vị như sau.</p>
<table><tr><th>Đơn vị</th><th>Tiếp nhận</th><th>Đúng hạn</th><th>Trễ hạn</th><th>Tỷ lệ đúng hạn (%)</th></tr>
<tr><td>Sở Xây dựng</td><td>400</td><td>380</td><td>20</td><td>95</td></tr>
<tr><td>Sở Tài chính</td><td>250</td><td>245</td><td>5</td><td>{fin}</td></tr>
<tr><td>Sở Y tế</td><td>150</td><td>150</td><td>0</td><td>100</td></tr>
<tr><td>Sở Công Thương</td><td>200</td><td>190</td><td>10</td><td>95</td></tr>
<tr><td>Tổng cộng</td><td>1.000</td><td>{total_on_time}</td><td>35</td><td>96,5</td></tr>
</table></body></html>"""


@pytest.mark.parametrize("fin,total_on_time,alarms", [
    ("98", "965", []),
    ("97", "965", ["245/250"]),  # a share column confirmed by the other rows
    ("98", "975", ["= 965", "975/1.000"]),  # a total row confirmed by the other columns, and its own share
])
def test_table_rows_totals_and_shares(fin: str, total_on_time: str, alarms: list[str]) -> None:
    a = parse_article(_TABLE.format(fin=fin, total_on_time=total_on_time).encode(), url="https://so.gov.vn/bao-cao")
    checks = check_article_figures(a.body_text, a.figures)
    table_checks = [c for c in checks if (c.rule or "").startswith("bảng")]
    assert len([c for c in table_checks if c.check == "sum"]) == 3 and len([c for c in table_checks if c.check == "ratio"]) == 5
    bad = [c.message for c in checks if not c.consistent]
    assert len(bad) == len(alarms) and all(any(a in m for m in bad) for a in alarms)


@pytest.mark.parametrize("text,alarms", [
    ("Kết quả giải quyết hồ sơ:\nNội dung | Số hồ sơ | Tỷ lệ (%)\nTiếp nhận | 1.200 | 100\nĐúng hạn | 1.150 | 95,8\nTrễ hạn | 50 | 4,2", []),
    ("Kết quả giải quyết hồ sơ:\nNội dung | Số hồ sơ | Tỷ lệ (%)\nTiếp nhận | 1.200 | 100\nĐúng hạn | 1.150 | 95,8\nTrễ hạn | 50 | 5,2", ["50/1.200"]),
    ("Đơn vị | Tiếp nhận | Đã giải quyết | Tỷ lệ\nHuyện A | 300 | 290 | 96,7%\nHuyện B | 200 | 198 | 99%\n"
     "Huyện C | 100 | 90 | 95%\nTổng cộng | 600 | 578 | 96,3%", ["90/100"]),
])
def test_tables_pasted_as_text_rows(text: str, alarms: list[str]) -> None:
    checks = check_text(text)
    assert [c for c in checks if (c.rule or "").startswith("bảng") and c.check == "ratio"]
    bad = [c.message for c in checks if not c.consistent]
    assert len(bad) == len(alarms) and all(any(a in m for m in bad) for a in alarms)


# Yearbook rows flattened to text (cells apart by spaces only); the first cell is the "Tổng số" column.
FLAT_ROWS = [
    ("two pairs of consecutive columns (sex, then area)", "2019 1000500 480200 520300 300100 700400", [True, True]),
    ("all columns but a 'trong đó' column of its left neighbour",
     "2018     5.000.000   1.200.000   2.500.000   2.100.000   1.000.000   300.000", [True]),
    ("a published row off by one in the last digit", "2017     5.000.001   1.200.000   2.500.000   2.100.000   1.000.000   300.000",
     [False]),
    ("the same block of columns for a second school year", "TỔNG SỐ 3.100 950 2.150 3.050 980 2.070", [True, True]),
    ("columns that make up nothing are no check", "2016 9000 1234 2345 3456 5678", []),
    ("small numbers far from the total are no alarm", "2015 40 12 13 14", []),
    ("numbers apart by words are no row", "Năm 2014 có 1000 người, 480 nam và 520 nữ, 300 hộ", []),
]


# A province's indicator table flattened one row per line: label, unit, one cell a year (our own numbers).
_POVERTY_ROWS = (
    "Chỉ tiêu ĐV tính 2016 2017 2018 2019 2020\n"
    "Tổng số hộ hộ 200000.00 204000.00 208000.00 212000.00 216000.00\n"
    "Số hộ nghèo hộ 30000.00 25500.00 {poor} 17000.00 12960.00\n"
    "Tỷ lệ hộ nghèo % 15.00 12.50 {rate} 8.02 6.00"
)


@pytest.mark.parametrize("poor,rate,verdicts", [
    ("20800.00", "10.00", [True] * 5),
    ("20800.00", "10.20", [True, True, False, True, True]),  # one year misprinted: the rule holds in the rest
    ("20800.00", "14.00", [True, True, True, True]),  # far off: not this rule's cell, no verdict
])
def test_a_row_of_rates_is_one_row_above_over_another(poor: str, rate: str, verdicts: list[bool]) -> None:
    checks = check_text(_POVERTY_ROWS.format(poor=poor, rate=rate))
    assert [c.consistent for c in checks if c.rule.startswith("bảng (dòng liền): dòng tỷ lệ")] == verdicts


@pytest.mark.parametrize("rule,text,verdicts", FLAT_ROWS, ids=[r[0] for r in FLAT_ROWS])
def test_flattened_yearbook_rows(rule: str, text: str, verdicts: list[bool]) -> None:
    checks = [c for c in check_text(text) if (c.rule or "").startswith("bảng (dòng liền)")]
    assert [c.consistent for c in checks] == verdicts
    assert all(text[f["start"] : f["end"]] == f["raw"] for c in checks for f in c.figures)


def test_check_time_grows_linearly_with_one_long_paragraph() -> None:
    """A report pasted as one paragraph of many numbers must not stall QA: 8 copies take about 8 times
    as long as one (a ratio in one run, not an absolute time)."""
    body = " ".join(text for _, text, _ in PAIRING) + " " + " ".join(t for t, _ in IDENTITY_CASES)
    body = body.replace("\n", " ")
    eight = " ".join([body] * 8)
    ratio = growth(lambda: check_text(body), lambda: check_text(eight), 8 * 3, repeat=(3, 1))
    assert ratio < 8 * 3  # quadratic would be ≈ 64 times


def test_relations_grow_linearly_with_entries_one_a_sentence() -> None:
    """Inline "Trong đó:" marks, each followed by entries one a sentence, repeated through one long
    paragraph: each mark reads a bounded run of entries and of wholes before it, so 8 times the text
    proposes about 8 times the relations (counted, not timed: all of them are judged later)."""
    from scraper.qa.sums import sum_relations
    from scraper.qa.text import Text

    unit = ("Năm 2023, tòa án hai cấp thụ lý 6.969 vụ, giải quyết 5.512 vụ; còn lại 1.457 vụ. Trong đó: tòa án "
            "tỉnh thụ lý 538 vụ, đã giải quyết 412 vụ, còn lại 126 vụ. Tòa án cấp huyện thụ lý 6.431 vụ, đã giải "
            "quyết 5.100 vụ, còn lại 1.331 vụ. Đạt 70% về việc và 33,3% về tiền; xảy ra 146 vụ, giảm 38 vụ (21%). ")

    def count(text: str) -> int:
        return len(sum_relations(Text(text, extract_figures(text))))

    assert count(unit * 160) < 12 * count(unit * 20)  # unbounded, ≈ 64 times


def test_a_first_part_of_a_longer_list_is_the_whole_when_its_shares_add_up_too() -> None:
    """Counts that add up to a whole while the list goes on are only taken when their own shares add up to the
    whole's share as well (two readings agreeing); without the shares the prefix is no check."""
    text = (
        "Toàn huyện có 2.000 hộ nghèo trong tổng số 20.000 hộ, chiếm tỷ lệ 10%; có 1.200 hộ nghèo về thu nhập, "
        "chiếm tỷ lệ 6%; 800 hộ nghèo thiếu hụt dịch vụ xã hội, chiếm 4%; có 1.500 hộ nghèo là người dân tộc "
        "thiểu số, chiếm 75%."
    )
    sums = [c.message for c in check_text(text) if c.check == "sum"]
    assert any("1.200 + 800 = 2.000" in m for m in sums)
    no_shares = (
        "Toàn huyện có 2.000 hộ nghèo; có 1.200 hộ nghèo về thu nhập; 800 hộ nghèo thiếu hụt dịch vụ xã hội; có "
        "1.500 hộ nghèo là người dân tộc thiểu số."
    )
    assert not [c for c in check_text(no_shares) if c.check == "sum" and "1.200 + 800" in c.message]


def test_progress_against_plan_is_no_share_of_a_whole() -> None:
    """ "ước đạt 48,2%" of each item's own plan: percentages that happen to total about 100% are no breakdown."""
    text = (
        "Tổng chi ngân sách quý I ước đạt 1.700 tỷ đồng. Trong đó, chi đầu tư phát triển ước đạt 48,2% và tăng "
        "18,2%; chi thường xuyên ước đạt 25% và giảm 19,2%; chi an sinh xã hội đạt 27,3% và tăng 38,9%."
    )
    assert [c for c in check_text(text) if c.check == "shares"] == []
    shares = "Hồ sơ giải quyết đúng hạn đạt 96,5%, quá hạn 3,5%."
    assert [(c.check, c.consistent) for c in check_text(shares) if c.check == "shares"] == [("shares", True)]


def test_a_sentence_of_many_small_percentages_is_not_searched_for_breakdowns() -> None:
    """Hundreds of percentages in one sentence (a flattened table) add up to 100% but are no one breakdown;
    they are not searched run by run (that costs the cube of their number)."""
    text = "Các tỷ lệ lần lượt là " + ", ".join(["0,1%"] * 1000) + "."
    assert [c for c in check_text(text) if c.check == "shares"] == []


# Shares side by side that make 100% while the sentence holds more (our own wording of real report shapes).
@pytest.mark.parametrize("text, runs", [
    # two breakdowns in one sentence (complaints, then denunciations), each of three grades
    ("Trong số đơn đã giải quyết có 20,5% đơn khiếu nại đúng, 50,2% đơn khiếu nại sai, 29,3% đơn có đúng có sai; "
     "12,4% đơn tố cáo đúng, 60,1% đơn tố cáo sai và 27,5% đơn tố cáo có đúng, có sai.",
     [["20,5%", "50,2%", "29,3%"], ["12,4%", "60,1%", "27,5%"]]),
    # a grading written with "đạt" before the first share only
    ("Về xếp loại, học sinh giỏi đạt 31,25%, khá 45,5%, trung bình 23,25%.", [["31,25%", "45,5%", "23,25%"]]),
    # a share of the first share in parentheses sits between the parts
    ("Chi bộ đạt trong sạch vững mạnh chiếm 90,5% (trong đó tiêu biểu chiếm 18,2%); hoàn thành tốt nhiệm vụ "
     "chiếm 8,1%; hoàn thành nhiệm vụ chiếm 1,2%; không hoàn thành chiếm 0,2%.",
     [["90,5%", "8,1%", "1,2%", "0,2%"]]),
    # three shares that do not make 100%: nothing
    ("Học sinh giỏi đạt 31%, khá 45,5%, trung bình 13,25%; tỷ lệ chuyên cần 98%.", []),
])
def test_runs_of_shares_making_a_whole_only_confirm(text: str, runs: list[list[str]]) -> None:
    shares = [c for c in check_text(text) if c.check == "shares"]
    assert [[f["raw"] for f in c.figures] for c in shares] == runs
    assert all(c.consistent for c in shares)


def test_unmarked_parts_pass_over_a_parts_own_parts_in_parentheses() -> None:
    text = (
        "Qua phân loại, có 1.200 đơn đủ điều kiện xử lý. Qua xử lý, có 400 đơn thuộc thẩm quyền (khiếu nại, tố cáo "
        "100 đơn; kiến nghị, phản ánh 300 đơn). Còn lại 800 đơn không thuộc thẩm quyền đã hướng dẫn, chuyển đơn."
    )
    sums = [c.message.split(" = ")[0] for c in check_text(text) if c.check == "sum" and c.consistent]
    assert sums == ["Tổng các phần 400 + 800", "Tổng các phần 100 + 300"]


def test_a_list_of_places_fractions_adds_their_numerators_not_two_that_share_a_denominator() -> None:
    """ "toàn tỉnh có 32 xã, phường, thị trấn đạt chuẩn. Trong đó Thành phố 4/11 xã, phường; Định Hóa 11/11
    xã, thị trấn; …": the communes of each district that meet the standard add up to the province's count;
    two districts that both have 17 communes are no split of one whole."""
    text = (
        "Năm 2024, toàn tỉnh có 32 xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật. Trong đó Thành phố có 4/11 "
        "xã, phường; các huyện Định Hóa có 11/11 xã, thị trấn; Đại Từ 12/17 xã, thị trấn; Phú Lương 5/17 xã."
    )
    sums = _heads(text, "sum")
    assert sums == [("Tổng các phần 4 + 11 + 12 + 5", True)]


def test_a_change_over_last_periods_value_names_that_value_when_the_text_prints_it() -> None:
    text = "Tổng số hộ tham gia bảo hiểm là 8.400 hộ so với cùng kỳ năm trước (8.000 hộ); tăng 400 (5%)."
    (rate,) = [c for c in check_text(text) if c.check == "ratio"]
    assert rate.consistent and [f["raw"] for f in rate.figures] == ["5%", "400", "8.000"]
    assert rate.roles == ["rate", "change", "prior"]


def test_a_rise_with_its_rate_is_a_change_not_a_share_of_this_periods_count() -> None:
    """ "tăng 400 hồ sơ (5%)": 400 over last period's 8.000, not 400 of this period's 8.400 (which rounds to
    5% as well, by chance)."""
    (rate,) = [c for c in check_text("Năm nay tiếp nhận 8.400 hồ sơ, tăng 400 hồ sơ (5%).") if c.check == "ratio"]
    assert rate.consistent and rate.message.startswith("Mức thay đổi 400/8.000")


def test_a_whole_broken_down_twice_in_later_paragraphs() -> None:
    """Visits by field, then the same visits by outcome: each list adds up to the whole on its own."""
    text = (
        "Trong quý, các cơ quan đã tiếp 100 lượt/120 người đến khiếu nại, kiến nghị.\n\nNội dung tập trung các lĩnh "
        "vực sau: đất đai 50 lượt; bồi thường 10 lượt; nhà cửa 5 lượt; chính sách 10 lượt; tư pháp 5 lượt; lĩnh vực "
        "khác 20 lượt.\n\nQua tiếp công dân, các cơ quan đã hướng dẫn làm đơn 40 lượt; giải thích 45 lượt; ban hành "
        "công văn 10 lượt; đang xử lý 5 lượt."
    )
    sums = _heads(text, "sum")
    assert ("Tổng các phần 40 + 45 + 10 + 5", True) in sums and len(sums) == 2


def test_a_part_opening_a_colon_list_keeps_its_semicolon_items() -> None:
    """A part's own list after "gồm:" may go on after a ";": its last item is not one more part of the
    total, so the misprinted total is judged over the two parts the "Trong đó" names."""
    text = (
        "Thu ngân sách trên địa bàn huyện 9 tháng được 398,5 tỷ đồng, đạt 70% dự toán. Trong đó, thu do tỉnh "
        "quản lý 200,3 tỷ đồng, đạt 75% dự toán; thu do huyện quản lý 200,2 tỷ đồng, đạt 66% dự toán, gồm: thu "
        "thuế, phí 120,1 tỷ đồng, đạt 60% dự toán, thu tiền sử dụng đất 70 tỷ đồng; thu khác 10,1 tỷ đồng."
    )
    sums = _heads(text, "sum")
    assert sums == [("Tổng các phần 200,3 + 200,2", False), ("Tổng các phần 120,1 + 70 + 10,1", True)]


def test_a_part_of_an_actual_amount_is_not_a_part_of_its_later_estimate() -> None:
    """"đạt 52.400 tỷ đồng, …, ước đến cuối tháng 9 đạt 53.100 tỷ đồng. Trong đó, … 15.720 tỷ đồng": the
    part is of the amount at the date, so a misprinted share is judged over it (and extracted as its part)."""
    text = (
        "Đến ngày 31/8, tổng dư nợ cho vay trên địa bàn đạt 52.400 tỷ đồng, tăng 8,2% so với đầu năm, ước đến "
        "cuối tháng 9 đạt 53.100 tỷ đồng. Trong đó, dư nợ cho vay nông nghiệp, nông thôn là 15.720 tỷ đồng, "
        "chiếm tỷ trọng 24,0%/tổng dư nợ."
    )
    figures = {f.raw: f for f in extract_figures(text)}
    assert figures["15.720 tỷ đồng"].part_of == figures["52.400 tỷ đồng"].id
    (rate,) = [c for c in check_text(text) if c.check == "ratio"]
    assert not rate.consistent and rate.message.startswith("Tỷ lệ 15.720 tỷ/52.400 tỷ")


def test_a_bracket_left_open_closes_with_its_sentence() -> None:
    """"14 người chết (tỉnh A 9 người, tỉnh B 5 người … . Hiện còn 7 người mất tích": the next sentence is
    outside the bracket the editor forgot to close, so its count is the list's next part."""
    text = (
        "Mưa lũ đã làm 21 người chết và mất tích, trong đó 14 người chết (tỉnh A 9 người, tỉnh B 5 người bị lũ "
        "cuốn trôi. Hiện còn 7 người mất tích."
    )
    sums = _heads(text, "sum")
    assert ("Tổng các phần 14 + 7", True) in sums and all(ok for _, ok in sums)


@pytest.mark.parametrize("capital,consistent", [("420,5", True), ("430,5", False)])
def test_a_dashed_list_after_a_sentence_without_figures_skips_its_plus_sub_items(
    capital: str, consistent: bool
) -> None:
    """"… cụ thể như sau: ¶ - Nhóm A: 25 dự án … chia ra: ¶ + …: 15 dự án ¶ + …: 10 dự án ¶ - Nhóm B: 39 dự án":
    the "-" items break down the totals of the sentence before the marker; the "+" items are the first
    item's own (a right list confirms, a misprinted total is judged over the two items, never an alarm
    over all four)."""
    text = (
        f"Năm 2024 có 64 dự án đăng ký với tổng vốn {capital} tỷ đồng. Tình hình thực hiện các dự án cụ thể như "
        "sau:\n- Nhóm dự án đã đi vào hoạt động: 25 dự án với tổng vốn 180,2 tỷ đồng, chia ra:\n+ Trong khu công "
        "nghiệp: 15 dự án với vốn 100,1 tỷ đồng;\n+ Ngoài khu công nghiệp: 10 dự án với vốn 80,1 tỷ đồng.\n- Nhóm "
        "dự án chưa hoạt động: 39 dự án với tổng vốn 240,3 tỷ đồng."
    )
    sums = dict(_heads(text, "sum"))
    assert sums == {
        "Tổng các phần 25 + 39": True, "Tổng các phần 180,2 + 240,3": consistent,
        "Tổng các phần 15 + 10": True, "Tổng các phần 100,1 + 80,1": True,
    }


def test_forms_of_discipline_open_a_second_breakdown_and_reasons_a_third() -> None:
    """"Hình thức kỷ luật, khiển trách …" opening its sentence breaks down the members disciplined two
    sentences back, after the breakdown by level; and once a list made the whole, the reasons in brackets
    further on (no marker) are its third breakdown."""
    text = (
        "Trong quý, cấp ủy các cấp đã thi hành kỷ luật 30 đảng viên. Trong đó, cấp tỉnh kỷ luật 2 đồng chí; cấp "
        "huyện kỷ luật 10 đồng chí; cấp cơ sở kỷ luật 18 đồng chí. Hình thức kỷ luật, khiển trách 20 đồng chí; "
        "cảnh cáo 6 đồng chí; cách chức 1 đồng chí và khai trừ 3 đồng chí.\n\nCác đảng viên này bị kỷ luật do vi "
        "phạm chính sách dân số (21 đồng chí); thiếu trách nhiệm (7 đồng chí); đánh bạc (2 đồng chí)."
    )
    sums = _heads(text, "sum")
    assert sums == [
        ("Tổng các phần 2 + 10 + 18", True), ("Tổng các phần 20 + 6 + 1 + 3", True),
        ("Tổng các phần 21 + 7 + 2", True),
    ]


@pytest.mark.parametrize("share,consistent", [("60,00%", True), ("66,00%", False)])
def test_shares_listed_under_a_line_of_100_percent_are_of_that_line(share: str, consistent: bool) -> None:
    """A commune's land table pasted as lines: "Tổng …: 250,40 ha - Tỷ lệ: 100%" heads the list, and each
    line's share below is of it (a misprinted one is an alarm, not a share of some other whole)."""
    text = (
        "Tổng diện tích đất tự nhiên: 250,40 ha - Tỷ lệ: 100%\n+ Diện tích đất nông nghiệp: 150,24 ha - Tỷ lệ: "
        f"{share}\n+ Diện tích đất phi nông nghiệp: 80,13 ha - Tỷ lệ: 32,00%\n+ Diện tích đất chưa sử dụng: 20,03 "
        "ha - Tỷ lệ: 8,00%"
    )
    rates = dict(_heads(text, "ratio"))
    assert rates == {
        "Tỷ lệ 150,24/250,4": consistent, "Tỷ lệ 80,13/250,4": True, "Tỷ lệ 20,03/250,4": True,
    }
    assert all(HUNDRED_REASON in c.rule for c in check_text(text) if c.check == "ratio")


def test_last_periods_shares_in_brackets_are_a_breakdown_of_their_own() -> None:
    text = (
        "Cơ cấu kinh tế 6 tháng đầu năm như sau: nông nghiệp 20,5% (6 tháng đầu năm trước là 22,0%); công nghiệp "
        "35,5% (6 tháng đầu năm trước là 34,0%) và dịch vụ 44,0% (6 tháng đầu năm trước là 44,0%)."
    )
    shares = _heads(text, "shares")
    assert shares == [("Các tỷ lệ 20,5% + 35,5% + 44,0%", True), ("Các tỷ lệ 22,0% + 34,0% + 44,0%", True)]


def test_shares_of_all_deputies_are_not_shares_of_those_voting() -> None:
    """A vote in the Assembly: every share, the turnout's too, is of all deputies (480, not printed), so the
    450 who voted are no whole of the yes and no votes' shares; the shares of the parts add up to the
    turnout's."""
    text = (
        "Đối với Luật Thuế: có 450 đại biểu tham gia biểu quyết (bằng 93,75% tổng số đại biểu Quốc hội); trong "
        "đó, có 440 đại biểu tán thành (bằng 91,67% tổng số đại biểu Quốc hội), có 4 đại biểu không tán thành "
        "(bằng 0,83% tổng số đại biểu Quốc hội), có 6 đại biểu không biểu quyết (bằng 1,25% tổng số đại biểu Quốc "
        "hội)."
    )
    checks = check_text(text)
    assert all(c.consistent for c in checks)
    assert ("Tổng các phần 440 + 4 + 6", True) in _heads(text, "sum") and not _heads(text, "ratio")


def test_a_total_made_by_its_list_is_confirmed_by_a_second_breakdown_in_later_lines() -> None:
    """Output by crop, then the same output by season on the next lines: the pair of seasons confirms it too."""
    text = (
        "Tổng sản lượng lương thực có hạt năm 2024 ước đạt 512.345,6 tấn, tăng 2,1% so với năm trước, gồm: thóc "
        "đạt 400.100,2 tấn; ngô đạt 100.200,3 tấn; cây có hạt khác đạt 12.045,1 tấn.\nSản lượng lương thực vụ "
        "Đông Xuân đạt 260.111,1 tấn, tăng 1,5% so với vụ trước, trong đó thóc 210.000,4 tấn.\nSản lượng lương "
        "thực vụ Mùa ước đạt 252.234,5 tấn, tăng 2,7%."
    )
    sums = _heads(text, "sum")
    assert sums == [
        ("Tổng các phần 400.100,2 + 100.200,3 + 12.045,1", True), ("Tổng các phần 260.111,1 + 252.234,5", True)
    ]


@pytest.mark.parametrize("text, alarms", [
    ("Toàn huyện có 12,3 trường học đạt chuẩn.", ["12,3: count is not a whole number"]),
    ("Trung tâm đã thực hiện 2,37 vụ việc trợ giúp pháp lý.", ["2,37: count is not a whole number"]),
    # a case two providers share is counted half each: halves are no error
    ("Trợ giúp viên thực hiện 209,5 vụ việc, luật sư thực hiện 18,5 vụ việc.", []),
])
def test_a_fraction_of_a_count_alarms_but_a_half_does_not(text: str, alarms: list[str]) -> None:
    assert [c.message for c in check_text(text) if c.check == "range"] == alarms


def test_a_lone_classifier_counts_the_noun_named_before_it() -> None:
    """ "tổng số hồ sơ … là 20.000 bộ": "bộ" counts files, so resolved + pending files make it up."""
    text = (
        "Năm 2024, tổng số hồ sơ thủ tục hành chính phải giải quyết trong kỳ của toàn huyện là 20.000 bộ.\n\n"
        "Kết quả đã giải quyết được 19.500 bộ hồ sơ; 500 hồ sơ đang giải quyết."
    )
    assert [c.message.split(" = ")[0] for c in check_text(text) if c.consistent] == ["Tổng các phần 19.500 + 500"]


def test_a_whole_named_past_a_comma_of_joined_nouns_keeps_its_role() -> None:
    """ "hồ sơ của các tổ chức, cá nhân yêu cầu giải quyết": the files to handle, so resolved + pending make it."""
    text = (
        "Trong 6 tháng, toàn tỉnh có 10.000 hồ sơ của các tổ chức, cá nhân yêu cầu giải quyết.\n\nKết quả, có 9.500 "
        "hồ sơ đã được giải quyết. Trong đó, 5.100 hồ sơ giải quyết trước hạn; 4.300 hồ sơ đúng hạn; 100 hồ sơ quá "
        "hạn; 500 hồ sơ đang giải quyết."
    )
    sums = [c.message.split(" = ")[0] for c in check_text(text) if c.check == "sum" and c.consistent]
    assert sums == ["Tổng các phần 9.500 + 500", "Tổng các phần 5.100 + 4.300 + 100"]


@pytest.mark.parametrize("lawyers_share, verdicts", [
    ("152,5", [("sum", True), ("ratio", True), ("ratio", True)]),
    ("151,5", [("sum", False), ("ratio", True), ("ratio", True)]),  # 151,5 + 47,5 = 199 of 200
])
def test_shares_of_a_total_named_after_the_rate_break_it_down(lawyers_share: str, verdicts: list) -> None:
    """ "… chiếm 76% tổng số vụ việc": the total of cases named before; two such shares making 100% say the
    counts are its breakdown (halves of a shared case included)."""
    text = (
        f"Năm 2024, Trung tâm đã cử và thực hiện 200 vụ việc. Trợ giúp viên pháp lý thực hiện {lawyers_share} vụ "
        "việc chiếm 76% tổng số vụ việc; luật sư thực hiện 47,5 vụ việc chiếm 24% tổng số vụ việc."
    )
    assert [(c.check, c.consistent) for c in check_text(text) if c.check != "shares"] == verdicts


def test_caption_lines_between_paragraphs_do_not_push_a_whole_out_of_reach() -> None:
    """Short lines with no number (a photo caption, printed twice, and another) belong to the paragraph
    before them: the resolved count's rate is of the files received two paragraphs up."""
    text = (
        "Năm 2024, toàn huyện tiếp nhận 2.000 hồ sơ.\nCán bộ bộ phận một cửa hướng dẫn người dân\nCán bộ bộ phận "
        "một cửa hướng dẫn người dân\nNgười dân làm thủ tục tại xã\nĐã giải quyết 1.900 hồ sơ, đạt tỷ lệ 95%."
    )
    assert [(c.check, c.consistent, c.message.split(" = ")[0]) for c in check_text(text)] == [
        ("ratio", True, "Tỷ lệ 1.900/2.000")]


# Stated figures no rule relates: the arithmetic search confirms them when like amounts beside them
# reproduce them exactly, and says nothing otherwise (our own wording, modelled on real reports).
SEARCH = [
    ("a total of two nouns joined by a comma, its parts each of one of them",
     # (no "với" or "trong đó" after the total: with one, the exact-list rule reads it first)
     "Đầu năm học, huyện có 391 trường, trung tâm: 152 trường mầm non, 221 trường phổ thông, 17 trung tâm "
     "và 1 trường trung cấp.", [("sum", True, D(391))]),
    ("parts before their total, a breakdown in brackets inside the run passed over",
     "Xã Tân Lập có 615 hộ (112 hộ nghèo), xã Tân Hòa 625 hộ; hai xã cùng nhận hỗ trợ, 1.240 hộ.",
     [("sum", True, D(1240))]),
    ("a finely printed rate two sentences after its counts, tied to them by no word",
     "Có 2.410 hộ đăng ký tham gia chương trình. Qua thẩm định, 1.793 hộ được công nhận; kết quả này bằng 74,4%.",
     [("ratio", True, D("74.4"))]),
    ("a headline's total told in full paragraphs below it, other like counts between",
     "Đoàn thể thao tỉnh giành 186 huy chương tại Đại hội toàn quốc\n\nKết thúc Đại hội, đoàn thể thao quân đội "
     "giành 250 HCV, 220 HCB, 198 HCĐ, dẫn đầu bảng tổng sắp.\n\nTheo thống kê, vận động viên của tỉnh thuộc 12 "
     "đội tuyển đã giành 60 HCV, 55 HCB, 71 HCĐ, vượt chỉ tiêu đề ra.", [("sum", True, D(186))]),
    ("shares that make a share: the excellent and the very good of one class",
     "Trong số 1.860 sinh viên tốt nghiệp có khoảng 21,4% đạt loại xuất sắc, 52,3% loại giỏi; tỷ lệ xuất sắc và "
     "giỏi chiếm gần 73,7%.", [("sum", True, D("73.7"))]),
    ("a rate of a count named by another noun than its whole ('tân cử nhân', 'em')",
     "Năm ngoái trường có 3.240 tân cử nhân thì 1.115 em tốt nghiệp loại giỏi, chiếm 34,4%.",
     [("ratio", True, D("34.4"))]),
    ("a month's total and the year's so far, their parts told together paragraphs later with sub-parts",
     "Sản lượng thủy sản tháng 8/2024 ước đạt 41.300 tấn; lũy kế 8 tháng năm 2024 đạt 295.600 tấn.\n\nSản lượng "
     "khai thác tháng 8/2024 ước đạt 15.100 tấn, đưa lũy kế 8 tháng đầu năm đạt 110.400 tấn.\n\nSản lượng nuôi "
     "trồng tháng 8/2024 ước đạt 26.200 tấn; trong đó, tôm 16.000 tấn, lũy kế 8 tháng đầu năm ước đạt 185.200 "
     "tấn; trong đó: tôm đạt 102.300 tấn.", [("sum", True, D(41300)), ("sum", True, D(295600))]),
    ("a total between its two parts: exports = surplus before + imports after",
     "Sau tỉnh A, tỉnh B xuất siêu lớn thứ hai, đạt 6,42 tỷ USD. Cụ thể, kim ngạch xuất khẩu đạt 19,37 tỷ USD "
     "và kim ngạch nhập khẩu đạt 12,95 tỷ USD.", [("sum", True, D("19.37e9"))]),
    ("round areas side by side add up by chance: no confirmation",
     "Dự án gồm nhà điều hành (1.200 m2), xưởng sửa chữa (1.650 m2), nhà kho (2.400 m2), bãi đỗ xe (750 m2) "
     "và sân đường nội bộ.", []),
    ("a total the parts miss is not an alarm: nothing but arithmetic would tie them",
     "Đầu năm học, huyện có 393 trường, trung tâm với 152 trường mầm non, 221 trường phổ thông, 17 trung tâm "
     "và 1 trường trung cấp.", []),
    ("a small total a marker breaks down, its members named by their own nouns",
     "Toàn huyện có 47 cơ sở y tế, bao gồm 19 trạm y tế và 28 phòng khám tư nhân.",
     [("sum", True, D(47))]),
    ("a fraction in the headline and its rate lines below",
     "Huyện A: 46/52 xã đạt chuẩn tiếp cận pháp luật năm 2023\n\nSau khi đánh giá, tỷ lệ xã, thị trấn đạt chuẩn "
     "tiếp cận pháp luật năm 2023 đạt 88,5% (năm 2022 đạt 84,6%).", [("ratio", True, D("88.5"))]),
    ("a fraction of the whole district told level by level: numerators and denominators both add up",
     "Hiện nay, huyện có 58/61 trường đạt chuẩn quốc gia.\n\nCụ thể, cấp mầm non có 20/20 trường đạt chuẩn. "
     "Cấp tiểu học có 21/22 trường đạt chuẩn.\n\nCấp THCS có 17/19 trường đạt chuẩn.",
     [("sum", True, D(58))]),
    ("… and nothing when only the numerators add up",
     "Hiện nay, huyện có 58/62 trường đạt chuẩn quốc gia.\n\nCụ thể, cấp mầm non có 20/20 trường đạt chuẩn. "
     "Cấp tiểu học có 21/22 trường đạt chuẩn.\n\nCấp THCS có 17/19 trường đạt chuẩn.", []),
    ("a count larger than the total between its parts is passed over",
     "Toàn tỉnh có 21.300 lao động làm việc tại 412 cơ sở sản xuất (trong đó: 137 doanh nghiệp, với 1.190 hộ "
     "kinh doanh và 275 hợp tác xã).", [("sum", True, D(412))]),
    ("a small total whose bracket lists its parts, one noun misspelt",
     "Tiếp đến là đoàn huyện B với 21 huy chương (11 hu chương vàng, 6 hu chương bạc, 4 huy chương đồng).",
     [("sum", True, D(21))]),
    ("… but not counts elsewhere that add up to a small total whose bracket holds something else",
     "Huyện A tiếp 5 lượt đoàn (22 người), huyện B 27 lượt đoàn (348 người), huyện C 1 lượt đoàn (27 người).",
     []),
    ("a small total whose places follow it, each with its count",
     "Ngày 12/6 ghi nhận thêm 9 ca nhập cảnh được cách ly ngay tại Đồng Tháp 5 ca, Bạc Liêu 3 ca và Cà Mau 1 ca.",
     [("sum", True, D(9))]),
    ("small counts add up by chance: 13 cases are not 8 deaths and 5 injuries",
     "Quốc lộ xảy ra 13 vụ, làm chết 8 người, bị thương 5 người.", []),
    ("two counts of the noun paragraphs before their total, another count of it between them",
     "Số hộ nghèo cuối năm là 388.102 hộ.\n\nTrong năm, 4.210 hộ thoát nghèo nhờ vay vốn ưu đãi. Số hộ cận nghèo "
     "là 224.335 hộ.\n\nNhư vậy, toàn vùng còn 612.437 hộ nghèo và cận nghèo.", [("sum", True, D(612437))]),
    ("… not when the pair misses the total by one",
     "Số hộ nghèo cuối năm là 388.102 hộ.\n\nTrong năm, 4.210 hộ thoát nghèo nhờ vay vốn ưu đãi. Số hộ cận nghèo "
     "là 224.335 hộ.\n\nNhư vậy, toàn vùng còn 612.438 hộ nghèo và cận nghèo.", []),
    ("a rate whose count is said in the sentence before, its own sentence holding only targets",
     "Riêng sản lượng cá tra đạt 41.236 tấn. Nếu so với chỉ tiêu cả năm (128.000 tấn) thì mới đạt 32,22% và so "
     "với mức phấn đấu (131.500 tấn) thì chỉ đạt 31,36%.", [("ratio", True, D("32.22")), ("ratio", True, D("31.36"))]),
    ("three counts of a large total's noun after it, another count between them",
     "Tổng khối lượng hàng hóa qua cửa khẩu đạt 214.537 tấn.\n\nCửa khẩu A đạt 98.210 tấn. Hàng nhập khẩu qua cửa "
     "khẩu A khoảng 80.100 tấn. Lối mở B xuất khẩu 103.442 tấn, nhập khẩu 12.885 tấn.", [("sum", True, D(214537))]),
    ("… not for a total under QA_ARITH_THREE_MIN_WHOLE: three small counts add up by chance",
     "Tổng số hộ được hỗ trợ là 2.153 hộ.\n\nXã A có 982 hộ. Trong năm có 310 hộ mới. Xã B có 871 hộ, xã C 300 hộ.",
     []),
    ("a rate of a count over the numerator of a fraction before it, named by another noun",
     "Kết quả bầu cử: Có 11/17 ứng cử viên đã trúng cử. Trong đó, có 4 đại biểu nữ, chiếm tỷ lệ 36,3%.",
     [("ratio", True, D("36.3"))]),
    ("a rate of two digits is reproduced by too many pairs to say which",
     "Có 2.410 hộ đăng ký tham gia chương trình. Qua thẩm định, 1.793 hộ được công nhận; kết quả này bằng 74%.",
     []),
]


@pytest.mark.parametrize("case,text,expected", SEARCH, ids=[s[0] for s in SEARCH])
def test_arithmetic_search_confirms_only(case: str, text: str, expected: list[tuple[str, bool, D]]) -> None:
    # (a total after "Như vậy" is now read by the recap rule, which confirms only as well)
    checks = [c for c in check_text(text) if c.rule in SEARCH_RULES or c.rule == RECAP_RULE]
    assert [(c.check, c.consistent, c.stated) for c in checks] == expected
    for c in checks:
        assert c.confidence == 0.35 and len(c.roles) == len(c.figures)
        for ref in c.figures:
            assert text[ref["start"] : ref["end"]] == ref["raw"]


@pytest.mark.parametrize("fall,consistent", [("25", True), ("24", False)])
def test_changes_of_a_breakdown_in_both_directions_add_up_signed(fall: str, consistent: bool) -> None:
    text = (f"Tổng dư nợ đến cuối tháng là 700 tỷ đồng, giảm {fall} tỷ đồng so với tháng trước, trong đó: nợ "
            f"ngắn hạn là 500 tỷ đồng, giảm 30 tỷ đồng so với tháng trước; nợ dài hạn là 200 tỷ đồng, tăng 5 tỷ "
            f"đồng so với tháng trước.")
    checks = check_text(text)
    changes = [c for c in checks if c.rule.startswith("mức tăng/giảm của các phần")]
    assert [(c.consistent, c.stated, c.computed) for c in changes] == [(consistent, -D(fall) * 10**9, -25 * 10**9)]
    assert [c.consistent for c in checks if c not in changes] == [True]  # the levels: 500 + 200 = 700


@pytest.mark.parametrize("people,consistent", [("2.360", True), ("2.370", False)])
def test_pairs_broken_down_pass_over_a_parts_own_pairs_in_brackets(people: str, consistent: bool) -> None:
    text = (f"Năm nay, thành phố đã tiếp 2.300 lượt/2.900 người đến khiếu nại, tố cáo gồm: tiếp thường xuyên "
            f"1.800 lượt/{people} người, thủ trưởng tiếp 500 lượt/540 người (trực tiếp tiếp 410 lượt/450 người, "
            f"ủy quyền tiếp 90 lượt/90 người).")
    pairs = [c for c in check_text(text) if c.rule.startswith("cặp số liệu (lượt/người)")]
    assert [(len(c.figures), c.consistent) for c in pairs] == [(3, consistent)]


def test_five_shares_in_one_long_bracket_make_one_breakdown() -> None:
    text = ("Sản lượng điện ước đạt 62 tỷ kWh (trong đó thủy điện chiếm 32,39%, nhiệt điện than chiếm 34,46%, "
            "khí chiếm 31,82%, dầu chiếm 0,18% và nhập khẩu chiếm 1,15%).")
    shares = [c for c in check_text(text) if c.check == "shares"]
    assert [(c.consistent, len(c.figures), c.computed) for c in shares] == [(True, 5, D("100.00"))]


def test_a_rate_only_the_fractions_denominator_gives_is_read_over_it_not_alarmed() -> None:
    # the breakdown is of the fraction's numerator, but the second share is over its denominator (of all
    # members, those exempt from review included): the search's reading replaces the rule's alarm
    text = ("Chi bộ đã tổ chức cho 1.760/2.000 đồng chí tự đánh giá, chiếm tỷ lệ 88,00%, trong đó: còn 20 đồng chí "
            "chưa nộp bản tự đánh giá, chiếm 1,14%; số được miễn đánh giá do tuổi cao là 220 đồng chí, chiếm "
            "11,00%.")
    checks = check_text(text)
    assert [c for c in checks if not c.consistent] == []
    over = [c for c in checks if c.stated == D("11.00")]
    assert len(over) == 1 and over[0].rule.startswith(DENOMINATOR_RULE) and over[0].consistent


# A run of like amounts that misses a large total by a unit or two of its last digit is a misprint: the one
# alarm the arithmetic raises on its own (our own wording, modelled on provincial budget and retail reports).
SLIPS = [
    ("three revenue sources one short of the total, no word tying them",
     "Quý I, tổng thu ngân sách trên địa bàn là 31.406 tỷ đồng, đạt 25% dự toán.\n\nTrong các nguồn thu, lớn "
     "nhất là thu nội địa với 17.215 tỷ đồng, đạt 22% dự toán; kế đến là thu dầu thô 9.880 tỷ đồng; thu xuất "
     "nhập khẩu 4.312 tỷ đồng.", [("sum", False, D("31406e9"))]),
    ("… and a confirmation when they add up",
     "Quý I, tổng thu ngân sách trên địa bàn là 31.407 tỷ đồng, đạt 25% dự toán.\n\nTrong các nguồn thu, lớn "
     "nhất là thu nội địa với 17.215 tỷ đồng, đạt 22% dự toán; kế đến là thu dầu thô 9.880 tỷ đồng; thu xuất "
     "nhập khẩu 4.312 tỷ đồng.", [("sum", True, D("31407e9"))]),
    ("small counts miss by two by chance: nothing",
     "Toàn huyện có 407 hộ nghèo. Xã A có 215 hộ, xã B có 190 hộ.", []),
    ("a hedged total is not printed to its last digit: nothing",
     "Quý I, tổng thu ngân sách đạt gần 31.406 tỷ đồng.\n\nThu nội địa đạt 17.215 tỷ đồng; thu dầu thô 9.880 "
     "tỷ đồng; thu xuất nhập khẩu 4.312 tỷ đồng.", []),
]


@pytest.mark.parametrize("case,text,expected", SLIPS, ids=[s[0] for s in SLIPS])
def test_arithmetic_search_alarms_only_on_a_last_digit_slip(case: str, text: str, expected: list) -> None:
    checks = [c for c in check_text(text) if c.rule in SEARCH_RULES]
    assert [(c.check, c.consistent, c.stated) for c in checks] == expected
    assert all(c.rule == (SUM_RULE if c.consistent else SLIP_RULE) for c in checks)


@pytest.mark.parametrize("text", [
    # "trong đó" over money names the main items, not all of them: short of the whole, no alarm …
    "Tổng chi ngân sách năm đạt 6.000 tỷ đồng, trong đó chi đầu tư 2.000 tỷ đồng, chi thường xuyên 3.100 tỷ đồng.",
])
def test_highlighted_items_of_a_money_whole_are_no_alarm(text: str) -> None:
    assert [c for c in check_text(text) if not c.consistent] == []


def test_highlighted_items_a_last_digit_short_of_their_whole_are_a_misprint() -> None:
    """… but items one unit of the last digit short of it are a rounding slip, which the report must not make."""
    text = ("Tổng mức bán lẻ 5 tháng đạt 84.512 tỷ đồng, tăng 9%.\n\nTrong đó, khu vực trong nước đạt 80.103 tỷ "
            "đồng, tăng 8%; khu vực có vốn nước ngoài 4.408 tỷ đồng, tăng 12%.")
    assert [(c.check, c.consistent, c.stated) for c in check_text(text)] == [("sum", False, D("84512e9"))]


@pytest.mark.parametrize("total,consistent", [("2.468 tỷ 602 triệu", True), ("2.468 tỷ 512 triệu", False)])
def test_a_compound_amount_is_printed_to_its_last_group(total: str, consistent: bool) -> None:
    """ "2.468 tỷ 512 triệu" is exact to the million: parts 90 million off are an error, not rounding."""
    text = (f"Đến 30/9, tổng nguồn vốn đạt {total} đồng. Trong đó, nguồn Trung ương là 2.101 tỷ 330 triệu đồng; "
            "nguồn ủy thác địa phương là 120 tỷ 415 triệu đồng; vốn huy động là 246 tỷ 857 triệu đồng.")
    assert [(c.check, c.consistent) for c in check_text(text)] == [("sum", consistent)]


def test_shares_of_amounts_that_make_100_percent_are_of_the_amounts_sum() -> None:
    """The shares' whole is the listed amounts' sum though the text prints another total before them: each
    share is confirmed over that sum, and none is an alarm over the printed total."""
    text = ("Tổng vốn đăng ký cấp mới và tăng thêm đạt 15.204,6 triệu USD. Công nghiệp chế biến, chế tạo đạt "
            "4.102,5 triệu USD, chiếm 38,1% tổng vốn cấp mới; bất động sản đạt 3.880,2 triệu USD, chiếm 36%; "
            "các ngành còn lại đạt 2.790,3 triệu USD, chiếm 25,9%.")
    checks = check_text(text)
    assert all(c.consistent for c in checks)
    assert [c.stated for c in checks if c.check == "ratio"] == [D("38.1"), D(36), D("25.9")]
    assert all("tổng không nêu" in c.rule for c in checks if c.check == "ratio")


def test_a_new_level_a_unit_of_the_last_digit_off_its_parts_is_an_alarm_however_it_was_paired() -> None:
    text = ("Có 812 dự án được cấp mới với vốn đăng ký 6.148,30 triệu USD; 350 lượt dự án tăng vốn, vốn đăng ký "
            "tăng thêm 3.512,45 triệu USD, nâng tổng vốn đăng ký cấp mới và tăng thêm lên 9.660,76 triệu USD.")
    assert [(c.check, c.consistent, c.stated) for c in check_text(text)] == [("sum", False, D("9660.76e6"))]


def test_households_and_their_people_each_add_up_after_the_marker() -> None:
    """ "64 hộ/231 nhân khẩu …, trong đó … 41 hộ/150 khẩu, … 23 hộ/81 khẩu": both columns of the pairs."""
    text = ("Đến sáng 5/11, đã di dời 64 hộ/231 nhân khẩu đến nơi an toàn, trong đó xã Tân Mỹ 41 hộ/150 khẩu, "
            "xã Tân Hòa 23 hộ/81 khẩu.")
    checks = check_text(text)
    assert all(c.consistent for c in checks)
    assert {c.stated for c in checks} == {D(64), D(231)}


def test_this_and_last_periods_structures_written_with_dashes_each_make_100_percent() -> None:
    text = ("Cơ cấu kinh tế: công nghiệp - xây dựng chiếm 61,25%; dịch vụ chiếm 27,10%; nông nghiệp chiếm 7,41%; "
            "thuế sản phẩm 4,24% (cùng kỳ năm trước là: 60,02% - 28,15% - 7,60% - 4,23%).")
    assert [(c.check, c.consistent, c.computed) for c in check_text(text)] == [
        ("shares", True, D("100.00")), ("shares", True, D("100.00"))]


def test_a_rate_each_counted_member_reached_is_no_rate_of_the_fraction() -> None:
    text = "Toàn tỉnh có 1.207/1.318 khu vực bỏ phiếu và 98/141 xã có cử tri đi bầu đạt tỷ lệ 100%."
    assert check_text(text) == []


def test_a_rate_over_a_count_and_the_rest_beside_it() -> None:
    text = ("Toàn huyện có 38.450 học sinh tham gia bảo hiểm y tế. Đạt tỷ lệ 99,38%, còn 240 học sinh chưa "
            "tham gia.")
    [check] = check_text(text)
    assert (check.check, check.consistent, check.stated) == ("ratio", True, D("99.38"))
    assert check.rule.startswith(REST_RULE) and check.confidence == 0.35


@pytest.mark.parametrize("central,base,expected", [
    ("150 tỷ 120 triệu", "", [("sum", True)]),
    ("150 tỷ 210 triệu", "", [("sum", False)]),
    ("150 tỷ 210 triệu", " so với cùng kỳ", []),
])
def test_the_parts_rises_make_the_wholes_rise(central: str, base: str, expected: list) -> None:
    """The levels add up, so the rises after them must too; not when a part's rise names another base."""
    text = ("Đến 30/9, tổng nguồn vốn đạt 2.468 tỷ 602 triệu đồng, tăng 210 tỷ 340 triệu đồng so với đầu năm. "
            f"Trong đó, nguồn Trung ương là 2.101 tỷ 330 triệu đồng, tăng {central} đồng{base}; nguồn ủy thác địa "
            "phương là 120 tỷ 415 triệu đồng, tăng 40 tỷ 200 triệu đồng; vốn huy động là 246 tỷ 857 triệu đồng, "
            "tăng 20 tỷ 20 triệu đồng.")
    rises = [c for c in check_text(text) if c.stated == D("210340e6")]
    assert [(c.check, c.consistent) for c in rises] == expected
    assert all(c.rule.startswith("mức tăng/giảm của các phần") for c in rises)


@pytest.mark.parametrize("upland,expected", [("410", [True]), ("510", [False])])
def test_the_parts_falls_in_brackets_after_their_rates_make_the_wholes_fall(upland: str, expected: list) -> None:
    text = (f"Cây ngô: diện tích gieo trồng ước đạt 18.640 ha, giảm 3,12% (600 ha) so với cùng kỳ năm trước, chia "
            f"ra: ngô ruộng 15.390 ha, giảm 1,22% (190 ha), ngô nương 3.250 ha, giảm 11,2% ({upland} ha).")
    falls = [c for c in check_text(text) if c.stated == D(600) and c.check == "sum"]
    assert [c.consistent for c in falls] == expected


def test_a_rate_of_another_count_after_a_fraction_is_each_members() -> None:
    """"3/62 khu vực … đạt tỷ lệ 100% cử tri": every voter of those areas, not 3 of 62; a rate naming
    the fraction's own noun or a plan is still the fraction's."""
    text = ("Đến 11 giờ, toàn huyện đã có 31.204/ 35.870 cử tri đi bầu, đạt 86,99%. Trong đó có 3/62 khu vực bỏ "
            "phiếu đã đạt tỷ lệ 100% cử tri đi bầu.")
    assert [(c.check, c.consistent, c.stated) for c in check_text(text)] == [("ratio", True, D("86.99"))]
    assert alarms_of("Đã có 3/62 khu vực bỏ phiếu đạt tỷ lệ 100% số khu vực.")
    assert alarms_of("Đã khám cho 8.712/7.525 lượt người, đạt 105,7% chỉ tiêu kế hoạch.")


@pytest.mark.parametrize("rate,expected", [("98,93%", [True]), ("98,99%", [False])])
def test_a_turnout_over_the_total_of_its_noun(rate: str, expected: list[bool]) -> None:
    """"tổng số cử tri … là N người, số cử tri đi bỏ phiếu là M người đạt tỷ lệ X%": M over N, sure
    enough to alarm when it does not hold."""
    text = (f"Đại biểu HĐND cấp huyện, tổng số cử tri trong danh sách là 31.204 người, số cử tri đi bỏ phiếu là "
            f"30.870 người đạt tỷ lệ {rate}. Số người ứng cử 57 người.")
    assert verdicts_of(text, "ratio") == expected


def test_a_hedged_headline_rate_does_not_vouch_for_a_fraction_a_printed_rate_misses() -> None:
    """"Hơn 97% số hộ …" holds for 52.310/53.880 (97,09%); the body's "đạt 96,31%" of it is still an error."""
    text = ("Huyện A: Hơn 97% số hộ dùng nước hợp vệ sinh\n\nĐến nay, số hộ dùng nước hợp vệ sinh là "
            "52.310/53.880 (đạt 96,31%).")
    assert [c.stated for c in check_text(text) if not c.consistent] == [D("96.31")]


@pytest.mark.parametrize("spring,expected", [("162", [True]), ("160", [False])])
def test_falls_of_levels_that_add_up_to_the_unit(spring: str, expected: list[bool]) -> None:
    """Levels that add up to the last hectare are a breakdown however it was marked: their falls must too."""
    text = ("Tổng diện tích gieo trồng cây hàng năm vụ đông xuân đạt 84.215 ha, giảm 312 ha (-0,37%) so với năm "
            "trước; trong đó: diện tích gieo trồng vụ đông đạt 23.104 ha, giảm 150 ha (-0,65%), diện tích gieo "
            f"trồng vụ xuân đạt 61.111 ha, giảm {spring} ha so với vụ xuân 2022.")
    assert [c.consistent for c in check_text(text) if c.stated == D(312) and c.check == "sum"] == expected


@pytest.mark.parametrize("survey,expected", [("23,25 điểm", [True]), ("23,15 điểm", [False])])
def test_a_total_score_and_the_scores_of_its_components(survey: str, expected: list[bool]) -> None:
    text = ("Năm 2024, chỉ số cải cách hành chính của huyện đạt tổng điểm 84,37, trong đó: điểm thẩm định 61,12 "
            f"điểm, điểm điều tra xã hội học {survey}.")
    assert verdicts_of(text, "sum") == expected


def test_a_list_whose_first_count_is_the_sum_of_the_rest_is_no_breakdown_of_another_whole() -> None:
    """"thụ lý 538 vụ, đã giải quyết 412 vụ (đạt 76,6%), còn lại 126 vụ": received, resolved and left of one
    court, not three parts of the count left province-wide."""
    text = ("Năm 2023, tòa án hai cấp thụ lý 6.969 vụ, giải quyết 5.512 vụ; còn lại 1.457 vụ. Trong đó: tòa án tỉnh "
            "thụ lý 538 vụ, đã giải quyết 412 vụ (đạt 76,6%), còn lại 126 vụ. Tòa án cấp huyện thụ lý 6.431 vụ, "
            "đã giải quyết 5.100 vụ (đạt 79,3%), còn lại 1.331 vụ.")
    assert not alarms_of(text)


@pytest.mark.parametrize("text,expected", [
    ("Lực lượng công an đã phát hiện 148 vụ, so với cùng kỳ tăng 37 vụ (148/111 vụ); khởi tố 120 vụ.",
     [(True, D(148))]),
    ("Xảy ra 12 vụ tai nạn giao thông, so với cùng kỳ giảm 05 vụ (12/17 vụ).", [(True, D(17))]),
    # some reports print last period first: a change the brackets do not give is no alarm
    ("Xảy ra 12 vụ tai nạn giao thông, so với cùng kỳ giảm 04 vụ (12/17 vụ).", []),
])
def test_a_change_and_both_periods_in_brackets_after_it(text: str, expected: list) -> None:
    assert [(c.consistent, c.stated) for c in check_text(text) if c.check == "sum"] == expected


@pytest.mark.parametrize("reelected", ["12", "10"])
def test_overlapping_facets_of_delegates_are_no_breakdown(reelected: str) -> None:
    """Women, ethnic minorities and the re-elected overlap: their counts neither confirm nor miss a total."""
    text = (f"Số đại biểu trúng cử 52 người. Trong đó, có 24 đại biểu nữ, 16 đại biểu dân tộc thiểu số, {reelected} "
            "đại biểu tái cử.")
    assert [c for c in check_text(text) if c.check == "sum"] == []
    # … but men and women are one
    assert verdicts_of("Số đại biểu trúng cử 52 người. Trong đó, có 28 đại biểu nam, 24 đại biểu nữ.", "sum") == [True]


@pytest.mark.parametrize("cases,expected", [("70%", [True, True]), ("72%", [False, True])])
def test_rates_of_cases_and_of_money_side_by_side(cases: str, expected: list[bool]) -> None:
    """"đạt 70% về việc và 33,3% về tiền": each over what could be enforced, of its own measure."""
    text = ("Tổng số việc phải thi hành là 1.250 việc, tương ứng số tiền 84,6 tỷ đồng; số có điều kiện thi hành là "
            "1.020 việc, tương ứng 61,2 tỷ đồng. Kết quả đã thi hành xong 714 việc, với số tiền 20,4 tỷ đồng, đạt "
            f"{cases} về việc và 33,3% về tiền.")
    assert verdicts_of(text, "ratio") == expected


def test_shares_in_brackets_after_counts_that_make_100_percent_are_of_their_sum() -> None:
    """"41.208 hồ sơ (đạt 97,83%), … 913 hồ sơ (chiếm 2,17%)": the two counts are all of it, unprinted."""
    text = ("Số hồ sơ được giải quyết trước và đúng hạn 41.208 hồ sơ (đạt 97,83%), số hồ sơ trễ hạn là 913 hồ sơ "
            "(chiếm 2,17%).")
    assert verdicts_of(text, "ratio") == [True, True]


@pytest.mark.parametrize("district,taken_up", [("6.431", [True]), ("6.421", [])])
def test_entries_one_a_sentence_after_trong_do_add_up_column_by_column(district: str, taken_up: list) -> None:
    """"Trong đó: tòa án tỉnh thụ lý …, giải quyết …, còn lại …. Tòa án cấp huyện thụ lý …": each
    column of the two sentences adds up to the whole's; a column that misses confirms nothing and never
    alarms (which figure is which column the words only suggest).  The cases taken up are the first
    column, or the parts of the "Trong đó" (what the province resolved is of what it took up, no part)."""
    text = ("Năm 2023, tòa án hai cấp thụ lý 6.969 vụ, giải quyết 5.512 vụ; còn lại 1.457 vụ. Trong đó: tòa án tỉnh "
            f"thụ lý 538 vụ, đã giải quyết 412 vụ, còn lại 126 vụ. Tòa án cấp huyện thụ lý {district} vụ, đã giải "
            "quyết 5.100 vụ, còn lại 1.331 vụ.")
    checks = check_text(text)
    columns = [c.consistent for c in checks if c.rule.startswith("danh sách từng mục")]
    of_taken_up = [c.consistent for c in checks if c.stated == 6969 and "đẳng thức" not in c.rule]
    assert sorted(columns + of_taken_up) == [True, True] + taken_up
    assert all(c.consistent for c in checks)


@pytest.mark.parametrize("text,expected", [
    ("Năm 2023, toàn tỉnh xảy ra 146 vụ cháy rừng, giảm 38 vụ (21%) so với năm trước.", [True]),
    ("Năm 2023, toàn tỉnh xảy ra 146 vụ cháy rừng, giảm 38 vụ (22%) so với năm trước.", [False]),
    ("Diện tích gieo trồng ngô 1.250,5 ha, giảm 2,4% (-30,2 ha) so với cùng kỳ.", [True]),
    ("Diện tích gieo trồng ngô 1.250,5 ha, giảm 2,6% (-30,2 ha) so với cùng kỳ.", [False]),
    # over this period's value, a slip some reports make: 8/919 = 0,87%, not 8/927 = 0,86% (the alarm
    # says so)
    ("Toàn tỉnh xảy ra 919 vụ phạm pháp hình sự, giảm 8 vụ (0,87%) so với cùng kỳ.", [False]),
])
def test_a_level_then_its_change_as_a_rate_and_an_amount_in_brackets(text: str, expected: list) -> None:
    """The rate and the amount of one change bound by a bracket, right after the level: sure enough to alarm."""
    assert verdicts_of(text, "ratio") + verdicts_of(text, "change") == expected


@pytest.mark.parametrize("text,alarms", [
    # "trên" says at least, "gần" at most: 22.700/25.000 = 90,8% is the least the rate can be
    ("Trung tâm tiếp nhận gần 25.000 hồ sơ, đã giải quyết được trên 22.700 hồ sơ (chiếm 99,05%).", 0),
    # … so a rate below it cannot hold
    ("Trung tâm tiếp nhận gần 25.000 hồ sơ, đã giải quyết được trên 22.700 hồ sơ (chiếm 85,05%).", 1),
    # a hedge each way says nothing of the direction: the usual margin only
    ("Trung tâm tiếp nhận trên 25.000 hồ sơ, đã giải quyết được trên 22.700 hồ sơ (chiếm 99,05%).", 1),
])
def test_open_ended_hedges_bound_a_rate_one_way(text: str, alarms: int) -> None:
    assert len(alarms_of(text)) == alarms


@pytest.mark.parametrize("domestic,expected", [("75,0%", [True]), ("76,0%", [False])])
def test_rates_of_plan_over_the_plan_of_the_same_item_named_paragraphs_later(domestic: str, expected: list) -> None:
    """"khách nội địa … đạt 75,0% kế hoạch năm" ¶ … ¶ "Năm nay, ngành phấn đấu … Trong đó, khách quốc tế
    … 5.600 lượt, khách nội địa 55.000 lượt": each item over its own plan."""
    text = ("Trong 9 tháng, số lượt khách nội địa là 41.230 lượt khách, tăng 9,2% so với cùng kỳ, đạt "
            f"{domestic} kế hoạch năm.\n\nDoanh thu du lịch đạt 61,5 tỷ đồng.\n\nNăm nay, ngành du lịch phấn đấu "
            "đón 60.600 lượt khách. Trong đó, khách quốc tế đạt 5.600 lượt, khách nội địa 55.000 lượt.")
    rates = [c for c in check_text(text) if c.check == "ratio" and c.stated in (D("75.0"), D("76.0"))]
    assert [c.consistent for c in rates] == expected


@pytest.mark.parametrize("others,expected", [("1.386", [True]), ("1.336", [False])])
def test_a_breakdown_after_with(others: str, expected: list) -> None:
    """", với 48 lao động … và 1.386 lao động …": the parts of the count before "với"."""
    text = ("Trong số đó, đã đưa lao động đi làm việc ở nước ngoài theo hợp đồng là 1.434 người (đạt 102,4%), với 48 "
            f"lao động đi theo tuyến Trung tâm Dịch vụ việc làm tỉnh và {others} lao động đi theo các doanh nghiệp.")
    assert verdicts_of(text, "sum") == expected


def test_a_rate_whose_counts_follow_in_the_next_sentence() -> None:
    text = ("Kết thúc bầu cử, tỷ lệ cử tri đi bầu toàn huyện đạt 99,96%. Cụ thể, tổng số cử tri trong danh sách là "
            "48.215 người; số cử tri đã đi bầu là 48.196 người.")
    assert [(c.check, c.consistent, c.computed) for c in check_text(text)] == [("ratio", True, D("99.9606"))]


def test_a_shares_rise_in_points_from_last_periods_structure() -> None:
    text = ("Cơ cấu kinh tế: công nghiệp - xây dựng chiếm 61,25%; dịch vụ chiếm 27,10%; nông nghiệp chiếm 7,41%; "
            "thuế sản phẩm 4,24% (cùng kỳ năm trước là: 60,02% - 28,15% - 7,60% - 4,23%).\n\nNhư vậy, tỷ trọng "
            "công nghiệp - xây dựng tăng 1,23%, riêng tỷ trọng dịch vụ giảm (-1,05%).")
    points = [c for c in check_text(text) if c.rule == POINTS_RULE]
    assert [(c.consistent, c.stated, [f["raw"] for f in c.figures]) for c in points] == [
        (True, D("61.25"), ["61,25%", "60,02%", "1,23%"]),
        (True, D("27.10"), ["27,10%", "28,15%", "-1,05%"]),
    ]


def test_a_bracket_after_a_whole_described_with_commas_is_its_breakdown() -> None:
    text = ("Mưa lũ làm 412 nhà bị hư hỏng, tốc mái và phải di dời (Hà Giang: 120 nhà; Cao Bằng: 251 nhà; "
            "Bắc Kạn: 35 nhà).")
    assert [(c.check, c.consistent, c.stated) for c in check_text(text)] == [("sum", False, D(412))]


def test_rates_of_a_sentence_without_counts_are_searched_in_the_sentences_around_it() -> None:
    text = ("Kết quả xét duyệt: 82 ứng viên GS, 371 ứng viên PGS.\n\nTrong đó tỉ lệ đạt của ứng viên GS là "
            "64,57%, ứng viên PGS là 57,97%.\n\nNăm nay có 767 ứng viên, trong đó có 127 ứng viên GS, 640 ứng "
            "viên PGS.")
    rates = [c for c in check_text(text) if c.check == "ratio"]
    assert [(c.consistent, c.message.split(" = ")[0]) for c in rates] == [
        (True, "Tỷ lệ 82/127"), (True, "Tỷ lệ 371/640")]


_CHANGES = ("– Số vụ tai nạn: 820 vụ, giảm 20 vụ tương ứng 2,38% so với năm trước (trong đó, khu vực A: 500 vụ, "
            "tăng 40 vụ tương ứng với 8,70%; khu vực B: 320 vụ, giảm 60 vụ tương ứng với 15,79%).\n\n– Số người "
            "bị thương: 900 người (trong đó khu vực A: 700 người, tăng 30 người tương ứng với 4,48%; khu vực B: "
            "200 người, giảm 25 người tương ứng với {rate}).")


@pytest.mark.parametrize("rate,consistent", [
    ("11,11%", True),
    ("11,31%", False),  # a digit slip, while the text's other rates of change hold
    ("12,50%", False),  # over this period's 200, a slip some reports make: an alarm that says so
])
def test_a_rate_of_change_right_after_its_change_alarms_when_the_others_hold(rate: str, consistent: bool) -> None:
    last = [c for c in check_text(_CHANGES.format(rate=rate)) if c.stated == D(rate[:-1].replace(",", "."))]
    assert {c.consistent for c in last} == {consistent}
    over_this_period = [c for c in last if "chia cho số kỳ này" in c.message]
    assert len(over_this_period) == (rate == "12,50%")


def test_rates_over_a_whole_a_fraction_names_again_paragraphs_after_it() -> None:
    text = ("Trong tháng, cả nước xảy ra 187 vụ cháy, làm 3 người chết.\n\nLực lượng chữa cháy đã điều động 610 "
            "lượt phương tiện.\n\nLực lượng tại chỗ dập tắt 31/187 vụ cháy.\n\nSo với tháng trước, số vụ cháy "
            "giảm 6 vụ.\n\nCháy tập trung ở nhà dân với 71 vụ, chiếm 38,0%; 40 vụ cháy cơ sở sản xuất (chiếm "
            "21,4%).")
    rates = [c for c in check_text(text) if c.check == "ratio"]
    assert [(c.consistent, c.message.split(" = ")[0]) for c in rates] == [
        (True, "Tỷ lệ 71/187"), (True, "Tỷ lệ 40/187")]
    assert all(c.figures[-1]["raw"] == "187" for c in rates)  # the whole as printed in the first sentence


def test_shares_that_make_100_percent_only_across_two_paragraphs_are_of_their_amounts_sum() -> None:
    """Inside and outside the industrial zones, one paragraph each: 412 is no whole of 88's 17,6%."""
    text = ("Từ đầu năm, các khu công nghiệp trong tỉnh đã thu hút 412 triệu USD vốn đầu tư nước ngoài, chiếm "
            "82,4% tổng vốn đầu tư đăng ký, gồm 19 dự án mới và 6 dự án điều chỉnh vốn.\n\nBên ngoài các khu công "
            "nghiệp thu hút 88 triệu USD vốn đầu tư nước ngoài, chiếm 17,6% tổng vốn đầu tư đăng ký, gồm 5 dự án "
            "mới.")
    checks = check_text(text)
    assert [(c.consistent, c.stated) for c in checks] == [(True, D("82.4")), (True, D("17.6"))]
    assert all(c.rule.startswith(IMPLIED_RULE) and "/500 triệu" in c.message for c in checks)


@pytest.mark.parametrize("clause,verdicts", [("các đơn vị tiếp nhận nhiều hồ sơ gồm", []),
                                             ("các đơn vị tiếp nhận hồ sơ gồm", [False])])
def test_a_list_said_to_name_the_largest_is_no_breakdown_that_fails(clause: str, verdicts: list) -> None:
    text = ("Trong quý, các sở, ngành đã tiếp nhận 3.410 hồ sơ trực tuyến và giải quyết đúng quy định; "
            f"{clause}: Sở Tư pháp (1.205 hồ sơ), Sở Xây dựng (840 hồ sơ), Sở Y tế (512 hồ sơ), Sở Công Thương "
            "(301 hồ sơ).")
    assert [c.consistent for c in check_text(text)] == verdicts


def test_support_bands_after_trong_do_add_up_to_the_approved_whole_not_the_paid_so_far() -> None:
    """The bands' low ends ("2,5 - dưới 3,5 triệu đồng") are money, so the people counts make one list;
    its whole is the approved count a sentence before the nearer paid-so-far count."""
    text = ("Đối với lao động tự do, tỉnh đã phê duyệt hỗ trợ cho 52.400 lượt người với số tiền 84,1 tỷ đồng. "
            "Hiện các huyện đã chi trả cho 40.210 lượt người với số tiền 61,3 tỷ đồng. Trong đó, hỗ trợ mức 3,5 "
            "triệu đồng cho 260 người, mức 2,5 - dưới 3,5 triệu đồng cho 9.140 người; mức 1,5 - dưới 2,5 triệu "
            "đồng cho 35.000 người. Hỗ trợ mức dưới 1,5 triệu đồng: 8.000 người.")
    [check] = check_text(text)
    assert check.consistent and [f["raw"] for f in check.figures] == ["52.400", "260", "9.140", "35.000", "8.000"]


def test_deputies_counted_as_people_are_shares_of_the_deputies_elected() -> None:
    """"đại biểu" and "người" count the same people (vocab.SAME_THING)."""
    text = ("Huyện đã bầu đủ 35 đại biểu Hội đồng nhân dân huyện khóa mới. Về cơ cấu đại biểu trúng cử: đại biểu "
            "nữ là 12 người (34,29%); đại biểu ngoài Đảng có 3 người (8,57%).")
    assert [(c.consistent, c.message.split(" = ")[0]) for c in check_text(text)] == [
        (True, "Tỷ lệ 12/35"), (True, "Tỷ lệ 3/35")]


def test_a_whole_that_counts_several_things_takes_each_of_them_as_a_part() -> None:
    """"tin tố giác, tin báo … và kiến nghị khởi tố": the requests count towards the whole; the clause past
    the ";" (transferred, left to handle) is another reading of it, not more parts."""
    text = ("Trong năm, cơ quan điều tra đã tiếp nhận 415 tin tố giác, tin báo về tội phạm và kiến nghị khởi tố. "
            "Trong đó, tố giác 190 tin; tin báo 220, 5 kiến nghị khởi tố; đã chuyển 4 nguồn tin, còn lại phải "
            "giải quyết 411 nguồn tin.")
    sums = {tuple(f["raw"] for f in c.figures): c.consistent for c in check_text(text) if c.check == "sum"}
    assert sums.get(("415", "190", "220", "5")) is True
    assert all(sums.values())


def test_two_measures_joined_by_va_are_broken_down_pair_by_pair() -> None:
    """Tonnes and tonne-km of one activity: each clause after "trong đó" gives both, in the wholes' order;
    neither whole is the sum of all the amounts (which mixes the two measures)."""
    text = ("Tính chung 9 tháng, vận tải hàng hóa đạt 412,6 triệu tấn, tăng 6,1% so với cùng kỳ năm trước và 88,4 "
            "tỷ tấn.km, tăng 5,2%, trong đó vận tải trong nước đạt 398,1 triệu tấn, tăng 6,3% và 51,7 tỷ tấn.km, "
            "tăng 7%; vận tải ngoài nước đạt 14,5 triệu tấn, tăng 1,2% và 36,7 tỷ tấn.km, tăng 2,8%.")
    sums = [(c.consistent, [f["raw"] for f in c.figures]) for c in check_text(text) if c.check == "sum"]
    assert (True, ["412,6 triệu tấn", "398,1 triệu tấn", "14,5 triệu tấn"]) in sums
    assert all(ok for ok, _ in sums)


@pytest.mark.parametrize("places", ["Can Lộc và Đức Thọ cùng", "Can Lộc, Đức Thọ mỗi huyện có"])
def test_one_count_said_for_several_places_counts_once_for_each(places: str) -> None:
    text = ("Trong năm, toàn tỉnh phát hiện 60 vụ vi phạm. Cụ thể, tại huyện Hương Khê xảy ra 31 vụ, Hương Sơn "
            f"20 vụ, Kỳ Anh 7 vụ, {places} 1 vụ.")
    [check] = check_text(text)
    assert check.consistent and [f["raw"] for f in check.figures] == ["60", "31", "20", "7", "1", "1"]


def test_an_abbreviated_town_ends_no_sentence_of_a_list() -> None:
    """"TX. Cai Lậy": the dot of an abbreviation; the list goes on past it."""
    text = ("Toàn tỉnh có 30 học sinh không đủ điều kiện xét tốt nghiệp; trong đó huyện Gò Công Tây (12 học sinh), "
            "TP. Mỹ Tho (9 học sinh), huyện Châu Thành (7 học sinh), TX. Cai Lậy cùng các xã ven biển của huyện "
            "Gò Công Đông (2 học sinh).")
    [check] = check_text(text)
    assert check.consistent and [f["raw"] for f in check.figures] == ["30", "12", "9", "7", "2"]


def test_counts_of_each_grade_with_shares_are_shares_of_their_sum() -> None:
    """"mức 2" is a grade, not a figure between a count and its share; the shares make 100%, so the
    whole is the counts' sum (83, never printed)."""
    text = ("Kết quả kiểm tra năm 2020: điểm trung bình là 3.12 trong đó 0 tiêu chí mức 1; 15 tiêu chí mức 2 "
            "chiếm 18.07%; 40 tiêu chí mức 3 chiếm 48.19%; 28 tiêu chí mức 4 chiếm 33.73%; không tiêu chí mức 5.")
    rates = [(c.consistent, c.message.split(" = ")[0]) for c in check_text(text) if c.check == "ratio"]
    assert rates == [(True, "Tỷ lệ 15/83"), (True, "Tỷ lệ 40/83"), (True, "Tỷ lệ 28/83")]


@pytest.mark.parametrize("rate,verdicts", [("98%", [True]), ("90%", [])])
def test_a_rate_so_voi_a_named_whole_is_of_the_like_count_before(rate: str, verdicts: list) -> None:
    """The self-assessment's "82/83 tiêu chí" over the 83 the rate names; only a confirmation."""
    text = ("1. Tổng số các tiêu chí được áp dụng đánh giá: 81/83 tiêu chí\n\n2. Tỷ lệ tiêu chí áp dụng so với 83 "
            f"tiêu chí: {rate}\n\n3. Tổng số điểm của các tiêu chí áp dụng: 280")
    assert verdicts_of(text, "ratio") == verdicts


@pytest.mark.parametrize("rate,consistent", [("80%", True), ("85%", False)])
def test_a_fall_with_last_years_value_named_in_brackets_after_it(rate: str, consistent: bool) -> None:
    text = (f"Ước tính 6 tháng đầu năm 2023, diện tích lúa bị sâu bệnh là 12,4 ha, giảm {rate} (6 tháng đầu năm "
            "2022, diện tích lúa bị sâu bệnh là 62 ha).")
    [check] = check_text(text)
    assert check.consistent is consistent and [f["raw"] for f in check.figures] == [rate, "12,4 ha", "62 ha"]


@pytest.mark.parametrize("second,verdicts", [("21 vụ", [True]), ("25 vụ", [])])
def test_a_whole_named_again_by_its_noun_is_broken_down_there(second: str, verdicts: list) -> None:
    """"Trong số vụ vi phạm, …": the 96 violations of two sentences before, by who found them; a miss
    says nothing (which earlier count is meant the noun only suggests)."""
    text = ("Năm 2022, lực lượng chức năng đã phát hiện và xử lý 96 vụ vi phạm Luật Lâm nghiệp, giảm 14 vụ so với "
            "năm trước. Các vụ vi phạm chủ yếu là khai thác rừng trái phép. Trong số vụ vi phạm, lực lượng kiểm lâm "
            f"phát hiện, xử lý 75 vụ; các cơ quan chức năng khác phát hiện, chuyển xử lý {second}.")
    rule = [c.consistent for c in check_text(text) if c.rule.startswith("'Trong số …' nhắc lại")]
    assert rule == verdicts and not [c for c in check_text(text) if not c.consistent]


def test_a_share_after_its_amounts_growth_is_the_amounts_share() -> None:
    """"đạt 110,4 tỷ USD, vẫn tăng khá là 12,5%, chiếm 73,5%": the growth between the amount and its share
    hides neither; the two shares make 100% of the amounts' sum (the printed "trên 150" is rounded)."""
    text = ("Tính chung 6 tháng, kim ngạch xuất khẩu ước đạt trên 150 tỷ USD, tăng 9,2% so với cùng kỳ. Khu vực có "
            "vốn đầu tư nước ngoài đạt 110,4 tỷ USD, vẫn tăng khá là 12,5%, chiếm 73,5% tổng kim ngạch xuất khẩu. "
            "Khu vực kinh tế trong nước đạt 39,8 tỷ USD, tăng 4,1%, chiếm 26,5% tổng kim ngạch xuất khẩu.")
    checks = check_text(text)
    assert all(c.consistent for c in checks)
    assert any(c.message.startswith("Tỷ lệ 110,4 tỷ/150,2 tỷ") for c in checks)


@pytest.mark.parametrize("headline,verdicts", [("Gần 96%", [True]), ("Trên 98%", [])])
def test_a_headline_rate_is_confirmed_by_a_fraction_of_its_noun_in_the_body(headline: str, verdicts: list) -> None:
    text = (f"{headline} hộ gia đình ở huyện Tân Phú đạt chuẩn văn hóa\n\nHằng năm, các xã tổ chức cho 100% hộ đăng "
            "ký xây dựng gia đình văn hóa.\n\nĐến nay, toàn huyện đã có 19.150/20.000 hộ gia đình đạt chuẩn văn hóa.")
    assert verdicts_of(text, "ratio") == verdicts


def test_a_fall_against_last_years_files_in_brackets_of_the_sentences_subject() -> None:
    """The subject is far before the rate, and counted as "trường hợp" where last year's are "hồ sơ"."""
    text = ("Từ đầu năm đến nay, Trung tâm tiếp nhận 12.410 trường hợp nộp hồ sơ đề nghị hưởng trợ cấp thất "
            "nghiệp, giảm 12,5% so với cùng kỳ năm 2024 (14.183 hồ sơ).")
    [check] = check_text(text)
    assert check.consistent and [f["raw"] for f in check.figures] == ["12,5%", "12.410", "14.183"]


@pytest.mark.parametrize("rate,verdicts", [("8,3%", [True]), ("9,5%", [])])
def test_a_rise_said_as_a_rate_then_its_equivalent_amount(rate: str, verdicts: list) -> None:
    """"tăng 8,3% tương đương 3,1 triệu đồng": over last year's value, this year's less the rise
    (a confirmation: the rise may be over another base)."""
    text = f"Thu nhập bình quân đầu người đạt 40,5 triệu đồng (tăng {rate} tương đương 3,1 triệu đồng)."
    assert [c.consistent for c in check_text(text)] == verdicts


@pytest.mark.parametrize("rate,consistent", [("15,38%", True), ("15,4%", True), ("18%", False)])
def test_an_elections_surplus_rate_is_the_extra_candidates_over_the_seats(rate: str, consistent: bool) -> None:
    text = f"Tổng số nhân sự giới thiệu ứng cử là 45 đồng chí để bầu lấy 39 đồng chí (với tỷ lệ số dư {rate})."
    [check] = check_text(text)
    assert check.consistent is consistent and [f["raw"] for f in check.figures] == [rate, "45", "39"]
    assert rate in check.message and "None" not in check.message


def test_bare_billions_after_trong_do_add_up_to_the_money_whole() -> None:
    text = ("Đã giải ngân 86,4 tỷ đồng cho 9.210 lượt hộ, trong đó: hộ nghèo 40,1 tỷ; học sinh, sinh viên 20,3 tỷ; "
            "nước sạch 26 tỷ.")
    [check] = check_text(text)
    assert check.consistent and [f["raw"] for f in check.figures] == ["86,4 tỷ đồng", "40,1 tỷ", "20,3 tỷ", "26 tỷ"]


@pytest.mark.parametrize("rate,verdict", [("150,00%", [True]), ("151,20%", [False]), ("105,00%", [])])
def test_a_rise_with_its_amount_in_brackets_after_the_rate_alarms_when_the_others_hold(rate: str, verdict: list) -> None:
    """"20.000 tấn … tăng R% (12.000 tấn)": over last period's 8.000; two other rises of the text hold, so
    a little off is an alarm and far off says nothing (another base)."""
    text = ("Diện tích cây cam là 4.210 ha, so với năm 2015 diện tích tăng 110,50% (2.210 ha), so với năm 2018 tăng "
            f"5,25% (210 ha); sản lượng ước đạt 20.000 tấn so với năm 2015 sản lượng tăng {rate} (12.000 tấn).")
    assert [c.consistent for c in check_text(text) if c.figures[0]["raw"] == rate] == verdict


def test_entries_naming_their_columns_after_the_figures_with_one_entry_short_of_a_column() -> None:
    """Each bullet gives early retirements, then severances; the last bullet has no severance, so its one
    count belongs to the first column only."""
    text = ("Năm 2023, toàn tỉnh có 60 người thực hiện tinh giản biên chế. Theo đó, có 48 người hưởng chính sách về "
            "hưu trước tuổi và 12 người hưởng chính sách thôi việc ngay. Cụ thể như sau:\n\n- Khối hành chính: có 10 "
            "người hưởng chính sách về hưu trước tuổi; 3 người hưởng chính sách thôi việc ngay.\n\n- Khối sự nghiệp: "
            "có 30 người hưởng chính sách về hưu trước tuổi; 7 người hưởng chính sách thôi việc ngay.\n\n- Cấp xã: có "
            "5 người hưởng chính sách về hưu trước tuổi; 2 người hưởng chính sách thôi việc ngay.\n\n- Khối Đảng, "
            "đoàn thể: có 3 người hưởng chính sách về hưu trước tuổi.")
    held = {tuple(f["raw"] for f in c.figures) for c in check_text(text) if c.consistent}
    assert {("48", "10", "30", "5", "3"), ("12", "3", "7", "2")} <= held
    assert not [c for c in check_text(text) if not c.consistent]


CUTS = [
    ("fractions of a cut", "Đến nay, tỉnh đã giảm 845/12.400 biên chế được giao, trong đó khối đảng, đoàn thể giảm "
     "95/700 biên chế; khối chính quyền giảm 750/11.700 biên chế.", [True, True]),
    ("a cut broken into cuts", "Năm 2022, toàn tỉnh giảm 420 biên chế, trong đó khối hành chính giảm 120 biên chế, "
     "khối sự nghiệp giảm 300 biên chế.", [True]),
    ("cuts that overshoot theirs", "Năm 2022, toàn tỉnh giảm 420 biên chế, trong đó khối hành chính giảm 120 biên "
     "chế, khối sự nghiệp giảm 310 biên chế.", [False]),
    ("a net change: one part rises", "Thu ngân sách giảm 420 tỷ đồng, trong đó thu nội địa giảm 300 tỷ đồng, thu từ "
     "đất giảm 200 tỷ đồng, thu xuất nhập khẩu tăng 80 tỷ đồng.", []),
]


def test_clauses_of_one_shape_after_trong_do_add_up_column_by_column() -> None:
    """Each clause gives cases and defendants accepted, then cases and defendants tried: four columns,
    each adding up to its total of the first sentence (confirmations: no alarm comes of this reading)."""
    text = ("Các Tòa án đã thụ lý 5.120 vụ với 9.300 bị cáo; đã giải quyết, xét xử được 4.980 vụ với 9.010 bị cáo. "
            "So với năm trước, thụ lý tăng 210 vụ với 400 bị cáo. Trong đó, thụ lý theo thủ tục sơ thẩm 4.200 vụ với "
            "7.700 bị cáo, đã giải quyết, xét xử 4.100 vụ với 7.480 bị cáo; thụ lý theo thủ tục phúc thẩm 900 vụ với "
            "1.560 bị cáo, đã giải quyết, xét xử 865 vụ với 1.500 bị cáo; thụ lý theo thủ tục giám đốc thẩm 20 vụ với "
            "40 bị cáo, đã giải quyết, xét xử 15 vụ với 30 bị cáo.")
    held = {tuple(f["raw"] for f in c.figures) for c in check_text(text) if c.consistent}
    assert {("5.120", "4.200", "900", "20"), ("9.300", "7.700", "1.560", "40"), ("4.980", "4.100", "865", "15"),
            ("9.010", "7.480", "1.500", "30")} <= held


def test_parts_each_with_their_own_rise_after_them_still_make_the_whole() -> None:
    """"… là 850 tỷ đồng (tăng 50 tỷ đồng)": a part's own change after it does not make the list go on."""
    text = ("Tổng mức đầu tư dự án là 1.850 tỷ đồng (điều chỉnh tăng 120 tỷ đồng), được chia làm 2 giai đoạn.\n\n"
            "Ảnh minh họa\n\nGiai đoạn I (2020 - 2023) là 1.000 tỷ đồng (tăng 70 tỷ đồng). Giai đoạn II (2023 - "
            "2026) là 850 tỷ đồng (tăng 50 tỷ đồng).\n\nVề cơ cấu nguồn vốn giai đoạn I, vốn ngân sách trung ương "
            "là 400 tỷ đồng; vốn ngân sách địa phương là 600 tỷ đồng.")
    sums = [[f["raw"] for f in c.figures] for c in check_text(text) if c.check == "sum" and c.consistent]
    assert ["1.850 tỷ đồng", "1.000 tỷ đồng", "850 tỷ đồng"] in sums
    assert ["1.850 tỷ đồng", "850 tỷ đồng", "400 tỷ đồng", "600 tỷ đồng"] not in sums  # a run by chance


def test_a_rate_over_a_fraction_shows_the_fraction_its_whole_was_read_from() -> None:
    """No "161" printed alone: the check lists "128/161" so a reviewer sees where the whole came from."""
    text = ("Đến nay, toàn huyện có 128/161 thôn đạt tiêu chí văn hóa (chiếm 79,5%), trong đó, có 72 thôn đạt theo "
            "Bộ tiêu chí thôn kiểu mẫu (chiếm 44,72%); 4 xã đạt tiêu chí theo Bộ tiêu chí huyện (chiếm 28,6%).")
    [check] = [c for c in check_text(text) if c.stated == D("44.72")]
    assert check.consistent and check.message.startswith("Tỷ lệ 72/161 = ")
    assert [(f["raw"], r) for f, r in zip(check.figures, check.roles)] == [
        ("44,72%", "rate"), ("72", "numerator"), ("128/161", "whole-denominator")]


_FAR = ("Trong tháng 10, toàn tỉnh xảy ra 150 vụ tai nạn giao thông, làm chết 42 người, bị thương 97 người.\n\n"
        "So với tháng trước, số vụ giảm 12 vụ, số người chết giảm 3 người.\n\nLực lượng chức năng đã xử lý "
        "4.200 trường hợp vi phạm, phạt tiền 3,1 tỷ đồng.\n\nCó 60 vụ tai nạn giao thông (chiếm {rate}) xảy ra "
        "trên các tuyến quốc lộ.")


@pytest.mark.parametrize("rate,verdicts", [("40%", [True]), ("45%", []), ("40,5%", [])])
def test_a_share_with_its_whole_paragraphs_before_is_confirmed_never_alarmed(rate: str, verdicts: list) -> None:
    """The same thing counted three paragraphs earlier is the share's whole when it reproduces it; that far
    off, a miss is no evidence of an error (the share may be of something the excerpt does not print)."""
    checks = [c for c in check_text(_FAR.format(rate=rate)) if c.check == "ratio"]
    assert [c.consistent for c in checks] == verdicts
    assert all(c.rule.endswith(FAR_WHOLE_RULE) and c.confidence < 0.7 for c in checks)
    assert all([f["raw"] for f in c.figures] == [rate, "60", "150"] for c in checks)


@pytest.mark.parametrize("share,verdict", [("8,6%", True), ("9%", True), ("8,3%", False), ("20%", None)])
def test_a_coarse_share_over_the_whole_its_siblings_hold_over(share: str, verdict: bool | None) -> None:
    """Two shares of the sentence hold over 187: the forest fires' share is over it too — it holds, or misses
    by a little (an alarm), or is too far off to be of it (nothing)."""
    text = ("Trong tháng, cả nước xảy ra 187 vụ cháy, làm 3 người chết.\n\nLực lượng chữa cháy đã điều động 610 "
            "lượt phương tiện.\n\nLực lượng tại chỗ dập tắt 31/187 vụ cháy.\n\nSo với tháng trước, số vụ cháy "
            "giảm 6 vụ.\n\nCháy tập trung ở nhà dân với 71 vụ, chiếm 38,0%; 40 vụ cháy cơ sở sản xuất (chiếm "
            f"21,4%); 16 vụ cháy rừng (chiếm {share}).")
    forest = [c for c in check_text(text) if c.figures[0]["raw"] == share]
    assert [c.consistent for c in forest] == ([] if verdict is None else [verdict])
    assert all(c.rule == SIBLING_RULE and c.figures[-1]["raw"] == "187" for c in forest)


@pytest.mark.parametrize("rate,expected", [("hơn 80%", [True]), ("gần 75%", [])])
def test_a_rate_after_a_whole_said_to_have_a_count(rate: str, expected: list) -> None:
    """Confirmed when it holds; the rate may be of another pair, so no alarm when it does not."""
    text = ("Trong tổng số 205 học sinh dự thi, có 165 học sinh đạt giải, trong đó có 20 giải Nhất, 50 giải Nhì "
            f"và 95 giải Ba. Như vậy, tỷ lệ học sinh đạt giải là {rate}.")
    assert verdicts_of(text, "ratio") == expected


def test_a_share_of_a_total_of_two_kinds_is_no_share_of_either() -> None:
    text = ("Trong 3 năm qua, đã xảy ra 23 vụ cháy, 2 vụ nổ. Trong đó, 5 vụ cháy gây thiệt hại nghiêm trọng "
            "(chiếm 20% tổng số vụ cháy, nổ).")
    assert [c for c in check_text(text) if not c.consistent] == []


def test_counts_listed_by_place_in_brackets_are_checked_against_their_total() -> None:
    text = "Bão làm hư hỏng 75 chiếc xuồng (Kiên Lương 58, Hà Tiên 13); 6 chiếc tàu (Rạch Giá 4, Phú Quốc 2)."
    assert [(c.check, c.consistent, c.stated) for c in check_text(text)] == [
        ("sum", False, D(75)), ("sum", True, D(6))]


def _verdict(text: str, check: str, stated: str, operands: list[str]):
    """A rule's reading of `text`, built by hand: the figures named by their printed text."""
    from scraper.qa.verdicts import Relation, evaluate

    by_raw = {f.raw: f for f in extract_figures(text)}
    rel = Relation(check, by_raw[stated], tuple(by_raw[o] for o in operands), "quy tắc thử", 0.9)
    return evaluate(rel), by_raw


def test_second_look_replaces_an_alarm_over_the_wrong_whole() -> None:
    """Arithmetic vetoes: a rate whose numerator over another whole beside it gives the rate is no error."""
    from scraper.qa.arithmetic import second_look

    text = (
        "Năm 2024 huyện tiếp nhận 1.450 hồ sơ; đã giải quyết 1.395 hồ sơ, trong đó đúng hạn 1.393 hồ sơ, "
        "đạt 99,86%."
    )
    wrong, by_raw = _verdict(text, "ratio", "99,86%", ["1.393", "1.450"])
    assert not wrong.consistent
    [v] = second_look(text, list(by_raw.values()), [wrong])
    assert v.consistent and v.relation.operands[1].raw == "1.395"
    assert v.relation.rule.endswith("thay cho: quy tắc thử")


def test_second_look_completes_a_cut_list_but_keeps_another_breakdowns_alarm() -> None:
    from scraper.qa.arithmetic import second_look

    cut = "Toàn huyện có 905 hộ được hỗ trợ: 410 hộ ở xã Đông, 320 hộ ở xã Tây, 175 hộ ở xã Nam."
    short, by_raw = _verdict(cut, "sum", "905", ["410", "320"])
    [v] = second_look(cut, list(by_raw.values()), [short])
    assert v.consistent and [f.raw for f in v.relation.operands] == ["410", "320", "175"]
    # the same total broken down twice: the first breakdown adding up says nothing of the second
    twice = "Năm nay xử lý 240 vụ việc, gồm 200 vụ hình sự, 40 vụ dân sự. Trợ giúp viên 190 vụ, luật sư 45."
    alarm, by_raw = _verdict(twice, "sum", "240", ["190", "45"])
    kept = second_look(twice, list(by_raw.values()), [alarm])
    assert kept[0] is alarm and not alarm.consistent


# What the arithmetic rules out or confirms about a rule's reading (our own wording, modelled on real reports):
# (case, text, the (check, consistent) pairs expected; "range" and "shares" checks left aside)
ARITHMETIC_SAYS = [
    ("parts of a month and of the months since January are no breakdown of one total",
     "Sản lượng thủy sản 8 tháng năm 2024 đạt 300.000 tấn; trong đó tôm 120.000 tấn.\n\nCụ thể, sản lượng "
     "khai thác tháng 8/2024 đạt 15.000 tấn, đưa lũy kế 8 tháng năm 2024 đạt 110.000 tấn.", []),
    ("… and with no year, by the period words of each part's own clause",
     "Sản lượng thủy sản ước đạt 300.000 tấn; trong đó tôm 120.000 tấn.\n\nCụ thể, sản lượng khai thác tháng 8 "
     "đạt 15.000 tấn, tăng 2%, đưa lũy kế 8 tháng đạt 110.000 tấn.", []),
    ("a period compared with ('so với cùng kỳ năm 2024') is not a part's period: the error stays an alarm",
     "GRDP quý I/2025 theo giá hiện hành đạt 6.000 tỷ đồng, tăng 10% so với cùng kỳ năm 2024, trong đó: khu vực "
     "nông nghiệp đạt 1.000 tỷ đồng; khu vực công nghiệp đạt 2.000 tỷ đồng; khu vực dịch vụ đạt 2.900 tỷ đồng.",
     [("sum", False)]),
    ("the same parts with no periods stay an alarm",
     "Sản lượng thủy sản 8 tháng năm 2024 đạt 300.000 tấn; trong đó tôm 120.000 tấn.\n\nCụ thể, sản lượng "
     "khai thác đạt 15.000 tấn, sản lượng nuôi đạt 110.000 tấn.", [("sum", False)]),
    ("parts of years apart are a breakdown over time: their error stays an alarm",
     "Từ năm 2019 đến năm 2022, huyện đã giải quyết 230 trường hợp (năm 2019: 30 trường hợp; năm 2020: 60 "
     "trường hợp; năm 2021: 100 trường hợp; năm 2022: 45 trường hợp).", [("sum", False)]),
    ("shares of every part of a breakdown that adds up, far from 100% together, are of other wholes",
     "Toàn huyện có 500 đảng viên nữ; trong đó cấp huyện có 120 (chiếm 12,5%), cấp xã: 380 (chiếm 20,4%).",
     [("sum", True)]),
    ("shares of the parts that make 100% are of the total: one a little off is an error",
     "Toàn huyện có 500 đảng viên nữ; trong đó cấp huyện có 120 (chiếm 24,3%), cấp xã: 380 (chiếm 75,7%).",
     [("sum", True), ("ratio", False), ("ratio", False)]),
    ("a whole only in the headline that sibling rates reproduce: the rate a little off is an error",
     "4.150 người ứng cử đại biểu Hội đồng nhân dân huyện nhiệm kỳ mới\nVề cơ cấu, người ứng cử là phụ nữ có "
     "1.720 người, chiếm tỷ lệ 41,50%; người dân tộc thiểu số có 830 người, tỷ lệ 20,0%; người trẻ tuổi có "
     "1.245 người, tỷ lệ 30,0%.", [("ratio", False), ("ratio", True), ("ratio", True)]),
    ("the same whole with no sibling rate to confirm it is only a guess: no alarm",
     "4.150 người ứng cử đại biểu Hội đồng nhân dân huyện nhiệm kỳ mới\nVề cơ cấu, người ứng cử là phụ nữ có "
     "1.720 người, chiếm tỷ lệ 41,50%.", []),
    ("a rate printed with a trailing zero states two decimals: 1.720/4.150 = 41,45%, not 41,40%",
     "4.150 người ứng cử đại biểu Hội đồng nhân dân huyện nhiệm kỳ mới\nVề cơ cấu, người ứng cử là phụ nữ có "
     "1.720 người, chiếm tỷ lệ 41,40%; người dân tộc thiểu số có 830 người, tỷ lệ 20,0%; người trẻ tuổi có "
     "1.245 người, tỷ lệ 30,0%.", [("ratio", False), ("ratio", True), ("ratio", True)]),
    ("… and 41,45% fits",
     "4.150 người ứng cử đại biểu Hội đồng nhân dân huyện nhiệm kỳ mới\nVề cơ cấu, người ứng cử là phụ nữ có "
     "1.720 người, chiếm tỷ lệ 41,45%; người dân tộc thiểu số có 830 người, tỷ lệ 20,0%; người trẻ tuổi có "
     "1.245 người, tỷ lệ 30,0%.", [("ratio", True), ("ratio", True), ("ratio", True)]),
]


@pytest.mark.parametrize("case,text,expected", ARITHMETIC_SAYS, ids=[a[0] for a in ARITHMETIC_SAYS])
def test_what_the_arithmetic_rules_out(case: str, text: str, expected: list[tuple[str, bool]]) -> None:
    checks = [c for c in check_text(text) if c.check not in ("range", "shares")]
    assert [(c.check, c.consistent) for c in checks] == expected


def test_last_periods_value_is_never_this_periods_too() -> None:
    """A rise or fall against last period's value in brackets: with no like amount for this period (the
    nouns differ), the bracketed value is not taken as both, which would make any fall an error."""
    text = (
        "Từ đầu năm, Trung tâm tiếp nhận 150.200 trường hợp đề nghị hưởng trợ cấp, giảm 12,5% so với cùng kỳ "
        "năm 2024 (171.658 hồ sơ)."
    )
    assert not alarms_of(text)


VOTES = [
    ("shares make 100%: all of the ballots", "Ông Trần Văn Bình, Giám đốc Sở Xây dựng được 30/52 phiếu tín nhiệm "
     "cao (chiếm 57,69%), 20 phiếu tín nhiệm (38,46%) và 2 phiếu tín nhiệm thấp (chiếm 3,85%).", [True]),
    ("shares make 100%, one count misprinted", "Ông Trần Văn Bình, Giám đốc Sở Xây dựng được 30/52 phiếu tín nhiệm "
     "cao (chiếm 57,69%), 21 phiếu tín nhiệm (38,46%) và 2 phiếu tín nhiệm thấp (chiếm 3,85%).", [False]),
    ("two kinds of vote, none low", "Bà Lê Thị Hoa được 50/52 phiếu tín nhiệm cao (đạt 96,15%), 2 phiếu tín nhiệm "
     "(đạt 3,85%) và không có phiếu tín nhiệm thấp.", [True]),
    ("shares short of 100%: not all of it, no alarm", "Bà Lê Thị Hoa được 40/52 phiếu tín nhiệm cao (đạt 76,92%), "
     "7 phiếu tín nhiệm (đạt 13,46%).", []),
]


# Those there and those not make all who could be (our own wording, modelled on council sessions, elections
# and exams): the present as a fraction and the absent, the seats filled and those still wanting, the
# registered in one sentence and who sat and stayed away in the next.
ALL_WHO_COULD_BE = [
    ("Sáng 10/7, kỳ họp có 48/53 đại biểu HĐND tỉnh dự họp (vắng {} có lý do).", "5", "6"),
    ("Ở cấp xã, tại 98 xã, phường đã bầu được 2.715/2.720 đại biểu được ấn định, thiếu {} đại biểu phải bầu bổ "
     "sung.", "5", "4"),
    ("Kỳ thi năm nay có 5.100 thí sinh đăng ký dự thi. Đến ngày thi, có 5.070 thí sinh dự thi, {} thí sinh bỏ thi "
     "không có lý do.", "30", "36"),
]


@pytest.mark.parametrize("template,right,wrong", ALL_WHO_COULD_BE, ids=["present", "wanting", "sat"])
def test_those_there_and_those_not_make_all_who_could_be(template: str, right: str, wrong: str) -> None:
    assert verdicts_of(template.format(right), "sum") == [True]
    assert verdicts_of(template.format(wrong), "sum") == [False]


def test_an_item_listed_without_a_number_keeps_the_numbered_ones_from_alarming() -> None:
    """"gồm: Phó Giám đốc thường trực, 2 Phó Giám đốc và 9 chuyên viên": the first item is one more
    person, so 2 + 9 short of 12 is no error; the positions of both blocks still make the 31 before."""
    text = ("Trong 31 chức danh được lấy phiếu, khối Sở có 12 người, gồm: Phó Giám đốc thường trực, 2 Phó Giám đốc "
            "và 9 chuyên viên; khối Ban có 19 người, gồm: Trưởng ban, 4 Phó Trưởng ban và 14 chuyên viên.")
    checks = [c for c in check_text(text) if c.check == "sum"]
    assert not [c for c in checks if not c.consistent]
    assert ("31", "12", "19") in {tuple(f["raw"] for f in c.figures) for c in checks if c.consistent}


TALLIES = [
    ("one sentence each, the voters said once at the end",
     "Ông Hoàng Văn Nam, phó chủ tịch UBND tỉnh, không có phiếu tín nhiệm thấp, được 70 phiếu tín nhiệm cao, "
     "5 phiếu tín nhiệm.\n\nBà Đỗ Thị Lan được 60 phiếu tín nhiệm cao, 12 phiếu tín nhiệm, 3 phiếu tín nhiệm "
     "thấp.\n\nTổng số đại biểu HĐND tỉnh dự bỏ phiếu tín nhiệm là 75 người.", [True, True]),
    ("a misprinted tally", "Bà Đỗ Thị Lan được 60 phiếu tín nhiệm cao, 13 phiếu tín nhiệm, 3 phiếu tín nhiệm "
     "thấp.\n\nTổng số đại biểu HĐND tỉnh dự bỏ phiếu tín nhiệm là 75 người.", [False]),
    ("a line each under the valid ballots", "1. Ông Lý Văn Tú - Chủ tịch UBND tỉnh:\n\nSố phiếu hợp lệ: 44/44."
     "\n\nSố phiếu tín nhiệm cao: 40 phiếu.\n\nSố phiếu tín nhiệm: 3 phiếu.\n\nSố phiếu tín nhiệm thấp: 1 phiếu.",
     [True]),
    ("a kind left unsaid: an exact sum confirms, a short one says nothing",
     "Bà Đỗ Thị Lan được 60 phiếu tín nhiệm cao, 12 phiếu tín nhiệm.\n\nTổng số đại biểu HĐND tỉnh dự bỏ phiếu "
     "tín nhiệm là 75 người.", []),
]


@pytest.mark.parametrize("rate,verdicts", [("86,36%", [True]), ("90%", [])])
def test_a_share_of_the_total_it_names_is_over_that_total_said_earlier(rate: str, verdicts: list) -> None:
    """"chiếm …% tổng số đại biểu": over the delegates counted paragraphs before (a fraction's
    denominator), though the count is of ballots; so far back it confirms and never alarms."""
    text = ("Kỳ họp có 41/44 đại biểu HĐND tỉnh có mặt.\n\nÔng Lý Văn Tú - Chủ tịch UBND tỉnh:\n\n"
            f"Số phiếu tín nhiệm cao: 38 phiếu (chiếm {rate} tổng số đại biểu HĐND tỉnh).")
    assert [c.consistent for c in check_text(text) if c.check == "ratio" and "tổng số" in c.rule] == verdicts


def test_parts_whose_own_shares_fall_short_of_100_percent_leave_something_out() -> None:
    """Shares 25,00 + 74,70 + 0,26 = 99,96%, short of 100 beyond their rounding: the three items are not
    all of the spending, so their sum 3 short of the total is no error; each share checks against it."""
    text = ("Tổng chi ngân sách 9 tháng ước đạt 8.400,50 tỷ đồng, tăng 9,5% so với cùng kỳ, trong đó: Chi đầu tư "
            "phát triển đạt 2.100,10 tỷ đồng, tăng 12,1%, chiếm 25,00%. Chi thường xuyên đạt 6.275,20 tỷ đồng, tăng "
            "8,2%, chiếm 74,70%. Các nhiệm vụ chi khác đạt 22,20 tỷ đồng, chiếm 0,26%.")
    checks = check_text(text)
    assert not [c for c in checks if not c.consistent]
    assert [c.consistent for c in checks if c.check == "ratio"] == [True, True, True]


def test_a_bare_classifier_counts_what_the_whole_it_opens_counts() -> None:
    """"… 52 triệu lượt khám chữa bệnh, trong đó … ngoại trú là 47,6 triệu lượt, …; … nội trú là 4,5 triệu
    lượt": "lượt" alone is the noun said once (47,6 + 4,5 = 52,1, the total printed to the million)."""
    text = ("Năm 2022 có 52 triệu lượt khám chữa bệnh BHYT, tăng 9% so với năm 2021, trong đó số lượt khám chữa "
            "bệnh ngoại trú là 47,6 triệu lượt, tăng 10%; số lượt khám chữa bệnh nội trú là 4,5 triệu lượt, tăng 3%.")
    assert verdicts_of(text, "sum") == [True]


@pytest.mark.parametrize(
    "text,rounding",
    [
        ("Tổng diện tích gieo trồng năm 2022 đạt 1.000,2 ha, trong đó: lúa 500,1 ha; ngô 300,2 ha; rau 200,0 ha.", True),
        ("Tổng diện tích gieo trồng năm 2022 đạt 1.000,0 ha, trong đó: lúa 500,1 ha; ngô 300,2 ha; rau 200,0 ha.", False),
        ("Tổng số hộ là 1.000 hộ, trong đó: hộ nghèo 501 hộ, hộ cận nghèo 300 hộ, hộ khác 200 hộ.", False),
    ],
    ids=["a tenth off three parts to 0,1", "three tenths off: beyond rounding", "whole things are not rounded"],
)
def test_a_failing_sum_says_when_rounded_parts_could_explain_it(text: str, rounding: bool) -> None:
    """Still an alarm as printed (the exact rule), but the reviewer is told when rounding could be why."""
    [check] = [c for c in check_text(text) if c.check == "sum"]
    assert not check.consistent
    assert check.rounding is rounding
    assert ("phạm vi làm tròn" in check.message) is rounding


@pytest.mark.parametrize("change", ["(-49,9 ha)", "(49,9 ha)"])
def test_a_fall_printed_with_its_minus_sign_is_over_this_period_plus_the_fall(change: str) -> None:
    """"giảm 2,7% (-49,9 ha)": the sign says the fall again; last year's area is 1.784,2 + 49,9."""
    text = f"Diện tích gieo trồng ngô vụ xuân đạt 1.784,2 ha, giảm 2,7% {change} so với cùng kỳ."
    [check] = [c for c in check_text(text) if c.check == "ratio"]
    assert check.consistent and check.computed == Decimal("2.7207")


def test_a_table_of_district_rates_raises_no_alarm_from_rows_that_match_by_chance() -> None:
    """Districts with a rate and counts, and a row numbering the columns under the header: no column is
    a share of another row's count, however many pairings one row reproduces by chance."""
    rows = [("1", "Huyện Đông", "2,41", "120", "60", "60"), ("2", "Huyện Tây", "5,12", "430", "200", "230"),
            ("3", "Huyện Nam", "9,87", "915", "401", "514"), ("4", "Huyện Bắc", "12,30", "1.220", "610", "610"),
            ("5", "Thị xã Hòa", "3,05", "275", "100", "175"), ("6", "Huyện Sơn", "30,15", "2.060", "999", "1.061")]
    text = ("TT | Huyện, thị xã | Tỷ lệ hộ nghèo và cận nghèo (%) | Tổng số hộ | Hộ nghèo | Hộ cận nghèo |\n"
            "A | B | 1 | 2 | 3 | 4 |\n" + "\n".join(" | ".join(r) + " |" for r in rows))
    assert not alarms_of(text)


def test_a_row_numbering_the_columns_is_no_row_of_figures() -> None:
    from scraper.qa.tables import read_text_tables

    text = "TT | Đơn vị | Tiếp nhận | Đã giải quyết |\nA | B | 1 | 2 |\n1 | Sở Tư pháp | 120 | 118 |"
    figures = read_text_tables(text, extract_figures(text))
    assert {f.row for f in figures if f.table is not None} == {"1"}


def test_a_second_breakdown_in_bullets_with_shares_making_100_percent_adds_up_to_the_whole_before() -> None:
    """The whole is broken down once in its sentence; a list of bullets, one item a paragraph, each with
    its share, breaks it down again: confirmed, and the first breakdown still checked."""
    text = ("Đến cuối năm, huyện có 120 HTX, trong đó có 70 HTX chuyển đổi và 50 HTX thành lập mới.\n\n"
            "Kết quả đánh giá, xếp loại các HTX như sau:\n\n- Có 30 HTX hoạt động tốt, chiếm 25% số HTX;\n\n"
            "- Có 54 HTX hoạt động khá, chiếm 45% số HTX;\n\n- Có 36 HTX hoạt động trung bình, chiếm 30% số HTX.")
    checks = check_text(text)
    sums = {tuple(f["raw"] for f in c.figures): c.consistent for c in checks if c.check == "sum"}
    assert sums.get(("120", "70", "50")) is True
    assert sums.get(("120", "30", "54", "36")) is True
    # each share is shown over the whole printed before
    shares = {tuple(f["raw"] for f in c.figures) for c in checks if c.check == "ratio" and c.consistent}
    assert {("25%", "30", "120"), ("45%", "54", "120"), ("30%", "36", "120")} <= shares


@pytest.mark.parametrize("rate,verdicts", [("25%", [True]), ("20%", [False]), ("30%", [])])
def test_a_rise_with_its_amount_in_brackets_after_it_is_over_last_years_count(rate: str, verdicts: list) -> None:
    """This year's count in one paragraph, the rise in the next: "tăng 25% (tăng 20 vụ)" is 20 over 80
    (100 − 20). "tăng 20%" is 20 over this year's 100, a slip the alarm names; a rate nothing reproduces
    says nothing (several counts could be the base)."""
    text = ("Năm 2023, toàn tỉnh xảy ra 100 vụ tai nạn giao thông, làm 40 người chết, 90 người bị thương.\n\n"
            f"So với năm trước, số vụ tai nạn tăng {rate} (tăng 20 vụ).")
    assert verdicts_of(text, "ratio") == verdicts
    assert all("chia cho số kỳ này" in c.message for c in check_text(text) if not c.consistent)


def test_trong_do_ending_its_paragraph_breaks_each_whole_down_paragraph_by_paragraph() -> None:
    """Area and output stated together, "Trong đó:", then one paragraph a crop: the areas add up (the
    marker's first part), and the outputs, one a paragraph, are confirmed too (never an alarm: which tonnes
    of a paragraph are its part is a guess)."""
    text = ("Vụ xuân năm nay toàn tỉnh gieo trồng 30.000 ha cây lương thực; sản lượng đạt 150.000,5 tấn. Trong đó:"
            "\n\nDiện tích lúa đạt 18.000 ha, tăng 1,2% (tăng 213,4 ha); năng suất 60 tạ/ha; sản lượng đạt "
            "108.000,2 tấn, tăng 2,1%.\n\nDiện tích ngô đạt 12.000 ha; năng suất 35 tạ/ha; sản lượng đạt 42.000,27 "
            "tấn.")
    sums = {tuple(f["raw"] for f in c.figures): c.consistent for c in check_text(text) if c.check == "sum"}
    assert sums.get(("30.000 ha", "18.000 ha", "12.000 ha")) is True
    # 108.000,2 + 42.000,27 = 150.000,47: the total, as printed to one decimal
    assert sums.get(("150.000,5 tấn", "108.000,2 tấn", "42.000,27 tấn")) is True


def test_a_facet_named_by_another_role_in_the_next_sentence_is_no_further_part() -> None:
    """"Trong đó thụ lý mới 400 việc. Số có điều kiện thi hành: 700 việc": the cases that can be
    enforced are another facet of the 1.000, not a second part next to the new ones."""
    text = ("Năm nay tổng số án phải thi hành là 1.000 việc. Trong đó số thụ lý mới 400 việc. Số có điều kiện thi "
            "hành: 700 việc.")
    assert not alarms_of(text)


EXACT_LISTS = [
    ("medals listed with 'với'", "Đoàn của tỉnh đoạt 40 huy chương (HC) với 12 HC Vàng, 15 HC Bạc, 9 HC Đồng và 4 "
     "giải Khuyến khích.", [True]),
    ("prizes after a fraction and its share", "Tỉnh có 70/80 em dự thi đạt giải, chiếm tỷ lệ 87,5% (trong đó có 05 "
     "giải nhất, 20 giải nhì, 25 giải ba, 20 giải khuyến khích).", [True]),
    ("schools of several kinds, a part's own part in brackets", "Toàn tỉnh có 300 đơn vị, trường học, trong đó có "
     "150 trường mầm non (6 trường tư thục); 90 trường tiểu học; 50 trường THCS; 10 Trung tâm GDNN-GDTX.", [True]),
    ("a list that does not add up says nothing", "Đoàn của tỉnh đoạt 40 huy chương (HC) với 12 HC Vàng, 15 HC Bạc, "
     "9 HC Đồng và 5 giải Khuyến khích.", []),
    ("a sentence opening 'Trong đó có'", "Khối lớp 12 có 30 học sinh trong tổng số 75 học sinh đoạt giải. Trong "
     "đó có 10 HC Vàng, 12 HC Bạc, 7 HC Đồng và 1 giải Khuyến khích.", [True]),
    ("recruits by unit, some counts in brackets", "Đợt này huyện có 120 tân binh lên đường nhập ngũ. Các tân "
     "binh được giao về các đơn vị: Công an tỉnh 15 tân binh; Trung đoàn 812 (40 tân binh); Trung đoàn 920 "
     "(64 tân binh) và Lữ đoàn 7 là 1 tân binh.", [True]),
    ("places listed 'như sau:', the last after 'và'", "Đến nay toàn tỉnh có 96 trường đạt chuẩn quốc gia.\n\n"
     "Các trường đạt chuẩn theo địa bàn như sau: Tân Phú: 31 trường; Long Sơn: 27 trường; Bình Lục 20 trường; Hòa "
     "An: 12 trường và Phú Mỹ: 6 trường.", [True]),
    ("a part said again after 'Trong đó' and broken down, places named before 'mỗi môn' counted twice",
     "Đoàn của tỉnh đoạt 30 huy chương, gồm 8 HC Vàng, 10 HC Bạc và 12 HC Đồng. Trong đó, 8 HC Vàng thuộc "
     "về các môn: Toán học 3 HC, Vật lý và Hóa học mỗi môn 2 HC, Sinh học 1 HC.", [True, True]),
    ("counts in brackets after the items", "Tỉnh sẽ có 09 học sinh ở các đội tuyển Toán (03 học sinh), Hóa học "
     "(02 học sinh), Tin học (02 học sinh), Sinh học (02 học sinh) được gọi vào đội dự tuyển.", [True]),
]


@pytest.mark.parametrize("share,verdicts", [("7,5%", [True]), ("5,7%", [False])])
def test_a_share_after_a_parts_rise_is_of_the_part_over_the_whole_before_its_own_rise(
    share: str, verdicts: list
) -> None:
    """"10.000 trẻ ra đời, tăng 800 trẻ …, trong đó có 750 trẻ là con thứ ba trở lên, tăng 90 trẻ …,
    chiếm 7,5% số sinh": 750 over 10.000, past both rises."""
    text = ("Tính đến hết quý I, toàn tỉnh có 10.000 trẻ ra đời, tăng 800 trẻ so với cùng kỳ, trong đó có 750 trẻ "
            f"là con thứ ba trở lên, tăng 90 trẻ so với cùng kỳ, chiếm {share} số sinh.")
    assert [c.consistent for c in check_text(text) if c.check == "ratio" and c.stated < 50] == verdicts


def test_a_rate_of_plan_printed_without_its_percent_sign_is_no_fraction_of_a_count() -> None:
    """"(đạt 96,45 kế hoạch giao)": the "%" was left out; no "count is not a whole number" alarm."""
    text = "Số người tham gia bảo hiểm y tế đến cuối tháng là 820.400 người (đạt 96,45 kế hoạch giao)."
    assert not [c.message for c in check_text(text) if c.check == "range"]


# The sums each reading finds, one table a reading (the tables stand above, beside the rules they pin).
SUM_READINGS = [
    (f"{reading}: {case}", text, verdicts)
    for reading, table in (
        ("a cut said with 'giảm' breaks down into cuts", CUTS),
        ("counts listed after a fraction with their shares make its denominator", VOTES),
        ("a confidence vote's ballots add up to the valid ballots", TALLIES),
        ("counts named otherwise after a whole confirm it when they add up exactly", EXACT_LISTS),
    )
    for case, text, verdicts in table
]


@pytest.mark.parametrize("case,text,verdicts", SUM_READINGS, ids=[r[0] for r in SUM_READINGS])
def test_the_sums_each_reading_finds(case: str, text: str, verdicts: list) -> None:
    assert verdicts_of(text, "sum") == verdicts


def _sets(text: str, check: str) -> dict[tuple[str, ...], bool]:
    """{the raws of a check's figures: its verdict} for one kind of check."""
    return {tuple(f["raw"] for f in c.figures): c.consistent for c in check_text(text) if c.check == check}


# Wholes and their parts read in session 11 (our own wording, modelled on jobs, investment, Party, livestock
# and one-stop reports): (what, template, check, the figures read, a value that holds, one that does not).
WHOLES_READ = [
    ("two sides of a pair are all of the whole",
     "Năm nay huyện giới thiệu việc làm cho 1.540 lao động. Trong đó, làm việc trong nước {} người, đi làm việc "
     "ở nước ngoài 120 người.", "sum", ("1.540", "{}", "120"), "1.420", "1.320"),
    ("party organisations of two kinds make the organisations; what the second kind holds is no part",
     "Đảng bộ Khối có 58 tổ chức cơ sở đảng, trong đó có 31 đảng bộ, {} chi bộ cơ sở với 04 đảng bộ bộ phận và "
     "215 chi bộ trực thuộc.", "sum", ("58", "31", "{}"), "27", "25"),
    ("received = new + carried over holds however far off, beside a breakdown by kind that holds",
     "Toàn huyện tiếp nhận 1.240 đơn, trong đó nhận mới {} đơn, kỳ trước chuyển sang 40 đơn gồm: 900 đơn khiếu "
     "nại, 210 đơn tố cáo và 130 đơn kiến nghị.", "sum", ("1.240", "{}", "40"), "1.200", "800"),
    ("an office is a counted noun, capitalised or not",
     "Trong 52 Bí thư huyện ủy có 30 đồng chí tái cử; {} đồng chí lần đầu giữ chức; 9 đồng chí là nữ.",
     "sum", ("52", "30", "{}"), "22", "21"),
    ("a share of the total its words name, the numerator of a fraction",
     "Năm nay, Hội kết nạp thêm 1.200 hội viên, nâng tổng số hội viên toàn huyện lên 40.000/52.000 người (số phụ "
     "nữ đủ điều kiện vào hội). Trong đó hội viên nòng cốt 9.800, đạt {}% so với tổng số hội viên.", "ratio",
     ("{}%", "9.800", "40.000/52.000"), "24,5", "25,5"),
    ("a rise written with its sign in brackets",
     "Quý I, tỉnh có 540 doanh nghiệp thành lập mới, tăng {}% (+12 doanh nghiệp) so với cùng kỳ.", "ratio",
     ("{}%", "+12", "540"), "2,27", "2,47"),
    ("a fall whose bracket is the amount that fell, not last year's output",
     "Sản lượng vụ mùa ước đạt 320.500 tấn, giảm {}% so cùng kỳ (28.300 tấn).", "ratio",
     ("{}%", "28.300 tấn", "320.500 tấn"), "8,11", "8,41"),
    ("a fall said as a rate and again as an amount",
     "Đàn trâu có 4.210 con, giảm {}% so cùng kỳ, tương đương giảm 190 con.", "ratio", ("{}%", "190", "4.210"),
     "4,32", "4,52"),
    # session 12 (modelled on enterprise, rural-development and Party-discipline reports)
    ("a fall with its amount in brackets after 'tương ứng'",
     "Quý I có 320 hợp tác xã thành lập mới, giảm {}% so với cùng kỳ (tương ứng giảm 80 hợp tác xã).", "ratio",
     ("{}%", "80", "320"), "20", "22"),
    ("a fraction's rate in brackets at the end of a long clause",
     "Đến nay, 9/9 đơn vị cấp huyện của tỉnh đã được Thủ tướng Chính phủ công nhận hoàn thành nhiệm vụ xây "
     "dựng nông thôn mới (đạt {}%), trong đó có 3 huyện đạt chuẩn nâng cao.", "ratio", ("{}%", "9/9"), "100",
     "90"),
    ("a fall's amount in brackets after the base it is measured against",
     "Diện tích gieo cấy vụ Đông ước đạt 12.480 ha, giảm {}% so với cùng kỳ năm 2022 (giảm 520 ha).", "ratio",
     ("{}%", "520 ha", "12.480 ha"), "4,00", "4,20"),
    ("a whole said again after 'Trong đó', its clause going on with 'thì có'",
     "Trong tháng, toàn tỉnh xảy ra 09 vụ cháy, thiệt hại khoảng 2 tỷ đồng. Trong đó, 09 vụ cháy thì có {} vụ do "
     "chập điện và 3 vụ do sơ suất khi dùng lửa.", "sum", ("09", "{}", "3"), "06", "05"),
    ("cases and their defendants joined by 'với', the rate over the cases taken up",
     "Án hình sự thụ lý 600 vụ với 1.020 bị cáo; đã giải quyết 540 vụ với 900 bị cáo, đạt tỷ lệ {}%.", "ratio",
     ("{}%", "540", "600"), "90", "95"),
    ("a change against the level of the same indicator at the period printed sentences before",
     "Đến cuối tháng 6 năm 2024, tổng vốn huy động trên địa bàn đạt 25.000 tỷ đồng. Dự kiến đến cuối tháng 7 năm "
     "2024, tổng vốn huy động trên địa bàn đạt 25.500 tỷ đồng, tăng {}% so với cuối tháng 6 năm 2024.", "ratio",
     ("{}%", "25.500 tỷ đồng", "25.000 tỷ đồng"), "2", "2,5"),
    ("a rise's rate named as such after the rise ('tỷ lệ tăng đạt')",
     "Đến cuối quý, tổng nguồn vốn đạt 2.200 tỷ 500 triệu đồng, tăng 200 tỷ 500 triệu đồng so với đầu năm, tỷ lệ "
     "tăng đạt {}%. Trong đó, nguồn vốn trung ương là 1.900 tỷ đồng, tăng 150 tỷ đồng; nguồn vốn địa phương là "
     "300 tỷ 500 triệu đồng, tăng 50 tỷ 500 triệu đồng.", "ratio",
     ("{}%", "200 tỷ 500 triệu đồng", "2.200 tỷ 500 triệu đồng"), "10,03", "9,5"),
    ("cases settled by mediation over the cases taken up",
     "Năm qua, các tổ hòa giải thụ lý 1.200 vụ việc, hòa giải thành 960 vụ việc, đạt tỷ lệ {}%.", "ratio",
     ("{}%", "960", "1.200"), "80", "82,5"),
    ("forms of discipline listed after a colon, the first capitalised, past an aside with a count",
     "Trong năm, cấp ủy các cấp kỷ luật 46 đảng viên (12 cấp ủy viên), bằng các hình thức: Khiển trách {}, "
     "cảnh cáo 14, cách chức 2, khai trừ 5 trường hợp.", "sum", ("46", "{}", "14", "2", "5"), "25", "27"),
    # session 13 (modelled on storm-damage and road-accident reports)
    ("houses counted with the classifier 'ngôi' and without it",
     "Bão làm 380 ngôi nhà bị ảnh hưởng. Trong đó, 2 nhà bị sập; {} nhà bị ngập nước; 48 ngôi nhà bị tốc mái.",
     "sum", ("380", "2", "{}", "48"), "330", "320"),
    ("clauses after 'Trong đó,' whose cases add up: their injured add up too; the dead are no injured",
     "Sáu tháng, toàn tỉnh xảy ra 40 vụ tai nạn giao thông, làm 22 người chết, 30 người bị thương. Trong đó, va "
     "chạm giao thông 12 vụ, làm bị thương 9 người; tai nạn ít nghiêm trọng 8 vụ, làm {} người bị thương; tai "
     "nạn nghiêm trọng 18 vụ, làm 16 người bị thương và tai nạn rất nghiêm trọng 2 vụ, làm 22 người chết.",
     "sum", ("30", "9", "{}", "16"), "5", "7"),
    # (modelled on complaint, judgment-enforcement, crop, Party, inspection and election reports)
    ("cases resolved out of those taken up: the rate is over the cases taken up, not the letters received",
     "Năm nay, các cơ quan tiếp nhận 9.000 đơn các loại, trong đó thụ lý theo thẩm quyền 1.200 vụ và đã giải "
     "quyết được 960 vụ, đạt tỷ lệ {}%.", "ratio", ("{}%", "960", "1.200"), "80", "85"),
    ("cases of judgment enforcement written as a fraction of cases ('việc')",
     "Chi cục đã thi hành xong 1.650 việc/2.165 việc có điều kiện thi hành, đạt tỉ lệ {}%.", "ratio",
     ("{}%", "1.650", "2.165"), "76,2", "80,2"),
    ("a level 'bằng X%' of last year's, the fall in brackets",
     "Diện tích gieo trồng cả năm đạt 158.000 ha, bằng {}% (giảm 800 ha) so với năm trước.", "ratio",
     ("{}%", "158.000 ha", "800 ha"), "99,5", "98,5"),
    ("a share after 'Trong đó,' of the whole before the whole's rate of plan",
     "Trong 6 tháng, Huyện ủy đã kết nạp 40 đảng viên mới, đạt 80% chỉ tiêu kế hoạch năm. Trong đó, có 11 "
     "đảng viên nữ, chiếm {}%; 22 đảng viên người dân tộc thiểu số, chiếm 55%.", "ratio", ("{}%", "11", "40"),
     "27,5", "29,5"),
    ("a share 'so với tổng số' of a total named in full after 'trong N … có', clauses between",
     "Trong năm, trong 1.200 đảng viên được kết nạp, có 48 đảng viên là học sinh, sinh viên, chiếm tỷ lệ {}% "
     "so với tổng số đảng viên được kết nạp.", "ratio", ("{}%", "48", "1.200"), "4", "2"),
    ("offenders found, individuals and organisations",
     "Qua kiểm tra, phát hiện 2.500 đối tượng vi phạm (2.100 cá nhân, {} tổ chức).", "sum",
     ("2.500", "2.100", "{}"), "400", "440"),
    ("each group's share after 'trong N người, có', the groups overlapping",
     "Ngoài ra, trong 80 người, có 36 người là nữ, chiếm 45%; 20 người dưới 35 tuổi, chiếm 25%; 8 người "
     "ngoài Đảng, chiếm {}%.", "ratio", ("{}%", "8", "80"), "10", "3"),
    ("cases and their money written as pairs: the money column adds up too, though the cases miss by one",
     "Số việc năm trước chuyển sang: 90 việc/80,5 tỉ đồng. Trong đó: có điều kiện thi hành 30 việc/{} tỉ đồng, "
     "chưa có điều kiện thi hành 59 việc/72,5 tỉ đồng.", "sum", ("80,5 tỉ đồng", "{} tỉ đồng", "72,5 tỉ đồng"),
     "8", "8,7"),
    ("a list after 'trong đó:' is not cut short by a year in its last clause",
     "Diện tích gieo trồng vụ Đông Xuân đạt 120.000 ha, giảm 0,5% so với cùng kỳ năm 2022; trong đó: diện tích vụ "
     "Đông đạt 30.000 ha, giảm 20 ha (-0,07%); tổng diện tích vụ Xuân năm 2023 đạt {} ha, giảm 900 ha (-1%), "
     "riêng lúa xuân đạt 70.000 ha, giảm 500 ha (-0,7%) so với vụ xuân năm 2022.", "sum",
     ("120.000 ha", "30.000 ha", "{} ha"), "90.000", "89.800"),
    ("one amount against three targets in turn, each in brackets",
     "Riêng khu vực cảng thu được 21.000 tỷ đồng, đạt 40% so với chỉ tiêu Bộ Tài chính giao (52.500 tỷ đồng), đạt "
     "37,5% chỉ tiêu Tổng cục giao (56.000 tỷ đồng), đạt {}% chỉ tiêu UBND thành phố giao phấn đấu (60.000 tỷ "
     "đồng).", "ratio", ("{}%", "21.000 tỷ đồng", "60.000 tỷ đồng"), "35", "37"),
    ("a level 'bằng X% so với cùng kỳ - giảm N'",
     "Trong 4 ngày nghỉ lễ, thành phố đón 80.000 lượt khách (bằng {}% so với cùng kỳ - giảm 20.000 lượt).",
     "ratio", ("{}%", "80.000", "20.000"), "80", "75"),
    ("candidates by sector bloc, one bloc named by two groups",
     "Hội nghị lập danh sách sơ bộ 60 người. Trong đó, khối Đảng 20 người; khối MTTQ 12 người; khối cơ quan nhà "
     "nước {} người; khối lực lượng vũ trang 3 người; khối tôn giáo - dân tộc 2 người và thành phần khác 1 người.",
     "sum", ("60", "20", "12", "{}", "3", "2", "1"), "22", "21"),
    # (modelled on procuracy, police and Party-discipline reports)
    ("levels and then their falls in the same order in one sentence",
     "Sáu tháng đầu năm, cơ quan điều tra khởi tố mới 2.100 vụ án, phê chuẩn khởi tố 3.150 bị can, giảm 400 vụ "
     "({}%), 350 bị can (10%) so với cùng kỳ năm trước.", "ratio", ("{}%", "400", "2.100"), "16", "16,6"),
    ("a clearance rate: the cases solved (with their suspects) over the cases that occurred",
     "Trong đợt cao điểm, trên địa bàn xảy ra 120 vụ phạm tội về trật tự xã hội, lực lượng công an đã điều tra "
     "làm rõ 102 vụ, với 180 đối tượng, đạt tỷ lệ {}%.", "ratio", ("{}%", "102", "120"), "85", "58"),
    ("forms of discipline after 'với hình thức'",
     "Đến cuối quý, Đảng bộ Khối có 9 trường hợp bị thi hành kỷ luật, với hình thức khiển trách {}, cảnh cáo 2, "
     "khai trừ 3.", "sum", ("9", "{}", "2", "3"), "4", "3"),
]


@pytest.mark.parametrize("what,template,check,raws,right,wrong", WHOLES_READ, ids=[w[0] for w in WHOLES_READ])
def test_wholes_read(what: str, template: str, check: str, raws: tuple[str, ...], right: str, wrong: str) -> None:
    figures = tuple(r.format(right) for r in raws)
    assert _sets(template.format(right), check).get(figures) is True
    # the misprint alarms over the stated figure (where a list that misses its whole ends, no one knows)
    stated = raws[0].format(wrong)
    assert any(v is False and k[0] == stated for k, v in _sets(template.format(wrong), check).items())


def test_a_list_that_made_its_whole_stops_where_a_clause_of_its_own_goes_on() -> None:
    """"…, trong đó 35 dự án FDI và 17 dự án trong nước, điều chỉnh tăng vốn cho 11 dự án …": the two
    make the 52; the projects whose capital grew are no more parts of it."""
    text = ("Quý I, khu kinh tế thu hút 52 dự án, trong đó 35 dự án FDI và 17 dự án trong nước, điều chỉnh tăng "
            "vốn cho 11 dự án FDI và 4 dự án trong nước.")
    assert _sets(text, "sum") == {("52", "35", "17"): True}


def test_a_rate_that_holds_over_a_part_and_its_whole_is_read_over_the_whole() -> None:
    text = ("Quý II, bộ phận một cửa tiếp nhận 2.401 hồ sơ, trong đó nhận mới 2.400 hồ sơ, kỳ trước chuyển qua 01 "
            "hồ sơ; đã giải quyết 2.398 hồ sơ, đạt tỷ lệ 99,9%; đang giải quyết 03 hồ sơ.")
    rates = _sets(text, "ratio")
    assert ("99,9%", "2.398", "2.401") in rates and ("99,9%", "2.398", "2.400") not in rates


def test_grams_of_a_seizure_are_a_weight_not_a_count() -> None:
    text = "Trong đó, 3 vụ tàng trữ ma túy; 1 vụ mua bán (thu giữ 3,916 gram heroin); 1 vụ trồng cần sa."
    assert not alarms_of(text)
    assert [(f.raw, f.unit) for f in extract_figures(text) if f.kind == "quantity"] == [("3,916 gram", "g")]


def test_a_share_of_a_total_named_in_full_is_not_of_another_count_of_its_noun() -> None:
    """"chiếm 5,1% so với tổng số hộ dân cư dân tộc Khmer": not of the 2.000 near-poor households
    stated before, which the bracket's share is of."""
    text = ("Tổng số hộ cận nghèo toàn xã là 2.000 hộ. Trong đó, hộ cận nghèo dân tộc Khmer 900 hộ, chiếm 5,1% so "
            "với tổng số hộ dân cư dân tộc Khmer (chiếm 45% so với tổng số hộ cận nghèo).")
    assert not alarms_of(text)


def test_a_fall_printed_with_its_sign_is_no_negative_count() -> None:
    text = "Quý I có 368 doanh nghiệp hoạt động trở lại, giảm 8% (-32 doanh nghiệp) so với cùng kỳ."
    assert not [c for c in check_text(text) if c.check == "range"]


def test_a_sentence_wrapped_over_lines_is_read_as_one() -> None:
    """Text taken from a PDF breaks lines inside sentences: the unit on the next line is the number's
    ("… dược liệu là 22\\nha"), and the list runs on over the break; a table of one cell a line keeps its
    cells apart."""
    text = ("Năm 2017 toàn tỉnh trồng mới được 540 ha rừng tập trung, bao gồm 410 ha rừng sản\n"
            "xuất, 95 ha rừng phòng hộ và diện tích trồng cây dược liệu là 35\nha.")
    assert ("35\nha", "quantity") in [(f.raw, f.kind) for f in extract_figures(text)]
    assert _sets(text, "sum") == {("540 ha", "410 ha", "95 ha", "35\nha"): True}
    assert [(f.raw, f.kind) for f in extract_figures("Chỉ tiêu\nSố hộ nghèo\n12\nhộ\n")] == [("12", "number")]


_LEVELS_THEN_CHANGES = ("Năm nay toàn tỉnh xảy ra 150 vụ tai nạn, làm chết 60 người, bị thương 98 người. So với năm "
                        "trước giảm 12 vụ ({}), 5 người chết ({}), 6 người bị thương ({}).")


@pytest.mark.parametrize("rates,consistent,slip", [
    (("7,4%", "7,7%", "5,8%"), True, False),  # 12/162, 5/65, 6/104: over last year's counts
    (("8%", "8,3%", "6,1%"), False, True),  # 12/150, 5/60, 6/98: over this year's, a slip the alarm names
])
def test_levels_then_their_changes_item_by_item(rates: tuple[str, ...], consistent: bool, slip: bool) -> None:
    """One sentence lists the levels, the next their changes in the same order: the direction said once
    holds for each, and each rate is of its own level's change, sure enough to alarm."""
    text = _LEVELS_THEN_CHANGES.format(*rates)
    assert [f.change for f in extract_figures(text) if f.raw in ("12", "5", "6")] == ["giảm"] * 3
    checks = [c for c in check_text(text) if c.check == "ratio"]
    assert [(c.figures[0]["raw"], c.consistent) for c in checks] == [(r, consistent) for r in rates]
    assert all(("chia cho số kỳ này" in c.message) == slip for c in checks)


@pytest.mark.parametrize("total,consistent", [("3.560", True), ("3.650", False)])
def test_a_total_named_as_two_things_adds_the_two_counted_before(total: str, consistent: bool) -> None:
    text = ("Kết quả rà soát: tổng số hộ nghèo: 1.240/52.100 hộ, tỷ lệ 2,38%. Tổng số hộ cận nghèo: 2.320/52.100 "
            f"hộ, tỷ lệ 4,45%. Tổng số hộ nghèo và hộ cận nghèo: {total} hộ.")
    assert _sets(text, "sum").get((total, "1.240/52.100", "2.320/52.100")) is consistent


@pytest.mark.parametrize("achieved,consistent", [("112,5", True), ("121,5", False)])
def test_a_rate_achieved_over_the_rate_planned(achieved: str, consistent: bool) -> None:
    text = (f"Năm qua, tỷ lệ giảm hộ nghèo của huyện là 4,5% (đạt {achieved}% kế hoạch đề ra là giảm ít nhất "
            "4%/năm).")
    assert _sets(text, "ratio").get((f"{achieved}%", "4,5%", "4%")) is consistent


@pytest.mark.parametrize("scattered,consistent", [("17", True), ("52", False)])
def test_a_whole_recalled_in_full_by_its_words_alarms(scattered: str, consistent: bool) -> None:
    """"Trong tổng số diện tích rừng trồng mới thì …" names the whole of the paragraph before in full."""
    text = ("Năm 2020, tỉnh hoàn thành trồng rừng với tổng diện tích rừng trồng mới 1.125 ha, đạt 112,5% kế "
            "hoạch.\n\nTrong tổng số diện tích rừng trồng mới thì trồng rừng tập trung đạt 980,4 ha; trồng "
            f"rừng thay thế 127,6 ha và trồng cây phân tán {scattered} ha.")
    assert _sets(text, "sum").get(("1.125 ha", "980,4 ha", "127,6 ha", f"{scattered} ha")) is consistent


def test_one_more_item_said_in_words_is_a_part() -> None:
    """"… 4 thí sinh … và một thí sinh …": "một" after "và", counting what a number counted just
    before it, is one more item; "một cửa", "một thí sinh" alone are no figures."""
    text = "Huyện có 5 thí sinh đạt giải, trong đó có 4 thí sinh trường chuyên và một thí sinh trường huyện."
    assert _sets(text, "sum") == {("5", "4", "một"): True}
    assert not extract_figures("Huyện thực hiện cơ chế một cửa và một cửa liên thông; có một thí sinh đạt giải.")


@pytest.mark.parametrize("rate,consistent", [("3,2%", True), ("3,7%", False)])
def test_a_rate_that_names_its_numerator_and_its_whole(rate: str, consistent: bool) -> None:
    """"Tỷ lệ ca nặng trên tổng số ca mắc … là X%": the counts before it called by those words."""
    text = ("Đến tuần 30, thành phố ghi nhận 41.200 trường hợp mắc bệnh sốt xuất huyết, trong đó số ca sốt xuất "
            f"huyết nặng là 1.310 ca. Tỷ lệ ca sốt xuất huyết nặng trên tổng số ca mắc bệnh sốt xuất huyết là {rate}.")
    assert _sets(text, "ratio").get((rate, "1.310", "41.200")) is consistent


def _outline(domestic: str) -> str:
    """A budget disclosure one cell a line (our own figures), as a page's text keeps it."""
    cells = ["Đơn vị: triệu đồng", "I", "Tổng thu ngân sách nhà nước trên địa bàn", "Total revenues", "5,210,400",
             "1", "Thu nội địa", "Domestic revenue", domestic, "2", "Thu từ xuất khẩu, nhập khẩu", "1,480,000",
             "3", "Thu viện trợ không hoàn lại", " ", "II", "Thu ngân sách địa phương", "2,905,120", "1",
             "Thu ngân sách địa phương hưởng theo phân cấp", "2,610,120", "Các khoản thu hưởng 100%", "910,050",
             "Các khoản thu phân chia theo tỷ lệ", "1,700,070", "2", "Thu bổ sung từ ngân sách cấp trên",
             "295,000"]
    return "\n\n".join(cells)


@pytest.mark.parametrize("domestic,consistent", [("3,730,400", True), ("3,703,400", False)])
def test_a_numbered_outline_one_cell_a_line_adds_up_group_by_group(domestic: str, consistent: bool) -> None:
    """"I" is the sum of its "1", "2", "3" (a blank one adds nothing), "1" of the unnumbered items under it;
    the item numbers are never values."""
    sums = {tuple(f["raw"] for f in c.figures): c.consistent
            for c in check_text(_outline(domestic)) if c.rule.startswith("mục đánh số")}
    assert sums == {("5,210,400", domestic, "1,480,000"): consistent, ("2,905,120", "2,610,120", "295,000"): True,
                    ("2,610,120", "910,050", "1,700,070"): True}


@pytest.mark.parametrize("fruit,consistent", [("21.040", True), ("21.400", False)])
def test_pairs_after_two_wholes_of_two_kinds(fruit: str, consistent: bool) -> None:
    """"… 4.120 phương tiện chở 61.240 tấn hàng … Trong đó, hoa quả 1.500 xe với X tấn, …": the vehicles
    add up to theirs exactly, which says the pairs are the parts; the tonnes are judged."""
    text = ("Tại lối mở biên giới, hàng hóa xuất khẩu đạt 4.120 phương tiện chở 61.240 tấn hàng hóa. Trong đó, hoa "
            f"quả 1.500 xe với {fruit} tấn, bột sắn 1.120 xe với 25.200 tấn, thủy sản 1.500 xe với 15.000 tấn.")
    assert _sets(text, "sum").get(("61.240 tấn", f"{fruit} tấn", "25.200 tấn", "15.000 tấn")) is consistent
    star = ("Năm nay tỉnh có thêm 64 sản phẩm đạt chuẩn OCOP từ 3 sao trở lên. Trong đó, có 10 sản phẩm đạt chuẩn "
            "4 sao và 54 sản phẩm đạt chuẩn 3 sao.")
    assert not alarms_of(star)


@pytest.mark.parametrize("rate,consistent", [("27,50", True), ("25,70", False)])
def test_columns_of_two_years_their_change_and_its_rate_one_cell_a_line(rate: str, consistent: bool) -> None:
    """"2015 | 2020 | tăng giảm: số lượng | tỷ lệ (%)": the change is the second year less the first (two
    rows keep it), its rate the change over the first year."""
    cells = ["Số xã, số hộ có internet", "Đơn vị tính", "2015", "2020", "Tăng giảm so với 2015", "Số lượng",
             "Tỷ lệ (%)", "1. Trụ sở xã có internet", "80", "102", "22", rate, "2. Tỷ lệ trụ sở xã có internet", "%",
             "70", "90", "20", "3. Số hộ có internet", "hộ", "10.400", "25.600", "15.200", "146,15"]
    checks = check_text("\n\n".join(cells))
    rates = {tuple(f["raw"] for f in c.figures): c.consistent for c in checks if c.check == "ratio"}
    assert rates == {(rate, "102", "80"): consistent, ("146,15", "25.600", "10.400"): True}
    sums = {tuple(f["raw"] for f in c.figures): c.consistent for c in checks if c.check == "sum"}
    assert sums == {("102", "80", "22"): True, ("90", "70", "20"): True, ("25.600", "10.400", "15.200"): True}


@pytest.mark.parametrize("schools,consistent", [("62", True), ("57", False)])
def test_fractions_broken_down_in_the_next_paragraph_with_parts_counted_as_units(
    schools: str, consistent: bool
) -> None:
    """"310/402 cơ sở hội … ¶ Trong đó, khối xã … 150/150 đơn vị; …": the numerators and the
    denominators both add up, past the blank line, though the parts count "đơn vị"."""
    text = ("Đến ngày 20/4, toàn tỉnh có 310/402 cơ sở hội tổ chức xong đại hội.\n\nTrong đó, khối xã, phường là "
            f"150/150 đơn vị; khối cơ quan 98/180 đơn vị; khối trường học {schools}/72 đơn vị.")
    sums = [c for c in check_text(text) if c.check == "sum" and "phân số" in (c.rule or "")]
    assert sorted(c.consistent for c in sums) == ([True, True] if consistent else [False, True])


@pytest.mark.parametrize("end,alarms", [("…", 0), (".", 1)])
def test_a_list_that_trails_off_is_not_all_of_its_whole(end: str, alarms: int) -> None:
    """"gồm ở các huyện A …, B …, C 2.086 ha…": an ellipsis says the list goes on, so its parts need not
    make the whole (here they miss it by one hectare); the same list closed by a full stop must."""
    text = ("Vụ này tỉnh có 12.400 ha lúa chất lượng cao, gồm ở các huyện Tân Hòa 6.210 ha, Long Phú 4.105 ha, "
            f"Bình Sơn 2.086 ha{end} Năng suất bình quân ước đạt 6,1 tấn/ha.")
    assert len([c for c in check_text(text) if c.check == "sum" and not c.consistent]) == alarms


def test_a_level_said_as_a_percent_of_last_years_printed_in_brackets() -> None:
    """"…, đạt 104% kế hoạch (1.500 ha), bằng 95,2% so cùng kỳ (cùng kỳ 1.640 ha)": this year's area over
    last year's, past the plan in brackets."""
    text = ("Diện tích nuôi tôm thâm canh đến nay đạt 1.562 ha/2.100 hộ, đạt 104,1% kế hoạch năm (1.500 ha), bằng "
            "95,2% so cùng kỳ (cùng kỳ 1.640,5 ha).")
    got = [(c.message.split(" = ")[0], c.consistent) for c in check_text(text) if "95,2%" in c.message]
    assert got == [("Tỷ lệ 1.562/1.640,5", True)]


@pytest.mark.parametrize("labour,verdicts", [("120", [True]), ("125", [])])
def test_figures_said_with_the_wholes_verb_in_the_paragraphs_after_it_confirm_it(labour: str, verdicts: list) -> None:
    """"thụ lý tổng cộng 3.000 vụ án các loại … Án hình sự thụ lý 800 vụ, đã giải quyết 760 vụ …": the
    counts said with "thụ lý" add up to the total (other counts between); nothing marks them, so a sum that
    misses says nothing."""
    text = ("Năm nay, TAND hai cấp thụ lý tổng cộng 3.000 vụ án các loại, đã giải quyết 2.700 vụ.\n\nÁn hình sự: "
            "thụ lý 800 vụ, đã giải quyết 760 vụ. Án dân sự: thụ lý 1.500 vụ, đã giải quyết 1.300 vụ.\n\nVề án "
            f"hành chính, tòa đã thụ lý 580 vụ, đã giải quyết 530 vụ. Án lao động: thụ lý {labour} vụ, đã giải "
            "quyết 110 vụ.")
    got = [c.consistent for c in check_text(text) if c.rule == SAME_VERB_RULE and c.stated == 3000]
    assert got == verdicts


@pytest.mark.parametrize("each,consistent", [("1", True), ("2", False)])
def test_places_named_before_each_count_once_each_though_a_second_each_follows(each: str, consistent: bool) -> None:
    """"Tân Phú và Long Sơn mỗi huyện có 2 đơn vị bầu cử, mỗi huyện bầu 6 đại biểu": two places, two units
    each (the second "mỗi" names no more places)."""
    text = ("Toàn tỉnh có 10 đơn vị bầu cử đại biểu HĐND tỉnh. Cụ thể, thành phố Hòa An có 3 đơn vị bầu cử, bầu 9 "
            "đại biểu; Tân Phú và Long Sơn mỗi huyện có 2 đơn vị bầu cử, mỗi huyện bầu 6 đại biểu; Bình Lục, Phú Mỹ "
            f"và Hòa Bình mỗi huyện có {each} đơn vị bầu cử, mỗi huyện bầu 3 đại biểu.")
    got = [(c.stated, c.consistent) for c in check_text(text) if c.check == "sum" and c.stated == 10]
    assert got == [(10, consistent)]


@pytest.mark.parametrize("rate,consistent", [("12,5", True), ("12,1", False)])
def test_a_parts_rate_beside_a_fractions_own_rate_is_of_the_denominator(rate: str, consistent: bool) -> None:
    """"120/200 trường đạt chuẩn, chiếm tỉ lệ 60%; trong đó có 25 trường mức độ 2, tỉ lệ 12,5%": 25 of the
    200 schools, as the fraction's rate is; a rate that fits neither 25/200 nor 25/120 is an error."""
    text = (f"Toàn tỉnh có 120/200 trường tiểu học đạt chuẩn quốc gia, chiếm tỉ lệ 60%; trong đó có 25 trường "
            f"đạt chuẩn mức độ 2, tỉ lệ {rate}%.")
    got = [c.consistent for c in check_text(text) if c.check == "ratio" and c.stated < 50]
    assert got == [consistent]


@pytest.mark.parametrize("rate,consistent", [("25", True), ("23,2", False)])
def test_changes_restated_after_their_levels_pair_item_by_item(rate: str, consistent: bool) -> None:
    """"giảm 40 vụ (20%), giảm 30 người chết (25%) … ¶ … xảy ra 160 vụ, làm chết 90 người, bị thương 70
    người, giảm 40 vụ, giảm 30 người chết, giảm 10 người bị thương": 30 of the 120 dead last year, not of
    the injured."""
    text = (f"So với cùng kỳ, số vụ tai nạn giao thông giảm 40 vụ (20%), giảm 30 người chết ({rate}%), giảm 10 "
            "người bị thương (12,5%).\n\nTrong kỳ nghỉ, toàn tỉnh xảy ra 160 vụ tai nạn giao thông, làm chết 90 "
            "người, bị thương 70 người, giảm 40 vụ, giảm 30 người chết, giảm 10 người bị thương so với cùng kỳ.")
    got = [c.consistent for c in check_text(text) if c.stated in (25, D("23.2"))]
    assert got == [consistent]


def test_a_recap_sums_up_like_amounts_of_the_paragraphs_before() -> None:
    """"Như vậy, …": its first amount is the sum of two like amounts before it, or its amounts make up one
    of them (an added amount too); only exact sums, so they only confirm."""
    text = ("Năm 2021, tỉnh công nhận 40 sản phẩm OCOP.\n\nNăm 2022, tỉnh công nhận thêm 35 sản phẩm OCOP.\n\n"
            "Như vậy, đến nay toàn tỉnh có 75 sản phẩm OCOP.")
    assert [c.consistent for c in check_text(text) if c.rule == RECAP_RULE] == [True]
    text = ("Tỉnh trao giấy chứng nhận cho 4 dự án với tổng vốn đầu tư 600,5 triệu USD.\n\nNhư vậy, có 1 dự án đăng "
            "ký mới với vốn 200,2 triệu USD và 3 dự án điều chỉnh tăng thêm 400,3 triệu USD.")
    assert [c.consistent for c in check_text(text) if c.rule == RECAP_RULE] == [True, True]
    off = ("Năm 2021, tỉnh công nhận 40 sản phẩm OCOP.\n\nNăm 2022, tỉnh công nhận thêm 35 sản phẩm OCOP.\n\n"
           "Như vậy, đến nay toàn tỉnh có 76 sản phẩm OCOP.")
    assert not [c for c in check_text(off) if c.rule == RECAP_RULE]


@pytest.mark.parametrize("herbs,consistent", [("15", True), ("17", False)])
def test_a_list_wrapped_over_lines_whose_next_clause_lost_its_full_stop(herbs: str, consistent: bool) -> None:
    """Prose from a PDF wrapped mid-sentence (a number among the last words of a line, a comma at its end),
    and a full stop missing before the next clause ("… là 15\\nha diện tích rừng được chăm sóc là 400 ha"):
    the parts that all but make the whole end the list there."""
    text = ("Diện tích rừng trồng mới\ntập trung năm nay ước đạt 540 ha,\nbằng 105% kế hoạch năm và tăng 8% so\nvới "
            "năm trước; Bao gồm, 500 ha rừng sản\nxuất, 25 ha rừng phòng hộ, rừng đặc\ndụng và diện tích trồng cây "
            f"dược liệu là {herbs}\nha diện tích rừng được chăm sóc là 400 ha.")
    assert [c.consistent for c in check_text(text) if c.check == "sum" and c.stated == 540] == [consistent]


def test_a_rate_of_plan_is_over_the_part_of_the_plan_its_words_name() -> None:
    """The plan is broken down after "Trong đó"; a source's disbursement "bằng …% kế hoạch" is of that
    source's part of the plan, named by the same words, sentences later."""
    text = ("Kế hoạch vốn đầu tư công năm 2024 của huyện là 820,5 tỷ đồng. Trong đó, vốn ngân sách tỉnh "
            "600,3 tỷ đồng; vốn ngân sách huyện 220,2 tỷ đồng. Đến hết tháng 9, toàn huyện giải ngân 400,1 tỷ "
            "đồng. Vốn ngân sách huyện giải ngân 150,4 tỷ đồng, bằng 68,3% kế hoạch.")
    rates = [c for c in check_text(text) if c.check == "ratio" and c.stated == Decimal("68.3")]
    assert [(c.consistent, [f["raw"] for f in c.figures]) for c in rates] == [
        (True, ["68,3%", "150,4 tỷ đồng", "220,2 tỷ đồng"])
    ]
    assert "kế hoạch" in rates[0].rule  # read as a rate of plan, not found by trying pairs of numbers


def test_a_figure_after_a_share_with_a_share_of_its_own_is_the_next_item_not_the_whole() -> None:
    """"…, chiếm 40% số người được hỗ trợ học nghề; 30.000 người được hỗ trợ …, chiếm 60%": the
    30.000 named like the whole is the second item; 20.000 of it is no 40%."""
    text = ("Trong đó, 30.000 lao động nữ, chiếm 60% tổng số người được hỗ trợ học nghề; 20.000 người được hỗ trợ "
            "học nghề nông nghiệp, chiếm 40% số người được hỗ trợ học nghề; 30.000 người được hỗ trợ học nghề "
            "phi nông nghiệp, chiếm 60%.")
    assert alarms_of(text) == []


def test_counts_right_after_a_whole_that_add_up_to_it_before_the_next_whole_in_the_sentence() -> None:
    """"triển khai 14 cuộc …; đã kết luận 5 cuộc, … 4 cuộc, … 5 cuộc; triển khai 20 cuộc …": the
    next count is as large as the whole, so it opens the next list, and the three confirm the 14."""
    text = ("Về đầu tư xây dựng, triển khai 14 cuộc thanh tra tại 12 đơn vị; đã ban hành kết luận 5 cuộc, đang "
            "dự thảo kết luận 4 cuộc, đang tiến hành thanh tra 5 cuộc; triển khai 20 cuộc thanh tra tài chính "
            "tại 20 đơn vị; đã kết luận 8 cuộc.")
    assert _sets(text, "sum").get(("14", "5", "4", "5")) is True


def test_farms_share_of_a_herd_is_no_share_of_the_farms() -> None:
    """"… 120 trang trại lợn, 700 trang trại gia cầm, chiếm 50,5% tổng đàn lợn …": a share of the herds
    the farms hold, not of the 820 farms."""
    text = ("Toàn tỉnh có 820 trang trại chăn nuôi. Trong đó, có 120 trang trại lợn, 700 trang trại gia cầm, "
            "chiếm 50,5% tổng đàn lợn và 49,2% tổng đàn gia cầm toàn tỉnh.")
    assert alarms_of(text) == []


def test_fractions_after_a_fraction_and_its_semicolon_then_trong_do_break_it_down() -> None:
    """"… 12/40 đơn; trong đó, … 6/30 khiếu nại, 4/4 tố cáo, 2/6 kiến nghị": the ";" before the marker
    ends no list; numerators and denominators both add up."""
    text = "Các cơ quan đã giải quyết 12/40 đơn; trong đó, đã giải quyết 6/30 khiếu nại, 4/4 tố cáo, 2/6 kiến nghị."
    rules = {c.rule: c.consistent for c in check_text(text) if c.check == "sum"}
    assert rules == {
        "phân số chia theo phần sau tổng (tử số)": True,
        "phân số chia theo phần sau tổng (mẫu số)": True,
    }


def test_two_shares_side_by_side_that_make_100_confirm_beside_a_share_of_another_grouping() -> None:
    """"đoàn viên chiếm 70,4%, công đoàn viên 29,6%, học sinh - sinh viên 48,2%": the first two split
    the new members; the third is another grouping of them."""
    text = ("Trong đó, tỷ lệ đảng viên mới kết nạp là đoàn viên chiếm 70,4%, công đoàn viên 29,6%, học sinh - sinh "
            "viên 48,2%.")
    assert [(c.consistent, [f["raw"] for f in c.figures]) for c in check_text(text) if c.check == "shares"] == [
        (True, ["70,4%", "29,6%"])
    ]


def test_a_count_beside_the_whole_in_an_identity_is_no_part_of_its_breakdown() -> None:
    """"xử lý 300 tin, trong đó … 200 tin …, … 100 tin, đang tiếp tục giải quyết 100 tin": what is still
    pending stands beside what was handled (handled + pending = received), so it is neither a part of the
    300 nor, with the 300's parts, a breakdown of the 400."""
    text = ("Trong quý, Công an huyện đã tiếp nhận 400 tin báo, xử lý 300 tin, trong đó có 200 tin đủ yếu tố khởi "
            "tố và không khởi tố là 100 tin, đang tiếp tục giải quyết 100 tin, so với cùng kỳ năm 2023 tăng 12 tin.")
    sums = {(c.stated, tuple(f["raw"] for f in c.figures[1:])): c.consistent for c in check_text(text)
            if c.check == "sum"}
    assert sums == {(D(400), ("300", "100")): True, (D(300), ("200", "100")): True}


@pytest.mark.parametrize("late,consistent", [("150", True), ("50", False)])
def test_a_pending_count_inside_a_list_of_how_files_were_resolved_is_passed_over(late: str, consistent: bool) -> None:
    text = (f"Trung tâm đã giải quyết và trả kết quả 2.700 hồ sơ, đạt 93%; trong đó, trả trước hạn 2.200 hồ sơ; "
            f"đúng hạn 350 hồ sơ; đang giải quyết 120 hồ sơ; trả quá hạn {late} hồ sơ.")
    assert _sets(text, "sum").get(("2.700", "2.200", "350", late)) is consistent


@pytest.mark.parametrize("gap", [" (giảm", ", (giảm", " so với cùng kỳ - giảm"])
def test_a_level_beside_its_fall_names_the_fall_as_the_change_not_as_the_whole(gap: str) -> None:
    """"đàn lợn 450.000 con, bằng 90%, (giảm 50.000 con …)": last year's herd is 500.000, which the text does
    not print; the check shows this year's count and the fall it was derived with, each in its role."""
    text = f"Đàn lợn ước tính 450.000 con, bằng 90%{gap} 50.000 con so với cùng kỳ năm trước)."
    levels = [c for c in check_text(text) if c.rule.startswith("số kỳ này bằng X%")]
    assert [(c.consistent, c.roles, [f["raw"] for f in c.figures]) for c in levels] == [
        (True, ["rate", "numerator", "change"], ["90%", "450.000", "50.000"])
    ]


def test_a_bracket_naming_the_items_beside_its_figure_again_is_no_breakdown_of_that_figure() -> None:
    """"khiển trách 4, cảnh cáo 2, khai trừ 3 (trong đó, UBKT cảnh cáo 2, khai trừ 3)": the bracket
    names the list's items again (the ones the inspection committee decided), not parts of the 3."""
    text = ("Đảng bộ Khối có 9 trường hợp bị thi hành kỷ luật, với hình thức khiển trách 4, cảnh cáo 2, khai trừ 3 "
            "(trong đó, UBKT Đảng ủy Khối cảnh cáo 2, khai trừ 3).")
    assert alarms_of(text) == []


@pytest.mark.parametrize("central,consistent", [("1.213.500", True), ("1.313.500", False)])
def test_an_amount_said_to_be_above_its_parts_sum_holds_if_they_pass_it_by_a_little(
    central: str, consistent: bool
) -> None:
    """"đã phân bổ hơn 5.023.500 triệu đồng; trong đó, … 1.213.500 …, … 3.837.500 …": parts that
    pass a lower bound by a little keep it; by more than `QA_HEDGE_ABOVE_REACH` they do not."""
    text = (f"Đến nay, đã phân bổ hơn 5.023.500 triệu đồng; trong đó, ngân sách trung ương phân bổ {central} "
            "triệu đồng, vốn ngân sách địa phương 3.837.500 triệu đồng.")
    raws = tuple(f"{v} triệu đồng" for v in ("5.023.500", central, "3.837.500"))
    assert _sets(text, "sum").get(raws) is consistent


def test_a_share_that_misses_the_sum_its_siblings_hold_over_alarms() -> None:
    """"trên đại học 300 người (tỉ lệ 60%); đại học 180 người (tỉ lệ 36%); dưới đại học 20 người (tỉ lệ
    5%)": the shares make about 100% and two hold over 300 + 180 + 20; 20/500 is 4%, not 5%."""
    text = ("ĐB tái cử 160 người (tỉ lệ 32%); ĐB tham gia lần đầu 320 người (tỉ lệ 64%). + Trình độ: trên đại học "
            "300 người (tỉ lệ 60%); đại học 180 người (tỉ lệ 36%); dưới đại học 20 người (tỉ lệ 5%).")
    assert [c.consistent for c in check_text(text) if c.check == "ratio" and c.stated == D(5)] == [False]


@pytest.mark.parametrize("ratio,consistent", [("112,7", True), ("111,5", False)])
def test_a_ratio_per_hundred_over_the_pair_of_counts_before_it(ratio: str, consistent: bool) -> None:
    """"6.200 trẻ trai/5.500 trẻ gái … tỷ số giới tính khi sinh là 112,7 trẻ trai/100 trẻ gái (năm
    2020 là 114,0 …)": boys per hundred girls is the pair's first over its second × 100; last period's
    ratio in brackets is of other counts."""
    text = (f"Năm 2023 có 6.200 trẻ trai/5.500 trẻ gái được sinh ra. Theo đó, tỷ số giới tính khi sinh là {ratio} "
            "trẻ trai/100 trẻ gái (năm 2020 là 114,0 trẻ trai/100 trẻ gái).")
    per_hundred = [c for c in check_text(text) if c.rule.startswith("tỷ số trên 100")]
    assert [(c.stated, c.consistent) for c in per_hundred] == [(D(ratio.replace(",", ".")), consistent)]


NO_ALARMS = [
    ("shares whose own amounts give one whole larger than the amounts: a kind left out, no misprint",
     "Qua xác minh, có 11.000 việc có điều kiện thi hành (chiếm 72,73%) và 4.000 việc chưa có điều kiện thi hành "
     "(chiếm 26,45%)."),
    ("a fraction of areas each of which reached 100%",
     "Đến 13 giờ có 950.000 cử tri đi bầu, chiếm tỷ lệ 88%; 410/1.700 khu vực bỏ phiếu cử tri đi bầu đạt 100%."),
    ("a share of the same named total before the rate is its sibling, not its whole",
     "Thị xã có số vốn đăng ký là 350 tỷ đồng, chiếm 50% tổng số vốn đăng ký của cả tỉnh. Huyện B có số vốn đăng "
     "ký 112 tỷ đồng, chiếm 16% tổng số vốn đăng ký của cả tỉnh."),
    ("counts of other nouns beside a total one off their sum",
     "Phát triển 1.500 hội viên mới; vận động xây dựng 200 căn nhà đồng đội. Giúp 1.699 cựu chiến binh được "
     "hưởng chế độ bảo hiểm y tế."),
    ("a target equal to the new total is no part of it",
     "Năm nay phấn đấu tập hợp 900 câu lạc bộ. Kết quả tổ chức ra mắt được 387 câu lạc bộ, nâng tổng số lên 900 "
     "câu lạc bộ."),
    ("the amount after 'đạt 60% dự toán giao và …' is the next item's, not the plan the rate is of",
     "Trong đó, chi thường xuyên là 120,5 tỷ đồng, đạt 60% dự toán giao và chi đầu tư là 48,2 tỷ đồng, đạt 35% "
     "dự toán giao."),
    ("a rise of one total beside a later subgroup of a like total: a guessed pairing, off by two by chance",
     "Toàn huyện có 8.412 hộ khó khăn (tăng 95 hộ so với đầu năm), trong đó 2.210 hộ ở vùng cao; hộ cận nghèo có "
     "9.007 hộ (tăng 40 hộ so với đầu năm), trong đó 2.303 hộ ở vùng cao."),
]


@pytest.mark.parametrize("what,text", NO_ALARMS, ids=[n[0] for n in NO_ALARMS])
def test_readings_that_raise_no_alarm(what: str, text: str) -> None:
    assert alarms_of(text) == []


def test_a_count_out_of_a_count_of_its_noun_is_no_hedge_and_a_share_printed_with_zeros_keeps_its_places() -> None:
    """"15 đại biểu trúng cử trên 15 đại biểu được ấn định": "trên" is "out of", not "more than", so
    it widens nothing; "21,00%" states two decimals, and 3/15 is 20,00%."""
    text = ("Kết quả có 15 đại biểu trúng cử trên 15 đại biểu được ấn định. Trong đó: Nữ 05 người, chiếm 33,33%; "
            "dân tộc thiểu số 03 người, chiếm 20,00%; tái cử 03 người chiếm 21,00%.")
    assert [f.qualifier for f in extract_figures(text)][:2] == [None, None]
    alarms = [c for c in check_text(text) if not c.consistent]
    assert [c.stated for c in alarms] == [D(21)] and "= 20,000%" in alarms[0].message


def test_a_share_that_misses_the_printed_total_its_listed_siblings_hold_over_alarms() -> None:
    """The blocks' counts add up to the printed 1.000.000 files and their shares make about 100%; the
    others hold over it, so "Khối A1: 55.000 chiếm tỷ lệ 5,2%" (5,5%) is a misprint."""
    text = ("Tổng số hồ sơ đăng ký là 1.400.000, trong đó hồ sơ đại học 1.000.000, chiếm tỷ lệ 71,4%. Hồ sơ phân "
            "theo khối thi, Khối A: 470.000 chiếm tỷ lệ 47%; Khối A1: 55.000 chiếm tỷ lệ 5,2%; Khối B: 213.000 "
            "chiếm tỷ lệ 21,3%; Khối C: 62.000 chiếm tỷ lệ 6,2%; Khối D1: 163.000 chiếm tỷ lệ 16,3%; Khối khác: "
            "37.000 chiếm tỷ lệ 3,7%.")
    assert [c.consistent for c in check_text(text) if c.check == "ratio" and c.stated == D("5.2")] == [False]


def test_a_whole_said_to_be_nearly_so_much_bounds_the_rate_over_it_both_ways() -> None:
    from scraper.qa.verdicts import ratio_agrees

    """"gần 1,2 tỷ USD": a little below 1,2 tỷ, so a rate over it is a little above the printed ratio, not
    any rate at all; the 50% rise of 90 over 40 million is still wrong."""
    text = ("Trong đó, 8 dự án cấp mới với tổng vốn đăng ký gần 1,2 tỷ USD. 5 dự án điều chỉnh tăng vốn, đạt 90 "
            "triệu USD, tăng 50% so với cùng kỳ năm trước (40 triệu USD).")
    assert [c.consistent for c in check_text(text) if c.stated == D(50)] == [False]
    by_raw = {f.raw: f for f in extract_figures(text)}
    whole, part, rate = by_raw["1,2 tỷ USD"], by_raw["40 triệu USD"], by_raw["50%"]
    assert whole.qualifier == "gần" and not ratio_agrees(rate, part, whole.value, (part, whole))[0]


def test_a_part_broken_down_again_stays_one_part_of_the_whole() -> None:
    """"450 … có 380 …, trong đó 376 … và 4 …. … 70 …": 380 and 70 make 450; 376 and 4 are a level below
    (they make 380), not parts of 450 beside 70."""
    text = ("Năm nay có 450 công dân nhập ngũ, có 380 công dân thực hiện nghĩa vụ quân sự, trong đó 376 công dân nam "
            "và 4 công dân nữ. Thực hiện nghĩa vụ công an là 70 công dân.")
    sums = {c.stated: [f["raw"] for f in c.figures if f["raw"] != str(c.stated)] for c in check_text(text)}
    assert sums == {D(450): ["380", "70"], D(380): ["376", "4"]}


def test_parts_that_make_the_cell_beside_a_total_exactly_raise_no_slip_on_it() -> None:
    """A flattened table row "1.520 | 380 | 1.900 | 1.901 | 1.520 | …": the two counts make the 1.900 beside them;
    the 1.901 after it is another column (and the counts are said again after it), not their total misprinted."""
    text = "Xã A\n|\n1.520\n|\n380\n|\n1.900\n|\n1.901\n|\n1.520\n|\n1.520\n|\n380\n|\n381\n|\n"
    assert [(head, ok) for head, ok in _heads(text, "sum")] == [("Tổng các phần 1.520 + 380", True)]


def test_rates_of_a_list_that_make_far_more_than_100_percent_are_no_shares_of_its_whole() -> None:
    """Each crop's rate is of its own plan ("… KH"): 58 + 83,33 + 50 is far over 100%, so none of them is a
    share of the area sown, and none alarms over it."""
    text = ("Đến nay toàn tỉnh đã gieo trồng được 10.000 ha/16.000 ha, đạt 62,5% kế hoạch. Trong đó lúa 6.000 ha "
            "(đạt 58%); ngô 2.500 ha (83,33%); rau các loại 1.500 ha (50%) KH.")
    checks = check_text(text)
    assert not [c.message for c in checks if not c.consistent]
    assert [ok for _, ok in _heads(text, "sum")] == [True]


@pytest.mark.parametrize("vegetables,consistent", [("1.500", True), ("1.503", False)])
def test_parts_after_a_done_over_planned_pair_are_of_what_was_done(vegetables: str, consistent: bool) -> None:
    """"gieo trồng được 10.000 ha/16.000 ha": the 16.000 after the slash is the plan; the crops below a
    blank line and "Trong đó" make up the 10.000 sown, and a list that misses it is judged against it."""
    text = ("Đến nay toàn tỉnh đã gieo trồng được 10.000 ha/16.000 ha, đạt 62,5% kế hoạch.\n \nTrong đó lúa "
            f"6.000 ha (đạt 58%); ngô: 2.500 ha (83,33%); rau các loại: {vegetables} ha (50%) KH.")
    assert {c.stated: c.consistent for c in check_text(text) if c.check == "sum"} == {D(10000): consistent}


_WRAPPED_HEADER = (
    "STT | Đơn vị | Tỷ lệ chung (%) |\nTổng số hộ nghèo và cận nghèo (hộ) | Tỷ lệ hộ nghèo (%) | Hộ nghèo | Tỷ lệ hộ "
    "cận nghèo (%) | Hộ cận nghèo | |\nA | B | 1 | 2 | 3 | 4 | 5 | 6 | |\n1 | Xã Một | 5,50 | 110 | 2,50 | 50 | 3,00 "
    "| 60 | |\n2 | Xã Hai | 4,00 | 80 | 1,50 | 30 | 2,50 | 50 | |\n3 | Xã Ba | {rate} | 120 | 3,00 | 60 | 3,00 | "
    "{near_poor} | |"
)


@pytest.mark.parametrize(
    "rate,near_poor,verdicts",
    [
        ("6,00", "60", {"tổng các cột tỷ lệ": [True] * 3, "tổng các cột (": [True] * 3}),
        ("6,00", "70", {"tổng các cột tỷ lệ": [True] * 3, "tổng các cột (": [True, True, False]}),
        ("6,50", "60", {"tổng các cột tỷ lệ": [True, True, False], "tổng các cột (": [True] * 3}),
    ],
)
def test_a_table_header_wrapped_over_two_lines_names_its_total_columns(
    rate: str, near_poor: str, verdicts: dict[str, list[bool]]
) -> None:
    """A " | " table whose header goes on over a second line: the "Tổng số …" column is the sum of the count
    columns, and the rate beside it the sum of the rates beside them, row by row."""
    checks = check_text(_WRAPPED_HEADER.format(rate=rate, near_poor=near_poor))
    got = {key: [c.consistent for c in checks if key in (c.rule or "")] for key in verdicts}
    assert got == verdicts


def test_a_rate_that_bounds_a_group_is_no_share_of_a_breakdown() -> None:
    """"số xã có tỷ lệ nợ quá hạn nhỏ hơn 0,5%", "… từ 0,5% trở lên": bounds that name the groups,
    not shares: the groups' shares alone make 100%."""
    text = ("Toàn tỉnh có 50 xã không có nợ quá hạn, chiếm 25% số xã; số xã có tỷ lệ nợ quá hạn nhỏ hơn 0,5% là 130 "
            "xã, chiếm 65% số xã; số xã có tỷ lệ nợ quá hạn từ 0,5% trở lên 20 xã, chiếm 10%.")
    assert [(head, ok) for head, ok in _heads(text, "shares")] == [("Các tỷ lệ 25% + 65% + 10%", True)]


@pytest.mark.parametrize(
    "last,verdicts",
    [("0,3", []), ("0,5", [False]), ("0,31", [False])],
)
def test_shares_of_one_base_add_up_as_their_counts_do(last: str, verdicts: list[bool]) -> None:
    """The counts make their whole exactly and each share is its count over the whole's base: the shares
    must make the whole's share too. A miss within their rounding is still a miss as printed (flagged as
    within rounding, as hand checkers count it), and rates of their own bases (the districts' own rates)
    are never summed."""
    text = ("Tổng số hộ nghèo đầu năm là 1.000 hộ, chiếm tỷ lệ 1,00%. Trong đó hộ nghèo chuẩn A là 300 hộ, tỷ lệ "
            f"0,3%; hộ cận nghèo chuẩn A là 400 hộ tỷ lệ 0,4%; hộ nghèo chuẩn B là 300 hộ, tỷ lệ {last}%.")
    rule = "tỷ lệ của các phần cộng lại"
    failing = [c for c in check_text(text) if rule in (c.rule or "") and not c.consistent]
    assert [c.consistent for c in failing] == verdicts
    assert [c.rounding for c in failing] == [last == "0,31"] * len(failing)
    own = "Toàn tỉnh có 1.000 hộ nghèo, chiếm tỷ lệ 5%. Trong đó huyện A có 400 hộ, tỷ lệ 8%; huyện B có 600 hộ, tỷ lệ 4%."
    assert not [c for c in check_text(own) if rule in (c.rule or "")]


def test_a_rate_holding_over_two_wholes_is_read_over_its_siblings():
    # 1.941/2.000 = 97,05% holds over what was received only; 19 late files are 1,0% of either count,
    # and the closer reading (of the 1.960 resolved) is not the report's
    text = (
        "Năm nay, phường tiếp nhận 2.000 hồ sơ, đã giải quyết 1.960 hồ sơ. Trong đó, đúng hạn 1.941 hồ sơ, "
        "đạt tỷ lệ 97,05%; 19 hồ sơ trễ hạn, đạt tỷ lệ 1,0%."
    )
    late = [c for c in check_text(text) if c.check == "ratio" and c.figures[0]["raw"] == "1,0%"]
    assert [[f["raw"] for f in c.figures] for c in late] == [["1,0%", "19", "2.000"]]
    assert late[0].consistent


def test_shares_naming_one_total_add_up_in_brackets_or_not():
    text = (
        "Tổng thu nội địa đạt 3.200 tỷ đồng, bằng 102,5% dự toán, trong đó 10/14 khoản thu đạt dự toán, các "
        "khoản này chiếm tỷ trọng 88,4% tổng thu nội địa; 4/14 khoản thu không đạt (các khoản này chiếm tỷ "
        "trọng {}% tổng thu nội địa)."
    )
    shares = [c for c in check_text(text.format("11,6")) if c.check == "shares"]
    assert [([f["raw"] for f in c.figures], c.consistent) for c in shares] == [(["88,4%", "11,6%"], True)]
    # … or in the next sentence of the paragraph
    text = text.replace("; 4/14", ". Có 4/14")
    shares = [c for c in check_text(text.format("11,6")) if c.check == "shares"]
    assert [([f["raw"] for f in c.figures], c.consistent) for c in shares] == [(["88,4%", "11,6%"], True)]
    # they are not said to be all of it: shares that miss 100% confirm nothing and alarm on nothing
    assert not [c for c in check_text(text.format("12,6")) if c.check == "shares"]


@pytest.mark.parametrize("late", ["200", "210"])
def test_a_rate_named_for_on_time_files_is_not_of_the_late_count_before_it(late: str) -> None:
    # "sớm hạn" is ahead of time; the rate is (early + on time) / received, which no rule reads: no alarm
    text = (
        "Trong tháng, tỉnh tiếp nhận 5.000 hồ sơ.\nKết quả có 4.500 hồ sơ giải quyết sớm hạn, 300 hồ sơ giải "
        f"quyết đúng hạn và {late} hồ sơ giải quyết trễ hạn, tỷ lệ giải quyết đúng hạn đạt 96%."
    )
    assert not [c for c in check_text(text) if c.check == "ratio" and not c.consistent]


def test_a_plan_allocated_by_someone_is_the_plan_a_rate_of_plan_is_of():
    text = (
        "Tổng vốn đầu tư công năm nay được Ủy ban nhân dân tỉnh giao cho huyện là 800 tỷ đồng. Đến hết "
        "tháng 9, huyện đã giải ngân 500 tỷ đồng, đạt 62,5% kế hoạch."
    )
    ratios = [c for c in check_text(text) if c.check == "ratio"]
    expected = [["62,5%", "500 tỷ đồng", "800 tỷ đồng"]]
    assert [[f["raw"] for f in c.figures] for c in ratios] == expected
    assert ratios[0].consistent and "kế hoạch" in ratios[0].rule


@pytest.mark.parametrize("pending,consistent", [("17", True), ("18", False)])
def test_shares_of_files_name_those_still_in_time(pending: str, consistent: bool) -> None:
    text = (
        "Trong tháng, số hồ sơ giải quyết đúng, trước hạn là 80,5%; số hồ sơ giải quyết quá hạn: 2,5%; "
        f"số hồ sơ đang trong thời gian giải quyết theo quy định là {pending}%."
    )
    shares = [c for c in check_text(text) if c.check == "shares"]
    assert [(len(c.figures), c.consistent) for c in shares] == [(3, consistent)]


@pytest.mark.parametrize("late,consistent", [("4,96", True), ("5,96", None)])
def test_shares_named_by_outcome_across_sentences_confirm(late: str, consistent: bool | None) -> None:
    # on time in one sentence, late in the next: a breakdown only by their words, so it confirms only
    text = (
        "Trong quý, thành phố đã giải quyết 1.250 hồ sơ, trong đó 1.188 hồ sơ đúng và sớm hạn, đạt 95,04%. "
        f"Tỷ lệ hồ sơ trễ hạn còn {late}%, giảm 0,5% so với quý trước."
    )
    shares = [c for c in check_text(text) if c.check == "shares"]
    assert [c.consistent for c in shares] == ([] if consistent is None else [consistent])


@pytest.mark.parametrize(
    "tail,alarms", [("; các loại cây khác chiếm phần không đáng kể.", False), (".", True)]
)
def test_shares_short_of_100_alarm_unless_the_rest_is_named(tail: str, alarms: bool) -> None:
    text = "Vụ mùa năm nay, cây lương thực chiếm 87,5%, cây chất bột chiếm 0,5%, rau các loại chiếm 10,5%"
    text += tail
    shares = [c for c in check_text(text) if c.check == "shares"]
    assert [c.consistent for c in shares] == ([False] if alarms else [])


def test_a_whole_naming_several_nouns_is_the_whole_of_each():
    # "nhà trẻ, trường mẫu giáo, trường mầm non": schools are among what the 500 count
    text = (
        "Toàn tỉnh hiện có 500 nhà trẻ, trường mẫu giáo, trường mầm non. Trong đó, 400 trường công lập (tỷ lệ "
        "80%), 100 trường ngoài công lập (tỷ lệ 20%)."
    )
    ratios = [[f["raw"] for f in c.figures] for c in check_text(text) if c.check == "ratio"]
    assert ratios == [["80%", "400", "500"], ["20%", "100", "500"]]


def _yearbook_with_structure(state_share_last_year: str) -> str:
    """A yearbook table as it reaches the text, one cell a line: values, then 'Cơ cấu (%)' with the same
    rows again as shares of the total row (invented figures)."""
    rows = [
        ("TỔNG SỐ - TOTAL", ["1.000,00", "1.200,00", "1.500,00"]),
        ("Nhà nước - State", ["100,00", "120,00", "150,00"]),
        ("Ngoài Nhà nước - Non-State", ["900,00", "1.080,00", "1.350,00"]),
        ("Cơ cấu - Structure (%)\n\nTỔNG SỐ - TOTAL", ["100,00", "100,00", "100,00"]),
        ("Nhà nước - State", ["10,00", "10,00", state_share_last_year]),
        ("Ngoài Nhà nước - Non-State", ["90,00", "90,00", "90,00"]),
    ]
    head = "Doanh thu vận tải phân theo loại hình kinh tế\n\n2019\n\n2020\n\n2021\n\n"
    return head + "\n\n".join(label + "\n\n" + "\n\n".join(cells) for label, cells in rows)


@pytest.mark.parametrize("share,alarms", [("10,00", []), ("10,10", ["ratio", "sum"])])
def test_a_yearbook_structure_block_is_read_as_shares_of_the_total_row(share: str, alarms: list) -> None:
    """Below the values, "Cơ cấu (%)" repeats the rows as shares: each row adds up to its 100 and each cell
    is its value over the total row's; a misprinted share breaks both."""
    checks = check_text(_yearbook_with_structure(share))
    structure = [c for c in checks if "(cơ cấu %)" in (c.rule or "")]
    assert len(structure) == 6 and [c.stated for c in structure][:2] == [Decimal("10.00"), Decimal("10.00")]
    shares_sum = [c for c in checks if c.check == "sum" and c.stated == 100]
    assert len(shares_sum) == 3
    assert sorted(c.check for c in checks if not c.consistent) == alarms


def test_a_plan_named_after_a_rate_is_no_whole_of_the_parts() -> None:
    """"đạt 51,8% so với nghị quyết (23.600 tỷ đồng); trong đó thu A … đạt 50,51%": the parts' rates are of
    their own plans, never of the total's plan in brackets."""
    text = ("Tổng thu ngân sách 6 tháng là 12.000 tỷ đồng, đạt 50,9% so với nghị quyết đề ra "
            "(23.600 tỷ đồng); trong đó, thu nội địa 9.000 tỷ đồng, đạt 48,2% và thu từ xuất nhập khẩu "
            "3.000 tỷ đồng, đạt 61%.")
    ratios = [c for c in check_text(text) if c.check == "ratio"]
    assert not [c for c in ratios if c.stated in (Decimal("48.2"), Decimal("61"))]
    assert [c.consistent for c in ratios if c.stated == Decimal("50.9")] == [True]


@pytest.mark.parametrize("rural,alarm", [("11,51", False), ("11,52", True)])
def test_shares_said_before_their_counts_with_voi_add_up_as_the_counts_do(rural: str, alarm: bool) -> None:
    """"chiếm 11,51% với 23.300 hộ, trong đó tỷ lệ hộ nghèo 5,96% với 12.065 hộ; …": the share
    before a count joined by "với" is that count's own, and the shares of a breakdown make the
    whole's share."""
    text = (f"Tỷ lệ nghèo đa chiều ở nông thôn chiếm {rural}% với 23.300 hộ, trong đó tỷ lệ hộ nghèo "
            "5,96% với 12.065 hộ; tỷ lệ hộ cận nghèo 5,55% với 11.235 hộ.")
    stated = Decimal(rural.replace(",", "."))
    shares = [c for c in check_text(text) if c.check == "sum" and c.stated == stated]
    assert [not c.consistent for c in shares] == [alarm]



CONTRIBUTION_OPENINGS = [
    # the growth the sentence opens on, "điểm" standing for "điểm phần trăm" after "đóng góp"
    ("Trong mức tăng 6% của nền kinh tế, khu vực dịch vụ tăng 7,1%, đóng góp 3,5 điểm phần trăm; công "
     "nghiệp tăng 5,2%, đóng góp 2,1 điểm; nông nghiệp tăng 1,5%, đóng góp {last} điểm.", "6", "0,4", "1,9"),
    # "Đóng góp vào tăng trưởng chung X%": the opener is the growth, not a sector's own
    ("Đóng góp vào tăng trưởng chung 8,40%, nông nghiệp đóng góp 0,50 điểm%; công nghiệp đóng góp 5,10 "
     "điểm%; dịch vụ đóng góp {last} điểm%.", "8.40", "2,80", "3,10"),
    # the growth a paragraph before the one that breaks it down ("Trong đó, …"), past a caption
    ("GRDP năm 2024 ước tăng 8,5% so với năm trước.\n\nẢnh minh họa\n\nTrong đó, khu vực nông nghiệp tăng "
     "2,1%, đóng góp 0,4 điểm %; khu vực công nghiệp tăng 12%, đóng góp 5,1 điểm %; khu vực dịch vụ tăng "
     "6%, đóng góp {last} điểm %.", "8.5", "3", "3,4"),
]


@pytest.mark.parametrize("template,growth,good,bad", CONTRIBUTION_OPENINGS)
def test_contributions_add_up_to_the_growth_they_open_on(template: str, growth: str, good: str, bad: str):
    """Sectors' contributions in points add up to the growth the passage opens on, never to a sector's
    own growth printed right before its contribution."""
    rule = "đóng góp (điểm phần trăm)"
    for last, ok in ((good, True), (bad, False)):
        checks = [c for c in check_text(template.format(last=last)) if rule in (c.rule or "")]
        assert [(c.stated, c.consistent) for c in checks] == [(Decimal(growth), ok)]


@pytest.mark.parametrize("share,ok", [("15", True), ("16,2", False)])
def test_a_share_naming_what_a_fraction_counts_is_its_rate_however_far(share: str, ok: bool) -> None:
    """"có 45/300 xã … (tăng 2 xã …) đã đạt chuẩn …, chiếm 15% tổng số xã": the share names the total of
    the fraction's noun, with other figures between them."""
    rule = "phân số, rồi 'chiếm … tổng số"
    text = (f"Toàn tỉnh có 45/300 xã thuộc 12 huyện (tăng 2 xã so với quý trước) đã được công nhận đạt chuẩn "
            f"nông thôn mới nâng cao, chiếm {share}% tổng số xã của tỉnh.")
    assert [c.consistent for c in check_text(text) if rule in (c.rule or "")] == [ok]
    other = ("Toàn tỉnh có 6/10 huyện thuộc vùng núi (tăng 2 huyện so với quý trước) đã hoàn thành nhiệm vụ, "
             "chiếm 20% tổng số xã của tỉnh.")
    assert not [c for c in check_text(other) if rule in (c.rule or "")]


@pytest.mark.parametrize("rise,ok", [("12,5", True), ("13,5", False)])
def test_a_change_with_both_periods_in_brackets_is_checked(rise: str, ok: bool) -> None:
    """"tăng 12,5% (1.350 vụ giai đoạn 2016-2020/1.200 vụ giai đoạn 2011-2015)": this period's value and
    last period's, split by a slash in the bracket after the change, give the change."""
    text = (f"So với giai đoạn trước, số vụ tai nạn tăng {rise}% (1.350 vụ giai đoạn 2016-2020/1.200 vụ "
            "giai đoạn 2011-2015).")
    rule = "(số kỳ này / số kỳ trước)"
    assert [c.consistent for c in check_text(text) if rule in (c.rule or "")] == [ok]


def test_shares_that_hold_over_their_counts_sum_never_alarm_over_a_guessed_whole() -> None:
    """Two shares printed to the hundredth make 100% and each holds over the sum of their counts (302),
    a whole the text leaves out: the 298 read as their whole was a guess, and raises nothing. When the
    shares hold over neither, the alarms stay."""
    text = ("Trong số người nộp hồ sơ hưởng trợ cấp có 4 người hết hạn hợp đồng lao động và 298 người "
            "chấm dứt hợp đồng lao động trước thời hạn.\nNếu xét về giới tính thì số lao động nam nộp hồ "
            "sơ là 130 người, chiếm tỷ lệ {a}% trên tổng số người lao động nộp hồ sơ. Số lao động nữ nộp "
            "hồ sơ là 172 người, "
            "chiếm tỷ lệ {b}% trên tổng số người lao động nộp hồ sơ.")
    held = check_text(text.format(a="43,05", b="56,95"))
    assert not [c for c in held if not c.consistent]
    own = [c.stated for c in held if "tổng các phần" in (c.rule or "")]
    assert own == [Decimal("43.05"), Decimal("56.95")]
    assert [c.check for c in check_text(text.format(a="44,05", b="55,95")) if not c.consistent]


@pytest.mark.parametrize(
    "urban,rural,alarms", [("0,80", "1,85", 0), ("0,25", "1,25", 0), ("0,35", "1,25", 1)]
)
def test_parts_rates_on_both_sides_of_the_whole_rate_are_of_their_own_bases(urban, rural, alarms):
    """"3.000 hộ nghèo, chiếm 1,50% … (200.000 hộ); thành thị 500 hộ, 0,80%; nông thôn 2.500 hộ,
    1,85%": the areas' rates lie on both sides of the whole's, so each is of its own area's households,
    never a share of the 200.000; shares of that one base lie below the whole's and are checked (one
    misprinted alarms)."""
    text = ("Tổng số hộ nghèo là 3.000 hộ, chiếm tỷ lệ 1,50% so tổng số hộ toàn tỉnh (200.000 hộ). Trong đó, "
            f"khu vực thành thị có 500 hộ nghèo, chiếm tỷ lệ {urban}%; khu vực nông thôn có 2.500 hộ nghèo, "
            f"tỷ lệ {rural}%.")
    assert len([c for c in check_text(text) if not c.consistent]) == alarms


@pytest.mark.parametrize("rate,shown", [("12,40", [True]), ("13,40", [])])
def test_a_rate_naming_its_whole_in_brackets_after_it_confirms_the_main_amount_before(rate, shown):
    """"… là 54.560 người … Tỷ lệ bao phủ đạt 12,40% so với lực lượng lao động (440.000)": the main amount
    said before (past the rise and the plan in brackets) over the whole printed after the rate; the
    words only suggest the pairing, so it confirms and never alarms."""
    text = ("Đến hết tháng 6, tổng số người tham gia bảo hiểm xã hội toàn tỉnh là 54.560 người, tăng 2.000 "
            f"người so với cùng kỳ (52.560 người). Tỷ lệ bao phủ đạt {rate}% so với lực lượng lao động "
            "(440.000).")
    rule = "tỷ lệ 'so với <danh từ> (N)'"
    assert [c.consistent for c in check_text(text) if rule in (c.rule or "")] == shown


ON_TIME_OVER_RECEIVED = [
    # a rate achieved on time ("đạt 99,5%") of files resolved, a count the text leaves out: no alarm
    ("Cấp huyện tiếp nhận 2.000 hồ sơ (có 1.500 hồ sơ được giải quyết trước và đúng hạn, đạt 99,5%).", 0),
    # "giải quyết trong hạn" is on time, not pending; a bracket of facets (on time, online) is no breakdown
    ("Ở cấp huyện tiếp nhận 2.000 hồ sơ, (có 1.200 hồ sơ giải quyết trong hạn, đạt 96,5%, 900 hồ sơ được "
     "tiếp nhận trực tuyến).", 0),
    # a share of what was received ("trong đó … chiếm 8,5%") is of it: 150/2.000 is 7,5%
    ("Đã tiếp nhận 2.000 hồ sơ, trong đó có 150 hồ sơ bị trễ hạn chiếm tỷ lệ 8,5%.", 1),
    # the two channels of what was received do break it down
    ("Toàn tỉnh tiếp nhận 2.000 hồ sơ (1.200 hồ sơ trực tuyến, 700 hồ sơ trực tiếp).", 1),
]


@pytest.mark.parametrize("text,alarms", ON_TIME_OVER_RECEIVED)
def test_on_time_rates_over_what_was_received_only_confirm_unless_a_share(text: str, alarms: int) -> None:
    assert len([c for c in check_text(text) if not c.consistent]) == alarms


def test_a_count_rate_among_fractions_with_their_own_rates_is_its_own() -> None:
    """"một cửa 800/800 HS (100%), …; liên thông 60/60 HS (100%), …; 140 HS trực tuyến (100%)": the
    last rate is the count's own (all resolved), like its siblings', never a share of the 1.000."""
    text = ("Bộ phận một cửa xã đã giải quyết 1.000/1.000 hồ sơ (đạt tỷ lệ 100%). Trong đó, theo cơ chế "
            "một cửa 800/800 HS (100%), đã giải quyết sớm hẹn 700 HS, đúng hẹn 100 HS; theo cơ chế liên "
            "thông 60/60 HS (100%), sớm hẹn 50 HS, đúng hẹn 10 HS; giải quyết 140 HS trực tuyến (100%), "
            "không có HS trễ hẹn.")
    assert not [c for c in check_text(text) if not c.consistent]


@pytest.mark.parametrize("rate,shown", [("62,5", [True]), ("64,5", [False])])
def test_a_score_out_of_a_maximum_is_a_fraction_of_its_rate(rate: str, shown: list[bool]) -> None:
    """"đạt 7,5/12 điểm, tỷ lệ 62,5%": the score over the maximum."""
    text = f"Chỉ số dịch vụ công trực tuyến của tỉnh đạt 7,5/12 điểm, tỷ lệ: {rate}%."
    assert [c.consistent for c in check_text(text) if c.check == "ratio"] == shown


@pytest.mark.parametrize("rise,ok", [("0,2", True), ("1,2", False)])
def test_last_periods_value_in_brackets_with_its_period_and_verb(rise: str, ok: bool) -> None:
    """"tăng 0,2% so với cùng kỳ (9 tháng năm 2023 thực hiện 30.138,1 tỷ đồng)": the bracket names last
    period and what was done in it: the rise is over that value."""
    text = (f"Tính chung 9 tháng năm 2024, vốn đầu tư ước thực hiện 30.190 tỷ đồng, tăng {rise}% so với "
            "cùng kỳ (9 tháng năm 2023 thực hiện 30.138,1 tỷ đồng).")
    assert [c.consistent for c in check_text(text) if c.check in ("change", "ratio")] == [ok]


@pytest.mark.parametrize("share,shown", [("68", [True]), ("75", [])])
def test_a_total_called_by_its_noun_past_a_grade_and_a_school_year(share: str, shown: list[bool]) -> None:
    """"tổng số học sinh tốt nghiệp lớp 9 năm học 2023-2024 trên toàn tỉnh là 17.000 em … chiếm 68% tổng
    số học sinh lớp 9": the total is called by the noun the share names, past the grade and the school
    year between (a reading the words only suggest: it confirms)."""
    text = ("Theo số liệu thống kê, tổng số học sinh tốt nghiệp lớp 9 năm học 2023-2024 trên toàn tỉnh là "
            "17.000 em. Chỉ tiêu vào lớp 10 của các trường công lập trên địa bàn tỉnh là 11.560, chiếm "
            f"{share}% tổng số học sinh lớp 9.")
    rule = "'chiếm … tổng số <danh từ>'"
    assert [c.consistent for c in check_text(text) if rule in (c.rule or "")] == shown


def test_some_main_items_after_the_marker_are_no_whole_breakdown() -> None:
    """"Cụ thể, diện tích một số loại cây chủ yếu như sau: …": the main crops only, however far short of
    the total they fall; no alarm."""
    text = ("Toàn tỉnh gieo trồng được 31.000 ha, giảm 5% so với vụ Xuân năm trước. Cụ thể, diện tích gieo "
            "trồng một số loại cây chủ yếu như sau: cây lúa đạt 25.000 ha; cây ngô đạt 900 ha; rau các loại "
            "đạt 3.300 ha.")
    assert not [c for c in check_text(text) if c.check == "sum" and not c.consistent]
