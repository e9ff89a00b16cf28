"""The dialog-answering helper of tests/ui/conftest.py fails its test when no dialog opens or its
answer raises, instead of giving up silently."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui import conftest
from tests.ui.conftest import answer_dialog


def taken_answers() -> list[str]:
    """The failures of this test's answers so far, which then no longer fail it."""
    failures = conftest.unanswered(conftest._answers)
    conftest._answers.clear()
    return failures


def test_no_dialog_within_the_wait_is_a_failure_naming_what_was_waited_for(qtbot):
    def press_ok(box):
        box.button(QMessageBox.StandardButton.Ok).click()

    answer_dialog(press_ok, timeout_ms=100)
    qtbot.waitUntil(lambda: conftest._answers[-1].ended, timeout=5000)
    (failure,) = taken_answers()
    assert "no modal dialog opened" in failure and "press_ok" in failure
    assert "timeout_ms=100" in failure and "test_answer_dialog.py:" in failure


def test_a_wait_still_running_when_the_test_ends_fails_it_and_stops(qtbot):
    answer_dialog(lambda box: box.accept())
    (failure,) = taken_answers()
    assert "the test ended before a modal dialog opened" in failure
    box = QMessageBox(QMessageBox.Icon.Information, "t", "later")  # the ended wait answers nothing
    qtbot.addWidget(box)
    box.open()
    qtbot.wait(100)
    assert box.isVisible()
    box.close()


def test_a_wait_not_required_fails_nothing_without_a_dialog(qtbot):
    answer_dialog(lambda box: box.accept(), timeout_ms=100, required=False)
    qtbot.waitUntil(lambda: conftest._answers[-1].ended, timeout=5000)
    assert taken_answers() == []


def test_an_answer_that_raises_closes_the_dialog_and_fails_the_test(qtbot):
    def wrong_button(box):
        box.button(QMessageBox.StandardButton.Discard).click()  # (None: the box has only Ok)

    answer_dialog(wrong_button)
    box = QMessageBox(QMessageBox.Icon.Information, "t", "asked")
    box.setObjectName("askedBox")
    qtbot.addWidget(box)
    assert box.exec() == QMessageBox.DialogCode.Rejected  # not left open, hanging the test
    (failure,) = taken_answers()
    assert "wrong_button" in failure and "askedBox" in failure and "AttributeError" in failure


def test_an_answered_dialog_fails_nothing(qtbot):
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    box = QMessageBox(QMessageBox.Icon.Information, "t", "asked")
    qtbot.addWidget(box)
    assert box.exec() == QMessageBox.StandardButton.Ok
    assert taken_answers() == []


@pytest.fixture
def asked_in_a_fixture():
    """A fixture that waits for a dialog the test is to open."""
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Ok).click())


def test_a_fixtures_wait_goes_on_into_the_test_and_is_checked_there(qtbot, asked_in_a_fixture):
    assert len(conftest._answers) == 1  # kept from the fixture, to be checked when the test ends
    box = QMessageBox(QMessageBox.Icon.Information, "t", "asked")
    qtbot.addWidget(box)
    assert box.exec() == QMessageBox.StandardButton.Ok
    assert conftest.unanswered(conftest._answers) == []
