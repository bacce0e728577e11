"""Throughput of the whole pipeline against bare spaCy parsing of the same texts.

`run_bench` reads a JSONL corpus (docs/event-record.md "Article"), loads the
model, warms both paths on a few texts (so that neither pays for loading),
then for each worker count times

- bare spaCy: `nlp.pipe(texts, batch_size=...)` consumed fully (`n_process`
  for more than one worker), and
- the pipeline: `process_batch` over the same articles (`process_parallel`
  for more than one worker),

and reports articles/s, words/s (whitespace tokens), the pipeline/spaCy ratio
and peak resident memory. The issue's bar: pipeline >= 0.6x bare spaCy.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .errors import InputError
from .records import Article, ArticleEvents

# src/newsevents/bench.py -> repo root; the shared data sits beside the repository,
# so the default must not depend on the working directory.
_REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = _REPO_ROOT.parent / "shared" / "data" / "corpora" / "guardian_syria_iraq.jsonl"
BAR = 0.6  # the acceptance bar for pipeline/spaCy throughput
WARM_ARTICLES = 4


def _rss_mb(who: int) -> float:
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss / scale


def words_of(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def read_corpus(path: str | Path, limit: int | None = None) -> list[Article]:
    """The articles of a JSONL corpus (fields of docs/event-record.md), at most `limit` of them."""
    path = Path(path)
    if not path.is_file():
        raise InputError("corpus file not found", source=str(path))
    articles: list[Article] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if limit is not None and len(articles) >= limit:
                break
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {lineno} is not JSON: {exc}", source=str(path)) from exc
            text = obj.get("text") if isinstance(obj, dict) else None
            if not isinstance(text, str):
                raise InputError(f"line {lineno} has no text field", source=str(path))
            articles.append(Article(
                id=str(obj.get("id") or Article.content_id(text, obj.get("title"))),
                text=text,
                published=obj.get("published"),
                title=obj.get("title"),
                outlet=obj.get("outlet"),
            ))
    if not articles:
        raise InputError("corpus has no articles", source=str(path))
    return articles


@dataclass(frozen=True, slots=True)
class Measure:
    """One timed pass over the corpus."""

    what: str  # "spacy" or "pipeline"
    workers: int
    articles: int
    words: int
    seconds: float
    # CPU seconds (user + system) of this process and of the workers reaped during the pass:
    # on a shared machine wall time moves with other load, CPU time much less.
    cpu_seconds: float
    # High-water marks read right after the pass: ru_maxrss never goes down, so
    # spaCy is timed first and the pipeline's figure is max(spaCy, pipeline).
    peak_rss_mb: float
    peak_children_rss_mb: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "what": self.what, "workers": self.workers, "articles": self.articles, "words": self.words,
            "seconds": round(self.seconds, 3), "cpu_seconds": round(self.cpu_seconds, 3),
            "articles_per_s": round(self.articles_per_s, 2),
            "words_per_s": round(self.words_per_s, 1), "peak_rss_mb": round(self.peak_rss_mb, 1),
            "peak_children_rss_mb": round(self.peak_children_rss_mb, 1),
        }


@dataclass(frozen=True, slots=True)
class BenchRow:
    workers: int
    spacy: Measure
    pipeline: Measure
    events: int
    skipped: int

    @property
    def ratio(self) -> float:
        """Pipeline throughput as a share of bare spaCy's (same articles, so a ratio of speeds)."""
        return self.spacy.seconds / self.pipeline.seconds if self.pipeline.seconds else 0.0

    @property
    def cpu_ratio(self) -> float:
        """The same ratio on CPU time: the check to trust when the machine is busy."""
        return self.spacy.cpu_seconds / self.pipeline.cpu_seconds if self.pipeline.cpu_seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"workers": self.workers, "spacy": self.spacy.as_dict(), "pipeline": self.pipeline.as_dict(),
                "ratio": round(self.ratio, 3), "cpu_ratio": round(self.cpu_ratio, 3), "meets_bar": self.ratio >= BAR,
                "events": self.events, "skipped_articles": self.skipped}


