"""The content contract's parts: the kinds of value, the rules across fields, and how a record
is declared.

Each field has a name, a kind and a plain-words help text. The kinds check a
raw YAML value and return a clean Python value, or record a Problem and return
INVALID. Every kind of record (an event, a living lab, a newsletter issue, a
cluster, a topic, a partner, a place) is declared once, as its model's dataclass
(`declared`, in models.py and places.py); its spec (`record_of`: the checks and the
JSON Schema editors use) is made from that declaration, which for a cluster also
says what of it the site publishes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import importlib.resources
import re
import zoneinfo
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from dataclasses import fields as dataclass_fields
from functools import cached_property
from typing import Any, Final, Literal, TypeAlias
from urllib.parse import urlsplit

from .countries import COUNTRIES
from .dates import DAY, FORM_TEXT, MONTH, TIME, When, parse_when
from .problems import Problem
from .text import slug_hint
from .yamlsrc import LineDict, LineList
from .zones import advice as zone_advice


class Invalid(enum.Enum):
    """The one value of a check that failed (a member of an enum, so that `is INVALID` narrows types)."""

    INVALID = "INVALID"

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = Invalid.INVALID

Schema: TypeAlias = dict[str, Any]  # a JSON Schema (fragment), as json.dumps writes it

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL = re.compile(r"""^[^@\s<>"']+@[^@\s<>"']+\.[A-Za-z]{2,}$""")  # also a valid JavaScript regex (schemas)


def did_you_mean(value: str, choices: Iterable[object], cutoff: float = 0.6) -> str | None:
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=cutoff)
    return close[0] if close else None


def describe(value: object) -> str:
    """How a partner would name the YAML value they wrote."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f'the text "{value}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    return type(value).__name__


@dataclass(frozen=True)
class Reference:
    """A mention of an id defined elsewhere, resolved once everything is loaded."""

    kind: str  # "cluster", "topic" or "livinglab"
    id: str
    file: str
    field: str
    line: int | None
    id_form: bool = True  # False: not written as an id (a label or name, say); reported with the id to write


@dataclass(frozen=True)
class Example:
    """A template's sample value for one field: a partner must replace it before publishing."""

    text: str  # as the template writes it
    hint: str

    @property
    def lines(self) -> frozenset[str]:
        return _lines(self.text)


def _lines(value: object) -> frozenset[str]:
    return frozenset(" ".join(line.split()).casefold() for line in str(value).splitlines() if line.strip())


@dataclass
class Context:
    """Where a value sits, and where to put what is wrong with it."""

    file: str
    problems: list[Problem]
    references: list[Reference]
    field: str = ""
    line: int | None = None
    # Template sample values by field path without list positions ("organisers", "clusters.address").
    examples: dict[str, list[Example]] = dataclass_field(default_factory=dict)
    today: dt.date | None = None  # the build's date, for what cannot be in the future
    record: Mapping[str, Any] | None = None  # the raw fields of the file or block the value is in

    def at(self, field: str, line: int | None) -> Context:
        # A copy of every attribute but the place: ~20,000 calls for 1,000 events, where
        # dataclasses.replace (which reads the fields each time) was a fifth of the checks.
        sub = object.__new__(Context)
        sub.__dict__.update(self.__dict__, field=field, line=line)
        return sub

    def example(self, value: object) -> Example | None:
        """The template sample this value still holds (any of its lines), if any."""
        if not self.examples or isinstance(value, (dict, list, bool)) or value is None:
            return None
        for example in self.examples.get(re.sub(r"\[[^\]]*\]", "", self.field), ()):
            if _lines(value) & example.lines:
                return example
        return None

    def fail_example(self, example: Example) -> Invalid:
        shown = " ".join(example.text.split())
        return self.fail(f'still holds the template\'s example ("{shown}")', example.hint)

    def fail(self, message: str, hint: str | None = None) -> Invalid:
        self.problems.append(Problem(self.file, self.line, self.field or None, message, hint))
        return INVALID


class Kind:
    """How one field's value is checked and described."""

    # Whether a template's value of this kind is a sample to replace (free text, ids, dates),
    # not a default to keep (a choice, a country, true/false).
    takes_examples = False

    def check(self, value: object, ctx: Context) -> Any:
        raise NotImplementedError

    def schema(self) -> Schema:
        raise NotImplementedError


