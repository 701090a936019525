"""The words Vietnamese reports use around figures, as data.

Extending the extractor to a new report style should mostly mean adding a row here.  Everything is
lower-case NFC; multi-word entries are matched longest-first with flexible spaces.
"""

from __future__ import annotations

# Scale words multiply the number before them: "1,2 triệu", "3.500 tỷ", "2,5 nghìn tỷ".
SCALE_WORDS: dict[str, int] = {
    "nghìn": 10**3,
    "ngàn": 10**3,
    "ngìn": 10**3,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
    "vạn": 10**4,  # "1,2 vạn người"; in "giường/vạn dân" it is part of a per-unit, never a scale
    # the English pages of the same portals: "5,904.02 billion VND"
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}

# Spelled digits with their regional and positional variants (mốt, tư, lăm/nhăm only after tens).
SPELLED_DIGITS: dict[str, int] = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
SPELLED_WORDS: frozenset[str] = frozenset(SPELLED_DIGITS) | {
    "mười",
    "mươi",
    "trăm",
    "linh",
    "lẻ",
    "rưỡi",
    "phẩy",
}
# A spelled number may start only with these (no "mươi", "lăm", "tư", "linh" …).
SPELLED_STARTERS: frozenset[str] = frozenset(
    {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín", "mười", "trăm"}
)

# Hedges before a figure, recorded as written.  Longest first matters: "gần như" before "gần".
QUALIFIERS: tuple[str, ...] = (
    "không dưới",
    "không quá",
    "chưa đến",
    "chưa tới",
    "lên đến",
    "lên tới",
    "ít nhất",
    "tối thiểu",
    "tối đa",
    "xấp xỉ",
    "gần như",
    "khoảng",
    "trên",
    "hơn",
    "gần",
    "dưới",
    "đạt",
    "gấp",
    "tới",
    "chỉ",
    "còn",
    "ngót",
    "chừng",
)

ESTIMATE_WORDS: tuple[str, ...] = (
    "ước tính",
    "ước thực hiện",
    "ước đạt",
    "ước",
    "dự kiến",
    "dự báo",
    "tạm tính",
)
CHANGE_WORDS: dict[str, str] = {
    "tăng": "tăng",
    "tăng thêm": "tăng",
    "giảm": "giảm",
    "giảm bớt": "giảm",
    "gia tăng": "tăng",
    "tăng trưởng": "tăng",
    "sụt giảm": "giảm",
}
# After "tăng/giảm", these turn the figure into a new level, not a change: "giảm còn 18%".
LEVEL_AFTER_CHANGE: tuple[str, ...] = (
    "còn",
    "lên",
    "xuống",
    "lên mức",
    "xuống mức",
    "xuống còn",
    "lên tới",
    "lên đến",
)
BASELINES: tuple[str, ...] = (
    "so với cùng kỳ năm trước",
    "so với cùng kỳ năm ngoái",
    "so với cùng kỳ",
    "so cùng kỳ",
    "cùng kỳ năm trước",
    "cùng kỳ",
    "so với năm trước",
    "so với năm ngoái",
    "so với kế hoạch",
    "so với kỳ trước",
    "so với tháng trước",
    "so với quý trước",
    "so với đầu năm",
    "so với năm",
)

# (English words: the English pages of the news agencies)
PERCENT_WORDS: tuple[str, ...] = ("phần trăm", "percent", "per cent")
# A scaled bare amount ("5.300 tỷ") in a clause about these is money in đồng.
MONEY_SUBJECTS: tuple[str, ...] = (
    "ngân sách",
    "thu ngân sách",
    "hụt thu",
    "vượt thu",
    "thu nội địa",
    "tổng thu",
    "tổng chi",
    "chi ngân sách",
    "vốn",
    "kinh phí",
    "dự toán",
    "giải ngân",
    "doanh thu",
    "lợi nhuận",
    "tiền",
    "nộp",
    "thuế",
    "kim ngạch",
    "giá trị",
    "nợ",
    "dư nợ",
    "tín dụng",
    "huy động",
    "đầu tư",
    "thất thu",
    "thất thoát",
    "bồi thường",
)

# Money: currency as written -> ISO-ish canonical unit.
CURRENCIES: dict[str, str] = {
    "đồng": "đồng",
    "vnđ": "đồng",
    "vnd": "đồng",
    "đ": "đồng",
    "việt nam đồng": "đồng",
    "dong": "đồng",  # (English pages: "439.05 billion dong")
    "usd": "USD",
    "đô la mỹ": "USD",
    "đô la": "USD",
    "đô-la": "USD",
    "đôla": "USD",
    "$": "USD",
    "eur": "EUR",
    "euro": "EUR",
    "yên": "JPY",
    "nhân dân tệ": "CNY",
    "ndt": "CNY",
    "won": "KRW",
    # "50 triệu tiền mặt": money in đồng (after a scale word only: figures._SCALED)
    "tiền mặt": "đồng",
}

# Measured quantities: unit as written -> (kind, canonical unit).
MEASURES: dict[str, str] = {
    "ha": "ha",
    "hecta": "ha",
    "héc-ta": "ha",
    "hécta": "ha",
    "héc ta": "ha",
    "hectares": "ha",  # (English pages of the news agencies)
    "hectare": "ha",
    "km2": "km²",
    "km²": "km²",
    "km": "km",
    "ki-lô-mét": "km",
    "kilômét": "km",
    "cây số": "km",
    "m2": "m²",
    "m²": "m²",
    "m3": "m³",
    "m³": "m³",
    "mét vuông": "m²",
    "mét khối": "m³",
    "mét": "m",
    "m": "m",
    "cm": "cm",
    "mm": "mm",
    "tấn": "tấn",
    "tonnes": "tấn",
    "tonne": "tấn",
    "tons": "tấn",
    "tạ": "tạ",
    "kg": "kg",
    "ki-lô-gam": "kg",
    "gam": "g",
    "gram": "g",
    "kilogam": "kg",
    "kilôgam": "kg",
    "kilogram": "kg",
    "g": "g",
    "lít": "lít",
    "l": "lít",
    "mw": "MW",
    "mwp": "MWp",
    "kw": "kW",
    "kwh": "kWh",
    "gw": "GW",
    "gwh": "GWh",
    "teu": "TEU",
    "tuổi": "tuổi",
    "°c": "°C",
    "độ c": "°C",
    "mbps": "Mbps",
    "gb": "GB",
    "tb": "TB",
    "điểm phần trăm": "điểm phần trăm",
}
DURATIONS: dict[str, str] = {
    "ngày làm việc": "ngày làm việc",
    "ngày": "ngày",
    "tháng": "tháng",
    "năm": "năm",
    "giờ": "giờ",
    "phút": "phút",
    "tuần": "tuần",
    "quý": "quý",
}
SCORE_UNITS: tuple[str, ...] = ("điểm",)
MULTIPLE_UNITS: tuple[str, ...] = ("lần",)

# The levels of a Party committee whose members are counted ("huyện ủy viên", "chi ủy viên")
PARTY_LEVELS: tuple[str, ...] = ("cấp", "huyện", "tỉnh", "thành", "quận", "đảng", "chi")

# Counted nouns we know, longest first at match time; unknown nouns fall back to the next words.
COUNT_NOUNS: tuple[str, ...] = (
    "hồ sơ thủ tục hành chính",
    "thủ tục hành chính",
    "dịch vụ công trực tuyến",
    "dịch vụ công",
    "hồ sơ",
    "phiếu",
    "cơ quan",
    "đơn vị",
    "lượt",
    "lượt người",
    "lượt khách",
    "doanh nghiệp",
    "hợp tác xã",
    # (known: read even when a list capitalises them, "12 Công ty TNHH", "3 Khách sạn 4 sao")
    "công ty",
    "khách sạn",
    "dự án",
    "yêu cầu",
    "phản ánh",
    "kiến nghị",
    "trường hợp",
    "người",
    "hộ",
    "hộ gia đình",
    "hộ nghèo",
    "lao động",
    "việc làm",
    "cán bộ",
    "công chức",
    "viên chức",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "trường",
    "lớp",
    "xã",
    "phường",
    "thị trấn",
    "huyện",
    "quận",
    "thị xã",
    "thành phố",
    "tỉnh",
    "thôn",
    "ấp",
    "khu phố",
    "tổ chức",
    "cá nhân",
    "cơ sở",
    "mẫu",
    "đoàn",
    "cuộc",
    "vụ",
    "vụ việc",
    "việc",  # civil judgment enforcement: "thi hành xong 1.650 việc"
    "vụ án",
    "án",  # "54 án tạm đình chỉ"
    "đối tượng",
    "bị cáo",  # court reports: "1.302 vụ - 2.286 bị cáo"
    "bị can",
    "văn bản",
    "thủ tục",
    "giao dịch",
    "tài khoản",
    "chứng thư số",
    "chữ ký số",
    "giấy phép",
    "giấy chứng nhận",
    "căn hộ",
    "căn",
    "căn nhà",
    "ngôi nhà",
    "nhà",
    "cây",
    "con",
    "chiếc",
    "bộ",
    "máy",
    "xe",
    "phương tiện",
    "bệnh nhân",
    "ca",
    "ca mắc",
    "giường bệnh",
    "bác sĩ",
    "trạm",
    "điểm",
    "lần",
    "bài",
    "tin",
    "tin bài",
    "sản phẩm",
    "mô hình",
    "chỉ tiêu",
    "tiêu chí",
    "nhiệm vụ",
    "đề án",
    "công trình",
    "km đường",
    "tuyến",
    "cửa hàng",
    "chợ",
    "khu công nghiệp",
    "cụm công nghiệp",
    "sở, ban, ngành",
    "ngành",
    "sở",
    "ban",
    "đơn",
    "thư",
    "cuộc gọi",
    "tin nhắn",
    "lượt truy cập",
    "thành viên",
    "đại biểu",
    # offices, often capitalised ("31 đồng chí Bí thư tái cử", "Trong 48 Bí thư …"):
    # counted people
    "đồng chí",
    "bí thư",
    "phó bí thư",
    "chủ tịch",
    "phó chủ tịch",
    "ủy viên",
    "uỷ viên",
    # members of a Party committee ("50 cấp ủy viên (tỉnh ủy viên 2; huyện ủy viên 8 …)")
    *(f"{level} {ui} viên" for level in PARTY_LEVELS for ui in ("ủy", "uỷ")),
    "giám đốc",
    "phó giám đốc",
    "thẩm phán",
    "kiểm sát viên",
    "luật sư",
    "chiến sĩ",
    "cử tri",
    "ý kiến",
    "câu hỏi",
    "bậc",
    "vị trí",
    "liều",
    "liều vắc xin",
    "mũi tiêm",
    "ca dương tính",
    "ca tử vong",
    "lượt khám",
    "lượt khám chữa bệnh",
    "thuê bao",
    "thuê bao internet",
    "đợt",
    "cổ phần",
    "cuộc kiểm tra",
    "lớp học",
    "buổi",
    "chứng chỉ",
    "đơn thư",
    "thư viện",
    "nhóm",
    "nhóm hàng",
    "nhóm đối tượng",
    "vùng",
    "chỉ số thành phần",
    "chỉ số",
    "người dân",
    "hội viên",
    "đảng viên",
    "nhân khẩu",
    "khẩu trang",
    "khẩu",  # "59 hộ/186 khẩu": people of a household register
    "trẻ em",
    "trẻ trai",  # "6.109 trẻ trai/5.365 trẻ gái" (births by sex)
    "trẻ gái",
    "trẻ",  # "1.456 trẻ"
    "thí sinh",
    "vị trí",  # "giải tỏa 157.018 m² tại 49 vị trí"
    "tân binh",  # "165 tân binh lên đường nhập ngũ"
    "quân nhân",
)

# Administrative-unit words; comma lists of them are one counted noun ("UBND huyện, thị xã, thành
# phố").
ADMIN_UNITS: tuple[str, ...] = (
    "thành phố trực thuộc trung ương",
    "thị trấn",
    "thị xã",
    "thành phố",
    "huyện",
    "quận",
    "xã",
    "phường",
    "tỉnh",
    "sở",
    "ban",
    "ngành",
    "đặc khu",
)

# Words that end a noun phrase: a counted noun never continues through them.
STOP_WORDS: frozenset[str] = frozenset(
    """và với của cho trong ngoài trên dưới đến tới từ tại là thì mà nên
    được bị đã đang sẽ có không chưa còn so theo để về vào ra như hay
    hoặc nhưng nhằm do bởi vì khi nếu gồm bao gồm tăng giảm đạt chiếm
    chỉ cùng kỳ năm tháng ngày quý này đó kia các những mỗi mọi nay
    vượt bằng gấp ước hơn gần khoảng""".split()
)

# What happens to an organisation, said right after a bare count of them ("85 tạm ngưng kinh
# doanh, 40 giải thể"): a verb, never the counted noun.
NOT_NOUNS_AFTER: frozenset[str] = frozenset(
    {"tạm", "ngừng", "ngưng", "giải thể", "phá sản", "sáp nhập", "hợp nhất", "chia tách"}
)

# Abbreviations reports print for a counted noun, before or after the count ("KN 76, TC 143", "180 HS"):
# a count's label, never a name.  (Case-sensitive.)
COUNT_ABBREVIATIONS: dict[str, str] = {
    "HS": "hồ sơ",
    "TTHC": "thủ tục hành chính",
    "KN": "khiếu nại",
    "TC": "tố cáo",
    "KNTC": "khiếu nại tố cáo",
    "DN": "doanh nghiệp",
    "HSSV": "học sinh",
    "LĐ": "lao động",
    "HTX": "hợp tác xã",
    "TS": "thí sinh",  # "465 TS tự do" (a count of candidates; of doctors it counts people all the same)
    "CCB": "cựu chiến binh",  # "64 CCB là trưởng, phó phòng"
}

# A number right after one of these is a name or a label, not a figure: "Quận 1", "Điều 5",
# "Chỉ thị 16", "mức độ 3", "đường dây nóng 1022", "lần thứ 3".  (Case-insensitive.)
LABEL_WORDS: tuple[str, ...] = (
    "quyết định",
    "nghị định",
    "nghị quyết",
    "thông tư",
    "chỉ thị",
    "công văn",
    "kế hoạch",
    "luật",
    "báo cáo",
    "tờ trình",
    "văn bản",
    "thông báo",
    "chương trình",
    "đề án",
    "hướng dẫn",
    "công điện",
    "điều",
    "khoản",
    "chương",
    "mục",
    "tiểu mục",
    "phụ lục",
    "phần",
    "biểu",
    "mẫu số",
    "bảng",
    "quận",
    "phường",
    "khu phố",
    "ấp",
    "tổ dân phố",
    "tổ",
    "khu vực",
    "khu",
    "đường số",
    "đường",
    "quốc lộ",
    "tỉnh lộ",
    "hương lộ",
    "ql",
    "đt",
    "hẻm",
    "ngõ",
    "ngách",
    "kiệt",
    "lô",
    "phòng",
    "tầng",
    "block",
    "lần thứ",
    "lần",  # "giải quyết lần 2": the second time, not two
    "thứ",
    "mũi",
    "mũi tiêm",
    "tổ máy",
    "tổ máy số",
    "khóa",
    "khoá",
    "kỳ họp",
    "kỳ họp thứ",
    "phiên họp",
    "phiên",
    "đợt",
    "nhiệm kỳ",
    "giai đoạn",
    "mức độ",
    "cấp độ",
    "nguyện vọng",  # "nguyện vọng 1 là 640.637": the first choice, not one
    # the English half of a bilingual yearbook's row label ("Hạng 1 - Level 1", "Loại 2 - Type 2")
    "level",
    "type",
    "group",
    "grade",
    "class",
    "region",
    "zone",
    "lớp",
    "nhóm",
    "loại",
    "hạng",
    "top",
    "tuần",
    "đường dây nóng",
    "hotline",
    "tổng đài",
    "điện thoại",
    "số điện thoại",
    "đt",
    "fax",
    "tel",
    "đầu số",
    "số",
    "số hiệu",
    "mã",
    "mã số",
    "mã số thuế",
    "mã số doanh nghiệp",
    "số tài khoản",
    "tài khoản",
    "mã hồ sơ",
    "mã định danh",
    "cccd",
    "cmnd",
    "căn cước",
    "hộ chiếu",
    "biển số",
    "biển kiểm soát",
    "ký hiệu",
    "covid",
    "covid-",
    "sars-cov-",
    "iso",
    "tcvn",
    "windows",
    "phiên bản",
    "version",
    "cách mạng công nghiệp",
    "công nghiệp",
    "web",
    "zalo",
    "km",
    "trạm",
    "cổng",
    "khu công nghiệp số",
    "bến",
    "cầu",
    "kênh",
    "bài",
    "câu",
    "trang",
    "hình",
    "ảnh",
    "video",
)
# …unless the label is itself part of a count: "tổng số 157 cơ quan", "con số 1.000 tỷ đồng".
LABEL_EXCEPT_BEFORE: tuple[str, ...] = (
    "tổng",
    "con",
    "với",
    "có",
    "chiếm",
    "trên",
    "một",
    "dân",
    "quy",
    "đa",
)

# Label words that are part of another word after these ("tiểu đường: 4.149" is diabetes, not a road).
LABEL_COMPOUNDS: dict[str, tuple[str, ...]] = {
    "đường": ("tiểu", "mía", "lượng", "bột"),
    "khu vực": ("khoa",),  # "Phòng khám đa khoa khu vực: 86": a regional clinic, not zone 86
    "phòng": ("dự", "quốc"),  # "(chính thức 215, dự phòng 11)": in reserve, not room 11
}

# Ranks: "xếp thứ 9/63", "đứng thứ 3", "xếp hạng 9/63", "vị trí thứ 5".
RANK_LEADS: tuple[str, ...] = (
    "xếp thứ",
    "xếp hạng thứ",
    "xếp hạng",
    "đứng thứ",
    "đứng vị trí thứ",
    "vị trí thứ",
    "vị thứ",
    "hạng",
    "đứng ở vị trí thứ",
    "xếp vị trí thứ",
    "đạt hạng",
    "top",
    "giữ vị trí thứ",
    "vươn lên thứ",
    "lên thứ",
    "xuống thứ",
    "lên vị trí thứ",
    "xuống vị trí thứ",
    "lên hạng",
    "xuống hạng",
    "thứ hạng",
    # "giảm nhanh thứ hai cả nước", "lớn thứ 3": a superlative with its place
    "cao thứ",
    "thấp thứ",
    "lớn thứ",
    "nhỏ thứ",
    "nhanh thứ",
    "chậm thứ",
    "nhiều thứ",
    "ít thứ",
    "mạnh thứ",
)

# Spelled ordinals after a rank lead ("đứng thứ hai", "vị trí thứ ba"); "nhì" and "tư" only as
# ordinals.
ORDINALS: dict[str, int] = {
    "nhất": 1,
    "nhì": 2,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}

# A number glued to the word before it ("tăng14,7%") is read only after these words.
GLUE_OK_BEFORE: frozenset[str] = frozenset(
    "tăng giảm đạt là có được trên hơn gần khoảng với và từ đến còn chiếm gồm "
    "mới tới thêm".split()
)
# …and after a word that careless editing glued onto them ("ngành xây dựngtăng2,1%"): the longer ones
# only.
GLUE_OK_SUFFIXES: tuple[str, ...] = ("tăng", "giảm", "đạt", "chiếm", "khoảng", "được")
# "đồng" followed by these is a word of its own ("5 đồng chí" = five comrades), not the currency.
NOT_CURRENCY_AFTER: tuple[str, ...] = ("chí", "bào", "nghiệp", "hương", "đội", "môn")
