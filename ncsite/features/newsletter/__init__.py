"""The newsletter: the archive, each issue, the subscribe page and the RSS feed."""
