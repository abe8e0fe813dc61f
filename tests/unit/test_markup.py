"""Links found in partner Markdown: footnote definitions are not reference links."""

from __future__ import annotations

from ncsite.content.markup import Link, links


def test_footnote_definition_with_a_link_is_read_as_its_link_not_as_a_reference():
    body = "Text.[^a]\n\n[^a]: [A report](https://example.org/report), 2017.\n[ref]: ../events/x.md\n"
    assert links(body, 10) == [Link(12, "https://example.org/report", False), Link(13, "../events/x.md", False)]
