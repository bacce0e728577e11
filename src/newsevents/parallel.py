"""`process_parallel(articles, config, workers)`: `process_batch` over a pool of worker processes.

The CLI, the benchmark and the store share it. The articles are cut into
batches of `config.batch_size`; each worker runs `process_batch` on whole
batches, and the results come back in the order of the input, one
`ArticleEvents` per article: a batch whose worker failed (or died) is
returned as skipped articles carrying the reason, never dropped.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections.abc import Sequence

from .config import Config
from .pipeline import process_batch
from .records import Article, ArticleEvents


def _run_batch(batch: list[Article], config: Config) -> list[ArticleEvents]:
    # Module-level so that it pickles for the pool.
    return process_batch(batch, config)


def _failed(batch: Sequence[Article], exc: BaseException) -> list[ArticleEvents]:
    reason = f"extraction failed in a worker process: {type(exc).__name__}: {exc}"
    return [ArticleEvents(a.id, a.published, skipped=reason, article=a) for a in batch]


def _context() -> multiprocessing.context.BaseContext:
    # fork: workers inherit the already loaded model and knowledge bases
    # (copy-on-write) instead of each loading them again, and callers need no
    # `if __name__ == "__main__"` guard. Where fork is missing, the default.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def process_parallel(articles: Sequence[Article], config: Config | None = None,
                     workers: int | None = None) -> list[ArticleEvents]:
    """The events of each article, extracted by `workers` processes (default `config.workers`).

    Same contract as `process_batch`: `len(result) == len(articles)` and
    `result[i]` belongs to `articles[i]`.
    """
    config = config or Config()
    articles = list(articles)
    workers = config.workers if workers is None else workers
    size = config.batch_size
    batches = [articles[i:i + size] for i in range(0, len(articles), size)]
    if workers <= 1 or len(batches) <= 1:
        # A pool costs process start-up and pickling; for one batch or one worker it buys nothing.
        return process_batch(articles, config)
    out: list[ArticleEvents] = []
    with cf.ProcessPoolExecutor(max_workers=min(workers, len(batches)), mp_context=_context()) as pool:
        futures = [pool.submit(_run_batch, batch, config) for batch in batches]
        # Collected in submission order, so the output keeps the input's order.
        for batch, future in zip(batches, futures):
            try:
                results = future.result()
            except Exception as exc:  # a dead worker (BrokenProcessPool) or an unpicklable result
                results = _failed(batch, exc)
            if len(results) != len(batch):
                # process_batch promises one result per article; if that ever breaks, say so per article.
                results = _failed(batch, RuntimeError(f"{len(results)} results for {len(batch)} articles"))
            out.extend(results)
    return out
