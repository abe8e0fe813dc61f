"""The home page and the partners' landing content (partner map, latest news, living labs by
date). Its pages (index.md, about.md) are written by hand: it owns no page path."""

from ncsite.content.paths import PagePaths

PATHS = PagePaths()
