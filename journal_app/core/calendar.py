"""The journal by day and by month, for the calendar heat map and the month chart.

A post belongs to the day of its date on this computer's clock (:func:`.dates.local`): a velog
date stored as ``2021-03-28T23:30:00Z`` is the 29th in Korea. The heat map shows a year as
GitHub does: a column per week, a row per weekday, the first column holding 1 January. A streak
is a run of days with at least one post; the current one ends today, or yesterday when today has
no post yet (the day is not over).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from .dates import local

if TYPE_CHECKING:
    from .post import Post

LEVELS = 4  # colour steps of a day with posts (0 is a day without)


def day_of(moment: datetime) -> date:
    """The local calendar day of ``moment`` (a naive value is local time already)."""
    if moment.tzinfo is None:
        return moment.date()
    try:
        return date.fromtimestamp(moment.timestamp())  # five times as fast as astimezone()
    except (OverflowError, OSError, ValueError):  # beyond what the C library's clock reaches
        try:
            return local(moment).date()
        except OverflowError:  # the local day would fall past year 9999
            return moment.date()


def day_counts(moments: Iterable[datetime]) -> Counter[date]:
    """Posts per local day."""
    return Counter(day_of(moment) for moment in moments)


@dataclass(frozen=True)
class Streaks:
    """The current run of days with posts and the longest one (in days; 0 when none)."""

    current: int
    longest: int
    longest_end: date | None = None  # the last day of the longest run (the latest of equals)


def streaks(days: Iterable[date], today: date) -> Streaks:
    """The current and the longest streak of ``days`` (days with posts; repeats are one day).
    Days after ``today`` count for the longest run but not for the current one."""
    ordered = sorted(set(days))
    longest, longest_end, run, previous = 0, None, 0, None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        if run >= longest:
            longest, longest_end = run, day
        previous = day
    present = set(ordered)
    end = today if today in present else today - timedelta(days=1)
    current = 0
    while end in present:
        current += 1
        end -= timedelta(days=1)
    return Streaks(current, longest, longest_end)


def week_start(day: date, first_weekday: int) -> date:
    """The first day of ``day``'s week; ``first_weekday`` as ``date.weekday()`` (6: Sunday)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


@dataclass(frozen=True)
class YearGrid:
    """A year laid out in week columns: ``cell(column, row)`` is a day of the year or None."""

    year: int
    first_weekday: int  # as date.weekday(): 0 Monday ... 6 Sunday

    @property
    def start(self) -> date:
        """The first day of the first column (on or before 1 January)."""
        return week_start(date(self.year, 1, 1), self.first_weekday)

    @property
    def columns(self) -> int:
        """Week columns: 53, or 54 when a leap year starts on the week's last day."""
        last = date(self.year, 12, 31)
        return (last - self.start).days // 7 + 1

    def cell(self, column: int, row: int) -> date | None:
        """The day in ``column`` (a week) and ``row`` (a weekday), None outside the year."""
        if not (0 <= column < self.columns and 0 <= row < 7):
            return None
        day = self.start + timedelta(days=column * 7 + row)
        return day if day.year == self.year else None

    def position(self, day: date) -> tuple[int, int]:
        """The (column, row) of ``day``."""
        offset = (day - self.start).days
        return offset // 7, offset % 7

    def month_columns(self) -> list[tuple[int, int]]:
        """(month, column of its first day) for each month, for the month labels."""
        return [(month, self.position(date(self.year, month, 1))[0]) for month in range(1, 13)]


def level(count: int, most: int) -> int:
    """The colour step of a day with ``count`` posts when the busiest day has ``most``:
    0 for none, else 1 to LEVELS in proportion (rounded up)."""
    if count <= 0 or most <= 0:
        return 0
    return min(LEVELS, math.ceil(LEVELS * count / most))


@dataclass(frozen=True)
class MonthTotal:
    """Posts and words (어절) of one month."""

    year: int
    month: int
    posts: int
    words: int


def month_totals(year: int, posts: Iterable[tuple[datetime, int]]) -> list[MonthTotal]:
    """The twelve months of ``year`` from (date, words) of each post, by local day."""
    counts: Counter[int] = Counter()
    words: Counter[int] = Counter()
    for moment, count in posts:
        day = day_of(moment)
        if day.year == year:
            counts[day.month] += 1
            words[day.month] += count
    return [MonthTotal(year, month, counts[month], words[month]) for month in range(1, 13)]


def words_of(post: Post) -> int:
    """The 어절 of a post's prose (front matter, code and markup left out, as the counts do)."""
    from .stats import count_post

    return count_post(post.header_text + post.body).eojeol
