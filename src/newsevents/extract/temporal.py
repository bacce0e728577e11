"""Resolve one time expression (a spaCy DATE/TIME span) to a DATE record value.

The heavy lifting is done by Microsoft Recognizers-Text
(`recognizers-text-date-time`), which turns "at the end of this month" into
the TIMEX-like `2023-10` with mod `end`. On top of it sit a few small rules
where it is silent or disagrees with news convention; each says why.

Values follow docs/event-record.md: `2023`, `2023-11`, `2023-11-15`,
`2023-W45`, or an interval `start/end` (both ends inclusive). Quarters,
seasons, weekends, halves and decades, which ISO 8601 has no plain form for,
are given as intervals (`2023-01-01/2023-03-31`, `1990/1999`).

Choices made where the brief left them open:

- "N units ago" at the unit's precision, mod `approx` from weeks up (the
  count is a round figure: "two years ago" -> `2021` approx); weeks keep
  the day counted back ("two weeks ago" -> the day, approx), the convention
  of our gold; "two days ago" is an exact day. "several years ago" -> anchor day, mod `before`.
- An expression the tagger ran on past a dash ("January 9 - the first since
  2015") is read up to the dash.
- Tense unknown (None): weekdays take the past convention; a month or day
  without a year takes the nearer occurrence, the past one unless the coming
  one is nearer ("January" in a November article -> next January). This
  departs from "most recent past" because TimeBank measured it better
  (scheduled items: "payable Dec. 15"); pass tense="past" to force the past.
- "recently" -> anchor day, mod `before`; "now"/"currently" -> anchor day;
  "in the coming weeks" -> the interval the recogniser gives.
- "recent weeks/days/months/years" (also "the last few months", "past
  years") -> the interval ending on the anchor (28 days, 7 days, 3 months,
  3 years back), mod `approx`.
- "the past week" -> the ISO week of publication (our gold's convention),
  not the previous calendar week the recogniser returns; "over the past
  week" (a span up to now) -> the seven days before publication.
- A time of day alone ("10 a.m.") carries no date: None, never the anchor.
- Two weekdays ("last Wednesday and Thursday") are one interval, first to
  last day; "last"/"next" skip the publication day itself.
- "(just) days after" (the event it introduces lies days before the reported
  one, itself near publication): the month of three days before the anchor;
  "weeks after": of two weeks before.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from ..records import DateValue

Date = dt.date

# The recogniser reports these mods; ours are the record's vocabulary.
_MOD_MAP = {
    "start": "start", "mid": "mid", "end": "end", "approx": "approx",
    "before": "before", "until": "before", "after": "after", "since": "after",
    "less": None, "more": None,
}

_DASH_BREAK = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[\u2013\u2014]\s*(?=\D)")
_OVER_PAST_WEEK = re.compile(r"^over\s+the\s+(?:past|last)\s+(?:seven\s+days|week)$", re.I)
_LEADING_PREP = re.compile(r"^(?:on|in|at|during|over|of|from|within)\s+", re.I)

# Modifier prefixes the recogniser drops ("mid-2018" -> 2018, "late 2018" ->
# 2018, "the end of 2017" -> 2017): we read the mod ourselves and keep its
# value when it reports none.
_MOD_PREFIX = re.compile(
    r"^(?:the\s+)?(?P<mod>"
    r"mid|middle\s+of|early|earlier\s+in|beginning\s+of|start\s+of|late|later\s+in|end\s+of|close\s+of"
    r"|about|around|roughly|approximately|some|nearly|almost|circa|c\.)"
    r"(?:\s*-\s*|\s+)(?:the\s+)?",
    re.I,
)
_PREFIX_MOD = {
    "mid": "mid", "middle of": "mid", "early": "start", "earlier in": "start",
    "beginning of": "start", "start of": "start", "late": "end", "later in": "end",
    "end of": "end", "close of": "end",
}
_APPROX_WORDS = {"about", "around", "roughly", "approximately", "some", "nearly", "almost", "circa", "c."}

_DECADE = re.compile(
    r"^(?:the\s+)?(?:(?P<mod>early|mid|late)\s*-?\s*)?(?P<full>\d{3}0)'?s$|"
    r"^(?:the\s+)?(?:(?P<mod2>early|mid|late)\s*-?\s*)?['\u2019](?P<short>\d0)s$",
    re.I,
)
_RECENT = re.compile(
    r"^(?:the\s+)?(?:(?:most\s+)?recent|(?:last|past)\s+(?:few|several)|past)\s+(?P<unit>days|weeks|months|years)$",
    re.I)
_LAST_NEXT_SEASON = re.compile(
    r"^(?P<dir>last|next|this\s+past|this\s+coming)\s+(?P<season>spring|summer|fall|autumn|winter)$", re.I)
_SEASON_CODE = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_PAST_UNIT = re.compile(r"^(?:the\s+)?(?:past|last)\s+(?P<unit>week|month|year)$", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_LAST_NEXT_MONTH = re.compile(
    r"^(?P<dir>last|next|this\s+past|this\s+coming)\s+(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
    r"[a-z]*\.?$", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEADING_WEEKDAY = re.compile(r"^(" + "|".join(WEEKDAYS) + r"),?\s+\S", re.I)
_WEEKDAY_SPAN = re.compile(
    r"^(?P<dir>last|next|this\s+past|this\s+coming)?\s*(?P<a>" + "|".join(WEEKDAYS) + r")\s+"
    r"(?:and|through|to|until|till|-)\s+(?P<b>" + "|".join(WEEKDAYS) + r")$", re.I)
# "Friday morning local time": wire copy's cue that the day is told in another
# time zone, where it may already be the day after publication.
LOCAL_TIME = r"(?:(?:morning|afternoon|evening|night)\s+)?local\s+time"
_LOCAL_WEEKDAY = re.compile(r"^(?P<day>" + "|".join(WEEKDAYS) + r")\s+" + LOCAL_TIME + "$", re.I)
# "(just) days after X", said of the reported event: X lies some days before
# publication; the text supports the month, not the day.
_DAYS_AFTER = re.compile(r"^(?:just|only|mere|a\s+few|few|several|some)?\s*(?P<unit>days|weeks)\s+after$", re.I)
_AGO = re.compile(r"(?P<unit>day|week|month|year|decade)s?\s+ago$", re.I)
_VAGUE_AGO = re.compile(
    r"^(?:a\s+few|few|several|some|many|a\s+number\s+of|a\s+couple\s+of)\s+(?:day|week|month|year|decade)s\s+ago$",
    re.I)
_PRESENT = re.compile(r"^(?:now|currently|at\s+present|presently|right\s+now|at\s+the\s+moment)$", re.I)
_PAST_REF = re.compile(r"^(?:recently|lately|in\s+recent\s+times)$", re.I)
_HAS_YEAR = re.compile(r"\b(?:1[0-9]|20)\d{2}\b|\b\d{3}0'?s\b")
_WEEKDAY_TIMEX = re.compile(r"^XXXX-WXX-(\d)(T.*)?$")
_INTERVAL_TIMEX = re.compile(r"^\((?P<a>[^,]+),(?P<b>[^,]+),P[^)]*\)$")
_SEASON_TIMEX = re.compile(r"^(?P<y>\d{4}|XXXX)?-?(?P<s>SP|SU|FA|WI)$")
_WEEKEND_TIMEX = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d{2})-WE$")
_HALF_QUARTER_TIMEX = re.compile(r"^(?P<y>\d{4})-(?P<p>Q[1-4]|H[12])$")
_PLAIN_TIMEX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")

# Meteorological seasons (months inclusive); winter runs into the next year.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_RECENT_SPAN = {"days": dt.timedelta(days=7), "weeks": dt.timedelta(days=28)}


def resolve_expression(text: str, anchor: Date | None, *, tense: str | None = None) -> DateValue | None:
    """The DATE value of one time expression, or None for durations, sets,
    times of day alone, and relative expressions without an anchor."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if tense not in ("past", "future"):
        tense = None
    return _resolve_cached(text, anchor, tense)


