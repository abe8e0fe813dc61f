"""Read the few settings the core needs from mkdocs.yml, without MkDocs (ncsite.content.mkdocsyml)."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from pathlib import Path

from ncsite.content.mkdocsyml import read_mkdocs_yml
from ncsite.content.sources import DATA_DIR, TIMEZONE, Sources

from .feature import NEWSLETTER_FEED_ITEMS


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
