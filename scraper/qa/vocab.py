"""The words QA reads figures by, as data: counted nouns that are the same thing, the roles figures play
in a report (received, carried over, on time, pending …), which roles exclude others, and the identities
between roles that a report's figures must satisfy.  Rules live in `sums.py` and `rates.py`; adding a
synonym, a role or an identity here needs no code."""

from __future__ import annotations

from ..extract import vocab

# Counting words that do not change what is counted: "lượt ý kiến" = "ý kiến", "bộ hồ sơ" =
# "hồ sơ".
# ("căn nhà" = "nhà")
CLASSIFIERS = ("lượt", "bộ", "số", "cái", "chiếc", "con", "tổng", "ngôi", "căn")
ABBREVIATIONS = {k.lower(): v for k, v in vocab.COUNT_ABBREVIATIONS.items()}
# Verbs printed where the counted noun would be ("329 đăng ký", "1.200 lượt tham gia"): they count
# whoever did it, so they name no noun of their own and agree with any count.
ACT_UNITS = frozenset(
    {"đăng ký", "đăng kí", "dự thi", "tham gia", "tham dự", "ủng hộ", "bình chọn",
     "truy cập"}
)
# Nouns that count cases of people or of files ("kỷ luật 58 đảng viên …: khiển trách 32,
# cảnh cáo 17, khai trừ 9 trường hợp"; "1.530 hồ sơ trực tuyến, trực tiếp 135 trường
# hợp"): each agrees with the groups of SAME_THING named by a member, not with counts of
# incidents ("vụ").
WIDE_NOUNS: dict[str, tuple[str, ...]] = {
    "trường hợp": ("người", "hồ sơ"),
    # "3.722 đối tượng (3.091 cá nhân, 701 tổ chức)"
    "đối tượng": ("người", "tổ chức"),
    # "41 cơ sở đào tạo nghề, trong đó có 3 trường cao đẳng, 10 trung tâm …"
    "cơ sở": ("trường", "trung tâm"),
}
# Two-word nouns whose first word alone would name something else: "đơn vị" (units, bodies) is no "đơn".
# ("căn hộ": flats, not households)
OWN_NOUNS = frozenset(
    {"đơn vị", "đơn giá", "vụ mùa", "trường hợp", "đối tượng", "căn hộ"}
)
# Nouns that count the same people ("25.953 người … 16.610 lao động").
SAME_THING = (
    {
        "người", "lao động", "đối tượng", "học sinh", "thí sinh", "em", "công dân",
        "cá nhân",
        "nhân khẩu", "khẩu", "bị cáo", "bị can", "cán bộ", "công chức", "viên chức",
        "đảng viên", "hội viên", "đoàn viên", "cử tri", "thanh niên", "sinh viên",
        "cựu chiến binh",
        "học viên", "trẻ", "trẻ em", "bệnh nhân", "người bệnh", "đại biểu", "ứng viên",
        "ứng cử viên", "giáo viên", "nhân viên", "thành viên", "chức danh", "chức vụ",
        "đồng chí", "bí thư", "chủ tịch", "ủy viên", "uỷ viên", "giám đốc",
        "thẩm phán", "kiểm sát viên", "luật sư", "chiến sĩ", "quần chúng",
        "tân binh", "quân nhân",
        *(f"{level} {ui} viên" for level in vocab.PARTY_LEVELS for ui in ("ủy", "uỷ")),
    },
    # "115 ý kiến, kiến nghị của cử tri … giải quyết dứt điểm 45 kiến nghị"
    {
        "đơn", "đơn thư", "vụ việc", "vụ", "việc", "khiếu nại", "tố cáo",
        # ("120 phản ánh và kiến nghị": petitions too)
        "kiến nghị", "án", "vụ án", "ý kiến", "phản ánh",
    },
    {"hồ sơ", "thủ tục hành chính", "yêu cầu"},
    # procuracy: "63 nguồn tin về tội phạm … 58 tin báo"
    {"tin", "tin báo", "nguồn tin", "tố giác"},
    {"hộ", "hộ gia đình", "gia đình"},  # "1059 hộ … 1025 gia đình có công trình vệ sinh"
    {"phương tiện", "xe", "lượt xe"},  # "10.047 phương tiện … Trong đó, hoa quả 1.837 xe"
    # "66 tổ chức cơ sở đảng, trong đó có 39 đảng bộ, 27 chi bộ cơ sở"
    {"tổ chức", "đảng bộ", "chi bộ"},
)