@functools.lru_cache(maxsize=8192)
def _resolve_cached(text: str, anchor: Date | None, tense: str | None) -> DateValue | None:
    core = _DASH_BREAK.split(" ".join(text.split()), maxsplit=1)[0]
    if anchor is not None and _OVER_PAST_WEEK.match(core):
        # "over the past week": the span of the seven days up to publication, like "over the
        # past month"; the bare "the past week" keeps the ISO week (see _own_rules).
        return DateValue(f"{(anchor - dt.timedelta(days=7)).isoformat()}/{anchor.isoformat()}", None, text)
    core = _LEADING_PREP.sub("", core).strip(" ,.;:")
    if not core:
        return None
    if anchor is None and not _HAS_YEAR.search(core):
        # Relative expressions need the publication date: never guess one.
        return None
    resolved = _own_rules(core, anchor, tense)
    if resolved is None:
        resolved = _via_recognizer(core, anchor, tense)
    if resolved is None:
        return None
    value, mod = resolved
    weekday = _LEADING_WEEKDAY.match(core)
    if weekday and len(value) == 10:
        value = _on_weekday(Date.fromisoformat(value), WEEKDAYS.index(weekday[1].lower()) + 1).isoformat()
    return DateValue(value=value, mod=mod, text=text)


def _on_weekday(day: Date, isoday: int) -> Date:
    """A date printed with a weekday it does not fall on ("Saturday, Dec. 31, 2017", a
    Sunday): one of the two is a slip; the weekday nearest the date is the likelier day."""
    delta = (isoday - day.isoweekday()) % 7
    return day + dt.timedelta(days=delta if delta <= 3 else delta - 7)


