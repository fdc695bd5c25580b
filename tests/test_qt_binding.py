"""The Qt binding must not lose references to None or True (it once did)."""

from __future__ import annotations

import sys
import uuid

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from cams_desktop.db.students import Gender, PlanStatus
from cams_desktop.services.students import StudentRow
from cams_desktop.views.student_list import StudentListView

pytestmark = pytest.mark.gui


def make_rows(count):
    return [
        StudentRow(
            uuid.uuid4(),
            f"P{i}",
            f"N{i}",
            7 + i % 6,
            f"u{i}",
            Gender.FEMALE,
            PlanStatus.ACTIVE,
            None,
            None,
            "",
            frozenset(),
            frozenset(),
            0,
            0,
            f"n{i:05d}",
            f"p{i} n{i} u{i}",
        )
        for i in range(count)
    ]


def test_list_operations_keep_none_and_true_alive(qtbot):
    view = StudentListView("en", True)
    qtbot.addWidget(view)
    view.set_rows(make_rows(300))
    view.show()
    QCoreApplication.processEvents()
    before = (sys.getrefcount(None), sys.getrefcount(True))

    for i in range(300):
        view.filter_edit.setText("n1" if i % 2 else "u2")
        view.proxy.data(view.proxy.index(0, 0), Qt.ItemDataRole.ToolTipRole)
        QCoreApplication.processEvents()
    view.filter_edit.clear()
    QCoreApplication.processEvents()

    after = (sys.getrefcount(None), sys.getrefcount(True))
    # A binding that drops references makes these fall by hundreds here.
    assert after[0] >= before[0] - 50
    assert after[1] >= before[1] - 50
