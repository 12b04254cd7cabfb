"""Sources for ``rasid ingest``: anything that holds news documents → raw records.

:func:`iter_records` takes a file, a folder, an archive (zip, tar.gz), a JSON or JSONL
file, the ANT corpus's TREC-style documents, a WARC(.gz) file or an RSS/Atom feed URL and
yields one :class:`Record` per document (the document's bytes or text plus what the
source says about it), or one :class:`Skipped` per thing that is not a news document,
with the reason. Nothing here reads articles: the ingest side hands each record to
:func:`rasid.read` (bytes) or :func:`rasid.reader.read_text` (text). The field mapping and
every format are described in ``docs/ingest.md``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import io
import json
import mimetypes
import os
import re
import tarfile
import time
import urllib.robotparser
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin, urlsplit

from rasid.errors import ArchiveError, RasidError, ReadError
from rasid.options import ReadOptions
from rasid.reader.decode import decode, looks_binary
from rasid.reader.fetch import fetch, is_url

__all__ = ["Fetcher", "Record", "Skipped", "iter_records"]

Fetcher = Callable[[str], bytes]


@dataclass(frozen=True, slots=True)
class Record:
    """One document as the source holds it, with what the source says about it."""

    origin: str
    data: bytes | str
    url: str | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something in a source that is not a readable news document, and why."""

    origin: str
    reason: str


Item = Record | Skipped

# A document larger than this is skipped (the reader's own cap).
MAX_DOCUMENT_BYTES = ReadOptions().max_bytes
# An archive member is read into memory whole; larger members are skipped.
MAX_MEMBER_BYTES = 256 * 1024 * 1024
# Archives inside archives inside ... deeper than this are skipped.
MAX_DEPTH = 4
# Seconds between two requests to the same host when following a feed (robots.txt's
# Crawl-delay, up to MAX_CRAWL_DELAY_S, wins when it is longer).
POLITE_DELAY_S = 1.0
MAX_CRAWL_DELAY_S = 10.0

_HEAD = 4096

# JSON field names, lower case, in order of preference (docs/ingest.md has the table).
TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "full_text", "article_text")
TITLE_FIELDS = ("headline", "title")
DATE_FIELDS = (
    "date",
    "published",
    "pubdate",
    "datepublished",
    "date_published",
    "date_publish",
    "publish_date",
    "published_at",
    "date_extracted",
)
URL_FIELDS = ("link", "url")
SOURCE_FIELDS = ("outlet", "source", "site")
AUTHOR_FIELDS = ("author", "byline", "writer")
# Keys of a JSON object that hold the list of articles.
LIST_FIELDS = (
    "articles",
    "items",
    "data",
    "records",
    "documents",
    "docs",
    "results",
    "entries",
    "posts",
    "news",
)
# Inner values of a field given as an object ({"rendered": ...} in WordPress's API,
# {"name": ...} for a NewsAPI source).
_INNER_FIELDS = ("rendered", "text", "value", "name")

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Types named by a file's extension that are never a news document (pages named .php or
# .aspx, text without an extension and anything unknown are read by content).
_UNWANTED_PREFIXES = ("image/", "audio/", "video/", "font/", "model/", "application/vnd.")
_UNWANTED_TYPES = frozenset(
    {
        "application/pdf",
        "application/javascript",
        "application/x-javascript",
        "text/javascript",
        "text/css",
        "text/csv",
        "text/tab-separated-values",
        "application/xml",
        "text/xml",
        "application/msword",
        "application/octet-stream",
        "application/wasm",
        "application/x-shockwave-flash",
        "application/postscript",
        "application/rtf",
        "application/epub+zip",
        "application/java-archive",
    }
)

# Magic numbers of the binary files found next to saved pages.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (8, b"WEBP", "image/webp"),
    (0, b"\x00\x00\x01\x00", "image/x-icon"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"%PDF", "application/pdf"),
    (0, b"wOFF", "font/woff"),
    (0, b"wOF2", "font/woff2"),
    (0, b"OggS", "audio/ogg"),
    (0, b"ID3", "audio/mpeg"),
    (4, b"ftyp", "video/mp4"),
    (0, b"\x1a\x45\xdf\xa3", "video/webm"),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"Rar!", "application/vnd.rar"),
    (0, b"BZh", "application/x-bzip2"),
    (0, b"\xfd7zXZ\x00", "application/x-xz"),
    (0, b"\xd0\xcf\x11\xe0", "application/msword"),
)
_TAR_NAMES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_JSONL_NAMES = (".jsonl", ".ndjson", ".jsonlines")
_TREC_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<DOC>", re.I)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.I)

