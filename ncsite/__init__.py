"""Northern Connections site core: content model, validation and views.

Engine-free by design: nothing here imports MkDocs. The MkDocs hooks in
`hooks/` are a thin adapter; another generator could drive this package.

`Build` (all the features, `ncsite.build`) is not imported here: `ncsite check`
loads only what validating the content needs, not the renderers (feeds,
calendars, maps).
"""

from ncsite.content.load import Sources, load_content
from ncsite.content.problems import ContentError, Problem, report

from .feature import Settings

__all__ = ["Settings", "Sources", "load_content", "ContentError", "Problem", "report"]
