"""Checks made on the raw bytes BEFORE a parser opens them: type sniffing and zip-bomb limits."""

from __future__ import annotations

import io
import zipfile

from ... import settings
from ...errors import DocumentError, TooLarge

__all__ = ["sniff_type", "check_zip", "one_line", "OLE_MAGIC"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OLE = "EncryptionInfo".encode("utf-16-le")
_ZIP_KINDS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"))
EXTENSIONS = ("pdf", "docx", "xlsx", "doc", "xls", "odt", "ods", "rtf", "pptx", "ppt")


def sniff_type(data: bytes, name: str | None = None) -> str:
    """'pdf', 'docx', 'xlsx', 'doc', 'xls', 'odt', … from the bytes, the name's extension breaking ties."""
    ext = (name or "").lower().rsplit("?", 1)[0].rsplit(".", 1)[-1] if name and "." in name else ""
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist()[: settings.DOCUMENT_ZIP_MAX_ENTRIES])
                for member, kind in _ZIP_KINDS:
                    if member in names:
                        return kind
                if "mimetype" in names:
                    mime = z.read("mimetype")[:100]
                    return "ods" if b"spreadsheet" in mime else "odt"
        except (zipfile.BadZipFile, OSError, ValueError):
            pass
        return ext if ext in ("docx", "xlsx", "odt", "ods", "pptx") else "zip"
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED_OLE in data[: 1 << 20] and ext in ("docx", "xlsx", "pptx"):
            return ext  # an encrypted OOXML file is an OLE container: the reader reports it
        return ext if ext in ("doc", "xls", "ppt") else "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    return ext if ext in EXTENSIONS else "unknown"


def check_zip(data: bytes) -> None:
    """Refuse a DOCX/XLSX whose declared content is too big, too many, or compressed suspiciously well.

    Sizes come from the central directory, which a bomb can understate; the readers also read
    members through size-capped streams (the worker's memory limit is the last line)."""
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED_OLE in data[: 1 << 20]:
            raise DocumentError("encrypted Office file (password-protected)")
        raise DocumentError("an old binary Office file (OLE), not a zip-based DOCX/XLSX")
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError(f"not a valid zip container ({exc})") from None
    with z:
        infos = z.infolist()
        if len(infos) > settings.DOCUMENT_ZIP_MAX_ENTRIES:
            raise TooLarge(f"zip with {len(infos):,} entries (limit {settings.DOCUMENT_ZIP_MAX_ENTRIES:,})")
        total = 0
        for info in infos:
            total += info.file_size
            if total > settings.DOCUMENT_ZIP_MAX_UNCOMPRESSED:
                raise TooLarge(
                    f"zip expands to over {settings.DOCUMENT_ZIP_MAX_UNCOMPRESSED:,} bytes (zip bomb?)"
                )
            if (
                info.compress_size
                and info.file_size > 1 << 20
                and info.file_size / info.compress_size > settings.DOCUMENT_ZIP_MAX_RATIO
            ):
                raise TooLarge(
                    f"zip member {info.filename!r} compressed {info.file_size // info.compress_size}:1 "
                    "(zip bomb?)"
                )


def one_line(exc: BaseException) -> str:
    """An exception as one short line for `Document.error`."""
    return " ".join(str(exc).split())[:200] or type(exc).__name__
