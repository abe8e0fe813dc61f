"""Read the few settings the core needs from mkdocs.yml, without MkDocs (ncsite.content.mkdocsyml)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ncsite.content import published
from ncsite.content.mkdocsyml import read_mkdocs_yml
from ncsite.content.sources import DATA_DIR, TIMEZONE, Sources

from .feature import NEWSLETTER_FEED_ITEMS, Settings


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


def settings_from(root: Path, config: Mapping[str, Any], now: dt.datetime, preview: bool = False) -> Settings:
    """The build's settings from mkdocs.yml's values, read without MkDocs (`ncsite generate`); ValueError on a bad `extra` value."""
    docs_dir = config.get("docs_dir", "docs")
    return Settings(
        root=root,
        site_url=site_url(config),
        now=now,
        docs_dir=docs_dir,
        timezone=site_timezone(config.get("extra")),
        site_name=config.get("site_name", ""),
        language=(config.get("theme") or {}).get("language", "en"),
        newsletter_feed_items=newsletter_feed_items(config.get("extra")),
        edit_base=edit_base(config.get("repo_url"), config.get("edit_uri"), docs_dir),
        preview=preview,
        markdown_extensions=tuple(published.markdown_extensions(*published.extension_settings(config))),
    )


def site_url(config: Mapping[str, Any]) -> str:
    url = config.get("site_url") or "http://127.0.0.1:8000/"
    return url if url.endswith("/") else url + "/"


def edit_base(repo_url: str | None, edit_uri: str | None, docs_dir: str) -> str | None:
    """The repository's edit URL for the project root: edit_uri points at docs_dir, generated pages edit other files."""
    if not (repo_url and edit_uri):
        return None
    edit_root = (edit_uri.strip("/") + "/").removesuffix(Path(docs_dir).name + "/")
    return repo_url.rstrip("/") + "/" + edit_root
