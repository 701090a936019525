"""Per-field accuracy of the article reader on REAL pages, side by side with trafilatura and htmldate.

    pip install '.[bench]' && python benchmarks/bench_metadata.py [--shared DIR] [--details] [--json OUT]

Pages (read from ../shared beside the checkout, never copied into the repo):
- `dev/pages/*.html` with the hand-read `dev/pages/expected.json` (4 Đắk Nông agency sites);
- `realpages/liferay/*.html` article pages (sotttt.hanoi.gov.vn), with the values read by eye from
  the pages listed in `HANOI` below (title, date/time, byline, first and last words of the body).

Split (by SITE, so held-back pages come from hosts never tuned on): a page is held back when
`int(sha1(host).hexdigest(), 16) % 10 in {6, 7, 8}` — the rule of ../shared/dev/README.md applied to
the host instead of the page URL.  That holds back stc.daknong.gov.vn (the "gthieu" SharePoint-derived
template, seen nowhere else) and stp.daknong.gov.vn (8 pages); thanhtra, ldld and sotttt.hanoi are
the tuning side.  Report the held-back numbers; numbers on the tuning side are labelled as such.

Fields: title exact; published exact (date + time + offset as ISO 8601, or null when the page shows
none); published day only (the only thing htmldate and trafilatura return); byline exact (null
when the page has none); body starts with the expected first words; body ends with the expected
last words; chrome leaks (chrome samples found inside the body, summed over pages).  Text is
compared NFC with every run of whitespace (NBSP included) collapsed to one space.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from _common import ROOT, table

from scraper import parse_article
from scraper.parse import ParseError

HELD_BACK_BUCKETS = {6, 7, 8}

# Hand-read from ../shared/realpages/liferay (see its SOURCES.md); the original URL is in each
# page's HTTrack comment.  "Pho Ban bien tap"/"admin admin" are posting accounts, not bylines.
# A sapo that only repeats the title is not body; a sapo with its own sentences is the lead.
# The 229-dự-án page ends with a photo block ("Một số hình ảnh …" + captions): captions are not prose.
HANOI: dict[str, dict[str, object]] = {
    "sotttt-hanoi-1005503-attt-bau-cu.html": {
        "title": "Đảm bảo an toàn thông tin phục vụ bầu cử",
        "published": "2016-05-13T17:05:00+07:00",
        "author": "Đặng Vân",
        "body_first_words": "Bầu cử đại biểu Quốc hội khóa XIV và đại biểu",
        "body_last_words": "trên các kênh thông tin của Thành phố./.",
    },
    "sotttt-hanoi-1006602-attachment-pdf.html": {
        "title": "Quy định chi tiết sử dụng vốn nhà nước để mua sắm nhằm duy trì hoạt động thường xuyên "
        "của cơ quan, đơn vị",
        "published": "2016-05-16T10:50:00+07:00",
        "author": "Thanh Thúy",
        "body_first_words": "Theo đó, thông tư quy định nội dung mua sắm",
        "body_last_words": "chi tiết tại văn bản đính kèm./.",
    },
    "sotttt-hanoi-3252817-ktxh-6-thang-2019.html": {
        "title": "Triển khai đồng bộ các nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2019",
        "published": "2019-07-03T15:59:00+07:00",
        "author": "Phạm Linh",
        "body_first_words": "Ngày 27/6/2019, UBND Thành phố có Báo cáo số 317/BC-UBND",
        "body_last_words": "9.438 mẫu, tỷ lệ đạt yêu cầu 86,7%.",
    },
    "sotttt-hanoi-3252817-print-popup.html": {
        "title": "Triển khai đồng bộ các nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2019",
        "published": "2019-07-03T15:59:00+07:00",
        "author": "Phạm Linh",
        "body_first_words": "Ngày 27/6/2019, UBND Thành phố có Báo cáo số 317/BC-UBND",
        "body_last_words": "9.438 mẫu, tỷ lệ đạt yêu cầu 86,7%.",
    },
    "sotttt-hanoi-3844823-229-du-an.html": {
        "title": "Hà Nội trao giấy chứng nhận đầu tư cho 229 dự án",
        "published": "2020-07-01T08:30:00+07:00",
        "author": "Phạm Linh",
        "body_first_words": "Tại Hội nghị “Hà Nội 2020 - Hợp tác đầu tư",
        "body_last_words": "trong lĩnh vực thuế, an sinh xã hội.",
    },
    "sotttt-hanoi-693858-chi-so-cchc.html": {
        "title": "Hà Nội tăng 2 bậc trong xếp hạng Chỉ số CCHC - Ghi nhận nhiều cách làm sáng tạo trong "
        "công tác CCHC của Thành phố",
        "published": "2014-10-27",
        "author": None,
        "body_first_words": "Theo báo cáo của Bộ Nội vụ, chỉ số CCHC năm 2013",
        "body_last_words": "hằng năm của các cơ quan, đơn vị.",
    },
    "sotttt-hanoi-705513-chi-so-cchc-en-chrome.html": {
        "title": "Nâng cao chỉ số cải cách hành chính của thành phố Hà Nội",
        "published": "2014-03-19",
        "author": None,
        "body_first_words": "Theo báo cáo của Chính phủ về kết quả PAR INDEX 2012",
        "body_last_words": "phát huy hết được các lợi thế của Thủ đô vốn có.",
    },
}
HANOI_CHROME = ["Các tin khác", "In bài viết", "Gửi mail", "View count", "Pho Ban bien tap", "admin admin"]
_MIRRORED = re.compile(r"<!--\s*Mirrored from\s+(\S+)\s+by HTTrack", re.I)


@dataclass
class Page:
    path: Path
    url: str | None
    expected: dict[str, object]
    chrome: list[str] = field(default_factory=list)

    @property
    def host(self) -> str:
        return (urlsplit(self.url or "").hostname or "").lower()

    @property
    def held_back(self) -> bool:
        return int(hashlib.sha1(self.host.encode()).hexdigest(), 16) % 10 in HELD_BACK_BUCKETS


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").replace("\u00a0", " ").split())


def load_pages(shared: Path) -> list[Page]:
    pages: list[Page] = []
    dev = shared / "dev" / "pages"
    for e in json.loads((dev / "expected.json").read_text(encoding="utf-8")):
        pages.append(Page(dev / e["file"], e["original_url"], e, list(e.get("chrome_samples", []))))
    for name, exp in HANOI.items():
        path = shared / "realpages" / "liferay" / name
        m = _MIRRORED.search(path.read_text(encoding="utf-8", errors="replace")[:4000])
        url = (
            ("https://" + m.group(1))
            if m and not m.group(1).startswith("http")
            else (m.group(1) if m else None)
        )
        pages.append(Page(path, url, exp, HANOI_CHROME))
    return pages


@dataclass
class Reading:
    title: str | None = None
    published: str | None = None
    author: str | None = None
    body: str = ""


def read_ours(page: Page, data: bytes) -> Reading:
    try:
        a = parse_article(data, url=page.url, with_figures=False)
    except ParseError:
        return Reading()
    return Reading(a.title, a.published, a.author, a.body_text)


def read_trafilatura(page: Page, data: bytes) -> Reading:
    import trafilatura

    doc = trafilatura.bare_extraction(data.decode("utf-8", "replace"), url=page.url, with_metadata=True)
    if doc is None:
        return Reading()
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    return Reading(get("title"), get("date"), get("author"), get("text") or "")


def read_htmldate(page: Page, data: bytes) -> Reading:
    from htmldate import find_date

    return Reading(published=find_date(data.decode("utf-8", "replace"), url=page.url))


def score(page: Page, r: Reading) -> dict[str, object]:
    e = page.expected
    body = norm(r.body)
    want_pub = e.get("published")
    return {
        "title": norm(r.title) == norm(e["title"]),  # type: ignore[arg-type]
        "published": (r.published or None) == want_pub,
        "day": (r.published or "")[:10] == (want_pub or "")[:10],  # type: ignore[index]
        "byline": norm(r.author) == norm(e.get("author")),  # type: ignore[arg-type]
        "start": bool(body) and body.startswith(norm(e["body_first_words"])),  # type: ignore[arg-type]
        "end": bool(body) and body.endswith(norm(e["body_last_words"])),  # type: ignore[arg-type]
        "leaks": sum(norm(c) in body for c in page.chrome) if body else 0,
    }


FIELDS = [
    ("title", "title exact"),
    ("published", "published exact (date+time)"),
    ("day", "published day"),
    ("byline", "byline"),
    ("start", "body start"),
    ("end", "body end"),
]


def summarise(pages: list[Page], results: dict[str, list[dict[str, object]]]) -> str:
    rows = []
    for key, label in FIELDS:
        row: dict[str, object] = {"field": label}
        for tool, scores in results.items():
            if tool == "htmldate" and key != "day":
                row[tool] = "—"
            else:
                row[tool] = f"{sum(bool(s[key]) for s in scores)}/{len(scores)}"
        rows.append(row)
    leak_row: dict[str, object] = {"field": "chrome leaks (samples in body)"}
    for tool, scores in results.items():
        leak_row[tool] = "—" if tool == "htmldate" else str(sum(int(s["leaks"]) for s in scores))  # type: ignore[call-overload]
    rows.append(leak_row)
    return table(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared/ folder (default ../shared)"
    )
    ap.add_argument("--details", action="store_true", help="print every miss of this project")
    ap.add_argument("--json", type=Path, help="also write the per-page scores as JSON here")
    ap.add_argument("--no-baselines", action="store_true", help="score this project only")
    args = ap.parse_args(argv)
    if not (args.shared / "dev" / "pages" / "expected.json").exists():
        print(f"error: no dev pages under {args.shared} (use --shared DIR)", file=sys.stderr)
        return 2
    readers = {"this project": read_ours}
    if not args.no_baselines:
        try:
            import htmldate  # noqa: F401
            import trafilatura  # noqa: F401

            readers |= {"trafilatura": read_trafilatura, "htmldate": read_htmldate}
        except ImportError:
            print("trafilatura/htmldate not installed (pip install '.[bench]'): baselines skipped")
    pages = load_pages(args.shared)
    per_page: dict[str, dict[str, dict[str, object]]] = {}
    for page in pages:
        data = page.path.read_bytes()
        per_page[page.path.name] = {tool: score(page, fn(page, data)) for tool, fn in readers.items()}
        if args.details:
            s, r = per_page[page.path.name]["this project"], read_ours(page, data)
            misses = [k for k, _ in FIELDS if not s[k]] + (["leaks"] if s["leaks"] else [])
            if misses:
                print(
                    f"- {page.path.name} ({'held back' if page.held_back else 'tuned'}): {', '.join(misses)}"
                )
                print(f"    title={r.title!r} published={r.published!r} author={r.author!r}")
                print(f"    body starts {norm(r.body)[:90]!r}\n    body ends   {norm(r.body)[-90:]!r}")
    for label, held in (
        ("HELD-BACK pages (sites never tuned on)", True),
        ("TUNED-ON pages (labelled: tuned on)", False),
    ):
        chosen = [p for p in pages if p.held_back == held]
        hosts = sorted({p.host for p in chosen})
        print(f"\n{label}: {len(chosen)} pages from {', '.join(hosts)}")
        results = {tool: [per_page[p.path.name][tool] for p in chosen] for tool in readers}
        print(summarise(chosen, results))
    if args.json:
        args.json.write_text(json.dumps(per_page, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
