"""`make scoreboard`: newsevents on public gold sets it did not write, next to published figures.

Runs every dataset of `newsevents.evaluate.datasets.DATASETS` (each with its
documented cap), and writes benchmarks/SCOREBOARD.md: per set, what is
measured, the figure, the number of items and the published anchor figure
where one exists, with the date and the commit that produced it.

A set whose data is absent becomes a "skipped" row; a set whose scoring code
is not installed becomes "not available"; any other error is a visible
"failed" row, never hidden.

    .venv/bin/python benchmarks/scoreboard.py [--only NAME ...] [--limit N] [--out PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from newsevents.evaluate.datasets import (
    DATASETS, DatasetMissing, DatasetResult, DatasetUnavailable, run_dataset, shared_data_root,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "benchmarks" / "SCOREBOARD.md"


@dataclass(frozen=True, slots=True)
class Outcome:
    name: str
    state: str  # "ok", "skipped", "not available", "failed"
    seconds: float
    limit: int | None
    result: DatasetResult | None = None
    message: str = ""


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                             text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                           capture_output=True, text=True).stdout.strip()
    return out.stdout.strip() + (" (working tree has uncommitted changes)" if dirty else "")


def run_one(name: str, limit: int | None) -> Outcome:
    start = time.perf_counter()
    try:
        result = run_dataset(name, limit=limit)
    except DatasetMissing as exc:
        return Outcome(name, "skipped", time.perf_counter() - start, limit, message=f"{exc.path} not found")
    except DatasetUnavailable as exc:
        return Outcome(name, "not available", time.perf_counter() - start, limit, message=str(exc))
    except Exception as exc:  # noqa: BLE001 - any other failure must show as a row, not stop the board
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f" ({Path(last.filename).name}:{last.lineno})"
        return Outcome(name, "failed", time.perf_counter() - start, limit,
                       message=f"{type(exc).__name__}: {exc}{where}")
    return Outcome(name, "ok", time.perf_counter() - start, limit, result)


POOR_BELOW = 0.5  # a figure under 50% is called poor ...
ANCHOR_GAP = 0.10  # ... and so is one more than 10 points under its published anchor
MIN_N = 20  # fewer items than this say too little to call anything
_ANCHOR_FIGURE = re.compile(r"(\d+(?:\.\d+)?)%")


def poor_figures(result: DatasetResult) -> list[str]:
    """The figures of a set that a reader should be told are weak, with the reason."""
    out = []
    anchors = result.anchor or {}
    for name, value in result.metrics.items():
        n = result.n.get(name, result.n.get("items", 0))
        if value != value or n < MIN_N or name.startswith("event_rate"):
            continue  # no figure, too few items, or a rate that is descriptive rather than good/bad
        match = _ANCHOR_FIGURE.search(anchors.get(name, ""))
        if match and value < float(match.group(1)) / 100 - ANCHOR_GAP:
            out.append(f"{name} {100 * value:.1f}% vs anchor {match.group(1)}%")
        elif value < POOR_BELOW:
            out.append(f"{name} {100 * value:.1f}%")
    return out


def render(outcomes: list[Outcome], commit: str, today: str) -> str:
    lines = [
        "# newsevents scoreboard",
        "",
        f"Generated {today} from commit `{commit}` by `make scoreboard` "
        "(`benchmarks/scoreboard.py`), reading `../shared/data/peers`, `../shared/data/dev` and "
        "`../shared/data/seed`. Figures are percentages; *n* is the number of items each figure is "
        "computed over. Sentence-level sets are scored on our single most confident event per sentence. "
        "No test split was read. Tuned on: dev (the extractor's rules), the PLV train split (lexicon "
        "gaps), and LGL and GeoWebNews themselves (the few weights of the place resolver's document "
        "context were grid-searched on them, so their rows are optimistic). Rerun any row with "
        "`newsevents evaluate --dataset NAME` (or `run_dataset(NAME)` in Python); "
        "docs/scoreboard.md explains every mapping.",
        "",
        "| set | state | items | cap | seconds |",
        "|---|---|---|---|---|",
    ]
    for o in outcomes:
        items = o.result.n.get("items", "") if o.result else ""
        state = o.state if not o.message else f"{o.state}: {o.message}"
        lines.append(f"| {o.name} | {state.replace('|', '/')} | {items} | {o.limit or 'all'} | {o.seconds:.0f} |")
    weak = [(o.name, poor_figures(o.result)) for o in outcomes if o.result is not None]
    lines += ["", "## Poor figures", "",
              f"Figures under {POOR_BELOW:.0%}, or more than {100 * ANCHOR_GAP:.0f} points under the published anchor "
              f"(on at least {MIN_N} items); each set's notes say why where the reason is known.", ""]
    lines.extend(f"- **{name}**: " + "; ".join(items) for name, items in weak if items)
    if not any(items for _, items in weak):
        lines.append("- none")
    for o in outcomes:
        spec = DATASETS[o.name]
        lines += ["", f"## {o.name}", "", spec.description + ".", ""]
        if o.result is None:
            lines.append(f"**{o.state}**: {o.message}")
            continue
        lines.append(o.result.format_table())
        if o.result.notes:
            lines.append("")
            lines.extend(f"- {note}" for note in o.result.notes)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(DATASETS), metavar="NAME",
                        help="run only this dataset (repeatable); known: " + ", ".join(DATASETS))
    parser.add_argument("--limit", type=int, default=None,
                        help="cap every dataset at N items (default: each dataset's documented cap)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output file (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)

    names = args.only or list(DATASETS)
    if not shared_data_root().exists():
        print(f"scoreboard: {shared_data_root()} not found; every set will be skipped", file=sys.stderr)
    outcomes = []
    for name in names:
        limit = args.limit if args.limit is not None else DATASETS[name].default_limit
        print(f"scoreboard: {name} (cap {limit or 'none'}) ...", file=sys.stderr, flush=True)
        outcome = run_one(name, limit)
        print(f"scoreboard: {name}: {outcome.state} in {outcome.seconds:.0f}s"
              + (f" - {outcome.message}" if outcome.message else ""), file=sys.stderr, flush=True)
        outcomes.append(outcome)
    text = render(outcomes, git_commit(), dt.date.today().isoformat())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"scoreboard: wrote {args.out}", file=sys.stderr)
    return 1 if any(o.state == "failed" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