class Text(Kind):
    takes_examples = True

    def check(self, value: object, ctx: Context) -> str | Invalid:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return ctx.fail(
                f"expected text, found {describe(value)}",
                "write the value as plain text on the same line, in quotes if it contains a colon",
            )
        return str(value).strip()

    def schema(self) -> Schema:
        return {"type": ["string", "number"]}


class Choice(Kind):
    def __init__(self, values: tuple[str, ...]):
        self.values = values

    def check(self, value: object, ctx: Context) -> str | Invalid:
        if isinstance(value, str) and value in self.values:
            return value
        guess = did_you_mean(value, self.values) if isinstance(value, str) else None
        hint = f'did you mean "{guess}"? ' if guess else ""
        return ctx.fail(
            f"{describe(value)} is not one of the allowed values", f"{hint}use one of: {', '.join(self.values)}"
        )

    def schema(self) -> Schema:
        return {"enum": list(self.values)}


class Slug(Kind):
    takes_examples = True

    def check(self, value: object, ctx: Context) -> str | Invalid:
        if isinstance(value, str) and SLUG.match(value):
            return value
        suggestion = slug_hint(str(value), "my-cluster")
        return ctx.fail(
            f"{describe(value)} is not a valid id",
            f'use lowercase letters, digits and hyphens only, for example "{suggestion}"',
        )

    def schema(self) -> Schema:
        return {"type": "string", "pattern": SLUG.pattern}


class Url(Kind):
    hint = "write the full address, starting with https://"

    def check(self, value: object, ctx: Context) -> str | Invalid:
        if isinstance(value, str):
            parts = urlsplit(value.strip())
            if parts.scheme in ("http", "https") and "." in parts.netloc and " " not in value.strip():
                return value.strip()
        hint = self.hint
        if isinstance(value, str) and value.startswith("www."):
            hint = f'write "https://{value}"'
        return ctx.fail(f"{describe(value)} is not a web address", hint)

    def schema(self) -> Schema:
        return {"type": "string", "format": "uri", "pattern": "^https?://"}


class OnlineAddress(Url):
    """The address of an online or hybrid event, or `true` when it is online but its address is not known."""

    hint = "write the full address, starting with https://, or true if the event is online and its address is not known"

    # Url's result and True (online, address not known): wider than Url's, so mypy flags the override.
    def check(self, value: object, ctx: Context) -> str | Literal[True] | Invalid:  # type: ignore[override]
        if value is True:
            return True
        return super().check(value, ctx)

    def schema(self) -> Schema:
        return {"type": ["string", "boolean"], "format": "uri", "pattern": "^https?://", "not": {"const": False}}


class Email(Kind):
    def check(self, value: object, ctx: Context) -> str | Invalid:
        if isinstance(value, str) and EMAIL.match(value.strip()):
            return value.strip()
        return ctx.fail(
            f"{describe(value)} is not an e-mail address",
            "write one address like name@example.org, without a name or 'mailto:'",
        )

    def schema(self) -> Schema:
        return {"type": "string", "format": "email", "pattern": EMAIL.pattern}


class Country(Kind):
    def check(self, value: object, ctx: Context) -> str | Invalid:
        if isinstance(value, str) and value in COUNTRIES:
            return value
        if value is False:  # never reached with our loader, but be kind to other tools
            return "NO"
        hint = "use the two-letter ISO 3166 code, in capitals: DK, DE, NO, SE, NL, BE, GB"
        if isinstance(value, str):
            by_name = {name.lower(): code for code, name in COUNTRIES.items()}
            code = by_name.get(value.strip().lower())
            if value.upper() in COUNTRIES:
                code = value.upper()
            if value.strip().lower() in ("uk", "scotland", "england", "wales", "great britain"):
                code = "GB"
            if code:
                hint = f'did you mean "{code}" ({COUNTRIES[code]})? ' + hint
        return ctx.fail(f"{describe(value)} is not a country code", hint)

    def schema(self) -> Schema:
        return {"enum": sorted(COUNTRIES)}


