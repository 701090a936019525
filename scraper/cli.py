"""`scraper` command line: a thin layer over the library (see ../shared/CONTRACT.md for the names).

Figures and check results go to standard output (or `-o FILE`); diagnostics to standard error.  Bad
input ends with a one-line reason and a non-zero status, never a traceback: usage errors exit 2,
input errors 3; a run where some pages failed exits 1.  Long runs show a progress bar on a terminal
and a status line every `--status-interval` seconds otherwise (cron), log failures at WARNING with
the URL and reason, and append a machine-readable summary to `DIR/runs.jsonl`.

Options a nightly job sets (user agent, contact, delay, concurrency, sources…) may also come from
`SCRAPER_*` environment variables and a config file; see `scraper.config` for the precedence.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import __version__, settings
from .errors import DocumentError, InputError, NotHTML, ParseError, ScraperError, UsageError, exit_code

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
DATASET_COMMANDS = ("build", "crawl", "harvest", "reextract")

log = logging.getLogger("scraper")


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
        raise InputError(
            f"{name}: not UTF-8 text (byte {exc.start}); convert it or pass the HTML page instead"
        ) from None


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


@contextmanager
def _output(path: str | None, *, excel: bool = False) -> Iterator[Any]:
    """Standard output, or FILE written whole (a temporary file renamed at the end); BOM with `excel`."""
    encoding = "utf-8-sig" if excel else "utf-8"
    if not path or path == "-":
        if excel:
            sys.stdout.write("\ufeff")
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{path}: is a directory; give a file name for -o/--output")
    if not target.parent.is_dir():
        raise InputError(f"{path}: folder {target.parent} does not exist")
    tmp = target.with_name(target.name + ".tmp")
    try:
        with tmp.open("w", encoding=encoding, newline="") as fh:
            yield fh
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp.exists():
            tmp.unlink()


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
        writer = csv.DictWriter(
            out, fieldnames=fields or ["value"], extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        for r in rows:
            writer.writerow(
                {
                    k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                    for k, v in r.items()
                }
            )
    else:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(rows)


def _write_report(args: argparse.Namespace, rows: list[dict[str, Any]], html: Callable[[], str]) -> None:
    """Rows (jsonl/json/csv) or the HTML page, to -o FILE or standard output."""
    with _output(args.output, excel=args.excel and args.format == "csv") as out:
        if args.format == "html":
            out.write(html())
        else:
            _emit(rows, args.format, out)


# --- progress and logging -----------------------------------------------------------------------


class _Bar:
    """A tqdm progress bar on standard error (terminal only)."""

    active: Any = None

    def __init__(self) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=None, unit=" pages", file=sys.stderr, dynamic_ncols=True, leave=False)
        _Bar.active = self.bar

    def update(self, summary: Any, current: str = "") -> None:
        pages = max(summary.requests, summary.articles + summary.failed + summary.skipped)
        self.bar.n = pages
        self.bar.set_postfix_str(
            f"{summary.articles} articles, {summary.figures} figures, {summary.failed} errors", refresh=False
        )
        self.bar.refresh()

    def done(self, summary: Any) -> None:
        self.bar.close()
        _Bar.active = None


class _StderrHandler(logging.Handler):
    """Log lines on standard error, written around the progress bar when one is shown."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            msg = self.format(record)
            if _Bar.active is not None:
                from tqdm import tqdm

                tqdm.write(msg, file=sys.stderr)
            else:
                sys.stderr.write(msg + "\n")
                sys.stderr.flush()
        except Exception:  # noqa: BLE001 - logging must never break a run
            self.handleError(record)


def _log_level(args: argparse.Namespace) -> int:
    if getattr(args, "log_level", None):
        return int(getattr(logging, args.log_level))
    verbosity = getattr(args, "verbose", 0) - getattr(args, "quiet", 0)
    return {1: logging.DEBUG, 0: logging.INFO, -1: logging.WARNING}.get(
        max(-2, min(1, verbosity)), logging.ERROR
    )