# Roles of figures in administrative-procedure and budget reports (checked in this order; the first
# matching group that excludes others wins, see _EXCLUDES).
ROLES: dict[str, str] = {
    "carried_over": r"kỳ\s+trước\s+chuyển\s+(?:sang|qua)|chuyển\s+(?:sang|qua)"
    r"|tồn\s+(?:đầu\s+kỳ|kỳ\s+trước|từ\s+kỳ\s+trước|đọng)",
    "received_new": r"tiếp\s+nhận\s+mới|mới\s+tiếp\s+nhận|nhận\s+mới|mới\s+nhận"
    r"|thụ\s+lý\s+mới"
    r"|phát\s+sinh\s+(?:mới|trong\s+kỳ)",
    "total": r"tổng\s+số|tổng\s+cộng|lũy\s+kế|luỹ\s+kế|(?<![\p{L}])cộng(?![\p{L}])"
    r"|phải\s+giải\s+quyết|cần\s+giải\s+quyết|yêu\s+cầu\s+giải\s+quyết",
    # "triển khai 131 cuộc thanh tra"; courts "thụ lý 173 vụ" (not "đang thụ lý": pending)
    "received": r"tiếp\s+nhận|nhận\s+được|đã\s+nhận|triển\s+khai|(?<!đang\s+)thụ\s+lý",
    "taken_up": r"(?<!đang\s+)thụ\s+lý(?!\s+mới)",
    "due": r"đến\s+hạn",
    # judgment enforcement: what can be enforced now is what "thi hành xong" is a share of
    "eligible": r"(?<!chưa\s)(?:có|đủ)\s+điều\s+kiện(?:\s+thi\s+hành)?",
    "on_time": r"đúng\s+hạn|trước\s+hạn|sớm\s+hạn"
    r"|(?:giải\s+quyết|xử\s+lý)\s+trong\s+hạn",
    # not "trước và đúng hạn"
    "ahead": r"(?<!đúng\s+(?:và|hoặc)\s+)(?:trước|sớm)\s+hạn(?!\s+(?:và|hoặc)\s+đúng)",
    "late": r"trễ\s+hạn|quá\s+hạn|chậm\s+(?:trễ|giải\s+quyết|muộn)?",
    "resolved": r"(?:giải\s+quyết|xử\s+lý)|kết\s+thúc|đã\s+giải\s+quyết|"
    r"(?:giải\s+quyết|xử\s+lý)\s+(?:xong|được|thành\s+công|phản\s+hồi)|đã\s+xử\s+lý"
    r"|đã\s+trả\s+kết\s+quả|"
    r"thi\s+hành\s+(?:án\s+)?(?:đã\s+)?xong|đã\s+xong"
    r"|hòa\s+giải\s+thành|hoà\s+giải\s+thành",  # mediation: the cases settled of those taken up
    "pending": r"đang\s+(?:tiếp\s+tục\s+)?(?:thụ\s+lý\s+|xem\s+xét\s+)?"
    r"(?:giải\s+quyết|xử\s+lý|xác\s+minh|thụ\s+lý|"
    r"trong\s+thời\s+gian)|chưa\s+(?:giải\s+quyết|đến\s+hạn)|"
    # "Còn tồn 24 vụ đang tiếp tục giải quyết"
    # (not "giải quyết trong hạn": resolved within the time limit)
    r"còn\s+lại|(?<!(?:giải\s+quyết|xử\s+lý)\s+)trong\s+hạn"
    r"|còn\s+tồn(?!\s+(?:đọng|từ|kỳ))",
    "returned": r"trả\s+lại|rút\s+hồ\s+sơ|bị\s+trả|từ\s+chối",
    # the two ways files come in: "trong đó 700 hồ sơ trực tuyến và 450 hồ sơ trực tiếp"
    "online": r"trực\s+tuyến|qua\s+mạng|qua\s+dịch\s+vụ\s+công",
    "in_person": r"trực\s+tiếp(?!\s+(?:với|tại\s+cơ\s+sở))|tại\s+(?:bộ\s+phận|quầy)",
    "trade": r"xuất\s+nhập\s+khẩu|xuất,\s+nhập\s+khẩu|(?<![\p{L}])XNK(?![\p{L}])",
    "surplus": r"xuất\s+siêu|thặng\s+dư",
    "trade_deficit": r"nhập\s+siêu|thâm\s+hụt(?:\s+cán\s+cân)?(?:\s+thương\s+mại)?",
    "export": r"xuất\s+khẩu|(?<![\p{L}])XK(?![\p{L}])",
    "import": r"nhập\s+khẩu|(?<![\p{L}])NK(?![\p{L}])",
    "deficit": r"bội\s+chi",
    # the statistics office's retail total and its four parts
    "retail_total": r"tổng\s+mức(?:\s+bán\s+lẻ)?",
    "retail_goods": r"bán\s+lẻ\s+hàng\s+h(?:óa|oá)|doanh\s+thu\s+bán\s+lẻ",
    "catering": r"lưu\s+trú|ăn\s+uống",
    "travel": r"lữ\s+hành",
    "other_services": r"dịch\s+vụ\s+khác",
    # an exam or a meeting: who registered (or were invited), who came, who did not
    "registered": r"đăng\s+k[ýí]\s+(?:dự\s+thi|tham\s+(?:gia|dự))|được\s+triệu\s+tập",
    "present": r"(?<!đăng\s+k[ýí]\s+)(?<!không\s+)(?:dự\s+thi|có\s+mặt|tham\s+dự\s+kỳ\s+thi)",
    "absent": r"bỏ\s+thi|vắng\s+thi|vắng\s+mặt|không\s+(?:dự\s+thi|tham\s+dự|có\s+mặt)",
    "revenue": r"thu\s+ngân\s+sách|tổng\s+thu",
    "spending": r"chi\s+ngân\s+sách|tổng\s+chi",
    # inspection reports: money found wrong, split into what is to be recovered and what else is advised
    "violation": r"(?:sai|vi)\s+phạm",
    "advise_recover": r"(?:(?:kiến|đề)\s+nghị|yêu\s+cầu)\s+"
    r"(?:thu\s+hồi|thu\s+nộp|nộp\s+trả)",
    # "xử lý bằng các biện pháp tài chính khác", "kiến nghị các cơ quan có thẩm quyền
    # xem xét, xử lý"
    "advise_other": r"(?:kiến|đề)\s+nghị\s+(?:xử\s+lý\s+)?(?:khác|loại\s+(?:trừ|khỏi))|"
    r"xử\s+lý\s+(?:[\p{L}]+\s+){0,6}khác|(?:kiến"
    r"|đề)\s+nghị\s+(?:[\p{L}]+\s+){0,6}xem\s+xét,?\s+xử\s+lý|"
    r"giảm\s+trừ|khắc\s+phục|xuất\s+toán",
}
# Roles read from the whole clause before a figure, not only its last comma-part: "kiến nghị giảm trừ
# thanh toán, chấn chỉnh, khắc phục hơn 33,3 tỷ đồng".
CLAUSE_ROLES = frozenset({"advise_recover", "advise_other"})
EXCLUDES = {
    "pending": {"resolved"},
    "total": {"resolved"},
    "trade": {"export", "import"},
    "on_time": {"resolved", "due"},
    "late": {"resolved", "due"},
    "ahead": {"resolved", "due"},
    "received_new": {"received"},
    "deficit": {"spending"},
    "retail_total": {"retail_goods", "catering", "travel", "other_services"},
    "carried_over": {"received"},
    "due": {"resolved"},
    "advise_recover": {"violation", "resolved"},
    "advise_other": {"violation", "resolved"},
}

