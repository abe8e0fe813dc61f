"""Living labs: the method's page, each lab, and the clusters that take part. Here: the page
paths the feature owns."""

from ncsite.content.paths import PagePaths

INDEX = "livinglabs/index.md"

PATHS = PagePaths(generated=(INDEX,))
