"""Maps of who is where, drawn at build time as inline SVG (overrides/ncsite/map.html).

A `Chart` is the base drawing every map of a build shares: the frame (the North
Sea region, widened to every place of data/places.yaml), the land and the
borders as SVG path data. It is made once per build (`chart_of`). A `MapView` is
one page's map: its pins grouped by town, each pin a link with an accessible
name, the towns' and countries' labels placed so that they do not overlap, once
for wide screens and once, larger, for phones.

SVG coordinates are kilometres of the projection (ncsite.outputs.geo), x east and y south.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ncsite.content.countries import COUNTRIES
from ncsite.content.models import Cluster, Content
from ncsite.content.places import Basemap, Gazetteer, Place

from .geo import Point, Rect, bounds, clip_line, clip_ring, path_data, project

FRAME: Rect = (-600.0, -640.0, 700.0, 560.0)  # km around geo.CENTRE: Glasgow to Malmö, Brussels to Oslo
MARGIN = 80.0  # km kept around every place, for its marker and label

DOT = 9.0  # a pin's radius on wide screens (km, i.e. SVG units)
SPREAD = 12.4  # spacing factor of the sunflower that groups a town's pins
NUDGE = 12.0  # km a town may be moved so that its pins do not touch a neighbour's on a phone
AREA_GAP = 0.4  # room kept around a country's, region's or sea's name, in ems (letter-spacing ends in a gap)


@dataclass(frozen=True)
class Mode:
    """How the labels are sized for one screen width: in SVG units, and the pins' scale."""

    name: str
    town_font: float
    area_font: float
    sea_font: float
    pin_scale: float


WIDE = Mode("wide", town_font=24, area_font=21, sea_font=25, pin_scale=1.0)
NARROW = Mode("narrow", town_font=48, area_font=40, sea_font=44, pin_scale=2.1)
MODES = (WIDE, NARROW)

# Where a country's name is written (lon, lat), best first; a spot taken by a marker is skipped.
COUNTRY_SPOTS: dict[str, tuple[tuple[float, float], ...]] = {
    "NO": ((8.4, 60.75), (7.6, 59.3), (9.0, 61.2)),
    "SE": ((14.1, 58.7), (13.8, 57.3), (14.2, 59.5)),
    "DK": ((9.0, 56.25), (9.0, 55.6), (9.6, 56.8), (8.7, 56.55), (9.3, 57.45)),
    "DE": ((9.7, 51.8), (8.3, 52.7), (11.5, 52.3)),
    "NL": ((5.8, 52.6), (6.3, 52.3), (5.3, 51.95), (5.9, 51.55)),
    "BE": ((4.7, 50.45), (4.3, 50.75), (4.4, 50.25), (3.9, 50.55)),
    "GB": ((-1.6, 52.9), (-2.2, 54.2)),
    "FR": ((2.9, 50.15),),
    "PL": ((15.2, 52.8),),
    "IE": ((-7.6, 53.3),),
}
REGION_SPOTS = (("Scotland", ((-4.3, 57.25), (-3.9, 56.7))),)
SEA_SPOTS = (
    ("North Sea", ((3.2, 56.5), (3.0, 55.2))),
    ("Skagerrak", ((8.9, 57.95),)),
    ("Kattegat", ((11.4, 56.85),)),
    ("Baltic Sea", ((15.6, 55.2),)),
)


# -- the shared drawing -----------------------------------------------------------


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float  # projected x of the frame's west edge
    top: float  # projected y of its north edge
    land: str  # SVG path data
    borders: str

    def at(self, lon: float, lat: float) -> Point:
        """SVG coordinates of a point given in degrees."""
        x, y = project(lon, lat)
        return (x - self.left, self.top - y)


def make_chart(basemap: Basemap | None, places: Iterable[Place]) -> Chart:
    """The frame around the North Sea and every place, with the land and borders clipped to it."""
    points = [project(p.lon, p.lat) for p in places]
    x0, y0, x1, y1 = FRAME
    if points:
        px0, py0, px1, py1 = bounds(points)
        x0, y0, x1, y1 = min(x0, px0 - MARGIN), min(y0, py0 - MARGIN), max(x1, px1 + MARGIN), max(y1, py1 + MARGIN)
    width, height = round(x1 - x0), round(y1 - y0)

    def svg(shape: Sequence[tuple[float, float]]) -> list[Point]:
        return [(x - x0, y1 - y) for x, y in (project(lon, lat) for lon, lat in shape)]

    # Cut a little outside the frame, so that no stroke is drawn along its edges.
    cut = (-6.0, -6.0, width + 6.0, height + 6.0)
    land = path_data((clip_ring(svg(ring), cut) for ring in basemap.land), closed=True) if basemap else ""
    borders = path_data(
        (run for line in (basemap.borders if basemap else ()) for run in clip_line(svg(line), cut)), closed=False
    )
    return Chart(width, height, x0, y1, land, borders)


