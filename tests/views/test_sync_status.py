"""The sync health in the status bar, and the background runner offline."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from cams_desktop.i18n import LanguageSwitch
from cams_desktop.services.server_connection import (
    ServerSettings,
    save_server_settings,
    store_server_password,
)
from cams_desktop.services.sync_status import SyncHealth
from cams_desktop.views.main_window import MainWindow
from cams_desktop.views.sync_runner import SyncRunner
from cams_desktop.views.sync_status import SyncStatusWidget

pytestmark = pytest.mark.gui

NOW = dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.UTC)
# A port nothing listens on: the server is down.
DOWN = ServerSettings("127.0.0.1", "ecole", 1)


@pytest.fixture
def connected(tiny_school, file_keyring):
    """The tiny school pointed at a server that is down."""
    save_server_settings(tiny_school.db, tiny_school.admin, DOWN)
    store_server_password(tiny_school.db, tiny_school.admin, DOWN, "secret")
    return tiny_school


def _widget(qtbot, runner, language="en", can_review=True):
    """The widget in a shown window, as in the status bar."""
    window = QWidget()
    qtbot.addWidget(window)
    widget = SyncStatusWidget(
        runner, lambda: language, can_review, window, clock=lambda: NOW
    )
    window.show()
    widget.holder = window  # keeps the window alive as long as the widget
    return widget


def _health(**values):
    base = SyncHealth(
        configured=True,
        pending=0,
        oldest_pending_at=None,
        last_push_at=None,
        last_pull_at=None,
        last_error=None,
        issues=0,
    )
    return dataclasses.replace(base, **values)


def _shown(widget):
    return [
        w.text()
        for w in (widget.state_label, widget.pending_label, widget.issues_button)
        if not w.isHidden()
    ]


def test_standalone_shows_nothing(qtbot, tiny_school, tmp_path):
    runner = SyncRunner(tiny_school.db, tiny_school.admin)
    runner.start()
    widget = _widget(qtbot, runner)

    assert widget.isHidden()
    assert not runner.configured
    window = _window(qtbot, tiny_school, tmp_path)
    assert window.sync_status.isHidden()
    assert [
        action.isVisible()
        for action in (
            window.sync_now_action,
            window.server_password_action,
            window.conflicts_action,
        )
    ] == [False, False, False]
    assert window.server_action.text() == "School server…"
    assert window.server_action in window.admin_menu.actions()


def _window(qtbot, school, tmp_path):
    languages = LanguageSwitch()
    languages.language = "en"  # no translator installed: the English text
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(school.db, school.admin, languages, settings, "ESL")
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize(
    ("health", "language", "expected"),
    [
        (_health(), "en", ["Not synchronized yet"]),
        (
            _health(last_pull_at=NOW - dt.timedelta(minutes=2)),
            "en",
            ["Synchronized 2 mins ago"],
        ),
        (
            _health(
                last_pull_at=NOW - dt.timedelta(hours=5),
                pending=3,
                oldest_pending_at=NOW - dt.timedelta(minutes=10),
            ),
            "en",
            ["Synchronized 5 hrs ago", "3 change(s) waiting (oldest 10 mins ago)"],
        ),
        (
            _health(last_pull_at=NOW - dt.timedelta(minutes=1), issues=2),
            "en",
            ["Synchronized 1 min ago", "2 conflict(s) or refused change(s)"],
        ),
        (
            _health(
                last_pull_at=NOW - dt.timedelta(minutes=30),
                last_error="The server keeps asking for changes from number 7 on.",
            ),
            "en",
            ["Not synchronized: The server keeps asking for changes from number 7 on."],
        ),
    ],
)
def test_each_state_is_told(qtbot, connected, health, language, expected):
    runner = SyncRunner(connected.db, connected.admin)
    widget = _widget(qtbot, runner, language)

    runner.health = health
    widget.refresh()

    assert not widget.isHidden()
    assert _shown(widget) == expected
    assert widget.sync_button.text() == "Synchronize now"


def test_relative_times_follow_the_interface_language(qtbot, connected):
    runner = SyncRunner(connected.db, connected.admin)
    widget = _widget(qtbot, runner, "fr")
    runner.health = _health(last_pull_at=NOW - dt.timedelta(minutes=2))
    runner.next_try_at = NOW + dt.timedelta(minutes=1)

    widget.refresh()
    assert widget.state_label.text() == "Offline — next try dans 1\xa0min"
    runner.next_try_at = None
    widget.refresh()
    assert widget.state_label.text() == "Synchronized il y a 2\xa0min"


def test_offline_says_when_it_tries_again(qtbot, connected):
    runner = SyncRunner(connected.db, connected.admin)
    widget = _widget(qtbot, runner)
    runner.health = _health(last_pull_at=NOW - dt.timedelta(minutes=3))

    runner.next_try_at = NOW + dt.timedelta(seconds=55)
    widget.refresh()
    assert _shown(widget) == ["Offline — next try in 1 min"]

    runner.next_try_at = NOW + dt.timedelta(minutes=4, seconds=50)
    widget.refresh()
    assert _shown(widget) == ["Offline — next try in 5 mins"]

    runner.next_try_at = NOW - dt.timedelta(seconds=5)  # the retry is due
    widget.refresh()
    assert _shown(widget) == ["Offline — trying again…"]


def test_issues_are_clickable_only_for_those_who_review_them(qtbot, connected):
    runner = SyncRunner(connected.db, connected.admin)
    runner.health = _health(issues=1)
    reviewer = _widget(qtbot, runner, can_review=True)
    other = _widget(qtbot, runner, can_review=False)

    with qtbot.waitSignal(reviewer.issues_requested, timeout=1000):
        reviewer.issues_button.click()
    assert reviewer.issues_button.isEnabled()
    assert not other.issues_button.isEnabled()


def test_a_staff_member_without_a_server_password_is_told_what_to_do(
    qtbot, tiny_school, file_keyring
):
    save_server_settings(tiny_school.db, tiny_school.admin, DOWN)
    runner = SyncRunner(tiny_school.db, tiny_school.teacher)
    widget = _widget(qtbot, runner)

    with qtbot.waitSignal(runner.changed, timeout=5000):
        runner.sync_now()  # started
    with qtbot.waitSignal(runner.changed, timeout=15_000):
        pass  # ended

    assert widget.state_label.text() == (
        "Not synchronized: Set your server password (My account → Server "
        "password…) to synchronize."
    )
    assert runner.next_try_at is None


def test_a_down_server_means_offline_work_and_a_later_retry(qtbot, connected, tmp_path):
    window = _window(qtbot, connected, tmp_path)
    runner = window.sync_runner
    assert window.sync_now_action.isVisible()
    assert window.server_password_action.isVisible()
    assert window.conflicts_action.isVisible()
    assert not window.sync_status.isHidden()

    window.sync_now_action.trigger()
    assert runner.busy
    assert window.sync_status.state_label.text() == "Synchronizing…"
    qtbot.waitUntil(lambda: not runner.busy, timeout=15_000)

    assert runner.next_try_at is not None
    wait = runner.next_try_at - dt.datetime.now(dt.UTC)
    assert dt.timedelta(seconds=55) < wait <= dt.timedelta(seconds=60)
    assert window.sync_status.state_label.text() == "Offline — next try in 1 min"
    assert runner.problem is None and runner.health.last_error is None
    # The window goes on working offline.
    window.reload()
    assert window.isVisible()
    window.close()