def _setup_logging(args: argparse.Namespace | None = None) -> None:
    root = logging.getLogger("scraper")
    for h in [h for h in root.handlers if getattr(h, "_scraper_cli", False)]:
        root.removeHandler(h)
        h.close()
    level = _log_level(args) if args is not None else logging.INFO
    handler = _StderrHandler(level)
    handler.setFormatter(logging.Formatter("scraper: %(message)s"))
    handlers: list[logging.Handler] = [handler]
    log_file = getattr(args, "log_file", None)
    if log_file:
        try:
            fh = logging.FileHandler(log_file, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{log_file}: cannot write the log file ({exc.strerror or exc})") from None
        fh.setLevel(min(level, logging.INFO))
        fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        handlers.append(fh)
    for h in handlers:
        h._scraper_cli = True  # type: ignore[attr-defined]
        root.addHandler(h)
    root.setLevel(min(h.level for h in handlers))
    root.propagate = False


class _Run:
    """What `main` needs to write runs.jsonl whatever happens: the latest summary of the run."""

    def __init__(self, args: argparse.Namespace, argv: Sequence[str] | None = None) -> None:
        self.args = args
        self.argv = list(sys.argv[1:] if argv is None else argv)
        self.summary: Any = None
        self.display: Any = None

    def progress(self) -> Any:
        from .pipeline import Progress, StatusLines

        run = self

        class Tracking(Progress):
            def __init__(self, inner: Any) -> None:
                self.inner = inner

            def update(self, summary: Any, current: str = "") -> None:
                run.summary = summary
                self.inner.update(summary, current)

            def done(self, summary: Any) -> None:
                run.summary = summary
                self.inner.done(summary)

        inner: Any = StatusLines(self.args.status_interval)
        if sys.stderr.isatty() and not getattr(self.args, "quiet", 0):
            try:
                inner = _Bar()
            except ImportError:
                pass
        return Tracking(inner)

    def finish(self, summary: Any) -> int:
        """Log the final summary line; with a single -q it still ends the run on standard error."""
        self.summary = summary
        log.info(summary.line())
        if getattr(self.args, "quiet", 0) == 1 and not self.args.log_level:
            _err(summary.line())
        return summary.exit_code()

    def record(self, status: int, error: str | None = None) -> None:
        """Append one line to DIR/runs.jsonl (start, end, counts, exit status)."""
        from .pipeline import Summary

        out = Path(getattr(self.args, "out", None) or getattr(self.args, "dir", None) or settings.OUT_DIR)
        if not out.is_dir():
            return
        summary = self.summary or Summary()
        rec = summary.record(command=self.args.command, argv=self.argv, exit_status=status, error=error)
        try:
            with (out / settings.RUNS_FILE_NAME).open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        except OSError as exc:
            log.warning(
                "%s: cannot append the run summary (%s)", out / settings.RUNS_FILE_NAME, exc.strerror or exc
            )


# --- commands -----------------------------------------------------------------------------------


def _sources_figures(
    args: argparse.Namespace, failures: list[str]
) -> Iterator[tuple[str, Any, str, str | None, list[Any]]]:
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
        figures = (
            article.figures
            if article is not None
            else extract_figures(body, published=getattr(args, "published", None))
        )
        yield source, article, body, url, figures


def cmd_extract(args: argparse.Namespace, run: _Run) -> int:
    failures: list[str] = []
    rows: list[dict[str, Any]] = []
    with _output(args.output, excel=args.excel and args.format == "csv") as out:
        for source, _article, _body, url, figures in _sources_figures(args, failures):
            part = []
            for f in figures:
                d = f.to_json_dict()
                if len(args.sources) > 1 or url:
                    d["source"] = url or source
                if f.warnings:
                    _err(f"{source}: figure {f.raw!r} at {f.start}: {'; '.join(f.warnings)}")
                part.append(d)
            if args.format == "jsonl":
                _emit(part, "jsonl", out)  # streamed, source by source
            rows.extend(part)
        if args.format != "jsonl":
            _emit(rows, args.format, out)  # one JSON array / one CSV table for all sources
    _err(f"{len(rows)} figures from {len(args.sources) - len(failures)} of {len(args.sources)} sources")
    return EXIT_INPUT if failures else EXIT_OK


def _scale(args: argparse.Namespace) -> dict[str, Any]:
    """--workers / --dask as executor arguments; --dask without dask installed is a usage error."""
    from .scale.executor import require_dask

    if args.dask:
        require_dask()
    return {"workers": args.workers, "dask": args.dask}


def _scale_opts(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="parse in N processes (default: all cores)",
    )
    sp.add_argument(
        "--dask", metavar="ADDRESS", help="run on an existing Dask cluster, e.g. tcp://scheduler:8786"
    )


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def cmd_build(args: argparse.Namespace, run: _Run) -> int:
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
    summary = build_from_files(
        paths,
        out_dir=args.out,
        formats=tuple(args.export),
        progress=run.progress(),
        excel=args.excel,
        **_scale(args),
    )
    run.finish(summary)
    return EXIT_OK if not summary.failed else EXIT_FAIL


def _user_agent(args: argparse.Namespace) -> str | None:
    from .fetch.http import DEFAULT_USER_AGENT

    if not args.contact:
        return args.user_agent
    ua = args.user_agent or DEFAULT_USER_AGENT
    return ua[:-1] + f"; contact: {args.contact})" if ua.endswith(")") else f"{ua} (contact: {args.contact})"


def _crawl_config(args: argparse.Namespace, start_urls: list[str], **extra: Any) -> Any:
    from .fetch.crawl import CrawlConfig

    return CrawlConfig(
        start_urls=start_urls,
        out_dir=args.out,
        max_pages=args.max_pages,
        delay=args.delay,
        concurrency=args.concurrency,
        since=args.since,
        user_agent=_user_agent(args),
        allowed_hosts=args.allow_host,
        formats=tuple(args.export),
        obey_robots=not args.ignore_robots,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        retries=args.retries,
        write_warc=not args.no_warc,
        excel=args.excel,
        **extra,
    )


def cmd_crawl(args: argparse.Namespace, run: _Run) -> int:
    from .fetch.crawl import run_crawl, run_warc

    if args.warc:
        summary = run_warc(
            args.warc,
            out_dir=args.out,
            formats=tuple(args.export),
            progress=run.progress(),
            excel=args.excel,
            attachments=not args.no_attachments,
            **_scale(args),
        )
    elif args.replay:
        from .sources.replay import PortalReplay, fixture_articles

        articles = fixture_articles(args.replay)
        if not articles:
            raise InputError(f"{args.replay}: no article pages to replay")
        from .sources.replay import fixture_documents

        with PortalReplay(articles, documents=fixture_documents(args.replay)) as portal:
            log.info(
                "replaying %d bundled pages at %s (stored as %s)",
                len(articles),
                portal.start_url,
                settings.REPLAY_ORIGIN,
            )
            config = _crawl_config(args, [portal.start_url], mirror=(settings.REPLAY_ORIGIN, portal.base_url))
            summary = run_crawl(config, progress=run.progress())
    else:
        start_urls = list(args.start_urls or args.sources or [])
        if not start_urls:
            raise UsageError(
                "crawl needs at least one START_URL (or --warc FILE, --replay DIR, or sources in the config)"
            )
        from .fetch.discover import normalize_url

        bad = [u for u in start_urls if normalize_url(u) is None]
        if bad:
            raise UsageError(f"not an http(s) URL: {bad[0]}")
        summary = run_crawl(_crawl_config(args, start_urls), progress=run.progress())
    return run.finish(summary)


def _harvest_common(args: argparse.Namespace) -> dict:
    """The options both archives take the same way."""
    return {
        "date_from": args.date_from,
        "date_to": args.date_to,
        "out_dir": args.out,
        "max_captures": args.max_captures,
        "formats": tuple(args.export),
        "excel": args.excel,
    }


def cmd_harvest(args: argparse.Namespace, run: _Run) -> int:
    # --delay left at its default: each archive's own pace (settings.HARVEST_DELAY, settings.CC_DELAY).
    delay = {} if args.setting_origin.get("delay") == "default" else {"delay": args.delay}
    if args.commoncrawl:
        from .sources.commoncrawl import CommonCrawlConfig, run_commoncrawl

        if args.wayback:
            raise UsageError("use --wayback or --commoncrawl, not both")
        if not args.pattern:
            raise UsageError("--commoncrawl CRAWL_ID needs a URL_PATTERN")
        cc = CommonCrawlConfig(
            crawls=list(args.commoncrawl),
            pattern=args.pattern,
            index_url=args.cc_index_url,
            data_url=args.cc_data_url,
            **_harvest_common(args),
            **delay,
        )
        return run.finish(run_commoncrawl(cc, progress=run.progress()))
    from .sources.wayback import HarvestConfig, run_harvest

    if not args.wayback or args.pattern:
        raise UsageError("harvest needs --wayback URL_PATTERN or --commoncrawl CRAWL_ID ... URL_PATTERN")
    config = HarvestConfig(
        pattern=args.wayback,
        cdx_url=args.cdx_url,
        replay_url=args.replay_url,
        **_harvest_common(args),
        **delay,
    )
    return run.finish(run_harvest(config, progress=run.progress()))


def cmd_reextract(args: argparse.Namespace, run: _Run) -> int:
    from .fetch.crawl import reextract

    if not Path(args.dir).is_dir():
        raise InputError(f"{args.dir}: no such dataset folder")
    summary = reextract(
        args.dir,
        formats=tuple(args.export),
        progress=run.progress(),
        excel=args.excel,
        attachments=not args.no_attachments,
        **_scale(args),
    )
    return run.finish(summary)


def _dataset_reports(
    args: argparse.Namespace, tolerance: float | None
) -> tuple[list[dict[str, Any]], list[Any]]:
    """Check rows and report entries for every article of --dataset DIR."""
    from .models import Figure
    from .qa.checks import check_article_figures, dataset_conflicts
    from .store.dataset import Dataset

    rows: list[dict[str, Any]] = []
    reports: list[tuple[Any, str, list[Any], list[Any]]] = []
    rows_fig: dict[str, list[dict[str, Any]]] = {}
    with Dataset(args.dataset, create=False) as ds:
        arts = {a["url"]: a for a in ds.articles()}
        for f in ds.figures():
            rows_fig.setdefault(f["article_url"], []).append(f)
    for url, figs in rows_fig.items():
        body = arts[url]["body_text"]
        figures = [
            Figure.model_validate({k: v for k, v in f.items() if k in Figure.model_fields}) for f in figs
        ]
        checks = check_article_figures(body, figures, tolerance=tolerance, url=url)
        reports.append((arts[url], body, figures, checks))
        rows.extend(c.model_dump(mode="json") for c in checks)
    rows.extend(c.model_dump(mode="json") for c in dataset_conflicts(args.dataset))
    return rows, reports


def cmd_qa_check(args: argparse.Namespace, run: _Run) -> int:
    from .qa.checks import check_article_figures, checks_report_html

    rows: list[dict[str, Any]] = []
    reports: list[tuple[Any, str, list[Any], list[Any]]] = []
    failures: list[str] = []
    if args.dataset:
        rows, reports = _dataset_reports(args, args.tolerance)
    for source, article, body, url, figures in _sources_figures(args, failures):
        checks = check_article_figures(body, figures, tolerance=args.tolerance, url=url or source)
        reports.append((article, body, figures, checks))
        rows.extend(c.model_dump(mode="json") for c in checks)
    if args.screenshot and not (args.format == "html" and args.output):
        raise UsageError("--screenshot needs --format html -o FILE")
    _write_report(args, rows, lambda: checks_report_html(reports))
    if args.screenshot:
        from .qa.checks import screenshot

        note = screenshot(args.output, args.screenshot)
        _err(note or f"screenshot written to {args.screenshot}")
    bad = sum(1 for r in rows if not r["consistent"])
    _err(f"{len(rows)} checks, {bad} inconsistent")
    if failures:
        return EXIT_INPUT
    return EXIT_FAIL if (args.fail_on_inconsistent and bad) else EXIT_OK


def cmd_qa_compare_attachments(args: argparse.Namespace, run: _Run) -> int:
    from .qa.attachments import attachments_report_html, compare_attachments

    rows = compare_attachments(args.dataset, tolerance=args.tolerance)
    _write_report(
        args, [r.model_dump(mode="json") for r in rows], lambda: attachments_report_html(rows, args.dataset)
    )
    bad = sum(1 for r in rows if r.status == "mismatch")
    _err(f"{len(rows) - bad} matched, {bad} mismatch (article figures against their attached documents)")
    return EXIT_FAIL if ("mismatch" in set(args.fail_on or []) and bad) else EXIT_OK


def cmd_qa_compare(args: argparse.Namespace, run: _Run) -> int:
    from .qa.checks import compare_dataset, compare_report_html

    if args.attachments:
        return cmd_qa_compare_attachments(args, run)
    if not args.official:
        raise UsageError("qa compare needs OFFICIAL.csv (or --attachments)")
    rows = compare_dataset(args.official, args.dataset, tolerance=args.tolerance)
    _write_report(
        args,
        [r.model_dump(mode="json") for r in rows],
        lambda: compare_report_html(rows, dataset=args.dataset),
    )
    counts = {
        s: sum(1 for r in rows if r.status == s) for s in ("matched", "mismatch", "missing", "ambiguous")
    }
    _err(", ".join(f"{v} {k}" for k, v in counts.items()))
    fail_on = set(args.fail_on or [])
    if ("mismatch" in fail_on and counts["mismatch"]) or ("missing" in fail_on and counts["missing"]):
        return EXIT_FAIL
    return EXIT_OK


# --- parser -------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (exit 2) and defaults shown in every option's help."""

    def error(self, message: str) -> Any:
        raise UsageError(f"{message} (see '{self.prog} --help')")


class _Help(argparse.RawDescriptionHelpFormatter):
    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if (
            "default" in text
            or action.default in (None, False, argparse.SUPPRESS)
            or not action.option_strings
        ):
            return text
        default = (
            " ".join(map(str, action.default))
            if isinstance(action.default, (list, tuple))
            else action.default
        )
        return f"{text} (default: {default})"


def _checked(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type that turns ValueError into argparse's one-line message."""

    def check(text: str) -> Any:
        try:
            return convert(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    check.__name__ = getattr(convert, "__name__", "value")
    return check


def _setting(parser: argparse.ArgumentParser, *flags: str, dest: str, help: str, **kw: Any) -> None:
    """An option that may also come from SCRAPER_<DEST> or the config file (default filled in later)."""
    from .config import SETTINGS

    s = SETTINGS[dest]
    shown = " ".join(map(str, s.default)) if isinstance(s.default, list) else s.default
    default_text = f"default: {shown}; " if shown not in (None, "") and "default" not in help else ""
    parser.add_argument(
        *flags,
        dest=dest,
        default=None,
        type=kw.pop("type", _checked(s.convert)),
        help=f"{help} ({default_text}env {s.env})",
        **kw,
    )


def _common(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("output and logging")
    g.add_argument("-v", "--verbose", action="count", default=0, help="more detail on standard error (DEBUG)")
    g.add_argument(
        "-q",
        "--quiet",
        action="count",
        default=0,
        help="less on standard error: -q no progress, warnings and the final line only; -qq errors only",
    )
    _setting(
        g,
        "--log-level",
        dest="log_level",
        help="log level on standard error, overrides -v/-q",
        metavar="LEVEL",
    )
    _setting(
        g,
        "--log-file",
        dest="log_file",
        help="append a timestamped log of the run to this file",
        metavar="FILE",
    )
    g.add_argument(
        "--config",
        metavar="FILE",
        help=f"settings file (TOML; default: DIR/{settings.CONFIG_FILE_NAME} if present)",
    )
    _setting(
        g,
        "--status-interval",
        dest="status_interval",
        metavar="SECONDS",
        help="seconds between status lines when standard error is not a terminal",
    )


def _dataset_opts(sp: argparse.ArgumentParser, out: bool = True) -> None:
    if out:
        sp.add_argument(
            "--out",
            default=None,
            metavar="DIR",
            help=f"dataset folder (default: {settings.OUT_DIR}; env SCRAPER_OUT)",
        )
    _setting(
        sp,
        "--export",
        dest="export",
        nargs="+",
        type=str,
        metavar="FORMAT",
        help=f"export formats: {', '.join(settings.EXPORT_CHOICES)}",
    )
    sp.add_argument(
        "--excel", action="store_true", help="CSV exports start with a UTF-8 BOM so Excel reads Vietnamese"
    )


def _report_opts(sp: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    sp.add_argument("--format", choices=formats, default="jsonl", help="output format")
    sp.add_argument("-o", "--output", metavar="FILE", help="write the output here instead of standard output")
    sp.add_argument(
        "--excel", action="store_true", help="with --format csv: start with a UTF-8 BOM for Excel"
    )


def _date(text: str) -> str:
    from .config import parse_date

    return parse_date(text)


def _archive_date(text: str) -> str:
    from .config import parse_archive_date

    return parse_archive_date(text)


def _subcommand(sub: Any, name: str, help: str, epilog: str) -> argparse.ArgumentParser:
    sp = sub.add_parser(name, help=help, description=help, epilog=epilog, formatter_class=_Help)
    _common(sp)
    return sp


def _tolerance_opt(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--tolerance",
        type=_checked(lambda t: _non_negative(t)),
        default=None,
        help="relative tolerance (default: the stated precision)",
    )


def build_parser() -> argparse.ArgumentParser:
    epilog = (
        "Settings: command-line option > SCRAPER_* environment variable > config file "
        f"(--config, SCRAPER_CONFIG or DIR/{settings.CONFIG_FILE_NAME}) > built-in default.\n"
        "Exit status: 0 ok, 1 some pages/checks failed, 2 usage error, 3 input error, "
        "4 pages were tried and none worked, 130 interrupted."
    )
    p = _Parser(
        prog="scraper",
        description="Figures out of Vietnamese government news and reports.",
        epilog=epilog,
        formatter_class=_Help,
    )
    p.add_argument("--version", action="version", version=f"scraper {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return _subcommand(sub, name, help, epilog)

    e = command("extract", "print the figures in pages or texts")
    e.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="HTML page, PDF/DOCX/XLSX document, http(s) URL, or - for standard input",
    )
    e.add_argument(
        "--text", action="store_true", help="SOURCE is plain UTF-8 text, used as the body text as it is"
    )
    _report_opts(e, ("jsonl", "json", "csv"))
    e.add_argument("--url", help="the page's URL (for provenance when reading a file)")
    e.add_argument(
        "--published",
        type=_checked(_date),
        metavar="DATE",
        help="publication date YYYY-MM-DD for --text (resolves 'hiện nay', years)",
    )
    e.set_defaults(func=cmd_extract)

    b = command("build", "parse local HTML pages (files or folders) into the dataset")
    b.add_argument(
        "paths", nargs="+", metavar="PATH", help="HTML files or folders (searched for *.html, *.htm)"
    )
    _dataset_opts(b)
    _scale_opts(b)
    b.set_defaults(func=cmd_build)

    c = command("crawl", "discover, fetch, parse and store a portal's articles")
    c.add_argument(
        "start_urls", nargs="*", metavar="START_URL", help="listing pages, feeds or sitemaps to start from"
    )
    _setting(
        c,
        "--sources",
        dest="sources",
        nargs="+",
        type=str,
        metavar="URL",
        help="start URLs when none is given as START_URL (for config files and SCRAPER_SOURCES)",
    )
    c.add_argument("--warc", nargs="+", metavar="FILE", help="read WARC/ARC files instead of the network")
    c.add_argument(
        "--replay",
        metavar="DIR",
        help=f"serve the article pages under DIR as a portal on 127.0.0.1 and crawl it (no network); "
        f"URLs are stored under {settings.REPLAY_ORIGIN}",
    )
    _setting(c, "--max-pages", dest="max_pages", metavar="N", help="stop after this many fetched pages")
    _setting(
        c,
        "--delay",
        dest="delay",
        metavar="SECONDS",
        help="seconds between requests to one host (minimum; "
        "slowed down after 429/503, recovering gradually)",
    )
    _setting(c, "--concurrency", dest="concurrency", metavar="N", help="requests in flight per host")
    c.add_argument(
        "--since",
        type=_checked(_date),
        metavar="DATE",
        help="stop paging at articles published before this date (YYYY-MM-DD)",
    )
    _setting(
        c,
        "--user-agent",
        dest="user_agent",
        metavar="TEXT",
        help=f"User-Agent header (default names the tool and a contact URL: {settings.USER_AGENT})",
    )
    _setting(
        c,
        "--contact",
        dest="contact",
        metavar="EMAIL_OR_URL",
        help="added to the User-Agent so admins can reach you",
    )
    c.add_argument(
        "--allow-host", action="append", default=[], metavar="HOST", help="also follow links to this host"
    )
    c.add_argument(
        "--ignore-robots", action="store_true", help="do not read robots.txt (only for your own servers)"
    )
    _setting(c, "--timeout", dest="timeout", metavar="SECONDS", help="read timeout per request")
    _setting(c, "--max-bytes", dest="max_bytes", metavar="N", help="response size cap in bytes")
    _setting(
        c, "--retries", dest="retries", metavar="N", help="retries per request (timeouts, resets, 429, 5xx)"
    )
    c.add_argument("--no-warc", action="store_true", help="do not keep raw responses under DIR/warc/")
    c.add_argument(
        "--no-attachments", action="store_true", help="do not fetch/read the documents articles link to"
    )
    _dataset_opts(c)
    _scale_opts(c)
    c.set_defaults(func=cmd_crawl)

    h = command("harvest", "read web-archive captures into the dataset")
    h.add_argument(
        "pattern", nargs="?", metavar="URL_PATTERN", help="with --commoncrawl: the URLs to look up"
    )
    h.add_argument(
        "--wayback",
        metavar="URL_PATTERN",
        help="harvest the Wayback Machine's captures of these URLs, e.g. 'example.gov.vn/tin-tuc/*'",
    )
    h.add_argument(
        "--commoncrawl",
        action="append",
        metavar="CRAWL_ID",
        help="harvest this Common Crawl crawl (e.g. CC-MAIN-2021-25); repeat for several",
    )
    for flag, dest, which in (("--from", "date_from", "first"), ("--to", "date_to", "last")):
        h.add_argument(
            flag,
            dest=dest,
            type=_checked(_archive_date),
            metavar="DATE",
            help=f"{which} capture date (YYYY, YYYY-MM or YYYY-MM-DD)",
        )
    h.add_argument(
        "--cdx-url", default=settings.WAYBACK_CDX_URL, metavar="URL", help="Wayback CDX API endpoint"
    )
    h.add_argument(
        "--replay-url",
        default=settings.WAYBACK_REPLAY_URL,
        metavar="URL",
        help="Wayback replay (id_) base URL",
    )
    h.add_argument(
        "--cc-index-url",
        default=settings.CC_INDEX_URL,
        metavar="URL",
        help="Common Crawl index server (a mirror, a test)",
    )
    h.add_argument(
        "--cc-data-url", default=settings.CC_DATA_URL, metavar="URL", help="Common Crawl WARC file server"
    )
    _setting(
        h,
        "--delay",
        dest="delay",
        metavar="SECONDS",
        help=
            f"seconds between requests to one archive host (harvest default: Wayback "
            f"{settings.HARVEST_DELAY}, "
        f"Common Crawl {settings.CC_DELAY})",
    )
    h.add_argument(
        "--max-captures",
        type=_checked(lambda t: _positive(t)),
        default=None,
        metavar="N",
        help="read at most this many captures (default: all)",
    )
    _dataset_opts(h)
    h.set_defaults(func=cmd_harvest)

    r = command("reextract", "rebuild articles and figures from the raw WARCs under DIR/warc/")
    r.add_argument("dir", metavar="DIR", help="a dataset folder written by 'scraper crawl'")
    _dataset_opts(r, out=False)
    r.add_argument("--no-attachments", action="store_true", help="do not re-read archived attached documents")
    _scale_opts(r)
    r.set_defaults(func=cmd_reextract)

    q = sub.add_parser("qa", help="quality checks", description="quality checks", formatter_class=_Help)
    qsub = q.add_subparsers(dest="qa_command", required=True, parser_class=_Parser)

    def qa_command(name: str, help: str) -> argparse.ArgumentParser:
        return _subcommand(qsub, name, help, epilog)

    qc = qa_command("check", "cross-check the figures inside each article")
    qc.add_argument(
        "sources", nargs="*", metavar="SOURCE", help="HTML file, http(s) URL, or - for standard input"
    )
    qc.add_argument("--text", action="store_true", help="SOURCE is plain UTF-8 text")
    qc.add_argument("--url", help="the page's URL (for provenance when reading a file)")
    qc.add_argument("--dataset", metavar="DIR", help="also check every article of this dataset folder")
    _report_opts(qc, ("jsonl", "json", "csv", "html"))
    _tolerance_opt(qc)
    qc.add_argument(
        "--screenshot",
        metavar="PNG",
        help="with --format html -o FILE: also save a browser screenshot (needs Chromium + Playwright)",
    )
    qc.add_argument("--fail-on-inconsistent", action="store_true", help="exit 1 when a check fails")
    qc.set_defaults(func=cmd_qa_check)
    qm = qa_command("compare", "compare an official table with the dataset")
    qm.add_argument(
        "official",
        metavar="OFFICIAL.csv",
        nargs="?",
        help="CSV with columns indicator, entity, period_start, period_end, value, unit",
    )
    qm.add_argument(
        "--attachments",
        action="store_true",
        help="compare each article's figures with its own attached documents instead",
    )
    qm.add_argument("--dataset", default=settings.OUT_DIR, metavar="DIR", help="dataset folder")
    _report_opts(qm, ("jsonl", "json", "csv", "html"))
    _tolerance_opt(qm)
    qm.add_argument(
        "--fail-on", nargs="+", choices=("mismatch", "missing"), help="exit 1 when any row has this status"
    )
    qm.set_defaults(func=cmd_qa_compare)
    return p


def _positive(text: str) -> int:
    from .config import _number

    return _number(int, 1)(text)


def _non_negative(text: str) -> float:
    from .config import _number

    return _number(float, 0)(text)


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    from .config import apply_settings

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "qa" and args.qa_command == "check" and not args.sources and not args.dataset:
        raise UsageError("qa check needs SOURCE... or --dataset DIR")
    args.setting_origin = apply_settings(args, args.command)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    run: _Run | None = None
    try:
        _setup_logging()
        args = _parse(argv)
        _setup_logging(args)
        run = _Run(args, argv)
        status = int(args.func(args, run) or 0)
        if args.command in DATASET_COMMANDS:
            run.record(status)
        return status
    except ScraperError as exc:
        _err(str(exc))
        if run is not None and run.args.command in DATASET_COMMANDS:
            run.record(exit_code(exc), str(exc))
        return exit_code(exc)
    except KeyboardInterrupt:
        _err("interrupted; run the same command again to resume")
        if run is not None and run.args.command in DATASET_COMMANDS:
            run.record(EXIT_INTERRUPTED, "interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
