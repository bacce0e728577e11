"""Ingest: read inputs, extract events in worker processes, store batch by batch.

This process is the one writer. Workers only run `process` (by default
`process_batch`, the model loaded once per worker); each finished batch is
written in one transaction covering its articles, events, participants,
attributions, places and errors, so a run killed at any point leaves every
finished article stored once and nothing half-written. Articles already stored
are skipped before extraction, which makes a re-run resume where it stopped.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..errors import NewsEventsError
from ..pipeline import process_batch
from ..records import Article, ArticleEvents
from .db import EventStore, open_store
from .rows import ErrorRow, build_rows, content_key

Process = Callable[[Sequence[Article], Config], list[ArticleEvents]]

_EXTRACT_FAILED = "NE000"
_LOOKAHEAD = 8  # batches read ahead of extraction, to check what is already stored in one query


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Counters after each committed batch (also the final report's core)."""

    read: int = 0  # articles read from the inputs
    stored: int = 0  # articles newly stored in this run
    present: int = 0  # articles skipped: already stored (or repeated in the inputs)
    events: int = 0  # events newly stored
    errors: int = 0  # read problems, extraction failures and skipped articles in this run
    batches: int = 0
    elapsed: float = 0.0
    total: int | None = None  # estimated number of articles in the inputs, when it can be told

    pending: int = 0  # read, sent to extraction, not yet committed

    @property
    def rate(self) -> float:
        return self.stored / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        if not self.total or self.elapsed <= 0:
            return None
        done = self.read - self.pending
        if done <= 0:
            return None
        return max(self.total - done, 0) * self.elapsed / done


@dataclass(frozen=True, slots=True)
class IngestReport:
    progress: IngestProgress
    error_summary: tuple[tuple[str, str, int], ...] = ()  # (kind, code, count) in this run
    error_examples: tuple[ErrorRow, ...] = ()  # the first few, for the end-of-run message
    db: Path | None = None


@dataclass(slots=True)
class _Tally:
    read: int = 0
    stored: int = 0
    present: int = 0
    events: int = 0
    errors: int = 0
    batches: int = 0
    pending: int = 0
    by_kind: dict[tuple[str, str], int] = field(default_factory=dict)
    examples: list[ErrorRow] = field(default_factory=list)

    def note(self, errors: Iterable[ErrorRow]) -> None:
        for err in errors:
            self.errors += 1
            key = (err.kind, err.code or "")
            self.by_kind[key] = self.by_kind.get(key, 0) + 1
            if len(self.examples) < 10:
                self.examples.append(err)


