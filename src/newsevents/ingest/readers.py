"""Input readers: files, folders and stdin in; `Article` or `ReadProblem` out.

`iter_inputs` never raises for one bad item. Each unreadable file, line or
feed item becomes a `ReadProblem` (source + what is wrong + how to fix it) and
reading goes on with the next one, so one broken line in a million-line JSONL
costs one line, not the run.

Formats (by extension; unknown extensions are sniffed from the first 64 KiB):

* ``.txt`` / ``.text``: one article; the whole file is the body (the first
  line is *not* taken as a title); id = ``Article.content_id``.
* ``.jsonl`` / ``.ndjson``: one Article object per line (fields of
  docs/event-record.md). Streamed line by line. ``text`` is required; a
  missing ``id`` becomes the content hash. The text is kept verbatim, since
  gold evidence offsets index into it.
* ``.json``: one Article object, or a list of them (a ``.json`` file that is
  really JSONL is read as JSONL).
* ``.html`` / ``.htm``: see `newsevents.ingest.html`.
* ``.xml`` / ``.rss`` / ``.atom``: RSS/Atom feeds, see `newsevents.ingest.feeds`.

Publication dates (``published``) must be ISO ``YYYY-MM-DD`` or a full ISO
timestamp. An invalid value does not drop the article: a *warning*
ReadProblem (``level="warning"``) naming the bad value is yielded, then the
Article with ``published`` set to the ``published=`` fallback (CLI
``--published``) or ``None``. Without a date the extractor still finds events;
it only cannot anchor relative dates ("next Tuesday").
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError
from ..records import Article

__all__ = ["ReadProblem", "iter_inputs", "validate_published", "STDIN_SOURCE"]

STDIN_SOURCE = "<stdin>"

TEXT_EXTS = frozenset({".txt", ".text"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
JSON_EXTS = frozenset({".json"})
HTML_EXTS = frozenset({".html", ".htm", ".xhtml"})
FEED_EXTS = frozenset({".xml", ".rss", ".atom"})

# Enough to tell formats apart and to catch binary files without reading a
# multi-GB file into memory.
SNIFF_BYTES = 64 * 1024
# Formats other than JSONL are read whole. A text/HTML/JSON file this big is not
# one article but a dump in the wrong format; refuse it rather than exhaust memory.
MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024

_ISO_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """One input item that could not be read (or, with level "warning", was read with a fix-up).

    ``source`` is ``path:line`` for line-based inputs, ``path#item-N`` for feed
    items, ``path`` for whole files, and ``<stdin>`` (``<stdin>:line``) for stdin.
    ``level`` is ``"error"`` when the item was skipped and ``"warning"`` when an
    Article for it still follows (e.g. an invalid ``published`` value was dropped).
    """

    source: str
    message: str
    code: str = InputError.code
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    def to_error(self) -> InputError:
        """The same problem as the catalogue's exception (for callers that want to raise)."""
        return InputError(self.message, source=self.source)

    def to_dict(self) -> dict[str, str]:
        """The project's one JSON error shape (as `NewsEventsError.to_dict`), plus the level."""
        return {"code": self.code, "error": "InputError", "message": str(self), "source": self.source,
                "level": self.level}


Item = Article | ReadProblem


@dataclass(frozen=True, slots=True)
class Defaults:
    """Values that fill fields the input does not have (CLI --published/--outlet/--title)."""

    published: str | None = None
    outlet: str | None = None
    title: str | None = None


# ---------------------------------------------------------------------------
# public entry point


