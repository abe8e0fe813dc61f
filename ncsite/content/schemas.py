"""JSON Schemas for editors, generated from the field specs in fields.py.

`ncsite schemas` writes them to schemas/; a test fails when the
committed files differ from what this module generates, so the schemas and
the checks of `make check` cannot drift apart.

A schema catches what one file alone shows: unknown or missing fields, values
of the wrong kind, unknown countries, time zones and choices, dates in a wrong
form. What needs more than one file (a cluster id named in an event, ids used
twice, a file name that must match a date) only `make check` can see. Topic
and cluster ids are therefore checked as lowercase ids, not against a list:
partners add topics to data/topics.yaml in a pull request, and a list copied
into the schemas would go stale with every new topic.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import fields as F
from .examples import Samples, read_templates
from .models import CLUSTER, EVENT, LIVINGLAB, NEWSLETTER, PARTNER, TOPIC
from .places import PLACE

PROJECT = Path(__file__).resolve().parents[2]  # the templates' samples are refused as values (templates/)
DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schemas"

# Which files each schema describes (paths relative to the project root).
TARGETS = {
    "event.schema.json": "content/events/*.md",
    "livinglab.schema.json": "content/livinglabs/*.md",
    "newsletter.schema.json": "content/newsletter/*.md",
    "clusters.schema.json": "data/clusters.yaml",
    "topics.schema.json": "data/topics.yaml",
    "places.schema.json": "data/places.yaml",
    "partners.schema.json": "data/partners.yaml",
}


def _document(title: str, description: str, body: F.Schema) -> F.Schema:
    return {"$schema": DRAFT, "title": title, "description": description, **body}


def _list_file(key: str, spec: F.Record, entry: str) -> F.Schema:
    """A data file holding one key with a list of entries."""
    return {
        "type": "object",
        "properties": {
            key: {"title": key, "description": f"one entry per {entry}", "type": "array", "items": spec.schema()}
        },
        "required": [key],
        "additionalProperties": False,
    }


def _without_samples(schema: F.Schema, spec: F.Record, samples: Samples, prefix: str = "") -> F.Schema:
    """The record's schema refusing, field by field, the exact sample values of its template."""
    for path, examples in samples.for_spec(spec).items():
        node = schema
        for part in path.removeprefix(prefix).split("."):
            node = node["properties"][part]
        if "items" in node:
            node = node["items"]
        node["not"] = {"enum": sorted({e.text for e in examples})}
    return schema


# make check's contact_only_with_consent, as an editor can show it: without `contact_public: true`,
# a contact holds no name, e-mail or phone (the repository is public).
CONSENT: F.Schema = {
    "if": {"not": {"properties": {"contact_public": {"const": True}}, "required": ["contact_public"]}},
    "then": {
        "properties": {
            "contact": {
                "description": "without contact_public: true, no person's name, e-mail or phone: the repository is public",
                "properties": {part: {"type": "null"} for part in ("name", "email", "phone")},
            }
        }
    },
}


def schemas(root: Path = PROJECT) -> dict[str, F.Schema]:
    """Every schema by file name under schemas/."""
    samples = read_templates(root / "templates")
    clusters = _list_file("clusters", CLUSTER, "cluster organisation")
    _without_samples(clusters["properties"]["clusters"]["items"], CLUSTER, samples, "clusters.")
    clusters["properties"]["clusters"]["items"].update(CONSENT)
    return {
        "event.schema.json": _document(
            "Event", "Front matter of content/events/<slug>.md", _without_samples(EVENT.schema(), EVENT, samples)
        ),
        "livinglab.schema.json": _document(
            "Living lab",
            "Front matter of content/livinglabs/<slug>.md",
            _without_samples(LIVINGLAB.schema(), LIVINGLAB, samples),
        ),
        "newsletter.schema.json": _document(
            "Newsletter issue",
            "Front matter of content/newsletter/<YYYY-MM-DD>-<slug>.md",
            _without_samples(NEWSLETTER.schema(), NEWSLETTER, samples),
        ),
        "clusters.schema.json": _document(
            "Clusters", "data/clusters.yaml: the cluster organisations shown in Matchpoint", clusters
        ),
        "topics.schema.json": _document(
            "Topics", "data/topics.yaml: the shared topic vocabulary", _list_file("topics", TOPIC, "topic")
        ),
        "places.schema.json": _document(
            "Places", "data/places.yaml: where the towns on the maps are", _list_file("places", PLACE, "town")
        ),
        "partners.schema.json": _document(
            "Partners",
            "data/partners.yaml: the project partners of Northern Connections",
            _list_file("partners", PARTNER, "project partner"),
        ),
    }


def render(schema: F.Schema) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def stale(root: Path) -> list[str]:
    """Names of the schema files under root/schemas that are missing or differ from the generated ones."""
    folder = root / FOLDER
    return [
        name
        for name, schema in schemas(root).items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != render(schema)
    ]


def write(root: Path) -> list[Path]:
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for name, schema in schemas(root).items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