# Standard identities: parts (by role) add up to a whole (one of the roles listed).
IDENTITIES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (
        ("received_new", "carried_over"),
        ("total", "received"),
        "mới nhận + kỳ trước chuyển sang = tổng phải giải quyết",
    ),
    (
        ("on_time", "late"),
        ("due", "resolved", "total"),
        "đúng hạn + trễ hạn = đến hạn (đã giải quyết)",
    ),
    (
        ("ahead", "on_time", "late"),
        ("due", "resolved", "total"),
        "trước hạn + đúng hạn + trễ hạn = đến hạn (đã giải quyết)",
    ),
    # a court's "thụ lý" is all it has to handle: resolved + still pending ("còn tồn") make it up
    (
        ("resolved", "pending"),
        ("total", "taken_up", "received"),
        "đã giải quyết + đang giải quyết = tổng số",
    ),
    (
        ("resolved", "pending", "returned"),
        ("received", "total"),  # (files returned are of those received: not the weakest whole here)
        "đã giải quyết + đang giải quyết + trả lại = tổng số tiếp nhận",
    ),
    (("online", "in_person"), ("received", "total"), "trực tuyến + trực tiếp = số tiếp nhận"),
    (("import", "surplus"), ("export",), "nhập khẩu + xuất siêu = xuất khẩu"),
    (("export", "trade_deficit"), ("import",), "xuất khẩu + nhập siêu = nhập khẩu"),
    (
        ("export", "import"),
        ("trade",),
        "xuất khẩu + nhập khẩu = tổng kim ngạch xuất nhập khẩu",
    ),
    (("revenue", "deficit"), ("spending",), "thu + bội chi = chi"),
    (("present", "absent"), ("registered",), "có mặt (dự thi) + vắng (bỏ thi) = số đăng ký"),
    (
        ("retail_goods", "catering", "travel", "other_services"),
        ("retail_total",),
        "bán lẻ hàng hóa + lưu trú, ăn uống + du lịch lữ hành + dịch vụ khác"
        " = tổng mức bán lẻ và doanh thu dịch vụ",
    ),
    (
        ("advise_recover", "advise_other"),
        ("violation",),
        "kiến nghị thu hồi + kiến nghị khác = sai phạm phát hiện",
    ),
)

