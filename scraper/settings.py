"""Every default and threshold in one place (as Scrapy's default_settings / trafilatura's settings).

Modules read their defaults from here; the command line and a config file override them.  Group by
stage; each name says what it bounds and in which unit.
"""

from __future__ import annotations

# --- attached documents (PDF, DOCX, XLSX) -----------------------------------------------------------
DOCUMENT_MAX_BYTES = 50 * 1024 * 1024  # download / input size cap of one attachment
DOCUMENT_ZIP_MAX_UNCOMPRESSED = 200 * 1024 * 1024  # DOCX/XLSX: sum of declared member sizes (zip bombs)
DOCUMENT_ZIP_MAX_ENTRIES = 10_000  # DOCX/XLSX: members in the archive
DOCUMENT_ZIP_MAX_RATIO = 200  # DOCX/XLSX: uncompressed/compressed size of any member
DOCUMENT_MAX_PAGES = 500  # PDF pages read; the rest is left out with a warning
DOCUMENT_MAX_TABLE_PAGES = 100  # PDF pages on which ruled tables are read (pdfplumber is slower)
DOCUMENT_MAX_CELLS = 500_000  # XLSX/DOCX table cells read
DOCUMENT_MAX_CHARS = 20_000_000  # characters of document text kept
DOCUMENT_TIMEOUT = 60.0  # seconds one document may take in the worker before it is killed
DOCUMENT_MAX_MEMORY = 1536 * 1024 * 1024  # address space of the parsing worker (RLIMIT_AS), bytes
DOCUMENT_MIN_TEXT_CHARS = 20  # fewer letters than this in a PDF's text layer: needs OCR

# --- qa compare --attachments ---------------------------------------------------------------------------
ATTACHMENT_MATCH_TOLERANCE = 0.0005  # relative difference still counted as the same value (rounding)
ATTACHMENT_SAME_INDICATOR_SIMILARITY = 80.0  # rapidfuzz token-set ratio for "the same indicator"
ATTACHMENT_SAME_VALUE_SIMILARITY = 50.0  # a same-value pair with a less alike indicator must be specific
ATTACHMENT_SPECIFIC_VALUE = 1000  # values at least this large (or with decimals) rarely agree by chance
