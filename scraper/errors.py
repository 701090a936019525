"""The exception tree.  Callers catch by class, never by matching message text.

Every error the library raises on purpose derives from `ScraperError` and carries a one-line message
that the command line prints as it is.  `InputError`s are about what the user gave (exit status 3),
`UsageError`s about how the command was called (exit status 2).
"""

from __future__ import annotations

__all__ = [
    "ScraperError",
    "UsageError",
    "InputError",
    "DecodeError",
    "ParseError",
    "NotHTML",
    "NotAnArticle",
    "TooLarge",
    "FetchError",
    "Disallowed",
    "DocumentError",
    "DatasetError",
    "OfficialTableError",
    "PageTooLarge",
    "ResponseTooLarge",
    "HTTPStatus",
    "Timeout",
    "ConnectionFailed",
    "NotFetchable",
    "MissingDependency",
    "exit_code",
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


class PageTooLarge(TooLarge, ParseError):
    """A page over the parser's size cap: refused before parsing."""


class FetchError(ScraperError):
    """A network fetch that failed after its retries."""


class Disallowed(FetchError):
    """robots.txt (or an unreachable robots.txt) forbids the URL."""


class NotFetchable(FetchError):
    """A URL this tool never fetches (not http/https)."""


class ResponseTooLarge(TooLarge, FetchError):
    """A response over the size cap; retrying cannot help."""


class HTTPStatus(FetchError):
    """The server answered with an error status (4xx/5xx)."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class Timeout(FetchError):
    """Connect or read timed out."""


class ConnectionFailed(FetchError):
    """The connection could not be made, broke, or redirected too often."""


class DocumentError(InputError):
    """An attached document (PDF, DOCX, XLSX...) that cannot be read."""


class DatasetError(InputError):
    """A dataset folder that is missing, not a dataset, or not writable."""


class MissingDependency(UsageError):
    """An optional extra is needed for what was asked (pyarrow for Parquet, pandas for DataFrames)."""


class OfficialTableError(InputError):
    """An official table (CSV) that does not have the documented columns."""


def exit_code(exc: BaseException) -> int:
    """The command line's exit status for an error: 2 for usage, 3 for input, 1 otherwise."""
    if isinstance(exc, UsageError):
        return 2
    if isinstance(exc, InputError):
        return 3
    return 1
