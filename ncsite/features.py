"""The features every build runs, in order."""

from .calendar import CalendarFeature
from .home import HomeFeature
from .livinglabs import LivingLabsFeature
from .matchpoint import MatchpointFeature
from .newsletter import NewsletterFeature

FEATURES = [HomeFeature, CalendarFeature, MatchpointFeature, LivingLabsFeature, NewsletterFeature]
