"""The unit of work: `process_batch(articles, config) -> list[ArticleEvents]`.

The CLI, the store, the web app and the distributed backend all call it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .config import Config
from .records import Article, ArticleEvents, Event


def process_batch(articles: Iterable[Article], config: Config | None = None) -> list[ArticleEvents]:
    """Extract the events of each article; one bad article never stops the others."""
    from .extract.article import extract_articles

    return extract_articles(list(articles), config or Config())


def extract(
    text: str,
    published: str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    config: Config | None = None,
) -> list[Event]:
    """Events of one article given as text (the Python API's front door)."""
    article = Article(id=Article.content_id(text, title), text=text, published=published, title=title, outlet=outlet)
    return list(process_batch([article], config)[0].events)
