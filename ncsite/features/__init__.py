"""The site's features, one package each: events (the calendar), home, Matchpoint, living labs, newsletter."""
