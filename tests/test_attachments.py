"""End to end: a portal on 127.0.0.1 whose articles link PDF/DOCX/XLSX reports (made here), crawled with
the real crawler; documents stored with the right status, their figures exact against `documents.text`,
and `qa compare --attachments` reporting the article figure that disagrees with its report."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from docmaker import make_docx, make_image_pdf, make_pdf, make_xlsx, make_zip_bomb

from scraper.cli import main
from scraper.fetch.crawl import CrawlConfig, reextract, run_crawl
from scraper.qa.attachments import compare_attachments
from scraper.sources.replay import DOCS_PATH, PortalReplay, ReplayArticle

ARTICLE = (
    "<html><head><meta charset='utf-8'><title>Kết quả quý II</title></head><body>"
    "<h1 class='title-news'>Huyện Tân Lộc: kết quả giải quyết hồ sơ quý II năm 2026</h1>"
    "<div class='news-date'>Ngày 05/07/2026, 09:00</div><div class='ms-rtestate-field'>"
    "<p>Trong quý II năm 2026, huyện Tân Lộc đã tiếp nhận 8.412 hồ sơ thủ tục hành chính. "
    "Tỷ lệ giải quyết đúng hạn đạt 99,1%. Thu ngân sách trên địa bàn đạt 512,3 tỷ đồng.</p>"
    "{links}</div></body></html>"
)
REPORT = make_pdf([
    ["BÁO CÁO kết quả quý II năm 2026",
     "Trong quý II năm 2026, huyện Tân Lộc đã tiếp nhận 8.412 hồ sơ thủ tục hành chính. "
     "Tỷ lệ giải quyết đúng hạn đạt 97,4%."],
    ["Thu ngân sách trên địa bàn đạt 512,3 tỷ đồng."],
])
DOCS = {
    "bao-cao.pdf": REPORT,
    "so-lieu.docx": make_docx([[["Lĩnh vực", "Tiếp nhận (hồ sơ)"], ["Đất đai", "3.120"], ["Hộ tịch", "2.045"]]]),
    "phu-luc.xlsx": make_xlsx({"Biểu 1": [["Chỉ tiêu", "Quý II/2026 (tỷ đồng)"], ["Thu ngân sách", 512.3]]}),
    "ban-scan.pdf": make_image_pdf(),
    "bom.docx": make_zip_bomb(),
    "hong.pdf": b"%PDF-1.5 this is not really a PDF",
    "cu.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000,
}


def links(names) -> str:
    return "".join(f"<p><a href='{DOCS_PATH}{n}'>{n}</a></p>" for n in names)


def portal() -> PortalReplay:
    html = ARTICLE.replace("{links}", links(DOCS)).encode("utf-8")
    return PortalReplay([ReplayArticle(1, html)], documents=DOCS)


def crawl(p: PortalReplay, out: Path, **kw):
    return run_crawl(CrawlConfig(start_urls=[p.start_url], out_dir=out, delay=0.01, quiet=True, **kw))


def table(out: Path, name: str) -> list[sqlite3.Row]:
    db = sqlite3.connect(out / "dataset.sqlite")
    db.row_factory = sqlite3.Row
    return db.execute(f"SELECT * FROM {name}").fetchall()


def test_crawl_reads_attachments_with_status_and_exact_provenance(tmp_path: Path) -> None:
    with portal() as p:
        summary = crawl(p, tmp_path)
        base = p.base_url
        hits = [h.path for h in p.hits]
    assert summary.new == 1 and summary.failed == 0 and summary.documents == len(DOCS)
    assert all(f"{DOCS_PATH}{n}" in hits for n in DOCS)
    docs = {r["url"].rsplit("/", 1)[-1]: r for r in table(tmp_path, "documents")}
    status = {n: docs[n]["status"] for n in docs}
    assert status == {"bao-cao.pdf": "parsed", "so-lieu.docx": "parsed", "phu-luc.xlsx": "parsed",
                      "ban-scan.pdf": "needs_ocr", "bom.docx": "failed", "hong.pdf": "failed", "cu.doc": "unsupported"}
    assert docs["bao-cao.pdf"]["pages"] == 2 and docs["bao-cao.pdf"]["type"] == "pdf"
    assert "zip bomb" in docs["bom.docx"]["error"] and docs["cu.doc"]["error"]
    texts = {r["url"]: r["text"] for r in docs.values()}
    figs = [r for r in table(tmp_path, "figures") if r["document_url"]]
    assert figs and all(texts[f["document_url"]][f["start"]:f["end"]] == f["raw"] for f in figs)
    pdf_pages = {f["page"] for f in figs if f["document_url"].endswith("bao-cao.pdf")}
    assert pdf_pages == {1, 2}
    cell = [f for f in figs if f["document_url"].endswith("so-lieu.docx") and f["value"] == "3120"][0]
    assert (cell["table"], cell["row"], cell["column"], cell["cell"], cell["unit"]) == (0, "Đất đai", "Tiếp nhận (hồ sơ)", "r2c2", "hồ sơ")
    body = [f for f in table(tmp_path, "figures") if not f["document_url"]]
    assert len(body) >= 3 and all(f["article_url"] == f"{base}/Lists/TinTuc/View_Detail.aspx?ItemID=1" for f in body)
    # The article's own row is there whatever its documents did.
    assert len(table(tmp_path, "articles")) == 1


def test_qa_compare_attachments_reports_the_disagreeing_figure(tmp_path: Path, capsys) -> None:
    with portal() as p:
        crawl(p, tmp_path)
    rows = compare_attachments(tmp_path)
    mism = [r for r in rows if r.status == "mismatch"]
    assert [(r.article_raw, r.document_raw, r.page) for r in mism] == [("99,1%", "97,4%", 1)]
    assert "Tỷ lệ giải quyết đúng hạn" in mism[0].article_sentence and "97,4%" in mism[0].document_sentence
    matched = {(r.article_raw, r.document_url.rsplit("/", 1)[-1]) for r in rows if r.status == "matched"}
    assert ("512,3 tỷ đồng", "bao-cao.pdf") in matched or ("512,3 tỷ đồng", "phu-luc.xlsx") in matched
    assert main(["qa", "compare", "--attachments", "--dataset", str(tmp_path), "--fail-on", "mismatch"]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    keys = {"status", "article_url", "document_url", "article_value", "document_value", "article_sentence", "document_sentence"}
    assert out and all(keys <= set(o) for o in out)
    html = tmp_path / "cmp.html"
    assert main(["qa", "compare", "--attachments", "--dataset", str(tmp_path), "--format", "html", "-o", str(html)]) == 0
    page = html.read_text(encoding="utf-8")
    assert "97,4%" in page and "Tỷ lệ giải quyết đúng hạn đạt" in page  # the report's sentence beside the article text


def test_second_crawl_revalidates_documents_and_no_attachments_skips(tmp_path: Path) -> None:
    with portal() as p:
        crawl(p, tmp_path)
        p.edit(1, ARTICLE.replace("{links}", links(DOCS)).replace("8.412", "8.413").encode("utf-8"))
        p.hits.clear()
        crawl(p, tmp_path)
        conditional = [h for h in p.hits if h.path.startswith(DOCS_PATH) and "if-none-match" in h.headers]
        assert conditional, "documents already read are asked for with their ETag"
    with portal() as p:
        crawl(p, tmp_path / "bare", attachments=False)
        assert not any(h.path.startswith(DOCS_PATH) for h in p.hits)
    assert table(tmp_path / "bare", "documents") == []


def test_reextract_reads_attachments_from_the_warc(tmp_path: Path) -> None:
    with portal() as p:
        crawl(p, tmp_path)
    before = sorted((r["url"], r["status"], r["sha256"]) for r in table(tmp_path, "documents") if r["sha256"])
    db = sqlite3.connect(tmp_path / "dataset.sqlite")
    db.execute("DELETE FROM figures WHERE document_url IS NOT NULL")
    db.execute("DELETE FROM documents")
    db.commit()
    db.close()
    summary = reextract(tmp_path, quiet=True)
    after = sorted((r["url"], r["status"], r["sha256"]) for r in table(tmp_path, "documents"))
    assert after == before and summary.documents == len(before)
    assert any(r["document_url"] for r in table(tmp_path, "figures"))


def test_extract_prints_document_figures_with_page_and_cell(tmp_path: Path, capsys) -> None:
    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "so-lieu.xlsx"
    pdf.write_bytes(REPORT)
    xlsx.write_bytes(DOCS["phu-luc.xlsx"])
    assert main(["extract", str(pdf)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["page"] for r in rows} == {1, 2} and all(r["start"] < r["end"] for r in rows)
    assert main(["extract", str(xlsx)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["value"], r["table"], r["row"], r["cell"], r["kind"]) for r in rows] == [
        ("512300000000", 0, "Thu ngân sách", "Biểu 1!B2", "money")]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_image_pdf())
    assert main(["extract", str(scan)]) == 3
    assert "needs_ocr" in capsys.readouterr().err


def _fig(raw, value, kind, unit, indicator, *, period=None, **kw):
    d = {"raw": raw, "value": value, "kind": kind, "unit": unit, "indicator": indicator, "start": 0, "end": len(raw),
         "index": kw.pop("index", 0), "sentence": kw.pop("sentence", f"{indicator} {raw}"), "entity": None,
         "period_start": None, "period_end": period, "period_text": None, "change": None, "prior_period": False,
         "estimate": False, "document_url": kw.pop("document_url", None)}
    d.update(kw)
    return d


def test_table_cells_are_counterparts_of_prose_figures() -> None:
    from scraper.qa.attachments import match_article

    article = [_fig("12.486", "12486", "count", "hồ sơ thủ tục hành chính", "hồ sơ thủ tục hành chính tiếp nhận",
                    period="2026-06-30"),
               _fig("98,6%", "98.6", "percent", "%", "Tỷ lệ giải quyết đúng hạn", period="2026-06-30", index=1),
               _fig("27%", "27", "percent", "%", "Tỷ lệ hộ nghèo", index=2)]
    doc = [_fig("12.486", "12486", "count", "hồ sơ", "Hồ sơ tiếp nhận", period="2026-06-30", document_url="d", cell="r2c2"),
           _fig("96,8", "96.8", "percent", "%", "Tỷ lệ giải quyết đúng hạn", period="2026-06-30", document_url="d"),
           _fig("97,1", "97.1", "percent", "%", "Tỷ lệ giải quyết đúng hạn", period="2026-03-31", document_url="d"),
           _fig("31", "31", "percent", "%", "Tỷ lệ hồ sơ trực tuyến", document_url="d")]
    got = {(m.article_raw, m.status, m.document_raw) for m in match_article("a", article, doc)}
    # units "hồ sơ" and "hồ sơ thủ tục hành chính" agree; the Q1 value is another period; "Tỷ lệ hộ
    # nghèo" shares one word with "Tỷ lệ hồ sơ trực tuyến" and is not its counterpart.
    assert got == {("12.486", "matched", "12.486"), ("98,6%", "mismatch", "96,8")}