def estimate_total(paths: Sequence[str]) -> int | None:
    """A cheap count of the articles in the inputs, for the ETA (None when unknowable, e.g. stdin)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = [path] if path.is_file() else sorted(
            p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts[len(path.parts):])
        ) if path.is_dir() else []
        for file in files:
            suffix = file.suffix.lower()
            try:
                if suffix in (".jsonl", ".ndjson"):
                    with file.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                elif suffix in (".xml", ".rss", ".atom"):
                    data = file.read_bytes()
                    total += max(data.count(b"<item") + data.count(b"<entry"), 1)
                else:
                    total += 1
            except OSError:
                total += 1
    return total


def _init_worker(process: Process, config: Config) -> None:
    # Load the model once per worker, before the first batch arrives.
    if process is process_batch:
        from ..nlp import load_nlp

        load_nlp(config.model)


def _run(process: Process, articles: list[Article], config: Config) -> list[ArticleEvents]:
    return process(articles, config)


def _failure(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, NewsEventsError):
        return exc.code, str(exc)
    return _EXTRACT_FAILED, f"{type(exc).__name__}: {exc}"


def _batches(items: Iterable[object], size: int, tally: _Tally, limit: int | None
             ) -> Iterator[tuple[list[Article], list[ErrorRow]]]:
    """Chunks of articles, each with the read problems met while reading it."""
    from ..ingest.readers import ReadProblem

    articles: list[Article] = []
    problems: list[ErrorRow] = []
    for item in items:
        if isinstance(item, ReadProblem):
            kind = "read" if item.level == "error" else "read-warning"
            problems.append(ErrorRow(kind, item.code, item.source, None, item.message))
            continue
        if not isinstance(item, Article):
            continue
        if limit is not None and tally.read >= limit:
            break
        tally.read += 1
        articles.append(item)
        if len(articles) >= size:
            yield articles, problems
            articles, problems = [], []
    if articles or problems:
        yield articles, problems


def ingest(
    paths: Sequence[str],
    db: str | os.PathLike[str] | EventStore,
    **kwargs: object,
) -> IngestReport:
    """Ingest files, folders, JSONL, HTML and RSS/Atom feeds (see `ingest_items` for the options)."""
    from ..ingest.readers import iter_inputs

    read_opts = {k: kwargs.pop(k) for k in ("published", "outlet", "title", "stdin") if k in kwargs}
    total = estimate_total(paths)
    return ingest_items(iter_inputs(paths, **read_opts), db, total=total, **kwargs)  # type: ignore[arg-type]


def ingest_items(
    items: Iterable[Article | object],
    db: str | os.PathLike[str] | EventStore,
    *,
    config: Config | None = None,
    process: Process = process_batch,
    workers: int = 1,
    batch_size: int | None = None,
    limit: int | None = None,
    total: int | None = None,
    wait: float = 120.0,
    on_progress: Callable[[IngestProgress], None] | None = None,
) -> IngestReport:
    """Extract and store articles (and ReadProblems, as error rows); returns the run's report.

    `process(articles, config)` is the extraction step (default `process_batch`);
    it must be a picklable module-level function when `workers > 1`. `wait` is
    how long a write waits for a reader to let go of the file before StoreBusy.
    """
    config = config or Config()
    size = batch_size or config.batch_size
    store = db if isinstance(db, EventStore) else open_store(db, wait=wait)
    store = EventStore(path=store.path, read_only=False, wait=wait)
    tally = _Tally()
    # Content keys read but not yet committed, so an input repeated while its first copy is
    # still being extracted is extracted once. Committed keys leave the set (the store's
    # `present` answers for them): a set of every key read grew ~16 MB over 130k articles.
    seen: set[str] = set()
    start = time.monotonic()
    if limit is not None and total is not None:
        total = min(total, limit)

    def progress() -> IngestProgress:
        return IngestProgress(
            read=tally.read, stored=tally.stored, present=tally.present, events=tally.events,
            errors=tally.errors, batches=tally.batches, elapsed=time.monotonic() - start, total=total,
            pending=tally.pending,
        )

    def prepare(articles: list[Article]) -> list[Article]:
        fresh: list[Article] = []
        for article in articles:
            key = content_key(article)
            if key in seen:
                tally.present += 1
                continue
            seen.add(key)
            fresh.append(article)
        stored = store.present([content_key(a) for a in fresh]) if fresh else set()
        seen.difference_update(stored)
        todo = [a for a in fresh if content_key(a) not in stored]
        tally.present += len(fresh) - len(todo)
        return todo

    def commit(articles: list[Article], results: list[ArticleEvents] | None, problems: list[ErrorRow],
               failure: BaseException | None) -> None:
        errors = list(problems)
        done: list[ArticleEvents] = []
        if failure is not None:
            code, message = _failure(failure)
            errors += [ErrorRow("extract", code, None, a.id, message) for a in articles]
        else:
            by_id = {r.article_id: r for r in results or []}
            for article in articles:
                result = by_id.get(article.id)
                if result is None:
                    errors.append(ErrorRow("extract", _EXTRACT_FAILED, None, article.id,
                                           "the extractor returned no result for this article"))
                else:
                    done.append(result)
        rows = build_rows(done, {a.id: a for a in articles}, errors=errors)
        written = store.write(rows)
        seen.difference_update(content_key(a) for a in articles)
        tally.stored += written.articles
        tally.present += written.duplicates
        tally.events += written.events
        tally.pending -= len(articles)
        tally.batches += 1
        tally.note(errors)
        tally.note(ErrorRow("skipped", None, None, r.article_id, r.skipped) for r in done if r.skipped)
        if on_progress is not None:
            on_progress(progress())

    def batches() -> Iterator[tuple[list[Article], list[ErrorRow]]]:
        # Presence is checked for several batches at once: one connection instead of eight.
        for chunk, problems in _batches(items, size * _LOOKAHEAD, tally, limit):
            todo = prepare(chunk) if chunk else []
            if not todo:
                yield [], problems
                continue
            for i in range(0, len(todo), size):
                yield todo[i:i + size], problems if i == 0 else []

    if workers <= 1:
        for todo, problems in batches():
            tally.pending += len(todo)
            results, failure = None, None
            if todo:
                try:
                    results = process(todo, config)
                except Exception as exc:  # one failing batch must not stop the run: recorded per article
                    failure = exc
            if todo or problems:
                commit(todo, results, problems, failure)
    else:
        _run_pool(batches(), commit, tally, process, config, workers)
    final = progress()
    summary = tuple(sorted(((k, c, n) for (k, c), n in tally.by_kind.items()), key=lambda t: -t[2]))
    return IngestReport(progress=final, error_summary=summary, error_examples=tuple(tally.examples), db=store.path)


def _run_pool(batches, commit, tally, process, config, workers) -> None:  # type: ignore[no-untyped-def]
    """Keep at most workers+1 batches in flight (memory stays flat) and commit as they finish."""
    # fork: workers start in milliseconds and scripts need no `if __name__ == "__main__"` guard;
    # the parent holds no open database connection while the pool runs.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                  initializer=_init_worker, initargs=(process, config))
    inflight: dict[cf.Future[list[ArticleEvents]], tuple[list[Article], list[ErrorRow], object]] = {}
    try:
        def drain(block_until: int) -> None:
            nonlocal pool
            while len(inflight) > block_until:
                finished, _ = cf.wait(list(inflight), return_when=cf.FIRST_COMPLETED)
                for future in finished:
                    articles, problems, owner = inflight.pop(future)
                    try:
                        results, failure = future.result(), None
                    except cf.process.BrokenProcessPool as exc:
                        # A worker died (e.g. out of memory): record the batch, start a fresh pool.
                        results, failure = None, exc
                        if owner is pool:
                            pool.shutdown(wait=False, cancel_futures=True)
                            pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                                          initializer=_init_worker, initargs=(process, config))
                    except Exception as exc:  # recorded per article, the run goes on
                        results, failure = None, exc
                    commit(articles, results, problems, failure)

        for todo, problems in batches:
            if not todo:
                if problems:
                    commit([], [], problems, None)
                continue
            tally.pending += len(todo)
            inflight[pool.submit(_run, process, todo, config)] = (todo, problems, pool)
            drain(workers)
        drain(0)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
