"""What a figure means: the indicator it measures, the unit of government it is about, its period,
whether it is an estimate, and how it relates to the figures around it.

The rules are the ones a careful reader applies to a Vietnamese report:
- a period stated at the start of a sentence or paragraph carries to the figures after it until
  another period is stated; the headline's period and the publication date are the last fallback;
- "huyện Bàu Bàng (100%)": a figure in parentheses after a name belongs to that name;
- an entity named earlier in the paragraph stays the subject until another is named;
- "trong đó" / "bao gồm" make the following figures parts of the total just before;
- "(cùng kỳ tăng 7,15%)" is the same indicator a year earlier, not a new one;
- "… xử lý 630 yêu cầu … đạt tỷ lệ 68,48%" of "920 yêu cầu": a rate and the counts behind
it. Fields stay null where the text does not say.
"""

from __future__ import annotations

import bisect
from datetime import date, datetime

import regex

from . import vocab
from ..models import Figure
from .candidate import Candidate, Scan
from .numbers import exact_decimal
from .patterns import (
    HOLD,
    LEXICON,
    LETTER as _L,
    Lead,
    Suffix,
    Words,
    alt as _alt,
    finditer_at,
    match_near,
    starts_of,
)
from .periods import Period, find_periods, shift_year

__all__ = ["annotate", "to_date"]
_CAP = rf"\p{{Lu}}[{_L}]*"
_NAME = (
    rf"{_CAP}(?:\s+(?!(?:và|của|đã|được|là|có|tại|trong|với|cho|về|theo|đến|từ"
    rf"|thuộc)\b)[\p{{Ll}}][{_L}]*)?"
)
_ADMIN_WORD = (
    r"(?:tỉnh|thành\s+phố|TP\.?|huyện|thị\s+xã|quận|xã|phường|thị\s+trấn|đặc\s+khu)"
)
_BODY_HEAD = (
    r"(?:Sở|Bộ|Ban|Cục|Chi\s+cục|Tổng\s+cục|Văn\s+phòng|Trung\s+tâm|Công\s+an|Bưu\s+điện"
    r"|Kho\s+bạc|"
    r"Ngân\s+hàng|Bảo\s+hiểm\s+xã\s+hội|Ủy\s+ban|Uỷ\s+ban|UBND|HĐND"
    r"|Hội\s+đồng\s+nhân\s+dân|Thanh\s+tra|"
    r"Tòa\s+án|Viện\s+kiểm\s+sát|Cục\s+Thuế|Đài|Trường|Bệnh\s+viện|Tỉnh\s+ủy"
    r"|Thành\s+ủy|Huyện\s+ủy|"
    r"Liên\s+đoàn|Hội|Đoàn|Ban\s+Quản\s+lý|Chi\s+nhánh|Công\s+ty|Tổng\s+công\s+ty|Quỹ)"
)
_ENTITY = regex.compile(
    "|".join(
        [
            # huyện Bàu Bàng, thành phố Thủ Dầu Một, thị xã Tân Uyên, UBND huyện Dầu
            # Tiếng, Quận 1
            rf"(?:(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+)?(?<![{_L}]){_ADMIN_WORD}\s+(?:{_CAP}(?:\s+{_CAP})*|"
            rf"\d{{1,2}}(?![\d.,]))",
            # Sở Thông tin và Truyền thông, Bưu điện tỉnh, UBND tỉnh, Ủy ban MTTQ Việt Nam
            # tỉnh
            rf"(?<![{_L}]){_BODY_HEAD}(?:\s+(?:{_NAME}|và(?=\s+\p{{Lu}})|{_ADMIN_WORD}(?![{_L}])))+",
            # các sở, ban, ngành; các huyện, thị xã, thành phố; cấp xã; toàn tỉnh
            rf"(?<![{_L}])các\s+(?:{_ADMIN_WORD}|sở|ban|ngành|bộ|cơ\s+quan|đơn\s+vị|"
            rf"địa\s+phương)(?:\s*,\s*(?:{_ADMIN_WORD}|sở|ban|ngành|bộ))*",
            rf"(?<![{_L}])cấp\s+(?:tỉnh|huyện|xã|thành\s+phố|quận)(?![{_L}])",
            rf"(?<![{_L}])toàn\s+(?:tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|ngành|huyện|quận"
            rf"|thị\s+xã)(?![{_L}])",
            r"(?:hệ\s+thống\s+)?(?:đường\s+dây\s+nóng|tổng\s+đài|đầu\s+số)\s+\d+",
            rf"(?<![{_L}])(?:Thành\s+phố|Tỉnh)(?=\s+(?:đã|có|đạt|ước|tiếp|tăng|giảm|là"
            rf"|vẫn|tiếp\s+tục))",
        ]
    )
)
_SOURCE_BEFORE = regex.compile(
    r"(?:theo|nguồn|số\s+liệu|báo\s+cáo|thông\s+báo|công\s+bố)(?:\s+(?:báo\s+cáo|số\s+liệu"
    r"|thống\s+kê|"
    r"thông\s+báo))?(?:\s+của)?\s*$",
    regex.I,
)
_ROLE_BEFORE = regex.compile(
    r"(?:Chủ\s+tịch|Phó\s+Chủ\s+tịch|Giám\s+đốc|Phó\s+Giám\s+đốc|Bí\s+thư"
    r"|Phó\s+Bí\s+thư|Trưởng\s+ban|"
    r"Phó\s+Trưởng\s+ban|Chánh\s+Văn\s+phòng|Thủ\s+trưởng|lãnh\s+đạo|đồng\s+chí)\s*$",
    regex.I,
)
_PAREN_AFTER = regex.compile(r"^\s*\(\s*$")
_AFTER_ENTITY = regex.compile(r"^\s*(?:từ|của|tại|ở|thuộc)\s+$", regex.I)
# The words that head an indicator phrase, in the order they are tried ("tổng số" before "tổng").
_HEAD_WORDS = (
    "tỷ lệ|tỉ lệ|chỉ số|tổng số|tổng|kim ngạch|số lượng|tốc độ|giá trị|thu "
    "ngân sách|chi ngân sách|doanh thu|"
    "sản lượng|diện tích|thu nhập|năng suất|dư nợ|lũy "
    "kế|mức|GRDP|GDP|CPI|PCI|PAPI|SIPAS|PAR Index|Par Index|"
    "ICT Index|DTI"
).split("|")
_INDICATOR_HEADS = regex.compile(
    r"(?<![\p{L}])(?:" + "|".join(w.replace(" ", r"\s+") for w in _HEAD_WORDS) + r")(?![\p{L}])", regex.I
)
# Linking words that end a phrase ("… đạt", "… ước tính"), tried in this order.
_LINK_PHRASES = (
    "là|đạt|chiếm|ước|ước đạt|ước tính|ước thực hiện|dự "
    "kiến|tăng|giảm|bằng|có|được|đã|vẫn|duy trì|thực hiện|"
    "ở mức|lên|xuống|còn|với|khoảng|trên|hơn|gần|dưới|xấp xỉ|đạt tỷ lệ|đạt "
    "tỉ lệ|cùng kỳ|thêm|và|hoặc|của|"
    "trong|tại"
).split("|")
_LINK_WORDS = regex.compile(
    r"(?:\s+|^)(?:" + "|".join(w.replace(" ", r"\s+") for w in _LINK_PHRASES) + r")\s*$", regex.I
)
# The same, read backwards from the end with the longest phrases tried first: every phrase that ends a
# text starts at a word, so the longest one found is the one that starts first, where `_LINK_WORDS.sub`
# cuts (its leftmost match).  One anchored match instead of a search.
_LINK_TAIL = regex.compile(
    r"(?:\s+|^)(?:"
    + "|".join(w.replace(" ", r"\s+") for w in sorted(_LINK_PHRASES, key=len, reverse=True))
    + r")\s*$",
    regex.I | regex.REVERSE,
)
_LEAD_PHRASES = (
    "trong đó|bao gồm|gồm|đồng thời|ngoài ra|bên cạnh đó|riêng|còn|và|theo đó|qua "
    "đó|với|đối với|trong khi"
).split("|")
# A phrase whose first letter can begin none of them is passed over without running the pattern.
_LEAD_WORDS = Lead(
    regex.compile(
        r"^\s*(?:" + "|".join(w.replace(" ", r"\s+") for w in _LEAD_PHRASES) + r")[\s,]*",
        regex.I,
    ),
    _LEAD_PHRASES,
)
_CLAUSE_BREAK = regex.compile(
    r"[;:\n]|,\s(?!(?:ban|ngành|thị\s+xã|thành\s+phố|phường|thị\s+trấn|huyện|xã)(?![\p{L}]))"
)
_PARTS = regex.compile(r"(?<![\p{L}])(?:trong\s+đó|bao\s+gồm|gồm\s+có|gồm)(?![\p{L}])", regex.I)
_EQUIVALENT = regex.compile(r"tương\s+đương|tương\s+ứng|khoảng|quy\s+đổi|bằng", regex.I)
_BARE_RATE_GAP = regex.compile(r"^[\s,;(]*(?:đạt|chiếm|bằng|tương\s+ứng|là)?\s*$", regex.I)
_THRESHOLDS = {
    "trên",
    "dưới",
    "hơn",
    "gần",
    "khoảng",
    "xấp xỉ",
    "không dưới",
    "không quá",
    "tối thiểu",
    "tối đa",
    "ít nhất",
}
_DUE = regex.compile(
    r"(?<![\p{L}])(?:đến\s+hạn|cần\s+giải\s+quyết|phải\s+giải\s+quyết"
    r"|đã\s+giải\s+quyết|"
    r"đã\s+xử\s+lý)(?![\p{L}])",
    regex.I,
)
# The rate is stated right before the number ("đạt tỷ lệ 68,48%", ", chiếm 86%"), not a rate of
# something else named in between ("tỷ lệ hộ nghèo giảm còn 0,9%").
_RATE_TAIL = regex.compile(
    r"(?:(?<![\p{L}])(?:tỷ\s+lệ|tỉ\s+lệ)(?:\s+(?:là|đạt|khoảng|gần|hơn|trên))?|"
    r"(?<![\p{L}])chiếm(?:\s+(?:tỷ\s+lệ|khoảng|gần|hơn|trên))?)\s*$",
    regex.I,
)
# "1.258/1.300 hộ được cấp điện, đạt 96,77%": a fraction's own percentage closes its clause.
_FRACTION_RATE_TAIL = regex.compile(
    r",\s*(?:đạt|chiếm|bằng|tương\s+ứng)(?:\s+(?:tỷ\s+lệ|tỉ\s+lệ))?\s*$", regex.I
)
_PAREN_NEXT = regex.compile(
    r"\s*\(\s*(?:(?:đạt|chiếm|bằng|tương\s+ứng)(?:\s+(?:tỷ\s+lệ|tỉ\s+lệ))?\s*)?$"
    r"|\s*\(\s*(?=\d)", regex.I
)
# "…15 hồ sơ trễ hạn; tổng cộng 4.735 hồ sơ": a total stated after its parts.
_TOTAL_AFTER = regex.compile(
    r"(?<![\p{L}])(?:tổng\s+cộng|tổng\s+số|tổng)(?:\s+(?:là|có|gồm))?\s*:?\s*$", regex.I
)
_RATE_WORDS = regex.compile(r"(?<![\p{L}])(?:tỷ\s+lệ|tỉ\s+lệ|chiếm)(?![\p{L}])", regex.I)
# "ước" as in "ước đạt", not "hiệp ước", "điều ước", "công ước", "mong ước" (words
# from vocab.ESTIMATE_WORDS).
_ESTIMATE = regex.compile(
    rf"(?<!(?:hiệp|điều|công|mong|ao|giao|quy"
    rf"|tiền)\s)(?<![{_L}])(?:{_alt(vocab.ESTIMATE_WORDS)})(?![{_L}])",
    regex.I,
)
_NOUN_PHRASE_END = regex.compile(
    r"[,;.:!?\n(]|\s(?:trong\s+đó|và|đạt|tăng|giảm|chiếm|so\s+với|với|của\s+người"
    r"|được|đã|cần|là|tại|"
    r"thuộc\s+diện|"
    r"ở|từ|bao\s+gồm|gồm)(?![\p{L}])",
    regex.I,
)
_PERIOD_WORDS = regex.compile(
    r"(?<![\p{L}])(?:đến\s+nay|hiện\s+nay|hiện\s+tại|tính\s+đến\s+nay|năm\s+nay|năm\s+trước"
    r"|"
    r"cùng\s+kỳ)(?![\p{L}])",
    regex.I,
)
_VERBS = frozenset(
    "tiếp nhận giải quyết xử lý thực hiện tổ chức triển khai cấp có đạt kiểm "
    "tra trả ban hành"
    " hoàn thành".split()
)
_COMMA = regex.compile(r"\s*,")
_ANY_LETTER = regex.compile(r"\p{L}")  # `str.isalpha` is true of exactly the characters `\p{L}` matches
_ACRONYM_PAREN = regex.compile(r"\s*\([\p{Lu}\d&\s-]{2,12}\)")
_DIGIT = regex.compile(r"\d")
_VERBISH = regex.compile(r"(?<![\p{L}])(?:đã|được|đang|sẽ)(?![\p{L}])|^\d")
_OPEN_PAREN_END = regex.compile(r"\s*\(\s*$")
_LINK_CUT = regex.compile(
    r"\s(?:là|đạt|chiếm|ước|tăng(?!\s+trưởng)|giảm|bằng|ở\s+mức|với)(?![\p{L}])"
    r"|,(?!\s*\d)|[(:;]", regex.I
)
_VERB_PHRASE = regex.compile(r"(?:đã|đang|sẽ|được)\s+(?P<v>[^,;()]*?)\s*$")
_VERB_CORES = ("đã", "đang", "sẽ", "được")  # every match of `_VERB_PHRASE` holds one, as written
_NEWLINES = regex.compile(r"\n+")
_TRIVIAL_VERBS = {"có", "là", "đạt", "được", "gồm", "với", ""}


