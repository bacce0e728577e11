"""The unit of work: `process_batch(articles, config) -> list[ArticleEvents]`.

The CLI, the store, the web app and the distributed backend all call it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .config import Config
from .records import Article, ArticleEvents, Event

# spaCy's working memory while it parses a batch grows with the batch's tokens (~15 KB a
# token with the small English model, ~3 KB a character): 32 Reuters articles range from
# 18k to 53k characters, i.e. 50-170 MB on top of the resting process, so the peak kept
# rising with every longer batch the corpus happened to hold. Articles are parsed in runs
# of at most this many characters (an article longer than that is parsed alone).
MAX_PARSE_CHARS = 20_000


def _runs(articles: list[Article], limit: int) -> Iterator[list[Article]]:
    run: list[Article] = []
    size = 0
    for article in articles:
        n = len(article.text or "")
        if run and size + n > limit:
            yield run
            run, size = [], 0
        run.append(article)
        size += n
    if run:
        yield run


def process_batch(articles: Iterable[Article], config: Config | None = None) -> list[ArticleEvents]:
    """Extract the events of each article; one bad article never stops the others.

    Memory stays flat over any number of calls: each run of articles is parsed inside
    `parse_zone`, and the results are plain records by the time it closes.
    """
    from .extract.article import extract_articles
    from .nlp import load_nlp, parse_zone

    config = config or Config()
    articles = list(articles)
    nlp = load_nlp(config.model)
    out: list[ArticleEvents] = []
    for run in _runs(articles, MAX_PARSE_CHARS):
        with parse_zone(nlp):
            out.extend(extract_articles(run, config))
    return out


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
