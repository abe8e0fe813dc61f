"""Read the few settings the core needs from mkdocs.yml, without MkDocs.

mkdocs.yml may hold `!!python/name:` tags (Material's emoji settings); they are
read as plain strings here, since the core only needs docs_dir, site_url and
the `extra` values.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from ncsite.content.sources import DATA_DIR, TIMEZONE, Sources

from .feature import NEWSLETTER_FEED_ITEMS


class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_yml(root: Path) -> dict[str, Any]:
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader) or {}


def site_timezone(extra: Mapping[str, object] | None) -> str:
    """The site's time zone: `extra.timezone`, `TIMEZONE` (Europe/Copenhagen) if unset."""
    value = (extra or {}).get("timezone", TIMEZONE)
    if not isinstance(value, str) or value not in zoneinfo.available_timezones():
        raise ValueError(
            f"mkdocs.yml: extra.timezone must be an IANA time zone such as Europe/Copenhagen, not {value!r}"
        )
    return value


def newsletter_feed_items(extra: Mapping[str, object] | None) -> int:
    """How many issues the newsletter feed holds: `extra.newsletter_feed_items`, 50 if unset."""
    value = (extra or {}).get("newsletter_feed_items", NEWSLETTER_FEED_ITEMS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"mkdocs.yml: extra.newsletter_feed_items must be a whole number of 1 or more, not {value!r}")
    return value


def sources_from_mkdocs_yml(root: Path) -> Sources:
    config = read_mkdocs_yml(root)
    return Sources(
        root, config.get("docs_dir", "docs"), DATA_DIR, site_timezone(config.get("extra"))
    )  # "docs": MkDocs' default