def to_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value  # type: ignore[return-value]
    if isinstance(value, datetime):
        return value.date()
    try:
        return datetime.fromisoformat(str(value)[:19]).date()
    except ValueError:
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            return None


def _paragraph_starts(t: str) -> list[int]:
    return [0] + [m.end() for m in _NEWLINES.finditer(t)]


def annotate(scan: Scan, *, published: date | str | None = None, headline: str | None = None) -> list[Figure]:
    """The meaning stage: one validated `Figure` per candidate of `scan`, in reading order.

    Context is read per sentence (and per paragraph for a subject named earlier), only around
    candidates; `published` resolves periods without a year, `headline` is the last period fallback.
    """
    cands = scan.candidates
    if not cands:
        return []
    t, norm, original, sentences = scan.text, scan.norm, scan.original, scan.sentences
    ref = to_date(published)
    periods = find_periods(t, ref, lowered=scan.lowered)
    head_period = _HeadlinePeriod(headline, ref)
    para_starts = _paragraph_starts(t)
    sent_starts = [s for s, _ in sentences]
    frames = {p.pos: _is_frame(t, p, sent_starts) for p in periods}  # read once per period
    entities = _entities(t, cands, _paragraphs_with(cands, para_starts, len(t)))

    sent_of = _assign(cands, sentences)
    period_pos = [p.pos for p in periods]
    entity_pos = [e[0] for e in entities]
    carried_period: Period | None = None
    period_idx = 0
    para_entity: tuple[int, str | None] = (-1, None)
    per_sentence: dict[int, tuple[str, list[Period], list[tuple[int, int, str]], bool]] = {}  # read once each
    cues = _SentenceCues(t, scan.lowered)
    meanings: list[dict] = []

    for i, c in enumerate(cands):
        si = sent_of[i]
        ss, se = sentences[si] if si >= 0 else (0, len(t))
        if si not in per_sentence:
            a, b = norm.span(ss, se)
            per_sentence[si] = (
                " ".join(original[a:b].split()),
                _window(periods, period_pos, ss, se),
                _window(entities, entity_pos, ss, se),
                match_near(_REFERS_BACK, t, ss) is not None,
            )
        sentence, sentence_periods, sentence_entities, refers_back = per_sentence[si]
        m: dict = {"sentence": sentence}

        # --- period: same sentence (before, else after), else carried, else headline ---
        while period_idx < len(periods) and periods[period_idx].pos < ss:
            if frames[periods[period_idx].pos]:
                carried_period = periods[period_idx]
            period_idx += 1
        before: list[Period] = []
        after: list[Period] = []
        if sentence_periods:  # (many sentences name none: no clause to look for them in)
            cs, ce = _clause_bounds(t, c.start, ss, se)
            in_sentence = [p for p in sentence_periods if cs <= p.pos < ce or frames[p.pos]]
            before = [p for p in in_sentence if p.stop <= c.start]
            after = [p for p in in_sentence if p.pos >= c.end]
        if not before and not after and refers_back:
            prev = _window(periods, period_pos, _prev_sentence_start(sentences, si), ss)
            before = prev[-1:]
        period = before[-1] if before else (after[0] if after else (carried_period or head_period.get()))
        if period is not None and (period.start or period.end):
            if c.prior_period:
                period = shift_year(period)
            m["period_start"], m["period_end"], m["period_text"] = period.start, period.end, period.text
        elif period is not None:
            m["period_text"] = period.text

        # --- estimate: an estimate word earlier in the sentence ("Ước 6 tháng…", "ước đạt") ---
        m["estimate"] = not c.prior_period and cues.estimate_before(ss, se, c.start)

        # --- entity ---
        para = para_starts[bisect.bisect_right(para_starts, c.start) - 1]
        if para_entity[0] != para:
            para_entity = (para, None)
        ent = _entity_for(t, c, sentence_entities, ss, se) if sentence_entities else None
        if ent is None:
            ent = para_entity[1] or _paragraph_subject(entities, entity_pos, para, ss)
        m["entity"] = ent
        if ent is not None:
            para_entity = (para, ent)

        # --- indicator and verb ---
        m["indicator"], m["verb"] = _indicator(t, c, cands, i, ss, cues.heads(ss, se))
        if m["indicator"] is None and i > 0 and sent_of[i - 1] == si:
            m["indicator"] = meanings[i - 1][
                "indicator"
            ]  # "…132.134 tỷ đồng, đạt 50,2% dự toán": same measure
        meanings.append(m)

    part_of, computed_from = _relations(
        t, cands, [m["indicator"] for m in meanings], sent_of, sentences, [m["estimate"] for m in meanings]
    )
    figures: list[Figure] = []
    for c, m in zip(cands, meanings):
        s, e = norm.span(c.start, c.end)
        m |= {  # (a dict literal merged in: no keyword arguments to pack)
            "value": exact_decimal(c.value),
            "kind": c.kind,
            "unit": c.unit,
            "raw": original[s:e],
            "start": s,
            "end": e,
            "qualifier": c.qualifier,
            "change": c.change,
            "baseline": c.baseline,
            "index": c.id,
            "denominator": c.denominator,
            "range": c.range,
            "part_of": part_of.get(c.id),
            "computed_from": computed_from.get(c.id),
            "ambiguous": c.ambiguous,
            "prior_period": c.prior_period,
            "warnings": list(c.warnings),
        }
        figures.append(Figure.trusted_from(m))
    return figures


