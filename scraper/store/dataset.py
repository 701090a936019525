"""The dataset on disk: SQLite as the source of truth, JSON Lines/CSV/Parquet exported from it.

- One transaction per article, or per batch of articles (`store_rows`, rows built in worker processes):
  a run killed at any moment leaves whole articles or none.
- WAL mode, so a reader (a notebook, `qa compare`) can look while a crawl writes.
- Idempotent: an article is keyed by its stable id; storing the same content again changes nothing,
  changed content becomes a new version (the old one is kept for researchers) and its figures are
  replaced atomically.
- Exports are brought up to date incrementally: rows added since the last export are appended (a new
  part file of the partitioned Parquet folder); only when rows were changed or deleted, or an export
  file is not as it was left, is it rewritten from the database (to a temporary file, then renamed).
- One set of column names everywhere (SQLite, JSON Lines, CSV, Parquet): the record names of
  CONTRACT.md (`index`, `table`, `column`); `value` is the exact decimal as text and `value_num` the
  same number as a REAL for analysis.  Older datasets are migrated when opened.
- This module owns all SQL, the crawl state (`pages`, `frontier`) included.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import DatasetError, MissingDependency, UsageError
from ..models import Article
from .rows import ARTICLE_COLUMNS, FIGURE_COLUMNS, ArticleRows, article_rows

__all__ = ["Dataset", "ARTICLE_COLUMNS", "FIGURE_COLUMNS", "DOCUMENT_COLUMNS", "check_export_formats"]

DOCUMENT_COLUMNS = (
    "url",
    "article_url",
    "type",
    "pages",
    "sha256",
    "text",
    "status",
    "error",
    "size",
    "tables",
    "warnings",
    "cells",
    "fetched_at",
)
# Figure columns added after the first release: (name, SQL type); added to older datasets on open.
_FIGURE_ADDED = (("document_url", "TEXT"), ("page", "INTEGER"), ("cell", "TEXT"))

_JSON_ARTICLE = ("tables", "attachments", "warnings")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    url TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    site TEXT, platform TEXT, title TEXT, published TEXT, author TEXT, category TEXT, views INTEGER,
    summary TEXT, body_text TEXT NOT NULL, language TEXT, fetched_at TEXT, archive_url TEXT, captured_at TEXT,
    content_hash TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
    tables TEXT, attachments TEXT, warnings TEXT
);
CREATE TABLE IF NOT EXISTS article_versions (
    id TEXT NOT NULL, version INTEGER NOT NULL, url TEXT, content_hash TEXT NOT NULL, stored_at TEXT NOT NULL,
    title TEXT, published TEXT, body_text TEXT, captured_at TEXT, archive_url TEXT,
    PRIMARY KEY (id, version)
);
CREATE TABLE IF NOT EXISTS figures (
    article_url TEXT NOT NULL REFERENCES articles(url) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    value TEXT NOT NULL, value_num REAL, kind TEXT NOT NULL, unit TEXT, raw TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    qualifier TEXT, sentence TEXT, indicator TEXT, entity TEXT,
    period_start TEXT, period_end TEXT, period_text TEXT,
    estimate INTEGER NOT NULL DEFAULT 0, change TEXT, baseline TEXT, denominator TEXT, range TEXT,
    part_of INTEGER, computed_from TEXT,
    ambiguous INTEGER NOT NULL DEFAULT 0, prior_period INTEGER NOT NULL DEFAULT 0, verb TEXT,
    "table" INTEGER, "row" TEXT, "column" TEXT, warnings TEXT, document_url TEXT, page INTEGER, cell TEXT,
    PRIMARY KEY (article_id, "index")
);
CREATE TABLE IF NOT EXISTS documents (
    url TEXT NOT NULL, article_url TEXT NOT NULL, type TEXT, pages INTEGER, sha256 TEXT, text TEXT,
    status TEXT NOT NULL, error TEXT, size INTEGER, tables INTEGER, warnings TEXT, cells TEXT,
    fetched_at TEXT,
    PRIMARY KEY (article_url, url)
);
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY, status INTEGER, etag TEXT, last_modified TEXT, content_hash TEXT, article_id TEXT,
    fetched_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, error TEXT, state TEXT NOT NULL DEFAULT 'pending'
);
CREATE TABLE IF NOT EXISTS frontier (
    url TEXT PRIMARY KEY, kind TEXT NOT NULL, depth INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
_INDEXES = """
CREATE INDEX IF NOT EXISTS figures_article_url ON figures(article_url);
CREATE INDEX IF NOT EXISTS figures_document_url ON figures(document_url);
CREATE INDEX IF NOT EXISTS frontier_pending ON frontier(done, added_at);
"""
# Renamed figure columns: (old, new).  Datasets written before the rename are migrated on open.
_RENAMED = (("idx", "index"), ("tbl", "table"), ("col", "column"))


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Dataset:
    """`output/dataset.sqlite` and its exports.  Usable as a context manager."""

    def __init__(self, out_dir: str | os.PathLike[str] = settings.OUT_DIR, *, create: bool = True) -> None:
        """Open (and with `create`, make) the dataset in `out_dir`; DatasetError if that cannot be done."""
        self.dir = Path(out_dir)
        self.path = self.dir / "dataset.sqlite"
        if self.dir.exists() and not self.dir.is_dir():
            raise DatasetError(f"{out_dir}: is a file, not a dataset folder")
        if not create and not self.path.is_file():
            raise DatasetError(
                f"{out_dir}: no dataset.sqlite there (run 'scraper crawl' or 'scraper build' first)"
            )
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(_SCHEMA)
            self._migrate()
            self.db.executescript(_INDEXES)
        except (OSError, sqlite3.Error) as exc:
            raise DatasetError(f"{out_dir}: cannot open the dataset ({exc})") from None

    def _migrate(self) -> None:
        """Bring a dataset written by an older version to today's schema (idempotent)."""
        cols = {r[1] for r in self.db.execute("PRAGMA table_info(figures)")}
        if not cols:
            return
        with self.transaction() as db:
            for old, new in _RENAMED:
                if old in cols and new not in cols:
                    db.execute(f'ALTER TABLE figures RENAME COLUMN {old} TO "{new}"')
            for name, sql_type in _FIGURE_ADDED:
                if name not in cols:
                    db.execute(f"ALTER TABLE figures ADD COLUMN {name} {sql_type}")
            if "value_num" not in cols:
                db.execute("ALTER TABLE figures ADD COLUMN value_num REAL")
                db.execute("UPDATE figures SET value_num = CAST(value AS REAL)")
            if self.get_meta("article_versions") != "earlier-only":
                # article_versions holds earlier versions only (output/README.md); older datasets
                # also stored the current one.
                db.execute(
                    "DELETE FROM article_versions WHERE EXISTS (SELECT 1 FROM articles a WHERE"
                    " a.id = article_versions.id AND a.version = article_versions.version)"
                )
                self.set_meta("article_versions", "earlier-only")

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # --- articles ---------------------------------------------------------------------------------

    def store_article(self, article: Article, *, force: bool = False) -> str:
        """Store one article with its figures atomically: 'new', 'changed' or 'unchanged'.

        `force` (re-extraction) replaces the figures of an unchanged article without a new version.
        """
        return self.store_rows([article_rows(article)], force=force)[0]

    def store_rows(self, batch: Sequence[ArticleRows], *, force: bool = False) -> list[str]:
        """Store a batch of articles (rows built by `article_rows`, e.g. in worker processes) in one
        transaction; the status of each, in order: 'new', 'changed' or 'unchanged'."""
        with self.transaction() as db:
            return [self._store_one(db, rows, force) for rows in batch]

    def _store_one(self, db: sqlite3.Connection, rows: ArticleRows, force: bool) -> str:
        row = db.execute(
            "SELECT url, content_hash, version FROM articles WHERE id = ?", (rows.id,)
        ).fetchone()
        if row is not None and row["content_hash"] == rows.content_hash:
            if force:
                # Re-extraction: new figures for the same content; identical figures are left alone.
                figures = rows.figure_values(row["url"])
                if self._figure_values(db, rows.id) != figures:
                    db.execute("DELETE FROM figures WHERE article_id = ?", (rows.id,))
                    self._insert_figure_values(db, figures)
                    self._touch_exports(db)
                return "unchanged"
            # Same content: refresh counters (views) and capture info only.
            views, fetched_at = rows.article["views"], rows.article["fetched_at"]
            cur = db.execute(
                "UPDATE articles SET views = ?, fetched_at = COALESCE(?, fetched_at) WHERE id = ?"
                " AND (views IS NOT ? OR fetched_at IS NOT COALESCE(?, fetched_at))",
                (views, fetched_at, rows.id, views, fetched_at),
            )
            if cur.rowcount:
                self._touch_exports(db)
            return "unchanged"
        version = (row["version"] + 1) if row is not None else 1
        if row is not None:
            self._keep_version(db, rows.id)
            db.execute("DELETE FROM figures WHERE article_id = ?", (rows.id,))
            db.execute("DELETE FROM articles WHERE id = ?", (rows.id,))
            self._touch_exports(db)
        # Another id under the same URL (e.g. the page changed platform): the URL is the key.
        old = db.execute("SELECT id FROM articles WHERE url = ?", (rows.url,)).fetchone()
        if old is not None:
            db.execute("DELETE FROM figures WHERE article_id = ?", (old["id"],))
            db.execute("DELETE FROM articles WHERE url = ?", (rows.url,))
            self._touch_exports(db)
        db.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES "
            f"({', '.join('?' * len(ARTICLE_COLUMNS))})",
            rows.article_values(version),
        )
        self._insert_figure_values(db, rows.figure_values(rows.url))
        return "new" if row is None else "changed"

    @staticmethod
    def _keep_version(db: sqlite3.Connection, article_id: str) -> None:
        """Copy the stored (about to be replaced) version of an article into article_versions."""
        db.execute(
            "INSERT OR REPLACE INTO article_versions (id, version, url, content_hash, stored_at, title, "
            "published,"
            " body_text, captured_at, archive_url) SELECT id, version, url, content_hash, ?, title, "
            "published,"
            " body_text, captured_at, archive_url FROM articles WHERE id = ?",
            (_now(), article_id),
        )

    @staticmethod
    def _insert_figure_values(db: sqlite3.Connection, values: list[tuple[Any, ...]]) -> None:
        cols = ", ".join(f'"{c}"' for c in FIGURE_COLUMNS)
        db.executemany(
            f"INSERT INTO figures ({cols}) VALUES ({', '.join('?' * len(FIGURE_COLUMNS))})", values
        )

    @staticmethod
    def _figure_values(db: sqlite3.Connection, article_id: str) -> list[tuple[Any, ...]]:
        cols = ", ".join(f'"{c}"' for c in FIGURE_COLUMNS)
        return [
            tuple(r)
            for r in db.execute(
                f'SELECT {cols} FROM figures WHERE article_id = ? ORDER BY "index"', (article_id,)
            )
        ]

    @staticmethod
    def _touch_exports(db: sqlite3.Connection) -> None:
        """Rows were changed or deleted, not only added: the next export is a full rewrite."""
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('export_epoch', '1')"
            " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def articles(self) -> Iterator[dict[str, Any]]:
        yield from self._article_dicts("ORDER BY published, url")

    def figures(self, *, documents: bool = False) -> Iterator[dict[str, Any]]:
        """Figures of article bodies; with `documents=True` also those of their attached documents."""
        where = "" if documents else "WHERE document_url IS NULL "
        yield from self._figure_dicts(f'{where}ORDER BY article_url, document_url, "index"')

    def _article_dicts(self, tail: str, params: tuple[Any, ...] = ()) -> Iterator[dict[str, Any]]:
        for row in self.db.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles {tail}", params):
            d = dict(row)
            for c in _JSON_ARTICLE:
                d[c] = json.loads(d[c]) if d[c] else []
            yield d

    def _figure_dicts(self, tail: str, params: tuple[Any, ...] = ()) -> Iterator[dict[str, Any]]:
        cols = ", ".join(f'"{c}"' for c in FIGURE_COLUMNS)
        for row in self.db.execute(f"SELECT {cols} FROM figures {tail}", params):
            d = dict(row)
            d["estimate"], d["ambiguous"], d["prior_period"] = (
                bool(d["estimate"]),
                bool(d["ambiguous"]),
                bool(d["prior_period"]),
            )
            d["computed_from"] = json.loads(d["computed_from"]) if d["computed_from"] else None
            d["warnings"] = json.loads(d["warnings"]) if d["warnings"] else []
            yield d

    # --- attached documents -----------------------------------------------------------------------

    def store_document(
        self, doc: Any, article_id: str, *, fetched_at: str | None = None, force: bool = False
    ) -> str:
        """Store one attached Document and its figures atomically: 'new', 'changed' or 'unchanged'.

        Its figures go to `figures` with `document_url` set and `article_id` = "<article id>@<sha256[:16]>",
        so they never collide with (or get replaced by) the article body's own figures."""
        from .rows import figure_row

        with self.transaction() as db:
            row = db.execute(
                "SELECT sha256, status FROM documents WHERE article_url = ? AND url = ?",
                (doc.article_url, doc.url),
            ).fetchone()
            if row is not None and row["sha256"] == doc.sha256 and row["status"] == doc.status and not force:
                return "unchanged"
            if row is not None:
                db.execute(
                    "DELETE FROM figures WHERE article_url = ? AND document_url = ?",
                    (doc.article_url, doc.url),
                )
                self._touch_exports(db)
            d = doc.model_dump(mode="json")
            d.update(
                pages=doc.page_count,
                fetched_at=fetched_at,
                warnings=json.dumps(d["warnings"], ensure_ascii=False) if d["warnings"] else None,
                cells=json.dumps(d["cells"], ensure_ascii=False) if d["cells"] else None,
            )
            db.execute(
                f"INSERT OR REPLACE INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})",
                tuple(d.get(c) for c in DOCUMENT_COLUMNS),
            )
            key = f"{article_id}@{doc.sha256[:16]}"
            self._insert_figure_values(db, [figure_row(f, doc.article_url, key) for f in doc.figures])
            return "new" if row is None else ("unchanged" if row["sha256"] == doc.sha256 else "changed")

    def document(self, article_url: str, url: str) -> sqlite3.Row | None:
        return self.db.execute(
            "SELECT * FROM documents WHERE article_url = ? AND url = ?", (article_url, url)
        ).fetchone()

    def documents(self, *, text: bool = True) -> Iterator[dict[str, Any]]:
        yield from self._document_dicts("ORDER BY article_url, url", text=text)

    def _document_dicts(
        self, tail: str, params: tuple[Any, ...] = (), *, text: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Document rows; without `text` (exports) the text and cells stay in the database."""
        cols = [c for c in DOCUMENT_COLUMNS if text or c not in ("text", "cells")]
        for row in self.db.execute(f"SELECT {', '.join(cols)} FROM documents {tail}", params):
            d = dict(row)
            for c in ("warnings", "cells"):
                if c in d:
                    d[c] = json.loads(d[c]) if d[c] else []
            yield d

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "figures": self.db.execute("SELECT COUNT(*) FROM figures").fetchone()[0],
            "versions": self.db.execute("SELECT COUNT(*) FROM article_versions").fetchone()[0],
            "documents": self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
        }

    # --- crawl state ------------------------------------------------------------------------------

    def page(self, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM pages WHERE url = ?", (url,)).fetchone()

    def page_done(self, url: str) -> bool:
        """The page was fetched and stored (a later run only revalidates it)."""
        row = self.page(url)
        return row is not None and row["state"] == "done"

    def record_page(self, url: str, **fields: Any) -> None:
        """Insert or update the crawl state of one page (keyed by URL: re-runs add no rows)."""
        fields.setdefault("fetched_at", _now())
        cols = ["url", *fields]
        updates = ", ".join(f"{k} = excluded.{k}" for k in fields)
        self.db.execute(
            f"INSERT INTO pages ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            f" ON CONFLICT(url) DO UPDATE SET {updates}",
            (url, *fields.values()),
        )

    def enqueue(self, urls: Iterable[str], kind: str = "article") -> None:
        """Add URLs to the frontier; one row per URL whatever the number of runs that see it."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO frontier (url, kind, added_at) VALUES (?, ?, ?)",
                [(u, kind, _now()) for u in urls],
            )

    def pending(self, kind: str = "article") -> list[str]:
        """Frontier URLs not done yet, oldest first (what a killed run left)."""
        rows = self.db.execute(
            "SELECT url FROM frontier WHERE kind = ? AND done = 0 ORDER BY added_at, rowid", (kind,)
        )
        return [r["url"] for r in rows]

    def mark_done(self, url: str) -> None:
        self.db.execute("UPDATE frontier SET done = 1 WHERE url = ?", (url,))

    def drop_pending(self, keep: Callable[[str], bool]) -> int:
        """Remove frontier rows a crawl can no longer reach (e.g. another origin); returns how many."""
        gone = [(u,) for u in self.pending() if not keep(u)]
        with self.transaction() as db:
            db.executemany("DELETE FROM frontier WHERE url = ?", gone)
        return len(gone)

    def published_of_page(self, url: str) -> str | None:
        """The publication date of the article a fetched page holds, if any."""
        row = self.db.execute(
            "SELECT a.published FROM pages p JOIN articles a ON a.id = p.article_id WHERE p.url = ?", (url,)
        ).fetchone()
        return row[0] if row else None

    def row_count(self, table: str) -> int:
        if table not in ("articles", "figures", "article_versions", "pages", "frontier", "documents"):
            raise ValueError(f"unknown table {table!r}")
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- exports ----------------------------------------------------------------------------------

    def export(
        self, formats: tuple[str, ...] = settings.EXPORT_FORMATS, *, excel: bool = False
    ) -> list[Path]:
        """Bring the articles/figures exports up to date; returns the files (Parquet: folders) written.

        Rows added since the last export are appended in the order they were stored; a file is
        rewritten from scratch only when stored rows changed or were deleted since, or when it is
        missing or not as the last export left it (edited, truncated by a crash).
        `excel`: CSV starts with a UTF-8 byte-order mark, so Excel reads Vietnamese correctly.
        """
        check_export_formats(formats)
        names = ("articles", "figures")
        if self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone():
            names += ("documents",)
        return [self._export_table(name, fmt, excel) for fmt in formats for name in names]

    def _export_table(self, name: str, fmt: str, excel: bool) -> Path:
        target = self.dir / f"{name}.{fmt}"
        key = f"export:{target.name}"
        state = json.loads(self.get_meta(key) or "{}")
        epoch = self.get_meta("export_epoch") or "0"
        top = self.db.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {name}").fetchone()[0]
        append = (
            state.get("epoch") == epoch
            and state.get("mark", top + 1) <= top
            and state.get("excel", excel) == excel
            and state.get("fingerprint") == _fingerprint(target)
        )
        mark = state["mark"] if append else 0
        dicts = {
            "articles": self._article_dicts,
            "figures": self._figure_dicts,
            "documents": self._document_dicts,
        }[name]
        rows = dicts("WHERE rowid > ? AND rowid <= ? ORDER BY rowid", (mark, top))
        types = {r["name"]: r["type"].upper() for r in self.db.execute(f"PRAGMA table_info({name})")}
        _EXPORTERS[fmt](target, rows, append=append, excel=excel, types=types)
        self.set_meta(
            key,
            json.dumps({"epoch": epoch, "mark": top, "excel": excel, "fingerprint": _fingerprint(target)}),
        )
        return target