def chart_of(content: Content) -> Chart:
    """The build's chart, made on first use and kept with the build's content."""
    cache = content.__dict__.setdefault("_maps", {})
    if "chart" not in cache:
        cache["chart"] = make_chart(content.basemap, content.places.places)
    return cache["chart"]


# -- one page's map ---------------------------------------------------------------


@dataclass(frozen=True)
class Pin:
    """Something to mark: its name, the page it links to, and where it is."""

    name: str
    href: str  # a site path ("matchpoint/cewind/") or an absolute URL
    town: str
    country: str
    note: str | None = None  # added to the accessible name: "completed"
    kind: str = "cluster"  # the marker's style (CSS class nc-map__pin--<kind>)


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"  # SVG text-anchor: start, middle, end
    size: float = 24  # font size in SVG units


@dataclass(frozen=True)
class Marker:
    pin: Pin
    label: str  # the accessible name: "CEwind, Flensburg, Germany"
    dx: float  # offset from the town's point (wide screens; CSS scales it on phones)
    dy: float


@dataclass(frozen=True)
class Town:
    key: str
    place: Place
    x: float
    y: float
    markers: tuple[Marker, ...]
    labels: tuple[tuple[str, Label], ...]  # (mode name, label relative to the town's point)


@dataclass(frozen=True)
class Area:
    """A country, region or sea name."""

    kind: str  # "country", "focus" (a country with markers), "region", "sea"
    labels: tuple[tuple[str, Label], ...]
    name: str = ""  # as readers see it in text: "Denmark"
    country: str | None = None  # the country's code, for a country's name


@dataclass(frozen=True)
class LegendItem:
    kind: str
    text: str


@dataclass(frozen=True)
class MapView:
    id: str
    kind: str  # "clusters", "labs", "partners"
    title: str  # the map's accessible name
    summary: str  # a sentence under the map: what it shows
    chart: Chart
    towns: tuple[Town, ...]
    areas: tuple[Area, ...]
    legend: tuple[LegendItem, ...] = ()
    collapsible: bool = False  # on phones, behind a "Show the map" button
    country_filter: str | None = None  # a page whose ?country= the names of the countries with markers link to

    @property
    def linked_areas(self) -> tuple[Area, ...]:
        """The areas drawn as links: the countries with markers, when the map has a country filter."""
        return tuple(a for a in self.areas if self.country_filter and a.kind == "focus" and a.country)

    @property
    def plain_areas(self) -> tuple[Area, ...]:
        linked = self.linked_areas
        return tuple(a for a in self.areas if a not in linked)

    @property
    def pin_count(self) -> int:
        return sum(len(t.markers) for t in self.towns)

    @property
    def dot(self) -> float:
        return DOT


def town_map(
    content: Content,
    pins: Iterable[Pin],
    *,
    id: str,
    kind: str,
    title: str,
    summary: str,
    legend: Sequence[LegendItem] = (),
    collapsible: bool = False,
    country_filter: str | None = None,
) -> MapView:
    """A map of `pins`, grouped by town; pins whose town has no place are left out (the loader reports them)."""
    chart = chart_of(content)
    towns = _towns(content.places, pins, chart)
    boxes: dict[str, list[Rect]] = {mode.name: [_disc(t, mode) for t in towns] for mode in MODES}
    labelled = []
    for town in sorted(towns, key=lambda t: (-len(t.markers), t.place.town)):
        labels = []
        for mode in MODES:
            label = _place_label(town, mode, boxes[mode.name], chart)
            if label:
                labels.append((mode.name, label))
        labelled.append(Town(town.key, town.place, town.x, town.y, town.markers, tuple(labels)))
    labelled.sort(key=lambda t: (-t.y, t.x))  # drawn north to south, so that southern labels lie on top
    focus = {t.place.country for t in towns}
    areas = _areas(chart, boxes, focus)
    return MapView(id, kind, title, summary, chart, tuple(labelled), areas, tuple(legend), collapsible, country_filter)


def _towns(gazetteer: Gazetteer, pins: Iterable[Pin], chart: Chart) -> list[Town]:
    grouped: dict[tuple[str, str], tuple[Place, list[Pin]]] = {}
    for pin in pins:
        place = gazetteer.find(pin.town, pin.country)
        if place is not None:
            grouped.setdefault(place.key, (place, []))[1].append(pin)
    towns = []
    for place, group in grouped.values():
        group.sort(key=lambda p: p.name.casefold())
        x, y = chart.at(place.lon, place.lat)
        offsets = sunflower(len(group))
        markers = tuple(
            Marker(pin, accessible_name(pin, place), round(dx, 1), round(dy, 1))
            for pin, (dx, dy) in zip(group, offsets)
        )
        towns.append(Town(slug(place.town + "-" + place.country), place, round(x, 1), round(y, 1), markers, ()))
    return _apart(towns)


