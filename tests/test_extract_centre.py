"""The extraction centre's seams: scanner → Candidate → meaning → Figure, relations by id,
figures changed after reading are validated again, and time grows linearly with the text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from scraper import extract_figures, parse_article
from scraper.extract.candidate import Candidate, Scan
from scraper.extract.context import annotate
from scraper.extract.figures import scan

from growth import growth

# Our own wording, modelled on provincial administrative-reform reports.
REPORT = (
    "Năm 2023, toàn tỉnh tiếp nhận 12.400 hồ sơ, trong đó 9.100 hồ sơ trực tuyến và 3.300 hồ sơ trực tiếp. "
    "Đường dây nóng tiếp nhận 450 phản ánh, đã xử lý 405 phản ánh, đạt tỷ lệ 90%.\n"
    "Thu ngân sách 6 tháng đầu năm ước đạt 1.250 tỷ đồng, tăng 8,4% so với cùng kỳ."
)


def test_scanner_hands_public_candidates_to_the_meaning_stage() -> None:
    s = scan(REPORT)
    assert isinstance(s, Scan) and all(isinstance(c, Candidate) for c in s.candidates)
    first = s.candidates[0]
    assert (first.number, first.value, first.kind, first.unit) == ("12.400", Decimal(12400), "count", "hồ sơ")
    money = next(c for c in s.candidates if c.kind == "money")
    assert money.number == "1.250" and money.scale == Decimal(10) ** 9 and money.unit == "đồng"
    assert next(c for c in s.candidates if c.kind == "percent" and c.number == "8,4").change == "tăng"
    assert [c.id for c in s.candidates] == list(range(len(s.candidates)))
    assert annotate(s, published="2023-07-01") == extract_figures(REPORT, published="2023-07-01")


def test_relations_refer_to_figure_ids() -> None:
    figs = extract_figures(REPORT)
    by_id = {f.id: f for f in figs}
    parts = [f for f in figs if f.part_of is not None]
    assert {f.raw for f in parts} == {"9.100", "3.300"}
    assert all(by_id[f.part_of].raw == "12.400" for f in parts)
    rate = next(f for f in figs if f.raw == "90%")
    num, den = (by_id[i].raw for i in rate.computed_from)
    assert (num, den) == ("405", "450")


_TABLE_PAGE = """<html><head><title>Kết quả giải quyết hồ sơ</title></head><body><article>
<h1>Kết quả giải quyết hồ sơ năm 2023</h1>
<p>Trong năm 2023, các đơn vị đã tiếp nhận và giải quyết hồ sơ thủ tục hành chính như sau.</p>
<table><tr><th>Đơn vị</th><th>Số hồ sơ</th><th>Tỷ lệ (%)</th></tr>
<tr><td>Sở Tư pháp</td><td>1.200</td><td>130</td></tr>
<tr><td>Sở Y tế</td><td>800</td><td>95,5</td></tr></table>
<p>Tỷ lệ hồ sơ đúng hạn của Sở Xây dựng là 130%.</p></article></body></html>"""


def test_a_table_cell_made_a_percent_gets_the_same_warning_as_prose() -> None:
    figs = parse_article(_TABLE_PAGE).figures
    cell = next(f for f in figs if f.raw == "130")
    prose = next(f for f in figs if f.raw == "130%")
    assert (cell.kind, cell.unit, cell.column) == ("percent", "%", "Tỷ lệ (%)")
    assert prose.warnings and cell.warnings == prose.warnings
    ok = next(f for f in figs if f.raw == "95,5")
    assert (ok.kind, ok.value, ok.warnings) == ("percent", Decimal("95.5"), [])


def test_changing_a_figure_later_is_validated() -> None:
    f = extract_figures("Có 130 hồ sơ.")[0]
    f.kind = "percent"
    assert f.warnings == ["share above 100% that is not a change or a plan ratio"]


def test_document_seam_reads_cells_and_pages() -> None:
    from scraper.extract.document import Cell, TableRegion, figures_in_text

    page1 = "Báo cáo thu ngân sách quý I/2024 của các huyện.\n"
    header = "Huyện | Thu ngân sách (tỷ đồng) | Tăng so cùng kỳ (%)\n"
    row = "Huyện Đông Sơn | 1.250,5 | 12,4"
    text = page1 + header + row + "\nTrang sau: toàn tỉnh có 3.200 doanh nghiệp mới."
    row_at = len(page1) + len(header)
    money_at, pct_at = row_at + len("Huyện Đông Sơn | "), row_at + len("Huyện Đông Sơn | 1.250,5 | ")
    cells = [
        Cell(money_at, money_at + 7, 0, "Huyện Đông Sơn", "Thu ngân sách (tỷ đồng)"),
        Cell(pct_at, pct_at + 4, 0, "Huyện Đông Sơn", "Tăng so cùng kỳ (%)"),
    ]
    next_page = text.index("Trang sau")
    figs = figures_in_text(
        text,
        cells=cells,
        tables=[TableRegion(0, len(page1), row_at + len(row))],
        page_starts=[0, next_page],
        published="2024-04-20",
    )
    by_raw = {f.raw: f for f in figs}
    money, pct, firms = by_raw["1.250,5"], by_raw["12,4"], by_raw["3.200"]
    assert (money.kind, money.unit, money.value, money.row) == (
        "money",
        "đồng",
        Decimal("1250500000000"),
        "Huyện Đông Sơn",
    )
    assert (pct.kind, pct.change, pct.table, pct.column) == ("percent", "tăng", 0, "Tăng so cùng kỳ (%)")
    assert (money.page, firms.page, firms.table) == (1, 2, None)
    assert all(text[f.start : f.end] == f.raw for f in figs)


def test_time_grows_linearly_with_the_text(seed_body: str) -> None:
    """64 copies of a long report take about 8 times as long as 8 copies (a ratio in one run, not a time)."""
    eight, many = "\n".join([seed_body] * 8), "\n".join([seed_body] * 64)
    ratio = growth(lambda: extract_figures(eight), lambda: extract_figures(many), 8 * 2)
    assert ratio < 8 * 2, f"8x the text took {ratio:.1f}x the time"


def test_time_grows_linearly_where_no_match_can_be_completed() -> None:
    """Numbers everywhere but no ':' (a time), no date, no '(', no 'trở lên': a pattern tried at each
    number must not read the rest of the text for a character its matches would hold
    (settings.MATCH_REACH_CHARS); reading it made 128 copies take ~22 times as long as 16."""
    one = "Lúc 9 giờ sáng có từ 12 hộ và 15 người đến họp. " * 40
    sixteen, many = "\n".join([one] * 16), "\n".join([one] * 128)
    ratio = growth(lambda: extract_figures(sixteen), lambda: extract_figures(many), 8 * 1.6)
    assert ratio < 8 * 1.6, f"8x the text took {ratio:.1f}x the time"


def test_a_run_on_sentence_costs_about_what_short_ones_do() -> None:
    """The same figures in one run-on "sentence" (a flattened table, a page whose blocks were merged:
    cut at settings.MAX_SENTENCE_CHARS) and in short sentences.  Relating each figure to every earlier
    one of its sentence by lower-casing the words between them made the run-on text ~20x as slow."""
    item = "Tiếp nhận 1.234 hồ sơ "
    short = (item.rstrip() + ". ") * 300
    run_on = item * 300
    ratio = growth(lambda: extract_figures(short), lambda: extract_figures(run_on), 4)
    assert ratio < 4, f"the run-on text took {ratio:.1f}x the time of short sentences"


def test_a_crafted_text_is_refused_in_one_line() -> None:
    import pytest

    from scraper import settings
    from scraper.errors import TooLarge

    text = "1 " * (settings.MAX_NUMBERS_PER_TEXT + 1)
    with pytest.raises(TooLarge, match=r"too many numbers") as err:
        extract_figures(text)
    assert "\n" not in str(err.value)


def test_a_sentence_without_breaks_is_read_in_bounded_pieces() -> None:
    from scraper import settings
    from scraper.extract.figures import sentence_spans

    text = ", ".join(f"xã {i} có {i * 7} hộ" for i in range(3000))
    spans = sentence_spans(text)
    assert len(spans) > 1 and all(e - s <= settings.MAX_SENTENCE_CHARS for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_suffix_patterns_read_backwards_find_what_forwards_finds(seed_body: str) -> None:
    """The words-before-a-number patterns reject backwards for speed; on every number of a long report
    (original case and lower case, whole prefixes and windows of the text) backwards and forwards agree
    on whether there is a match."""
    from scraper.extract import context, figures, periods

    starts = [m.start() for m in figures._CANDIDATE.finditer(seed_body)]
    prefixes = [figures._prefix(seed_body, s) for s in starts] + [
        seed_body[max(0, s - 60) : s] for s in starts
    ]
    prefixes += [p.lower() for p in prefixes] + [
        "Mã số: ",
        "Tổ công tác ",
        "ước đạt trên ",
        "xếp thứ ",
        "từ ngày ",
    ]
    prefixes += [
        "tăng\n",
        "Sở Y tế\n",
        "abc\n",
        "đạt tỷ lệ \n",
        "năm 2021 so với\n",
        "(không   dưới  ",
        "đứng   ở vị trí   thứ ",
        " KHOẢNG TỪ ",
        "xếp hạng thứ",
        "ước đạt trên\t \u00a0",
        "từ  ngày",
    ]
    for module in (figures, context, periods):
        for name in module.SUFFIX_PATTERNS:
            suffix = getattr(module, name)
            for p in prefixes:
                assert (suffix.forward.search(p) is None) == (not suffix.matches(p)), (name, p)
                found, expected = suffix.search(p), suffix.forward.search(p)
                assert (found and (found.span(), found.groupdict())) == (
                    expected and (expected.span(), expected.groupdict())
                ), (name, p)
                assert suffix.sub("", p) == suffix.forward.sub("", p), (name, p)
            for s in starts:
                span = (max(0, s - 40), s)
                assert (suffix.forward.search(seed_body, *span) is None) == (
                    not suffix.matches(seed_body, *span)
                )


def test_lead_patterns_read_after_their_first_two_characters_match_what_the_pattern_matches(
    seed_body: str,
) -> None:
    """What follows a number is tried only where its first two non-space characters (case-folded) can
    begin one of the words: on the rest of the line after every number of a long report, in both cases,
    and on crafted edge cases, each `Lead` matches exactly what its pattern matches."""
    from scraper.extract import context, figures
    from scraper.extract.patterns import Lead, lead_char

    rests = [figures._line_rest(seed_body, m.end(), 80) for m in figures._CANDIDATE.finditer(seed_body)]
    rests += [r.upper() for r in rests] + [r.lower() for r in rests]
    rests += [
        "", " ", "%", " %", "\t%", " phần trăm", " PHẦN  TRĂM", " m2", " m 2", " km²", " Tỷ đồng",
        " tỷ\tđồng", " ĐIỂM PHẦN TRĂM", " lần", " h", " ha", " héc-ta", " UBND huyện A, B",
        " Ủy ban nhân dân xã, phường",
        "\u00a0hồ sơ", " trong đó", "TRONG  ĐÓ,", " ngàn tấn", " triệu USD", " Lượt", " ß", " ẞx",
    ]
    leads = [v for v in vars(figures).values() if isinstance(v, Lead)] + [context._LEAD_WORDS]
    assert len(leads) >= 10
    for lead in leads:
        for text in rests:
            found, expected = lead.match(text, lead_char(text)), lead.pattern.match(text)
            assert (found and found.span()) == (expected and expected.span()), text
    # the same leads read as one set (`_follow`, `_strong_unit`): a lead's bit is set where it would run
    following = figures._FOLLOWING
    for text in rests:
        may = following.may(lead_char(text))
        for name, bit in following.bits.items():
            lead = vars(figures)[name]
            got, expected = (lead.pattern.match(text) if may & bit else None), lead.pattern.match(text)
            assert (got and got.span()) == (expected and expected.span()), (name, text)
            assert bool(may & bit) == _tried(lead, text), (name, text)


def _tried(lead, text: str) -> bool:
    """Whether `lead.match` runs its pattern on `text` (the characters it checks first allow it)."""
    from scraper.extract.patterns import lead_char

    first = lead_char(text)
    return first in lead.pairs or first[:1] in lead.firsts


def test_the_label_gap_read_in_place_agrees_with_reading_the_slice(seed_body: str) -> None:
    """ "mức độ 3, 4": whether the gap since the last label number only continues the list is read in
    place (a long gap is not copied for every number); it answers what matching the slice answered, and
    before any label (-1) nothing continues one."""
    import regex

    from scraper.extract import figures

    whole_gap = regex.compile(r"^" + figures._LABEL_CONT.pattern, figures._LABEL_CONT.flags)
    texts = [seed_body, "Mức 3, 4 và 5 hộ", ", 5", " và 7", "a, 5\n", "Mã số 12 –  13;\n14", "", "5"]
    for text in texts:
        numbers = [m.start() for m in figures._CANDIDATE.finditer(text)] + [0, len(text)]
        for last in [-1, 0] + [m.end() for m in figures._CANDIDATE.finditer(text)]:
            for start in numbers:
                expected = last >= 0 and whole_gap.match(text[last:start]) is not None
                assert figures._continues_label(text, last, start) == expected, (text[:20], last, start)


@pytest.mark.parametrize("text, raws", [
    # a short fragment opening with a list word: its first number is no label continued (a slice of the
    # text's last ten characters was read as the gap before the first label, and dropped these)
    ("và 12", ["12"]), ("đến 2.000", ["2.000"]), ("và 15 năm", ["15 năm"]),
    ("mức độ 3, 4 và 5 có 12 xã", ["12"]),
])
def test_a_number_continues_a_label_list_only_after_a_label(text: str, raws: list[str]) -> None:
    assert [f.raw for f in extract_figures(text)] == raws


def test_the_mask_answers_overlaps_as_its_spans_do(seed_body: str) -> None:
    """`Mask.overlaps` (two neighbouring spans looked up) agrees with checking every non-figure span, for
    spans ending, starting and lying at every edge of a long report's non-figures."""
    from scraper.extract.nonfigures import Mask, non_figure_spans

    for text in (seed_body, "Quyết định số 12/QĐ-UBND ngày 5/6/2021, đường dây nóng 1022: 12 hồ sơ", "x"):
        spans = [(s, e) for s, e, _ in non_figure_spans(text)]
        mask = Mask(text)
        edges = sorted({p + d for s, e in spans for p in (s, e) for d in (-1, 0, 1)} | {0, len(text)})
        for start in edges:
            for end in (start + 1, start + 2, start + 7):
                expected = any(s < end and start < e for s, e in spans)
                assert mask.overlaps(start, end) == expected, (start, end)


