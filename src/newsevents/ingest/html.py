"""HTML pages -> Article (trafilatura for body/title/site name, htmldate for the date).

Also `fragment_to_text`, the small HTML-to-text used for feed item bodies,
which are fragments too short for trafilatura's boilerplate detection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..records import Article
from .readers import Defaults, ReadProblem, make_article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["read_html", "fragment_to_text", "MIN_BODY_WORDS"]

# Below this many words what trafilatura kept is a cookie banner or a caption,
# not an article: report "no article body" rather than feed junk to the extractor.
MIN_BODY_WORDS = 10

_LANG_ATTR = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd", "dt",
})


def read_html(data: bytes, source: str, defaults: Defaults) -> Iterator[Article | ReadProblem]:
    """One HTML page -> one Article, or a ReadProblem when there is no article body."""
    import htmldate
    import trafilatura

    doc = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
    )
    text = (doc.text or "").strip() if doc is not None else ""
    n_words = len(text.split())
    if n_words < MIN_BODY_WORDS:
        found = f" (only {n_words} words: {text[:60]!r})" if text else ""
        yield ReadProblem(source, f"HTML page has no article body{found}; is it an index page or "
                                  "does it need JavaScript? Save the article page itself")
        return
    assert doc is not None  # n_words > 0 implies a document
    title = (doc.title or "").strip() or None
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title:
        # The headline is repeated as the body's first line; it already is `title`,
        # and keeping it twice would make the extractor read the headline twice.
        text = "\n".join(lines[1:]).strip()
    # htmldate reads the page's own markup (meta tags, time elements, URL) and keeps
    # the date as the outlet wrote it (no UTC shift), which is what relative dates need.
    # No extensive search: it guesses from free text and turns a "(c) 2025" footer into
    # 2025-01-01, and a wrong anchor is worse than none (--published can fill it).
    published = htmldate.find_date(data, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    match = _LANG_ATTR.search(data[:8192])
    problems: list[ReadProblem] = []
    article = make_article(
        text, source=source, defaults=defaults, title=title, published=published,
        outlet=(doc.sitename or "").strip() or None, url=(doc.url or "").strip() or None,
        language=match.group(1).decode("ascii").lower() if match else None, problems=problems,
    )
    yield from problems
    yield article


def fragment_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment; block elements become line breaks (paragraphs = lines)."""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]+>", " ", fragment))
    lxml.etree.strip_elements(root, "script", "style", with_tail=False)
    parts: list[str] = []
    _collect(root, parts)
    return _tidy("".join(parts))


def _collect(el: HtmlElement, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    block = tag.lower() in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if el.text and tag:
        parts.append(el.text)
    for child in el:
        _collect(child, parts)
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(el.tail)


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