def _apart(towns: list[Town], rounds: int = 20) -> list[Town]:
    """Towns moved apart just enough that their pins do not overlap at the phone's scale (Oslo and
    Lillestrøm, 18 km apart, drew one blot): each pair too close is pushed apart along the line between
    them, by a few kilometres, in a few rounds, and never more than NUDGE from where they are: a knot
    of towns (four within 40 km) stays a knot, whose labels the placement leaves out where they do not
    fit. Towns far apart do not move."""
    points = [[t.x, t.y] for t in towns]
    home = [(t.x, t.y) for t in towns]
    reach = [_reach(t) * NARROW.pin_scale for t in towns]
    for _ in range(rounds):
        moved = False
        for i in range(len(towns)):
            for j in range(i + 1, len(towns)):
                dx, dy = points[j][0] - points[i][0], points[j][1] - points[i][1]
                gap = math.hypot(dx, dy)
                need = reach[i] + reach[j] + 1.0
                if gap >= need:
                    continue
                ux, uy = (dx / gap, dy / gap) if gap else (1.0, 0.0)
                push = (need - gap) / 2
                points[i][0] -= ux * push
                points[i][1] -= uy * push
                points[j][0] += ux * push
                points[j][1] += uy * push
                for k in (i, j):
                    ox, oy = points[k][0] - home[k][0], points[k][1] - home[k][1]
                    off = math.hypot(ox, oy)
                    if off > NUDGE:
                        points[k][0], points[k][1] = home[k][0] + ox * NUDGE / off, home[k][1] + oy * NUDGE / off
                moved = True
        if not moved:
            break
    return [Town(t.key, t.place, round(x, 1), round(y, 1), t.markers, t.labels) for t, (x, y) in zip(towns, points)]


def accessible_name(pin: Pin, place: Place) -> str:
    name = f"{pin.name}, {place.town}, {place.country_name}"
    return name + (f" ({pin.note})" if pin.note else "")


def sunflower(n: int) -> list[Point]:
    """Offsets for n pins around one point: a sunflower (Vogel's spiral), centred, neighbours a dot apart."""
    if n == 1:
        return [(0.0, 0.0)]
    golden = math.pi * (3 - math.sqrt(5))
    points = [
        (SPREAD * math.sqrt(i + 0.5) * math.cos(i * golden), SPREAD * math.sqrt(i + 0.5) * math.sin(i * golden))
        for i in range(n)
    ]
    cx, cy = sum(p[0] for p in points) / n, sum(p[1] for p in points) / n
    return [(x - cx, y - cy) for x, y in points]


def _reach(town: Town) -> float:
    """How far the town's pins reach from its point, on wide screens."""
    return max(math.hypot(m.dx, m.dy) for m in town.markers) + DOT


def _disc(town: Town, mode: Mode) -> Rect:
    r = _reach(town) * mode.pin_scale
    return (town.x - r, town.y - r, town.x + r, town.y + r)


def text_width(text: str, font: float, caps: bool = False) -> float:
    """A generous estimate of a sans-serif text's width (no font metrics at build time)."""
    return len(text) * font * (0.84 if caps else 0.56)


def _place_label(town: Town, mode: Mode, taken: list[Rect], chart: Chart) -> Label | None:
    """The first spot around the town where its name overlaps nothing; None when every spot is taken."""
    font, text = mode.town_font, town.place.town
    if len(town.markers) > 1:  # several pins, one name: say how many ("Hamburg (3)")
        text = f"{text} ({len(town.markers)})"
    r = _reach(town) * mode.pin_scale + font * 0.2
    w, h = text_width(text, font), font
    d = r * 0.72
    # (dx, dy of the text's anchor point relative to the town, anchor)
    spots = (
        (r, h * 0.35, "start"),
        (-r, h * 0.35, "end"),
        (d, -d, "start"),
        (d, d + h * 0.7, "start"),
        (-d, -d, "end"),
        (-d, d + h * 0.7, "end"),
        (0, -r - h * 0.15, "middle"),
        (0, r + h * 0.85, "middle"),
    )
    own = _disc(town, mode)
    for dx, dy, anchor in spots:
        x0 = town.x + dx - (w if anchor == "end" else w / 2 if anchor == "middle" else 0)
        box = (x0, town.y + dy - h * 0.8, x0 + w, town.y + dy + h * 0.2)
        if _inside(box, chart) and not any(_overlap(box, other) for other in taken if other != own):
            taken.append(box)
            return Label(round(dx, 1), round(dy, 1), text, anchor, font)
    return None