def test_document_references_are_read_backwards_only_where_they_can_be(seed_body: str) -> None:
    """A date inside a document reference dates the document: the words before a period are read for one
    only when they hold "/" or "số" (any case, "ſ" too); that skips no reference a search would find."""
    from scraper.extract import periods

    crafted = [
        "Quyết định 1149/QĐ-BNV ngày 30/12/2020",
        "Công văn SỐ 12 ngày 5 tháng 6 năm 2021",
        "Báo cáo ſố 7, ngày 2 tháng 3 năm 2021",
        "Kế hoạch số 45 ký ngày 9 tháng 9",
    ]
    for text in [seed_body, *crafted]:
        step = 3 if text is seed_body else 1
        for pos in range(0, len(text) + 1, step):
            expected = periods._DOC_REF.forward.search(text, max(0, pos - 40), pos) is not None
            assert periods._dates_a_document(text, pos) == expected, (text[:12], pos)

def test_urls_and_domains_read_in_their_runs_find_what_a_whole_text_scan_finds(seed_body: str) -> None:
    """URLs and domains are looked for only in the runs of non-space characters that hold "://", "www."
    or ".vn", ".com" …: on a long report and crafted cases (paths, several in one run, a run at either
    end of the text, odd spaces inside) that finds exactly the matches a scan of the whole text finds."""
    from scraper.extract import nonfigures

    crafted = (
        "xem tại https://sotttt.hanoi.gov.vn/tin-tuc?id=12&p=3, hoặc www.chinhphu.vn/abc) và email@site.com",
        "cổng.gov.vn/x\x1cy.org/z abc.vn.com a-b.info. -x.int/ ;(vnexpress.net)",
        "ftp://a.b\u00a0c.vn/d\u2009www.e.org",
        ".vn",
        "",
    )
    for text in (seed_body + " www.binhduong.gov.vn/123", *crafted):
        for name, pattern in nonfigures._PATTERNS:
            if name in nonfigures._GATES:
                runs = nonfigures._gated_runs(text, nonfigures._GATES[name])
                found = [m.span() for lo, hi in runs for m in pattern.finditer(text, lo, hi)]
                assert found == [m.span() for m in pattern.finditer(text)], (name, text[:30])


