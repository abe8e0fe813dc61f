"""The pages the build makes itself, by their path under content/.

The features generate them (`Feature.pages`), and the loader refuses a
partner's file at any of these paths: both read them from here.
"""

from __future__ import annotations

EVENTS_INDEX = "events/index.md"
LIVINGLABS_INDEX = "livinglabs/index.md"
NEWSLETTER_INDEX = "newsletter/index.md"
MATCHPOINT_INDEX = "matchpoint/index.md"
SUBSCRIBE_PAGE = "subscribe.md"

GENERATED_INDEXES = (EVENTS_INDEX, LIVINGLABS_INDEX, NEWSLETTER_INDEX, MATCHPOINT_INDEX, SUBSCRIBE_PAGE)
