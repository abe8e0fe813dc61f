"""The verdicts of `ncsite check` on rendered pages, remembered between runs for pages that did not change.

Judging what a page really publishes means rendering it (ncsite.content.published): about
two thirds of a check of 1,600 pages. A verdict depends only on the page's text and first
line, the Markdown extensions and their settings, and the code that renders and judges: the
key is a hash of all of these, so an edited page, another setting in mkdocs.yml or an upgrade
of ncsite, Python-Markdown, pymdown-extensions, Material or nh3 is judged afresh. Only the
check uses this; the build judges the HTML it renders anyway.

The file is `.cache/ncsite/verdicts.json` in the project (ignored by git); a file that cannot
be read is ignored, and one that cannot be written is not written.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_FILE = Path(".cache") / "ncsite" / "verdicts.json"
# What renders and judges a page besides ncsite's own code.
LIBRARIES = ("Markdown", "pymdown-extensions", "mkdocs-material", "nh3")

Verdict = list[tuple[int, str, str]]  # (line, message, hint) of each refusal; empty for a page that passes


def fingerprint(extension_settings: Any) -> str:
    """Everything a verdict depends on besides the page: ncsite's code, the libraries' versions
    and the extensions' settings."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes() + b"\0")
    for name in LIBRARIES:
        try:
            digest.update(f"{name}=={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent\0".encode())
    digest.update(json.dumps(extension_settings, sort_keys=True, default=repr).encode())
    return digest.hexdigest()


class Verdicts:
    """The verdicts remembered from the last check, and those of this one (written by `save`)."""

    def __init__(self, path: Path, fingerprint: str):
        self.path, self.fingerprint = path, fingerprint
        self._old: Mapping[str, Any] = self._read()
        self._new: dict[str, Verdict] = {}

    def _read(self) -> Mapping[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("fingerprint") != self.fingerprint:
            return {}
        verdicts = data.get("verdicts")
        return verdicts if isinstance(verdicts, dict) else {}

    @staticmethod
    def key(file: str, first_line: int, text: str) -> str:
        return hashlib.sha256(f"{file}\0{first_line}\0{text}".encode()).hexdigest()

    def get(self, key: str) -> Verdict | None:
        found = self._old.get(key)
        if not isinstance(found, list):
            return None
        try:
            verdict = [(int(line), str(message), str(hint)) for line, message, hint in found]
        except (TypeError, ValueError):
            return None
        self._new[key] = verdict
        return verdict

    def put(self, key: str, verdict: Verdict) -> None:
        self._new[key] = verdict

    def save(self) -> None:
        """Keep this check's verdicts only (a page deleted since is forgotten)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(self.path.name + f".{os.getpid()}")
            partial.write_text(json.dumps({"fingerprint": self.fingerprint, "verdicts": self._new}), encoding="utf-8")
            partial.replace(self.path)
        except OSError:
            pass
