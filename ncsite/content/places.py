"""Where things are: the towns of data/places.yaml and the coastlines of data/northsea-map.json.

Every town a map shows (a cluster's `town`, a living lab's `city`, a partner's
`town`) is looked up here by its name and country; a town that is not listed is
a content problem, never a silently missing marker. The coordinates are
committed data with their source (GeoNames, found with scripts/places.py), so
the build needs no network and no gazetteer package.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import fields as F
from .countries import COUNTRIES

PLACES_FILE = "places.yaml"
BASEMAP_FILE = "northsea-map.json"
HELPER = "python3 scripts/places.py"


class Degrees(F.Kind):
    """A latitude or longitude in decimal degrees."""

    def __init__(self, axis: str, limit: float):
        self.axis, self.limit = axis, limit

    def check(self, value: object, ctx: F.Context) -> float | F.Invalid:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return ctx.fail(
                f"expected the {self.axis} in decimal degrees, found {F.describe(value)}",
                f"write a number such as {'54.788' if self.axis == 'latitude' else '9.437'}, "
                "without °, N or E (west and south are negative)",
            )
        if abs(value) > self.limit:
            return ctx.fail(f"{value} is not a {self.axis}", f"write a number from -{self.limit:g} to {self.limit:g}")
        return float(value)

    def schema(self) -> F.Schema:
        return {"type": "number", "minimum": -self.limit, "maximum": self.limit}


@dataclass(frozen=True)
class Place:
    """A town on the maps (data/places.yaml), declared field by field."""

    town: str = F.declared(F.Text(), "the town's name as content writes it, e.g. Flensburg", required=True)
    country: str = F.declared(F.Country(), "the two-letter country code, e.g. DE", required=True)
    lat: float = F.declared(
        Degrees("latitude", 90), "latitude in decimal degrees, north positive, e.g. 54.788", required=True
    )
    lon: float = F.declared(
        Degrees("longitude", 180), "longitude in decimal degrees, east positive, e.g. 9.437", required=True
    )
    source: str = F.declared(F.Text(), 'where the coordinates come from, e.g. "GeoNames 2926271"', required=True)
    aliases: tuple[str, ...] = F.declared(
        F.ListOf(F.Text()), "other spellings content may use, e.g. Göteborg for Gothenburg", default=()
    )

    @property
    def country_name(self) -> str:
        return COUNTRIES[self.country]

    @property
    def key(self) -> tuple[str, str]:
        return _key(self.town, self.country)


PLACE = F.record_of(Place)  # data/places.yaml's entries


def _key(town: str, country: str) -> tuple[str, str]:
    return (" ".join(town.split()).casefold(), country)


class Gazetteer:
    """The places by town name (or alias) and country."""

    def __init__(self, places: Iterable[Place] = ()):
        self.places = tuple(places)
        self._index: dict[tuple[str, str], Place] = {}
        for place in self.places:
            for name in (place.town, *place.aliases):
                self._index.setdefault(_key(name, place.country), place)

    def find(self, town: str, country: str) -> Place | None:
        return self._index.get(_key(town, country))

    def missing(self, town: str, country: str, file: str) -> tuple[str, str]:
        """The message and fix for a town that is not listed."""
        names = [name for place in self.places if place.country == country for name in (place.town, *place.aliases)]
        guess = F.did_you_mean(town, names, cutoff=0.75)
        hint = f'did you mean "{guess}"? ' if guess else ""
        hint += (
            f'add "{town}" to data/{PLACES_FILE} with its country, lat, lon and source '
            f'(`{HELPER} "{town}" {country}` prints the entry to copy)'
        )
        return f'the map has no position for "{town}" ({COUNTRIES.get(country, country)})', hint


# -- the coastlines ----------------------------------------------------------------

Shape = tuple[tuple[float, float], ...]  # (lon, lat) points


@dataclass(frozen=True)
class Basemap:
    """Land and borders in degrees, as committed in data/northsea-map.json."""

    land: tuple[Shape, ...]
    borders: tuple[Shape, ...]
    bounds: tuple[float, float, float, float]  # west, south, east, north
    source: str

    def covers(self, lon: float, lat: float) -> bool:
        west, south, east, north = self.bounds
        return west <= lon <= east and south <= lat <= north


def parse_basemap(text: str) -> Basemap | str:
    """The basemap, or what is wrong with the file (it is made by scripts/northsea-map.py, not by hand)."""
    try:
        data = json.loads(text)
    except ValueError as err:
        return f"the file is not valid JSON ({err})"
    if not isinstance(data, dict):
        return "the file must hold one JSON object"
    try:
        bounds = tuple(float(v) for v in data["bounds"])
        if len(bounds) != 4:
            raise ValueError
        land = tuple(_shape(s) for s in data["land"])
        borders = tuple(_shape(s) for s in data["borders"])
    except (KeyError, TypeError, ValueError):
        return 'the file must have "bounds" (4 numbers), "land" and "borders" (lists of [lon, lat] lists)'
    return Basemap(land, borders, (bounds[0], bounds[1], bounds[2], bounds[3]), str(data.get("source", "")))


def _shape(points: Any) -> Shape:
    out = tuple((float(p[0]), float(p[1])) for p in points)
    if any(len(p) != 2 for p in points):
        raise ValueError
    return out
