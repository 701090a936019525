"""DOCX with python-docx: paragraphs and tables in document order; merged cells shown once.

Fonts decide the legacy encoding: a document typed in ".VnTime"/".VnArial" (TCVN3) or "VNI-Times"
(VNI) keeps Latin-1 bytes in its XML, which the builder converts to Unicode.
"""

from __future__ import annotations

import io

import regex

from ... import settings
from ...errors import DocumentError, TooLarge
from ...legacy import detect_legacy
from .builder import TextBuilder
from .guard import one_line

__all__ = ["read_docx", "legacy_from_fonts"]

_TCVN3_FONT = regex.compile(rb'w:(?:ascii|hAnsi)="\.Vn', regex.I)
_VNI_FONT = regex.compile(rb'w:(?:ascii|hAnsi)="VNI[- ]', regex.I)


def legacy_from_fonts(xml: bytes) -> str | None:
    tcvn3, vni = len(_TCVN3_FONT.findall(xml)), len(_VNI_FONT.findall(xml))
    if not (tcvn3 or vni):
        return None
    return "tcvn3" if tcvn3 >= vni else "vni"


def read_docx(data: bytes, b: TextBuilder) -> tuple[str, list[str]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocumentError(f"not a readable DOCX ({one_line(exc)})") from None
    blocks = list(document.iter_inner_content())
    xml = document.element.xml.encode("utf-8", "replace") + _styles_xml(document)
    b.legacy = legacy_from_fonts(xml) or detect_legacy("\n".join(p.text for p in document.paragraphs[:2000]))
    cells = 0
    warnings: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            grid, heads, flagged, n = _table_grid(block)
            cells += n
            if cells > settings.DOCUMENT_MAX_CELLS:
                raise TooLarge(f"over {settings.DOCUMENT_MAX_CELLS:,} table cells")
            b.table(grid, header_grid=heads, flagged_headers=flagged)
        else:
            b.paragraph(block.text)
    return "parsed", warnings


def _styles_xml(document) -> bytes:
    try:
        return document.styles.element.xml.encode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a document without a styles part
        return b""


def _table_grid(table) -> tuple[list[list[str]], list[list[str]], int, int]:
    """(texts shown — a merged cell once, texts spread for headers, rows flagged as header, cells)."""
    grid: list[list[str]] = []
    heads: list[list[str]] = []
    seen: dict[int, object] = {}  # id → element, kept alive so ids are not reused
    flagged = 0
    count = 0
    for r_i, row in enumerate(table.rows):
        shown, spread = [], []
        for cell in row.cells:
            count += 1
            text = cell.text
            spread.append(text)
            key = id(cell._tc)
            shown.append("" if key in seen else text)
            seen[key] = cell._tc
        grid.append(shown)
        heads.append(spread)
        if (
            flagged == r_i
            and row._tr.trPr is not None
            and row._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
            is not None
        ):
            flagged += 1
    return grid, heads, flagged, count
