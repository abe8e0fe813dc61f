"""Check iCalendar files with libical (run by Debian's /usr/bin/python3, not the venv).

Usage: /usr/bin/python3 tests/ical/libical_check.py FILE.ics...
Parses each file with libical, runs icalrestriction_check (RFC 5546 rules for the
file's METHOD) and prints one JSON object per file: {"file", "parsed", "valid",
"errors"}, where errors are the X-LIC-ERROR texts libical attached. Exit status 0
when every file parsed and passed, 1 otherwise.
"""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors_of(component) -> list[str]:
    found = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.get_xlicerror())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        found.extend(errors_of(child))
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def check(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    component = ICalGLib.Component.new_from_string(text)
    if component is None or component.isa() != ICalGLib.ComponentKind.VCALENDAR_COMPONENT:
        return {"file": path, "parsed": False, "valid": False, "errors": ["libical could not parse the file"]}
    parse_errors = errors_of(component)
    valid = bool(ICalGLib.restriction_check(component))
    return {
        "file": path,
        "parsed": True,
        "valid": valid and not parse_errors,
        "errors": errors_of(component),
        "events": len([1 for _ in iter_events(component)]),
    }


def iter_events(component):
    child = component.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    while child is not None:
        yield child
        child = component.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)


def main(paths: list[str]) -> int:
    ok = True
    for path in paths:
        result = check(path)
        ok = ok and result["valid"]
        print(json.dumps(result, ensure_ascii=False))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
