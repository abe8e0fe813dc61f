"""The features every build runs, in order."""

from .events import CalendarFeature
from .home import HomeFeature
from .ical import ICalFeature
from .livinglabs import LivingLabsFeature
from .matchpoint import MatchpointFeature
from .newsletter import NewsletterFeature

FEATURES = [HomeFeature, CalendarFeature, ICalFeature, MatchpointFeature, LivingLabsFeature, NewsletterFeature]
