"""ISO 3166-1 alpha-2 codes and the English names readers see, from the pinned packages.

- The codes: ISO 3166-1's officially assigned ones, as the pinned tzdata package
  lists them (`zoneinfo/iso3166.tab`, the tz database's table of ISO 3166-1).
- The names: CLDR's English territory names from the pinned Babel
  ("United Kingdom", "Bosnia & Herzegovina"), the names readers know. Read from
  Babel's English locale file alone and kept as 249 strings: `Locale("en")`
  would load and keep all of English and root CLDR data (~5 MiB) for the build.

Kosovo's `XK` is not a country code here: it is user-assigned, not part of
ISO 3166-1, which is what the content model asks for (CLDR names it, tzdata
does not list it). Neither are CLDR's other non-ISO regions (`EU`, `UN`, `ZZ`).
"""

from __future__ import annotations

import importlib.resources
import pickle
from collections.abc import Mapping
from types import MappingProxyType

from babel.localedata import resolve_locale_filename


def _iso3166_codes() -> list[str]:
    table = importlib.resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text(encoding="utf-8")
    return [line.split("\t", 1)[0] for line in table.splitlines() if line and not line.startswith("#")]


def _names(codes: list[str]) -> dict[str, str]:
    # Babel's own file, read as Babel reads it (babel.localedata.load); the English file names
    # every territory itself. Private to Babel (its file name and pickle), kept for memory: the
    # public `babel.localedata.load("en", merge_inherited=False)` keeps the whole English data in
    # Babel's cache for the process (1.7 MiB), this keeps the 249 names (0.08 MiB). Babel is
    # pinned (pyproject.toml); tests/unit/test_countries.py compares the names with Locale("en").
    with open(resolve_locale_filename("en"), "rb") as file:
        territories = pickle.load(file)["territories"]
    return {code: territories[code] for code in sorted(codes)}


COUNTRIES: Mapping[str, str] = MappingProxyType(_names(_iso3166_codes()))
