"""newsevents: news articles in, sourced and dated PLOVER political event records out."""

from .config import Config
from .pipeline import extract, process_batch
from .records import Article, ArticleEvents, Event, article_events_to_dict, event_to_dict

__all__ = [
    "Article", "ArticleEvents", "Config", "Event", "article_events_to_dict", "event_to_dict",
    "extract", "process_batch",
]
__version__ = "0.1.0"
