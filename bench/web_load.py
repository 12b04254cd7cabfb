"""Load on the web app: concurrent clients on article and search pages, loopback only.

    python bench/web_load.py [--db /tmp/rasid-snn-bench.db] [--clients 50] [--seconds 20]
                             [--workers 1] [--tool wrk|asyncio]

Starts `rasid serve` on a free loopback port over the archive (by default the one
bench/ingest_saudinewsnet.py leaves), then loads it for a fixed time with N concurrent
clients, each request an article page (/article/ID, a random stored id) or a search page
(/search?q=…, one of 40 words and names common in the corpus), from a fixed seed.

With ``--tool wrk`` (the default when Debian's ``wrk`` is installed: ``apt-get install
wrk``), one wrk thread keeps N connections busy, first on article pages, then on search
pages, then both at once (N/2 connections each, two wrk processes), and reports each kind's
requests/s and p50/p95/p99 (wrk costs the shared cores little). With ``--tool asyncio``, N
httpx clients mix both kinds in one run (the clients then cost more CPU than the server).
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

LUA = """
local ids = {}
for line in io.lines("%(ids)s") do ids[#ids + 1] = line end
local queries = {}
for line in io.lines("%(queries)s") do queries[#queries + 1] = line end
math.randomseed(7)
request = function()
  if "%(kind)s" == "article" then
    return wrk.format("GET", "/article/" .. ids[math.random(#ids)])
  end
  return wrk.format("GET", "/search?q=" .. queries[math.random(#queries)])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%.1f %%.1f %%.1f %%d\\n", summary.requests,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.timeout))
end
"""

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


def _wrk(base: str, ids: list[int], clients: int, seconds: float, kind: str) -> str:
    import tempfile
    from urllib.parse import quote

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "ids").write_text("\n".join(map(str, ids)) + "\n")
        (folder / "queries").write_text("\n".join(quote(q) for q in QUERIES) + "\n")
        script = folder / "load.lua"
        script.write_text(
            LUA % {"ids": folder / "ids", "queries": folder / "queries", "kind": kind}
        )
        out = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{clients}",
                f"-d{int(seconds)}s",
                "--timeout",
                "30s",
                "-s",
                str(script),
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT"))
    n, micros, p50, p95, p99, errors = line.split()[1:]
    secs = int(micros) / 1e6
    return (
        f"{kind:>8}: {int(n):,} requests in {secs:.1f} s = {int(n) / secs:.1f}/s,"
        f" p50 {float(p50):.0f} ms, p95 {float(p95):.0f} ms, p99 {float(p99):.0f} ms,"
        f" errors {errors}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/rasid-snn-bench.db"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=1, help="rasid serve --workers")
    import shutil

    parser.add_argument(
        "--tool", choices=("wrk", "asyncio"), default="wrk" if shutil.which("wrk") else "asyncio"
    )
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
        if args.tool == "wrk":
            lines = [_wrk(base, ids, args.clients, args.seconds, k) for k in ("article", "search")]
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(2) as pool:
                mixed = list(
                    pool.map(
                        lambda k: _wrk(base, ids, args.clients // 2, args.seconds, k),
                        ("article", "search"),
                    )
                )
            lines += [
                f"{line}  (mixed: {args.clients // 2} + {args.clients // 2})" for line in mixed
            ]
        else:
            started = time.perf_counter()
            out = asyncio.run(_run(base, ids, args.clients, args.seconds))
            wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    if args.tool == "wrk":
        print(
            f"machine: {platform.machine()}, Python {platform.python_version()},"
            f" {args.workers} server process(es); wrk, 1 thread, {args.clients} connections"
        )
        print(f"archive: {args.db} ({len(ids):,} articles)")
        print("\n".join(lines))
        return 0
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