def test_spelled_places_tried_at_their_first_words_find_what_a_scan_finds(seed_body: str) -> None:
    """ "xếp thứ hai", "giữ vị trí thứ hai và thứ ba": spelled places are tried only where the first word
    of a lead or "và" occurs, which finds exactly what a scan of the whole text finds (any case, any
    spacing, leads inside longer words)."""
    from scraper.extract import figures
    from scraper.extract.patterns import finditer_at

    crafted = (
        "Tỉnh xếp thứ hai cả nước, giữ vị trí thứ hai và thứ ba; ĐỨNG   THỨ NHẤT; vươn lên\tthứ tư",
        "giảm nhanh thứ hai, cao thứ ba và thứ tư, xếp hạng thứ mười; Xếp Thứ Nhì; sắp xếp thứ năm",
        "và thứ hai đứng ở vị trí thứ chín, lớn thứ sáu, ítthứ ba, chậm thứ bảy và  thứ tám",
    )
    for text in (seed_body, *crafted, "thứ hai"):
        at = figures._ORDINAL_FIRSTS.starts(text.lower())
        found = [m.span() for m in finditer_at(figures._ORDINAL, text, at)]
        assert found == [m.span() for m in figures._ORDINAL.finditer(text)], text[:20]


def test_table_rows_read_backwards_first_match_what_matching_the_line_matches(seed_body: str) -> None:
    """A flattened table row ("Tỷ lệ hộ nghèo % 15,40 12,11 9,8") is recognised by reading its line from
    the end first: on every line of a long report and crafted rows it matches what matching the whole
    line from its start matches (same label)."""
    from scraper.extract import figures

    row = figures._LABELLED_ROW
    lines = seed_body.splitlines() + [
        "Tỷ lệ hộ nghèo % 15,40 12,11 9,8",
        "Thu ngân sách (tỷ đồng) 1.250 1.300 -12,5  ",
        "Năm 2016 59,7 651,00",
        "Số hộ 12 13",
        "a) 1 2 3",
        "xã A 1 2 3 hộ",
        "",
    ]
    for line in lines:
        found, expected = row.search(line), row.forward.match(line)
        assert (found and (found.span(), found.group("label"))) == (
            expected and (expected.span(), expected.group("label"))
        ), line[:30]


