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


def _filters(date_from: str | None, date_to: str | None, outlet: str | None) -> tuple[str, list]:
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


def statement_rows(
    archive: SQLiteArchive,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
) -> Iterator[dict[str, Any]]:
    where, params = _filters(date_from, date_to, outlet)
    cursor = archive.db.execute(
        "SELECT s.article_id, a.published, a.source, a.url, a.title, s.idx, s.speaker,"
        " s.speaker_kind, s.speaker_entity, s.anonymous, s.descriptor, s.cue, s.content,"
        " s.direct, s.via, s.stance, s.refers_to FROM statements s"
        " JOIN articles a ON a.id = s.article_id WHERE 1"
        + where
        + " ORDER BY a.published, s.article_id, s.idx",
        params,
    )
    for r in cursor:
        via = json.loads(r[14])
        yield dict(
            zip(
                STATEMENT_COLUMNS,
                (
                    *r[:9],
                    bool(r[9]),
                    r[10],
                    r[11],
                    r[12],
                    bool(r[13]),
                    " ← ".join(v["text"] for v in via),
                    r[14],
                    r[15],
                    r[16],
                ),
                strict=True,
            )
        )


def event_rows(
    archive: SQLiteArchive,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
) -> Iterator[dict[str, Any]]:
    where, params = _filters(date_from, date_to, outlet)
    cursor = archive.db.execute(
        "SELECT e.article_id, a.published, a.source, a.url, a.title, e.idx, e.data FROM events e"
        " JOIN articles a ON a.id = e.article_id WHERE 1"
        + where
        + " ORDER BY a.published, e.article_id, e.idx",
        params,
    )
    for r in cursor:
        row = {
            "article_id": r[0],
            "published": r[1],
            "source": r[2],
            "url": r[3],
            "title": r[4],
            "index": r[5],
        }
        row.update(_flat(json.loads(r[6])))
        yield row


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        name = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flat(v, name + "_"))
        elif isinstance(v, list):
            out[name] = json.dumps(v, ensure_ascii=False)
        else:
            out[name] = v
    return out


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
    columns = STATEMENT_COLUMNS if table == "statements" else []
    return write(rows, fmt, out if out is not None else sys.stdout, columns)