# Identities whose parts are all of the whole by definition (who came and who did not are everyone
# registered), so they may stand in the sentence after it; the ways files come in may leave one out.
ACROSS_SENTENCES = frozenset({("present", "absent")})


# The shape of a figure's period as written, for parts that must be of one period ("tháng 7/2023" is a
# month, "7 tháng đầu năm" and "lũy kế" the months since January): name → pattern.
PERIOD_SHAPES = {
    "month": r"(?<!\d\s?)tháng\s+(?:\d{1,2}(?!\d)|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)",
    "months": r"(?:\d+\s+tháng(?:\s+đầu)?|lũy\s+kế|từ\s+đầu)(?:\s+năm(?:\s+\d{4})?)?",
    "quarter": r"quý\s+[IVX1-4]",
    "year": r"năm\s+\d{4}(?!\s*[-–]|\d)",
}


# A row or column printed under a total as "of which" ("Trong đó:", "Trđó:", "T.đó:"): a subset of the
# total, never one of its members.
OF_WHICH = r"trong\s+đó|tr\.?\s*đó|t\.\s*đó|trđ|tđ"

# The unit column of a statistical table, read on a line of its own after a row's name ("Đường bộ ¶
# 1000 tấn"); a unit with a leading number ("1000 tấn") is recognised by its shape.
UNIT_LINES = (
    "%", "đồng", "nghìn đồng", "triệu đồng", "tỷ đồng", "USD", "triệu USD", "người",
    "hộ", "ha", "tấn", "km", "con", "lượt", "lượt người", "HK", "cái", "chiếc", "trường",
    "lớp", "giường",
)

