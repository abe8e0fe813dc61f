"""One reader per content kind, each owning its section of the sources (a folder of content/
or a file of data/), registered in `READERS`.

Data files come first, in this order: the basemap bounds the places, and the pages name
the places, topics and clusters. Then every file of content/ goes to the reader of its
folder, or to the pages reader. Each reader holds its own problems' wording, the names the
features reserved in its folder (`SectionReader.taken`) and the ids others may name.
"""

from .base import DataReader, Reader, SectionReader
from .datafiles import BasemapReader, ClustersReader, PartnersReader, PlacesReader, TopicsReader
from .pages import PagesReader
from .sections import EventsReader, LivingLabsReader, NewsletterReader

READERS: tuple[type[Reader], ...] = (
    BasemapReader,
    PlacesReader,
    TopicsReader,
    ClustersReader,
    PartnersReader,
    EventsReader,
    LivingLabsReader,
    NewsletterReader,
    PagesReader,
)

__all__ = ["READERS", "DataReader", "PagesReader", "Reader", "SectionReader"]