@given(st.text(alphabet="0123456789.,٣", min_size=1, max_size=14))
def test_a_candidate_number_without_meeting_separators_is_read_without_checking_again(text: str) -> None:
    """The scanner's number pattern allows doubled separators ("15..320", a typo it flags); a number it
    read with none doubled or mixed is well formed, so it is read without the check `parse_digits` makes."""
    import regex

    from scraper.extract import figures, numbers

    if not regex.fullmatch(figures._NUM, text):
        return
    if not any(pair in text for pair in ("..", ",,", ".,", ",.")):
        assert numbers._DIGITS.fullmatch(text)
        for conv in ("vi", "en"):
            try:
                expected = numbers.parse_digits(text, conv)
            except ValueError:
                expected = None
            try:
                found = numbers.read_digits(text, conv)
            except ValueError:
                found = None
            assert found == expected


def test_triggers_read_at_their_anchor_words_find_what_a_scan_finds(seed_body: str) -> None:
    """The non-figure triggers tried only where an anchor word occurs (one Aho–Corasick pass) hit exactly
    where a scan of the whole text hits, on a long report and on crafted edge cases."""
    from scraper.extract import nonfigures
    from scraper.extract.patterns import LEXICON

    texts = [
        seed_body,
        seed_body.lower(),
        "Thứ 2, CHỦ NHẬT  ngày\n(1) quý IV / 2021 lúc 8 h 30: 5\n  năm",
        '12\tnăm, 3 tháng; ISO 9001 TCVN 5 “1 phải” "3 không" kỷ niệm 10 năm, tròn 5 tuổi, 2 mũi',
        "(2) trên 1 ha, mỗi 100 dân / 10 người; iv/2020; 15 ngày đầu tháng; năm 202.",
        "COVID-19, H5N1, 5G, Quận 1, Nghi Sơn 12 và 3, 1.234.567, 2019-2020, 120201, 12 / 5/2021, 8h30, "
        "0274.3822.518, 1900 5454, Km12+300, 1:2000, 12,5 ha 7\n8",
        "A-1 a-12 1a 12ab ²3 4² K5 5K ſ6 7ſ 8 h 9\th 10- 11 -12 13 . 14 /",
        "",
    ]
    for text in texts:
        lowered = text.lower()
        occ = LEXICON.occurrences(lowered)
        for name in nonfigures._ANCHORED:
            _, on_text, on_lower, _ = nonfigures._COMPILED_TRIGGERS[name]
            scanned = [m.span() for m in on_text.finditer(text)] if on_text else []
            scanned = sorted(scanned + ([m.span() for m in on_lower.finditer(lowered)] if on_lower else []))
            assert nonfigures._anchored_hits(text, lowered, occ, name) == scanned, name


