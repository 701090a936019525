"""Text hygiene: decoding bytes the way Vietnamese portals actually serve them, and normalising text.

Portal pages mix NFC and NFD, named and numeric entities, NBSPs and zero-width characters; old pages
and attachments use windows-1258 (tone marks as combining characters) or the TCVN3/VNI font
encodings, which decode "successfully" as mojibake.  Everything downstream matches on NFC text with
plain spaces, so this module is the one place that knows about any of that.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from dataclasses import dataclass

import regex

from .errors import DecodeError

# `regex` lets go of the GIL around every match of a str (and takes it back for each allocation while
# matching): lock round trips on every call, paid by a reader that runs no other thread.  Passed as
# the `concurrent` argument (positional: 4th of match/search, 5th of finditer/findall) it keeps the
# GIL; the matches are the same.
HOLD = False

__all__ = [
    "DecodeError",
    "Normalized",
    "clean_text",
    "decode_html",
    "decode_html_head",
    "decode_html_utf8",
    "normalize",
    "normalize_with_map",
]


# Characters that are spaces to a reader but not to `str.split`: NBSP, narrow NBSP, ideographic...
_SPACE_LIKE = {"\u00a0", "\u2007", "\u202f", "\u2002", "\u2003", "\u2009", "\u3000", "\t", "\x0b", "\x0c"}
# Characters that a reader does not see at all.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


@dataclass(frozen=True, slots=True)
class Normalized:
    """NFC text plus, for each of its characters, the offset of the original character it came from.

    `origin` has len(text) + 1 entries so that an end offset maps too.  Matching runs on `text`;
    spans are mapped back so that `original[start:end]` is exactly what the reader saw.
    """

    text: str
    origin: tuple[int, ...] | None  # None: identity mapping (the fast, common case)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end]


# The standard library's engine: it scans a plain character class over non-ASCII text ~3x faster.
_ODD_CHARS = re.compile("[" + "".join(sorted(_SPACE_LIKE | _INVISIBLE)) + "]")


_ENTITY = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _needs_work(text: str) -> bool:
    if text.isascii():  # NFC already, and tab, VT and FF are its only odd characters
        odd = "\t" in text or "\x0b" in text or "\x0c" in text
    elif not unicodedata.is_normalized("NFC", text):
        return True
    else:
        odd = _ODD_CHARS.search(text) is not None
    return odd or ("&" in text and _ENTITY.search(text) is not None)


def normalize_with_map(text: str) -> Normalized:
    """NFC, spaces folded, invisible characters dropped, keeping a map back to `text` offsets.

    Works cluster by cluster (a base character and its combining marks), which is exactly the unit
    NFC composes for Vietnamese, so a composed character maps back to its whole decomposed cluster.
    """
    if not _needs_work(text):
        return Normalized(text, None)
    out: list[str] = []
    origin: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "&" and (ent := _ENTITY.match(text, i)):
            # "98,2&nbsp;%" or "B&agrave;i" in pasted text: decode, and map every decoded
            # character back to the whole entity so spans still cover what the reader saw.
            decoded = html.unescape(ent.group(0))
            if decoded != ent.group(0):
                for c in unicodedata.normalize("NFC", decoded):
                    if c in _INVISIBLE:
                        continue
                    out.append(" " if c in _SPACE_LIKE else c)
                    origin.append(i)
                i = ent.end()
                continue
        if ch in _INVISIBLE:
            i += 1
            continue
        if ch in _SPACE_LIKE:
            out.append(" ")
            origin.append(i)
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        for c in cluster:
            out.append(c)
            origin.append(i)
        i = j
    origin.append(n)
    return Normalized("".join(out), tuple(origin))


_FOLD = str.maketrans({**{c: " " for c in _SPACE_LIKE}, **{c: None for c in _INVISIBLE}})
_SPACE_LIKE_CHARS = tuple(sorted(_SPACE_LIKE))
_INVISIBLE_CHARS = tuple(sorted(_INVISIBLE))


def _fold_odd(text: str) -> str:
    """`text.translate(_FOLD)`, 15x faster on Vietnamese text: a dict-driven translate looks up
    every character, while a page holds one or two kinds of odd characters (NBSP, mostly)."""
    for c in _SPACE_LIKE_CHARS:
        if c in text:
            text = text.replace(c, " ")
    for c in _INVISIBLE_CHARS:
        if c in text:
            text = text.replace(c, "")
    return text


def normalize(text: str) -> str:
    """NFC text with NBSP-like spaces folded and invisible characters removed (no offset map).
    NFC is computed once (its quick check leaves NFC text as it is: asking first would normalise
    decomposed text twice), odd characters looked for once."""
    if "&" in text and _ENTITY.search(text):
        return normalize_with_map(text).text
    return _fold_if_odd(_nfc(text))


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _fold_if_odd(nfc: str) -> str:
    """`_fold_odd` of NFC text that holds an odd character (composing can make one: U+2000 EN QUAD is
    U+2002 EN SPACE in NFC); ASCII holds only tab, VT and FF."""
    if nfc.isascii():
        odd = "\t" in nfc or "\x0b" in nfc or "\x0c" in nfc
    else:
        odd = _ODD_CHARS.search(nfc) is not None
    return _fold_odd(nfc) if odd else nfc


_WS = " \t\r\f\v\u00a0\u2007\u202f\u2002\u2003\u2009\u3000"
# A run of two or more spaces, or one space-like character that is not a plain space: a lone plain
# space (nearly every match of a plain `[…]+`) is left alone, which makes folding ~6x faster.  The
# standard library's engine folds with this plain class 1.5x faster than `regex` (the same matches).
_WS_RUN = re.compile(f"[{_WS}]{{2,}}|[{_WS[1:]}]")
_SPACES = re.compile(" {2,}")


def _other_space(text: str) -> bool:
    """Whether `text` holds a character of `_WS` other than the plain space: a few substring scans
    in C, 5x faster than the pattern's scan (the wide ones spelled out: no generator to drive)."""
    if "\t" in text or "\r" in text or "\f" in text or "\v" in text:
        return True
    return not text.isascii() and (
        "\xa0" in text or "\u2007" in text or "\u202f" in text or "\u2002" in text or "\u2003" in text
        or "\u2009" in text or "\u3000" in text
    )


