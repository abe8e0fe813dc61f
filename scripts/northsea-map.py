#!/usr/bin/env python3
"""Regenerate data/northsea-map.json, the coastlines and borders the site's maps are drawn from.

    python3 scripts/northsea-map.py                    # fetches world-atlas with npm into a temporary folder
    python3 scripts/northsea-map.py countries-50m.json # or reads a copy you already have

Source: Natural Earth 1:50m admin-0 countries (public domain), as the TopoJSON file
`countries-50m.json` of the npm package `world-atlas` (ISC licence for the packaging).
The script decodes the TopoJSON itself (no topojson-client, no GIS stack), simplifies
every arc once in the maps' projection (so the land outline and the borders that share
an arc stay joined), drops islands too small to see, clips to the North Sea region and
writes longitudes and latitudes rounded to 0.001°. The build reads only the JSON it
writes; neither Node nor this script is needed to build the site.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ncsite.outputs.geo import clip_line, clip_ring, project, ring_area, simplify  # noqa: E402

PACKAGE = "world-atlas@2.0.2"
OUTPUT = ROOT / "data" / "northsea-map.json"
BOUNDS = (-12.0, 48.0, 22.0, 64.5)  # west, south, east, north (degrees): what any map of the site can show
TOLERANCE_KM = 1.2  # Douglas–Peucker tolerance, about a pixel of the largest map
MIN_ISLAND_KM2 = 6.0  # smaller islands would be a dot under a pixel wide


def load_topology(argv: list[str]) -> dict:
    if len(argv) > 1:
        return json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "install", "--prefix", tmp, "--no-audit", "--no-fund", "--silent", PACKAGE], check=True)
        return json.loads((Path(tmp) / "node_modules/world-atlas/countries-50m.json").read_text(encoding="utf-8"))


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Quantised, delta-encoded TopoJSON arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplified(arc: list[tuple[float, float]]) -> list[tuple[float, float]]:
    projected = {project(*p): p for p in arc}
    return [projected[p] for p in simplify([project(*p) for p in arc], TOLERANCE_KM)]


def in_region(arc: list[tuple[float, float]]) -> bool:
    w, s, e, n = BOUNDS
    return any(w - 5 <= lon <= e + 5 and s - 3 <= lat <= n + 3 for lon, lat in arc)


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc if not points else arc[1:]
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def rounded(points) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, 3), round(lat, 3)]
        if not out or p != out[-1]:
            out.append(p)
    return out


def main(argv: list[str]) -> int:
    topology = load_topology(argv)
    raw = decode_arcs(topology)
    arcs = [simplified(arc) if in_region(arc) else arc for arc in raw]

    land = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            for indices in polygon:
                points = ring(indices, arcs)
                if ring_area([project(*p) for p in points]) < MIN_ISLAND_KM2:
                    continue
                clipped = clip_ring(points, BOUNDS)
                if len(clipped) >= 3:
                    land.append(rounded(clipped))

    users: dict[int, set[int]] = {}
    for number, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        for polygon in polygons(geometry):
            for indices in polygon:
                for index in indices:
                    users.setdefault(index if index >= 0 else ~index, set()).add(number)
    borders = []
    for index in sorted(i for i, who in users.items() if len(who) > 1):
        for run in clip_line(arcs[index], BOUNDS):
            borders.append(rounded(run))

    data = {
        "about": "Coastlines and land borders of the North Sea region for the site's maps, in degrees (lon, lat).",
        "source": "Natural Earth 1:50m admin-0 countries, via the npm package " + PACKAGE + " (countries-50m.json)",
        "licence": "Natural Earth: public domain (naturalearthdata.com/about/terms-of-use); world-atlas packaging: ISC",
        "made_by": "scripts/northsea-map.py",
        "tolerance_km": TOLERANCE_KM,
        "bounds": list(BOUNDS),
        "land": land,
        "borders": borders,
    }
    lines = [json.dumps({k: v for k, v in data.items() if k not in ("land", "borders")}, ensure_ascii=False)[:-1]]
    for key in ("land", "borders"):
        shapes = ",\n  ".join(json.dumps(shape, separators=(",", ":")) for shape in data[key])
        lines.append(f', "{key}": [\n  {shapes}\n]')
    OUTPUT.write_text("\n".join(lines) + "}\n", encoding="utf-8")
    points = sum(len(s) for s in land) + sum(len(s) for s in borders)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(land)} land rings, {len(borders)} border lines, {points} points")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
