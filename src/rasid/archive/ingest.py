"""``rasid ingest``: records from any source → read → deduplicated → analysed → stored.

The main process reads each record (cheap) and decides, by the normalised content hash and
the URL, whether it is new, a duplicate of an article already stored or on its way, or
unreadable. Only new articles are analysed, in worker processes when ``workers > 1``. The
main process is the only writer: results are stored in input order, ``batch_size`` records
per transaction, so an interrupted run leaves every finished batch and nothing else, and a
second run skips every record it has already stored, linked or skipped (by origin), then
every repeated text (by hash): ingesting twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rasid.archive import near
from rasid.archive.fingerprint import content_hash
from rasid.archive.sources import Record, Skipped, iter_records
from rasid.archive.store import Prepared, SQLiteArchive, prepare
from rasid.errors import ArchiveError, ReadError
from rasid.reader import read, read_text
from rasid.schema import Analysis, Article

BATCH_SIZE = 50


@dataclass(slots=True)
class Summary:
    """What an ingest did. ``already`` counts records a previous run had stored."""

    read: int = 0
    analysed: int = 0
    duplicates: int = 0
    skipped: int = 0
    already: int = 0
    near_duplicates: int = 0  # of ``duplicates``, those that are near and not exact copies
    reasons: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "analysed": self.analysed,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "already": self.already,
            "near_duplicates": self.near_duplicates,
            "skipped_reasons": dict(self.reasons.most_common()),
        }


log = logging.getLogger("rasid.ingest")

# ------------------------------------------------------------------ workers

_COMPONENTS: Any = None


def _init_worker() -> None:
    global _COMPONENTS
    from rasid.pipeline import default_components

    _COMPONENTS = default_components()


def _analyse(article: Article) -> tuple[Analysis, Prepared]:
    """Analyse one article and serialise what the store writes (in the worker)."""
    from rasid.pipeline import analyze_article

    if _COMPONENTS is None:
        _init_worker()
    analysis = analyze_article(article, _COMPONENTS)
    prepared = prepare(analysis)  # reuses the tokens the analysis made
    analysis.cache.clear()  # tokens stay in the worker
    return analysis, prepared


def _run_now(article: Article) -> Future:
    """Analyse in this process, the outcome (or the failure) held like a worker's."""
    future: Future = Future()
    try:
        future.set_result(_analyse(article))
    except Exception as exc:  # noqa: BLE001 - reported per record by _result
        future.set_exception(exc)
    return future


# ------------------------------------------------------------------ reading


def _read(record: Record) -> Article:
    """One record → an Article (raises ReadError for a record with no article)."""
    if isinstance(record.data, bytes):
        article = read(record.data, record.published, url=record.url)
        meta = {
            "source": record.source or article.source,
            "title": record.title or article.title,
            "author": record.author or article.author,
            "origin": record.origin,
        }
        return replace(article, **meta)
    return read_text(
        record.data,
        published=record.published,
        url=record.url,
        source=record.source,
        title=record.title,
        author=record.author,
        origin=record.origin,
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _records(sources: Sequence[str | Path], fetcher: Callable[[str], bytes] | None) -> Iterator:
    for source in sources:
        yield from iter_records(source, fetcher=fetcher)


def count_records(sources: Sequence[str | Path]) -> int | None:
    """How many records the sources hold (a quick first pass), or None for feeds."""
    if any(str(s).startswith(("http://", "https://")) for s in sources):
        return None
    return sum(1 for _ in _records(sources, None))


# ------------------------------------------------------------------ the ingest


def ingest(
    sources: Sequence[str | Path],
    archive: SQLiteArchive,
    *,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[Summary], None] | None = None,
    fetcher: Callable[[str], bytes] | None = None,
    records: Iterable[Record | Skipped] | None = None,
    published: str | None = None,
) -> Summary:
    """Ingest every record of ``sources`` (or the given ``records``) into ``archive``.
    ``published`` is the date assumed for records that carry none (relative dates in the
    text resolve against it); a record's own date always wins."""
    if workers < 1:
        raise ArchiveError("--workers must be at least 1")
    summary = Summary()
    pool = (
        ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) if workers > 1 else None
    )
    # items in input order: ("article", origin, hash, future) | ("duplicate", meta…) | ("skip", …)
    pending: deque[tuple] = deque()
    in_flight: set[str] = set()
    recent = _Recent()
    window = max(4 * workers, batch_size)
    try:
        for item in records if records is not None else _records(sources, fetcher):
            if isinstance(item, Skipped):
                if not archive.seen_origin(item.origin):
                    pending.append(("skip", item.origin, item.reason))
                else:
                    summary.already += 1
            elif archive.seen_origin(item.origin):
                summary.already += 1
            else:
                if published and not item.published:
                    item = replace(item, published=published)
                summary.read += 1
                _admit(item, archive, pending, in_flight, pool, recent)
            if len(pending) >= window:
                _flush(archive, pending, in_flight, summary, batch_size, wait=pool is not None)
            if progress is not None:
                progress(summary)
        _flush(archive, pending, in_flight, summary, batch_size, wait=True, drain=True)
        if progress is not None:
            progress(summary)
    except BaseException:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    if pool is not None:
        pool.shutdown(wait=True)
    return summary


