"""The command line as scripts use it (../shared/CONTRACT.md): names, formats, exit codes, messages."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shared_path

CONTRACT_FIELDS = {"value", "kind", "unit", "raw", "start", "end", "qualifier", "sentence", "indicator", "entity",
                   "period_start", "period_end", "period_text", "estimate", "change"}


def scraper(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper", *args], input=stdin, capture_output=True, timeout=120)


def test_extract_text_jsonl(fixtures: Path) -> None:
    r = scraper("extract", "--text", str(fixtures / "seed-body.txt"))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(rows) == 37
    assert CONTRACT_FIELDS <= set(rows[0])
    assert rows[4]["value"] == "102669" and isinstance(rows[4]["value"], str)
    body = (fixtures / "seed-body.txt").read_text(encoding="utf-8")
    assert all(body[x["start"] : x["end"]] == x["raw"] for x in rows)


def test_extract_html_stdin_json_and_csv(fixtures: Path) -> None:
    html = (fixtures / "sharepoint" / "binhduong-cchc-6-thang-2021.html").read_bytes()
    r = scraper("extract", "-", "--format", "json", "--url", "https://www.binhduong.gov.vn/x", stdin=html)
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 37
    r = scraper("extract", str(shared_path("realpages", "liferay", "sotttt-hanoi-3844823-229-du-an.html")), "--format", "csv")
    table = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert r.returncode == 0 and table and {"value", "raw", "start", "end"} <= set(table[0])


def test_extract_no_figures_is_success() -> None:
    r = scraper("extract", "--text", "-", stdin="Không có số liệu nào ở đây.".encode())
    assert r.returncode == 0 and r.stdout == b""


@pytest.mark.parametrize("content,needle", [
    (None, "cannot read"),
    (bytes(range(256)) * 10, "binary"),
])
def test_bad_input_one_line_nonzero(tmp_path: Path, content: bytes | None, needle: str) -> None:
    path = tmp_path / "page.html"
    if content is not None:
        path.write_bytes(content)
    r = scraper("extract", str(path))
    err = r.stderr.decode()
    assert r.returncode != 0 and needle in err and "Traceback" not in err


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes("Tiếp nhận 920 yêu cầu".encode("utf-16-le"))
    r = scraper("extract", "--text", str(path))
    assert r.returncode != 0 and "Traceback" not in r.stderr.decode()


def test_extract_url_from_a_local_server(httpserver, fixtures: Path) -> None:
    html = (fixtures / "nukeviet" / "binhphuoc-kinh-te-xa-hoi.html").read_bytes()
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/vi/news/kinh-te/bai-4521.html").respond_with_data(html, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/missing.html").respond_with_data("no", status=404)
    r = scraper("extract", httpserver.url_for("/vi/news/kinh-te/bai-4521.html"))
    assert r.returncode == 0, r.stderr
    raws = [json.loads(x)["raw"] for x in r.stdout.decode().splitlines()]
    assert raws[0] == "6,12%" and "3.215,6 tỷ đồng" in raws  # the lead (sapo) is body: 6,12% opens it
    r = scraper("extract", httpserver.url_for("/missing.html"))
    assert r.returncode != 0 and "404" in r.stderr.decode()


def test_qa_check_text_contract(fixtures: Path) -> None:
    r = scraper("qa", "check", "--text", str(fixtures / "seed-body.txt"))
    rows = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert r.returncode == 0
    assert {"check", "consistent", "stated", "computed", "figures", "message"} <= set(rows[0])
    assert any(x["check"] == "ratio" and not x["consistent"] and x["stated"] == "49.93" for x in rows)


def test_build_is_idempotent(tmp_path: Path, fixtures: Path) -> None:
    out = tmp_path / "o"
    first = scraper("build", str(fixtures), "--out", str(out), "--export", "jsonl", "csv")
    assert first.returncode == 0, first.stderr
    a1 = (out / "figures.jsonl").read_text(encoding="utf-8")
    second = scraper("build", str(fixtures), "--out", str(out))
    assert second.returncode == 0 and b"0 new" in second.stderr
    assert (out / "figures.jsonl").read_text(encoding="utf-8") == a1
    assert (out / "figures.csv").exists()


def test_version_and_help() -> None:
    assert scraper("--version").returncode == 0
    r = scraper("crawl", "--help")
    assert b"--max-pages" in r.stdout and b"--concurrency" in r.stdout and b"--delay" in r.stdout


def test_crawl_and_reextract_bad_input_are_one_line_errors(tmp_path: Path) -> None:
    r = scraper("crawl", "notaurl", "--out", str(tmp_path))
    assert r.returncode == 2 and b"not an http(s) URL" in r.stderr and b"Traceback" not in r.stderr
    r = scraper("crawl", "--warc", str(tmp_path / "missing.warc.gz"), "--out", str(tmp_path))
    assert r.returncode == 3 and b"WARC read error" in r.stderr and b"Traceback" not in r.stderr
    (tmp_path / "empty").mkdir()
    r = scraper("reextract", str(tmp_path / "empty"))
    assert r.returncode == 3 and b"no WARC files" in r.stderr