class _HeadlinePeriod:
    """The headline's first period, the last fallback of a figure's period: read only when a figure of
    the text needs it (most texts state or carry a period for every figure)."""

    def __init__(self, headline: str | None, ref: date | None) -> None:
        self._headline, self._ref = headline, ref
        self._read = not headline
        self._period: Period | None = None

    def get(self) -> Period | None:
        if not self._read:
            found = find_periods(self._headline or "", self._ref)
            self._period, self._read = (found[0] if found else None), True
        return self._period


def _paragraphs_with(cands: list[Candidate], para_starts: list[int], n: int) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs that hold a candidate: the only places a subject is looked for."""
    out: list[tuple[int, int]] = []
    for c in cands:
        k = bisect.bisect_right(para_starts, c.start) - 1
        span = (para_starts[k], para_starts[k + 1] if k + 1 < len(para_starts) else n)
        if not out or out[-1] != span:
            out.append(span)
    return out


def _entities(
    t: str, cands: list[Candidate], paragraphs: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Entity mentions in `paragraphs` of `t` that can be a figure's subject, in order."""
    # A counted noun is not the subject of its own count ("09 UBND huyện" is 9 committees).
    unit_starts = [c.start for c in cands]
    reach_so_far, furthest = [], 0  # furthest end of a counted noun among the candidates up to k
    for c in cands:
        furthest = max(furthest, c.reach)
        reach_so_far.append(furthest)
    out = []
    for m in (m for lo, hi in paragraphs for m in _entity_matches(t, lo, hi)):
        s = m.start()
        k = bisect.bisect_right(unit_starts, s) - 1
        if k >= 0 and s < reach_so_far[k]:
            continue
        # "Theo báo cáo của Cục Thống kê": the source of the figures, not what they are about.
        if _SOURCE_BEFORE.matches(t, max(0, s - 40), s):
            continue
        # "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung": a person's title, not the subject of the
        # figures.
        if _ROLE_BEFORE.matches(t, max(0, s - 25), s):
            continue
        out.append((s, m.end(), " ".join(m.group(0).split())))
    return out