def _own_rules(core: str, anchor: Date | None, tense: str | None) -> tuple[str, str | None] | None:
    """Forms the recogniser misses or reads against news usage."""
    m = _DECADE.match(core)
    if m:
        mod = {"early": "start", "mid": "mid", "late": "end"}.get((m["mod"] or m["mod2"] or "").lower())
        if m["full"]:
            start = int(m["full"])
        else:
            if anchor is None:
                return None
            # "the '90s": the latest such decade that has begun by the anchor.
            start = (anchor.year // 100) * 100 + int(m["short"])
            if start > anchor.year:
                start -= 100
        return f"{start}/{start + 9}", mod
    if anchor is None:
        return None
    if _PRESENT.match(core):
        return anchor.isoformat(), None
    if _PAST_REF.match(core):
        return anchor.isoformat(), "before"
    m = _LAST_NEXT_MONTH.match(core)
    if m:
        # "last June" is the June just past, "next March" the coming one:
        # the recogniser instead takes the month in the previous (next)
        # calendar year, which TimeBank's annotators and news usage do not
        # (article of 1989-10-30: "last June" = 1989-06, not 1988-06).
        month = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(m["month"].lower()[:3]))
        if m["dir"].lower().split()[0] == "last" or m["dir"].lower().endswith("past"):
            year = anchor.year if month < anchor.month else anchor.year - 1
        else:
            year = anchor.year if month > anchor.month else anchor.year + 1
        return f"{year:04d}-{month:02d}", None
    m = _LAST_NEXT_SEASON.match(core)
    if m:
        # As with months: "last spring" in an October article is the spring
        # just past; the recogniser takes the previous calendar year's.
        past = m["dir"].lower().split()[0] == "last" or m["dir"].lower().endswith("past")
        first, _ = _SEASON_MONTHS[_SEASON_CODE[m["season"].lower()]]
        starts = [Date(anchor.year + k, first, 1) for k in (-2, -1, 0, 1)]
        if past:
            chosen = [c for c in starts if _add_months(c, 3) <= anchor][-1]
        else:
            chosen = next(c for c in starts if c > anchor)
        return _season(chosen.year, _SEASON_CODE[m["season"].lower()]), None
    m = _DAYS_AFTER.match(core)
    if m:
        back = dt.timedelta(days=3 if m["unit"].lower() == "days" else 14)
        return _truncate(anchor - back, "month"), None
    m = _LOCAL_WEEKDAY.match(core)
    if m:
        day = WEEKDAYS.index(m["day"].lower()) + 1
        ahead = anchor + dt.timedelta(days=1)
        return (ahead if ahead.isoweekday() == day else _weekday(day, anchor, tense)).isoformat(), None
    m = _WEEKDAY_SPAN.match(core)
    if m:
        # "last Wednesday and Thursday": the two days, as one interval (the
        # recogniser reads only the first).
        a, b = (WEEKDAYS.index(m[k].lower()) + 1 for k in ("a", "b"))
        direction = (m["dir"] or "").lower()
        if direction.startswith("next") or direction.endswith("coming") or (not direction and tense == "future"):
            first = _weekday(a, anchor + dt.timedelta(days=1 if direction else 0), "future")
            last = first + dt.timedelta(days=(b - a) % 7)
        else:
            last = _weekday(b, anchor - dt.timedelta(days=1 if direction else 0), "past")
            first = last - dt.timedelta(days=(b - a) % 7)
        return f"{first.isoformat()}/{last.isoformat()}", None
    if _VAGUE_AGO.match(core):
        # "several years ago" names no date: all we know is "before publication".
        return anchor.isoformat(), "before"
    m = _RECENT.match(core)
    if m:
        unit = m["unit"].lower()
        if unit in _RECENT_SPAN:
            start = anchor - _RECENT_SPAN[unit]
        elif unit == "months":
            start = _add_months(anchor, -3)
        else:
            start = anchor.replace(year=anchor.year - 3) if not (anchor.month == 2 and anchor.day == 29) \
                else anchor.replace(year=anchor.year - 3, day=28)
        return f"{start.isoformat()}/{anchor.isoformat()}", "approx"
    m = _PAST_UNIT.match(core)
    if m and core.lower().split()[-2] == "past":
        # "the past week" is the rolling week before publication; the
        # recogniser gives the previous calendar week ("last week" is right
        # there and is left to it).
        unit = m["unit"].lower()
        if unit == "week":
            # The record's convention: the ISO week of publication (event-record gold).
            iso = anchor.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}", None
        if unit == "month":
            start = _add_months(anchor, -1) + dt.timedelta(days=1)
        else:
            start = _add_months(anchor, -12) + dt.timedelta(days=1)
        return f"{start.isoformat()}/{anchor.isoformat()}", None
    return None


