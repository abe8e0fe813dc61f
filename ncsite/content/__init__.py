"""Reading the content: the sources (content/ and data/), YAML decoding, the fields and their
checks, the typed models, the loader and its problems, and the small helpers they use
(dates, countries, text, Markdown)."""