# Every entity mention starts with one of these words (the first word of each `_ENTITY` branch).
_ENTITY_FIRST_WORDS = (
    "UBND Ủy Uỷ tỉnh thành TP huyện thị quận xã phường đặc Sở Bộ Ban Cục Chi "
    "Tổng Văn Trung Công Bưu Kho "
    "Ngân Bảo HĐND Hội Thanh Tòa Viện Đài Trường Bệnh Tỉnh Thành Huyện Liên Đoàn "
    "Quỹ các cấp toàn hệ đường "
    "tổng đầu"
).split()
# Every occurrence, overlapping ones too (one Aho–Corasick pass): far cheaper than trying the whole
# entity pattern at every position.
_ENTITY_STARTS = Words(_ENTITY_FIRST_WORDS)
_ENTITY_FIRST = tuple(_ENTITY_FIRST_WORDS)


def _is_entity(phrase: str) -> bool:
    """The whole phrase names an entity ("UBND tỉnh", "các sở, ban, ngành")."""
    return phrase.startswith(_ENTITY_FIRST) and _ENTITY.fullmatch(phrase) is not None


def _entity_matches(t: str, lo: int, hi: int) -> list[regex.Match[str]]:
    """`_ENTITY.finditer` over t[lo:hi], trying the pattern only where an entity can start."""
    out: list[regex.Match[str]] = []
    last_end = lo
    for p in _ENTITY_STARTS.starts(t, lo, hi):
        if p < last_end:
            continue
        m = match_near(_ENTITY, t, p)
        if m is not None and m.end() > p:
            out.append(m)
            last_end = m.end()
    return out


# The first words of the indicator heads and estimate words, lower-cased: where those patterns can start.
_HEAD_STARTS = LEXICON.register(w.split()[0].lower() for w in _HEAD_WORDS)
_ESTIMATE_STARTS = LEXICON.register(w.split()[0] for w in vocab.ESTIMATE_WORDS)


