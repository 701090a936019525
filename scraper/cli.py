"""`scraper` command line: a thin layer over the library (see ../shared/CONTRACT.md for the names).

Figures and check results go to standard output; diagnostics to standard error.  Bad input ends
with a one-line reason and a non-zero status, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__, settings
from .errors import DocumentError, InputError, NotHTML, ParseError, ScraperError, UsageError, exit_code

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3


def _err(msg: str) -> None:
    print(f"scraper: {msg}", file=sys.stderr)


# --- sources ------------------------------------------------------------------------------------


def _read_source(source: str, *, text_mode: bool, url: str | None) -> tuple[str | bytes, str | None]:
    """(content, url) for a file path, '-' (stdin) or an http(s) URL."""
    if source == "-":
        data = sys.stdin.buffer.read()
        return (_decode_text(data, "<stdin>") if text_mode else data), url
    if source.startswith(("http://", "https://")):
        from .fetch.http import fetch_one

        resp = fetch_one(source)
        return (_decode_text(resp.content, source) if text_mode else resp.content), url or str(resp.url)
    path = Path(source)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    return (_decode_text(data, source) if text_mode else data), url


def _decode_text(data: bytes, name: str) -> str:
    from .text import normalize

    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: binary content, not text")
    try:
        return normalize(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}); convert it or pass the HTML page instead") from None


def _article_or_text(source: str, args: argparse.Namespace) -> tuple[Any, str, str | None]:
    """(article or None, body text, url) for one source."""
    from .parse.article import parse_article

    content, url = _read_source(source, text_mode=args.text, url=args.url)
    if args.text:
        return None, str(content), url
    try:
        article = parse_article(content, url)
    except NotHTML as exc:
        raise NotHTML(f"{source}: {exc}; for plain text use --text") from None
    except ParseError as exc:
        raise type(exc)(f"{source}: {exc}") from None
    return article, article.body_text, article.url


_DOCUMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".doc", ".xls", ".odt", ".ods")


def _is_document(source: str) -> bool:
    """A PDF/DOCX/XLSX… by its name (a URL's path too) or, for a local file, by its first bytes."""
    from urllib.parse import urlsplit

    path = urlsplit(source).path if source.startswith(("http://", "https://")) else source
    if path.lower().endswith(_DOCUMENT_SUFFIXES):
        return True
    if source == "-" or source.startswith(("http://", "https://")):
        return False
    try:
        with open(source, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return False
    return head.startswith((b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))


def _document_figures(source: str, args: argparse.Namespace) -> tuple[str, str | None, list[Any]]:
    """(document text, url, figures) of an attached-document file; DocumentError when it cannot be read."""
    from .parse.documents import parse_document

    data, url = _read_source(source, text_mode=False, url=args.url)
    assert isinstance(data, bytes)
    doc = parse_document(data, None, url or None, name=source, published=getattr(args, "published", None))
    if doc.status != "parsed":
        raise DocumentError(f"{source}: {doc.type} {doc.status}: {doc.error}")
    for w in doc.warnings:
        _err(f"{source}: {w}")
    return doc.text, url, doc.figures


# --- output -------------------------------------------------------------------------------------


def _emit(rows: Iterable[dict[str, Any]], fmt: str, out: io.TextIOBase | Any = None) -> int:
    out = out or sys.stdout
    rows = list(rows)
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        fields: list[str] = []
        for r in rows:
            fields.extend(k for k in r if k not in fields)
        writer = csv.DictWriter(out, fieldnames=fields or ["value"], extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()})
    else:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(rows)


# --- commands -----------------------------------------------------------------------------------


def _sources_figures(args: argparse.Namespace, failures: list[str]) -> Iterator[tuple[str, Any, str, str | None, list[Any]]]:
    """(source, article or None, body text, url, figures) for each readable source; unreadable ones
    are reported on stderr, collected in `failures`, and skipped so the others still run."""
    from .extract.figures import extract_figures

    for source in args.sources:
        if not args.text and _is_document(source):
            try:
                body, url, figures = _document_figures(source, args)
            except ScraperError as exc:
                _err(str(exc))
                failures.append(source)
                continue
            yield source, None, body, url, figures
            continue
        try:
            article, body, url = _article_or_text(source, args)
        except ScraperError as exc:
            _err(str(exc))
            failures.append(source)
            continue
        figures = article.figures if article is not None else extract_figures(body, published=getattr(args, "published", None))
        yield source, article, body, url, figures


def cmd_extract(args: argparse.Namespace) -> int:
    total = 0
    failures: list[str] = []
    for source, _article, _body, url, figures in _sources_figures(args, failures):
        rows = []
        for f in figures:
            d = f.to_json_dict()
            if len(args.sources) > 1 or url:
                d["source"] = url or source
            if f.warnings:
                _err(f"{source}: figure {f.raw!r} at {f.start}: {'; '.join(f.warnings)}")
            rows.append(d)
        total += _emit(rows, args.format)
    _err(f"{total} figures from {len(args.sources) - len(failures)} of {len(args.sources)} sources")
    return EXIT_INPUT if failures else EXIT_OK


def _scale(args: argparse.Namespace) -> dict[str, Any]:
    """--workers / --dask as executor arguments; --dask without dask installed is a usage error."""
    from .scale.executor import require_dask

    if args.dask:
        require_dask()
    return {"workers": args.workers, "dask": args.dask}


def _scale_opts(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                    help="parse in N processes (default: all cores)")
    sp.add_argument("--dask", metavar="ADDRESS", help="run on an existing Dask cluster, e.g. tcp://scheduler:8786")


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def cmd_build(args: argparse.Namespace) -> int:
    """Parse every page under the given folders/files into the dataset (no network)."""
    from .pipeline import build_from_files

    paths: list[Path] = []
    for p in args.paths:
        path = Path(p)
        if path.is_dir():
            paths.extend(sorted(x for x in path.rglob("*") if x.suffix.lower() in (".html", ".htm")))
        elif path.exists():
            paths.append(path)
        else:
            raise InputError(f"{p}: no such file or directory")
    summary = build_from_files(paths, out_dir=args.out, formats=tuple(args.export), quiet=args.quiet, **_scale(args))
    _err(summary.line())
    return EXIT_OK if not summary.failed else EXIT_FAIL


def cmd_crawl(args: argparse.Namespace) -> int:
    from .fetch.crawl import CrawlConfig, run_crawl, run_warc

    if args.warc:
        summary = run_warc(args.warc, out_dir=args.out, formats=tuple(args.export), quiet=args.quiet, attachments=not args.no_attachments, **_scale(args))
    elif args.replay:
        from .sources.replay import PortalReplay, fixture_articles

        articles = fixture_articles(args.replay)
        if not articles:
            raise InputError(f"{args.replay}: no article pages to replay")
        from .sources.replay import fixture_documents

        with PortalReplay(articles, documents=fixture_documents(args.replay)) as portal:
            _err(f"replaying {len(articles)} bundled pages at {portal.start_url}")
            config = CrawlConfig(start_urls=[portal.start_url], out_dir=args.out, max_pages=args.max_pages, delay=args.delay,
                                 concurrency=args.concurrency, quiet=args.quiet, log_file=args.log_file, formats=tuple(args.export),
                                 attachments=not args.no_attachments)
            summary = run_crawl(config)
    else:
        if not args.start_urls:
            raise UsageError("crawl needs at least one START_URL (or --warc FILE)")
        from .fetch.discover import normalize_url

        bad = [u for u in args.start_urls if normalize_url(u) is None]
        if bad:
            raise UsageError(f"not an http(s) URL: {bad[0]}")
        config = CrawlConfig(
            start_urls=list(args.start_urls), out_dir=args.out, max_pages=args.max_pages, delay=args.delay,
            concurrency=args.concurrency, since=args.since, user_agent=args.user_agent, allowed_hosts=args.allow_host,
            quiet=args.quiet, log_file=args.log_file, formats=tuple(args.export), obey_robots=not args.ignore_robots,
            timeout=args.timeout, max_bytes=args.max_bytes, retries=args.retries, write_warc=not args.no_warc,
            attachments=not args.no_attachments,
        )
        summary = run_crawl(config)
    _err(summary.line())
    return summary.exit_code()


def cmd_harvest(args: argparse.Namespace) -> int:
    if args.commoncrawl:
        from .sources.commoncrawl import CommonCrawlConfig, run_commoncrawl

        if args.wayback:
            raise UsageError("use --wayback or --commoncrawl, not both")
        cc = CommonCrawlConfig(
            crawls=list(args.commoncrawl), pattern=args.pattern, date_from=args.date_from, date_to=args.date_to,
            out_dir=args.out, index_url=args.cc_index_url, data_url=args.cc_data_url, quiet=args.quiet,
            max_captures=args.max_captures, formats=tuple(args.export), **({"delay": args.delay} if args.delay is not None else {}),
        )
        summary = run_commoncrawl(cc)
    else:
        from .sources.wayback import HarvestConfig, run_harvest

        if not args.wayback or args.pattern:
            raise UsageError("harvest needs --wayback URL_PATTERN or --commoncrawl CRAWL_ID ... URL_PATTERN")
        config = HarvestConfig(
            pattern=args.wayback, date_from=args.date_from, date_to=args.date_to, out_dir=args.out,
            cdx_url=args.cdx_url, replay_url=args.replay_url, quiet=args.quiet,
            max_captures=args.max_captures, formats=tuple(args.export),
            **({"delay": args.delay} if args.delay is not None else {}),
        )
        summary = run_harvest(config)
    _err(summary.line())
    return summary.exit_code()


def cmd_reextract(args: argparse.Namespace) -> int:
    from .fetch.crawl import reextract

    summary = reextract(args.dir, formats=tuple(args.export), quiet=args.quiet, attachments=not args.no_attachments, **_scale(args))
    _err(summary.line())
    return summary.exit_code()


def cmd_qa_check(args: argparse.Namespace) -> int:
    from .qa.checks import check_article_figures, checks_report_html, dataset_conflicts

    rows: list[dict[str, Any]] = []
    reports: list[tuple[Any, str, list[Any], list[Any]]] = []
    failures: list[str] = []
    if args.dataset:
        from .store.dataset import Dataset

        rows_fig: dict[str, list[dict[str, Any]]] = {}
        with Dataset(args.dataset, create=False) as ds:
            arts = {a["url"]: a for a in ds.articles()}
            for f in ds.figures():
                rows_fig.setdefault(f["article_url"], []).append(f)
        from .models import Figure

        for url, figs in rows_fig.items():
            body = arts[url]["body_text"]
            figures = [Figure.model_validate({k: v for k, v in f.items() if k in Figure.model_fields}) for f in figs]
            checks = check_article_figures(body, figures, tolerance=args.tolerance, url=url)
            reports.append((arts[url], body, figures, checks))
            rows.extend(c.model_dump(mode="json") for c in checks)
        rows.extend(c.model_dump(mode="json") for c in dataset_conflicts(args.dataset))
    for source, article, body, url, figures in _sources_figures(args, failures):
        checks = check_article_figures(body, figures, tolerance=args.tolerance, url=url or source)
        reports.append((article, body, figures, checks))
        rows.extend(c.model_dump(mode="json") for c in checks)
    if args.format == "html":
        html = checks_report_html(reports)
        if args.output:
            Path(args.output).write_text(html, encoding="utf-8")
            if args.screenshot:
                from .qa.checks import screenshot

                note = screenshot(args.output, args.screenshot)
                _err(note or f"screenshot written to {args.screenshot}")
        else:
            sys.stdout.write(html)
    else:
        _emit(rows, args.format)
    bad = sum(1 for r in rows if not r["consistent"])
    _err(f"{len(rows)} checks, {bad} inconsistent")
    if failures:
        return EXIT_INPUT
    return EXIT_FAIL if (args.fail_on_inconsistent and bad) else EXIT_OK


def cmd_qa_compare_attachments(args: argparse.Namespace) -> int:
    from .qa.attachments import attachments_report_html, compare_attachments

    rows = compare_attachments(args.dataset, tolerance=args.tolerance)
    if args.format == "html":
        html = attachments_report_html(rows, args.dataset)
        if args.output:
            Path(args.output).write_text(html, encoding="utf-8")
        else:
            sys.stdout.write(html)
    else:
        _emit((r.model_dump(mode="json") for r in rows), args.format)
    bad = sum(1 for r in rows if r.status == "mismatch")
    _err(f"{len(rows) - bad} matched, {bad} mismatch (article figures against their attached documents)")
    return EXIT_FAIL if ("mismatch" in set(args.fail_on or []) and bad) else EXIT_OK


def cmd_qa_compare(args: argparse.Namespace) -> int:
    from .qa.checks import compare_dataset, compare_report_html

    if args.attachments:
        return cmd_qa_compare_attachments(args)
    if not args.official:
        raise UsageError("qa compare needs OFFICIAL.csv (or --attachments)")
    rows = compare_dataset(args.official, args.dataset, tolerance=args.tolerance)
    if args.format == "html":
        html = compare_report_html(rows, dataset=args.dataset)
        if args.output:
            Path(args.output).write_text(html, encoding="utf-8")
        else:
            sys.stdout.write(html)
    else:
        _emit((r.model_dump(mode="json") for r in rows), args.format)
    counts = {s: sum(1 for r in rows if r.status == s) for s in ("matched", "mismatch", "missing", "ambiguous")}
    _err(", ".join(f"{v} {k}" for k, v in counts.items()))
    fail_on = set(args.fail_on or [])
    if ("mismatch" in fail_on and counts["mismatch"]) or ("missing" in fail_on and counts["missing"]):
        return EXIT_FAIL
    return EXIT_OK


# --- parser -------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="scraper", description="Figures out of Vietnamese government news and reports.")
    p.add_argument("--version", action="version", version=f"scraper {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="print the figures in pages or texts")
    e.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="HTML page, PDF/DOCX/XLSX document, http(s) URL, or - for standard input")
    e.add_argument("--text", action="store_true", help="SOURCE is plain UTF-8 text, used as the body text as it is")
    e.add_argument("--format", choices=("jsonl", "json", "csv"), default="jsonl")
    e.add_argument("--url", help="the page's URL (for provenance when reading a file)")
    e.add_argument("--published", help="publication date for --text (resolves 'hiện nay', years)")
    e.set_defaults(func=cmd_extract)

    def dataset_opts(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--out", default="output", help="dataset folder (default: output/)")
        sp.add_argument("--export", nargs="+", default=["jsonl"], choices=("jsonl", "csv", "parquet"), help="export formats")
        sp.add_argument("--quiet", action="store_true", help="no progress display (for cron)")

    b = sub.add_parser("build", help="parse local HTML pages (files or folders) into the dataset")
    b.add_argument("paths", nargs="+", metavar="PATH")
    dataset_opts(b)
    _scale_opts(b)
    b.set_defaults(func=cmd_build)

    c = sub.add_parser("crawl", help="discover, fetch, parse and store a portal's articles")
    c.add_argument("start_urls", nargs="*", metavar="START_URL")
    c.add_argument("--warc", nargs="+", metavar="FILE", help="read WARC/ARC files instead of the network")
    c.add_argument("--replay", metavar="DIR", help="serve the article pages under DIR as a portal on 127.0.0.1 and crawl it (no network)")
    c.add_argument("--max-pages", type=int, default=1000, help="stop after this many fetched pages")
    c.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one host (default 1)")
    c.add_argument("--concurrency", type=int, default=1, help="requests in flight per host (default 1)")
    c.add_argument("--since", help="stop paging at articles published before this date (YYYY-MM-DD)")
    c.add_argument("--user-agent", default=None, help="User-Agent header (default names the tool and a contact URL)")
    c.add_argument("--allow-host", action="append", default=[], help="also follow links to this host")
    c.add_argument("--ignore-robots", action="store_true", help="do not read robots.txt (only for your own servers)")
    c.add_argument("--timeout", type=float, default=30.0)
    c.add_argument("--max-bytes", type=int, default=10 * 1024 * 1024, help="response size cap")
    c.add_argument("--retries", type=int, default=3)
    c.add_argument("--no-warc", action="store_true", help="do not keep raw responses under DIR/warc/")
    c.add_argument("--log-file", help="append a log of the run here")
    c.add_argument("--no-attachments", action="store_true", help="do not fetch/read the documents articles link to")
    dataset_opts(c)
    _scale_opts(c)
    c.set_defaults(func=cmd_crawl)

    h = sub.add_parser("harvest", help="read web-archive captures into the dataset")
    h.add_argument("pattern", nargs="?", metavar="URL_PATTERN", help="with --commoncrawl: the URLs to look up")
    h.add_argument("--wayback", metavar="URL_PATTERN", help="harvest the Wayback Machine's captures of these URLs")
    h.add_argument("--commoncrawl", action="append", metavar="CRAWL_ID",
                   help="harvest this Common Crawl crawl (e.g. CC-MAIN-2021-25); repeat for several")
    h.add_argument("--from", dest="date_from")
    h.add_argument("--to", dest="date_to")
    h.add_argument("--cdx-url", default=settings.WAYBACK_CDX_URL)
    h.add_argument("--replay-url", default=settings.WAYBACK_REPLAY_URL)
    h.add_argument("--cc-index-url", default=settings.CC_INDEX_URL, help="Common Crawl index server (a mirror, a test)")
    h.add_argument("--cc-data-url", default=settings.CC_DATA_URL, help="Common Crawl WARC file server")
    h.add_argument("--delay", type=float, default=None, help="seconds between requests to one host")
    h.add_argument("--max-captures", type=int, default=None)
    dataset_opts(h)
    h.set_defaults(func=cmd_harvest)

    r = sub.add_parser("reextract", help="rebuild articles and figures from the raw WARCs under DIR/warc/")
    r.add_argument("dir", metavar="DIR")
    r.add_argument("--export", nargs="+", default=["jsonl"], choices=("jsonl", "csv", "parquet"))
    r.add_argument("--quiet", action="store_true")
    r.add_argument("--no-attachments", action="store_true", help="do not re-read archived attached documents")
    _scale_opts(r)
    r.set_defaults(func=cmd_reextract)

    q = sub.add_parser("qa", help="quality checks")
    qsub = q.add_subparsers(dest="qa_command", required=True)
    qc = qsub.add_parser("check", help="cross-check the figures inside each article")
    qc.add_argument("sources", nargs="*", metavar="SOURCE")
    qc.add_argument("--text", action="store_true")
    qc.add_argument("--url")
    qc.add_argument("--dataset", help="also check every article of this dataset folder")
    qc.add_argument("--format", choices=("jsonl", "json", "csv", "html"), default="jsonl")
    qc.add_argument("--output", "-o", help="write the report here (html)")
    qc.add_argument("--tolerance", type=float, default=None, help="relative tolerance (default: the stated precision)")
    qc.add_argument("--screenshot", metavar="PNG", help="with --format html -o FILE: also save a browser screenshot (needs Chromium + Playwright)")
    qc.add_argument("--fail-on-inconsistent", action="store_true", help="exit 1 when a check fails")
    qc.set_defaults(func=cmd_qa_check)
    qm = qsub.add_parser("compare", help="compare an official table with the dataset")
    qm.add_argument("official", metavar="OFFICIAL.csv", nargs="?")
    qm.add_argument("--attachments", action="store_true",
                    help="compare each article's figures with its own attached documents instead")
    qm.add_argument("--dataset", default="output")
    qm.add_argument("--format", choices=("jsonl", "json", "csv", "html"), default="jsonl")
    qm.add_argument("--output", "-o")
    qm.add_argument("--tolerance", type=float, default=None)
    qm.add_argument("--fail-on", nargs="+", choices=("mismatch", "missing"))
    qm.set_defaults(func=cmd_qa_compare)
    return p


def _setup_logging(level: int = logging.WARNING) -> None:
    root = logging.getLogger("scraper")
    for h in list(root.handlers):
        if getattr(h, "_scraper_cli", False):
            root.removeHandler(h)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("scraper: %(message)s"))
    handler._scraper_cli = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging()
    if getattr(args, "command", None) == "qa" and args.qa_command == "check" and not args.sources and not args.dataset:
        parser.error("qa check needs SOURCE... or --dataset DIR")
    try:
        return int(args.func(args) or 0)
    except ScraperError as exc:
        _err(str(exc))
        return exit_code(exc)
    except KeyboardInterrupt:
        _err("interrupted; run the same command again to resume")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