def _has_ws_run(text: str) -> bool:
    """Whether `_WS_RUN` would find anything."""
    return "  " in text or _other_space(text)


def _only_to_trim(text: str) -> bool:
    """Whether `clean_text` has nothing to do but trim: no '&', NFC, and no white space but single
    plain spaces (`isprintable` is false for every other space, control and invisible character)."""
    return (
        text.isprintable()
        and "  " not in text
        and "&" not in text
        and (text.isascii() or unicodedata.is_normalized("NFC", text))
    )


def clean_text(text: str, *, unescape: bool = False) -> str:
    """One line of reader-visible text: entities decoded, NFC, runs of space folded, trimmed."""
    if "&" in text:
        if unescape:
            text = html.unescape(text)
        return _fold_spaces(normalize(text))
    nfc = _nfc(text)  # (without '&', `normalize` is NFC and the folding of odd characters)
    if nfc == text and text.isprintable() and "  " not in text:
        return text.strip()  # `_only_to_trim`, NFC computed once
    return _fold_spaces(_fold_if_odd(nfc))


def _fold_spaces(text: str) -> str:
    """Runs of space folded to one, trimmed (of text `normalize` gave)."""
    if _other_space(text):
        return _WS_RUN.sub(" ", text).strip()
    if "  " in text:  # plain spaces only: the standard engine's scan beats the pattern 5x
        return _SPACES.sub(" ", text).strip()
    return text.strip()


# --- decoding -------------------------------------------------------------------------------------

_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_ALIASES = {
    "utf8": "utf-8",
    "unicode": "utf-8",
    "x-user-defined": "windows-1252",
    "iso-8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "cp1258": "windows-1258",
    "vietnamese": "windows-1258",
}


def _canonical(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(
        (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\xd0\xcf\x11\xe0")
    ):
        return True
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > len(head) * 0.05


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])  # control characters other than tab and line ends


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """Bytes to text, returning (text, encoding used).

    Order of trust: BOM, then whichever of the HTTP charset and `<meta charset>` actually decodes
    (portals often declare one thing and serve another), then UTF-8, then windows-1258.  Text in
    the TCVN3/VNI font encodings is converted to Unicode afterwards (see `legacy.py`).
    """
    text, enc, _ = decode_html_utf8(data, http_charset)
    return text, enc


