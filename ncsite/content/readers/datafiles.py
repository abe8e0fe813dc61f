"""One reader per file of data/: the maps' coastlines, the towns on the maps, the topics,
Matchpoint's clusters and the project partners; and how a list of entries is read."""

from __future__ import annotations

from typing import Any

from .. import fields as F
from ..models import CLUSTER, PARTNER, TOPIC, Cluster, Contact, Partner, Topic
from ..places import BASEMAP_FILE, PLACE, PLACES_FILE, Basemap, Gazetteer, Place, parse_basemap
from ..territory import in_country
from ..yamlsrc import LineDict, LineList
from .base import DataReader
from .reading import TEMPLATE_HINT


class EntriesReader(DataReader):
    """A data file `{key: [ {...}, ... ]}`: its valid entries with their raw YAML, ids unique."""

    key: str  # the file's one top-level field
    spec: F.Record

    def entries(self) -> list[tuple[dict[str, Any], LineDict]]:
        items = self._items()
        if items is None:
            return []
        seen: dict[str, int] = {}
        out = []
        ctx = self.reading.ctx(self.rel, self.spec)
        for index, raw in enumerate(items):
            line = items.line_of(index) if isinstance(items, LineList) else None
            label = next(
                (raw[k] for k in ("id", "town") if isinstance(raw, dict) and isinstance(raw.get(k), str)),
                str(index + 1),
            )
            clean = self.spec.check(raw, ctx.at(f"{self.key}[{label}]", line))
            if isinstance(raw, LineDict) and isinstance(raw.get("id"), str) and not self._unique(raw, seen):
                continue
            if clean is not F.INVALID:
                out.append((clean, raw))
        return out

    def _items(self) -> list[Any] | None:
        """The list under the top-level key, or None (the problem reported)."""
        data = self.reading.yaml_file(self.path)
        if data is None:
            if self.path.exists():
                self.reading.unreadable.add(self.key)
            return None
        if not isinstance(data, LineDict) or self.key not in data:
            self.reading.unreadable.add(self.key)
            self.reading.problem(
                self.rel,
                f'the file must start with "{self.key}:" followed by a list of entries',
                f"see the example at the top of {TEMPLATE_HINT.split(' from ')[-1]}",
                line=1,
            )
            return None
        for other in data:
            if other != self.key:
                self.reading.problem(
                    self.rel,
                    f'unknown top-level field "{other}"',
                    f'put every entry under "{self.key}:"',
                    field=other,
                    line=data.line_of(other),
                )
        items = data[self.key]
        if not isinstance(items, list):
            self.reading.unreadable.add(self.key)
            self.reading.problem(
                self.rel,
                f"expected a list of entries, found {F.describe(items)}",
                "start each entry with '- id: ...'",
                field=self.key,
                line=data.line_of(self.key),
            )
            return None
        return items

    def _unique(self, raw: LineDict, seen: dict[str, int]) -> bool:
        """Whether the entry's id is the first of its name (every id counts as declared)."""
        ident = raw["id"]
        self.reading.declared.setdefault(self.key, set()).add(ident)
        if ident in seen:
            self.reading.problem(
                self.rel,
                f'the id "{ident}" is used twice (first on line {seen[ident]})',
                "ids must be unique: rename one of the two",
                field=f"{self.key}[{ident}].id",
                line=raw.line_of("id"),
            )
            return False
        seen[ident] = raw.line_of("id")
        return True


class BasemapReader(DataReader):
    """data/northsea-map.json, made by scripts/northsea-map.py (a test checks the real one is there)."""

    file = BASEMAP_FILE
    field = "basemap"

    def read(self) -> None:
        if not self.path.is_file():
            return  # optional, like the other data files: the maps then show the sea and the markers only
        text = self.reading.read_text(self.path)
        parsed = parse_basemap(text) if text is not None else None
        if isinstance(parsed, str):
            self.reading.problem(
                self.rel,
                parsed,
                "this file is made by scripts/northsea-map.py: restore it from git or "
                "regenerate it, do not edit it by hand",
            )
            return
        self.reading.basemap = parsed

    def result(self) -> Basemap | None:
        return self.reading.basemap


class PlacesReader(EntriesReader):
    """data/places.yaml: where each town on the maps is (read before everything that names a town)."""

    file, key, spec, field = PLACES_FILE, "places", PLACE, "places"

    def read(self) -> None:
        places = []
        seen: dict[tuple[str, str], int | None] = {}
        basemap = self.reading.basemap
        for clean, raw in self.entries():
            place = Place(**clean)
            label = f"places[{place.town}]"
            if place.key in seen:
                self.reading.problem(
                    self.rel,
                    f'"{place.town}" ({place.country}) is listed twice (first on line {seen[place.key]})',
                    "keep one entry per town and country",
                    field=label,
                    line=raw.line,
                )
                continue
            seen[place.key] = raw.line
            if basemap and not basemap.covers(place.lon, place.lat):
                west, south, east, north = basemap.bounds
                self.reading.problem(
                    self.rel,
                    f"lat {place.lat}, lon {place.lon} is outside the area the maps show "
                    f"(latitude {south:g} to {north:g}, longitude {west:g} to {east:g})",
                    "check the numbers (lat is north, lon is east; west of Greenwich is negative)",
                    field=label,
                    line=raw.line,
                )
                continue
            if in_country(place.country, place.lat, place.lon) is False:
                self.reading.problem(
                    self.rel,
                    f"lat {place.lat}, lon {place.lon} is not in {place.country_name} ({place.country})",
                    'copy the coordinates again (CONTRIBUTING.md, "Towns on the maps"): lat is the first '
                    "number (north), lon the second (east; west of Greenwich negative); or correct the country",
                    field=label,
                    line=raw.line,
                )
                continue
            places.append(place)
        self.reading.gazetteer = Gazetteer(places)

    def result(self) -> Gazetteer:
        return self.reading.gazetteer


