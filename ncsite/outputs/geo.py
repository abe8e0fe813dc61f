"""Plane geometry for the maps: projection, simplification, clipping and SVG path data.

Pure functions on plain tuples; nothing here reads a file. The projection is the
Lambert azimuthal equal-area projection (the family of EPSG:3035, the EU's
statistical grid) on a sphere, centred on the North Sea: areas keep their
proportions and the region keeps its shape. The sphere instead of the GRS80
ellipsoid moves a point by less than a kilometre in this region, below what the
maps draw.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

LonLat = tuple[float, float]
Point = tuple[float, float]  # kilometres east and north of the projection's centre
Rect = tuple[float, float, float, float]  # x_min, y_min, x_max, y_max

EARTH_RADIUS_KM = 6371.0072  # radius of the sphere with the GRS80 ellipsoid's area
CENTRE: LonLat = (4.0, 56.0)  # the middle of the North Sea, between Aberdeen and Esbjerg


def project(lon: float, lat: float, centre: LonLat = CENTRE) -> Point:
    """(lon, lat) in degrees to (x, y) in km, Lambert azimuthal equal-area, y pointing north."""
    lam, phi = math.radians(lon - centre[0]), math.radians(lat)
    phi0 = math.radians(centre[1])
    cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    k = EARTH_RADIUS_KM * math.sqrt(2.0 / (1.0 + cos_c))
    return (
        k * math.cos(phi) * math.sin(lam),
        k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam)),
    )


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker: drop the points closer than `tolerance` to the line kept; the ends always stay."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, far_index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance_to_segment(points[i], points[first], points[last])
            if d > far:
                far, far_index = d, i
        if far > tolerance:
            keep[far_index] = True
            stack += [(first, far_index), (far_index, last)]
    return [p for p, kept in zip(points, keep) if kept]


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def ring_area(ring: Sequence[Point]) -> float:
    """The area a closed ring encloses (shoelace formula, unsigned)."""
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, [*ring[1:], ring[0]]))) / 2


def clip_ring(ring: Sequence[Point], rect: Rect) -> list[Point]:
    """Sutherland–Hodgman: the part of a closed ring inside `rect` (edges along the rectangle where it was cut)."""
    x0, y0, x1, y1 = rect
    out = list(ring)
    for inside, cross in (
        (lambda p: p[0] >= x0, lambda a, b: _at_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _at_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _at_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _at_y(a, b, y1)),
    ):
        if not out:
            break
        points, out = out, []
        prev = points[-1]
        for cur in points:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
    return out


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def clip_line(line: Sequence[Point], rect: Rect) -> list[list[Point]]:
    """The runs of an open line that touch `rect`: each segment crossing it is kept whole (the SVG crops the rest)."""
    runs: list[list[Point]] = []
    run: list[Point] = []
    for a, b in zip(line, line[1:]):
        if _segment_touches(a, b, rect):
            if not run:
                run.append(a)
            run.append(b)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _segment_touches(a: Point, b: Point, rect: Rect) -> bool:
    x0, y0, x1, y1 = rect
    return not (max(a[0], b[0]) < x0 or min(a[0], b[0]) > x1 or max(a[1], b[1]) < y0 or min(a[1], b[1]) > y1)


def bounds(points: Iterable[Point]) -> Rect:
    xs, ys = zip(*points)
    return (min(xs), min(ys), max(xs), max(ys))


def path_data(shapes: Iterable[Sequence[Point]], closed: bool) -> str:
    """SVG path data in whole units with relative moves ("M12 30l3-1 2 2z"); repeated points dropped."""
    parts: list[str] = []
    for shape in shapes:
        points = [(round(x), round(y)) for x, y in shape]
        kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if closed and len(kept) > 1 and kept[0] == kept[-1]:
            kept.pop()
        if len(kept) < (3 if closed else 2):
            continue
        steps = []
        for (ax, ay), (bx, by) in zip(kept, kept[1:]):
            steps.append(_pair(bx - ax, by - ay))
        parts.append(f"M{kept[0][0]} {kept[0][1]}l" + _join(steps) + ("z" if closed else ""))
    return "".join(parts)


def _pair(dx: int, dy: int) -> str:
    return f"{dx}" + (f"{dy}" if dy < 0 else f" {dy}")


def _join(steps: list[str]) -> str:
    """Pairs joined with the fewest characters: a minus sign separates numbers by itself."""
    out = steps[0] if steps else ""
    for step in steps[1:]:
        out += step if step.startswith("-") else " " + step
    return out