def decode_html_utf8(data: bytes, http_charset: str | None = None) -> tuple[str, str, bytes | None]:
    """`decode_html`, plus `data` itself when the text is exactly `data` read as UTF-8 (else None):
    an HTML parser that reads UTF-8 can then take the bytes, and no one encodes the text again."""
    if not data or not data.strip():
        raise DecodeError("empty document")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _finish(data[len(bom) :].decode(enc, errors="replace")), enc, None
    if _looks_binary(data):
        raise DecodeError("binary content, not an HTML or text document")
    candidates: list[str] = []
    meta = _META_CHARSET.search(data[:8192])
    for name in (http_charset, meta.group(1).decode("ascii", "ignore") if meta else None, "utf-8"):
        enc = _canonical(name)
        if enc and enc not in candidates:
            candidates.append(enc)
    # UTF-8 is self-validating: when the bytes decode as UTF-8 and contain non-ASCII, a declared
    # single-byte charset is almost always a server misconfiguration.
    if "utf-8" in candidates and not data.isascii():
        try:
            return _finished(data, data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            candidates.remove("utf-8")
    if not meta and not http_charset:
        # Undeclared single-byte text: TCVN3/VNI pages are Latin-1 bytes in Vietnamese fonts.
        from .legacy import detect_legacy

        latin = data.decode("latin-1")
        if detect_legacy(latin):
            return _finish(latin), "latin-1", None
    for enc in candidates + ["windows-1258"]:
        try:
            return _finished(data, data.decode(enc), enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return _finish(data.decode("utf-8", errors="replace")), "utf-8", None


def decode_html_head(data: bytes, http_charset: str | None, chars: int) -> tuple[str, bytes | None]:
    """`decode_html_utf8` for a reader whose parser takes the bytes and who searches only the text's
    head: (head, data) when `data` is UTF-8 text as it stands, `head` holding at least its first `chars`
    characters (or all of it); else (the whole text, None).  A page swollen by base64 images is then
    never decoded whole: its ASCII stretches are only checked, the rest decoded piece by piece."""
    if len(data) > chars and not data.startswith(_BOM_PREFIXES) and not _looks_binary(data):
        head, end = _utf8_head(data, chars)
        if head is not None and _plainly_unicode(head) and _utf8_from(data, end):
            return head, data  # (what decode_html_utf8 returns: non-ASCII UTF-8 is read as UTF-8 first)
    text, _enc, utf8 = decode_html_utf8(data, http_charset)
    return text, utf8


_BOM_PREFIXES = tuple(bom for bom, _enc in _BOMS)
# A byte no UTF-8 sequence continues with: cutting the bytes before one never splits a character, and
# the bytes are UTF-8 exactly when each piece is.
_CHAR_START = re.compile(rb"[\x00-\x7f\xc0-\xff]")
_UTF8_PIECE = 1 << 15


def _cut(data: bytes, at: int) -> int:
    """The first place at or after `at` where a character starts (or the end)."""
    m = _CHAR_START.search(data, at)
    return m.start() if m is not None else len(data)


def _utf8_head(data: bytes, chars: int) -> tuple[str | None, int]:
    """The text of `data`'s first bytes, at least `chars` characters of it (or all), and where it stops;
    (None, 0) when those bytes are not UTF-8."""
    parts: list[str] = []
    got, end = 0, 0
    while got < chars and end < len(data):
        stop = _cut(data, end + chars - got)  # a character is one byte at least: never too far
        try:
            parts.append(data[end:stop].decode("utf-8"))
        except UnicodeDecodeError:
            return None, 0
        got += len(parts[-1])
        end = stop
    return "".join(parts), end


def _utf8_from(data: bytes, start: int, piece: int = _UTF8_PIECE) -> bool:
    """Whether `data[start:]` is UTF-8, read in pieces: a piece of ASCII is only checked."""
    while start < len(data):
        stop = _cut(data, start + piece)
        chunk = data[start:stop]
        if not chunk.isascii():
            try:
                chunk.decode("utf-8")
            except UnicodeDecodeError:
                return False
        start = stop
    return True


def _plainly_unicode(text: str) -> bool:
    from .legacy import plainly_unicode

    return plainly_unicode(text)


def _finished(data: bytes, decoded: str, enc: str) -> tuple[str, str, bytes | None]:
    text = _finish(decoded)
    return text, enc, data if enc == "utf-8" and text is decoded else None


def _finish(text: str) -> str:
    from .legacy import fix_legacy_vietnamese

    return fix_legacy_vietnamese(text)
