"""Attached documents (PDF, DOCX, XLSX) to a `Document`: text with pages and table cells, then figures.

    >>> from scraper.parse.documents import parse_document
    >>> parse_document(b"not a pdf", "pdf", isolate=False).status
    'failed'

This is the Document seam: bytes + type + URL in, text + figures out, through the same extractor as
article bodies.  Nothing here raises for a bad document: the outcome is the record's `status`
(`parsed`, `needs_ocr`, `unsupported`, `failed`) with a one-line `error`.  With `isolate=True`
(the default) parsing runs in a worker process with memory and time limits (see `worker.py`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ... import settings
from ...errors import DocumentError, TooLarge
from .builder import TextBuilder
from .guard import check_zip, one_line, sniff_type
from .model import Cell, Document, Page

__all__ = [
    "Cell",
    "Document",
    "Page",
    "parse_document",
    "read_document",
    "sniff_type",
    "READERS",
    "UNSUPPORTED",
]

_OLD_OFFICE = "convert it to .docx/.xlsx (e.g. LibreOffice --convert-to) to read it"
UNSUPPORTED: dict[str, str] = {
    "doc": f"Word 97-2003 .doc: no maintained pure-Python reader; {_OLD_OFFICE}",
    "xls": f"Excel 97-2003 .xls is not read yet; {_OLD_OFFICE}",
    "odt": "OpenDocument text is not read yet; convert it to .docx",
    "ods": "OpenDocument spreadsheet is not read yet; convert it to .xlsx",
    "rtf": "RTF is not read yet; convert it to .docx",
    "ppt": "PowerPoint files are not read",
    "pptx": "PowerPoint files are not read",
    "zip": "a zip archive that is not a DOCX/XLSX",
    "unknown": "not a PDF, DOCX or XLSX file",
}


def _pdf(data: bytes, b: TextBuilder) -> tuple[str, list[str]]:
    from .pdf import read_pdf

    return read_pdf(data, b)


def _docx(data: bytes, b: TextBuilder) -> tuple[str, list[str]]:
    from .docx import read_docx

    check_zip(data)
    return read_docx(data, b)


def _xlsx(data: bytes, b: TextBuilder) -> tuple[str, list[str]]:
    from .xlsx import read_xlsx

    check_zip(data)
    return read_xlsx(data, b)


READERS: dict[str, Callable[[bytes, TextBuilder], tuple[str, list[str]]]] = {
    "pdf": _pdf,
    "docx": _docx,
    "xlsx": _xlsx,
}


def read_document(data: bytes, type_: str | None = None, *, name: str | None = None) -> Document:
    """The document's text, pages and cells (no figures), in this process; never raises for bad input."""
    sniffed = sniff_type(data, name)
    # The bytes decide when they are a format we read: a link named .doc that serves a PDF is a PDF.
    kind = sniffed if sniffed in READERS else ((type_ or "").lower().lstrip(".") or sniffed)
    doc = Document(type=kind, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    if len(data) > settings.DOCUMENT_MAX_BYTES:
        return _outcome(doc, "failed", f"document of {len(data):,} bytes over DOCUMENT_MAX_BYTES")
    reader = READERS.get(kind)
    if reader is None:
        return _outcome(doc, "unsupported", UNSUPPORTED.get(kind, f"{kind} files are not read"))
    builder = TextBuilder()
    try:
        status, warnings = reader(data, builder)
    except (DocumentError, TooLarge) as exc:
        return _outcome(doc, "failed", str(exc))
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - third-party parsers raise anything on a malformed file
        return _outcome(doc, "failed", f"unreadable {kind.upper()} ({type(exc).__name__}: {one_line(exc)})")
    doc.text, doc.pages, doc.cells, doc.tables = builder.text(), builder.pages, builder.cells, builder.tables
    doc.warnings = warnings
    if status == "needs_ocr":
        return _outcome(doc, "needs_ocr", "no text layer (scanned pages?): OCR is needed to read it")
    return doc


def _outcome(doc: Document, status: str, error: str) -> Document:
    doc.status, doc.error = status, error  # type: ignore[assignment]
    return doc


def parse_document(
    data: bytes,
    type_: str | None = None,
    url: str | None = None,
    *,
    name: str | None = None,
    article_url: str | None = None,
    published: str | None = None,
    isolate: bool = True,
    with_figures: bool = True,
) -> Document:
    """Bytes + type (or None to sniff) + URL to a Document with its figures."""
    from .figures import document_figures

    name = name or url
    if isolate:
        from .worker import shared_worker

        outcome, payload = shared_worker().run(data, type_, name, published if with_figures else None)
        if outcome == "ok":
            doc = Document.model_validate(payload)
        else:
            kind = (type_ or "").lower() or sniff_type(data, name)
            doc = Document(
                type=kind,
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
                status="failed",
                error=str(payload),
            )
    else:
        doc = read_document(data, type_, name=name)
        if with_figures and doc.status == "parsed":
            try:
                doc.figures = document_figures(doc, published=published)
            except TooLarge as exc:  # more numbers than one text may hold: the text is kept, figures are not
                doc.warnings.append(f"figures not read: {exc}")
    doc.url, doc.article_url = url, article_url
    doc.figures = [f.revised(document_url=url) for f in doc.figures] if with_figures else []
    return doc