_TREC_DOC = re.compile(r"<DOC>(.*?)(?:</DOC>|(?=<DOC>)|\Z)", re.I | re.S)
_TREC_TAGS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")
_TREC_NEXT = "|".join(_TREC_TAGS)
_TREC_FIELD = {
    tag: re.compile(
        rf"<{tag}>(.*?)(?:</{tag}>|(?=<(?:{_TREC_NEXT}|/DOC)>)|\Z)",
        re.I | re.S,
    )
    for tag in _TREC_TAGS
}

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_YMD_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:$|\s)")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[\sT,])")


def iter_records(
    source: str | os.PathLike[str], *, fetcher: Fetcher | None = None
) -> Iterator[Item]:
    """Every document in ``source``, in a stable order, as :class:`Record` or :class:`Skipped`.

    ``source`` is a path (file, folder, archive, JSON/JSONL, TREC, WARC) or an http(s) URL
    of an RSS/Atom feed (or of a single page). ``fetcher`` (url → bytes) fetches the feed,
    robots.txt and each item; by default rasid's own fetcher with its user agent. A missing
    path raises :class:`rasid.RasidError` at once; everything after that is reported as
    :class:`Skipped` and the iteration goes on.
    """
    if isinstance(source, str) and is_url(source):
        return _url_records(source, _Crawler(fetcher))
    path = Path(source)
    if not path.exists():
        raise ArchiveError(f"no such file or folder: {path}")
    if path.is_dir():
        return _folder_records(path)
    if not path.is_file():
        raise ArchiveError(f"not a regular file or folder: {path}")
    return _file_records(path, os.fspath(path), crawler=_Crawler(fetcher))


# --- files, folders, archives -------------------------------------------------------------


