"""Signing in at each level, and what each level then finds in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_main_window import FULL_MENU, TEACHER_MENU, expected_menu

from cams_desktop.db.school import AccessLevel
from cams_desktop.dialogs.caseload_dialog import CaseloadDialog
from cams_desktop.dialogs.permissions_dialog import PermissionsDialog
from cams_desktop.dialogs.sign_in_dialog import SignInDialog
from cams_desktop.dialogs.staff_dialogs import StaffAdminDialog, TemporaryPasswordDialog
from cams_desktop.models.permission_table import ALLOWED_MARK, PermissionTableModel
from cams_desktop.services import auth, caseloads, staff
from cams_desktop.services.access import MATRIX, Action, Area
from cams_desktop.services.demo import DEMO_SITE_ACCOUNT, demo_password
from cams_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.gui


def sign_in(qtbot, demo_db, languages, username, password=None):
    dialog = SignInDialog(demo_db, languages, ["Hélène Gagnon"], demo=True)
    qtbot.addWidget(dialog)
    dialog.site_username.setText(DEMO_SITE_ACCOUNT[0])
    dialog.site_password.setText(DEMO_SITE_ACCOUNT[1])
    dialog.username.setText(username)
    dialog.password.setText(password or demo_password(username))
    dialog._on_sign_in_clicked()
    return dialog


MENUS = {
    "admin": [
        "Administration des conseillers",
        "Assigner des élèves à un conseiller",
        "Niveaux d'accès et permissions",
        "Passage à l'année suivante…",
        "Options du plan…",
        "Importer des élèves…",
        "Paramètres du site",
        "Paramètres de courriel",
        "Serveur de l'école…",
    ],
    "direction": [
        "Administration des conseillers",
        "Assigner des élèves à un conseiller",
        "Niveaux d'accès et permissions",
        "Importer des élèves…",
    ],
    "conseiller": [
        "Administration des conseillers",
        "Assigner des élèves à un conseiller",
        "Niveaux d'accès et permissions",
        "Importer des élèves…",
    ],
    "enseignant": ["Élèves de ma liste"],
    "secretariat": ["Élèves de ma liste"],
}
VIEW_ACTION = {
    "admin": FULL_MENU,
    "direction": FULL_MENU,
    "conseiller": FULL_MENU,
    "enseignant": TEACHER_MENU,
    "secretariat": ["Notes", "Réinitialiser le mot de passe…"],
}


@pytest.mark.parametrize("username", list(MENUS))
def test_sign_in_at_each_level_shows_that_levels_sections(
    qtbot, demo_db, languages, settings, username
):
    dialog = sign_in(qtbot, demo_db, languages, username)
    result = dialog.result_
    assert result is not None and dialog.result() == 1
    assert result.agreement_to_accept is not None
    auth.accept_agreement(demo_db, result.actor, result.agreement_to_accept.edition)

    window = MainWindow(demo_db, result.actor, languages, settings, result.school_name)
    qtbot.addWidget(window)
    window.show()

    # Connected-mode items stay hidden until a school server is set up.
    titles = [
        a.text() for a in window.admin_menu.actions() if a.text() and a.isVisible()
    ]
    assert titles == MENUS[username]
    assert window.admin_menu.menuAction().isVisible()
    window.student_list.table.selectRow(0)
    assert [a.text() for a in window.view_action_items()] == expected_menu(
        demo_db, window, VIEW_ACTION[username]
    )
    assert [
        a.text() for a in window.account_menu.actions() if a.text() and a.isVisible()
    ] == [
        "Modifier mon profil",
        "Changer mon mot de passe",
        "Verrouiller maintenant",
    ]


def test_a_wrong_password_says_what_to_do_without_saying_what_was_wrong(
    qtbot, demo_db, languages
):
    dialog = sign_in(qtbot, demo_db, languages, "conseiller", "pas-le-bon")
    assert dialog.result_ is None
    assert dialog.error_label.text() == (
        "La connexion a échoué : vérifiez le compte du site de l'école, votre nom "
        "d'utilisateur et votre mot de passe, puis réessayez. Si vous avez oublié "
        "votre mot de passe, demandez à un administrateur du programme de votre "
        "école de le réinitialiser."
    )
    assert dialog.password.text() == ""
    unknown = sign_in(qtbot, demo_db, languages, "personne", "pas-le-bon")
    assert unknown.error_label.text() == dialog.error_label.text()


def test_the_sign_in_screen_lists_the_demo_accounts_and_whom_to_ask(
    qtbot, demo_db, languages
):
    dialog = SignInDialog(demo_db, languages, ["Hélène Gagnon"], demo=True)
    qtbot.addWidget(dialog)
    listed = [dialog.demo_list.item(i).text() for i in range(dialog.demo_list.count())]
    assert listed[0] == "admin — Administrateur du programme (mot de passe demo-admin)"
    assert len(listed) == 5
    assert dialog.help_label.text().endswith(": Hélène Gagnon.")
    dialog.demo_list.itemClicked.emit(dialog.demo_list.item(3))
    assert (dialog.username.text(), dialog.password.text()) == (
        "enseignant",
        "demo-enseignant",
    )
    qtbot.mouseClick(dialog.language_button, Qt.MouseButton.LeftButton)
    assert dialog.windowTitle() == "CAMS — Sign in"


def test_permission_table_shows_the_matrix(qtbot, qtmodeltester, languages):
    model = PermissionTableModel()
    qtmodeltester.check(model)
    assert model.rowCount() == len(Area) + len(Action)
    rows = {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(1, 5)]
        for r in range(model.rowCount())
    }
    assert rows["Options du plan"] == [ALLOWED_MARK, "", "", ""]
    assert rows["Modifier le profil d'un élève"] == [ALLOWED_MARK] * 3 + [""]
    assert rows["Imprimer les lettres d'accès des parents"] == [ALLOWED_MARK] * 4
    assert model.headerData(1, Qt.Orientation.Horizontal) == (
        "1.\nAdministrateur du programme"
    )
    dialog = PermissionsDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Niveaux d'accès et permissions"
    languages.set_language("en")
    assert dialog.windowTitle() == "Access levels and permissions"
    assert dialog.model.index(1, 0).data() == "See all students of the school"
    expected = sum(1 for a in Action if AccessLevel.TEACHER in MATRIX[a][1])
    marks = sum(
        dialog.model.index(r, 3).data() == ALLOWED_MARK
        for r in range(dialog.model.rowCount())
    )
    assert marks == expected


def test_staff_administration_resets_a_password_shown_once(
    qtbot, demo_db, languages, monkeypatch
):
    from cams_desktop.services.access import actor_for

    admin = actor_for(demo_db, "admin")
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    shown = []
    monkeypatch.setattr(
        TemporaryPasswordDialog,
        "exec",
        lambda self: shown.append(self.password.text()) or 1,
    )
    dialog = StaffAdminDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    rows = staff.list_staff(demo_db, admin, include_inactive=True)
    assert dialog.model.rowCount() == len(rows)
    target = next(i for i, r in enumerate(rows) if r.username == "secretariat")
    dialog.table.selectRow(target)
    assert dialog.reset_button.isEnabled()

    dialog._on_reset_clicked()

    (password,) = shown
    result = auth.sign_in(demo_db, *DEMO_SITE_ACCOUNT, "secretariat", password)
    assert result.must_change_password


def test_a_teacher_adds_students_to_their_own_list(qtbot, demo_db, languages):
    from cams_desktop.services.access import actor_for

    teacher = actor_for(demo_db, "enseignant")
    admin = actor_for(demo_db, "admin")
    outside = next(
        s
        for s in caseloads.candidates(demo_db, admin, teacher.staff_id)
        if not s.in_caseload
    )
    dialog = CaseloadDialog(demo_db, teacher)
    qtbot.addWidget(dialog)
    assert not dialog.staff_box.isEnabled()
    assert not dialog.add_all_button.isVisibleTo(dialog)
    assert dialog.candidate_list.count() == 0
    assert dialog.candidate_count.text() == (
        "Tapez au moins deux lettres d'un nom ou d'un nom d'utilisateur."
    )
    before = dialog.caseload_list.count()

    qtbot.keyClicks(dialog.search, outside.username)
    rows = [
        dialog.candidate_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(dialog.candidate_list.count())
    ]
    assert outside.id in rows
    dialog.candidate_list.item(rows.index(outside.id)).setSelected(True)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    assert dialog.caseload_list.count() == before + 1
    assert outside.id in {
        s.id for s in caseloads.caseload(demo_db, teacher, teacher.staff_id)
    }
    assert dialog.changed


def test_idle_lock_keeps_the_window_or_signs_out(
    qtbot, demo_db, languages, settings, monkeypatch
):
    from cams_desktop.dialogs.lock_dialog import LockDialog
    from cams_desktop.services.access import actor_for

    actor = actor_for(demo_db, "conseiller")
    window = MainWindow(demo_db, actor, languages, settings, "École")
    qtbot.addWidget(window)
    window.show()
    assert window._idle_timer.interval() == 15 * 60_000
    assert window._idle_timer.isActive()
    qtbot.keyClicks(window.student_list.filter_edit, "ab")
    monkeypatch.setattr(LockDialog, "exec", lambda self: 1)

    window.lock()

    assert window.isVisible()
    assert window.student_list.filter_edit.text() == "ab"
    assert window._idle_timer.isActive()
    monkeypatch.setattr(LockDialog, "exec", lambda self: 0)
    window.lock()
    assert not window.isVisible()


def test_the_lock_dialog_checks_the_password(qtbot, demo_db, languages):
    from cams_desktop.dialogs.lock_dialog import LockDialog

    result = auth.sign_in(demo_db, *DEMO_SITE_ACCOUNT, "conseiller", "demo-conseiller")
    dialog = LockDialog(demo_db, result.actor)
    qtbot.addWidget(dialog)
    dialog.password.setText("mauvais")
    dialog._on_unlock_clicked()
    assert dialog.error_label.text() == "Ce n'est pas le bon mot de passe."
    dialog.password.setText("demo-conseiller")
    dialog._on_unlock_clicked()
    assert dialog.result() == 1


def test_the_lock_screen_hides_the_students_and_escape_does_not_sign_out(
    qtbot, demo_db, languages, settings, monkeypatch
):
    from PySide6.QtCore import QTimer

    from cams_desktop.dialogs.lock_dialog import LockDialog
    from cams_desktop.services.access import actor_for

    actor = actor_for(demo_db, "conseiller")
    window = MainWindow(demo_db, actor, languages, settings, "École")
    qtbot.addWidget(window)
    window.show()
    seen = {}

    def while_locked() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, LockDialog)
        )
        seen["list visible"] = window.student_list.isVisible()
        seen["full screen"] = bool(
            dialog.windowState() & Qt.WindowState.WindowFullScreen
        )
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        seen["still open"] = dialog.isVisible()
        dialog.password.setText("demo-conseiller")
        dialog._on_unlock_clicked()

    QTimer.singleShot(0, while_locked)
    window.lock()

    assert seen == {"list visible": False, "full screen": True, "still open": True}
    assert window.student_list.isVisible()
    assert window.isVisible()


def test_site_settings_change_the_idle_lock_and_refuse_a_weak_site_password(
    qtbot, demo_db, languages
):
    from cams_desktop.dialogs.site_settings_dialog import SiteSettingsDialog
    from cams_desktop.services.access import actor_for

    admin = actor_for(demo_db, "admin")
    dialog = SiteSettingsDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    assert dialog.idle_minutes.value() == 15
    dialog.idle_minutes.setValue(30)
    dialog.site_username.setText("ecole")
    dialog.site_password.setText("court")
    dialog._on_save_clicked()
    assert dialog.result() == 0
    assert dialog.error_label.text() == (
        "Le mot de passe doit compter au moins 10 caractères."
    )
    dialog.site_password.setText("Érables-2027-portail")
    dialog._on_save_clicked()
    assert dialog.result() == 1
    assert auth.idle_lock_minutes(demo_db, admin) == 30
    assert auth.sign_in(demo_db, "ecole", "Érables-2027-portail", "admin", "demo-admin")
