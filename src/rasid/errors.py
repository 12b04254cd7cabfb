"""Errors a user can cause, each with a stable code and a one-line message.

Every error that reaches the command line is a :class:`RasidError`; the CLI prints
``rasid: error: <message>`` and exits non-zero, never a traceback.
"""

from __future__ import annotations


class RasidError(Exception):
    """Base class of every error rasid raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ReadError(RasidError):
    """The input could not be read as an article (empty, binary, too large, no text...)."""

    code = "E100"

    def __init__(self, message: str, code: str = "E100") -> None:
        super().__init__(message)
        self.code = code


class ModelError(RasidError):
    """A shipped model or data file is missing or unreadable."""

    code = "E200"


class ArchiveError(RasidError):
    """The archive or a request to it is unusable: no database, a database from a newer
    rasid or not a database, a query with no words, an unknown entity, a bad option."""

    code = "E300"


class EvaluationError(RasidError):
    """A benchmark's annotations or corpora are missing or do not match."""

    code = "E400"


# Numbered messages, one place for all of them (the idea of spaCy's errors.py).
E_EMPTY = ("E101", "the input is empty")
E_TOO_LARGE = ("E102", "the input is {size} bytes, more than the limit of {limit} bytes")
E_BINARY = ("E103", "the input looks like binary data, not text or HTML")
E_UNDECODABLE = ("E104", "the input could not be decoded as text in any supported encoding")
E_NO_ARTICLE = ("E105", "no article text was found in the input")
E_NOT_FOUND = ("E106", "no such file: {path}")
E_NOT_A_FILE = ("E107", "not a regular file: {path}")
E_FETCH = ("E108", "could not fetch {url}: {reason}")
E_HTTP_STATUS = ("E109", "fetching {url} returned HTTP {status}")
E_BAD_DATE = ("E110", "invalid date {value!r}: expected YYYY-MM-DD")
E_UNREADABLE = ("E111", "could not read {path}: {reason}")


def read_error(spec: tuple[str, str], **values: object) -> ReadError:
    """Build a :class:`ReadError` from one of the numbered messages above."""
    code, template = spec
    return ReadError(template.format(**values), code=code)
