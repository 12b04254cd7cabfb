"""``rasid export``: statements and events as flat tables (JSONL, CSV, Parquet) that pandas
loads directly, and events with coordinates as GeoJSON.

One row per statement (or event) with its article's id, date, outlet, URL and title; a
relay chain is one column, ``via``, its links joined by `` ← `` (speaker outward), and the
full chain as JSON in ``via_json``. Parquet needs pyarrow, which rasid does not install.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from rasid.archive.store import SQLiteArchive
from rasid.errors import ArchiveError

FORMATS = ("jsonl", "csv", "parquet", "geojson")
TABLES = ("statements", "events")

STATEMENT_COLUMNS = [
    "article_id",
    "published",
    "source",
    "url",
    "title",
    "index",
    "speaker",
    "speaker_kind",
    "speaker_entity",
    "anonymous",
    "descriptor",
    "cue",
    "content",
    "direct",
    "via",
    "via_json",
    "stance",
    "refers_to",
]


EVENT_COLUMNS = [
    "article_id",
    "published",
    "source",
    "url",
    "title",
    "index",
    "type",
    "trigger",
    "actor",
    "actor_entity",
    "target",
    "target_entity",
    "location",
    "location_entity",
    "location_lat",
    "location_lon",
    "time_text",
    "date",
    "date_start",
    "date_end",
    "quantity_text",
    "quantity_value",
    "quantity_min",
    "quantity_max",
    "quantity_unit",
    "claimed_by",
    "claimed_by_speaker",
    "claimed_by_via",
    "negated",
]


def filters_sql(date_from: str | None, date_to: str | None, outlet: str | None) -> tuple[str, list]:
    """`` AND …`` conditions on ``a.published`` and ``a.source`` (only those that are set, so
    SQLite can use the date index) and their parameters."""
    sql, params = "", []
    if date_from:
        sql += " AND a.published >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND a.published <= ?"
        params.append(date_to)
    if outlet:
        sql += " AND a.source = ?"
        params.append(outlet)
    return sql, params


_ARTICLE = ("article_id", "published", "source", "url", "title", "index")


def _annotations(
    archive: SQLiteArchive,
    table: str,
    columns: str,
    date_from: str | None,
    date_to: str | None,
    outlet: str | None,
) -> Iterator[tuple[dict[str, Any], tuple]]:
    """Rows of ``statements`` or ``events`` in date order: their article's fields (with
    the row's index) and the table's own ``columns``."""
    where, params = filters_sql(date_from, date_to, outlet)
    cursor = archive.db.execute(
        f"SELECT x.article_id, a.published, a.source, a.url, a.title, x.idx, {columns}"
        f" FROM {table} x JOIN articles a ON a.id = x.article_id WHERE 1{where}"
        " ORDER BY a.published, x.article_id, x.idx",
        params,
    )
    for r in cursor:
        yield dict(zip(_ARTICLE, r[:6], strict=True)), r[6:]


def statement_rows(
    archive: SQLiteArchive,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
) -> Iterator[dict[str, Any]]:
    columns = (
        "x.speaker, x.speaker_kind, x.speaker_entity, x.anonymous, x.descriptor, x.cue,"
        " x.content, x.direct, x.via, x.stance, x.refers_to"
    )
    for article, r in _annotations(archive, "statements", columns, date_from, date_to, outlet):
        chain = " ← ".join(v["text"] for v in json.loads(r[8]))
        values = (*r[:3], bool(r[3]), *r[4:7], bool(r[7]), chain, r[8], r[9], r[10])
        yield article | dict(zip(STATEMENT_COLUMNS[6:], values, strict=True))


def event_rows(
    archive: SQLiteArchive,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
) -> Iterator[dict[str, Any]]:
    """One row per event, in date order, with who claims it."""
    for article, r in _annotations(archive, "events", "x.data", date_from, date_to, outlet):
        yield article | _event_row(archive, article["article_id"], json.loads(r[0]))


def event_page(
    archive: SQLiteArchive,
    *,
    event_type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> dict[str, Any]:
    """One page of events as export rows, the newest articles first."""
    where, params = filters_sql(date_from, date_to, outlet)
    if event_type:
        where += " AND json_extract(x.data, '$.type') = ?"
        params.append(event_type)
    rows = archive.db.execute(
        "SELECT x.article_id, a.published, a.source, a.url, a.title, x.idx, x.data"
        f" FROM events x JOIN articles a ON a.id = x.article_id WHERE 1{where}"
        " ORDER BY a.published DESC, x.article_id DESC, x.idx LIMIT ? OFFSET ?",
        [*params, per_page + 1, (page - 1) * per_page],
    ).fetchall()
    events = [
        dict(zip(_ARTICLE, r[:6], strict=True)) | _event_row(archive, r[0], json.loads(r[6]))
        for r in rows[:per_page]
    ]
    return {"page": page, "per_page": per_page, "has_next": len(rows) > per_page, "events": events}


def _claim(archive: SQLiteArchive, article_id: int, index: int | None) -> tuple[Any, Any]:
    """The speaker and relay chain (joined by `` ← ``) of statement ``index`` of an article."""
    if index is None:
        return None, None
    row = archive.db.execute(
        "SELECT speaker, via FROM statements WHERE article_id = ? AND idx = ?", (article_id, index)
    ).fetchone()
    if row is None:
        return None, None
    return row[0], " ← ".join(v["text"] for v in json.loads(row[1]))


def _event_row(archive: SQLiteArchive, article_id: int, e: dict[str, Any]) -> dict[str, Any]:
    """An event as flat columns, with the speaker and relay chain of its claim."""
    speaker, via = _claim(archive, article_id, e.get("claimed_by"))

    def part(name: str, field: str) -> Any:
        value = e.get(name)
        return None if value is None else value.get(field)

    return {
        "type": e["type"],
        "trigger": part("trigger", "text"),
        "actor": part("actor", "text"),
        "actor_entity": part("actor", "entity"),
        "target": part("target", "text"),
        "target_entity": part("target", "entity"),
        "location": part("location", "text"),
        "location_entity": part("location", "entity"),
        "location_lat": part("location", "lat"),
        "location_lon": part("location", "lon"),
        "time_text": part("time", "text"),
        "date": part("time", "date"),
        "date_start": part("time", "start"),
        "date_end": part("time", "end"),
        "quantity_text": part("quantity", "text"),
        "quantity_value": part("quantity", "value"),
        "quantity_min": part("quantity", "min"),
        "quantity_max": part("quantity", "max"),
        "quantity_unit": part("quantity", "unit"),
        "claimed_by": e.get("claimed_by"),
        "claimed_by_speaker": speaker,
        "claimed_by_via": via,
        "negated": bool(e.get("negated")),
    }


def write(rows: Iterator[dict[str, Any]], fmt: str, out: TextIO | Path, columns: list[str]) -> int:
    """Write ``rows`` in ``fmt`` to ``out`` (a path, or a text stream for jsonl/csv/geojson)."""
    if fmt not in FORMATS:
        raise ArchiveError(f"--format must be one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _parquet(list(rows), out, columns)
    stream, close = (
        (open(out, "w", encoding="utf-8", newline="") if isinstance(out, Path) else out),
        isinstance(out, Path),
    )
    try:
        if fmt == "jsonl":
            n = 0
            for row in rows:
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
            return n
        if fmt == "csv":
            materialised = list(rows)
            names = columns or (list(materialised[0]) if materialised else [])
            writer = csv.DictWriter(stream, fieldnames=names, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(materialised)
            return len(materialised)
        return _geojson(rows, stream)
    finally:
        if close:
            stream.close()


def _geojson(rows: Iterator[dict[str, Any]], stream: TextIO) -> int:
    features = []
    for row in rows:
        lat, lon = row.get("location_lat"), row.get("location_lon")
        if lat is None or lon is None:
            continue
        properties = {k: v for k, v in row.items() if k not in ("location_lat", "location_lon")}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False)
    stream.write("\n")
    return len(features)


def _parquet(rows: list[dict[str, Any]], out: TextIO | Path, columns: list[str]) -> int:
    if not isinstance(out, Path):
        raise ArchiveError("--format parquet needs --out FILE")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ArchiveError("--format parquet needs pyarrow: pip install pyarrow") from None
    names = columns or (list(rows[0]) if rows else [])
    table = pa.table({name: [row.get(name) for row in rows] for name in names})
    pq.write_table(table, out)
    return len(rows)


def export(
    archive: SQLiteArchive,
    table: str,
    fmt: str,
    out: Path | None,
    **filters: str | None,
) -> int:
    if table not in TABLES:
        raise ArchiveError(f"export what? {' or '.join(TABLES)}, not {table!r}")
    if fmt == "geojson" and table != "events":
        raise ArchiveError("--format geojson is for events (they have coordinates)")
    rows = (
        statement_rows(archive, **filters)
        if table == "statements"
        else event_rows(archive, **filters)
    )
    columns = STATEMENT_COLUMNS if table == "statements" else EVENT_COLUMNS
    return write(rows, fmt, out if out is not None else sys.stdout, columns)
