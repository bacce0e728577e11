"""newsevents: news articles in, sourced and dated PLOVER political event records out."""

from .config import Config
from .pipeline import extract, process_batch
from .records import Article, ArticleEvents, Event, article_events_to_dict, event_to_dict

__all__ = [
    "Article", "ArticleEvents", "Config", "Event", "article_events_to_dict", "event_to_dict",
    "extract", "open", "process_batch",
]


def open(path: str, read_only: bool = False):  # noqa: A001 - the API name users asked for
    """Open (or create) an event database: `newsevents.open("events.duckdb").events(...)`."""
    from .store import open as open_store

    return open_store(path, read_only=read_only)
__version__ = "0.1.0"