@dataclass(frozen=True, slots=True)
class BenchReport:
    corpus: str
    articles: int
    words: int
    model: str
    batch_size: int
    load_seconds: float  # spacy.load of the model
    warm_seconds: float  # first pipeline call on a few texts: knowledge bases, lookups
    # ru_maxrss after loading and warming the model, then after warming the pipeline (knowledge
    # bases, gazetteer): what every later peak includes before a single article is timed.
    rss_model_mb: float
    rss_warm_mb: float
    rows: tuple[BenchRow, ...]
    date: str
    environment: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus, "articles": self.articles, "words": self.words, "model": self.model,
            "batch_size": self.batch_size, "load_seconds": round(self.load_seconds, 3),
            "warm_seconds": round(self.warm_seconds, 3), "rss_model_mb": round(self.rss_model_mb, 1),
            "rss_warm_mb": round(self.rss_warm_mb, 1), "bar": BAR,
            "rows": [r.as_dict() for r in self.rows], "date": self.date, "environment": self.environment,
        }

    def format_table(self) -> str:
        lines = [
            f"corpus   {self.corpus}",
            f"         {self.articles} articles, {self.words:,} words (whitespace tokens)",
            f"model    {self.model}  (load {self.load_seconds:.2f} s; pipeline warm-up {self.warm_seconds:.2f} s;"
            f" neither counted below)  batch_size {self.batch_size}",
            f"memory   {self.rss_model_mb:.0f} MB with the model loaded, {self.rss_warm_mb:.0f} MB once the "
            f"pipeline's knowledge bases are loaded (before any timed pass)",
            "",
            f"{'workers':>7}  {'path':<9} {'seconds':>8} {'CPU s':>8} {'articles/s':>11} {'words/s':>9} "
            f"{'peak RSS MB':>11} {'children MB':>11}",
        ]
        for row in self.rows:
            for m in (row.spacy, row.pipeline):
                lines.append(
                    f"{m.workers:>7}  {m.what:<9} {m.seconds:>8.2f} {m.cpu_seconds:>8.2f} {m.articles_per_s:>11.2f} "
                    f"{m.words_per_s:>9,.0f} {m.peak_rss_mb:>11.0f} {m.peak_children_rss_mb:>11.0f}"
                )
            verdict = "meets" if row.ratio >= BAR else "BELOW"
            lines.append(f"{row.workers:>7}  ratio pipeline/spaCy {row.ratio:.2f}x wall ({verdict} the {BAR}x bar), "
                         f"{row.cpu_ratio:.2f}x CPU; "
                         f"{row.events} events, {row.skipped} articles skipped")
        lines.append("")
        lines.append("peak RSS: ru_maxrss high-water mark of this process after the pass (spaCy is timed "
                     "first); children: largest worker process so far.")
        return "\n".join(lines)


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(what: str, workers: int, n_articles: int, n_words: int, run: Callable[[], Any]) -> tuple[Measure, Any]:
    gc.collect()  # garbage left by the previous pass must not be collected on this one's clock
    cpu0, start = _cpu(), time.perf_counter()
    result = run()
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu0
    return Measure(what, workers, n_articles, n_words, seconds, cpu,
                   _rss_mb(resource.RUSAGE_SELF), _rss_mb(resource.RUSAGE_CHILDREN)), result


def run_bench(corpus: str | Path | None = None, *, limit: int | None = None,
              workers: Sequence[int] = (1, 2), config: Config | None = None) -> BenchReport:
    """Time bare spaCy and the whole pipeline on the same articles, for each worker count."""
    import spacy

    from .nlp import load_nlp
    from .parallel import process_parallel
    from .pipeline import process_batch

    config = config or Config()
    path = Path(corpus) if corpus is not None else DEFAULT_CORPUS
    articles = read_corpus(path, limit)
    texts = [a.text for a in articles]
    n_words = words_of(texts)

    start = time.perf_counter()
    nlp = load_nlp(config.model)
    load_seconds = time.perf_counter() - start
    # Warm both paths: the first pipe call allocates, the first pipeline call loads the KBs and gazetteer.
    for _ in nlp.pipe(texts[:WARM_ARTICLES], batch_size=config.batch_size):
        pass
    rss_model = _rss_mb(resource.RUSAGE_SELF)
    start = time.perf_counter()
    process_batch(articles[:WARM_ARTICLES], config)
    warm_seconds = time.perf_counter() - start
    rss_warm = _rss_mb(resource.RUSAGE_SELF)

    rows: list[BenchRow] = []
    for n in workers:
        if n < 1:
            raise InputError(f"workers must be >= 1, got {n}")

        def bare(n: int = n) -> int:
            count = 0
            for _ in nlp.pipe(texts, batch_size=config.batch_size, n_process=n):
                count += 1
            return count

        def whole(n: int = n) -> list[ArticleEvents]:
            return process_batch(articles, config) if n == 1 else process_parallel(articles, config, n)

        spacy_m, _ = _timed("spacy", n, len(articles), n_words, bare)
        pipe_m, results = _timed("pipeline", n, len(articles), n_words, whole)
        rows.append(BenchRow(n, spacy_m, pipe_m, events=sum(len(r.events) for r in results),
                             skipped=sum(1 for r in results if r.skipped)))

    return BenchReport(
        corpus=str(path), articles=len(articles), words=n_words, model=_model_name(nlp, config.model),
        batch_size=config.batch_size, load_seconds=load_seconds, warm_seconds=warm_seconds,
        rss_model_mb=rss_model, rss_warm_mb=rss_warm, rows=tuple(rows),
        date=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        environment={"python": platform.python_version(), "spacy": spacy.__version__,
                     "machine": platform.machine(), "cpus": str(_cpus())},
    )


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _model_name(nlp: Any, fallback: str) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', fallback)} {meta.get('version', '')}".strip()
