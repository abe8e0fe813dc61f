"""The site's features, one package each: events (the calendar), home, Matchpoint, living labs,
newsletter. Each package's `__init__.py` declares the page paths the feature owns; they are
gathered here into `PAGE_PATHS` for the loader (light: `ncsite check` reads them without
loading the features). The features a build runs are listed in `registry.py`."""

from ncsite.content.paths import PagePaths

from . import events, home, livinglabs, matchpoint, newsletter

PAGE_PATHS = PagePaths.joined(feature.PATHS for feature in (home, events, matchpoint, livinglabs, newsletter))