# A confidence vote (lấy phiếu tín nhiệm): each person's ballots of high, plain and low confidence
# add up to the valid ballots, or to the members who voted. kind → the words after "phiếu" ("49 phiếu
# tín nhiệm cao") or in the label before the count ("Số phiếu tín nhiệm thấp: 0").
VOTE_KINDS = {
    "high": r"tín\s+nhiệm\s+cao",
    "low": r"tín\s+nhiệm\s+thấp",
    "plain": r"tín\s+nhiệm(?!\s+(?:cao|thấp))",
}
# The whole a tally adds up to: "Số phiếu hợp lệ: 53/53", "Tổng số đại biểu … dự bỏ
# phiếu … là 90"
VOTERS = (
    r"phiếu\s+hợp\s+lệ|phiếu\s+thu\s+về"
    r"|(?:đại\s+biểu|người)[^.;:\d]{0,40}(?:dự|tham\s+gia)(?:\s+bỏ\s+phiếu|\s+lấy\s+phiếu)"
)
# What a rate of plan names after it ("đạt 115,7% chỉ tiêu kế hoạch"): a target, not members' count
PLAN_NOUNS = ("chỉ tiêu", "kế hoạch", "mục tiêu", "dự toán", "nhiệm vụ", "KH")
# Facets of one body of delegates that overlap (a woman may be young and re-elected): counts named
# by two or more of them are no breakdown of the body ("25 đại biểu nữ, 39 dân tộc, …")
OVERLAPPING_FACETS = {
    "women": r"(?<![\p{L}])nữ(?![\p{L}])",
    "ethnic": r"(?<![\p{L}])dân\s+tộc(?:\s+thiểu\s+số)?(?![\p{L}])",
    "young": (
        r"(?<![\p{L}])(?:trẻ\s+tuổi|(?:đại\s+biểu|người)\s+trẻ)(?![\p{L}])"
        r"|dưới\s+\d+\s+tuổi"
    ),
    "reelected": r"(?<![\p{L}])tái\s+cử(?![\p{L}])",
    "non-party": r"(?<![\p{L}])ngoài\s+Đảng(?![\p{L}])",
    "religious": r"(?<![\p{L}])tôn\s+giáo(?![\p{L}])",
    "self-nominated": r"(?<![\p{L}])tự\s+ứng\s+cử(?![\p{L}])",
}

# Words after a counted noun that make its total a subgroup's ("tổng số hộ dân tộc thiểu số",
# "tổng số lao động nữ"): a share of that total is not of every count of the noun.
SUBGROUPS = (
    "dân tộc", "đồng bào", "dtts", "nghèo", "cận nghèo", "thoát nghèo", "nữ", "khuyết tật",
    "có công", "cao tuổi", "trẻ em", "chính sách", "thiểu số",
)

# Two sides that make up all of a whole between them: a breakdown into one of each is
# the whole one ("làm việc trong nước 2.485 người, xuất khẩu lao động 240 người" of
# the jobs found), so it is held to the whole like a closed list.  The second side is
# looked for first ("ngoài công lập" holds "công lập").
COMPLEMENTS: tuple[tuple[str, str], ...] = (
    (
        r"trong\s+nước|nội\s+địa",
        r"nước\s+ngoài|ngoài\s+nước|xuất\s+khẩu|quốc\s+tế|FDI",
    ),
    (r"trong\s+tỉnh", r"ngoài\s+tỉnh"),
    (r"thành\s+thị", r"nông\s+thôn"),
    (r"công\s+lập", r"ngoài\s+công\s+lập|tư\s+thục"),
    (r"nhà\s+nước", r"ngoài\s+nhà\s+nước"),
)
