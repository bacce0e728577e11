"""Event dates as intervals: the record keeps ISO text at its own precision
("2023", "2023-11", "2023-W45", "2023-10-25/2023-10-31"); range filters need
the first and last day it can cover.
"""

from __future__ import annotations

import calendar
import datetime as dt


def _bounds(value: str) -> tuple[dt.date, dt.date] | None:
    value = value.strip()
    try:
        if len(value) == 4 and value.isdigit():
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(value) in (7, 8) and value[4] == "-" and value[5] == "W":
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return monday, monday + dt.timedelta(days=6)
        if len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(value) >= 10:
            day = dt.date.fromisoformat(value[:10])
            return day, day
    except ValueError:
        return None
    return None


def date_interval(value: str | None, mod: str | None = None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day an event date can cover; None for an open or unknown side.

    `before X` has no known start and `after X` no known end; other modifiers
    (start, mid, end, approx) keep the whole period, so a range filter never drops
    an event the text places inside it.
    """
    if not value:
        return None, None
    if "/" in value:
        left, right = value.split("/", 1)
        lo, hi = _bounds(left), _bounds(right)
        start = lo[0] if lo else None
        end = hi[1] if hi else None
    else:
        bounds = _bounds(value)
        if bounds is None:
            return None, None
        start, end = bounds
    if mod == "before":
        return None, end
    if mod == "after":
        return start, None
    return start, end


def published_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None
