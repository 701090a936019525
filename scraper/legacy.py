"""Pre-Unicode Vietnamese font encodings (TCVN3/ABC and VNI) hiding inside "successfully" decoded text.

Pages and attachments made before about 2010 typed Vietnamese in ".VnTime" (TCVN3) or "VNI-Times"
fonts: the bytes are single-byte Latin-1 characters, so any decoder accepts them and the reader sees
mojibake such as "B¸o c¸o" (Báo cáo) or "Baùo caùo" (VNI).  We convert word by word, and only words
that carry tell-tale characters no Unicode Vietnamese word contains, so a Unicode page that merely
quotes "©" or "«…»" is left alone.
"""

from __future__ import annotations

import re
from itertools import islice

import regex

# Parallel tables: Unicode lowercase letters and their TCVN3 / VNI spellings.  Uppercase VNI is the
# uppercase of the sequence; TCVN3 has separate single-byte capitals only for the seven base letters.
_UNI = (
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếề"
    "ểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
)
_TCVN3 = (
    "µ ¸ © · Ì Ð ª × Ý ß ã « â ï ó ý ¨ ® Ü ò ¬ \xad ¹ ¶ Ê Ç È É Ë ¾ » ¼ ½ Æ "
    "Ñ Î Ï Õ Ò Ó Ô Ö "
    "Ø Þ ä á è å æ ç é í ê ë ì î ô ñ ø õ ö ÷ ù ú þ û ü"
).split(" ")
_VNI = (
    "aø aù aâ aõ eø eù eâ ì í oø où oâ oõ uø uù yù aê ñ ó uõ ô ö aï aû aá aà aå "
    "aã aä aé aè aú "
    "aü aë eï eû eõ eá eà eå eã eä æ ò oï oû oá oà oå oã oä ôù ôø ôû ôõ ôï uï "
    "uû öù öø öû öõ öï "
    "yø î yû yõ"
).split(" ")
assert len(_UNI) == len(_TCVN3) == len(_VNI)

TCVN3_TO_UNICODE: dict[str, str] = dict(zip(_TCVN3, _UNI, strict=True))
TCVN3_TO_UNICODE.update({"¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ"})
VNI_TO_UNICODE: dict[str, str] = {}
for _u, _v in zip(_UNI, _VNI, strict=True):
    VNI_TO_UNICODE[_v] = _u
    VNI_TO_UNICODE[_v.upper()] = _u.upper()

# Characters that occur in TCVN3 text but never in a Unicode Vietnamese word.
_TCVN3_TELL = set(
    "µ¸¶·¹¨»¾¼½Æ©ÇËÌÐÎÏÑªÖ×ØÜÞßåæçëîïñö÷"
    "øûüþ«¬®¡¢£¤¥¦§\xad"
)
# Mark bytes VNI puts after a base vowel; a Unicode word never has these after a, e, o, u, y.
_VNI_PAIR = regex.compile(
    r"[aeouyAEOUYôöÔÖ]"
    r"[øùâõêïûáàåãäéèúüëÙØÂÕÊÏÛÁÀÅÃÄÉÈÚÜË]"
)
_VIET_UNICODE = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")  # stdlib: scans a class ~3x faster
_WORD = regex.compile(r"[^\s<>\"'=/]+")
_VNI_SEQ = regex.compile("|".join(sorted(map(regex.escape, VNI_TO_UNICODE), key=len, reverse=True)))


def _tcvn3_word(word: str) -> bool:
    return any(c in _TCVN3_TELL for c in word) and any("a" <= c.lower() <= "z" for c in word)


def _vni_word(word: str) -> bool:
    return _VNI_PAIR.search(word) is not None or any(c in "ñÑ" for c in word)


def plainly_unicode(text: str) -> bool:
    """More than 20 Unicode-only Vietnamese letters: a Unicode document, in no legacy encoding however
    much more text follows (counting stops there)."""
    return next(islice(_VIET_UNICODE.finditer(text), 20, None), None) is not None


def detect_legacy(text: str) -> str | None:
    """'tcvn3', 'vni' or None: which legacy font encoding, if any, most words of `text` are in."""
    if plainly_unicode(text):
        return None
    words = _WORD.findall(text)
    tcvn3 = sum(1 for w in words if _tcvn3_word(w))
    vni = sum(1 for w in words if _vni_word(w) and not _VIET_UNICODE.search(w))
    best = max(tcvn3, vni)
    if best < 3:
        return None
    return "tcvn3" if tcvn3 >= vni else "vni"


def tcvn3_to_unicode(text: str) -> str:
    return "".join(TCVN3_TO_UNICODE.get(c, c) for c in text)


def vni_to_unicode(text: str) -> str:
    return _VNI_SEQ.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text)


_SEGMENT = regex.compile(r"[^<>\n]+")


def fix_legacy_vietnamese(text: str) -> str:
    """Convert TCVN3/VNI text to Unicode when the document is in one of them; else unchanged.

    Conversion is per text segment (between tags or line breaks) that shows the legacy tell-tales
    and no Unicode-only Vietnamese letter, so Unicode chrome around a legacy body survives intact.
    """
    if text.isascii():
        return text
    kind = detect_legacy(text)
    if kind is None:
        return text
    return convert_legacy(text, kind)


def convert_legacy(text: str, kind: str) -> str:
    """Convert the segments of `text` that show `kind` ('tcvn3' | 'vni') tell-tales; the rest unchanged.

    For callers that decided the encoding on a whole document and convert it piece by piece.
    """
    convert, is_legacy = (tcvn3_to_unicode, _tcvn3_word) if kind == "tcvn3" else (vni_to_unicode, _vni_word)

    def fix(m: regex.Match[str]) -> str:
        seg = m.group(0)
        if seg.isascii() or _VIET_UNICODE.search(seg) or not any(is_legacy(w) for w in _WORD.findall(seg)):
            return seg
        return convert(seg)

    return _SEGMENT.sub(fix, text)
