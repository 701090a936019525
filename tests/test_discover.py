"""Discovery on real listing pages and URL normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from scraper.fetch.discover import discover_links, normalize_url

HOST = {"sotttt.hanoi.gov.vn"}


def test_real_liferay_listing_pages(fixtures: Path) -> None:
    p1 = discover_links(shared_path("realpages", "liferay", "sotttt-hanoi-listing-cai-cach-hanh-chinh-p1.html").read_bytes(), "https://sotttt.hanoi.gov.vn/cai-cach-hanh-chinh", HOST)
    assert len(p1.articles) == 20 and all("/-/view_content/" in u for u in p1.articles)
    assert len(p1.next_pages) == 1 and p1.next_pages[0].endswith("_101_cur=2")
    p2 = discover_links(shared_path("realpages", "liferay", "sotttt-hanoi-listing-cai-cach-hanh-chinh-p2.html").read_bytes(), p1.next_pages[0], HOST)
    assert len(p2.articles) == 20 and not set(p2.articles) & set(p1.articles)
    assert p2.next_pages and p2.next_pages[0].endswith("_101_cur=3")


@pytest.mark.parametrize("url,expected", [
    ("https://www.binhduong.gov.vn/lists/tintucsukien/tongquat.aspx?pageindex=2#top", "https://www.binhduong.gov.vn/lists/tintucsukien/tongquat.aspx?PageIndex=2"),
    ("https://WWW.binhduong.gov.vn/Lists/TinTuc/View_Detail.aspx?itemid=5&utm_source=fb&fbclid=x", "https://www.binhduong.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID=5"),
    ("javascript:void(0)", None),
    ("mailto:a@b.vn", None),
])
def test_normalize_url(url: str, expected: str | None) -> None:
    assert normalize_url(url) == expected


def test_feed_links() -> None:
    rss = b'<?xml version="1.0"?><rss><channel><item><link>https://a.gov.vn/news/x-1.html</link></item><item><link>https://evil.example/y</link></item></channel></rss>'
    links = discover_links(rss, "https://a.gov.vn/rss", {"a.gov.vn"})
    assert links.articles == ["https://a.gov.vn/news/x-1.html"]
