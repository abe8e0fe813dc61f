"""The features every build runs, in order."""

from ncsite.features.events.feature import CalendarFeature
from ncsite.features.events.ics import ICalFeature
from ncsite.features.home.feature import HomeFeature
from ncsite.features.matchpoint.feature import MatchpointFeature

from .livinglabs.feature import LivingLabsFeature
from .newsletter.feature import NewsletterFeature

FEATURES = [HomeFeature, CalendarFeature, ICalFeature, MatchpointFeature, LivingLabsFeature, NewsletterFeature]
