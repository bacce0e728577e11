"""Our own article-level gold (dev set, seed article): the full `newsevents evaluate` table.

The articles are run through `process_batch` and scored with
`newsevents.evaluate.scoring.score`, so the figures are those of
docs/event-record.md ("Scoring") and docs/evaluate.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...records import Article, article_events_to_dict
from . import DatasetMissing, DatasetResult
from ._common import BATCH_SIZE, Process, default_process

DEFINITIONS = {
    "event_f1_dyad": "F1 of one-to-one matching on type + dyad (docs/event-record.md Scoring), micro over "
        "articles",
    "event_precision_dyad": "matched system events / all system events (type + dyad)",
    "event_recall_dyad": "matched gold events / all gold events (type + dyad)",
    "event_f1_typed": "as event_f1_dyad with the dyad condition dropped (type alone)",
    "status_aware_f1": "event_f1_dyad counting a match only when status also agrees",
    "status": "matched pairs: status equal",
    "sourcing": "matched pairs: sourcing equal",
    "mode": "matched pairs where gold has a mode: mode equal",
    "date_exact": "matched pairs: date value and mod equal",
    "date_lenient": "matched pairs: date intervals overlap",
    "place_exact": "matched pairs: same place country and name (case-insensitive)",
    "place_lenient": "matched pairs: same place country",
    "actor_names": "matched pairs: at least half of the gold canonical-name tokens found",
    "dyad_exact": "matched pairs: actor and recipient key sets equal",
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def article_from_dict(d: dict[str, Any]) -> Article:
    return Article(
        id=d["id"], text=d["text"], published=d.get("published"), title=d.get("title"),
        outlet=d.get("outlet"), url=d.get("url"), language=d.get("language") or "en",
    )


def _find(folder: Path, names: Sequence[str]) -> Path:
    for name in names:
        if (folder / name).exists():
            return folder / name
    raise DatasetMissing(folder / names[0])


def score_gold(dataset: str, gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> DatasetResult:
    from ..scoring import score

    report = score(gold, system)
    metrics: dict[str, float] = {
        "event_f1_dyad": report.dyad.f1, "event_precision_dyad": report.dyad.precision,
        "event_recall_dyad": report.dyad.recall, "event_f1_typed": report.typed.f1,
        "status_aware_f1": report.status_aware.f1,
    }
    gold_events = report.dyad.tp + report.dyad.fn
    n: dict[str, int] = {
        "items": len(gold), "event_f1_dyad": gold_events, "event_precision_dyad": report.dyad.tp + report.dyad.fp,
        "event_recall_dyad": gold_events, "event_f1_typed": gold_events, "status_aware_f1": gold_events,
    }
    for name, acc in report.attributes:
        metrics[name] = float("nan") if acc.accuracy is None else acc.accuracy
        n[name] = acc.n
    notes = [f"{gold_events} gold events in {len(gold)} articles; "
             f"{report.dyad.tp + report.dyad.fp} system events"]
    notes.extend(report.warnings)
    return DatasetResult(dataset, metrics, n, dict(DEFINITIONS), None, notes)


def _run(dataset: str, folder: Path, article_names: Sequence[str], limit: int | None,
         process: Process | None, *, lower: bool = False) -> DatasetResult:
    folder = Path(folder)
    rows = read_jsonl(_find(folder, article_names))
    if lower:
        rows = [{**d, "text": d["text"].lower()} for d in rows]
    articles = [article_from_dict(d) for d in rows]
    gold = read_jsonl(_find(folder, ["gold.jsonl"]))
    if limit is not None:
        articles = articles[:limit]
        keep = {a.id for a in articles}
        gold = [g for g in gold if g["article_id"] in keep]
    run = process or default_process
    system = []
    for start in range(0, len(articles), BATCH_SIZE):
        system.extend(article_events_to_dict(r) for r in run(articles[start:start + BATCH_SIZE]))
    return score_gold(dataset, gold, system)


def run(path: Path, limit: int | None = None, process: Process | None = None) -> DatasetResult:
    return _run("dev", path, ["articles.jsonl"], limit, process)


def run_lowercase(path: Path, limit: int | None = None, process: Process | None = None) -> DatasetResult:
    """The dev set with every article lower-cased, as some archives keep their text: how much
    of the extraction survives without capitals (same gold, same scoring)."""
    return _run("dev-lowercase", path, ["articles.jsonl"], limit, process, lower=True)


def run_seed(path: Path, limit: int | None = None, process: Process | None = None) -> DatasetResult:
    return _run("seed", path, ["article.jsonl", "articles.jsonl"], limit, process)
