"""Where the content lives: the project root, content/ and data/, and the site's time zone and date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The defaults of the settings the content needs, used wherever a setting is not given
# (Settings, Sources, and mkdocs.yml read by `ncsite check`).
DOCS_DIR = "content"  # MkDocs' docs_dir
DATA_DIR = "data"
TIMEZONE = "Europe/Copenhagen"  # the site's time zone unless mkdocs.yml sets extra.timezone


@dataclass(frozen=True)
class Sources:
    """Where content lives, relative to the project root."""

    root: Path
    docs_dir: str = DOCS_DIR
    data_dir: str = DATA_DIR
    timezone: str = TIMEZONE
    today: dt.date | None = None  # the build's date; default: today (SOURCE_DATE_EPOCH honoured)
    # The Markdown extensions the site renders with (ncsite.content.published.markdown_extensions); None:
    # those of root/mkdocs.yml. The build judges the HTML of the pages it renders itself (`html_judged_later`)
    # and the loader then renders them only when loading fails, so that both report the same problems.
    markdown_extensions: tuple[Any, ...] | None = None
    html_judged_later: bool = False
    # `ncsite check` remembers its verdicts on rendered pages here (ncsite.content.verdicts); None: it does not.
    verdict_cache: Path | None = None

    def rel(self, path: Path) -> str:
        # Called several times for each of ~1,500 files: a string prefix, not Path.relative_to.
        text, root = path.as_posix(), self.root.as_posix().rstrip("/") + "/"
        return text[len(root) :] if text.startswith(root) else text