class Timezone(Kind):
    @cached_property
    def zones(self) -> frozenset[str]:
        return frozenset(zoneinfo.available_timezones())

    def check(self, value: object, ctx: Context) -> str | Invalid:
        if isinstance(value, str) and value in self.zones and not value.startswith("Etc/GMT"):
            return value
        if isinstance(value, str):  # "CEST", "UTC+2", "Etc/GMT+1": the zone of the event's country, if it fits
            record = ctx.record or {}
            location = record.get("location")
            country = location.get("country") if isinstance(location, Mapping) else None
            start = str(record.get("start", ""))
            year = int(start[:4]) if start[:4].isdigit() else (ctx.today or dt.date.today()).year
            found = zone_advice(value, country if isinstance(country, str) else None, year)
            if found:
                return ctx.fail(*found)
            if value in self.zones:  # Etc/GMT, Etc/GMT0: plain UTC
                return value
        guess = did_you_mean(value, self.zones) if isinstance(value, str) else None
        hint = f'did you mean "{guess}"? ' if guess else ""
        return ctx.fail(
            f"{describe(value)} is not a time zone",
            hint + "use an IANA name such as Europe/Copenhagen, Europe/Berlin or Europe/London",
        )

    def schema(self) -> Schema:
        # The zone names of the pinned tzdata package, not of this machine, so
        # the generated schema is the same everywhere.
        zones = importlib.resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
        return {"enum": sorted(zones)}


EARLIEST_YEAR = 1990  # no event or issue of the site is older
YEARS_AHEAD = 10  # nor planned further ahead


class WhenKind(Kind):
    """A date in one of the allowed forms (see dates.py)."""

    takes_examples = True

    def __init__(self, forms: Sequence[str] = (MONTH, DAY, TIME)) -> None:
        self.forms = forms

    def check(self, value: object, ctx: Context) -> When | Invalid:
        allowed = " or ".join(FORM_TEXT[f] for f in self.forms)
        if isinstance(value, str):
            when = parse_when(value, self.forms)
            if when and when.date.year < EARLIEST_YEAR:
                return ctx.fail(
                    f'"{value}" is before {EARLIEST_YEAR}',
                    "check the year: the site's events and issues are from 1990 on",
                )
            if (
                when
                and ctx.today
                and when.date > ctx.today.replace(year=ctx.today.year + YEARS_AHEAD, day=min(ctx.today.day, 28))
            ):
                return ctx.fail(f'"{value}" is more than {YEARS_AHEAD} years ahead', "check the year")
            if when:
                return when
            if parse_when(value):
                return ctx.fail(f'"{value}" is a date in a form this field does not take', f"write {allowed}")
            return ctx.fail(
                f'"{value}" is not a date in an allowed form',
                f'write {allowed}, for example "2017-06-12"'
                + (', or "2017-12" when only the month is known' if MONTH in self.forms else ""),
            )
        if isinstance(value, int) and not isinstance(value, bool) and 1900 < value < 2200:
            return ctx.fail(
                f"{value} is only a year", f'add the month ("{value}-06") or the day ("{value}-06-12"), in quotes'
            )
        return ctx.fail(f"{describe(value)} is not a date", f'write {allowed} in quotes, for example "2017-06-12"')

    def schema(self) -> Schema:
        # Years 1990-2099, months 01-12, days 01-31, hours 00-23, minutes 00-59 (the calendar itself is make check's).
        year, month, day = r"(199\d|20\d\d)", r"(0[1-9]|1[0-2])", r"(0[1-9]|[12]\d|3[01])"
        patterns = {
            MONTH: f"{year}-{month}",
            DAY: f"{year}-{month}-{day}",
            TIME: f"{year}-{month}-{day}[T ]([01]\\d|2[0-3]):[0-5]\\d",
        }
        return {"type": "string", "pattern": "^(" + "|".join(patterns[f] for f in self.forms) + ")$"}


