"""The crawler against a portal on 127.0.0.1 (scraper.sources.replay): politeness, faults, incremental runs,
WARC capture and offline rebuild, and kill -9 then resume.  Assertions are on what the server saw
and on the dataset."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


from scraper.fetch.crawl import CrawlConfig, reextract, run_crawl, run_warc
from scraper.sources.replay import ITEM_PATH, LIST_PATH, PortalReplay, ReplayArticle


def page(item: int, extra: str = "", *, bom: bool = False, nfd: bool = False) -> bytes:
    text = (
        "<html><head><meta charset='utf-8'><meta name='GENERATOR' content='Microsoft SharePoint'>"
        f"<title>Tin {item}</title></head><body><div class='news-date'>Thứ 2, Ngày 0{1 + item % 9}/03/2021, 08:00</div>"
        f"<h1 class='title-news'>Báo cáo kết quả công tác số {item} của tỉnh</h1>"
        f"<div class='ms-rtestate-field'><p>Từ 01/1 đến 28/2/2021, huyện Bàu Bàng đã tiếp nhận {1000 + item}.{item % 10}00 hồ sơ, "
        f"tỷ lệ giải quyết đúng hạn đạt 9{item % 10},5%. {extra}</p></div></body></html>"
    )
    if nfd:
        import unicodedata

        text = unicodedata.normalize("NFD", text)
    data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def make_portal(n: int = 12) -> PortalReplay:
    return PortalReplay([ReplayArticle(i, page(i)) for i in range(1, n + 1)], page_size=5)


def crawl(portal: PortalReplay, out: Path, **kw) -> object:
    cfg = CrawlConfig(start_urls=[portal.start_url], out_dir=out, delay=kw.pop("delay", 0.01), quiet=True, **kw)
    return run_crawl(cfg)


def rows(out: Path, table: str) -> list[sqlite3.Row]:
    db = sqlite3.connect(out / "dataset.sqlite")
    db.row_factory = sqlite3.Row
    return db.execute(f"SELECT * FROM {table}").fetchall()


def paths(portal: PortalReplay) -> list[str]:
    return [h.path for h in portal.hits]


def test_first_crawl_stores_everything_politely(tmp_path: Path) -> None:
    with make_portal() as portal:
        summary = crawl(portal, tmp_path, delay=0.05)
        base = portal.base_url
    assert summary.new == 12 and summary.failed == 0
    seen = paths(portal)
    assert seen[0] == "/robots.txt"
    assert not any(p.startswith("/private/") for p in seen)  # Disallow obeyed
    assert sum(1 for p in seen if p.startswith(ITEM_PATH)) == 12
    assert sum(1 for p in seen if p.startswith(LIST_PATH)) == 3
    ua = portal.hits[1].headers["user-agent"]
    assert "vn-gov-figures" in ua
    assert portal.max_in_flight == 1  # concurrency 1 per host by default
    gaps = [b.at - a.at for a, b in zip(portal.hits[1:], portal.hits[2:])]
    assert min(gaps) >= 0.025  # the 0.05 s delay between requests (half of it, for network jitter)
    assert len(rows(tmp_path, "articles")) == 12 and len(rows(tmp_path, "figures")) == 24
    lines = (tmp_path / "figures.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 24 and json.loads(lines[0])["article_url"].startswith(base)
    assert list((tmp_path / "warc").glob("*.warc.gz"))


def test_second_run_on_unchanged_site_is_only_listing_and_conditional(tmp_path: Path) -> None:
    with make_portal() as portal:
        crawl(portal, tmp_path)
        portal.hits.clear()
        summary = crawl(portal, tmp_path)
        second = list(portal.hits)
    articles = [h for h in second if h.path.startswith(ITEM_PATH)]
    assert all("if-none-match" in h.headers for h in articles)
    assert summary.not_modified == len(articles) and summary.new == 0
    assert sum(1 for h in second if h.path.startswith(LIST_PATH)) == 1  # nothing new on page 1: stop paging
    assert len(rows(tmp_path, "articles")) == 12


def test_next_day_new_and_edited_articles(tmp_path: Path) -> None:
    with make_portal() as portal:
        crawl(portal, tmp_path)
        portal.edit(12, page(12, extra="Cập nhật: đã giải quyết thêm 50 hồ sơ."))
        for i in (13, 14):
            portal.add(ReplayArticle(i, page(i)))
        portal.hits.clear()
        summary = crawl(portal, tmp_path)
    assert summary.new == 2 and summary.changed == 1
    versions = rows(tmp_path, "article_versions")
    assert len(versions) == 1  # the edited article keeps its earlier version (and only earlier ones)
    assert versions[0]["version"] == 1 and "50 hồ sơ" not in versions[0]["body_text"]
    figs = [r for r in rows(tmp_path, "figures") if r["article_url"].endswith("ItemID=12")]
    assert len(figs) == 3  # figures replaced, not appended
    assert len(rows(tmp_path, "articles")) == 14


def test_faults_retry_after_backoff_and_permanent_failure(tmp_path: Path) -> None:
    arts = [ReplayArticle(i, page(i)) for i in range(1, 8)]
    arts[2].faults = [503]
    arts[4].faults = [429]
    arts[4].retry_after = "1"
    arts[6].permanent_status = 500
    with PortalReplay(arts, page_size=10) as portal:
        summary = crawl(portal, tmp_path, retries=2)
        hits = list(portal.hits)
    assert summary.new == 6 and summary.failed == 1 and summary.exit_code() == 1
    five = [h for h in hits if h.path.endswith("ItemID=5")]
    assert len(five) == 2 and five[1].at - five[0].at >= 0.9  # Retry-After: 1 honoured
    assert len([h for h in hits if h.path.endswith("ItemID=3")]) == 2
    assert len([h for h in hits if h.path.endswith("ItemID=7")]) == 3  # bounded retries, no loop
    failed = [r for r in rows(tmp_path, "pages") if r["state"] == "failed"]
    assert [r["url"].rsplit("=", 1)[1] for r in failed] == ["7"]


def test_failed_page_is_retried_on_the_next_run(tmp_path: Path) -> None:
    arts = [ReplayArticle(i, page(i)) for i in range(1, 4)]
    arts[1].permanent_status = 500
    with PortalReplay(arts) as portal:
        crawl(portal, tmp_path, retries=0)
        arts[1].permanent_status = None
        summary = crawl(portal, tmp_path, retries=0)
    assert summary.new == 1 and len(rows(tmp_path, "articles")) == 3


def test_bom_nfd_redirect_and_slow_pages(tmp_path: Path) -> None:
    arts = [ReplayArticle(1, page(1, bom=True)), ReplayArticle(2, page(2, nfd=True)), ReplayArticle(3, page(3))]
    arts[2].delay = 0.3
    with PortalReplay(arts) as portal:
        summary = crawl(portal, tmp_path)
    assert summary.new == 3
    titles = sorted(r["title"] for r in rows(tmp_path, "articles"))
    assert titles[0] == "Báo cáo kết quả công tác số 1 của tỉnh" and titles[1] == "Báo cáo kết quả công tác số 2 của tỉnh"


def test_timeout_is_a_recorded_failure(tmp_path: Path) -> None:
    arts = [ReplayArticle(1, page(1)), ReplayArticle(2, page(2))]
    arts[1].delay = 2.0
    with PortalReplay(arts) as portal:
        summary = crawl(portal, tmp_path, timeout=0.5, retries=0)
    assert summary.new == 1 and summary.failed == 1
    assert any("timed out" in e for e in summary.errors)


def test_warc_rebuild_and_crawl_warc_give_the_same_dataset(tmp_path: Path) -> None:
    live = tmp_path / "live"
    with make_portal(6) as portal:
        crawl(portal, live)
    before = {(r["article_url"], r["index"], r["value"]) for r in rows(live, "figures")}
    db = sqlite3.connect(live / "dataset.sqlite")
    db.execute("DELETE FROM figures")
    db.commit()
    db.close()
    s = reextract(live, quiet=True)
    assert s.failed == 0
    assert {(r["article_url"], r["index"], r["value"]) for r in rows(live, "figures")} == before
    other = tmp_path / "fromwarc"
    run_warc([str(p) for p in (live / "warc").glob("*.warc.gz")], out_dir=other, quiet=True)
    assert {(r["article_url"], r["index"], r["value"]) for r in rows(other, "figures")} == before


def test_kill_9_then_resume_has_no_duplicates_or_gaps(tmp_path: Path) -> None:
    arts = [ReplayArticle(i, page(i)) for i in range(1, 31)]
    with PortalReplay(arts, page_size=30) as portal:
        cmd = [sys.executable, "-m", "scraper", "crawl", portal.start_url, "--out", str(tmp_path), "--delay", "0.1", "--quiet"]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if (tmp_path / "dataset.sqlite").exists():
                try:
                    n = sqlite3.connect(tmp_path / "dataset.sqlite").execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:
                    continue
                if n >= 5:
                    break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        partial = len(rows(tmp_path, "articles"))
        assert 0 < partial < 30
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    arts_rows = rows(tmp_path, "articles")
    assert len(arts_rows) == 30 and len({r["id"] for r in arts_rows}) == 30
    figs = rows(tmp_path, "figures")
    assert len(figs) == 60 and len({(r["article_id"], r["index"]) for r in figs}) == 60
    assert len((tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 30


def dated(item: int, day: int) -> bytes:
    return page(item).replace(f"Ngày 0{1 + item % 9}/03/2021".encode(), f"Ngày {day:02d}/03/2021".encode())


def test_since_stops_paging_at_older_articles(tmp_path: Path) -> None:
    arts = [ReplayArticle(i, dated(i, i)) for i in range(1, 21)]  # newer ids are newer articles
    with PortalReplay(arts, page_size=5) as portal:
        crawl(portal, tmp_path, since="2021-03-14")
        listings = [h.path for h in portal.hits if h.path.startswith(LIST_PATH)]
    stored = sorted(int(r["url"].rsplit("=", 1)[1]) for r in rows(tmp_path, "articles"))
    assert listings == [f"{LIST_PATH}?PageIndex=1", f"{LIST_PATH}?PageIndex=2"]  # page 2 reached 13/03: stop
    assert stored == list(range(11, 21))


def test_feed_discovery_url_normalisation_and_off_site_links(tmp_path: Path) -> None:
    with make_portal(4) as portal:
        summary = run_crawl(CrawlConfig(start_urls=[portal.base_url + "/feed.xml"], out_dir=tmp_path, delay=0.01, quiet=True))
        seen = paths(portal)
    assert summary.new == 4
    assert all("utm_" not in p and "#" not in p for p in seen)
    urls = [r["url"] for r in rows(tmp_path, "articles")]
    assert not any("other-portal" in u for u in urls + [r["url"] for r in rows(tmp_path, "frontier")])


def test_listing_links_are_normalised_and_stay_on_site(tmp_path: Path) -> None:
    with make_portal(3) as portal:
        crawl(portal, tmp_path)
    frontier = [r["url"] for r in rows(tmp_path, "frontier")]
    assert len(frontier) == 3 and all(u.endswith(tuple(f"ItemID={i}" for i in (1, 2, 3))) for u in frontier)


def test_redirect_to_the_canonical_url(tmp_path: Path) -> None:
    arts = [ReplayArticle(1, page(1)), ReplayArticle(2, page(2), redirect_from=902)]
    with PortalReplay(arts) as portal:
        summary = crawl(portal, tmp_path)
        seen = paths(portal)
    assert summary.new == 2
    assert any(p.endswith("ItemID=902") for p in seen) and any(p.endswith("ItemID=2") for p in seen)
    urls = {r["url"] for r in rows(tmp_path, "articles")}
    assert any(u.endswith("ItemID=2") for u in urls) and not any(u.endswith("ItemID=902") for u in urls)
    pages = {r["url"].rsplit("=", 1)[1]: r["state"] for r in rows(tmp_path, "pages")}
    assert pages["902"] == "done" and pages["2"] == "done"


def test_response_size_cap(tmp_path: Path) -> None:
    arts = [ReplayArticle(1, page(1)), ReplayArticle(2, page(2, extra="x" * 200_000))]
    with PortalReplay(arts) as portal:
        summary = crawl(portal, tmp_path, max_bytes=50_000)
        hits2 = [h for h in portal.hits if h.path.endswith("ItemID=2")]
    assert summary.new == 1 and summary.failed == 1 and len(hits2) == 1  # too large: not retried
    assert any("too large" in e for e in summary.errors)


def test_unknown_layout_portal_with_numbered_pagination(tmp_path: Path, httpserver) -> None:
    """A portal no profile knows: headline links, '?page=2' as a bare number link, short article ids."""
    def listing(page_no: int, ids: list[int], more: bool) -> str:
        items = "".join(f'<div class="item"><a href="/tin-tuc/bao-cao-ket-qua-cong-tac-thang-{i}.html">Báo cáo kết quả công tác cải cách hành chính tháng {i}</a></div>' for i in ids)
        pager = '<div class="pager"><a href="/tin-tuc?page=1">1</a> <a href="/tin-tuc?page=2">2</a></div>' if more or page_no == 2 else ""
        nav = '<ul class="nav"><a href="/">Trang chủ</a><a href="/gioi-thieu">Giới thiệu</a><a href="/lien-he">Liên hệ</a></ul>'
        return f"<html><head><meta charset='utf-8'><title>Tin tức</title></head><body>{nav}{items}{pager}</body></html>"

    def article(i: int) -> str:
        return (f"<html><head><meta charset='utf-8'><title>Tháng {i}</title></head><body><div class='menu'><a href='/'>Trang chủ</a></div>"
                f"<div class='main'><h2 class='post-title'>Báo cáo kết quả công tác cải cách hành chính tháng {i}</h2><div class='meta'>0{i}/05/2023</div>"
                f"<div class='text'><p>Trong tháng {i}/2023, huyện tiếp nhận {i}.250 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 9{i},5%.</p>"
                f"<p>Các cơ quan đã rà soát và công khai đầy đủ thủ tục hành chính theo quy định.</p></div></div></body></html>")

    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/tin-tuc", query_string="page=2").respond_with_data(listing(2, [1, 2], False), content_type="text/html; charset=utf-8")
    httpserver.expect_request("/tin-tuc", query_string="page=1").respond_with_data(listing(1, [5, 4, 3], True), content_type="text/html; charset=utf-8")
    httpserver.expect_request("/tin-tuc").respond_with_data(listing(1, [5, 4, 3], True), content_type="text/html; charset=utf-8")
    for i in range(1, 6):
        httpserver.expect_request(f"/tin-tuc/bao-cao-ket-qua-cong-tac-thang-{i}.html").respond_with_data(article(i), content_type="text/html; charset=utf-8")
    summary = run_crawl(CrawlConfig(start_urls=[httpserver.url_for("/tin-tuc")], out_dir=tmp_path, delay=0.01, quiet=True))
    assert summary.new == 5 and summary.failed == 0
    arts = rows(tmp_path, "articles")
    assert sorted(r["title"] for r in arts)[0] == "Báo cáo kết quả công tác cải cách hành chính tháng 1"
    assert all(r["platform"] == "generic" for r in arts)
    assert len(rows(tmp_path, "figures")) == 10
    requested = [req.path for req, _ in httpserver.log]
    assert "/gioi-thieu" not in requested and "/lien-he" not in requested


def test_concurrency_and_max_pages_are_bounds(tmp_path: Path) -> None:
    arts = [ReplayArticle(i, page(i)) for i in range(1, 21)]
    for a in arts:
        a.delay = 0.05
    with PortalReplay(arts, page_size=20) as portal:
        summary = crawl(portal, tmp_path / "a", concurrency=2, delay=0)
        assert summary.new == 20 and portal.max_in_flight == 2
        portal.hits.clear()
        capped = crawl(portal, tmp_path / "b", max_pages=6)
        fetched = [h for h in portal.hits if not h.path.startswith("/robots")]
    assert len(fetched) == 6  # 1 listing page + 5 articles: --max-pages counts every fetched page
    assert capped.new < 20


def test_robots_crawl_delay_is_obeyed(tmp_path: Path) -> None:
    with PortalReplay([ReplayArticle(i, page(i)) for i in range(1, 4)], robots="User-agent: *\nCrawl-delay: 0.3\nDisallow: /private/\n") as portal:
        crawl(portal, tmp_path, delay=0.01)
        hits = [h for h in portal.hits if h.path != "/robots.txt"]
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:])]
    assert len(hits) == 4 and min(gaps) >= 0.25


def test_gzip_bomb_is_capped(tmp_path: Path, httpserver) -> None:
    import gzip

    bomb = gzip.compress(b"<html><body>" + b"<p>x</p>" * 2_000_000 + b"</body></html>")  # 16 MB inflated
    httpserver.expect_request("/robots.txt").respond_with_data("")
    httpserver.expect_request("/bomb.html").respond_with_data(bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"})
    summary = run_crawl(CrawlConfig(start_urls=[httpserver.url_for("/bomb.html")], out_dir=tmp_path, delay=0, quiet=True, max_bytes=1_000_000, retries=0))
    assert summary.failed == 1 and any("too large" in e for e in summary.errors)


def test_unreachable_robots_means_disallow_all(tmp_path: Path, httpserver) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("down", status=503)
    httpserver.expect_request("/tin-tuc").respond_with_data("<html><body><a href='/tin-tuc/bai-viet-so-1234-dai-dai.html'>x</a></body></html>")
    summary = run_crawl(CrawlConfig(start_urls=[httpserver.url_for("/tin-tuc")], out_dir=tmp_path, delay=0, quiet=True, retries=0))
    assert summary.new == 0 and summary.failed == 1
    assert any("robots.txt unreachable" in e for e in summary.errors)
    assert [req.path for req, _ in httpserver.log if req.path != "/robots.txt"] == []


def test_missing_robots_allows_everything(tmp_path: Path, httpserver) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("not found", status=404)
    httpserver.expect_request("/bai-viet-1.html").respond_with_data(page(1), content_type="text/html; charset=utf-8")
    summary = run_crawl(CrawlConfig(start_urls=[httpserver.url_for("/bai-viet-1.html")], out_dir=tmp_path, delay=0, quiet=True))
    assert summary.new == 1