class _SentenceCues:
    """Per-sentence scans done once for all the figures of a sentence: indicator heads, estimate words.

    On a text that keeps its length when lower-cased, each pattern is tried only where one of its first
    words occurs in the sentence (an Aho–Corasick pass), which finds what a scan finds."""

    def __init__(self, t: str, lowered: str | None = None) -> None:
        self.t = t
        self._heads: dict[int, list[regex.Match[str]]] = {}
        self._estimates: dict[int, list[int]] = {}
        lowered = t.lower() if lowered is None else lowered
        self._starts: dict[tuple[str, ...], list[int]] | None = None
        if len(lowered) == len(t):
            occ = LEXICON.occurrences(lowered)
            self._starts = {words: starts_of(occ, words) for words in (_HEAD_STARTS, _ESTIMATE_STARTS)}

    def _scan(
        self, pattern: regex.Pattern[str], words: tuple[str, ...], ss: int, se: int
    ) -> list[regex.Match[str]]:
        if self._starts is None:
            return list(pattern.finditer(self.t, ss, se))
        starts = self._starts[words]
        at = starts[bisect.bisect_left(starts, ss) : bisect.bisect_left(starts, se)]
        return list(finditer_at(pattern, self.t, at, ss, se))

    def heads(self, ss: int, se: int) -> list[regex.Match[str]]:
        if ss not in self._heads:
            self._heads[ss] = self._scan(_INDICATOR_HEADS, _HEAD_STARTS, ss, se)
        return self._heads[ss]

    def estimate_before(self, ss: int, se: int, pos: int) -> bool:
        if ss not in self._estimates:
            self._estimates[ss] = [m.end() for m in self._scan(_ESTIMATE, _ESTIMATE_STARTS, ss, se)]
        ends = self._estimates[ss]
        return bool(ends) and ends[0] <= pos


_REFERS_BACK = regex.compile(
    r"\s*(?:Qua\s+đó|Theo\s+đó|Cụ\s+thể|Kết\s+quả|Trong\s+đó)(?![\p{L}])", regex.I
)


def _prev_sentence_start(sentences: list[tuple[int, int]], si: int) -> int:
    return sentences[si - 1][0] if si > 0 else 0


def _window(items: list, positions: list[int], lo: int, hi: int) -> list:
    """The items whose start lies in [lo, hi): a bisect slice, so long pages stay linear."""
    return items[bisect.bisect_left(positions, lo) : bisect.bisect_left(positions, hi)]


def _is_frame(t: str, p: Period, sent_starts: list[int]) -> bool:
    """A period that frames what follows: followed by a comma ("6 tháng đầu năm 2019, …") or opening
    its sentence ("Từ 01/1 đến 31/5/2021 các huyện …"). "Chỉ số PCI năm 2018 xếp thứ 9/63"
    names the indicator's year instead and does not carry to the next sentence."""
    if _COMMA.match(t[p.stop : p.stop + 3], 0, None, HOLD):
        return True
    k = bisect.bisect_right(sent_starts, p.pos) - 1
    ss = sent_starts[k] if k >= 0 else 0
    lead = t[ss : p.pos]
    return len(lead.split()) <= 2


def _clause_bounds(t: str, pos: int, ss: int, se: int) -> tuple[int, int]:
    """The ";"-separated clause of a sentence that holds `pos`."""
    a = t.rfind(";", ss, pos)
    b = t.find(";", pos, se)
    return (a + 1 if a >= 0 else ss), (b if b >= 0 else se)


def _assign(cands: list[Candidate], sentences: list[tuple[int, int]]) -> list[int]:
    out: list[int] = []
    j = 0
    for c in cands:
        while j < len(sentences) and sentences[j][1] <= c.start:
            j += 1
        out.append(j if j < len(sentences) and sentences[j][0] <= c.start else -1)
    return out


def _entity_for(t: str, c: Candidate, entities: list[tuple[int, int, str]], ss: int, se: int) -> str | None:
    before = [e for e in entities if ss <= e[0] and e[1] <= c.start]
    if before:
        last = before[-1]
        if _PAREN_AFTER.match(t[last[1] : c.start], 0, None, HOLD):
            return last[2]
        return last[2]
    after = [e for e in entities if c.end <= e[0] < se]
    if after and _AFTER_ENTITY.match(t[max(c.end, c.unit_end) : after[0][0]], 0, None, HOLD):
        return after[0][2]
    return None


def _paragraph_subject(
    entities: list[tuple[int, int, str]], entity_pos: list[int], para: int, ss: int
) -> str | None:
    """The subject of the latest earlier sentence of the paragraph that names one (its first entity)."""
    lo, hi = bisect.bisect_left(entity_pos, para), bisect.bisect_left(entity_pos, ss)
    if hi <= lo:
        return None
    last_start = entities[hi - 1][0]
    # first entity of the sentence holding the last mention: walk back while mentions are close
    k = hi - 1
    while k - 1 >= lo and last_start - entities[k - 1][0] <= 400:
        k -= 1
    return entities[k][2]


def _clause_start(t: str, pos: int, floor: int) -> int:
    start = floor
    for m in _CLAUSE_BREAK.finditer(t, floor, pos, False, HOLD):
        start = m.end()
    return start


# A period at the end of an indicator phrase is the figure's period, not part of what it measures.
_TRAILING_PERIOD = regex.compile(
    r"\s+(?:\d{1,2}\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?(?:\s+\d{4})?|(?:năm|quý|"
    r"tháng)\s+[\dIV]+(?:\s*/\s*\d{4})?"
    r"|(?:giai\s+đoạn|nhiệm\s+kỳ)\s+\d{4}\s*[-–]\s*\d{2,4})$",
    regex.I,
)


# Every match of `_PERIOD_WORDS` holds one of these (lower-cased).
_PERIOD_WORD_CORES = ("nay", "tại", "trước", "kỳ")


def _without_period_words(text: str) -> str:
    """`_PERIOD_WORDS.sub(" ", text)`, skipped where none of its words can be."""
    return _PERIOD_WORDS.sub(" ", text) if _may_hold(text, _PERIOD_WORD_CORES) else text