def _areas(chart: Chart, boxes: dict[str, list[Rect]], focus: set[str]) -> tuple[Area, ...]:
    """Country, region and sea names, each at its first free spot, or left out."""
    wanted: list[tuple[str, str, tuple[tuple[float, float], ...], str | None]] = []
    for code, spots in COUNTRY_SPOTS.items():
        wanted.append(("focus" if code in focus else "country", COUNTRIES[code], spots, code))
    wanted += [("region", name, spots, None) for name, spots in REGION_SPOTS]
    wanted += [("sea", name, spots, None) for name, spots in SEA_SPOTS]
    areas = []
    for kind, text, spots, country in wanted:
        labels = []
        for mode in MODES:
            if kind == "sea" and mode is NARROW and text != "North Sea":
                continue  # the small seas' names would crowd a phone's map
            font = mode.sea_font if kind == "sea" else mode.area_font * (0.9 if kind == "region" else 1)
            caps = kind in ("country", "focus")
            shown = text.upper() if caps else text
            w = text_width(shown, font, caps) + font * AREA_GAP  # letter-spaced: keep a gap to the next name
            for lon, lat in spots:
                x, y = chart.at(lon, lat)
                box = (x - w / 2, y - font * 0.8, x + w / 2, y + font * 0.2)
                if _inside(box, chart) and not any(_overlap(box, other) for other in boxes[mode.name]):
                    boxes[mode.name].append(box)
                    labels.append((mode.name, Label(round(x, 1), round(y, 1), shown, size=round(font, 1))))
                    break
        if labels:
            areas.append(Area(kind, tuple(labels), text, country))
    return tuple(areas)


def _inside(box: Rect, chart: Chart) -> bool:
    return box[0] >= 4 and box[1] >= 4 and box[2] <= chart.width - 4 and box[3] <= chart.height - 4


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


# -- the site's maps ----------------------------------------------------------------

STATUS_NAMES = {"planned": "Planned", "running": "Running", "completed": "Completed"}


def cluster_town(cluster: Cluster) -> str | None:
    """Where the map puts a cluster: the town of its office. A cluster with several offices and no `town`
    (CLEAN: no source names its head office) is not placed at one of them: it has no marker."""
    return cluster.town


def cluster_map(content: Content) -> MapView:
    """Matchpoint's map: every cluster with a town, a link to its profile; former clusters marked apart."""
    clusters = content.clusters
    pins = [
        Pin(
            c.name,
            c.url,
            town,
            c.country,
            note=None if c.active else c.status,
            kind="cluster" if c.active else "former",
        )
        for c in clusters
        if (town := cluster_town(c))
    ]
    shown = sum(1 for p in pins if content.places.find(p.town, p.country))
    legend = [LegendItem("cluster", "Cluster")]
    if any(p.kind == "former" for p in pins):
        legend.append(LegendItem("former", "Merged or renamed"))
    return town_map(
        content,
        pins,
        id="cluster-map",
        kind="clusters",
        title="Map of the clusters",
        summary=f"{shown} of the {len(clusters)} clusters are on the map, at the town of their (first) office; "
        "the list has them all.",
        legend=legend,
        collapsible=True,
        country_filter="matchpoint/",
    )


def lab_map(content: Content) -> MapView:
    """The living labs at their cities, each a link to its page, its status in its marker and its name."""
    labs = content.livinglabs
    pins = [Pin(lab.title, lab.url, lab.city, lab.country, note=lab.status, kind=f"lab-{lab.status}") for lab in labs]
    statuses = [s for s in STATUS_NAMES if any(lab.status == s for lab in labs)]
    countries = len({lab.country for lab in labs})
    return town_map(
        content,
        pins,
        id="lab-map",
        kind="labs",
        title="Map of the living labs",
        summary=f"{len(labs)} living lab{'s' if len(labs) != 1 else ''} in {countries} "
        f"countr{'ies' if countries != 1 else 'y'}.",
        legend=[LegendItem(f"lab-{s}", STATUS_NAMES[s]) for s in statuses],
    )


def partner_map(content: Content) -> MapView:
    """The home page's map: the project partners at their towns, each a link to its entry on the About page."""
    partners = content.partners
    pins = [
        Pin(
            p.name,
            f"about/#partner-{p.id}",
            p.town,
            p.country,
            note="lead partner" if p.lead else None,
            kind="lead" if p.lead else "partner",
        )
        for p in partners
        if p.town
    ]
    shown = sum(1 for p in pins if content.places.find(p.town, p.country))
    legend = (
        [LegendItem("lead", "Lead partner"), LegendItem("partner", "Partner")]
        if any(p.lead for p in partners)
        else [LegendItem("partner", "Partner")]
    )
    return town_map(
        content,
        pins,
        id="partner-map",
        kind="partners",
        title="Map of the project partners",
        summary=f"{shown} of the {len(partners)} partners are on the map, at their towns; the list names them all.",
        legend=legend,
    )