def iter_inputs(
    paths: Sequence[str],
    *,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Item]:
    """Yield an Article for each readable article and a ReadProblem for each unreadable one.

    ``paths``: files, folders (recursive, sorted, hidden files and folders
    skipped) or ``"-"`` for stdin (``stdin`` or else ``sys.stdin``).
    ``published``/``outlet``/``title`` fill those fields where the input lacks them.
    """
    if isinstance(paths, str):  # a lone path is an easy mistake; don't iterate its characters
        paths = [paths]
    if published is not None and validate_published(published) is None:
        yield ReadProblem("--published", f"invalid publication date {published!r}; "
                          "use YYYY-MM-DD or a full ISO timestamp (ignored)", level="warning")
        published = None
    defaults = Defaults(published=published, outlet=outlet, title=title)
    for raw in paths:
        if raw == "-":
            yield from _read_stream(stdin if stdin is not None else sys.stdin, STDIN_SOURCE, defaults)
            continue
        path = Path(raw)
        if path.is_dir():
            unreadable: list[ReadProblem] = []
            files = list(_walk(path, unreadable))
            yield from unreadable
            if not files and not unreadable:
                yield ReadProblem(str(path), "folder has no (non-hidden) files to read")
            for file in files:
                yield from _read_file(file, defaults)
        elif path.exists():
            yield from _read_file(path, defaults)
        else:
            yield ReadProblem(str(path), "no such file or folder; check the path")


