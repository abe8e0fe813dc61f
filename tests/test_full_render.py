"""The speed work changes no byte: the per-folder reuse (`overrides/ncsite/once.html`, the header
stand-in in `overrides/main.html`) against every page rendered in full (NCSITE_FULL_RENDER=1).

Material's header, tabs, nav, search dialog and footer are rendered once per folder of pages
and reused; a theme upgrade that made one of them read something else of the page would make
the reused copy wrong on every page but the first. Both builds, of the real site and of the
bench's synthetic site, must be byte-identical. The fork of Material's search partial records
the upstream partial it was made from, and fails here when the installed Material's differs.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import material
import pytest
from conftest import BUILD_EPOCH, ROOT, copy_project, run

from bench.generate import Scale, generate

FULL = {"NCSITE_FULL_RENDER": "1"}
# Big enough for several pages in every folder (events, clusters, labs, issues) and the archive's years.
SCALE = Scale(events=40, clusters=20, labs=5, issues=8)
MATERIAL = Path(material.__file__).resolve().parent / "templates"
MADE_FROM = re.compile(r"Made from mkdocs-material (\S+) (\S+), sha256 ([0-9a-f]{64})")


def files(site: Path) -> dict[str, bytes]:
    return {f.relative_to(site).as_posix(): f.read_bytes() for f in sorted(site.rglob("*")) if f.is_file()}


def assert_identical(reused: Path, full: Path) -> None:
    a, b = files(reused), files(full)
    assert sorted(a) == sorted(b)
    differ = [path for path in a if a[path] != b[path]]
    assert differ == [], f"the reuse changes these files (compare with NCSITE_FULL_RENDER=1): {differ[:10]}"


def build(project: Path, env: dict, site: str) -> Path:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site]
    result = run(command, project, {"SOURCE_DATE_EPOCH": BUILD_EPOCH, **env})
    assert result.returncode == 0, result.stderr[-3000:]
    return project / site


def test_real_site_rendered_in_full_is_byte_identical(built_site, tmp_path):
    full = build(copy_project(tmp_path), FULL, "site")
    assert_identical(built_site, full)


def test_bench_site_rendered_in_full_is_byte_identical(tmp_path):
    project = generate(copy_project(tmp_path), SCALE)
    reused, full = build(project, {}, "site-reused"), build(project, FULL, "site-full")
    pages = [path for path in files(reused) if path.endswith("index.html")]
    assert len([p for p in pages if p.startswith("events/")]) > SCALE.events  # the synthetic pages are there
    assert_identical(reused, full)


FORKS = sorted(
    path.relative_to(ROOT / "overrides").as_posix()
    for path in (ROOT / "overrides").rglob("*.html")
    if MADE_FROM.search(path.read_text(encoding="utf-8"))
)


@pytest.mark.parametrize("override", FORKS)
def test_forked_partial_matches_the_installed_material(override):
    version, upstream, digest = MADE_FROM.search((ROOT / "overrides" / override).read_text(encoding="utf-8")).groups()
    installed = hashlib.sha256((MATERIAL / upstream).read_bytes()).hexdigest()
    assert installed == digest, (
        f"overrides/{override} is a fork of Material {version}'s {upstream}, which the installed "
        f"mkdocs-material {material.__version__} has changed: "
        "compare the two, carry the changes over, then record the new version and sha256 in the fork"
    )


def test_search_partial_is_a_recorded_fork():
    assert "partials/search.html" in FORKS