def _via_recognizer(core: str, anchor: Date | None, tense: str | None) -> tuple[str, str | None] | None:
    results = _recognize(core, anchor or Date(2000, 1, 1))
    if not results:
        return _with_prefix_mod(core, anchor, tense)
    text, type_name, values = max(results, key=lambda r: len(r[0]))
    kind = type_name.rsplit(".", 1)[-1]
    if kind in ("duration", "set", "time", "timerange"):
        return None
    resolved = _from_values(values, anchor, tense, kind)
    if resolved is None:
        return None
    value, mod = resolved
    if anchor is None and not _PLAIN_TIMEX.match(value.split("/")[0]):
        return None
    ago = _AGO.search(core)
    if ago and kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        # "two years ago" supports a year, not the day the recogniser counts
        # back to; TimeML writes it the same way. "two weeks ago" keeps the day
        # counted back. Counts of weeks and longer are round figures: approximate.
        unit = ago["unit"].lower()
        if unit not in ("day", "week"):
            value = _truncate(Date.fromisoformat(value), unit)
        if unit != "day":
            mod = mod or "approx"
    if mod is None:
        prefix = _MOD_PREFIX.match(core)
        # Only when the recogniser skipped the prefix: "early next year" it
        # already reads as start, "mid-2018" it reads as plain 2018.
        if prefix and not text.lower().startswith(prefix["mod"].lower()):
            mod = _prefix_mod(prefix["mod"])
    return value, mod