@dataclass(slots=True)
class _Recent:
    """Fingerprints of the articles admitted in this run (not all stored yet), by bucket."""

    buckets: dict[int, list[tuple[str, Any]]] = field(default_factory=dict)

    def add(self, key: str, sig: Any, keys: list[int]) -> None:
        for bucket in keys:
            self.buckets.setdefault(bucket, []).append((key, sig))

    def candidates(self, keys: list[int]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for bucket in keys:
            for key, sig in self.buckets.get(bucket, ()):
                found[key] = sig
        return found


def _admit(
    record: Record,
    archive: SQLiteArchive,
    pending: deque[tuple],
    in_flight: set[str],
    pool: ProcessPoolExecutor | None,
    recent: _Recent | None = None,
) -> None:
    try:
        article = _read(record)
    except ReadError as exc:
        pending.append(("skip", record.origin, str(exc)))
        return
    key = content_hash(article.text)
    meta = (record.origin, article.url, article.source, article.published)
    if key in in_flight or archive.find_original(key, article.url) is not None:
        pending.append(("duplicate", key, *meta, "exact", 1.0))
        return
    fp = near.fingerprint(article.text)
    keys = fp.buckets if fp is not None else []
    if fp is not None:
        best: tuple[float, str | int] | None = None
        for original, *row in archive.near_candidates(keys):
            score = near.same_text(fp, near.from_row(*row))
            if score is not None and (best is None or score > best[0]):
                best = (score, int(original))
        for other_key, other in (recent.candidates(keys) if recent else {}).items():
            score = near.same_text(fp, other)
            if score is not None and (best is None or score > best[0]):
                best = (score, other_key)
        if best is not None:
            pending.append(("duplicate", best[1], *meta, "near", round(best[0], 4)))
            return
        if recent is not None:
            recent.add(key, fp, keys)
    in_flight.add(key)
    future = pool.submit(_analyse, article) if pool is not None else _run_now(article)
    pending.append(("article", key, record.origin, future, fp, keys))


def _flush(
    archive: SQLiteArchive,
    pending: deque[tuple],
    in_flight: set[str],
    summary: Summary,
    batch_size: int,
    *,
    wait: bool,
    drain: bool = False,
) -> None:
    """Store the finished head of ``pending`` (in input order), a batch per transaction."""
    while pending:
        take: list[tuple] = []
        while pending and len(take) < batch_size:
            head = pending[0]
            if head[0] == "article" and not head[3].done() and not wait:
                break
            take.append(pending.popleft())
        if not take:
            return
        results = [_result(item) for item in take]
        with archive.batch():
            for item, analysis in results:
                _store(archive, item, analysis, summary)
        for item in take:
            if item[0] == "article":
                in_flight.discard(item[1])
        if not drain and len(pending) < batch_size:
            return


def _result(item: tuple) -> tuple[tuple, Any]:
    """An item with its analysis; an article whose analysis raised becomes a skip (a bug in
    an analyser must not stop a whole corpus), logged and tried again next run."""
    if item[0] != "article":
        return item, None
    try:
        return item, item[3].result()
    except Exception as exc:  # noqa: BLE001 - any analyser failure: skip this record only
        reason = f"analysis failed ({type(exc).__name__}: {exc})"
        log.warning("%s: %s", item[2], reason)
        return ("skip", item[2], reason), None


def _store(
    archive: SQLiteArchive,
    item: tuple,
    analysis: tuple[Analysis, Prepared] | None,
    summary: Summary,
) -> None:
    kind = item[0]
    if kind == "skip":
        _, origin, reason = item
        if not _transient(reason):  # a fetch that failed today is tried again next run
            archive.add_skipped(origin, reason, _now())
        summary.skipped += 1
        summary.reasons[_reason_code(reason)] += 1
    elif kind == "duplicate":
        _, key, origin, url, source, published, how, score = item
        original = key if isinstance(key, int) else archive.find_original(key, url)
        if original is None:  # its original failed to store; keep the record as skipped
            archive.add_skipped(origin, "duplicate of a record that was not stored", _now())
            summary.skipped += 1
            return
        archive.add_duplicate(
            original,
            origin=origin,
            url=url,
            source=source,
            published=published,
            kind=how,
            similarity=score,
        )
        summary.duplicates += 1
        if how == "near":
            summary.near_duplicates += 1
    else:
        _, key, origin, _future, fp, keys = item
        assert analysis is not None
        done, prepared = analysis
        article_id = archive.add_article(
            done, origin=origin, content_hash=key, ingested_at=_now(), prepared=prepared
        )
        if fp is not None:
            archive.add_fingerprint(article_id, near.to_row(fp), keys)
        summary.analysed += 1


def _transient(reason: str) -> bool:
    """A reason that may not hold next time: the network, not the record."""
    return (
        reason.startswith(("[E108]", "[E109]"))
        or "could not fetch" in reason
        or reason.startswith("analysis failed")  # a bug, fixed by the next release
    )


def _reason_code(reason: str) -> str:
    """``[E105] no article text …`` → ``E105``; other reasons without their particulars
    (``JSON line 12: invalid JSON`` → ``JSON line``, ``could not fetch https://…`` → ``could
    not fetch``)."""
    if reason.startswith("[E") and "]" in reason:
        return reason[1 : reason.index("]")]
    words = []
    for word in reason.split(":")[0].split():
        if word[:1].isdigit() or "://" in word or "/" in word:
            break
        words.append(word)
    return " ".join(words[:6]) or "other"
