"""`ncsite check` remembers its verdicts on rendered pages: an unchanged page is not rendered
again, and anything a verdict depends on (the page, the extensions' settings, the code) makes it
judged afresh. The check's report is the same with the verdicts remembered as without."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest
import yaml
from conftest import ROOT

from ncsite import load_content
from ncsite.config import sources_from_mkdocs_yml
from ncsite.content import published, verdicts

PAGE = "---\ntitle: Kiel working days\ntype: meeting\nstart: 2019-07-01\n---\n\nThe programme.\n"


@pytest.fixture
def project(tmp_path):
    for part in ("content", "data", "templates"):
        shutil.copytree(ROOT / part, tmp_path / part)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (tmp_path / "content" / "events" / "2019-07-kiel-test.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def rendered(monkeypatch):
    """The bodies rendered in this test, by file."""
    seen: list[str] = []
    html = published.Renderer.html

    def counting(self, body):
        seen.append(body)
        return html(self, body)

    monkeypatch.setattr(published.Renderer, "html", counting)
    return seen


def check(project):
    sources = sources_from_mkdocs_yml(project)
    _, problems = load_content(replace(sources, verdict_cache=project / verdicts.CACHE_FILE))
    return [str(p) for p in problems]


def test_an_unchanged_page_is_not_rendered_again(project, rendered):
    assert check(project) == []
    first = len(rendered)
    assert first > 50  # every page of the real content was judged
    assert check(project) == []
    assert len(rendered) == first  # none again


def test_an_edited_page_is_judged_afresh_and_its_refusal_remembered(project, rendered):
    check(project)
    page = project / "content" / "events" / "2019-07-kiel-test.md"
    page.write_text(PAGE + "\n<script>alert(1)</script>\n", encoding="utf-8")
    before = len(rendered)
    first = check(project)
    assert len(rendered) == before + 1
    assert any("2019-07-kiel-test.md:9: the HTML tag <script> is not allowed" in p for p in first)
    assert check(project) == first and len(rendered) == before + 1  # the refusal, remembered
    (project / verdicts.CACHE_FILE).unlink()
    assert check(project) == first  # and the same when judged afresh


def test_other_extension_settings_judge_every_page_afresh(project, rendered):
    check(project)
    before = len(rendered)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] = [e for e in config["markdown_extensions"] if e != "md_in_html"] + ["md_in_html"]
    config["markdown_extensions"].append({"toc": {"permalink": "#"}})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    check(project)
    assert len(rendered) == 2 * before


def test_a_broken_or_foreign_file_is_ignored(project, rendered):
    cache = project / verdicts.CACHE_FILE
    cache.parent.mkdir(parents=True)
    cache.write_text("{not json", encoding="utf-8")
    assert check(project) == []
    count = len(rendered)
    data = json.loads(cache.read_text(encoding="utf-8"))
    forged = {"fingerprint": "another version", "verdicts": dict.fromkeys(data["verdicts"], [])}
    page = project / "content" / "events" / "2019-07-kiel-test.md"
    page.write_text(PAGE + "\n<script>alert(1)</script>\n", encoding="utf-8")
    forged["verdicts"][verdicts.Verdicts.key("content/events/2019-07-kiel-test.md", 6, page.read_text())] = []
    cache.write_text(json.dumps(forged), encoding="utf-8")
    assert any("<script>" in p for p in check(project))  # verdicts of another fingerprint are not trusted
    assert len(rendered) == 2 * count


def test_the_fingerprint_follows_the_code_the_libraries_and_the_settings():
    settings = published.extension_settings({"markdown_extensions": ["toc"]})
    assert verdicts.fingerprint(settings) == verdicts.fingerprint(settings)
    other = published.extension_settings({"markdown_extensions": [{"toc": {"permalink": True}}]})
    assert verdicts.fingerprint(settings) != verdicts.fingerprint(other)