def _with_prefix_mod(core: str, anchor: Date | None, tense: str | None) -> tuple[str, str | None] | None:
    """Retry without a modifier prefix the recogniser could not parse at all."""
    prefix = _MOD_PREFIX.match(core)
    if not prefix or prefix.end() >= len(core):
        return None
    rest = core[prefix.end():]
    inner = _own_rules(rest, anchor, tense) or _via_recognizer(rest, anchor, tense)
    if inner is None:
        return None
    return inner[0], inner[1] or _prefix_mod(prefix["mod"])


def _prefix_mod(word: str) -> str:
    word = " ".join(word.lower().split())
    return "approx" if word in _APPROX_WORDS else _PREFIX_MOD[word]


@functools.lru_cache(maxsize=1)
def _model() -> Any:
    # Imported here: the recogniser takes about 0.3 s to import and build,
    # and `import newsevents` must stay fast.
    from recognizers_date_time import DateTimeRecognizer
    from recognizers_text import Culture

    return DateTimeRecognizer(Culture.English).get_datetime_model(Culture.English)


@functools.lru_cache(maxsize=8192)
def _recognize(core: str, reference: Date) -> tuple[tuple[str, str, tuple[dict[str, Any], ...]], ...]:
    reference_dt = dt.datetime(reference.year, reference.month, reference.day)
    out = []
    for result in _model().parse(core, reference_dt):
        values = tuple(dict(v) for v in (result.resolution or {}).get("values", ()))
        if values:
            out.append((result.text, result.type_name, values))
    return tuple(out)


def _from_values(values: tuple[dict[str, Any], ...], anchor: Date | None, tense: str | None,
                 kind: str) -> tuple[str, str | None] | None:
    timex = values[0].get("timex") or ""
    mod = _MOD_MAP.get(values[0].get("Mod") or "", None)
    if timex == "PRESENT_REF":
        return (anchor.isoformat(), None) if anchor else None
    if timex in ("PAST_REF", "FUTURE_REF"):
        return (anchor.isoformat(), "before" if timex == "PAST_REF" else "after") if anchor else None
    m = _WEEKDAY_TIMEX.match(timex)
    if m:
        if anchor is None:
            return None
        return _weekday(int(m[1]), anchor, tense).isoformat(), mod
    m = _SEASON_TIMEX.match(timex)
    if m:
        if m["y"] and m["y"] != "XXXX":
            return _season(int(m["y"]), m["s"]), mod
        if anchor is None:
            return None
        return _nearest_season(m["s"], anchor, tense), mod
    m = _WEEKEND_TIMEX.match(timex)
    if m and anchor is not None and tense == "past":
        # The recogniser gives this week's weekend; a past event on a weekday
        # "at the weekend" was the one before.
        saturday = Date.fromisocalendar(int(m["y"]), int(m["w"]), 6)
        if saturday > anchor:
            saturday -= dt.timedelta(days=7)
        return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}", mod
    if "X" in timex:
        if anchor is None:
            return None
        chosen = _choose(values, anchor, tense)
        year = _start_of(chosen)
        if year is None:
            return None
        timex = timex.replace("XXXX", f"{year.year:04d}")
        if "X" in timex:
            return None
    value = _timex_to_value(timex, anchor)
    return (value, mod) if value is not None else None