def _folder_records(folder: Path) -> Iterator[Item]:
    """Every file under ``folder``, recursively, sorted by path; hidden files and folders
    (a name starting with '.') are left out."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(root)
        for name in files:
            if not name.startswith("."):
                path = base / name
                found.append((path.relative_to(folder).parts, path))
    found.sort(key=lambda item: item[0])
    for _, path in found:
        if path.is_file():
            yield from _file_records(path, os.fspath(path), crawler=None)


def _file_records(path: Path, origin: str, *, crawler: _Crawler | None) -> Iterator[Item]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Skipped(origin, f"could not read the file: {exc.strerror or exc}")
        return
    with fh:
        yield from _dispatch(fh, path.name, origin, depth=0, crawler=crawler)


def _dispatch(
    fh: BinaryIO, name: str, origin: str, *, depth: int, crawler: _Crawler | None = None
) -> Iterator[Item]:
    """Recognise what ``fh`` holds by its content (and name) and yield its records.
    ``crawler`` is given only for a file named by the user: a feed file is followed then."""
    head = fh.read(_HEAD)
    fh.seek(0)
    lower = name.lower()
    container = head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b", b"WARC/")) or (
        head[257:262] == b"ustar" or lower.endswith(_TAR_NAMES)
    )
    if container and depth > MAX_DEPTH:
        yield Skipped(origin, "archive nested too deep")
        return
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        unwanted = None if lower.endswith(".zip") else _unwanted_type(name)
        if unwanted:  # .docx, .epub, .jar: zip files that are not archives of pages
            yield Skipped(origin, f"not a news document ({unwanted})")
        else:
            yield from _zip_records(fh, origin, depth)
    elif head.startswith(b"\x1f\x8b"):
        yield from _gzip_records(fh, name, origin, depth)
    elif head.startswith(b"WARC/"):
        yield from _warc_records(fh, origin)
    elif head[257:262] == b"ustar" or lower.endswith(_TAR_NAMES):
        yield from _tar_records(fh, origin, depth)
    elif lower.endswith(_JSONL_NAMES):
        yield from _jsonl_records(fh, origin)
    else:
        data = fh.read(MAX_MEMBER_BYTES + 1)
        if len(data) > MAX_MEMBER_BYTES:
            yield Skipped(origin, f"larger than {MAX_MEMBER_BYTES} bytes")
            return
        yield from _blob_records(data, name, origin, crawler=crawler)


def _blob_records(
    data: bytes, name: str, origin: str, *, crawler: _Crawler | None = None
) -> Iterator[Item]:
    """A whole file or member in memory that is not an archive."""
    lower = name.lower()
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if lower.endswith(".json") or start in (b"[", b"{"):
        parsed = _parse_json(data, origin, strict=lower.endswith(".json"))
        if parsed is not None:
            yield from parsed
            return
    if _TREC_START.match(data[:_HEAD]) and b"<docno>" in data[:_HEAD].lower():
        yield from _trec_records(data, origin)
        return
    if _FEED_ROOT.search(data[:1024]) and not _HTML_ROOT.search(data[:1024]):
        if crawler is None:
            yield Skipped(
                origin,
                "an RSS/Atom feed, not a news document (name it as a source to follow its items)",
            )
        else:
            yield from _feed_records(data, None, origin, crawler)
        return
    yield from _document(data, name, origin)


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Names without zip's UTF-8 flag are decoded as cp437; most tools wrote UTF-8."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _hidden(member: str) -> bool:
    parts = [p for p in member.replace("\\", "/").split("/") if p]
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _zip_records(fh: BinaryIO, origin: str, depth: int) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield Skipped(origin, f"unreadable zip archive: {_line(exc)}")
        return
    with archive:
        for info in archive.infolist():
            name = _zip_name(info)
            if info.is_dir() or _hidden(name):
                continue
            where = f"{origin}!{name}"
            if info.flag_bits & 0x1:
                yield Skipped(where, "encrypted zip member")
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                yield Skipped(where, f"larger than {MAX_MEMBER_BYTES} bytes")
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, OSError, EOFError) as exc:
                yield Skipped(where, f"unreadable zip member: {_line(exc)}")
                continue
            yield from _dispatch(io.BytesIO(data), name, where, depth=depth + 1)


def _tar_records(fh: BinaryIO, origin: str, depth: int) -> Iterator[Item]:
    """Members in archive order, streamed (a .tar.gz is read once, front to back)."""
    try:
        archive = tarfile.open(fileobj=fh, mode="r|*")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        yield Skipped(origin, f"unreadable tar archive: {_line(exc)}")
        return
    with archive:
        try:
            for member in archive:
                name = member.name
                if member.isdir() or _hidden(name):
                    continue
                where = f"{origin}!{name}"
                if not member.isfile():
                    yield Skipped(where, "not a regular file (a link or device)")
                    continue
                if member.size > MAX_MEMBER_BYTES:
                    yield Skipped(where, f"larger than {MAX_MEMBER_BYTES} bytes")
                    continue
                extracted = archive.extractfile(member)
                data = extracted.read() if extracted is not None else b""
                yield from _dispatch(io.BytesIO(data), name, where, depth=depth + 1)
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            yield Skipped(origin, f"unreadable tar archive: {_line(exc)}")


def _gzip_records(fh: BinaryIO, name: str, origin: str, depth: int) -> Iterator[Item]:
    """A .gz is a WARC.gz, a tar.gz or one gzipped file (page.html.gz, data.jsonl.gz)."""
    try:
        inner = gzip.GzipFile(fileobj=fh).read(_HEAD)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(origin, f"unreadable gzip file: {_line(exc)}")
        return
    fh.seek(0)
    if inner.startswith(b"WARC/"):
        yield from _warc_records(fh, origin)
    elif inner[257:262] == b"ustar" or name.lower().endswith((".tar.gz", ".tgz")):
        yield from _tar_records(fh, origin, depth)
    else:
        inner_name = name[:-3] if name.lower().endswith(".gz") else name
        try:
            with gzip.GzipFile(fileobj=fh) as unzipped:
                if inner_name.lower().endswith(_JSONL_NAMES):
                    yield from _jsonl_records(unzipped, origin)
                    return
                data = unzipped.read(MAX_MEMBER_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield Skipped(origin, f"unreadable gzip file: {_line(exc)}")
            return
        if len(data) > MAX_MEMBER_BYTES:
            yield Skipped(origin, f"larger than {MAX_MEMBER_BYTES} bytes")
            return
        yield from _dispatch(io.BytesIO(data), inner_name, origin, depth=depth + 1)


# --- documents -----------------------------------------------------------------------------


def _sniff_binary(data: bytes) -> str | None:
    for offset, magic, mime in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return mime
    return None


def _unwanted_type(name: str) -> str | None:
    """The type a file's extension names, when that type is never a news document."""
    mime, _ = mimetypes.guess_type(name, strict=False)
    if mime is None:
        return None
    if mime in _UNWANTED_TYPES or mime.startswith(_UNWANTED_PREFIXES) or "font" in mime:
        return mime
    return None


