"""Word, character and reading-time counts, with Korean counted as a Korean word processor does."""

from __future__ import annotations

import pytest

from journal_app.core.stats import TextStats, text_stats


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", TextStats(0, 0, 0, 0)),
        # an eojeol with its particle is one word; line breaks are not characters
        ("제주 바다를 보러 갔다.\n정말 좋았다!", TextStats(6, 20, 16, 1)),
        ("Hello, world's end.", TextStats(3, 19, 17, 1)),
        ("파이썬 asyncio 정리: 3가지 실수", TextStats(5, 22, 18, 1)),
        ("snake_case and 2024-06-14", TextStats(6, 25, 23, 1)),
    ],
)
def test_counts(text, expected):
    assert text_stats(text) == expected


def test_reading_time_follows_hangul_syllables_and_other_words():
    assert text_stats("가" * 1000).reading_minutes == 2  # 500 syllables a minute
    assert text_stats("word " * 460).reading_minutes == 2  # 230 words a minute
    assert text_stats("가" * 501).reading_minutes == 2
