"""The maps' pure core: projection, geometry, places, grouping and labels (no MkDocs)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from ncsite import Sources, load_content
from ncsite.content.models import Content
from ncsite.content.places import Basemap, Gazetteer, Place, parse_basemap
from ncsite.outputs import geo, maps

ROOT = Path(__file__).resolve().parents[2]


def test_projection_is_centred_equal_area_and_keeps_distances_near_the_centre():
    assert geo.project(*geo.CENTRE) == pytest.approx((0.0, 0.0), abs=1e-9)
    x, y = geo.project(geo.CENTRE[0], geo.CENTRE[1] + 1)
    assert x == pytest.approx(0, abs=1e-9) and y == pytest.approx(111.2, abs=0.5)  # one degree of latitude
    # Equal area: a 1°x1° cell near Oslo keeps its true area on the sphere (about 6,200 km²).
    corners = [geo.project(lon, lat) for lon, lat in ((10, 59), (11, 59), (11, 60), (10, 60))]
    true = (geo.EARTH_RADIUS_KM**2) * math.radians(1) * (math.sin(math.radians(60)) - math.sin(math.radians(59)))
    assert geo.ring_area(corners) == pytest.approx(true, rel=0.01)
    # East is right, north is up: Copenhagen lies east and south of Oslo.
    oslo, copenhagen = geo.project(10.739, 59.913), geo.project(12.566, 55.676)
    assert copenhagen[0] > oslo[0] and copenhagen[1] < oslo[1]
    assert math.dist(oslo, copenhagen) == pytest.approx(483, rel=0.02)


def test_simplify_keeps_the_ends_and_the_corners_only():
    line = [(0, 0), (1, 0.1), (2, -0.1), (3, 0), (3, 5), (3.1, 6), (3, 10)]
    assert geo.simplify(line, 0.5) == [(0, 0), (3, 0), (3, 10)]
    assert geo.simplify(line, 0.05) == line


def test_clip_ring_cuts_at_the_rectangle_and_clip_line_keeps_touching_runs():
    square = [(-5, -5), (5, -5), (5, 5), (-5, 5)]
    clipped = geo.clip_ring(square, (0, 0, 10, 10))
    assert geo.ring_area(clipped) == pytest.approx(25)
    assert geo.clip_ring([(20, 20), (30, 20), (30, 30)], (0, 0, 10, 10)) == []
    runs = geo.clip_line([(-20, 5), (-10, 5), (5, 5), (15, 5), (30, 5), (5, 8), (6, 8)], (0, 0, 10, 10))
    assert runs == [[(-10, 5), (5, 5), (15, 5)], [(30, 5), (5, 8), (6, 8)]]


def test_path_data_is_relative_whole_units_without_repeats():
    assert (
        geo.path_data([[(0.2, 0.4), (10.4, 0), (10, 10.2), (10.1, 9.9), (0, 10)]], closed=True)
        == "M0 0l10 0 0 10-10 0z"
    )
    assert geo.path_data([[(0, 0), (0.3, 0.2)]], closed=False) == ""  # nothing left to draw
    assert geo.path_data([[(5, 5), (2, 1)]], closed=False) == "M5 5l-3-4"


def test_basemap_file_is_checked():
    assert isinstance(parse_basemap("{"), str)
    assert isinstance(parse_basemap('{"bounds": [1, 2, 3], "land": [], "borders": []}'), str)
    assert isinstance(parse_basemap('{"bounds": [0, 0, 1, 1], "land": [[[1, 2, 3]]], "borders": []}'), str)
    ok = parse_basemap('{"bounds": [0, 40, 20, 60], "land": [[[1, 50], [2, 50], [2, 51]]], "borders": []}')
    assert isinstance(ok, Basemap) and ok.covers(1, 50) and not ok.covers(25, 50)


def test_gazetteer_finds_towns_by_name_alias_and_country_and_suggests_the_nearest():
    gaz = Gazetteer([Place("Gothenburg", "SE", 57.707, 11.967, "GeoNames 2711537", ("Göteborg",))])
    assert gaz.find("gothenburg", "SE") is gaz.find("Göteborg", "SE") is gaz.places[0]
    assert gaz.find("Gothenburg", "DK") is None
    message, hint = gaz.missing("Gotenburg", "SE", "x")
    assert message == 'the map has no position for "Gotenburg" (Sweden)'
    assert hint.startswith('did you mean "Gothenburg"?') and "scripts/places.py" in hint


def _content(*places: Place) -> Content:
    return Content(places=Gazetteer(places), basemap=None)


ODENSE = Place("Odense", "DK", 55.396, 10.389, "test")
KOLDING = Place("Kolding", "DK", 55.490, 9.472, "test")


def test_pins_in_one_town_are_grouped_each_reachable_and_apart():
    pins = [maps.Pin(f"Cluster {n}", f"matchpoint/c{n}/", "Odense", "DK") for n in range(7)]
    pins.append(maps.Pin("Elsewhere", "matchpoint/e/", "Nowhere", "DK"))  # no place: left out (the loader reports it)
    view = maps.town_map(_content(ODENSE), pins, id="m", kind="clusters", title="t", summary="s")
    assert [t.place.town for t in view.towns] == ["Odense"]
    markers = view.towns[0].markers
    assert [m.pin.href for m in markers] == [f"matchpoint/c{n}/" for n in range(7)]
    assert markers[0].label == "Cluster 0, Odense, Denmark"
    offsets = [(m.dx, m.dy) for m in markers]
    assert min(math.dist(a, b) for i, a in enumerate(offsets) for b in offsets[i + 1 :]) >= 2 * maps.DOT
    centre = (sum(x for x, _ in offsets) / 7, sum(y for _, y in offsets) / 7)
    assert centre == pytest.approx((0, 0), abs=0.2)


def test_labels_do_not_overlap_and_every_mode_is_placed_or_left_out():
    towns = [
        ODENSE,
        KOLDING,
        Place("Middelfart", "DK", 55.506, 9.731, "test"),
        Place("Fredericia", "DK", 55.566, 9.753, "test"),
    ]
    pins = [maps.Pin(p.town, f"x/{p.town}/", p.town, "DK", note="completed") for p in towns]
    view = maps.town_map(_content(*towns), pins, id="m", kind="labs", title="t", summary="s")
    assert view.towns[0].markers[0].label.endswith("(completed)")
    for mode in maps.MODES:
        boxes = []
        for town in view.towns:
            for name, label in town.labels:
                if name == mode.name:
                    w = maps.text_width(label.text, label.size)
                    x0 = town.x + label.x - {"start": 0, "middle": w / 2, "end": w}[label.anchor]
                    boxes.append((x0, town.y + label.y - label.size * 0.8, x0 + w, town.y + label.y + label.size * 0.2))
        assert boxes, mode.name
        assert not any(maps._overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    # Four towns within 40 km: moved apart a little so that their pins do not blot together on a
    # phone, but never more than NUDGE from where they are.
    for town, place in zip(sorted(view.towns, key=lambda t: t.place.town), sorted(towns, key=lambda p: p.town)):
        x, y = view.chart.at(place.lon, place.lat)
        assert math.hypot(town.x - x, town.y - y) <= maps.NUDGE + 0.1, place.town


def test_the_real_chart_frames_the_north_sea_and_every_place():
    content, problems = load_content(Sources(ROOT))
    assert problems == []
    assert content.basemap is not None and len(content.basemap.land) > 20
    chart = maps.chart_of(content)
    assert chart is maps.chart_of(content)  # once per build
    assert 1000 < chart.width < 2000 and 1000 < chart.height < 2000
    for place in content.places.places:
        x, y = chart.at(place.lon, place.lat)
        assert maps.MARGIN - 1 <= x <= chart.width - maps.MARGIN + 1
        assert maps.MARGIN - 1 <= y <= chart.height - maps.MARGIN + 1
    assert chart.land.count("M") > 20 and chart.borders.count("M") >= 5
    # The whole drawing fits the page budget many times over (the gzipped page adds a few kB).
    assert len(chart.land) + len(chart.borders) < 40_000


def test_every_cluster_lab_and_partner_town_of_the_real_content_is_on_its_map():
    content, _ = load_content(Sources(ROOT))
    views = {
        "clusters": maps.cluster_map(content),
        "labs": maps.lab_map(content),
        "partners": maps.partner_map(content),
    }
    expected = {
        "clusters": {c.url for c in content.clusters if c.town},  # offices alone say no head office
        "labs": {lab.url for lab in content.livinglabs},
        "partners": {f"about/#partner-{p.id}" for p in content.partners if p.town},
    }
    for kind, view in views.items():
        assert {m.pin.href for t in view.towns for m in t.markers} == expected[kind], kind
        assert expected[kind], kind


def test_no_two_towns_blot_together_on_a_phone_and_a_town_of_several_pins_says_how_many():
    """Oslo and Lillestrøm drew one blot on the phone map; Hamburg's three partners had one plain label."""
    content, _ = load_content(Sources(ROOT))
    for view in (maps.cluster_map(content), maps.lab_map(content), maps.partner_map(content)):
        towns = list(view.towns)
        for i, a in enumerate(towns):
            for b in towns[i + 1 :]:
                gap = math.hypot(a.x - b.x, a.y - b.y)
                reach = (maps._reach(a) + maps._reach(b)) * maps.NARROW.pin_scale
                assert gap >= reach, (view.id, a.place.town, b.place.town)
            for _, label in a.labels:
                if len(a.markers) > 1:
                    assert label.text == f"{a.place.town} ({len(a.markers)})", (view.id, label.text)
                else:
                    assert label.text == a.place.town
    hamburg = [t for t in maps.partner_map(content).towns if t.place.town == "Hamburg"]
    assert hamburg and len(hamburg[0].markers) == 3
