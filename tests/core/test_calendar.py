"""The calendar's days, streaks, year grid and month totals, with values worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from journal_app.core.calendar import (
    YearGrid,
    day_counts,
    day_of,
    level,
    month_totals,
    streaks,
)
from journal_app.core.dates import parse_date

SUNDAY = 6


def test_a_utc_date_near_midnight_is_the_next_day_in_seoul(seoul):
    # 23:30 UTC on 31 December is 08:30 on 1 January in Seoul (UTC+9)
    assert day_of(parse_date("2023-12-31T23:30:00.000Z")) == date(2024, 1, 1)
    # 14:59 UTC is 23:59 in Seoul: still the same day; 15:00 UTC is midnight, the next one
    assert day_of(parse_date("2024-03-05T14:59:00Z")) == date(2024, 3, 5)
    assert day_of(parse_date("2024-03-05T15:00:00Z")) == date(2024, 3, 6)


def test_the_same_moment_is_another_day_in_london(london):
    assert day_of(parse_date("2023-12-31T23:30:00.000Z")) == date(2023, 12, 31)


def test_a_day_with_two_posts_counts_two_but_is_one_day_of_a_streak(seoul):
    moments = [
        parse_date("2024-03-05T01:00:00Z"),  # 10:00 on the 5th in Seoul
        parse_date("2024-03-05T12:00:00Z"),  # 21:00 on the 5th
        parse_date("2024-03-05T16:00:00Z"),  # 01:00 on the 6th
    ]
    counts = day_counts(moments)
    assert counts == {date(2024, 3, 5): 2, date(2024, 3, 6): 1}
    assert streaks(counts, today=date(2024, 3, 6)).current == 2
    assert streaks(counts, today=date(2024, 3, 6)).longest == 2


def test_a_streak_runs_across_the_end_of_a_month_and_of_a_year():
    days = [date(2023, 12, 30), date(2023, 12, 31), date(2024, 1, 1), date(2024, 1, 2)]
    days += [date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1)]  # a leap day inside
    found = streaks(days, today=date(2024, 3, 1))
    assert (found.current, found.longest, found.longest_end) == (3, 4, date(2024, 1, 2))


def test_the_current_streak_still_counts_until_today_is_over_and_then_ends():
    days = [date(2024, 5, 1), date(2024, 5, 2), date(2024, 5, 3)]
    assert streaks(days, today=date(2024, 5, 4)).current == 3  # nothing yet today
    assert streaks(days, today=date(2024, 5, 5)).current == 0  # yesterday was missed
    assert streaks(days, today=date(2024, 5, 5)).longest == 3
    assert streaks([], today=date(2024, 5, 5)) == streaks([], today=date(2024, 5, 5))
    assert streaks([], today=date(2024, 5, 5)).longest == 0


def test_equal_runs_keep_the_latest_as_the_longest():
    days = [date(2024, 1, 1), date(2024, 1, 2), date(2024, 1, 10), date(2024, 1, 11)]
    assert streaks(days, today=date(2024, 6, 1)).longest_end == date(2024, 1, 11)


def test_the_year_grid_puts_1_january_in_the_first_column():
    # 1 January 2024 is a Monday: with weeks from Sunday, the first column starts on
    # Sunday 31 December 2023, which is outside the year
    grid = YearGrid(2024, SUNDAY)
    assert grid.start == date(2023, 12, 31)
    assert grid.cell(0, 0) is None and grid.cell(0, 1) == date(2024, 1, 1)
    # 31 December 2024 is a Tuesday, 366 days after 31 December 2023: column 52, row 2
    assert grid.position(date(2024, 12, 31)) == (52, 2)
    assert grid.columns == 53 and grid.cell(52, 3) is None
    assert grid.month_columns()[:3] == [(1, 0), (2, 4), (3, 8)]  # 1 Feb Thu (day 32), 1 Mar Fri


def test_a_leap_year_that_starts_on_a_saturday_needs_54_columns():
    # 2000: 1 January is a Saturday (row 6 of the first column), 366 days reach column 53
    grid = YearGrid(2000, SUNDAY)
    assert grid.position(date(2000, 1, 1)) == (0, 6)
    assert grid.columns == 54 and grid.cell(53, 0) == date(2000, 12, 31)
    # weeks from Monday (as in many countries): 1 January 2024 opens the grid
    assert YearGrid(2024, 0).cell(0, 0) == date(2024, 1, 1)


def test_levels_are_in_proportion_to_the_busiest_day():
    assert [level(count, 4) for count in range(5)] == [0, 1, 2, 3, 4]
    assert [level(count, 7) for count in (1, 2, 4, 7)] == [1, 2, 3, 4]  # ceil(4n/7): 1, 2, 3, 4
    assert level(1, 1) == 4 and level(0, 0) == 0


def test_month_totals_count_posts_and_words_by_local_month(seoul):
    posts = [
        (parse_date("2024-01-31T15:30:00Z"), 100),  # 00:30 on 1 February in Seoul
        (parse_date("2024-02-10T00:00:00+09:00"), 50),
        (datetime(2024, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=9))), 7),
        (datetime(2023, 6, 1, tzinfo=UTC), 999),  # another year
    ]
    totals = month_totals(2024, posts)
    assert [(total.month, total.posts, total.words) for total in totals if total.posts] == [
        (2, 2, 150),
        (12, 1, 7),
    ]
    assert len(totals) == 12 and totals[0].posts == 0


def test_a_date_whose_local_day_would_pass_year_9999_keeps_its_own_day(seoul):
    # 23:00 at UTC-12 on 31 December 9999 is 20:00 on 1 January 10000 in Seoul: no such date
    last = datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-12)))
    assert day_of(last) == date(9999, 12, 31)
    assert day_of(datetime(1, 1, 1, 12, 0, tzinfo=UTC)) == date(1, 1, 1)  # 21:00 the same day
