"""Store benchmark: ingest vs bare extraction, size per 1,000 events, query latency at 1M events, peak RSS.

    .venv/bin/python benchmarks/bench_store.py [--limit N] [--events 1000000] [--writer-articles 130000]
        [--out benchmarks/results/store.md]

--writer-articles replays the ingest's writer alone (a stand-in extractor, Reuters texts reused
under new ids) past DuckDB's 122,880-row row group, for its peak RSS as the store grows (~10 min
at 130,000; 0 skips it).

Needs ../shared/data/corpora/reuters21578.jsonl (skips with a message when absent).
The full run (19,043 articles, 1 and 2 workers plus bare extraction) takes long:
use --limit while developing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "reuters21578.jsonl"

QUERIES = {
    "events --actor USA --recipient CHN --type CONSULT --status planned --since 2023-01-01":
        lambda db: db.events(actor="USA", recipient="CHN", type="CONSULT", status="planned", since="2023-01-01"),
    "events --text ceasefire (all matches)": lambda db: db.events(text="ceasefire"),
    "events --actor USA --status planned (all matches)": lambda db: db.events(actor="USA", status="planned"),
    "events --actor 'Leader of IRN' --limit 50": lambda db: db.events(actor="Leader of IRN", limit=50),
    "events --place-country SYR --since 2020-01-01 --until 2020-12-31":
        lambda db: db.events(place_country="SYR", since="2020-01-01", until="2020-12-31"),
    "events --published-since 2024-06-01 --type ASSAULT":
        lambda db: db.events(published_since="2024-06-01", type="ASSAULT"),
    "sql: select type, count(*) from events group by 1":
        lambda db: db.sql("select type, count(*) from events group by 1"),
    "stats": lambda db: db.stats(),
}

CHILD = """
import json, multiprocessing, resource, sys, time
from newsevents.store.ingest import ingest

def mb(pid, key):  # VmHWM = peak RSS so far, VmRSS = now, from /proc
    try:
        with open(f"/proc/{pid}/status") as f:
            return next((int(l.split()[1]) / 1024 for l in f if l.startswith(key + ":")), 0.0)
    except OSError:
        return 0.0

limit = int(sys.argv[4])
marks = [m for m in (1000, 5000) if m < limit]
checkpoints, worker_peak = [], {}

def on_progress(p):  # after each committed batch: RSS of this process and of the pool's workers
    for child in multiprocessing.active_children():
        worker_peak[child.pid] = max(worker_peak.get(child.pid, 0.0), mb(child.pid, "VmHWM"))
    if marks and p.stored >= marks[0]:
        while marks and p.stored >= marks[0]:
            marks.pop(0)
        checkpoints.append({"stored": p.stored, "elapsed": p.elapsed, "events": p.events,
                            "main_mb": mb("self", "VmHWM"), "worker_mb": max(worker_peak.values(), default=0.0),
                            "main_now_mb": mb("self", "VmRSS")})
        print("checkpoint", json.dumps(checkpoints[-1]), file=sys.stderr, flush=True)

r = ingest([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), limit=limit, on_progress=on_progress)
checkpoints.append({"stored": r.progress.stored, "elapsed": r.progress.elapsed, "events": r.progress.events,
                    "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                    "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                    "main_now_mb": mb("self", "VmRSS")})