def _timex_to_value(timex: str, anchor: Date | None) -> str | None:
    m = _INTERVAL_TIMEX.match(timex)
    if m:
        a = Date.fromisoformat(m["a"][:10])
        b = Date.fromisoformat(m["b"][:10])
        # The recogniser's ends are exclusive, except that "past three years"
        # ends on the reference day itself, which the span does include.
        last = b if b == anchor else b - dt.timedelta(days=1)
        if last < a:
            last = a
        return f"{a.isoformat()}/{last.isoformat()}"
    m = _WEEKEND_TIMEX.match(timex)
    if m:
        saturday = Date.fromisocalendar(int(m["y"]), int(m["w"]), 6)
        return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"
    m = _HALF_QUARTER_TIMEX.match(timex)
    if m:
        year, part = int(m["y"]), m["p"]
        first, months = ((int(part[1]) - 1) * 3 + 1, 3) if part[0] == "Q" else ((int(part[1]) - 1) * 6 + 1, 6)
        start = Date(year, first, 1)
        return f"{start.isoformat()}/{(_add_months(start, months) - dt.timedelta(days=1)).isoformat()}"
    date_part = timex.split("T", 1)[0]
    if _PLAIN_TIMEX.match(date_part):
        return date_part
    return None


def _truncate(day: Date, unit: str) -> str:
    if unit in ("year", "decade"):
        return f"{day.year:04d}"
    if unit == "month":
        return day.isoformat()[:7]
    if unit == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return day.isoformat()


def _weekday(isoday: int, anchor: Date, tense: str | None) -> Date:
    """News convention: a bare weekday is the nearest one on or before the
    publication day for past (and unknown) tense, on or after it for future.
    The recogniser returns both candidates and cannot know the tense."""
    delta = isoday - anchor.isoweekday()
    if tense == "future":
        return anchor + dt.timedelta(days=delta % 7)
    return anchor - dt.timedelta(days=(-delta) % 7)


def _start_of(value: dict[str, Any]) -> Date | None:
    raw = value.get("start") or value.get("value") or value.get("end")
    if not raw or raw == "not resolved":
        return None
    try:
        return Date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def _choose(values: tuple[dict[str, Any], ...], anchor: Date, tense: str | None) -> dict[str, Any]:
    """A month or day without a year: the most recent occurrence that has
    started by the anchor (past/unknown), or the next one not yet over
    (future). The recogniser's own default is the future one."""
    dated = [(d, v) for v in values if (d := _start_of(v)) is not None]
    if not dated:
        return values[0]
    dated.sort(key=lambda p: p[0])
    if tense == "future":
        for start, v in dated:
            end_raw = v.get("end")
            end = Date.fromisoformat(end_raw[:10]) - dt.timedelta(days=1) if end_raw else start
            if end >= anchor:
                return v
        return dated[-1][1]
    past = [(start, v) for start, v in dated if start <= anchor]
    upcoming = [(start, v) for start, v in dated if start > anchor]
    if not past:
        return dated[0][1]
    if tense is None and upcoming:
        # Unknown tense: the nearer occurrence. Scheduled items ("payable
        # Dec. 15", "January" in a November article) are common in news and
        # the extractor often cannot tell their tense; a past occurrence wins
        # unless the coming one is nearer than the end of the past one.
        end_raw = past[-1][1].get("end")
        past_end = Date.fromisoformat(end_raw[:10]) - dt.timedelta(days=1) if end_raw else past[-1][0]
        if (upcoming[0][0] - anchor).days < (anchor - past_end).days:
            return upcoming[0][1]
    return past[-1][1]


def _season(year: int, season: str) -> str:
    first, last = _SEASON_MONTHS[season]
    start = Date(year, first, 1)
    end_year = year + 1 if last < first else year
    end = _add_months(Date(end_year, last, 1), 1) - dt.timedelta(days=1)
    return f"{start.isoformat()[:7]}/{end.isoformat()[:7]}"


def _nearest_season(season: str, anchor: Date, tense: str | None) -> str:
    first, _ = _SEASON_MONTHS[season]
    candidates = [Date(anchor.year + k, first, 1) for k in (-1, 0, 1)]
    if tense == "future":
        # The season under way or the next one.
        chosen = next(c for c in candidates if _add_months(c, 3) > anchor)
    else:
        chosen = [c for c in candidates if c <= anchor][-1]
    return _season(chosen.year, season)


def _add_months(day: Date, months: int) -> Date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last_day = (Date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return Date(year, month, min(day.day, last_day))
