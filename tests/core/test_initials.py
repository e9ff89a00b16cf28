"""The quick switcher's title matching: 초성 (initial consonants), mixed queries, Latin case."""

from __future__ import annotations

from journal_app.core.initials import find, initial, initials, matching, score


def test_initial_consonants_by_arithmetic():
    assert initial("싸") == "ㅆ" and initial("피") == "ㅍ" and initial("가") == "ㄱ" and initial("힣") == "ㅎ"
    assert initials("싸피 후기 a1") == "ㅆㅍ ㅎㄱ a1"


def test_initials_find_a_title():
    assert find("ㅅㅍ", "싸피 수료 후기") == 0  # a plain ㅅ finds the doubled ㅆ too
    assert find("ㅆㅍ", "싸피") == 0
    assert find("ㅆㅍ", "사피") == -1  # a doubled one finds only itself
    assert find("ㅎㄱ", "싸피 수료 후기") == 6
    assert find("ㅅㅍ", "스타트업") == -1


def test_mixed_and_whole_syllables():
    assert find("싸ㅍ", "나의 싸피 일기") == 3
    assert find("싸피", "나의 싸피 일기") == 3
    assert find("피", "싸피") == 1  # one syllable
    assert find("싸ㅍ", "사피") == -1  # a whole syllable is matched as written


def test_latin_ignores_case_and_words_match_anywhere():
    assert find("HUGO", "Hugo 블로그 이사") == 0
    assert score("이사 hugo", "Hugo 블로그 이사") is not None
    assert score("이사 jekyll", "Hugo 블로그 이사") is None


def test_matching_puts_title_starts_first_and_keeps_order_otherwise():
    titles = ["나의 싸피 일기", "싸피 수료 후기", "스타트업에 가다", "싸피 면접"]
    assert matching("ㅅㅍ", titles, str) == ["싸피 수료 후기", "싸피 면접", "나의 싸피 일기"]
    assert matching("", titles, str) == titles