def _fingerprint(target: Path) -> Any:
    """What the last export left: a file's size, a Parquet folder's part files."""
    if target.is_dir():
        return sorted(p.name for p in target.glob("part-*.parquet"))
    return target.stat().st_size if target.exists() else None


def _flat(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v


def _replace_file(target: Path, write: Callable[[Any], None], encoding: str = "utf-8") -> None:
    tmp = target.with_suffix(target.suffix + ".tmp")
    with tmp.open("w", encoding=encoding, newline="") as fh:
        write(fh)
    if target.is_dir():
        shutil.rmtree(target)
    os.replace(tmp, target)


def _export_jsonl(target: Path, rows: Iterator[dict[str, Any]], *, append: bool, **_: Any) -> None:
    def write(fh: Any) -> None:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    if append:
        with target.open("a", encoding="utf-8", newline="") as fh:
            write(fh)
    else:
        _replace_file(target, write)


def _export_csv(
    target: Path, rows: Iterator[dict[str, Any]], *, append: bool, excel: bool = False, **_: Any
) -> None:
    def write(fh: Any, header: bool) -> None:
        writer: csv.DictWriter[str] | None = None
        for r in rows:
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(r))
                if header:
                    writer.writeheader()
            writer.writerow({k: _flat(v) for k, v in r.items()})

    if append:
        with target.open("a", encoding="utf-8", newline="") as fh:
            write(fh, header=fh.tell() == 0)
    else:
        _replace_file(target, lambda fh: write(fh, header=True), "utf-8-sig" if excel else "utf-8")


