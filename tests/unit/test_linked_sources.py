"""The `linked` filter: a source's "[Title](https://...)" becomes a link, nothing else does."""

from __future__ import annotations

from ncsite.content.text import linked, unlinked


def test_a_titled_https_link_reads_as_its_title_and_the_rest_stays_text():
    assert linked("[Toolbox 2.0](https://example.org/t2/), Interreg, 2019") == [
        ("Toolbox 2.0", "https://example.org/t2/"),
        (", Interreg, 2019", None),
    ]
    assert linked("InTra-Net presentation, REG X, 2012") == [("InTra-Net presentation, REG X, 2012", None)]


def test_no_other_scheme_or_markup_becomes_a_link():
    for text in (
        "[x](javascript:alert(1))",
        "[x](http://example.org)",
        "<a href='https://e.org'>x</a>",
        "[x]( https://e.org)",
    ):
        assert all(url is None for _, url in linked(text)), text
        assert "".join(piece for piece, _ in linked(text)) == text


def test_the_exports_give_a_linked_source_as_plain_text():
    """clusters.json and clusters.csv are read by programs and spreadsheets, not by Markdown:
    "[Title](https://...), publisher" is exported as "Title (https://...), publisher"."""
    assert unlinked("[Cluster report](https://example.org/r), Publisher, 2019") == (
        "Cluster report (https://example.org/r), Publisher, 2019"
    )
    assert unlinked("A book, 2012") == "A book, 2012"
    assert unlinked("[Old](http://example.org/x), 2010") == "[Old](http://example.org/x), 2010"  # only https links
