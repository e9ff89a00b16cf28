"""Date parsing and writing dates back in a file's own style."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta, timezone, UTC

import pytest

from journal_app.core.dates import DateStyle, parse_date


@pytest.fixture
def seoul_time():
    """Run with the local time zone set to Asia/Seoul (UTC+9)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Seoul"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2021-03-28T11:58:29.459Z", datetime(2021, 3, 28, 11, 58, 29, 459000, tzinfo=UTC)),
        ("2016-02-29 09:48:44 +0100", datetime(2016, 2, 29, 9, 48, 44, tzinfo=timezone(timedelta(hours=1)))),
        ("2024-02-02T04:14:54-08:00", datetime(2024, 2, 2, 4, 14, 54, tzinfo=timezone(timedelta(hours=-8)))),
        ("2016-02-29 09:48 +01:00", datetime(2016, 2, 29, 9, 48, tzinfo=timezone(timedelta(hours=1)))),
    ],
)
def test_parse_with_offsets(text, expected):
    assert parse_date(text) == expected


def test_naive_dates_are_local(seoul_time):
    assert parse_date("2020-08-21T10:30:00").utcoffset() == timedelta(hours=9)
    assert parse_date(date(2020, 8, 21)) == datetime(2020, 8, 21, tzinfo=timezone(timedelta(hours=9)))
    assert parse_date(datetime(2020, 8, 21, 10, 30)).isoformat() == "2020-08-21T10:30:00+09:00"


def test_a_date_at_the_end_of_the_calendar_keeps_its_own_clock(seoul_time, tmp_path):
    """In Seoul, 9999-12-31 23:00 UTC would be year 10000: the journal groups it as written
    instead of failing to open."""
    from journal_app.core import Journal
    from journal_app.core.dates import local

    last = parse_date("9999-12-31T23:00:00Z")
    assert local(last) == last and local(last).year == 9999
    (tmp_path / "last.md").write_text("---\ntitle: 끝\ndate: 9999-12-31T23:00:00Z\n---\n", encoding="utf-8")
    assert list(Journal(tmp_path, use_index=False).by_date()) == [9999]


@pytest.mark.parametrize("value", ["yesterday", "", None, "2021-13-45", [], True])
def test_not_dates(value):
    assert parse_date(value) is None


@pytest.mark.parametrize(
    "example, written",
    [
        ("2021-03-28T11:58:29.459Z", "2022-01-02T03:04:05.678Z"),
        ("2016-02-29 09:48:44 +0100", "2022-01-02 12:04:05 +0900"),
        ("2024-02-02T04:14:54-08:00", "2022-01-02T12:04:05+09:00"),
        ("2020-08-21", "2022-01-02"),
        ("2020-08-21 10:30", "2022-01-02 12:04"),
    ],
)
def test_style_round_trip(seoul_time, example, written):
    moment = datetime(2022, 1, 2, 12, 4, 5, 678000, tzinfo=timezone(timedelta(hours=9)))
    assert DateStyle.of(example).format(moment) == written


def test_naive_style_writes_local_wall_time(seoul_time):
    moment = datetime(2022, 1, 2, 3, 0, tzinfo=UTC)
    assert DateStyle.of("2020-08-21T10:30:00").format(moment) == "2022-01-02T12:00:00"
