"""The event calendar: upcoming events and the archive, event pages, JSON-LD and events.json."""
