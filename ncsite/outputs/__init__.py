"""Files the site publishes besides its pages: the iCalendar files, the RSS feed, JSON
exports, the inline SVG maps (and their projection), and the Content-Security-Policy."""
