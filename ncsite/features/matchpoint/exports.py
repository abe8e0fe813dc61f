"""Matchpoint's exports, `matchpoint/clusters.json` and `matchpoint/clusters.csv`, made from the
public view: every field the declaration (`models.Cluster`) publishes with `exports`, plus the
cluster's address, its country's name and its predecessors; a field left empty is left out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import Any

from ncsite.content.fields import Record, declarations, public_fields
from ncsite.content.models import Cluster, Contact, Topic
from ncsite.content.text import unlinked
from ncsite.outputs.jsonfile import json_list

from .public import ClusterLink, PublicCluster

# Made by the public view, published beside the declared fields.
MADE = ("url", "country_name", "predecessors")

# The order of the keys of clusters.json and of the columns of clusters.csv, as first published
# (spreadsheets find columns by position; JSON objects are unordered, kept so the file changes
# only with the data). What they hold comes from the declaration: a field not named here follows
# these, in the declaration's order; a name here that the declaration no longer publishes is dropped.
JSON_ORDER = (
    *("id", "name", "url", "country", "country_name", "short_name", "town", "region", "address", "website"),
    *("founded", "founded_note", "members", "members_year", "members_note", "industry", "focus", "project"),
    *("nc_role", "former_names", "offices", "services", "source", "topics", "looking_for", "status"),
    *("status_date", "successor", "predecessors", "as_of", "contact"),
)
CSV_ORDER = (
    *("id", "name", "url", "country", "country_name", "region", "address", "website", "founded", "founded_note"),
    *("members", "members_note", "industry", "focus", "services", "topics", "looking_for", "contact"),
    *("short_name", "former_names", "town", "offices", "members_year", "project", "nc_role", "status"),
    *("status_date", "successor", "predecessors", "source", "as_of"),
)


def exported() -> list[str]:
    """The names the exports carry, in the declaration's order, the made ones first."""
    return [*MADE, *(name for name, public in public_fields(Cluster).items() if public.exports)]


def _ordered(order: tuple[str, ...]) -> list[str]:
    names = exported()
    return [name for name in order if name in names] + [name for name in names if name not in order]


def _plain(value: Any) -> Any:
    """A published value as JSON: a topic or a linked cluster by its id, a person as their given details."""
    if isinstance(value, (Topic, ClusterLink)):
        return value.id
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Contact):
        return {f.name: getattr(value, f.name) for f in fields(value) if getattr(value, f.name) is not None}
    return value


def _values(profile: PublicCluster, absolute_url: str) -> dict[str, Any]:
    """The published values of a profile as the exports give them: its absolute address, and its
    sources as plain text (a linked title "[Title](https://...)" as "Title (https://...)")."""
    values = {**profile.values(), "url": absolute_url}
    if values.get("source"):
        values["source"] = tuple(unlinked(text) for text in values["source"])
    return values


def as_dict(profile: PublicCluster, absolute_url: str) -> dict[str, Any]:
    """The JSON form of one profile: plain values, topic ids, absent fields left out."""
    values = _values(profile, absolute_url)
    return {name: _plain(values[name]) for name in _ordered(JSON_ORDER) if values[name] not in (None, ())}


def clusters_json(profiles: Iterable[PublicCluster], absolute: Callable[[str], str]) -> bytes:
    """`matchpoint/clusters.json`: a list of public profiles; `absolute(path)` makes URLs absolute."""
    return json_list(as_dict(p, absolute(p.url)) for p in profiles)


def _cell(value: Any) -> Any:
    if isinstance(value, Topic):
        return value.label
    if isinstance(value, ClusterLink):
        return value.id
    return value


def _cells(name: str, value: Any) -> dict[str, Any]:
    """The columns of one published value: a list joined with "; ", topics by label, a person in columns of their own."""
    if isinstance(value, Contact):
        return {f"{name}_{k}": v for k, v in _plain(value).items()}
    if isinstance(value, tuple):
        return {name: "; ".join(str(_cell(item)) for item in value)}
    return {name: _cell(value)}


def columns() -> list[str]:
    """The header of clusters.csv: a person's details (the contact) take a column each."""
    out = []
    declared = declarations(Cluster)
    for name in _ordered(CSV_ORDER):
        block = declared[name].kind if name in declared else None
        if isinstance(block, Record):  # a block of fields (the contact person): a column for each
            out += [f"{name}_{field}" for field in block.fields]
        else:
            out.append(name)
    return out


def clusters_csv(profiles: Iterable[PublicCluster], absolute: Callable[[str], str]) -> bytes:
    """`matchpoint/clusters.csv`: one row per public profile; lists joined with "; ", topics as labels."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns(), lineterminator="\r\n")
    writer.writeheader()
    names = exported()
    for p in profiles:
        values = _values(p, absolute(p.url))
        row: dict[str, Any] = {}
        for name in names:
            if values[name] is not None:
                row.update(_cells(name, values[name]))
        writer.writerow({k: _spreadsheet_safe(v) for k, v in row.items()})
    # A byte-order mark, so that spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _spreadsheet_safe(value: object) -> object:
    """Text a spreadsheet could run as a formula gets a leading apostrophe (shown as text, the apostrophe hidden).

    Every cell starting with =, +, -, @, tab or return (OWASP's rule): "-2+3+cmd|..." starts like a
    number and is a formula all the same, so no exception is made for phone numbers or amounts.
    """
    if not isinstance(value, str):
        return value
    risky = value[:1] in ("=", "+", "-", "@", "\t", "\r")
    return "'" + value if risky else value