_PARQUET_BOOLS = {"estimate", "ambiguous", "prior_period"}  # INTEGER in SQLite, true/false in the records


def _parquet_type(column: str, types: dict[str, str]) -> Any:
    """The Parquet type of a column from its SQLite declared type, so every part has one schema."""
    import pyarrow as pa

    if column in _PARQUET_BOOLS:
        return pa.bool_()
    declared = types.get(column, "TEXT")
    if "INT" in declared:
        return pa.int64()
    return pa.float64() if declared in ("REAL", "FLOAT", "DOUBLE") else pa.string()


def _export_parquet(
    target: Path,
    rows: Iterator[dict[str, Any]],
    *,
    append: bool,
    excel: bool = False,
    types: dict[str, str] | None = None,
) -> None:
    """A partitioned Parquet dataset: `target/part-NNNNN.parquet`, one more part per export that adds
    rows; pandas, DuckDB, Spark and pyarrow read the folder as one table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = target if append else target.with_name(target.name + ".tmp")
    if not append:
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    seq = len(list(folder.glob("part-*.parquet")))
    while chunk := [
        {k: _flat(v) for k, v in r.items()} for r in itertools.islice(rows, settings.PARQUET_ROWS_PER_PART)
    ]:
        schema = pa.schema([(k, _parquet_type(k, types or {})) for k in chunk[0]])
        pq.write_table(pa.Table.from_pylist(chunk, schema=schema), folder / f"part-{seq:05d}.parquet")
        seq += 1
    if not append:
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()  # the single-file export of an earlier version
        os.replace(folder, target)


_EXPORTERS: dict[str, Callable[..., None]] = {
    "jsonl": _export_jsonl,
    "csv": _export_csv,
    "parquet": _export_parquet,
}


def check_export_formats(formats: Iterable[str]) -> None:
    """UsageError for an unknown format, MissingDependency when Parquet is asked without pyarrow."""
    formats = tuple(formats)
    unknown = [f for f in formats if f not in settings.EXPORT_CHOICES]
    if unknown:
        raise UsageError(f"unknown export format {unknown[0]!r} ({', '.join(settings.EXPORT_CHOICES)})")
    if "parquet" in formats:
        _need_pyarrow()


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:  # optional extra
        raise MissingDependency(
            "Parquet export needs pyarrow: pip install 'vn-gov-figures[parquet]'"
        ) from None