# The last words of the linking phrases, lower-cased: a text whose last word ends otherwise ends in none
# (their letters lower-case one to one, as `regex.I` folds them; no "s", the one letter "ſ" folds to).
_LINK_ENDINGS = tuple(sorted({w.split()[-1] for w in _LINK_PHRASES}))


def _without_link_words(text: str) -> str:
    """`_LINK_WORDS.sub("", text)`: the text without the linking phrase it ends with."""
    if not text.rstrip()[-8:].lower().endswith(_LINK_ENDINGS):
        return text
    m = _LINK_TAIL.match(text, 0, None, HOLD)
    return text[: m.start()] if m else text


_PERIOD_ENDINGS = ("tháng", "đầu", "cuối", "năm")


def _may_end_in_period(text: str) -> bool:
    """Whether `_TRAILING_PERIOD` can match: every match ends in a digit, a Roman numeral ("I", "V", either
    case) or "tháng", "đầu", "cuối", "năm" (`str.isdigit` holds for every digit `\\d` matches)."""
    tail = text.rstrip()[-6:]
    return tail[-1:].isdigit() or tail[-1:] in "IViv" or tail.lower().endswith(_PERIOD_ENDINGS)


def _tidy_phrase(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,;:-–()")
    if lead := _LEAD_WORDS.match(text):  # the pattern starts at "^": what `sub` would remove
        text = text[lead.end() :]
    while True:
        cut = _without_link_words(text)
        if _may_end_in_period(cut):
            cut = _TRAILING_PERIOD.sub("", cut)
        cut = cut.strip(" ,;:-–(")
        if cut == text:
            break
        text = cut
    if not text or len(text.split()) > 16 or not (text[0].isalpha() or _ANY_LETTER.search(text)):
        return None
    return text


def _indicator(
    t: str, c: Candidate, cands: list[Candidate], i: int, ss: int, sentence_heads: list[regex.Match[str]]
) -> tuple[str | None, str | None]:
    """(indicator, verb): for a count the noun phrase after it; else the phrase naming the measure."""
    prev_end = ss
    if i > 0 and cands[i - 1].start >= ss:
        prev_end = max(cands[i - 1].end, cands[i - 1].unit_end)
    cstart = _clause_start(t, c.start, max(ss, prev_end))
    opened = t.rfind("(", cstart, c.start)
    if opened >= 0 and t.find(")", opened, c.start) < 0:
        cstart = opened + 1  # inside a parenthesis: "(đảm bảo 100%)"
    clause = t[cstart : c.start]
    if c.kind in ("count",) or (c.kind == "ratio" and c.unit):
        verb = _verb(t, c, cstart)
        tail_start = c.end
        m = _NOUN_PHRASE_END.search(t, tail_start, min(len(t), tail_start + 120), HOLD)
        phrase = t[tail_start : m.start() if m else min(len(t), tail_start + 60)]
        # keep a parenthesised acronym: "hồ sơ thủ tục hành chính (TTHC)"
        par = match_near(_ACRONYM_PAREN, t, tail_start + len(phrase))
        if par:
            phrase += par.group(0)
        words = phrase.split()
        verb = verb if verb and not _DIGIT.search(verb, 0, None, HOLD) else None
        noun = " ".join(words[:10]) or None
        if noun and c.unit and noun.lower() == c.unit.lower():
            others = [o.start for o in cands[max(0, i - 20) : i] if o.start >= ss]
            heads = [
                h for h in sentence_heads if h.end() <= c.start and not any(h.end() <= o for o in others)
            ]
            if heads:
                return _cut_at_link(t[heads[0].start() : c.start]) or noun, verb
            subject = _tidy_phrase(_without_period_words(clause))
            if (
                subject
                and not (prev_end > ss and cstart == prev_end)  # a clause that a figure opened has no subject
                and not _VERBISH.search(subject, 0, None, HOLD)
                and subject.split()[0].lower() not in _VERBS
                and len(subject.split()) <= 8
                and not _is_entity(subject)
            ):
                return subject, verb
        return noun, verb
    # Measures: the nearest indicator head in the sentence before the figure.
    heads = [h for h in sentence_heads if h.end() <= c.start]
    in_clause = [h for h in heads if h.start() >= cstart]
    if in_clause:
        h = in_clause[0]
        phrase = _cut_at_link(t[h.start() : c.start])
        if phrase and phrase.lower() in ("tỷ lệ", "tỉ lệ"):
            before = _tidy_phrase(_without_period_words(t[cstart : h.start()]))
            phrase = _rate_name(t, c, cands, i, ss) or (f"{phrase} {before}" if before else phrase)
        return phrase, None  # a measure named by its head has no verb: read it only past this point
    verb = _verb(t, c, cstart)
    phrase = _tidy_phrase(_without_period_words(clause))
    if phrase is not None and _is_entity(phrase):
        phrase = None
    first_in_sentence = i == 0 or cands[i - 1].start < ss
    if phrase is None and first_in_sentence and c.kind == "percent" and not c.change and not c.prior_period:
        # "Có 98,7% người dân tham gia bảo hiểm y tế": the share is named after it
        m = _NOUN_PHRASE_END.search(t, c.end, min(len(t), c.end + 120), HOLD)
        after = _tidy_phrase(t[c.end : m.start() if m else c.end + 60])
        if after and not regex.match(
            r"(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|so\s+với|cùng\s+kỳ"
            r"|mục\s+tiêu)", after, regex.I
        ):
            phrase = after
    if (
        phrase is None
        and heads
        and c.kind == "percent"
        and _OPEN_PAREN_END.match(t[max(0, c.start - 2) : c.start])
    ):
        phrase = _cut_at_link(t[heads[-1].start() : c.start])  # "… tỷ lệ … cao là huyện X (100%)"
    return phrase, verb


def _cut_at_link(text: str) -> str | None:
    m = _LINK_CUT.search(text, 0, None, HOLD)
    return _tidy_phrase(text[: m.start()] if m else text)


def _verb(t: str, c: Candidate, cstart: int) -> str | None:
    text = t[cstart : c.start]
    m = _VERB_PHRASE.search(text, 0, None, HOLD) if _holds_verb_core(text) else None
    if m:
        v = _tidy_phrase(m.group("v"))
        return v
    words = text.rsplit(None, 4)[-4:]  # the last four words, without splitting the whole clause
    v = _tidy_phrase(" ".join(words)) if words else None
    return v


def _holds_verb_core(text: str) -> bool:
    """Whether `text` holds one of `_VERB_CORES` (where `_VERB_PHRASE` can match)."""
    return "đã" in text or "đang" in text or "sẽ" in text or "được" in text


def _rate_name(t: str, c: Candidate, cands: list[Candidate], i: int, ss: int) -> str | None:
    """"đạt tỷ lệ 68,48%": name the rate after what the count before it did ("xử lý phản hồi
    thỏa đáng")."""
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.start < ss:
            break
        if p.kind == "count":
            v = _verb(t, p, _clause_start(t, p.start, ss))
            if v and v.lower() not in _TRIVIAL_VERBS:
                return f"tỷ lệ {v}"
            return f"tỷ lệ {p.unit}" if p.unit else None
    return None


# Every match of `_PARTS` holds one of these (lower-cased); every match of `_TOTAL_AFTER` holds "tổng".
_PARTS_CORES = ("đó", "gồm")


def _may_hold(text: str, cores: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern whose every match holds one of `cores` can match in `text`
    (their letters lower-case one to one, so a match leaves its core in `text.lower()`)."""
    low = text.lower()
    for w in cores:
        if w in low:
            return True
    return False


class _CoreFinder:
    """`_may_hold(text[a:b], cores)` for many spans of one text, each answered by bisection over where
    the cores occur in `text.lower()` (found on the first question) instead of lower-casing the span: the
    spans from every earlier figure of a long sentence to a later one would otherwise cost their total
    length."""

    __slots__ = ("_text", "_cores", "_starts")

    def __init__(self, text: str, cores: tuple[str, ...]) -> None:
        self._text, self._cores = text, cores
        self._starts: list[list[int]] | None = None

    def _found(self) -> list[list[int]] | None:
        low = self._text.lower()
        if len(low) != len(self._text):
            return None  # a character lower-cased to two: offsets disagree, spans are lower-cased instead
        out = []
        for w in self._cores:
            at, i = [], low.find(w)
            while i >= 0:
                at.append(i)
                i = low.find(w, i + 1)
            out.append(at)
        return out

    def within(self, a: int, b: int) -> bool:
        if self._starts is None:
            self._starts = self._found() or []
        if not self._starts:
            return _may_hold(self._text[a:b], self._cores)
        for w, starts in zip(self._cores, self._starts):
            k = bisect.bisect_left(starts, a)
            if k < len(starts) and starts[k] + len(w) <= b:
                return True
        return False


def _unit_head(unit: str | None) -> str:
    return (unit or "").split(" ")[0].lower()


def _actual_total(
    cands: list[Candidate], sent_of: list[int], estimates: list[bool], j: int, i: int
) -> int:
    """The total a part that is no estimate belongs to, when the nearest is an estimate told after
    the actual amount ("dư nợ đạt 36.804 tỷ đồng, …, ước đến cuối tháng 9 đạt
    37.200 tỷ đồng. Trong đó, cho vay nông nghiệp là 10.194 tỷ đồng"): the actual one
    earlier in that sentence, else `j`."""
    if not estimates[j] or estimates[i]:
        return j
    total = cands[j]
    for k in range(j - 1, -1, -1):
        if sent_of[k] != sent_of[j]:
            break
        o = cands[k]
        if o.kind == total.kind and o.unit == total.unit and not estimates[k] and not o.change:
            return k if o.value >= cands[i].value else j
    return j


def _relations(
    t: str,
    cands: list[Candidate],
    indicators: list[str | None],
    sent_of: list[int],
    sentences: list[tuple[int, int]],
    estimates: list[bool] | None = None,
) -> tuple[dict[int, int], dict[int, list[int]]]:
    """part_of from "trong đó/bao gồm" or a parenthesised breakdown; computed_from for a stated rate
    and the counts behind it (`[id, id]` when the figure itself is the fraction: "950/1.000 …, đạt 95%").

    Returns ({figure id: id of its total}, {rate's id: [numerator id, denominator id]}); every loop
    looks only within the figure's sentence and the one before, so a long text stays linear."""
    part_of: dict[int, int] = {}  # by position while computing; turned into ids at the end
    computed_from: dict[int, list[int]] = {}
    may_mark = _CoreFinder(t, _PARTS_CORES)
    first_of: dict[int, int] = {}  # first candidate position of each sentence
    for i, si in enumerate(sent_of):
        first_of.setdefault(si, i)

    def sentence_from(si: int, i: int) -> int:
        """First position of sentence `si` (or of the earliest later sentence with candidates) up to `i`."""
        for k in (si, si + 1):
            if k in first_of:
                return min(first_of[k], i)
        return i

    for i, c in enumerate(cands):
        if c.kind not in ("count", "money", "quantity") or c.prior_period or sent_of[i] < 0:
            continue
        si = sent_of[i]
        ss = sentences[si][0]
        reach = sentences[si - 1][0] if si else ss  # every total looked at is of this sentence or the last
        if t.find("(", reach, c.start) < 0 and not may_mark.within(reach, c.start):
            continue  # no marker and no bracket for any of them
        # the nearest "trong đó" (or an opening parenthesis) between a total and this figure
        for j in range(i - 1, -1, -1):
            total = cands[j]
            if sent_of[j] < si - 1:
                break
            if total.kind != c.kind:
                continue
            gap_start = total.reach
            # (read in place: the gap from an earlier total holds the gaps from the later ones)
            in_parens = (
                sent_of[j] == si
                and t.find("(", gap_start, min(c.start, gap_start + 80)) >= 0
                and t.find(")", gap_start, c.start) < 0
                and not _EQUIVALENT.search(t, gap_start, max(gap_start, c.start), HOLD)
            )
            if in_parens or not may_mark.within(gap_start, c.start):
                marker = None
            else:
                marker = _PARTS.search(t, gap_start, c.start, HOLD)
            if not in_parens and marker is None:
                continue
            if (
                marker is not None
                and ";" in t[marker.end() : c.start]
                and not t[marker.end() : marker.end() + 3].lstrip().startswith(":")
            ):
                # "trong đó …" ends at its clause ("…900 hồ sơ đến hạn; đã giải quyết 880
                # hồ sơ" is not a part) unless the figure still fits in the total beside the parts already
                # found ("trong đó nữ 12.000 người …; nam 13.000 người" of 25.000). "Trong đó:
                # A; B; C" always runs on.
                so_far = sum((cands[k].value for k in range(j + 1, i) if part_of.get(k) == j), c.value)
                if so_far > total.value:
                    break
            if total.value >= c.value and (sent_of[j] == si or _PARTS.match(t[ss : c.start].lstrip())):
                if (
                    c.kind == "count" and (_unit_head(total.unit) == _unit_head(c.unit) or sent_of[j] == si)
                ) or (c.kind != "count" and total.unit == c.unit):
                    part_of[i] = _actual_total(cands, sent_of, estimates, j, i) if estimates else j
            break
    for i, c in enumerate(cands):
        # A total after its parts: every earlier same-unit figure of the sentence that is not yet a part.
        if c.kind not in ("count", "money", "quantity"):
            continue
        lo = max(0, c.start - 25)
        if not (_may_hold(t[lo : c.start], ("tổng",)) and _TOTAL_AFTER.search(t, lo, c.start)):
            continue
        si = sent_of[i]
        parts = [
            j
            for j in range(sentence_from(si, i), i)
            if sent_of[j] == si
            and cands[j].kind == c.kind
            and cands[j].unit == c.unit
            and j not in part_of
            and cands[j].value <= c.value
        ]
        if len(parts) >= 2:
            for j in parts:
                part_of[j] = i
    for i, c in enumerate(cands):
        if c.kind != "percent" or c.change or c.prior_period:
            continue
        si = sent_of[i]
        # "96,5% (1.930/2.000 hồ sơ)": the fraction right after, in parentheses
        nxt = i + 1
        if (
            nxt < len(cands)
            and sent_of[nxt] == si
            and cands[nxt].kind == "ratio"
            and _PAREN_NEXT.match(t, c.end, cands[nxt].start)
        ):
            computed_from[i] = [nxt, nxt]
            continue
        num = None
        for j in range(i - 1, -1, -1):
            if sent_of[j] != si or cands[j].kind == "percent":
                break
            if cands[j].kind in ("count", "ratio"):
                num = j
                break
        if num is None:
            continue
        gap_start = cands[num].reach
        gap = t[gap_start : c.start]
        if ";" in gap:
            # another clause: "…438 hồ sơ đang giải quyết; tỷ lệ … đạt 99,6%" is not 438's
            # rate
            continue
        rate_stated = _RATE_TAIL.search(gap) is not None or _RATE_WORDS.match(gap.lstrip(" ,")) is not None
        if cands[num].kind == "ratio":
            # "950/1.000 hồ sơ, đạt 95%", "45/50 xã …, chiếm 91%" — not "9/10 xã …, tỷ lệ
            # hộ nghèo … 0,9%"
            if (
                cands[num].denominator
                and c.qualifier not in _THRESHOLDS
                and (
                    rate_stated
                    or _BARE_RATE_GAP.match(gap)
                    or gap.rstrip().endswith("(")
                    or _FRACTION_RATE_TAIL.search(gap)
                )
            ):
                computed_from[i] = [num, num]
            continue
        stated_right_after = _PAREN_NEXT.match(t, gap_start, c.start) is not None  # "1.150 hồ sơ (95,83%)"
        if not stated_right_after and not rate_stated:
            continue
        den = part_of.get(num)
        # A rate of files due is computed on the files due ("đến hạn", "cần giải quyết"), not on
        # all files received: prefer such a count when the text gives one.
        due = [
            j
            for j in range(sentence_from(si - 1, num), num)
            if sent_of[j] in (si, si - 1)
            and cands[j].kind == "count"
            and cands[j].value >= cands[num].value
            and _DUE.search(indicators[j] or "")
        ]
        if due:
            den = due[-1]
        if den is None:
            same = [
                j
                for j in range(sentence_from(si, num), num)
                if sent_of[j] == si
                and cands[j].kind == "count"
                and _unit_head(cands[j].unit) == _unit_head(cands[num].unit)
                and cands[j].value > cands[num].value
            ]
            # a share printed right after one part of a breakdown is of the whole (the first count); a stated
            # rate is of the nearest larger count before it ("tiếp nhận 920 … xử lý 630 … 68,48%")
            den = (same[0] if stated_right_after else same[-1]) if same else None
        if den is not None and cands[den].value >= cands[num].value > 0:
            computed_from[i] = [num, den]
    ids = [c.id for c in cands]
    return (
        {ids[i]: ids[j] for i, j in part_of.items()},
        {ids[i]: [ids[k] for k in pair] for i, pair in computed_from.items()},
    )


# Words right before a position ("…\s*$"), read backwards first (see `patterns.Suffix`).
SUFFIX_PATTERNS = (
    "_SOURCE_BEFORE",
    "_ROLE_BEFORE",
    "_TRAILING_PERIOD",
)
# The last words every match ends with (any case), so a text that ends otherwise is rejected at once.
_SUFFIX_ENDINGS = {
    "_SOURCE_BEFORE": ("theo", "nguồn", "liệu", "cáo", "báo", "bố", "kê", "của"),
    "_ROLE_BEFORE": ("tịch", "đốc", "thư", "ban", "phòng", "trưởng", "đạo", "chí"),
}
globals().update(
    {name: Suffix(globals()[name], endings=_SUFFIX_ENDINGS.get(name, ())) for name in SUFFIX_PATTERNS}
)  # same names, read fast