def validate_published(value: Any) -> str | None:
    """The value, stripped, if it is ISO ``YYYY-MM-DD`` or a full ISO timestamp; else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    # fromisoformat alone would also take "20240501" and week dates; the docs promise YYYY-MM-DD.
    if not _ISO_DATE_PREFIX.match(value):
        return None
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return None
    return value


# ---------------------------------------------------------------------------
# files and folders


def _walk(folder: Path, problems: list[ReadProblem]) -> Iterator[Path]:
    """Files under folder, sorted by relative path; hidden names (".x") skipped at any depth.

    Sub-folders that cannot be listed are added to ``problems`` (os.walk would skip them silently).
    """
    def unreadable(exc: OSError) -> None:
        problems.append(ReadProblem(str(exc.filename or folder),
                                    f"cannot list folder ({exc.strerror or exc}); check its permissions"))

    found: list[tuple[tuple[str, ...], Path]] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # prune: don't descend into .git etc.
        for name in files:
            if name.startswith("."):
                continue
            full = Path(root) / name
            found.append((full.relative_to(folder).parts, full))
    for _, full in sorted(found):
        yield full


def _read_file(path: Path, defaults: Defaults) -> Iterator[Item]:
    source = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        yield ReadProblem(source, f"cannot open file ({exc.strerror or exc}); check its permissions")
        return
    if not head.strip():
        yield ReadProblem(source, "file is empty")
        return
    if b"\x00" in head:
        yield ReadProblem(source, "binary file (not text, HTML or JSONL): it contains NUL bytes; "
                                  "if it is UTF-16 text, re-save it as UTF-8")
        return
    kind = _kind_from_ext(path.suffix.lower()) or _sniff(head)
    if kind == "jsonl":
        yield from _read_jsonl_file(path, defaults)
        return
    try:
        size = path.stat().st_size
        if size > MAX_WHOLE_FILE_BYTES:
            yield ReadProblem(source, f"file too large to read whole as {kind} ({size // 2**20} MiB, limit "
                                      f"{MAX_WHOLE_FILE_BYTES // 2**20} MiB); convert it to JSONL "
                                      "(one article per line), which is streamed")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadProblem(source, f"cannot read file ({exc.strerror or exc})")
        return
    yield from _read_content(kind, data, source, defaults)


def _kind_from_ext(ext: str) -> str | None:
    for kind, exts in (("text", TEXT_EXTS), ("jsonl", JSONL_EXTS), ("json", JSON_EXTS),
                       ("html", HTML_EXTS), ("feed", FEED_EXTS)):
        if ext in exts:
            return kind
    return None


def _sniff(head: bytes) -> str:
    """Guess the format of content with an unknown extension from its beginning."""
    start = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    lower = start[:4096].lower()
    if start.startswith("{"):
        first_line = start.split("\n", 1)[0].strip()
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except ValueError:
            pass
        return "json"
    if start.startswith("["):
        return "json"
    if start.startswith("<"):
        if "<rss" in lower or "<feed" in lower or "<rdf:rdf" in lower:
            return "feed"
        return "html"
    return "text"


def _read_content(kind: str, data: bytes, source: str, defaults: Defaults) -> Iterator[Item]:
    """Read a whole input already in memory (any format but streamed JSONL)."""
    if kind == "html":
        from .html import read_html

        yield from read_html(data, source, defaults)
        return
    if kind == "feed":
        from .feeds import read_feed

        yield from read_feed(data, source, defaults)
        return
    text = _decode(data, source)
    if isinstance(text, ReadProblem):
        yield text
        return
    if kind == "json":
        yield from _read_json(text, source, defaults)
    elif kind == "jsonl":
        yield from _read_jsonl_lines(enumerate(text.splitlines(), 1), source, defaults)
    else:
        yield from _read_text(text, source, defaults)


def _decode(data: bytes, source: str) -> str | ReadProblem:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        return ReadProblem(source, f"binary or non-UTF-8 file (byte 0x{bad} at offset {exc.start} "
                                   "is not UTF-8); convert it to UTF-8 text")


# ---------------------------------------------------------------------------
# plain text


def _read_text(text: str, source: str, defaults: Defaults) -> Iterator[Item]:
    # Normalise line ends so the same article saved on Windows gets the same id.
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        yield ReadProblem(source, "file is empty")
        return
    yield make_article(body, source=source, defaults=defaults)


def make_article(
    text: str,
    *,
    source: str,
    defaults: Defaults,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    language: str | None = None,
    problems: list[ReadProblem] | None = None,
) -> Article:
    """Build an Article, filling gaps from defaults; a bad `published` is dropped with a warning.

    Warnings go to ``problems`` when given (the caller yields them before the
    article); shared by every reader so the rules are the same for all formats.
    """
    final_title = title if title else defaults.title
    final_published = defaults.published
    if published is not None and published != "":
        valid = validate_published(published)
        if valid is None:
            fallback = f"using --published {defaults.published}" if defaults.published else "left empty"
            warning = ReadProblem(source, f"invalid publication date {published!r} "
                                          f"(want YYYY-MM-DD or a full ISO timestamp); {fallback}",
                                  level="warning")
            if problems is not None:
                problems.append(warning)
        else:
            final_published = valid
    return Article(
        id=id or Article.content_id(text, final_title),
        text=text,
        published=final_published,
        title=final_title,
        outlet=outlet if outlet else defaults.outlet,
        url=url or None,
        language=language or "en",
    )


# ---------------------------------------------------------------------------
# JSON and JSONL


def _read_jsonl_file(path: Path, defaults: Defaults) -> Iterator[Item]:
    """Stream a JSONL file line by line (never the whole file in memory)."""
    source = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield ReadProblem(source, f"cannot open file ({exc.strerror or exc})")
        return
    with fh:
        yield from _read_jsonl_lines(_decoded_lines(fh, source), source, defaults)


def _decoded_lines(fh: Iterable[bytes], source: str) -> Iterator[tuple[int, str | ReadProblem]]:
    for lineno, raw in enumerate(fh, 1):
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield lineno, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield lineno, ReadProblem(f"{source}:{lineno}", f"line is not UTF-8 text (byte "
                                      f"0x{raw[exc.start:exc.start + 1].hex()} at column {exc.start + 1})")


def _read_jsonl_lines(
    lines: Iterable[tuple[int, str | ReadProblem]], source: str, defaults: Defaults
) -> Iterator[Item]:
    seen_any = False
    for lineno, line in lines:
        if isinstance(line, ReadProblem):
            seen_any = True
            yield line
            continue
        if not line.strip():
            continue  # blank lines (e.g. a trailing one) are not articles
        seen_any = True
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(where, f"line is not JSON ({exc.msg} at col {exc.colno}); "
                                     "each line must be one JSON object")
            continue
        yield from _article_from_obj(obj, where, defaults)
    if not seen_any:
        yield ReadProblem(source, "file is empty")


def _read_json(text: str, source: str, defaults: Defaults) -> Iterator[Item]:
    if not text.strip():
        yield ReadProblem(source, "file is empty")
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            # Several objects one after another: this is JSONL under a .json name.
            yield from _read_jsonl_lines(enumerate(text.splitlines(), 1), source, defaults)
            return
        yield ReadProblem(f"{source}:{exc.lineno}", f"file is not valid JSON ({exc.msg} at col {exc.colno})")
        return
    if isinstance(obj, list):
        if not obj:
            yield ReadProblem(source, "file is empty (an empty JSON list)")
        for i, item in enumerate(obj):
            yield from _article_from_obj(item, f"{source}#item-{i + 1}", defaults)
    else:
        yield from _article_from_obj(obj, source, defaults)


_STR_FIELDS = ("title", "published", "outlet", "url", "language")


def _article_from_obj(obj: Any, where: str, defaults: Defaults) -> Iterator[Item]:
    if not isinstance(obj, dict):
        yield ReadProblem(where, f"expected a JSON object (an article), got a JSON {_json_kind(obj)}")
        return
    if "text" not in obj or obj["text"] is None:
        yield ReadProblem(where, "article has no 'text' field; every article needs its body text")
        return
    text = obj["text"]
    if not isinstance(text, str):
        yield ReadProblem(where, f"article 'text' must be a string, got a JSON {_json_kind(text)}")
        return
    if not text.strip():
        yield ReadProblem(where, "article 'text' is empty")
        return
    problems: list[ReadProblem] = []
    fields: dict[str, str | None] = {}
    for name in _STR_FIELDS:
        value = obj.get(name)
        if value is None or isinstance(value, str):
            fields[name] = value
        else:
            problems.append(ReadProblem(where, f"article {name!r} must be a string or null, got a JSON "
                                               f"{_json_kind(value)} (ignored)", level="warning"))
            fields[name] = None
    raw_id = obj.get("id")
    # Integer ids are common in exported corpora; keep them, as strings.
    art_id = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else None
    if raw_id is not None and art_id is None:
        problems.append(ReadProblem(where, f"article 'id' must be a string, got a JSON {_json_kind(raw_id)}; "
                                           "using the content hash", level="warning"))
    article = make_article(
        text, source=where, defaults=defaults, id=art_id or None, title=fields["title"],
        published=fields["published"], outlet=fields["outlet"], url=fields["url"],
        language=fields["language"], problems=problems,
    )
    yield from problems
    yield article


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    return {dict: "object", list: "array", str: "string", int: "number", float: "number",
            type(None): "null"}.get(type(value), type(value).__name__)


# ---------------------------------------------------------------------------
# stdin


def _read_stream(stream: TextIO, source: str, defaults: Defaults) -> Iterator[Item]:
    """Read stdin: JSONL is streamed; anything else is read whole and sniffed."""
    lines = iter(stream)
    head: list[str] = []
    try:
        for line in lines:
            head.append(line)
            if line.strip():
                break
    except UnicodeDecodeError as exc:
        yield ReadProblem(source, f"stdin is not UTF-8 text ({exc.reason}); pipe UTF-8 text")
        return
    if not head or not head[-1].strip():
        yield ReadProblem(source, "input is empty")
        return
    first = head[-1].lstrip("\ufeff").strip()
    if "\x00" in first:
        yield ReadProblem(source, "binary input (not text, HTML or JSONL): it contains NUL bytes")
        return
    if first.startswith("{"):
        try:
            is_jsonl = isinstance(json.loads(first), dict)
        except ValueError:
            is_jsonl = False
        if is_jsonl:
            numbered = enumerate(chain(head, lines), 1)
            yield from _read_jsonl_lines(_guard_decode(numbered, source), source, defaults)
            return
    try:
        rest = "".join(chain(head, lines))
    except UnicodeDecodeError as exc:
        yield ReadProblem(source, f"stdin is not UTF-8 text ({exc.reason}); pipe UTF-8 text")
        return
    if "\x00" in rest[:SNIFF_BYTES]:
        yield ReadProblem(source, "binary input (not text, HTML or JSONL): it contains NUL bytes")
        return
    data = rest.encode("utf-8")
    yield from _read_content(_sniff(data[:SNIFF_BYTES]), data, source, defaults)


def _guard_decode(
    numbered: Iterator[tuple[int, str]], source: str
) -> Iterator[tuple[int, str | ReadProblem]]:
    """Pass stdin lines through; a decoding error ends the stream with one problem, not a traceback."""
    lineno = 0
    try:
        for lineno, line in numbered:
            yield lineno, line.lstrip("\ufeff") if lineno == 1 else line
    except UnicodeDecodeError as exc:
        yield lineno + 1, ReadProblem(f"{source}:{lineno + 1}", f"stdin is not UTF-8 text ({exc.reason}); "
                                                                "reading stopped here")
