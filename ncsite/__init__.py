"""Northern Connections site core: content model, validation and views.

Engine-free by design: nothing here imports MkDocs. The MkDocs hooks in
`hooks/` are a thin adapter; another generator could drive this package.
"""

from .build import Build, Settings
from .load import Sources, load_content
from .problems import ContentError, Problem, report

__all__ = ["Build", "Settings", "Sources", "load_content", "ContentError", "Problem", "report"]
