"""The exception tree.  Callers catch by class, never by matching message text.

Every error the library raises on purpose derives from `ScraperError` and carries a one-line message
that the command line prints as it is.  `InputError`s are about what the user gave (exit status 3),
`UsageError`s about how the command was called (exit status 2).
"""

from __future__ import annotations

__all__ = [
    "ScraperError", "UsageError", "InputError", "DecodeError", "ParseError", "NotHTML", "NotAnArticle",
    "TooLarge", "FetchError", "Disallowed", "DocumentError", "DatasetError", "OfficialTableError",
]


class ScraperError(Exception):
    """Base of every error the library raises on purpose; `str(e)` is one readable line."""


class UsageError(ScraperError):
    """The call itself is wrong: an option value, a missing argument, a date that is not a date."""


class InputError(ScraperError, ValueError):
    """What the user gave cannot be used: unreadable, undecodable, not what it claims to be."""


class DecodeError(InputError):
    """Bytes that no supported encoding reads."""


class ParseError(InputError):
    """A page that cannot be read as an article."""


class NotHTML(ParseError):
    """The input is not an HTML page (plain text, a PDF, an image...)."""


class NotAnArticle(ParseError):
    """An HTML page with no article on it (a listing, a redirect stub, an empty page)."""


class TooLarge(InputError):
    """Over a configured size cap (page, document, archive member)."""


class FetchError(ScraperError):
    """A network fetch that failed after its retries."""


class Disallowed(FetchError):
    """robots.txt (or an unreachable robots.txt) forbids the URL."""


class DocumentError(InputError):
    """An attached document (PDF, DOCX, XLSX...) that cannot be read."""


class DatasetError(ScraperError):
    """A dataset folder that is missing, not a dataset, or not writable."""


class OfficialTableError(InputError):
    """An official table (CSV) that does not have the documented columns."""
