"""Load on the web app: concurrent clients on article and search pages, loopback only.

    python bench/web_load.py [--db /tmp/rasid-snn-bench.db] [--clients 50] [--seconds 20]

Starts `rasid serve` on a free loopback port over the archive (by default the one
bench/ingest_saudinewsnet.py leaves), then runs N asyncio clients (httpx) for a fixed time:
each picks, at random from a fixed seed, an article page (/article/ID over all stored ids)
or a search page (/search?q=… over 40 words and names common in the corpus), and reads the
whole response. Prints requests/s and the latency percentiles of each kind.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

QUERIES = (
    "الرياض جدة مكة المدينة الدمام السعودية الإمارات الكويت قطر البحرين عمان اليمن مصر سوريا "
    "العراق الأردن لبنان فلسطين ايران تركيا الملك الأمير الوزير الهلال النصر الاتحاد الأهلي "
    "النفط الاقتصاد التعليم الصحة الأمن الحج رمضان الانتخابات الحوثي داعش أوبك الشركة البورصة"
).split()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _client(base: str, ids: list[int], until: float, rng: random.Random, out: dict) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.perf_counter() < until:
            if rng.random() < 0.5:
                kind, url = "article", f"/article/{rng.choice(ids)}"
            else:
                kind, url = "search", f"/search?q={rng.choice(QUERIES)}"
            start = time.perf_counter()
            response = await http.get(url)
            elapsed = time.perf_counter() - start
            out.setdefault(kind, []).append(elapsed)
            if response.status_code != 200:
                out.setdefault("errors", []).append(response.status_code)


async def _run(base: str, ids: list[int], clients: int, seconds: float) -> dict:
    out: dict = {}
    until = time.perf_counter() + seconds
    await asyncio.gather(
        *(_client(base, ids, until, random.Random(k), out) for k in range(clients))
    )
    return out


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000 if len(values) > 1 else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/rasid-snn-bench.db"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=1, help="rasid serve --workers")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no archive at {args.db} (run bench/ingest_saudinewsnet.py first)", file=sys.stderr)
        return 2
    ids = [i for (i,) in sqlite3.connect(args.db).execute("SELECT id FROM articles")]
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rasid.cli",
            "serve",
            "--db",
            str(args.db),
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        started = time.perf_counter()
        out = asyncio.run(_run(base, ids, args.clients, args.seconds))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    total = sum(len(v) for k, v in out.items() if k != "errors")
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()},"
        f" {args.workers} server process(es)"
    )
    print(f"archive: {args.db} ({len(ids):,} articles); {args.clients} clients for {wall:.1f} s")
    print(f"requests: {total:,} = {total / wall:.1f}/s; errors: {len(out.get('errors', []))}")
    for kind in ("article", "search"):
        values = out.get(kind, [])
        if values:
            print(
                f"{kind:>8}: {len(values):,} requests, p50 {_pct(values, 50):.0f} ms,"
                f" p95 {_pct(values, 95):.0f} ms, p99 {_pct(values, 99):.0f} ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