print("checkpoint", json.dumps(checkpoints[-1]), file=sys.stderr, flush=True)
print(json.dumps({"stored": r.progress.stored, "events": r.progress.events, "errors": r.progress.errors,
                  "elapsed": r.progress.elapsed, "checkpoints": checkpoints,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

BARE = """
import json, resource, sys, time

def mb(key):  # VmHWM = peak RSS so far, VmRSS = now
    with open("/proc/self/status") as f:
        return next((int(l.split()[1]) / 1024 for l in f if l.startswith(key + ":")), 0.0)

from itertools import islice
from newsevents.ingest.readers import iter_inputs
from newsevents.records import Article
from newsevents.pipeline import process_batch
from newsevents.nlp import load_nlp
from newsevents.config import Config
load_nlp(Config().model)
arts = [a for a in islice((x for x in iter_inputs([sys.argv[1]]) if isinstance(x, Article)), int(sys.argv[2]))]
start = time.perf_counter(); n = 0; rss = []
marks = [m for m in (1000, 5000) if m < len(arts)]
for i in range(0, len(arts), 32):
    n += sum(len(r.events) for r in process_batch(arts[i:i + 32]))
    done = min(i + 32, len(arts))
    if marks and done >= marks[0]:
        marks.pop(0)
        rss.append({"articles": done, "peak_mb": mb("VmHWM"), "now_mb": mb("VmRSS")})
    if (i // 32) % 32 == 31:
        print("bare", done, "articles", n, "events", round(time.perf_counter() - start, 1), "s", file=sys.stderr, flush=True)
rss.append({"articles": len(arts), "peak_mb": mb("VmHWM"), "now_mb": mb("VmRSS")})
print(json.dumps({"articles": len(arts), "events": n, "elapsed": time.perf_counter() - start, "rss": rss}))
"""


WRITER = """
import json, sys, time
from newsevents.records import Article, ArticleEvents, Attribution, DateValue, Entity, Event, Place, Span
from newsevents.store.ingest import ingest_items

def mb(key):
    with open("/proc/self/status") as f:
        return next((int(l.split()[1]) / 1024 for l in f if l.startswith(key + ":")), 0.0)

texts = [(d.get("title"), d["text"]) for d in map(json.loads, open(sys.argv[1])) if d.get("text")]
n = int(sys.argv[3])
C = ["USA", "CHN", "RUS", "GBR", "JPN", "FRA", "DEU", "IRN"]

def articles():
    for i in range(n):  # each text again under a new content id once the corpus is used up
        title, text = texts[i % len(texts)]
        yield Article(id=f"w-{i}", text=f"W{i} {text}", title=title, published=f"1987-{1 + i % 12:02d}-15",
                      outlet="Reuters", url=f"https://x.test/{i}")

def process(arts, config=None):  # one event for every other article (the real ingest: 0.55 per article)
    out = []
    for a in arts:
        i = int(a.id[2:])
        events = () if i % 2 else (Event(
            type="CONSULT", trigger="met", evidence=Span(0, min(len(a.text), 200)), mode="visit",
            context=("diplomatic",), actor=(Entity("officials", None, C[i % 8], "GOV"),),
            recipient=(Entity("minister", f"Leader of {C[(i + 3) % 8]}", C[(i + 3) % 8], "GOV"),),
            status="occurred", sourcing="attributed", attribution=(Attribution("an official", "Reuters"),),
            date=DateValue(f"1987-{1 + i % 12:02d}", None, "last month"),
            place=Place("Geneva", "CHE", "Geneva", 2660646, 46.2, 6.15) if i % 4 == 0 else None,
            confidence=0.7),)
        out.append(ArticleEvents(a.id, a.published, events=events))
    return out

marks = [m for m in (1000, 5000, 19000, 60000, 122880) if m < n]
rows = []
def on_progress(p):
    if marks and p.stored >= marks[0]:
        while marks and p.stored >= marks[0]:
            marks.pop(0)
        rows.append({"stored": p.stored, "elapsed": p.elapsed, "peak_mb": mb("VmHWM"), "now_mb": mb("VmRSS")})
        print("writer", json.dumps(rows[-1]), file=sys.stderr, flush=True)

r = ingest_items(articles(), sys.argv[2], process=process, on_progress=on_progress)
rows.append({"stored": r.progress.stored, "elapsed": r.progress.elapsed, "peak_mb": mb("VmHWM"), "now_mb": mb("VmRSS")})
print(json.dumps({"rows": rows}))
"""


def _run(code: str, *args: object) -> dict:
    # stderr (progress, RSS checkpoints) goes to ours, so a long run's log shows partial figures
    out = subprocess.run([sys.executable, "-c", code, *map(str, args)], stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _largest_row_group(db) -> int:  # type: ignore[no-untyped-def]
    # rows per row group = the first column's segments (column path [0]; list children count elements)
    return int(db.sql("select max(n) as n from (select sum(count) as n from pragma_storage_info('events') "
                      "where column_path = '[0]' group by row_group_id)").records()[0]["n"] or 0)


def _relayout(path: Path) -> None:
    """Copy the synthetic store into row groups of the ingest writer's size (its build writes DuckDB's default)."""
    from newsevents.store import open as open_store

    fresh = path.with_name(path.stem + ".relayout.duckdb")
    fresh.unlink(missing_ok=True)
    with open_store(fresh).connect() as con:
        con.execute(f"ATTACH '{path}' AS built (READ_ONLY)")
        for table in ("articles", "events", "participants", "attributions", "places", "errors"):
            con.execute(f"INSERT INTO {table} SELECT * FROM built.{table}")
        con.execute("DETACH built")
    fresh.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=19_043, help="articles of the Reuters corpus to use")
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the synthetic query store")
    parser.add_argument("--synthetic", type=Path, default=Path(tempfile.gettempdir()) / "newsevents-synthetic.duckdb",
                        help="synthetic store (reused when it already holds --events events)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "store.md")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--writer-articles", type=int, default=130_000,
                        help="synthetic articles for the writer-alone replay (0: skip it)")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"bench_store: skipped: {CORPUS} not found (needs the shared data next to the repo)", file=sys.stderr)
        return 0
    sys.path.insert(0, str(ROOT / "benchmarks"))
    lines = [f"# Store benchmark ({dt.date.today().isoformat()})", "",
             f"Command: `.venv/bin/python benchmarks/bench_store.py --limit {args.limit} --events {args.events}`", ""]
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        if not args.skip_ingest:
            bare = _run(BARE, CORPUS, args.limit)
            bare_rate = bare["articles"] / bare["elapsed"]
            lines += ["## Ingest (Reuters-21578)", "",
                      f"bare extraction (process_batch, 1 process, model preloaded): {bare['articles']} articles, "
                      f"{bare_rate:.2f} articles/s, {bare['events']} events; RSS peak / now at "
                      + " / ".join(f"{c['articles']}: {c['peak_mb']:.0f} / {c['now_mb']:.0f} MB" for c in bare["rss"]),
                      "",
                      "| workers | articles/s | ratio to bare | events | errors | peak RSS main / worker MB |",
                      "|---|---|---|---|---|---|"]
            size_line, rss_rows = "", []
            for workers in (1, 2):
                db = Path(tmp) / f"ingest{workers}.duckdb"
                r = _run(CHILD, CORPUS, db, workers, args.limit)
                rate = r["stored"] / r["elapsed"]
                lines.append(f"| {workers} | {rate:.2f} | {rate / bare_rate:.2f}x | {r['events']} | {r['errors']} | "
                             f"{r['rss_mb']:.0f} / {r['rss_children_mb']:.0f} |")
                print(lines[-1], file=sys.stderr, flush=True)
                rss_rows += [f"| {workers} | {c['stored']} | {c['elapsed']:.0f} | {c['main_mb']:.0f} | "
                             f"{c.get('main_now_mb', 0):.0f} | {c['worker_mb']:.0f} |" for c in r["checkpoints"]]
                if workers == 1 and r["events"]:
                    size_line = (f"database size: {db.stat().st_size / 1e6:.1f} MB for {r['events']} events and "
                                 f"{r['stored']} articles = {db.stat().st_size / 1e3 / r['events']:.1f} MB per "
                                 "1,000 events (articles' full text included; a DuckDB file starts at ~3 MB, "
                                 "so small runs overstate it)")
            lines += ["", "(ingest includes the model load, reading and writing; bare excludes the model load)",
                      "", size_line, "", "## Peak RSS as the corpus grows (sampled during the ingests above)", "",
                      "peak RSS so far (/proc VmHWM; at the end, getrusage) when 1,000 / 5,000 / all articles "
                      "were stored; worker = the largest pool worker (0 with 1 worker: extraction in-process)", "",
                      "| workers | articles stored | elapsed s | peak RSS main MB | RSS main now MB | peak RSS worker MB |",
                      "|---|---|---|---|---|---|", *rss_rows]
            lines.append("")
        if args.writer_articles > 0:
            w = _run(WRITER, CORPUS, Path(tmp) / "writer.duckdb", args.writer_articles)
            lines += ["## Writer alone: peak RSS as the store grows", "",
                      f"the ingest's writer (1 worker, batches of 32, a stand-in extractor: one event for every "
                      f"other article) storing {args.writer_articles:,} articles of Reuters text (each text reused "
                      "under a new id once the corpus is used up); /proc VmHWM / VmRSS after the batch crossing "
                      "each mark", "",
                      "| articles stored | elapsed s | peak RSS MB | RSS now MB |", "|---|---|---|---|",
                      *[f"| {c['stored']} | {c['elapsed']:.0f} | {c['peak_mb']:.0f} | {c['now_mb']:.0f} |"
                        for c in w["rows"]], ""]
            print("\n".join(lines[-len(w["rows"]) - 1:]), file=sys.stderr, flush=True)
        from make_synthetic_store import build

        from newsevents.store import open as open_store

        from newsevents.store.connect import ROW_GROUP_SIZE

        built = ""
        try:
            db = open_store(args.synthetic, read_only=True)
            ok = db.count() == args.events and _largest_row_group(db) <= ROW_GROUP_SIZE
        except Exception:  # any failure to open means: rebuild it
            ok = False
        if not ok:
            start = time.perf_counter()
            build(args.synthetic, args.events)
            _relayout(args.synthetic)
            built = f" (built in {time.perf_counter() - start:.0f} s)"
        db = open_store(args.synthetic, read_only=True)
        size = args.synthetic.stat().st_size
        lines += [f"## Queries on a synthetic store of {args.events:,} events{built}", "",
                  f"{size / 1e6:.0f} MB = {size / 1e3 / args.events:.2f} MB per 1,000 events without article "
                  f"text, in row groups of {ROW_GROUP_SIZE:,} rows as an ingest writes them; latency includes "
                  "opening a read-only connection; best of 3 "
                  "(and the first, cold, run)", "", "| query | rows | best s | first s |", "|---|---|---|---|"]
        for name, fn in QUERIES.items():
            times, rows = [], 0
            for _ in range(3):
                start = time.perf_counter()
                result = fn(db)
                times.append(time.perf_counter() - start)
                rows = len(result)
            lines.append(f"| {name} | {rows} | {min(times):.3f} | {times[0]:.3f} |")
    lines += ["", f"machine: {resource.getpagesize()}-byte pages, 2 cores shared with other jobs while measured"]
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