def test_period_rules_tried_at_their_first_words_find_what_a_scan_finds(seed_body: str) -> None:
    from scraper.extract import periods
    from scraper.extract.patterns import finditer_at

    texts = [
        seed_body.lower(),
        "từ 01/1 - 31/5/2021, 6 tháng đầu năm, 12  tháng 2020; 1.5.2020; tính đến nay, "
        "giai đoạn 2021-2025, niên khóa 2020 - 2021, lũy kế đến nay; quý iv/2021; tháng 3/2021; năm nay",
        # a day and month apart from their separator (spaces, a no-break space, a line break), or without one
        "15 / 6 - 20 /6; 15\u00a0-\u00a06 đến 7\n.8; ngày 5.6 tới 7.6.2020; 12 6; 3/; 4",
        "",
    ]
    for low in texts:
        starts = periods._rule_starts(low)
        for (pattern, _), at in zip(periods._LOWER_RULES, starts):
            assert [m.span() for m in finditer_at(pattern, low, at)] == [
                m.span() for m in pattern.finditer(low)
            ]


def test_sentence_cues_tried_at_their_first_words_find_what_a_scan_finds(seed_body: str) -> None:
    from scraper.extract import context
    from scraper.extract.figures import sentence_spans

    text = seed_body + "\nTỶ LỆ hộ nghèo, Tổng số 5; GRDP ước tính tăng; Dự kiến đạt. Par Index, hiệp ước 3"
    for ss, se in sentence_spans(text) + [(0, len(text))]:
        cues = context._SentenceCues(text)  # caches per sentence start
        assert [m.span() for m in cues.heads(ss, se)] == [
            m.span() for m in context._INDICATOR_HEADS.finditer(text, ss, se)
        ]
        ends = [m.end() for m in context._ESTIMATE.finditer(text, ss, se)]
        assert all(cues.estimate_before(ss, se, p) == (bool(ends) and ends[0] <= p) for p in (ss, se))
    entities = [m.span() for m in context._entity_matches(text, 0, len(text))]
    assert entities and all(text[s:e] for s, e in entities)


def test_sentence_ends_tried_after_their_marks_find_what_a_scan_finds(seed_body: str) -> None:
    from scraper.extract import figures
    from scraper.extract.patterns import finditer_at

    for text in (seed_body, "Đạt 5%. \n\n“Tỉnh… 3! (Ông A)? 12.400 hồ sơ.\nx", ""):
        found = finditer_at(figures._SENTENCE_END, text, figures._sentence_end_starts(text))
        assert [m.span() for m in found] == [m.span() for m in figures._SENTENCE_END.finditer(text)]


