"""Where the content lives: the project root, content/ and data/, and the site's time zone and date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sources:
    """Where content lives, relative to the project root."""

    root: Path
    docs_dir: str = "content"
    data_dir: str = "data"
    timezone: str = "Europe/Copenhagen"
    today: dt.date | None = None  # the build's date; default: today (SOURCE_DATE_EPOCH honoured)

    def rel(self, path: Path) -> str:
        # Called several times for each of ~1,500 files: a string prefix, not Path.relative_to.
        text, root = path.as_posix(), self.root.as_posix().rstrip("/") + "/"
        return text[len(root) :] if text.startswith(root) else text
