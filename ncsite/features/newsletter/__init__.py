"""The newsletter: the archive, each issue, the subscribe page and the RSS feed. Here: the
page paths the feature owns."""

from ncsite.content.paths import PagePaths

INDEX = "newsletter/index.md"
SUBSCRIBE_PAGE = "subscribe.md"

PATHS = PagePaths(generated=(INDEX, SUBSCRIBE_PAGE))