class Integer(Kind):
    def __init__(
        self,
        minimum: int | None = None,
        maximum: int | None = None,
        example: str = "12",
        not_after_this_year: bool = False,
    ):
        self.minimum, self.maximum, self.example = minimum, maximum, example
        self.not_after_this_year = not_after_this_year  # a year: not after the build's year

    def check(self, value: object, ctx: Context) -> int | Invalid:
        if isinstance(value, bool) or not isinstance(value, int):
            return ctx.fail(
                f"expected a whole number, found {describe(value)}",
                f"write only the number, for example {self.example}; put any explanation in the matching _note field",
            )
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            return ctx.fail(f"{value} is out of range", f"write a number from {self.minimum} to {self.maximum}")
        if self.not_after_this_year and ctx.today and value > ctx.today.year:
            return ctx.fail(f"{value} is in the future", f"write the year it happened, {ctx.today.year} or earlier")
        return value

    def schema(self) -> Schema:
        out: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


class Boolean(Kind):
    def check(self, value: object, ctx: Context) -> bool | Invalid:
        if isinstance(value, bool):
            return value
        return ctx.fail(f"expected true or false, found {describe(value)}", "write true or false")

    def schema(self) -> Schema:
        return {"type": "boolean"}


class Ref(Kind):
    """An id of a cluster, topic or living lab, checked once everything is loaded."""

    WHERE = {"cluster": "data/clusters.yaml", "topic": "data/topics.yaml", "livinglab": "content/livinglabs/"}

    def __init__(self, kind: str):
        self.kind = kind

    def check(self, value: object, ctx: Context) -> str | Invalid:
        if isinstance(value, str) and value.strip() and not SLUG.match(value):
            # Perhaps the label or name: reported once everything is read, with its id as the fix.
            ctx.references.append(Reference(self.kind, value, ctx.file, ctx.field, ctx.line, id_form=False))
            return INVALID
        if not isinstance(value, str) or not SLUG.match(value):
            return ctx.fail(
                f"{describe(value)} is not a {self.kind} id",
                f"write the id exactly as in {self.WHERE[self.kind]} (lowercase, hyphens)",
            )
        ctx.references.append(Reference(self.kind, value, ctx.file, ctx.field, ctx.line))
        return value

    def schema(self) -> Schema:
        return {"type": "string", "pattern": SLUG.pattern}


class ListOf(Kind):
    def __init__(self, item: Kind, example: str = "- first\n- second"):
        self.item, self.example = item, example

    def check(self, value: object, ctx: Context) -> tuple[Any, ...] | Invalid:
        if not isinstance(value, list):
            return ctx.fail(
                f"expected a list, found {describe(value)}",
                "write one item per line, each starting with '- ' under the field name",
            )
        clean = []
        for index, item in enumerate(value):
            line = value.line_of(index) if isinstance(value, LineList) else ctx.line
            sub = ctx.at(f"{ctx.field}[{index + 1}]", line)
            example = sub.example(item)
            checked = sub.fail_example(example) if example else self.item.check(item, sub)
            if checked is not INVALID:
                clean.append(checked)
        return tuple(clean)

    def schema(self) -> Schema:
        return {"type": "array", "items": self.item.schema()}


class OneOrList(Kind):
    """One value, or a list of them (`livinglab: esbjerg` or `livinglab: [hamburg, flensburg]`)."""

    def __init__(self, item: Kind):
        self.item, self.many = item, ListOf(item)

    def check(self, value: object, ctx: Context) -> Any:
        return self.many.check(value, ctx) if isinstance(value, list) else self.item.check(value, ctx)

    def schema(self) -> Schema:
        return {"anyOf": [self.item.schema(), self.many.schema()]}


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    help: str = ""


# A check across a record's fields: (the clean values, the raw block, where it is) -> whether they agree.
Rule: TypeAlias = Callable[[Mapping[str, Any], Mapping[str, Any], Context], bool]


