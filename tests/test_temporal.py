"""resolve_expression: expected values worked out by hand from a calendar.

2023-10-06 is a Friday (ISO week 40); 2017-12-29 is a Friday (ISO week 52).
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.extract.temporal import resolve_expression
from newsevents.records import DateValue

OCT6 = dt.date(2023, 10, 6)
DEC29 = dt.date(2017, 12, 29)


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "value", "mod"),
    [
        # weekdays: nearest on/before for past and unknown, on/after for future
        ("on Thursday", DEC29, "past", "2017-12-28", None),
        ("on Thursday", DEC29, None, "2017-12-28", None),
        ("on Thursday", DEC29, "future", "2018-01-04", None),
        ("Friday", DEC29, None, "2017-12-29", None),
        ("Friday", DEC29, "future", "2017-12-29", None),
        ("Tuesday night", OCT6, None, "2023-10-03", None),
        ("Tuesday night", OCT6, "future", "2023-10-10", None),
        # months and days without a year
        ("in October", DEC29, None, "2017-10", None),
        ("on Nov. 24", DEC29, "past", "2017-11-24", None),
        # unknown tense: the nearer occurrence (measured better on TimeBank)
        ("Nov. 24", OCT6, None, "2023-11-24", None),
        ("Nov. 24", OCT6, "past", "2022-11-24", None),
        ("in October", DEC29, None, "2017-10", None),
        ("January", dt.date(1989, 11, 2), None, "1990-01", None),
        ("January", dt.date(1989, 11, 2), "past", "1989-01", None),
        ("Nov. 24", OCT6, "future", "2023-11-24", None),
        ("on Oct. 19", OCT6, "past", "2022-10-19", None),
        ("on Oct. 19", OCT6, "future", "2023-10-19", None),
        ("in September", OCT6, None, "2023-09", None),
        ("in September", DEC29, "future", "2018-09", None),
        # relative months, years, weeks
        ("at the end of this month", OCT6, None, "2023-10", "end"),
        ("last November", OCT6, None, "2022-11", None),
        ("next month", OCT6, None, "2023-11", None),
        ("last year", OCT6, None, "2022", None),
        ("early next year", OCT6, None, "2024", "start"),
        ("this week", OCT6, None, "2023-W40", None),
        ("next week", OCT6, None, "2023-W41", None),
        ("earlier this week", OCT6, None, "2023-W40", None),
        ("in the past week", OCT6, None, "2023-W40", None),  # the ISO week of publication
        ("the weekend", OCT6, None, "2023-10-07/2023-10-08", None),
        ("the weekend", OCT6, "past", "2023-09-30/2023-10-01", None),
        ("yesterday", OCT6, None, "2023-10-05", None),
        ("today", OCT6, None, "2023-10-06", None),
        ("two days ago", OCT6, None, "2023-10-04", None),
        # "N units ago" at the unit's precision, approximate from weeks up
        ("about two weeks ago", OCT6, None, "2023-09-22", "approx"),  # the day counted back, approximate
        ("two weeks ago", OCT6, None, "2023-09-22", "approx"),
        ("two years ago", OCT6, None, "2021", "approx"),
        ("three months ago", OCT6, None, "2023-07", "approx"),
        # a tagged expression that runs on past a dash is read up to the dash
        ("January 9 - the first since 2015", DEC29, "future", "2018-01-09", None),
        ("since October", DEC29, "past", "2017-10", "after"),
        ("several years ago", OCT6, None, "2023-10-06", "before"),
        # "(just) days after X": X lies days before the reported event, near publication
        ("just days after", OCT6, None, "2023-10", None),
        ("only days after", dt.date(2023, 10, 2), None, "2023-09", None),
        # "last <month>": the one just past, not a year earlier
        ("last November", DEC29, None, "2017-11", None),
        ("next March", OCT6, None, "2024-03", None),
        ("last June", dt.date(1989, 10, 30), None, "1989-06", None),
        ("recent weeks", OCT6, None, "2023-09-08/2023-10-06", "approx"),
        ("recently", OCT6, None, "2023-10-06", "before"),
        # absolute, with mods
        ("2019", OCT6, None, "2019", None),
        ("January 2017", OCT6, None, "2017-01", None),
        ("mid-2018", OCT6, None, "2018", "mid"),
        ("late 2018", OCT6, None, "2018", "end"),
        ("since 2011", OCT6, None, "2011", "after"),
        ("before 2015", OCT6, None, "2015", "before"),
        ("the 1990s", OCT6, None, "1990/1999", None),
        ("the early 1990s", OCT6, None, "1990/1999", "start"),
        ("the second quarter of 1989", OCT6, None, "1989-04-01/1989-06-30", None),
        ("this summer", OCT6, None, "2023-06/2023-08", None),
    ],
)
def test_forms(text: str, anchor: dt.date, tense: str | None, value: str, mod: str | None) -> None:
    assert resolve_expression(text, anchor, tense=tense) == DateValue(value=value, mod=mod, text=text)


@pytest.mark.parametrize("text", ["for three years", "two weeks", "every Monday", "10 a.m.", ""])
def test_not_dates(text: str) -> None:
    assert resolve_expression(text, OCT6) is None


@pytest.mark.parametrize("text", ["next month", "on Thursday", "last year", "yesterday", "in September", "the '90s"])
def test_relative_without_anchor_is_none(text: str) -> None:
    assert resolve_expression(text, None) is None


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [("June 5, 2017", "2017-06-05", None), ("2019", "2019", None), ("mid-2018", "2018", "mid"),
     ("the 1990s", "1990/1999", None)],
)
def test_absolute_without_anchor(text: str, value: str, mod: str | None) -> None:
    assert resolve_expression(text, None) == DateValue(value=value, mod=mod, text=text)


def test_datetime_anchor_is_reduced_to_its_day() -> None:
    got = resolve_expression("yesterday", dt.datetime(2023, 10, 6, 23, 30))
    assert got is not None and got.value == "2023-10-05"


def test_repeated_expressions_are_resolved_once() -> None:
    # News repeats its times ("on Friday"); the second reading comes from the memo.
    from newsevents.extract.temporal import _resolve_cached

    first = resolve_expression("last November", OCT6)
    hits = _resolve_cached.cache_info().hits
    assert resolve_expression("last November", OCT6) == first
    assert _resolve_cached.cache_info().hits == hits + 1


@pytest.mark.parametrize(("text", "anchor", "tense", "value"), [
    ("last Wednesday and Thursday", dt.date(2018, 2, 13), None, "2018-02-07/2018-02-08"),
    ("Wednesday and Thursday", dt.date(2018, 2, 13), "future", "2018-02-14/2018-02-15"),
    ("next Monday and Tuesday", dt.date(2018, 2, 13), None, "2018-02-19/2018-02-20"),
    ("last Tuesday and Wednesday", dt.date(2018, 2, 13), None, "2018-02-06/2018-02-07"),
])
def test_two_weekdays(text: str, anchor: dt.date, tense: str | None, value: str) -> None:
    assert resolve_expression(text, anchor, tense=tense) == DateValue(value=value, mod=None, text=text)


@pytest.mark.parametrize(("text", "value"), [
    ("Friday morning local time", "2017-09-15"),  # the day after a Thursday publication, in Asia
    ("Friday local time", "2017-09-15"),
    ("Tuesday local time", "2017-09-12"),  # any other day: the usual past reading
])
def test_a_weekday_in_local_time_may_be_the_day_after_publication(text: str, value: str) -> None:
    assert resolve_expression(text, dt.date(2017, 9, 14), tense="past").value == value


def test_over_the_past_week_is_the_seven_days_before_publication_and_the_past_week_its_iso_week() -> None:
    anchor = dt.date(2017, 9, 14)
    assert resolve_expression("Over the past week", anchor).value == "2017-09-07/2017-09-14"
    assert resolve_expression("the past week", anchor).value == "2017-W37"


@pytest.mark.parametrize(("text", "value"), [
    ("Saturday, Dec. 31, 2017", "2017-12-30"),  # Dec. 31, 2017 was a Sunday: the nearer Saturday
    ("Saturday, Dec. 30, 2017", "2017-12-30"),
    ("Thursday, Dec. 28, 2017", "2017-12-28"),
])
def test_a_weekday_printed_with_a_date_it_misses_moves_the_date_to_the_nearest_such_day(text: str,
                                                                                      value: str) -> None:
    assert resolve_expression(text, dt.date(2017, 12, 30), tense="past").value == value
