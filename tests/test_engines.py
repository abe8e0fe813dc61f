"""The same site from both engines: MkDocs 1.6.1 (the default) and ProperDocs (`make build ENGINE=properdocs`).

ProperDocs runs in its own venv (.venv-properdocs, made by `make test`) in which mkdocs
is not installed: the theme and our hooks import `mkdocs...`, which ProperDocs answers.
Every file it writes must equal MkDocs' byte for byte, but the `generator` meta tag.
"""

from __future__ import annotations

import importlib.util
import subprocess

from conftest import BUILD_EPOCH, ROOT, copy_project, run

_spec = importlib.util.spec_from_file_location("compare_sites", ROOT / "scripts" / "compare_sites.py")
assert _spec and _spec.loader
_compare_sites = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_compare_sites)
differences = _compare_sites.differences

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"


def test_properdocs_venv_has_no_mkdocs():
    assert PROPERDOCS.exists(), "no .venv-properdocs: run `make test` (or `make build ENGINE=properdocs`) to make it"
    listed = subprocess.run(
        [str(PROPERDOCS.parent / "python"), "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True
    ).stdout.lower()
    names = {line.split("==")[0] for line in listed.splitlines()}
    assert "properdocs" in names
    assert "mkdocs" not in names, "ProperDocs must build without MkDocs installed"


def test_properdocs_builds_the_same_site_as_mkdocs(built_site, tmp_path):
    project = copy_project(tmp_path)
    result = run(
        [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", "site"],
        project,
        {"SOURCE_DATE_EPOCH": BUILD_EPOCH},
    )
    assert result.returncode == 0, result.stderr
    assert differences(built_site, project / "site") == []
    page = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in page  # it was ProperDocs that built it, and the comparison saw a difference to ignore


def test_comparison_ignores_only_the_generator_tag(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for site, engine in ((first, "mkdocs-1.6.1"), (second, "mkdocs-ProperDocs 1.6.7")):
        (site / "x").mkdir(parents=True)
        (site / "x" / "index.html").write_text(f'<head><meta name="generator" content="{engine}"></head><p>same</p>')
        (site / "feed.xml").write_text("<rss/>")
    assert differences(first, second) == []
    (second / "feed.xml").write_text("<rss />")
    (second / "extra.ics").write_text("")
    assert differences(first, second) == [f"only in {second}: extra.ics", "differs: feed.xml"]