def _document(data: bytes, name: str, origin: str, **meta: str | None) -> Iterator[Item]:
    """An HTML page or a text file: checked, not read (the reader does that)."""
    if not data.strip():
        yield Skipped(origin, "empty content")
        return
    mime = _sniff_binary(data) or _unwanted_type(name)
    if mime is None and looks_binary(data):
        mime = "binary data"
    if mime is not None:
        yield Skipped(origin, f"not a news document ({mime})")
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield Skipped(origin, f"{len(data)} bytes, more than the limit of {MAX_DOCUMENT_BYTES}")
        return
    try:
        decode(data)
    except ReadError as exc:
        yield Skipped(origin, exc.message)
        return
    yield Record(origin, data, **meta)


# --- JSON and JSONL ------------------------------------------------------------------------


def _parse_json(data: bytes, origin: str, *, strict: bool) -> Iterator[Item] | None:
    """Records from a JSON document, or from JSONL that came without its extension.
    ``None`` when this is not JSON and ``strict`` is false (a text starting with '[')."""
    try:
        try:
            value = json.loads(data)
        except UnicodeDecodeError:
            value = json.loads(decode(data).text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return _jsonl_records(io.BytesIO(data), origin)
        if strict:
            return iter([Skipped(origin, f"invalid JSON: {exc.msg} (line {exc.lineno})")])
        return None
    except (ReadError, RecursionError) as exc:
        if strict:
            return iter([Skipped(origin, f"invalid JSON: {_line(exc)}")])
        return None
    return _json_value_records(value, origin)


def _json_list(value: dict[str, Any], depth: int = 0) -> list[Any] | None:
    """The list of articles inside a JSON object: under a known key, or the one list of
    objects it holds, one level down at most ({"data": {"articles": [...]}})."""
    keys = {k.lower(): v for k, v in value.items() if isinstance(k, str)}
    for key in LIST_FIELDS:
        if isinstance(keys.get(key), list):
            return keys[key]
    lists = [v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    if len(lists) == 1:
        return lists[0]
    if depth == 0:
        for key in LIST_FIELDS:
            if isinstance(keys.get(key), dict):
                found = _json_list(keys[key], depth + 1)
                if found is not None:
                    return found
    return None


def _json_value_records(value: Any, origin: str) -> Iterator[Item]:
    if isinstance(value, dict):
        items = None if _first(value, TEXT_FIELDS) is not None else _json_list(value)
        if items is None:
            yield _json_record(value, origin)
            return
        value = items
    if not isinstance(value, list):
        yield Skipped(origin, f"JSON holds a {type(value).__name__}, not articles")
        return
    for index, item in enumerate(value):
        where = f"{origin}#{index}"
        if isinstance(item, dict):
            yield _json_record(item, where)
        else:
            yield Skipped(where, f"JSON item {index}: not an object")


def _jsonl_records(fh: BinaryIO | gzip.GzipFile, origin: str) -> Iterator[Item]:
    """One JSON object a line; ``origin#n`` with n the line number (from 1)."""
    number = 0
    try:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{origin}#{number}"
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skipped(where, f"JSON line {number}: invalid JSON ({exc.msg})")
                continue
            except UnicodeDecodeError:
                yield Skipped(where, f"JSON line {number}: not UTF-8")
                continue
            if not isinstance(value, dict):
                yield Skipped(where, f"JSON line {number}: not an object")
                continue
            yield _json_record(value, where)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(origin, f"unreadable after line {number}: {_line(exc)}")


def _scalar(value: Any) -> str | None:
    """A field's value as text: strings, numbers, lists of strings, {"rendered": ...}."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        for key in _INNER_FIELDS:
            if key in value:
                return _scalar(value[key])
        return None
    if isinstance(value, list):
        parts = [s for s in (_scalar(v) for v in value) if s and s.strip()]
        return "\n\n".join(parts) if parts else ""
    return None


def _first(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str, Any] | None:
    """The first of ``names`` (compared case-insensitively) present in ``record``."""
    keys = {k.lower(): k for k in record if isinstance(k, str)}
    for name in names:
        if name in keys and record[keys[name]] is not None:
            return name, record[keys[name]]
    return None


def _field(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    keys = {k.lower(): k for k in record if isinstance(k, str)}
    for name in names:
        if name in keys:
            value = _scalar(record[keys[name]])
            if value is not None and value.strip():
                return value.strip()
    return None


def _json_record(record: dict[str, Any], origin: str) -> Item:
    found = _first(record, TEXT_FIELDS)
    if found is None:
        return Skipped(origin, f"no text field (looked for {', '.join(TEXT_FIELDS)})")
    text = _scalar(found[1])
    if text is None:
        return Skipped(origin, f"the {found[0]} field is a {type(found[1]).__name__}, not text")
    if not text.strip():
        return Skipped(origin, "empty content")
    published = None
    keys = {k.lower(): k for k in record if isinstance(k, str)}
    for name in DATE_FIELDS:
        if name in keys:
            published = _date(record[keys[name]])
            if published:
                break
    return Record(
        origin,
        text,
        url=_field(record, URL_FIELDS),
        source=_field(record, SOURCE_FIELDS),
        published=published,
        title=_field(record, TITLE_FIELDS),
        author=_author(record),
    )


def _author(record: dict[str, Any]) -> str | None:
    keys = {k.lower(): k for k in record if isinstance(k, str)}
    for name in AUTHOR_FIELDS:
        value = record.get(keys.get(name, ""))
        if isinstance(value, list):  # several authors
            names = [s.strip() for s in (_scalar(v) for v in value) if s and s.strip()]
            if names:
                return "، ".join(names)
        elif (text := _scalar(value)) and text.strip():
            return text.strip()
    return None


# --- dates ---------------------------------------------------------------------------------


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from what sources write: ISO 8601 (the local date as written, time
    zone ignored), ``dd/mm/yyyy``, ``yyyy/mm/dd``, RFC 822 (RSS) or a Unix timestamp.
    Anything else gives ``None``: no date beats a wrong one."""
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        if 6e8 < seconds < 4.2e9:  # 1989 … 2103
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern, order in ((_ISO_DAY, "ymd"), (_YMD_SLASH, "ymd"), (_DMY, "dmy")):
        match = pattern.match(text)
        if match:
            a, b, c = (int(g) for g in match.groups())
            return _valid(a, b, c) if order == "ymd" else _valid(c, b, a)
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


# --- TREC (the ANT corpus) -----------------------------------------------------------------


def _trec_field(doc: str, tag: str) -> str | None:
    match = _TREC_FIELD[tag].search(doc)
    if not match:
        return None
    return match.group(1).strip() or None


def _trec_records(data: bytes, origin: str) -> Iterator[Item]:
    """``<DOC>…</DOC>`` documents, parsed leniently (closing tags may be missing).
    One document in a file: ``origin``; several: ``origin#n`` (n from 0)."""
    try:
        text = decode(data).text
    except ReadError as exc:
        yield Skipped(origin, exc.message)
        return
    docs = _TREC_DOC.findall(text)
    for index, doc in enumerate(docs):
        where = origin if len(docs) == 1 else f"{origin}#{index}"
        # an empty TEXT with an ABSTRACT (the feed's summary): the abstract is the body
        body = _trec_field(doc, "TEXT") or _trec_field(doc, "ABSTRACT")
        if body is None:
            yield Skipped(where, "empty content")
            continue
        yield Record(
            where,
            body,
            url=_trec_field(doc, "URL"),
            source=_trec_field(doc, "SRC"),
            published=_date(_trec_field(doc, "TIME") or ""),
            title=_trec_field(doc, "TITLE"),
            author=_trec_field(doc, "AUTHOR"),
        )


# --- WARC ----------------------------------------------------------------------------------


def _warc_records(fh: BinaryIO, origin: str) -> Iterator[Item]:
    """``response`` records with an HTML payload; ``origin#offset`` (the record's offset in
    the file, as in CDX indexes). Other record types are passed over in silence."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        records = ArchiveIterator(fh)
        for record in records:
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            http = record.http_headers
            ctype = (http.get_header("Content-Type") if http else record.content_type) or ""
            ctype = ctype.split(";")[0].strip().lower()
            status = http.get_statuscode() if http else None
            data = b""
            if ctype in _HTML_TYPES or not ctype:
                data = record.content_stream().read()
            where = f"{origin}#{records.get_record_offset()}"
            if ctype and ctype not in _HTML_TYPES:
                yield Skipped(where, f"not a news document ({ctype})")
            elif status and not status.startswith("2"):
                yield Skipped(where, f"HTTP status {status}")
            elif not ctype and not _HTML_ROOT.search(data[:_HEAD]):
                yield Skipped(where, "not a news document (no content type, not HTML)")
            else:
                yield from _document(data, "", where, url=url)
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        yield Skipped(origin, f"unreadable WARC file: {_line(exc)}")


# --- feeds ---------------------------------------------------------------------------------


class _Crawler:
    """Fetching for feeds: robots.txt per host, one request at a time per host, a delay."""

    def __init__(self, fetcher: Fetcher | None) -> None:
        self.options = ReadOptions()
        self.fetcher: Fetcher = fetcher or self._fetch
        self.agent = self.options.user_agent
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.last: dict[str, float] = {}

    def _fetch(self, url: str) -> bytes:
        return fetch(url, self.options).data

    def _wait(self, host: str) -> None:
        robots = self.robots.get(host)
        delay = POLITE_DELAY_S
        if robots is not None:
            crawl_delay = robots.crawl_delay(self.agent)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), MAX_CRAWL_DELAY_S))
        if host in self.last:
            remaining = self.last[host] + delay - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)

    def get(self, url: str) -> bytes | str:
        host = urlsplit(url).netloc.lower()
        self._wait(host)
        try:
            return self.fetcher(url)
        finally:
            self.last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """robots.txt says this agent may fetch ``url``; a robots.txt that cannot be
        fetched allows everything."""
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host not in self.robots:
            robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                body = self.get(robots_url)
            except Exception:  # any failure: no robots.txt
                body = None
            if body:
                text = body if isinstance(body, str) else body.decode("utf-8", "replace")
                parser = urllib.robotparser.RobotFileParser(robots_url)
                parser.parse(text.splitlines())
            self.robots[host] = parser
        parser = self.robots[host]
        return parser is None or parser.can_fetch(self.agent, url)


def _url_records(url: str, crawler: _Crawler) -> Iterator[Item]:
    """A feed URL: its items' pages. A URL that is a page, not a feed: that page."""
    try:
        data = crawler.get(url)
    except Exception as exc:  # the fetcher is the caller's
        yield Skipped(url, f"could not fetch the feed: {_line(exc)}")
        return
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if _FEED_ROOT.search(raw[:1024]) and not _HTML_ROOT.search(raw[:1024]):
        yield from _feed_records(raw, url, url, crawler)
    else:
        yield from _document(raw, urlsplit(url).path, url, url=url)


def _feed_records(
    data: bytes, feed_url: str | None, origin: str, crawler: _Crawler
) -> Iterator[Item]:
    import feedparser

    headers = {"content-location": feed_url} if feed_url else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries and not parsed.version:
        yield Skipped(origin, f"not an RSS/Atom feed: {_line(parsed.get('bozo_exception', ''))}")
        return
    outlet = parsed.feed.get("title") or (urlsplit(feed_url).netloc if feed_url else None)
    seen: set[str] = set()
    for index, entry in enumerate(parsed.entries):
        link = entry.get("link")
        if link and feed_url:
            link = urljoin(feed_url, link)
        if not link or not is_url(link):
            yield Skipped(f"{origin}#{index}", "feed item without a link to a page")
            continue
        if link in seen:
            continue
        seen.add(link)
        if not crawler.allowed(link):
            yield Skipped(link, "disallowed by robots.txt")
            continue
        try:
            page = crawler.get(link)
        except Exception as exc:  # the fetcher is the caller's
            yield Skipped(link, f"could not fetch: {_line(exc)}")
            continue
        raw = page.encode("utf-8") if isinstance(page, str) else page
        published = _date(entry.get("published") or entry.get("updated") or "")
        if published is None:
            published = _date(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield from _document(
            raw,
            urlsplit(link).path,
            link,
            url=link,
            source=outlet,
            published=published,
            title=(entry.get("title") or "").strip() or None,
            author=(entry.get("author") or "").strip() or None,
        )


def _line(exc: object) -> str:
    """An exception as one short line."""
    if isinstance(exc, RasidError):
        text = exc.message
    else:
        text = str(exc) or type(exc).__name__
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:199] + "…"
