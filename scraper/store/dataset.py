"""The dataset on disk: SQLite as the source of truth, JSON Lines/CSV/Parquet exported from it.

- One transaction per article: a run killed at any moment leaves whole articles or none.
- WAL mode, so a reader (a notebook, `qa compare`) can look while a crawl writes.
- Idempotent: an article is keyed by its stable id; storing the same content again changes nothing,
  changed content becomes a new version (the old one is kept for researchers) and its figures are
  replaced atomically.
- Exports are rewritten from the database (to a temporary file, then renamed), so they are never
  half-written and never disagree with it.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..models import Article, Figure

__all__ = ["Dataset", "ARTICLE_COLUMNS", "FIGURE_COLUMNS", "DOCUMENT_COLUMNS"]

ARTICLE_COLUMNS = (
    "url", "id", "site", "platform", "title", "published", "author", "category", "views", "summary",
    "body_text", "language", "fetched_at", "archive_url", "captured_at", "content_hash", "version",
    "tables", "attachments", "warnings",
)
FIGURE_COLUMNS = (
    "article_url", "article_id", "idx", "value", "kind", "unit", "raw", "start", "end", "qualifier", "sentence",
    "indicator", "entity", "period_start", "period_end", "period_text", "estimate", "change", "baseline",
    "denominator", "range", "part_of", "computed_from", "ambiguous", "prior_period", "verb", "tbl", "row", "col",
    "warnings", "document_url", "page", "cell",
)
DOCUMENT_COLUMNS = (
    "url", "article_url", "type", "pages", "sha256", "text", "status", "error", "size", "tables", "warnings",
    "cells", "fetched_at",
)
# Columns added to `figures` after the first release: (name, SQL type) for datasets made before.
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
    idx INTEGER NOT NULL,
    value TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT, raw TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    qualifier TEXT, sentence TEXT, indicator TEXT, entity TEXT, period_start TEXT, period_end TEXT, period_text TEXT,
    estimate INTEGER NOT NULL DEFAULT 0, change TEXT, baseline TEXT, denominator TEXT, range TEXT, part_of INTEGER,
    computed_from TEXT, ambiguous INTEGER NOT NULL DEFAULT 0, prior_period INTEGER NOT NULL DEFAULT 0, verb TEXT,
    tbl INTEGER, "row" TEXT, col TEXT, warnings TEXT, document_url TEXT, page INTEGER, cell TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS documents (
    url TEXT NOT NULL, article_url TEXT NOT NULL, type TEXT, pages INTEGER, sha256 TEXT, text TEXT,
    status TEXT NOT NULL, error TEXT, size INTEGER, tables INTEGER, warnings TEXT, cells TEXT, fetched_at TEXT,
    PRIMARY KEY (article_url, url)
);
CREATE INDEX IF NOT EXISTS figures_article_url ON figures(article_url);
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


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Dataset:
    """`output/dataset.sqlite` and its exports.  Usable as a context manager."""

    def __init__(self, out_dir: str | os.PathLike[str] = "output") -> None:
        self.dir = Path(out_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.path = self.dir / "dataset.sqlite"
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(_SCHEMA)
        have = {r[1] for r in self.db.execute("PRAGMA table_info(figures)")}
        for name, sql_type in _FIGURE_ADDED:
            if name not in have:
                self.db.execute(f"ALTER TABLE figures ADD COLUMN {name} {sql_type}")
        self.db.execute("CREATE INDEX IF NOT EXISTS figures_document_url ON figures(document_url)")

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
        url = article.url or article.id
        with self.transaction() as db:
            row = db.execute("SELECT url, content_hash, version FROM articles WHERE id = ?", (article.id,)).fetchone()
            if row is not None and row["content_hash"] == article.content_hash and force:
                db.execute("DELETE FROM figures WHERE article_id = ?", (article.id,))
                self._insert_figures(db, article, row["url"])
                return "unchanged"
            if row is not None and row["content_hash"] == article.content_hash:
                # Same content: refresh counters (views) and capture info only.
                db.execute(
                    "UPDATE articles SET views = ?, fetched_at = COALESCE(?, fetched_at) WHERE id = ?",
                    (article.views, article.fetched_at, article.id),
                )
                return "unchanged"
            version = (row["version"] + 1) if row is not None else 1
            if row is not None:
                db.execute("DELETE FROM figures WHERE article_id = ?", (article.id,))
                db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            # Another id under the same URL (e.g. the page changed platform): the URL is the key.
            old = db.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
            if old is not None:
                db.execute("DELETE FROM figures WHERE article_id = ?", (old["id"],))
                db.execute("DELETE FROM articles WHERE url = ?", (url,))
            values = self._article_row(article, url, version)
            db.execute(
                f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
                values,
            )
            db.execute(
                "INSERT OR REPLACE INTO article_versions (id, version, url, content_hash, stored_at, title, published, body_text, captured_at, archive_url)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (article.id, version, url, article.content_hash, _now(), article.title, article.published,
                 article.body_text, article.captured_at, article.archive_url),
            )
            self._insert_figures(db, article, url)
            return "new" if row is None else "changed"

    def _insert_figures(self, db: sqlite3.Connection, article: Article, url: str) -> None:
        cols = ", ".join(f'"{c}"' for c in FIGURE_COLUMNS)
        db.executemany(
            f"INSERT INTO figures ({cols}) VALUES ({', '.join('?' * len(FIGURE_COLUMNS))})",
            [self._figure_row(f, url, article.id) for f in article.figures],
        )

    @staticmethod
    def _article_row(a: Article, url: str, version: int) -> tuple[Any, ...]:
        d = a.model_dump(mode="json")
        d["url"], d["version"] = url, version
        return tuple(json.dumps(d[c], ensure_ascii=False) if c in _JSON_ARTICLE else d.get(c) for c in ARTICLE_COLUMNS)

    @staticmethod
    def _figure_row(f: Figure, url: str, article_id: str) -> tuple[Any, ...]:
        d = f.model_dump(mode="json")
        d.update(article_url=url, article_id=article_id, idx=f.index, tbl=f.table, col=f.column)
        d["computed_from"] = json.dumps(d["computed_from"]) if d["computed_from"] is not None else None
        d["warnings"] = json.dumps(d["warnings"], ensure_ascii=False) if d["warnings"] else None
        return tuple(d.get(c) for c in FIGURE_COLUMNS)

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def articles(self) -> Iterator[dict[str, Any]]:
        for row in self.db.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY published, url"):
            d = dict(row)
            for c in _JSON_ARTICLE:
                d[c] = json.loads(d[c]) if d[c] else []
            yield d

    def figures(self, *, documents: bool = False) -> Iterator[dict[str, Any]]:
        """Figures of article bodies; with `documents=True` also those of their attached documents."""
        cols = ", ".join(f'"{c}"' for c in FIGURE_COLUMNS)
        where = "" if documents else "WHERE document_url IS NULL "
        for row in self.db.execute(f"SELECT {cols} FROM figures {where}ORDER BY article_url, document_url, idx"):
            d = dict(row)
            d["estimate"], d["ambiguous"], d["prior_period"] = bool(d["estimate"]), bool(d["ambiguous"]), bool(d["prior_period"])
            d["computed_from"] = json.loads(d["computed_from"]) if d["computed_from"] else None
            d["warnings"] = json.loads(d["warnings"]) if d["warnings"] else []
            d["table"], d["column"] = d.pop("tbl"), d.pop("col")
            d["index"] = d.pop("idx")
            yield d

    # --- attached documents -----------------------------------------------------------------------

    def store_document(self, doc: Any, article_id: str, *, fetched_at: str | None = None, force: bool = False) -> str:
        """Store one attached Document and its figures atomically: 'new', 'changed' or 'unchanged'.

        Its figures go to `figures` with `document_url` set and `article_id` = "<article id>@<sha256[:16]>",
        so they never collide with (or get replaced by) the article body's own figures."""
        with self.transaction() as db:
            row = db.execute("SELECT sha256, status FROM documents WHERE article_url = ? AND url = ?",
                             (doc.article_url, doc.url)).fetchone()
            if row is not None and row["sha256"] == doc.sha256 and row["status"] == doc.status and not force:
                db.execute("UPDATE documents SET fetched_at = COALESCE(?, fetched_at) WHERE article_url = ? AND url = ?",
                           (fetched_at, doc.article_url, doc.url))
                return "unchanged"
            db.execute("DELETE FROM figures WHERE article_url = ? AND document_url = ?", (doc.article_url, doc.url))
            d = doc.model_dump(mode="json")
            d.update(pages=doc.page_count, fetched_at=fetched_at,
                     warnings=json.dumps(d["warnings"], ensure_ascii=False) if d["warnings"] else None,
                     cells=json.dumps(d["cells"], ensure_ascii=False) if d["cells"] else None)
            db.execute(f"INSERT OR REPLACE INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
                       f"VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})", tuple(d.get(c) for c in DOCUMENT_COLUMNS))
            cols = ", ".join(f'"{c}"' for c in FIGURE_COLUMNS)
            key = f"{article_id}@{doc.sha256[:16]}"
            db.executemany(f"INSERT OR REPLACE INTO figures ({cols}) VALUES ({', '.join('?' * len(FIGURE_COLUMNS))})",
                           [self._figure_row(f, doc.article_url, key) for f in doc.figures])
            return "new" if row is None else ("unchanged" if row["sha256"] == doc.sha256 else "changed")

    def document(self, article_url: str, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM documents WHERE article_url = ? AND url = ?", (article_url, url)).fetchone()

    def documents(self, *, text: bool = True) -> Iterator[dict[str, Any]]:
        cols = [c for c in DOCUMENT_COLUMNS if text or c not in ("text", "cells")]
        for row in self.db.execute(f"SELECT {', '.join(cols)} FROM documents ORDER BY article_url, url"):
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

    def record_page(self, url: str, **fields: Any) -> None:
        fields.setdefault("fetched_at", _now())
        cols = ["url", *fields]
        updates = ", ".join(f"{k} = excluded.{k}" for k in fields)
        self.db.execute(
            f"INSERT INTO pages ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) ON CONFLICT(url) DO UPDATE SET {updates}",
            (url, *fields.values()),
        )

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- exports ----------------------------------------------------------------------------------

    def export(self, formats: tuple[str, ...] = ("jsonl",)) -> list[Path]:
        """Rewrite articles/figures exports from the database; returns the files written."""
        written: list[Path] = []
        for fmt in formats:
            exports = [("articles", self.articles), ("figures", lambda: self.figures(documents=True))]
            if self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone():
                exports.append(("documents", lambda: self.documents(text=False)))
            for name, rows in exports:
                target = self.dir / f"{name}.{fmt}"
                tmp = target.with_suffix(target.suffix + ".tmp")
                if fmt == "jsonl":
                    with tmp.open("w", encoding="utf-8") as fh:
                        for r in rows():
                            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                elif fmt == "csv":
                    _write_csv(tmp, rows())
                elif fmt == "parquet":
                    _write_parquet(tmp, list(rows()))
                else:
                    raise ValueError(f"unknown export format {fmt!r} (jsonl, csv, parquet)")
                os.replace(tmp, target)
                written.append(target)
        return written


def _flat(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v


def _write_csv(path: Path, rows: Iterator[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer: csv.DictWriter[str] | None = None
        for r in rows:
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(r))
                writer.writeheader()
            writer.writerow({k: _flat(v) for k, v in r.items()})


def _write_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # optional extra
        raise RuntimeError("Parquet export needs the optional extra: pip install 'vn-gov-figures[parquet]'") from exc
    table = pa.Table.from_pylist([{k: _flat(v) for k, v in r.items()} for r in rows])
    pq.write_table(table, path)
