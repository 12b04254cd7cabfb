"""``read``: any source (path, bytes, string, URL) to one clean :class:`Article`."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path

from rasid.errors import (
    E_BAD_DATE,
    E_NO_ARTICLE,
    E_NOT_A_FILE,
    E_NOT_FOUND,
    E_TOO_LARGE,
    E_UNREADABLE,
    read_error,
)
from rasid.options import ReadOptions
from rasid.reader.blocks import Block
from rasid.reader.boilerplate import clean, clean_author
from rasid.reader.decode import decode
from rasid.reader.fetch import fetch, is_url
from rasid.reader.html import extract_html, looks_like_html
from rasid.reader.text import mark_headings, split_lines
from rasid.schema import Article

Source = str | bytes | os.PathLike[str]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PATHLIKE = re.compile(r"^[^\n<>]{1,1024}$")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def parse_date(value: str) -> str:
    """Check a ``YYYY-MM-DD`` date given by a user; return it unchanged."""
    try:
        if not _ISO_DATE.match(value):
            raise ValueError(value)
        dt.date.fromisoformat(value)
    except ValueError:
        raise read_error(E_BAD_DATE, value=value) from None
    return value


def _looks_like_path(value: str) -> bool:
    """A short one-line string without Arabic that names a file, not article text."""
    if not _PATHLIKE.match(value) or _ARABIC.search(value):
        return False
    return os.sep in value or bool(re.search(r"\.[A-Za-z0-9]{1,5}$", value.strip()))


def _read_file(path: Path, options: ReadOptions) -> bytes:
    try:
        if not path.exists():
            raise read_error(E_NOT_FOUND, path=path)
        if not path.is_file():
            raise read_error(E_NOT_A_FILE, path=path)
        size = path.stat().st_size
        if size > options.max_bytes:
            raise read_error(E_TOO_LARGE, size=size, limit=options.max_bytes)
        return path.read_bytes()
    except OSError as exc:
        raise read_error(E_UNREADABLE, path=path, reason=exc.strerror or exc) from None


def read(
    source: Source,
    published: str | None = None,
    *,
    url: str | None = None,
    options: ReadOptions | None = None,
) -> Article:
    """Read one article from a path, bytes, a string of HTML or text, or a URL.

    HTML and scraped text are told apart by content. ``published`` (``YYYY-MM-DD``)
    overrides the date found in the page. Raises :class:`rasid.ReadError` with a
    one-line message for anything that is not a readable article.
    """
    options = options or ReadOptions()
    if published is not None:
        parse_date(published)
    origin: str | None
    declared: str | None = None
    if isinstance(source, bytes):
        data, origin = source, None
    elif isinstance(source, os.PathLike):
        data, origin = _read_file(Path(source), options), os.fspath(source)
    elif isinstance(source, str) and is_url(source):
        fetched = fetch(source, options)
        data, origin, declared = fetched.data, fetched.url, fetched.charset
        url = url or fetched.url
    elif isinstance(source, str) and _looks_like_path(source):
        data, origin = _read_file(Path(source), options), source
    elif isinstance(source, str):
        data, origin = source.encode("utf-8", "surrogatepass"), None
    else:
        raise TypeError(f"read() takes a path, bytes, str or URL, not {type(source).__name__}")
    if len(data) > options.max_bytes:
        raise read_error(E_TOO_LARGE, size=len(data), limit=options.max_bytes)
    decoded = decode(data, declared)
    return read_text(
        decoded.text, published=published, url=url, encoding=decoded.encoding, origin=origin
    )


_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")


def _unescape(value: str | None) -> str | None:
    """Metadata from corpora often carries HTML entities ('&quot;', '&nbsp;')."""
    if value is None:
        return None
    if _ENTITY.search(value):
        value = html.unescape(value)
    return " ".join(value.split()) or None


def read_text(
    text: str,
    *,
    published: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    origin: str | None = None,
    source: str | None = None,
    title: str | None = None,
    author: str | None = None,
) -> Article:
    """Read already-decoded HTML or scraped text. Metadata given here (from a corpus
    record, say) wins over what the reader finds, except what the page states itself."""
    title, author = _unescape(title), _unescape(author)
    if looks_like_html(text):
        today = dt.date.today().isoformat()
        page = extract_html(text, url, today)
        if not page.blocks:
            raise read_error(E_NO_ARTICLE)
        fmt = "html"
        found_title = title or page.title
        blocks = page.blocks
        meta_author = author or clean_author(page.author, page.url or url)
        page_date, page_url, site, description = (
            page.published,
            page.url,
            page.site,
            page.description,
        )
    else:
        fmt = "text"
        first, blocks = split_lines(text)
        if first is not None and (title is not None or not blocks):
            # the title is known (a corpus record), or a single line is a body
            blocks = [Block(first), *blocks]
            first = None
        found_title = title or first
        meta_author = author
        page_date, page_url, site, description = None, url, None, None
    cleaned = clean(blocks, title=found_title, author=meta_author)
    body = mark_headings(cleaned.blocks)
    if not any(b.kind == "body" for b in body):
        raise read_error(E_NO_ARTICLE)
    return Article.build(
        found_title,
        [(b.text, b.kind) for b in body],
        removed=cleaned.removed,
        author=cleaned.author,
        author_bio=cleaned.author_bio,
        published=published or page_date,
        url=page_url or url,
        source=source or site,
        dateline=cleaned.dateline,
        agency=cleaned.agency,
        description=description,
        format=fmt,
        encoding=encoding,
        origin=origin,
    )