class Record(Kind):
    """A block of named fields (a whole file's front matter, or a nested block)."""

    def __init__(self, fields: Iterable[Field], rules: Sequence[Rule] = ()):
        self.fields = {f.name: f for f in fields}
        self.rules = rules  # checks across fields: rule(clean, raw, ctx) -> bool, run even when other fields fail

    def check(self, value: object, ctx: Context) -> dict[str, Any] | Invalid:
        if not isinstance(value, dict):
            return ctx.fail(
                f"expected a block of fields, found {describe(value)}",
                "write the fields indented under this one, one 'name: value' per line",
            )
        lines = value.lines if isinstance(value, LineDict) else {}
        here = value.line if isinstance(value, LineDict) else ctx.line
        prefix = f"{ctx.field}." if ctx.field else ""
        if not ctx.field:  # the file's own fields: what a value may need to know of its siblings
            ctx = ctx.at(ctx.field, ctx.line)
            ctx.record = value
        clean: dict[str, Any] = {}
        ok = True
        for key, raw in value.items():
            spec = self.fields.get(key)
            sub = ctx.at(prefix + key, lines.get(key, here))
            if spec is None:
                guess = did_you_mean(key, self.fields, cutoff=0.5)
                sub.fail(
                    "this field is unknown",
                    (f'did you mean "{guess}"? ' if guess else "") + f"allowed fields: {', '.join(self.fields)}",
                )
                ok = False
            elif _is_empty(raw):
                # An empty optional field is the same as no field.
                if spec.required:
                    sub.fail("this required field is empty", f"fill in {spec.help}")
                    ok = False
            else:
                example = sub.example(raw)
                checked = sub.fail_example(example) if example else spec.kind.check(raw, sub)
                ok = ok and checked is not INVALID
                if checked is not INVALID:
                    clean[key] = checked
        for spec in self.fields.values():
            if spec.required and spec.name not in value:
                ctx.at(prefix + spec.name, here).fail(
                    "this required field is missing", f"add a line '{spec.name}: ...' ({spec.help})"
                )
                ok = False
        for rule in self.rules:
            ok = rule(clean, value, ctx.at(ctx.field, here)) and ok
        return clean if ok else INVALID

    def schema(self) -> Schema:
        def describe_field(f: Field) -> Schema:
            described = {"title": f.name, "description": f.help, **f.kind.schema()}
            # An empty optional field is the same as no field (see check above).
            return described if f.required else _or_nothing(described)

        return {
            "type": "object",
            "properties": {name: describe_field(f) for name, f in self.fields.items()},
            "required": [name for name, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }


# -- records declared field by field -------------------------------------------------------
# A record whose model is declared once (models.Cluster): each dataclass field says its kind,
# its help text, whether partners must write it, and whether the site publishes it. The
# validation (`record_of`), the JSON Schema (Record.schema), the model itself and the public
# view with its exports (ncsite.features.matchpoint) are all made from that one declaration.


@dataclass(frozen=True)
class Public:
    """How a field is published: on pages, and (`exports`) in the JSON and CSV files; `consent`
    names the boolean field without which it is not published at all."""

    exports: bool = True
    consent: str | None = None


PUBLIC: Final = Public()


@dataclass(frozen=True)
class Declared:
    """What a dataclass field of a declared record says about itself (kept in its metadata)."""

    kind: Kind
    help: str
    required: bool = False
    public: Public | None = None  # in a record with a public view (a cluster): None, left out of it


def declared(
    kind: Kind, help: str, *, required: bool = False, default: Any = None, public: Public | None = None
) -> Any:
    """A field of a declared record (a frozen dataclass): its kind, help and publication; a required
    field has no default, an optional one `default` (None unless given; a list field gives ())."""
    meta = {"declared": Declared(kind, help, required, public)}
    if required:
        return dataclass_field(metadata=meta)
    return dataclass_field(default=default, metadata=meta)


def declarations(cls: type) -> dict[str, Declared]:
    """The declared fields of a record class, by name, in the order of the class."""
    return {
        f.name: f.metadata["declared"]
        for f in dataclass_fields(cls)
        if isinstance(f.metadata.get("declared"), Declared)
    }


def record_of(cls: type, rules: Sequence[Rule] = ()) -> Record:
    """The validation spec of a declared record class: its declared fields, in order."""
    return Record([Field(name, d.kind, d.required, d.help) for name, d in declarations(cls).items()], rules)


def public_fields(cls: type) -> dict[str, Public]:
    """The fields of a declared record the site publishes, with how, in the order of the class."""
    return {name: d.public for name, d in declarations(cls).items() if d.public is not None}


def template_examples(spec: Record, data: Mapping[str, Any], prefix: str = "") -> dict[str, list[Example]]:
    """The sample values a template gives for `spec`'s fields, by field path (see Context.examples)."""
    out: dict[str, list[Example]] = {}
    for key, raw in data.items():
        field = spec.fields.get(key)
        if field is None or _is_empty(raw):
            continue
        kind, values = field.kind, [raw]
        if isinstance(kind, Record) and isinstance(raw, dict):
            out.update(template_examples(kind, raw, f"{prefix}{key}."))
            continue
        if isinstance(kind, ListOf) and isinstance(raw, list):
            kind, values = kind.item, raw
        if kind.takes_examples:
            hint = f"replace it with {field.help}" + ("" if field.required else ", or delete the line")
            out[prefix + key] = [Example(str(v), hint) for v in values if not _is_empty(v)]
    return out


def _or_nothing(schema: Schema) -> Schema:
    """The schema that also accepts an empty value (YAML null)."""
    out = dict(schema)
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    elif "anyOf" in out:
        out["anyOf"] = [*out["anyOf"], {"type": "null"}]
    elif isinstance(out.get("type"), list):
        out["type"] = [*out["type"], "null"]
    elif "type" in out:
        out["type"] = [out["type"], "null"]
    return out


def end_not_before_start(clean: Mapping[str, Any], raw: Mapping[str, Any], ctx: Context) -> bool:
    """`end`, when given, is in the same form as `start` (months or days) and not before it."""
    start, end = clean.get("start"), clean.get("end")
    if start is None or end is None:
        return True
    prefix = f"{ctx.field}." if ctx.field else ""
    sub = ctx.at(prefix + "end", raw.line_of("end") if isinstance(raw, LineDict) else ctx.line)
    if (start.precision == MONTH) != (end.precision == MONTH):
        sub.fail(
            f'end "{end}" and start "{start}" are in different forms',
            "give both as a month (YYYY-MM) or both as days (YYYY-MM-DD)",
        )
        return False
    same_day_earlier = end.date == start.date and end.time and start.time and end.time < start.time
    if end.date < start.date or same_day_earlier:
        sub.fail(
            f'the end "{end}" is before the start "{start}"',
            "end is the last day of the event (inclusive): make it the same as start or later",
        )
        return False
    return True


def attendance_matches_online(clean: Mapping[str, Any], raw: Mapping[str, Any], ctx: Context) -> bool:
    """`attendance: in-person` with an `online` address, or `online`/`hybrid` for a place-only event, contradict.

    And an `online` event whose `location` holds only a country, with no `attendance` to say
    what was meant: that is what the in-person template leaves behind when an online-only
    event is written from it, and it would be published as hybrid, "in" that country.
    """
    attendance, online = clean.get("attendance"), clean.get("online")
    prefix = f"{ctx.field}." if ctx.field else ""
    location = clean.get("location")
    if attendance is None and online and isinstance(location, Mapping) and location.get("country"):
        if not any(location.get(part) for part in ("venue", "address", "city")):
            country = COUNTRIES.get(location["country"], location["country"])
            ctx.at(prefix + "location", raw.line_of("location") if isinstance(raw, LineDict) else ctx.line).fail(
                f"the event has an online address and only a country as its place, so it would be "
                f"published as hybrid, taking place in {country}",
                "online only? delete the location line and the lines under it (templates/event-online.md has "
                "none); also at a place? add the city, and write attendance: hybrid; streamed from that "
                "country? write attendance: online",
            )
            return False
    if attendance is None:
        return True
    sub = ctx.at(prefix + "attendance", raw.line_of("attendance") if isinstance(raw, LineDict) else ctx.line)
    if attendance == "in-person" and online:
        sub.fail(
            "the event is in-person only, but it has an online address",
            "remove the online line, or write attendance: hybrid if people could also join online",
        )
        return False
    if attendance == "hybrid" and "location" not in clean:
        sub.fail(
            "a hybrid event needs a place as well",
            "add the location (at least city and country), or write attendance: online",
        )
        return False
    return True


# The event types, in the order the calendar lists them, with the label readers see.
EVENT_TYPE_LABELS = {
    "working-days": "Working days",
    "meeting": "Meeting",
    "workshop": "Workshop",
    "conference": "Conference",
    "webinar": "Webinar",
    "networking": "Networking",
    "living-lab": "Living lab",
    "other": "Other",
}
EVENT_TYPES = tuple(EVENT_TYPE_LABELS)
EVENT_STATUSES = ("scheduled", "cancelled", "postponed", "tentative")
EVENT_PROJECTS = ("Northern Connections", "InTra-Net")  # the project first, then its predecessors
ATTENDANCE = ("in-person", "online", "hybrid")
LAB_STATUSES = ("planned", "running", "completed")

CLUSTER_PROJECTS = ("Northern Connections", "InTra-Net")
CLUSTER_STATUSES = ("active", "merged", "renamed")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(Kind):
    """A year, a month or a day ("2020", "2020-07", "2020-07-01"), kept at the precision given, as ISO text."""

    def check(self, value: object, ctx: Context) -> str | Invalid:
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
        match = _PARTIAL_DATE.match(text)
        if match:
            month, day = (int(part) if part else 1 for part in match.groups()[1:])
            try:
                dt.date(int(match[1]), month, day)
                return text
            except ValueError:
                pass
        return ctx.fail(
            f"{describe(value)} is not a year or a date",
            'write the year ("2020"), the month ("2020-07") or the day ("2020-07-01"), as exact as the source gives it',
        )

    def schema(self) -> Schema:
        return {"type": ["string", "integer"], "pattern": _PARTIAL_DATE.pattern}


class OneOrMore(Kind):
    """One value, or a list of them: always a tuple once checked."""

    def __init__(self, item: Kind):
        self.item = item
        self.many = ListOf(item)

    def check(self, value: object, ctx: Context) -> tuple[Any, ...] | Invalid:
        if isinstance(value, list):
            return self.many.check(value, ctx)
        checked = self.item.check(value, ctx)
        return checked if checked is INVALID else (checked,)

    def schema(self) -> Schema:
        return {"anyOf": [self.item.schema(), self.many.schema()]}


def successor_fits_status(clean: Mapping[str, Any], raw: Mapping[str, Any], ctx: Context) -> bool:
    """A merged or renamed cluster names its successor; an active one only for a part that moved on."""
    status, successor = clean.get("status", "active"), clean.get("successor")
    prefix = f"{ctx.field}." if ctx.field else ""

    def at(name: str) -> Context:
        return ctx.at(prefix + name, raw.line_of(name) if isinstance(raw, LineDict) and name in raw else ctx.line)

    if successor is not None and successor == clean.get("id"):
        at("successor").fail(
            "a cluster cannot be its own successor", "write the id of the cluster it became part of, or remove the line"
        )
        return False
    if status in ("merged", "renamed") and successor is None and "successor" not in raw:
        at("status").fail(
            f"a {status} cluster needs its successor",
            f"add a line 'successor: <id>' with the id of the cluster it {status} into "
            "(add that cluster to data/clusters.yaml first)",
        )
        return False
    if status == "active" and successor is not None and not clean.get("successor_part"):
        at("successor").fail(
            "an active cluster has a successor only for a part of its work",
            "set 'status: merged' (or renamed) if the whole cluster moved on, or say which part "
            "did in 'successor_part', e.g. \"its energy activities\"",
        )
        return False
    return True


def contact_only_with_consent(clean: Mapping[str, Any], raw: Mapping[str, Any], ctx: Context) -> bool:
    """A contact's name, e-mail or phone only with `contact_public: true`: the repository itself is public."""
    contact = raw.get("contact")  # as written: a misspelt e-mail address is still in the file
    if not isinstance(contact, Mapping) or clean.get("contact_public") is True or raw.get("contact_public") is True:
        return True
    fields = (("name", "name"), ("email", "e-mail"), ("phone", "phone"))
    personal = [label for key, label in fields if not _is_empty(contact.get(key))]
    if not personal:
        return True
    what = personal[0] if len(personal) == 1 else ", ".join(personal[:-1]) + " and " + personal[-1]
    prefix = f"{ctx.field}." if ctx.field else ""
    ctx.at(prefix + "contact", raw.line_of("contact") if isinstance(raw, LineDict) else ctx.line).fail(
        f"the contact's {what} without contact_public: true: this repository is public, so they "
        "would be published with it whatever the site shows",
        "if the person agreed to be published, write contact_public: true and say so in the pull request; "
        "if not, delete their name, e-mail and phone and write the organisation's general address "
        "(info@...) with contact_public: true, or leave contact out; for the project team to reach the "
        "person privately, write to the team as the Register a cluster form says, not in this file",
    )
    return False
