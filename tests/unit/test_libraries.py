"""Private parts of other libraries the code keeps for a measured reason (README, "Private parts
of other libraries"): each library is pinned exactly, and each private part fails loudly here
when an upgrade changes it. The others are tested where they are used: text-unidecode's table
(tests/unit/test_text.py), Babel's English file (tests/unit/test_countries.py), icalendar's
folding (tests/test_speed_markup.py)."""

from __future__ import annotations

import inspect
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from ncsite.content.yamlsrc import explain, parse

ROOT = Path(__file__).resolve().parents[2]
KEPT = ("babel", "icalendar", "PyYAML", "text-unidecode", "mkdocs")


def _pins(text: str) -> dict[str, str]:
    return {m[1].lower(): m[2] for m in re.finditer(r"^\s*\"?([A-Za-z0-9_.-]+)==([^\s\",#]+)", text, re.M)}


@pytest.mark.parametrize("name", KEPT)
def test_a_library_whose_private_part_is_used_is_pinned_to_the_installed_version(name):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = _pins("\n".join(project["dependencies"]))
    required = _pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert pinned.get(name.lower()) == required.get(name.lower()) == version(name)


# The PyYAML messages `explain` recognises (ncsite/content/yamlsrc.py), each with a text that makes it.
PYYAML_WORDS = {
    "mapping values are not allowed": ("title: a: b\n", 'the value of "title" contains a colon followed by a space'),
    "'\\t'": ("title: x\n\tstart: 2019\n", "a tab is used to indent"),
    "end of stream": ('title: "unclosed\n', "a quote is not closed"),
}


@pytest.mark.parametrize("words", PYYAML_WORDS)
def test_pyyaml_still_says_what_explain_reads(words):
    text, explained = PYYAML_WORDS[words]
    data, fault = parse(text)
    assert data is None and fault is not None
    assert words in fault.message, f"PyYAML {yaml.__version__} now says {fault.message!r}: update explain()"
    assert explain(fault, text)[0].startswith(explained)


def test_mkdocs_keeps_the_markdown_extensions_settings_in_mdx_configs():
    assert "mdx_configs" in MkDocsConfig.__annotations__ or hasattr(MkDocsConfig, "mdx_configs")
    config = load_config(str(ROOT / "mkdocs.yml"))
    raw = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    with_settings = {
        name: settings
        for entry in raw["markdown_extensions"]
        if isinstance(entry, dict)
        for name, settings in entry.items()
        if settings
    }
    assert with_settings  # the site sets some
    for name in with_settings:
        assert name in config.markdown_extensions
        assert config.mdx_configs[name], f"MkDocs {version('mkdocs')} no longer keeps {name}'s settings in mdx_configs"


def test_mkdocs_serve_still_rebuilds_through_the_servers_builder():
    assert "builder" in inspect.signature(LiveReloadServer.__init__).parameters
    assert "self.builder()" in inspect.getsource(LiveReloadServer), "mkdocs serve no longer calls server.builder"
