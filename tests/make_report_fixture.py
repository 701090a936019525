"""Writes the bundled attachments of fixtures/documents/ (a report WE wrote: our words, plausible
figures).  The article says the on-time rate was 98,6%; the report says 96,8% — the one figure that
`qa compare --attachments` must flag.  Run: python tests/make_report_fixture.py"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from docmaker import make_pdf, make_xlsx  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "documents"

REPORT = [
    [
        "ỦY BAN NHÂN DÂN HUYỆN HÒA THUẬN",
        "Số: 215/BC-UBND",
        "BÁO CÁO Kết quả công tác cải cách hành chính 6 tháng đầu năm 2026",
        "I. KẾT QUẢ THỰC HIỆN",
        "Từ ngày 01/01/2026 đến ngày 30/6/2026, Bộ phận Một cửa của huyện đã tiếp nhận 12.486 hồ sơ thủ tục "
        "hành chính, trong đó 9.874 hồ sơ được nộp trực tuyến. Đã giải quyết 12.102 hồ sơ, tỷ lệ giải quyết "
        "đúng hạn đạt 96,8%.",
        "Tổng thu ngân sách nhà nước trên địa bàn huyện ước đạt 1.245,6 tỷ đồng, bằng 54,2% dự toán năm.",
    ],
    [
        "II. SỐ LIỆU CHI TIẾT THEO LĨNH VỰC",
        "Đơn vị tính: hồ sơ",
        [
            ["Lĩnh vực", "Tiếp nhận", "Đã giải quyết", "Quá hạn"],
            ["Đất đai", "4.215", "4.087", "96"],
            ["Tư pháp - hộ tịch", "3.906", "3.889", "12"],
            ["Xây dựng", "1.428", "1.376", "41"],
        ],
        "Huyện đã cấp 318 giấy chứng nhận quyền sử dụng đất lần đầu trong 6 tháng đầu năm.",
    ],
]

APPENDIX = {
    "Thu chi ngân sách": [
        ["PHỤ LỤC: THU, CHI NGÂN SÁCH 6 THÁNG ĐẦU NĂM 2026"],
        ["STT", "Chỉ tiêu", "Năm 2026", None, None],
        [None, None, "Dự toán (tỷ đồng)", "Ước thực hiện 6 tháng (tỷ đồng)", "So với dự toán"],
        [1, "Tổng thu ngân sách nhà nước trên địa bàn", 2298.2, 1245.6, 0.542],
        [2, "Chi đầu tư phát triển", 865.0, 402.3, 0.465],
    ],
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bao-cao-cchc-6-thang-2026.pdf").write_bytes(make_pdf(REPORT))
    (OUT / "phu-luc-so-lieu-6-thang-2026.xlsx").write_bytes(make_xlsx(
        APPENDIX, merges={"Thu chi ngân sách": ["A1:E1", "C2:E2", "A2:A3", "B2:B3"]},
        percent_cells={"Thu chi ngân sách": ["E4", "E5"]}))


if __name__ == "__main__":
    main()
