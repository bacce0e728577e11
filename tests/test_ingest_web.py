"""Readers for HTML pages and RSS/Atom feeds (demo files + tests/data/ingest fixtures)."""

from __future__ import annotations

import io
import time
from pathlib import Path

from newsevents.ingest.feeds import feed_date
from newsevents.ingest.html import fragment_to_text
from newsevents.ingest.readers import ReadProblem, iter_inputs
from newsevents.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "newsevents" / "demo"
DATA = Path(__file__).parent / "data" / "ingest"


def _items(*paths, **kw):
    return list(iter_inputs([str(p) for p in paths], **kw))


# --- HTML -----------------------------------------------------------------


def test_html_page_body_title_outlet_date_without_boilerplate():
    [a] = _items(DEMO / "page.html")
    assert isinstance(a, Article)
    assert a.title == "Kenya and Ethiopia agree to reopen border crossing after talks in Nairobi"
    assert a.outlet == "The Rift Valley Courier"
    assert a.published == "2025-09-16"  # from <meta property="article:published_time">
    assert a.url == "https://courier.example/world/2025/09/16/kenya-ethiopia-border"
    assert a.language == "en"
    assert a.text.startswith("Kenya and Ethiopia agreed on Tuesday to reopen the Moyale border crossing")
    assert "follow-up meeting in Addis Ababa in December" in a.text
    # nav, related links and footer are gone; the headline is not repeated in the body
    for junk in ("Subscribe", "Privacy policy", "Related stories", "newsletter", "Breaking:"):
        assert junk not in a.text
    assert a.title not in a.text
    assert a.id == Article.content_id(a.text, a.title)


def test_html_date_keeps_the_outlets_day(tmp_path):
    page = (DEMO / "page.html").read_text(encoding="utf-8").replace(
        "2025-09-16T18:45:00+03:00", "2025-09-17T01:30:00+09:00").replace(  # 2025-09-16 in UTC
        "/2025/09/16/", "/")  # htmldate trusts a date in the canonical URL over the meta tag
    p = tmp_path / "late.htm"
    p.write_text(page, encoding="utf-8")
    [a] = _items(p)
    assert a.published == "2025-09-17"


def test_html_without_body_is_a_problem():
    [pr] = _items(DATA / "nobody.html")
    assert isinstance(pr, ReadProblem)
    assert pr.source == str(DATA / "nobody.html")
    assert pr.message.startswith("HTML page has no article body")


def test_html_is_sniffed_without_extension_and_from_stdin(tmp_path):
    p = tmp_path / "saved_page"
    p.write_bytes((DEMO / "page.html").read_bytes())
    [a] = _items(p)
    [b] = iter_inputs(["-"], stdin=io.StringIO((DEMO / "page.html").read_text(encoding="utf-8")))
    assert a.outlet == b.outlet == "The Rift Valley Courier"
    assert a.id == b.id


def test_fragment_to_text():
    html = ("<p>Hello <b>big</b> world &amp; co.</p><p>Second<br/>line</p>"
            "<!-- note -->tail<script>x()</script>")
    assert fragment_to_text(html) == "Hello big world & co.\nSecond\nline\ntail"
    assert fragment_to_text("  plain   text ") == "plain text"


# --- feeds ----------------------------------------------------------------


def test_rss_items_keep_the_outlets_publication_day():
    items = _items(DEMO / "feed.xml")
    assert all(isinstance(x, Article) for x in items)
    first, second = items
    assert first.outlet == second.outlet == "East Sea Daily"
    assert first.title == "South Korea and Japan to hold finance talks in Tokyo next month"
    # pubDate "Wed, 05 Mar 2025 07:30:00 +0900" is 4 March in UTC; the outlet's day is 5 March
    assert first.published == "2025-03-05T07:30:00+09:00"
    assert first.published[:10] == "2025-03-05"
    assert second.published[:10] == "2025-03-04"
    assert first.url == "https://eastsea.example/politics/2025/03/05/finance-talks"
    assert first.text.startswith("South Korea's finance minister will travel to Tokyo")
    assert "<p>" not in first.text and "\n" in first.text  # paragraphs become lines
    assert first.id == Article.content_id(first.text, first.title)


def test_atom_feed_items_and_item_without_text():
    items = _items(DATA / "atom.atom")
    kinds = [type(x).__name__ for x in items]
    assert kinds == ["Article", "ReadProblem", "Article"]
    a, pr, c = items
    assert a.published == "2024-11-20T23:40:00-10:00"  # published preferred over updated
    assert a.text == ("Fiji and Tonga signed a fisheries agreement in Suva on Wednesday.\n"
                      "The deal covers tuna quotas.")
    assert a.outlet == "Pacific Wire" and a.language == "en"
    assert pr.source == f"{DATA / 'atom.atom'}#item-2" and "no text" in pr.message
    assert c.published == "2024-11-19T08:00:00+00:00"  # only <updated>: used
    assert c.url is None  # feedparser's urn: id fallback is not a URL


def test_feed_date_falls_back_to_feedparsers_utc_date_for_unparseable_strings():
    utc = time.struct_time((2025, 3, 4, 22, 0, 0, 1, 63, 0))
    entry = {"published": "sometime on Tuesday", "published_parsed": utc}
    assert feed_date(entry) == "2025-03-04"
    assert feed_date({}) is None


def test_not_a_feed_and_empty_feed():
    [a] = _items(DATA / "notafeed.xml")
    [b] = _items(DATA / "emptyfeed.rss")
    assert isinstance(a, ReadProblem) and "not an RSS/Atom feed" in a.message
    assert isinstance(b, ReadProblem) and b.message == "feed has no items"


def test_demo_folder_reads_cleanly():
    items = _items(DEMO)
    problems = [x for x in items if isinstance(x, ReadProblem)]
    assert problems == []
    articles = [x for x in items if isinstance(x, Article)]
    assert len(articles) >= 7  # 4 JSONL + 1 page + 2 feed items
    assert len({a.id for a in articles}) == len(articles)


def test_demo_articles_jsonl_shape():
    from newsevents.ingest.language import is_english

    articles = _items(DEMO / "articles.jsonl")
    assert len(articles) == 4 and all(isinstance(a, Article) for a in articles)
    for a in articles:
        assert 150 <= len(a.text.split()) <= 300, a.id
        assert a.published is not None and "2024" <= a.published[:4] <= "2026"
        assert a.title and a.outlet and a.url is None and a.language == "en"
        assert is_english(a.text)[:2] == (True, "en")


def test_html_without_date_markup_gets_no_guessed_date(tmp_path):
    page = (DEMO / "page.html").read_text(encoding="utf-8")
    page = page.replace('<meta property="article:published_time" content="2025-09-16T18:45:00+03:00">', "")
    page = page.replace("/2025/09/16/", "/")
    p = tmp_path / "nodate.html"
    p.write_text(page, encoding="utf-8")
    # the footer's "(c) 2025" must not become 2025-01-01
    [a] = _items(p)
    assert a.published is None
    [b] = _items(p, published="2025-09-16")
    assert b.published == "2025-09-16"


def test_html_in_legacy_encoding(tmp_path):
    page = (DEMO / "page.html").read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta charset="windows-1252">').replace("Amina Wekesa", "José Muñoz")
    page = page.replace("the two governments said", "the two governments said (café talks)")
    p = tmp_path / "legacy.html"
    p.write_bytes(page.encode("windows-1252"))
    [a] = _items(p)
    assert isinstance(a, Article) and "(café talks)" in a.text
