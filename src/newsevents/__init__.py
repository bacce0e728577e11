"""newsevents: news articles in, sourced and dated PLOVER political event records out."""

# The subpackage `newsevents.extract` is imported first so that the function
# `extract` below is the attribute users get: importing a subpackage later
# would otherwise overwrite the package attribute with the module.
from . import extract as _extract_package  # noqa: F401
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
