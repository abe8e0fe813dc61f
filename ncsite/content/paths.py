"""The pages the build makes itself, by their path under content/.

The features generate them (`Feature.pages`); a Markdown file at one of these
paths under content/ is that page's own front matter and introduction, rendered
above the list (the loader reads it as an ordinary page). Both read them from here.
"""

from __future__ import annotations

EVENTS_INDEX = "events/index.md"
LIVINGLABS_INDEX = "livinglabs/index.md"
NEWSLETTER_INDEX = "newsletter/index.md"
MATCHPOINT_INDEX = "matchpoint/index.md"
SUBSCRIBE_PAGE = "subscribe.md"

GENERATED_INDEXES = (EVENTS_INDEX, LIVINGLABS_INDEX, NEWSLETTER_INDEX, MATCHPOINT_INDEX, SUBSCRIBE_PAGE)
