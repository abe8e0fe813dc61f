"""Read mkdocs.yml without MkDocs.

mkdocs.yml may hold `!!python/name:` tags (Material's emoji settings); they are
read as nothing here, since the core only needs plain settings from it
(docs_dir, site_url, the `extra` values, the Markdown extensions' names and settings).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_yml(root: Path) -> dict[str, Any]:
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader) or {}
