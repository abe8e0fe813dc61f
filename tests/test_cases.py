"""Bad content, one case per file in tests/cases/bad/: the report must name each problem.

A case holds the files to write over a small valid project (tests/cases/base)
(`files`: text; `latin1`: text saved as Latin-1; `sizes`: files of so many bytes; `nav`:
the site's menu in mkdocs.yml)
and the messages expected; every expected text must appear in the report, and
there must be exactly as many problems as expected lines that start with a path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import BASE, CASES, ROOT

from ncsite import Sources, load_content

CASE_FILES = sorted((CASES / "bad").glob("*.yaml"))


def make_project(tmp_path: Path, case: dict) -> Path:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")  # the real templates: their samples are errors
    # The real Markdown extensions (bodies are judged as rendered); the real site's menu names pages
    # the small project does not have, so it has none unless the case gives one (`nav`).
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    del config["nav"], config["watch"]
    if "nav" in case:
        config["nav"] = case["nav"]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for rel, text in (case.get("files") or {}).items():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for rel, text in (case.get("latin1") or {}).items():
        (tmp_path / rel).write_bytes(text.encode("latin-1"))
    for rel, size in (case.get("sizes") or {}).items():  # a file of that many bytes (sparse: nothing written)
        with open(tmp_path / rel, "wb") as handle:
            handle.truncate(size)
    return tmp_path


def test_base_project_is_valid(tmp_path):
    content, problems = load_content(Sources(make_project(tmp_path, {})))
    assert problems == []
    assert [e.slug for e in content.events] == ["2019-06-meeting"]


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[c.stem for c in CASE_FILES])
def test_bad_content_is_reported(case_file, tmp_path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    _, problems = load_content(Sources(make_project(tmp_path, case)))
    text = "\n".join(str(p) for p in problems)
    for expected in case["expect"]:
        assert expected in text, f"missing {expected!r} in:\n{text}"
    located = [e for e in case["expect"] if e.startswith(("content/", "data/"))]
    assert len(problems) == len(located), text
    for problem in problems:
        assert problem.hint, f"no fix given for: {problem}"
