"""Escaping is structural: every value an override template prints is autoescaped.

The rule (CONTRIBUTING.md, "For developers"): each template under overrides/
prints values only inside `{% autoescape true %}` (Material's environment does
not autoescape), inside the block or macro that prints them; `| safe` only for
the expressions in SAFE, each with its reason. A template that cannot follow
the rule goes on ALLOWLIST with the reason. Read with Jinja's own parser.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import nodes

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"

# Expressions that may be printed with `| safe`, and why they are markup already.
SAFE = {
    "page.content": "the HTML MkDocs rendered from the page's Markdown (Python-Markdown escapes the text)",
    "event_jsonld": "JSON for a <script> element, escaped for it by ncsite.features.events.eventdata.jsonld_script",
    # page.content split where a list is placed within the text (about.html, newsletter.html): MkDocs' HTML.
    "content_before": "page.content before the marker, MkDocs' HTML",
    "marker": "the marker found in page.content, MkDocs' HTML",
    "content_after": "page.content after the marker, MkDocs' HTML",
    # The hook-free site's override (hookfree/main.html): the HTML `ncsite generate` rendered with these
    # same templates (autoescaped there) and wrote into each page's front matter.
    "page.meta.nc_head": "the <head> part our templates rendered for the page (ncsite generate)",
    "page.meta.nc_scripts_before": "the script tags our templates rendered for the page (ncsite generate)",
    "page.meta.nc_scripts_after": "the script tags our templates rendered for the page (ncsite generate)",
}
# Templates that may print values without autoescaping, and why. None today.
ALLOWLIST: dict[str, str] = {}


def _expression(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_expression(node.node)}.{node.attr}"
    return type(node).__name__


def _is_literal(node: nodes.Node) -> bool:
    """Prints nothing from data: a constant (possibly through `| url`) or `super()`."""
    if isinstance(node, nodes.Const):
        return True
    if isinstance(node, nodes.Filter) and node.name == "url" and node.node is not None:
        return _is_literal(node.node)
    return isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "super"


def _autoescapes(node: nodes.Node) -> bool | None:
    if isinstance(node, nodes.ScopedEvalContextModifier | nodes.EvalContextModifier):
        for option in node.options:
            if option.key == "autoescape" and isinstance(option.value, nodes.Const):
                return bool(option.value.value)
    return None


def unescaped(source: str) -> list[str]:
    """What `source` prints outside autoescaping, or marks safe without a reason: "line N: expression"."""
    found: list[str] = []

    def walk(node: nodes.Node, escaping: bool) -> None:
        if isinstance(node, nodes.Block | nodes.Macro | nodes.CallBlock):
            escaping = False  # rendered in a function of its own: the block must autoescape itself
        setting = _autoescapes(node)
        if setting is not None:
            escaping = setting
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData) or _is_literal(child):
                    continue
                if not escaping:
                    found.append(f"line {child.lineno}: {_expression(child)} is printed without autoescape")
        if isinstance(node, nodes.Filter) and node.name == "safe" and node.node is not None:
            if _expression(node.node) not in SAFE:
                found.append(f"line {node.lineno}: {_expression(node.node)} | safe has no reason in SAFE")
        for child in node.iter_child_nodes():
            walk(child, escaping)

    walk(jinja2.Environment().parse(source), False)
    return found


def test_every_override_template_autoescapes_what_it_prints():
    templates = sorted(OVERRIDES.rglob("*.html"))
    assert len(templates) > 10
    problems = {}
    for path in templates:
        rel = path.relative_to(OVERRIDES).as_posix()
        if rel in ALLOWLIST:
            continue
        if found := unescaped(path.read_text(encoding="utf-8")):
            problems[rel] = found
    assert problems == {}


def test_the_checker_finds_values_printed_without_autoescape():
    assert unescaped("{{ title }}") == ["line 1: title is printed without autoescape"]
    assert unescaped("{% autoescape true %}{{ title }}{% endautoescape %}") == []
    assert unescaped("{% autoescape true %}{% block b %}{{ x.y }}{% endblock %}{% endautoescape %}") == [
        "line 1: x.y is printed without autoescape"
    ]
    assert (
        unescaped("{% block b %}{% autoescape true %}{{ page.content | safe }}{% endautoescape %}{% endblock %}") == []
    )
    assert unescaped("{% autoescape true %}{{ summary | safe }}{% endautoescape %}") == [
        "line 1: summary | safe has no reason in SAFE"
    ]
    assert unescaped("<a href=\"{{ 'events/' | url }}\">{{ super() }}</a>") == []
