"""The verdict on what a partner's page really publishes: its body rendered by the site's own
Python-Markdown, judged, and sanitised (ncsite.published)."""

from __future__ import annotations

import pytest
from conftest import ROOT

from ncsite.content import published
from ncsite.content.mkdocsyml import read_mkdocs_yml


@pytest.fixture(scope="module")
def renderer():
    names, configs = published.extension_settings(read_mkdocs_yml(ROOT))
    return published.Renderer(published.markdown_extensions(names, configs))


def verdict(renderer, body: str, first_line: int = 1) -> list[tuple[int, str]]:
    html = renderer.html(body)
    return [(line, r.message) for line, r in published.refused(published.Body("x.md", body, first_line), html)]


def test_the_site_renders_with_mkdocs_builtins_first_then_mkdocs_yml():
    names, configs = published.extension_settings(read_mkdocs_yml(ROOT))
    assert names[:3] == ["toc", "tables", "fenced_code"]
    assert {"footnotes", "attr_list", "md_in_html", "codehilite"} <= set(names)
    assert configs["toc"] == {"permalink": True}


# The inputs of issue 22 that the source scan let through: each is live HTML after Python-Markdown.
LIVE = {
    "two-word fence": "Text.\n\n~~~ not a language\n<script>alert(1)</script>\n~~~\n",
    "indented fence": "Text.\n\n  ~~~\n  <script>alert(1)</script>\n  ~~~\n",
    "backticks in a raw div": "Text.\n\n<div>`<script>alert(1)</script>`</div>\n",
    "escaped backticks": "Text \\`<img src=x onerror=alert(1)>\\` here.\n",
    "fence after an unclosed block tag": '<td style="x">\n\nText.\n\n`<script>alert(1)</script>`\n',
}


@pytest.mark.parametrize("body", LIVE.values(), ids=LIVE.keys())
def test_what_python_markdown_passes_as_html_is_refused(renderer, body):
    found = verdict(renderer, body)
    assert any("<script>" in message or '"onerror"' in message for _, message in found), found
    sanitised = published.sanitise(renderer.html(body))
    assert "<script" not in sanitised and "onerror" not in sanitised


# Code shown as code is text in the HTML, whatever it holds.
CODE = {
    "indented block": "Text.\n\n    <iframe src=x></iframe>\n    <script>alert(1)</script>\n",
    "backtick fence": "```html\n<script>alert(1)</script>\n```\n",
    "tilde fence": "~~~\n<img src=x onerror=alert(1)>\n~~~\n",
    "fence in a list item": "- item\n\n    ```\n    <script>alert(1)</script>\n    ```\n",
    "code span": "Write `<script>` or `<img onerror=x>` as text.\n",
    "double backtick span": "Write ``<a href=`javascript:x`>`` as text.\n",
}


@pytest.mark.parametrize("body", CODE.values(), ids=CODE.keys())
def test_code_shown_as_code_is_allowed_and_stays_text(renderer, body):
    assert verdict(renderer, body) == []
    html = published.sanitise(renderer.html(body))
    assert "&lt;" in html and "<script" not in html and "<iframe" not in html


ADDRESSES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;vascript:alert(1)",
    "java&#x09;script:alert(1)",
    "java&Tab;script:alert(1)",
    " &#14; javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "DATA:image/png;base64,AAAA",
]


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("form", ["[x]({})", '<a href="{}">x</a>', "![x]({})", "[x][r]\n\n[r]: {}"])
def test_script_and_data_addresses_are_refused_in_any_encoding(renderer, address, form):
    if not form.startswith("<") and " " in address:
        pytest.skip("Markdown does not read a link address with spaces")
    body = "Text " + form.format(address) + "\n"
    found = verdict(renderer, body)
    assert found and all("is not allowed in a link or image" in message for _, message in found), found
    assert "script:" not in published.sanitise(renderer.html(body)).lower().replace("&#", "")


@pytest.mark.parametrize(
    "body",
    ["![Photo](https://cdn.example/p.jpg)", '<img src="http://tracker.example/p.gif" alt="">', "![x](//cdn.example/a)"],
)
def test_an_image_from_another_host_is_refused_with_the_photo_fix(renderer, body):
    html = renderer.html(body)
    refusals = published.judge(html)
    assert [r.hint for r in refusals] == [published.PHOTO_HINT]
    assert "is on another website" in refusals[0].message
    assert "example" not in published.sanitise(html)


def test_fine_pages_pass_and_keep_their_markup(renderer):
    body = (
        "# Title\n\nA [link](https://example.org/x) and [a page](../events/index.md), ![Photo](photo.jpg){: width=300 }\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\nA note[^1].\n\n!!! note\n    Admonition.\n\n"
        '<details><summary>More</summary>Hidden <abbr title="Interreg">NSR</abbr></details>\n\n'
        "[^1]: The note.\n"
    )
    assert verdict(renderer, body) == []
    html = published.sanitise(renderer.html(body))
    for kept in ('href="https://example.org/x"', 'style="text-align:right"', 'class="footnote-ref"', "<details>"):
        assert kept in html


def test_each_refusal_names_its_nearest_source_line(renderer):
    body = "Intro.\n\nMore.\n\n<script>a()</script>\n\nText <b onclick=x>b</b> and <i onclick=y>i</i>.\n"
    assert verdict(renderer, body, first_line=6) == [
        (10, "the HTML tag <script> is not allowed in page text"),
        (12, 'the attribute "onclick" on <b> would run a script'),
        (12, 'the attribute "onclick" on <i> would run a script'),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "<svg><script>alert(1)</script></svg>",
        "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
        "<form action=x><input name=a></form>",
        "<object data=x.swf></object>",
        '<a href="x" style="position:fixed">x</a>',
        "A paragraph.\n{: onmouseover=alert(1) }",
        "[A link](page.md){: onfocus=alert(1) autofocus }",
        '<div markdown="1" onclick="x">y</div>',
        "<video src=a.mp4></video>",
        "<meta http-equiv=refresh content='0;url=https://evil.example'>",
    ],
)
def test_markup_outside_the_allow_list_is_refused(renderer, body):
    assert published.judge(renderer.html(body)), body


def test_comments_never_reach_the_reader_but_a_templates_marker(renderer):
    """An editor's note in a page is no part of what is published (anyone can read the page
    source); the marker a template looks for stays, and a comment shown as code stays text."""
    body = (
        "Text.\n\n<!-- Editor's note: only the schedule names this meeting -->\n\n"
        "<div markdown>\n<!-- inside a block -->\nMore.\n</div>\n\n"
        "<!-- ncsite:partners -->\n\n"
        "    <!-- shown as code -->\n\n`<!-- a code span -->`\n"
    )
    html = published.sanitise(renderer.html(body))
    assert "Editor's note" not in html and "inside a block" not in html
    assert "<!--" not in html.replace("<!-- ncsite:partners -->", "")
    assert html.count("<!-- ncsite:partners -->") == 1
    assert "&lt;!-- shown as code --&gt;" in html and "&lt;!-- a code span --&gt;" in html
    assert "Text." in html and "More." in html