class TopicsReader(EntriesReader):
    """data/topics.yaml: the shared topic vocabulary."""

    file, key, spec, field, refers = "topics.yaml", "topics", TOPIC, "topics", "topic"

    def read(self) -> None:
        self.topics = [Topic(**entry) for entry, _ in self.entries()]

    def result(self) -> tuple[Topic, ...]:
        return tuple(self.topics)

    def ids(self) -> set[str]:
        return {t.id for t in self.topics} | self.reading.declared["topics"]

    def names(self) -> list[tuple[str, str]]:
        return [(t.label, t.id) for t in self.topics]


class ClustersReader(EntriesReader):
    """data/clusters.yaml: Matchpoint's clusters."""

    file, key, spec, field, refers = "clusters.yaml", "clusters", CLUSTER, "clusters", "cluster"

    def read(self) -> None:
        self.clusters = [cluster for clean, raw in self.entries() if (cluster := self.cluster(clean, raw))]
        self.reading.valid_ids["cluster"] = {c.id for c in self.clusters}

    def cluster(self, clean: dict[str, Any], raw: LineDict) -> Cluster | None:
        for records in self.reading.paths.records:  # the id is the address of the cluster's page
            reserved = (
                self.reading.paths.reserved_in(records.section).get(clean["id"]) if records.kind == "cluster" else None
            )
            if reserved is not None:
                self.reading.problem(
                    self.rel,
                    f'the id "{clean["id"]}" is taken by the site ({reserved.why})',
                    f'choose another id, e.g. "{clean["id"]}-cluster" or the organisation\'s short name',
                    field=f"clusters[{clean['id']}].id",
                    line=raw.line_of("id"),
                )
                return None
        contact = clean.pop("contact", None)
        logo = clean.get("logo")
        docs_dir = self.reading.sources.docs_dir
        if logo and not (self.reading.docs / logo).is_file():
            self.reading.problem(
                self.rel,
                f'no image "{logo}" under {docs_dir}/ for the logo',
                f"upload the logo into {docs_dir}/ (for example {docs_dir}/matchpoint/) and write its path "
                f"from {docs_dir}/, e.g. matchpoint/{clean['id']}-logo.png; or delete the logo line",
                field=f"clusters[{clean['id']}].logo",
                line=raw.line_of("logo"),
            )
            return None
        if clean.get("town"):
            field = f"clusters[{clean['id']}].town"
            self.reading.locate(self.rel, clean["town"], clean["country"], field, raw.line_of("town"))
        elif clean.get("offices"):  # the map shows a cluster without a town at its first office, like its card
            field = f"clusters[{clean['id']}].offices[1]"
            self.reading.locate(self.rel, clean["offices"][0], clean["country"], field, raw.line_of("offices"))
        return Cluster(line=raw.line, contact=Contact(**contact) if contact else None, **clean)

    def result(self) -> tuple[Cluster, ...]:
        return tuple(sorted(self.clusters, key=lambda c: c.name.casefold()))

    def ids(self) -> set[str]:
        return self.reading.valid_ids["cluster"] | self.reading.declared["clusters"]

    def names(self) -> list[tuple[str, str]]:
        return [(c.name, c.id) for c in self.clusters]


class PartnersReader(EntriesReader):
    """data/partners.yaml, optional: the project partners, in the file's order."""

    file, key, spec, field = "partners.yaml", "partners", PARTNER, "partners"

    def read(self) -> None:
        self.partners: list[Partner] = []
        first_lead = None
        for clean, raw in self.entries():
            partner = Partner(line=raw.line, **clean)
            if partner.town:
                field = f"partners[{partner.id}].town"
                self.reading.locate(self.rel, partner.town, partner.country, field, raw.line_of("town"))
            if partner.lead and first_lead:
                self.reading.problem(
                    self.rel,
                    f'"{partner.name}" is a second lead partner (the first is "{first_lead.name}")',
                    "a project has one lead partner: remove 'lead: true' from all but one entry",
                    field=f"partners[{partner.id}].lead",
                    line=raw.line_of("lead"),
                )
            first_lead = first_lead or (partner if partner.lead else None)
            self.partners.append(partner)

    def result(self) -> tuple[Partner, ...]:
        return tuple(self.partners)
