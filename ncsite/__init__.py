"""Northern Connections site core: content model, validation and views.

Engine-free by design: nothing here imports MkDocs. The MkDocs hooks in
`hooks/` are a thin adapter; another generator could drive this package.

`load_content` reads the content with the page paths the features declare
(`ncsite.features.PAGE_PATHS`). `Build` (all the features, `ncsite.build`) is
not imported here: `ncsite check` loads only what validating the content needs,
not the renderers (feeds, calendars, maps).
"""

from ncsite.content import load
from ncsite.content.models import Content
from ncsite.content.problems import Problem, report
from ncsite.content.sources import Sources
from ncsite.features import PAGE_PATHS

from .feature import Settings

__all__ = ["Settings", "Sources", "load_content", "Problem", "report"]


def load_content(sources: Sources) -> tuple[Content, list[Problem]]:
    """Read, validate and cross-check everything under content/ and data/, for the site's features."""
    return load.load_content(sources, PAGE_PATHS)