def test_family_patterns_tried_at_their_starts_find_what_a_window_scan_finds(seed_body: str) -> None:
    from bisect import bisect_left

    from scraper.extract import nonfigures
    from scraper.extract.patterns import LEXICON, finditer_at

    extra = (
        "giai đoạn 2021-2025, khoá 2020-2025, Năm 2019/20, sau 2 năm thực hiện, Qua 3 năm, 17 giờ ngày 5, "
        "lúc 8 giờ 30 phút, 8h30, thời điểm 9 giờ, Nhiệt điện Nghi Sơn 1 và 2, năng suất/1 ha, "
        "trên 100.000 dân, tháng 5/2021, 6-2020, 9 tháng, 12 tháng đầu năm, vụ 2022, dự toán 2023"
        "; 123 tháng, 1.12 tháng, 112:30, 12:30:15, 123h30, x12h, 12019-2020, 2019 - 21, 19999, 2019–2020, "
        "Nghi Sơn 123, Nghi Sơn 12, 3, 012 năm qua, 5 năm thực hiện, 10-2020, 110/2020, 3/2021,\n9 tháng, "
        "Ông Ba 2 tháng, 07 tháng; 7 tháng, 008 giờ ngày"
    )
    for text in (seed_body, extra, extra.upper()):
        lowered = text.lower()
        occ = LEXICON.occurrences(lowered)
        n = len(text)
        windows = [(0, n), (n // 3, n // 2), (5, 60)]
        for name, anchors in nonfigures._FAMILY_STARTS.items():
            starts = nonfigures._anchored_starts(lowered, occ, anchors)
            for pattern in (p for fam, p in nonfigures._PATTERNS if fam == name):
                for lo, hi in windows:
                    at = starts[bisect_left(starts, lo) : bisect_left(starts, hi)]
                    assert [m.span() for m in finditer_at(pattern, text, at, lo, hi)] == [
                        m.span() for m in pattern.finditer(text, lo, hi)
                    ], (name, lo, hi)


def test_every_change_word_holds_a_change_core() -> None:
    """`_read_prefix` skips the change patterns when the words before a number hold no change core."""
    from scraper.extract import figures, vocab

    assert all(any(core in w for core in figures._CHANGE_CORES) for w in vocab.CHANGE_WORDS)


def test_every_entity_starts_with_one_of_its_first_words(seed_body: str) -> None:
    """Entities are looked for only where one of `_ENTITY_FIRST_WORDS` starts (and a phrase is an entity
    only when it starts with one): every entity mention of a long report does."""
    from scraper.extract import context

    mentions = [m.group(0) for m in context._ENTITY.finditer(seed_body)]
    mentions += ["UBND tỉnh", "các sở, ban, ngành", "toàn tỉnh", "Thành phố", "đường dây nóng 1022", "cấp xã"]
    assert all(m.startswith(context._ENTITY_FIRST) for m in mentions)
    assert all(context._is_entity(m) == (context._ENTITY.fullmatch(m) is not None) for m in mentions)


def test_the_mask_reads_the_per_unit_denominators_of_its_text(seed_body: str) -> None:
    from scraper.extract.nonfigures import Mask, per_unit_denominators

    for text in (
        seed_body,
        "Năng suất/1 ha đạt 62 tạ, thu nhập trên 1 ha 120 triệu đồng; 31,4 giường/vạn dân, "
        "số ca/100.000 dân là 12, bình quân 1 vạn dân 63,9",
    ):
        assert Mask(text).denominators == per_unit_denominators(text)


def test_relation_cues_are_looked_for_only_where_their_core_words_are(seed_body: str) -> None:
    """`_PARTS` ("trong đó", "bao gồm") and `_TOTAL_AFTER` ("tổng cộng") run only on a text holding their
    core words; every match they find, in any case, holds one."""
    from scraper.extract import context

    texts = [seed_body, seed_body.upper(), "TRONG ĐÓ: 5; Bao Gồm 3; GỒM CÓ 2; tổng SỐ là 7; TỔNG: 9"]
    for text in texts:
        for size in (25, 80):
            for lo in range(0, max(1, len(text) - size), 7):
                window = text[lo : lo + size]
                if context._PARTS.search(window):
                    assert context._may_hold(window, context._PARTS_CORES), window
                if context._TOTAL_AFTER.search(window):
                    assert context._may_hold(window, ("tổng",)), window


_LINK_TOKENS = ["là", "đạt", "ước", "tính", "tỷ", "lệ", "ở", "mức", "cùng", "kỳ", "xấp", "xỉ", "Đạt", "ƯỚC"]
_LINK_TOKENS += ["thu", "ngân", "sách", "hộ", "nghèo", "5", ",", "(", "-", "\n", "ĐẠT TỶ LỆ"]


@given(
    st.lists(st.sampled_from(_LINK_TOKENS), max_size=8),
    st.lists(st.sampled_from([" ", "  ", "\t", "", " \n"]), min_size=8, max_size=8),
)
def test_link_words_read_backwards_cut_where_the_forward_sub_cuts(words: list[str], gaps: list[str]) -> None:
    """`_tidy_phrase` drops the linking phrase that ends a text with one backwards match, longest phrase
    first: on any mix of link words, other words, case and spacing it cuts where `_LINK_WORDS.sub` does."""
    from scraper.extract import context

    text = "".join(w + g for w, g in zip(words, gaps))
    for t in (text, text.strip(), " ".join(text.split())):
        assert context._without_link_words(t) == context._LINK_WORDS.sub("", t), t


def test_link_words_of_every_figure_phrase_cut_where_the_forward_sub_cuts(seed_body: str) -> None:
    from scraper.extract import context, figures

    for s in (m.start() for m in figures._CANDIDATE.finditer(seed_body)):
        for width in (12, 30, 60):
            t = " ".join(seed_body[max(0, s - width) : s].split()).strip(" ,;:-–()")
            assert context._without_link_words(t) == context._LINK_WORDS.sub("", t), t


def test_digit_run_starts_are_ascending_and_distinct(seed_body: str) -> None:
    """A trigger anchored on one kind of digit-run offset uses `_run_starts` as is (no set, no sort)."""
    from scraper.extract import nonfigures

    for text in (seed_body, "1 2  34 1999 20201 a 5\n 6", "7", "", "a1 2-b 3h 4 / 5 -6x ²7 8²"):
        for where in ("first", "first short", "last", "before short", "year", "last, then /.-", "last, then h",
                      "glued"):
            starts = nonfigures._run_starts(text, where)
            assert list(starts) == sorted(set(starts)), where


def _validated_twin(figure):
    from scraper.models import Figure

    return Figure(**{name: getattr(figure, name) for name in figure.model_fields_set})


def test_figures_built_without_parsing_equal_the_validated_ones(seed_body: str) -> None:
    """`annotate` builds figures with `Figure.trusted_from` (no per-field parsing): on real sentences and
    a long report each equals the figure pydantic validates from the same fields, field by field and type
    by type, with the same fields set and the same warnings."""
    import json

    from conftest import shared_path

    texts = [seed_body, REPORT, "Tỷ lệ 130% dân số; 2,5 người; giảm -3% và -4 hộ"]
    for line in shared_path("dev", "sentences.jsonl").read_text(encoding="utf-8").splitlines()[:400]:
        texts.append(json.loads(line)["sentence"])
    checked = 0
    for text in texts:
        for f in extract_figures(text, published="2024-06-30"):
            twin = _validated_twin(f)
            assert f == twin and f.model_fields_set == twin.model_fields_set
            assert list(f.__dict__) == list(twin.__dict__)
            assert [type(v) for v in f.__dict__.values()] == [type(v) for v in twin.__dict__.values()]
            assert f.model_dump_json() == twin.model_dump_json()
            checked += 1
    assert checked > 500


def test_trusted_figures_refuse_what_validation_refuses() -> None:
    import pytest
    from pydantic import ValidationError

    from scraper.models import Figure

    ok = {"value": Decimal(5), "kind": "count", "raw": "5", "start": 0, "end": 1}
    assert Figure.trusted(**ok) == Figure(**ok) == Figure.trusted_from(dict(ok))
    assert Figure.trusted(**{**ok, "kind": "percent", "value": Decimal(130)}).warnings
    for bad in ({"end": -1}, {"start": -2, "end": -1}, {"kind": "weight"}, {"colour": "red"}):
        with pytest.raises(ValidationError):
            Figure.trusted(**{**ok, **bad})
    with pytest.raises(ValidationError):
        Figure.trusted(value=Decimal(5), kind="count")


@given(st.text(alphabet="0123456789.,%/ a٣", max_size=40))
def test_convention_evidence_read_at_digit_runs_counts_what_findall_counts(text: str) -> None:
    """`detect_convention` tries its evidence patterns only at runs of digits followed by "." or ","
    (a run's last digit only where the pattern's grouped-then-decimal branch can start)."""
    from scraper.extract import numbers

    starts = numbers._evidence_starts(text, numbers.digit_runs(text))
    for pattern, at in zip((numbers._VI_EVIDENCE, numbers._EN_EVIDENCE), starts):
        found = numbers.finditer_at(pattern, text, at)
        assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]


def test_convention_of_a_long_report_is_read_from_the_same_evidence(seed_body: str) -> None:
    from scraper.extract import numbers

    for text in (seed_body, seed_body.replace(".", ","), "1,234,567 và 2.5% ; 1.234.567 và 2,5"):
        vi, en = len(numbers._VI_EVIDENCE.findall(text)), len(numbers._EN_EVIDENCE.findall(text))
        expected = None if vi == en == 0 else ("vi" if vi >= en else "en")
        assert numbers.detect_convention(text) == expected
        assert numbers.detect_convention(text, text.lower()) == expected


_SPELLED_TOKENS = ["không", "một", "hai", "ba", "mươi", "mười", "lăm", "tư", "trăm", "linh", "nghìn", "triệu"]
_SPELLED_TOKENS += ["tỷ", "năm", "Năm", "KHÔNG", "rưỡi", "người", "hộ", "khai", "5", ",", "tháng"]


def _spelled(text: str, starts: tuple[str, ...], monkeypatch) -> list[tuple]:
    from scraper.extract import figures
    from scraper.extract.nonfigures import Mask

    monkeypatch.setattr(figures, "_SPELLED_STARTERS", starts)
    t, lowered = text, text.lower()
    found = figures._spelled_candidates(t, Mask(t, lowered), lowered if len(lowered) == len(t) else None)
    return [(c.start, c.end, c.base, c.kind, c.unit, c.qualifier, c.change) for c in found]


@given(
    st.lists(st.sampled_from(_SPELLED_TOKENS), max_size=9),
    st.lists(st.sampled_from([" ", "  ", "\n", ", "]), min_size=9, max_size=9),
)
def test_spelled_numbers_tried_at_their_first_words_find_what_every_word_finds(words, gaps) -> None:
    """Spelled numbers are tried only where a word that can start one occurs: the same candidates as
    trying at every spelled or scale word and trimming the leading ones."""
    import pytest
    from scraper.extract import figures

    text = "Có " + "".join(w + g for w, g in zip(words, gaps))
    with pytest.MonkeyPatch.context() as mp:
        assert _spelled(text, figures._SPELLED_STARTERS, mp) == _spelled(text, figures._SPELLED_STARTS, mp)


def test_spelled_numbers_of_a_report_are_found_as_before(seed_body: str, monkeypatch) -> None:
    from scraper.extract import figures

    starters = figures._SPELLED_STARTERS
    text = seed_body + "\nkhông một trăm người; tỷ hai trăm triệu đồng; nghìn ba trăm hộ; Mười năm qua"
    expected = _spelled(text, figures._SPELLED_STARTS, monkeypatch)
    assert len(expected) >= 3 and _spelled(text, starters, monkeypatch) == expected


_PERIOD_TOKENS = ["6", "tháng", "đầu", "cuối", "năm", "2023", "quý", "IV", "ii", "/", "giai", "đoạn", "2021"]
_PERIOD_TOKENS += ["-", "2025", "Năm", "THÁNG", "I", "v", "hộ", "nghèo", "đạt", "Tỷ", "lệ", "(", "٣"]


@given(
    st.lists(st.sampled_from(_PERIOD_TOKENS), max_size=8),
    st.lists(st.sampled_from([" ", "  ", "", " \n"]), min_size=8, max_size=8),
)
def test_a_phrase_is_read_for_a_trailing_period_only_where_one_can_end(words: list[str], gaps: list[str]):
    """`_tidy_phrase` tries `_TRAILING_PERIOD` only where a text ends as one of its matches can: wherever the
    pattern matches, the cheap check lets it through, so the phrase is tidied as before."""
    from scraper.extract import context

    text = "".join(w + g for w, g in zip(words, gaps))
    for t in (text, text.strip(), " ".join(text.split())):
        if context._TRAILING_PERIOD.forward.search(t):
            assert context._may_end_in_period(t), t


def test_families_anchored_at_words_only_are_skipped_where_none_of_their_words_occur(seed_body: str) -> None:
    """A family whose triggers start only at anchor words has no hit in a text without one of them: the
    skip gives what reading its triggers gives, on a report, its lines and texts lacking those words."""
    from scraper.extract import nonfigures
    from scraper.extract.patterns import LEXICON

    texts = [seed_body, *seed_body.splitlines()[:80], "Có 12 hộ, 3,5 ha; ngày 5 và 7 người.", "abc", ""]
    checked = 0
    for text in texts:
        lowered = text.lower()
        occ = LEXICON.occurrences(lowered)
        for name in nonfigures._TRIGGER_WORDS:
            expected = nonfigures._anchored_hits(text, lowered, occ, name)
            assert nonfigures._hits(text, lowered, name, occ) == expected, (name, text[:40])
            checked += not expected
    assert checked > 100


def test_the_headline_period_is_the_last_fallback_and_read_only_when_needed(monkeypatch) -> None:
    """A figure with no period of its own, carried or stated, takes the headline's; a text whose figures
    all have one does not read the headline at all."""
    from scraper.extract import context

    text = "Toàn tỉnh tiếp nhận 1.200 hồ sơ. Năm 2023, tỷ lệ đúng hạn đạt 98,5%."
    figures = extract_figures(text, headline="Kết quả cải cách hành chính quý I/2024")
    assert [(f.raw, f.period_text) for f in figures] == [("1.200", "quý I/2024"), ("98,5%", "Năm 2023")]
    assert figures[0].period_start is not None and figures[0].period_start.isoformat() == "2024-01-01"

    read: list[str] = []
    real = context.find_periods
    monkeypatch.setattr(context, "find_periods", lambda t, *a, **k: read.append(t) or real(t, *a, **k))
    dated = extract_figures("Năm 2023, tỷ lệ đúng hạn đạt 98,5%.", headline="Kết quả quý I/2024")
    assert [f.period_text for f in dated] == ["Năm 2023"] and "Kết quả quý I/2024" not in read


def test_regex_calls_pass_hold_where_regex_takes_concurrent() -> None:
    """`HOLD` (keep the GIL) is passed positionally: 4th of match/search, 5th of finditer/findall, 6th of
    sub.  The argument after it is `timeout`, so a timeout of 0 there must be what times out."""
    import pytest
    import regex

    from scraper.text import HOLD

    p = regex.compile(r"(?:a|b)*c")
    text = "ab" * 5000
    assert p.search(text, 0, None, HOLD) is None
    assert list(p.finditer(text, 0, None, False, HOLD)) == []
    assert p.findall("abc", 0, None, False, HOLD) == ["abc"]
    assert regex.compile("a").sub("", "aaa", 2, None, None, HOLD) == "a"
    with pytest.raises(TimeoutError):
        p.findall(text, 0, None, False, HOLD, 0)
    with pytest.raises(TimeoutError):
        p.sub("", text, 0, None, None, HOLD, 0)
