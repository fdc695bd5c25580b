"""The counsellor home page: menus, toolbar, language switch and the student list."""

from __future__ import annotations

import contextlib
import logging
import uuid

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from cams_desktop import __version__
from cams_desktop.db.engine import Database
from cams_desktop.db.students import PlanStatus
from cams_desktop.dialogs.caseload_dialog import CaseloadDialog
from cams_desktop.dialogs.conflicts_dialog import ConflictsDialog
from cams_desktop.dialogs.counselling_dialogs import (
    AnnualReviewDialog,
    CounsellingLogDialog,
    GroupEntriesDialog,
    ManageLogsDialog,
)
from cams_desktop.dialogs.export_dialog import ExportDialog
from cams_desktop.dialogs.grade_dialogs import GradeMoveDialog, MoveKind, RolloverDialog
from cams_desktop.dialogs.groups_dialog import GroupMembershipDialog, GroupsDialog
from cams_desktop.dialogs.import_wizard import ImportWizard
from cams_desktop.dialogs.lock_dialog import LockDialog
from cams_desktop.dialogs.login_dialogs import LoginHistoryDialog, NewPasswordsDialog
from cams_desktop.dialogs.message_dialogs import (
    JournalDialog,
    MailSettingsDialog,
    ManageMessagesDialog,
    ParentCommentsDialog,
    SendMessageDialog,
)
from cams_desktop.dialogs.notes_dialog import NotesDialog
from cams_desktop.dialogs.parents_dialog import ParentPortalDialog
from cams_desktop.dialogs.password_dialog import PasswordDialog
from cams_desktop.dialogs.permissions_dialog import PermissionsDialog
from cams_desktop.dialogs.plan_options_dialog import PlanOptionsDialog
from cams_desktop.dialogs.print_dialog import PrintDialog, PrintKind
from cams_desktop.dialogs.search_dialog import SearchDialog
from cams_desktop.dialogs.server_dialog import ServerDialog
from cams_desktop.dialogs.site_settings_dialog import SiteSettingsDialog
from cams_desktop.dialogs.staff_dialogs import StaffAdminDialog, StaffProfileDialog
from cams_desktop.dialogs.student_dialog import StudentDialog
from cams_desktop.dialogs.transfer_dialog import TransferDialog
from cams_desktop.formatting import format_number
from cams_desktop.i18n import LanguageSwitch
from cams_desktop.labels import access_level_label
from cams_desktop.services import auth, guidance, student_logins, students
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    PermissionDenied,
    allowed,
)
from cams_desktop.services.groups import MembersAdded
from cams_desktop.services.search import StudentSearch, list_saved_searches
from cams_desktop.services.students import StudentRow
from cams_desktop.services.transfers import list_transferred
from cams_desktop.views.background import show_error
from cams_desktop.views.student_list import StudentListView
from cams_desktop.views.sync_runner import SyncRunner
from cams_desktop.views.sync_status import SyncStatusWidget

log = logging.getLogger(__name__)


_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)
# How long "Undo" stays offered after plans are deactivated.
UNDO_SECONDS = 120


class MainWindow(QMainWindow):
    """Page d'accueil du conseiller."""

    students_reloaded = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        languages: LanguageSwitch,
        settings: QSettings,
        school_name: str,
    ) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.languages = languages
        self.settings = settings
        self.school_name = school_name
        self.time_zone = students.school_time_zone(db, actor)

        self.student_list = StudentListView(languages.language, actor.sees_all_students)
        self.setCentralWidget(self.student_list)

        self.add_student_action = QAction(self)
        self.add_student_action.setShortcut(QKeySequence.StandardKey.New)
        self.export_action = QAction(self)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = QAction(self)
        self.edit_profile_action = QAction(self)
        self.notes_action = QAction(self)
        self.deactivate_action = QAction(self)
        self.reactivate_action = QAction(self)
        self.log_action = QAction(self)
        self.review_action = QAction(self)
        self.message_action = QAction(self)
        self.journal_action = QAction(self)
        self.comments_action = QAction(self)
        self.manage_logs_action = QAction(self)
        self.group_entries_action = QAction(self)
        self.search_action = QAction(self)
        self.saved_searches_menu = QMenu(self)
        self._saved_searches: dict[uuid.UUID, StudentSearch] = {}
        self.manage_groups_action = QAction(self)
        self.add_to_group_action = QAction(self)
        self.remove_from_group_action = QAction(self)
        self.new_message_action = QAction(self)
        self.manage_messages_action = QAction(self)
        self.mail_settings_action = QAction(self)
        self.reset_password_action = QAction(self)
        self.login_history_action = QAction(self)
        self.invite_others_action = QAction(self)
        self.invite_others_action.setCheckable(True)
        self.plan_options_action = QAction(self)
        self.promote_action = QAction(self)
        self.demote_action = QAction(self)
        self.graduate_action = QAction(self)
        self.transfer_action = QAction(self)
        self.rollover_action = QAction(self)
        self.view_action_menu = QMenu(self)
        self.language_action = QAction(self)
        self.language_action.setShortcut(QKeySequence("Ctrl+L"))

        self.student_menu = self.menuBar().addMenu("")
        if allowed(actor, Action.ADD_STUDENT):
            self.student_menu.addAction(self.add_student_action)
        self.student_menu.addAction(self.export_action)
        self.slips_action = QAction(self)
        if allowed(actor, Action.PRINT_LOGIN_SLIPS):
            self.student_menu.addAction(self.slips_action)
        self.student_menu.addSeparator()
        if allowed(actor, Action.SEARCH_STUDENTS):
            self.student_menu.addAction(self.search_action)
            self.student_menu.addMenu(self.saved_searches_menu)
        self.student_menu.addAction(self.manage_groups_action)
        self.student_menu.addSeparator()
        if allowed(actor, Action.VIEW_COUNSELLING_LOG):
            self.student_menu.addAction(self.manage_logs_action)
        if allowed(actor, Action.GROUP_COUNSELLING_ENTRIES):
            self.student_menu.addAction(self.group_entries_action)
        if allowed(actor, Action.SEND_MESSAGE):
            self.student_menu.addAction(self.new_message_action)
        if allowed(actor, Action.MANAGE_MESSAGES):
            self.student_menu.addAction(self.manage_messages_action)
        if allowed(actor, Action.PROMOTE_STUDENTS):
            self.student_menu.addSeparator()
            self.student_menu.addAction(self.promote_action)
            self.student_menu.addAction(self.demote_action)
            self.student_menu.addAction(self.graduate_action)
            self.student_menu.addSeparator()
        self.student_menu.addAction(self.refresh_action)
        self.sync_now_action = QAction(self)
        self.student_menu.addAction(self.sync_now_action)
        self.student_menu.addSeparator()
        self.student_menu.addAction(self.quit_action)
        self.menuBar().addMenu(self.view_action_menu)
        self.staff_admin_action = QAction(self)
        self.caseload_action = QAction(self)
        self.permissions_action = QAction(self)
        self.parent_accounts_action = QAction(self)
        self.letters_action = QAction(self)
        self.parents_menu = self.menuBar().addMenu("")
        if allowed(actor, Action.VIEW_PARENT_ACCOUNTS):
            self.parents_menu.addAction(self.parent_accounts_action)
        if allowed(actor, Action.PRINT_PARENT_LETTERS):
            self.parents_menu.addAction(self.letters_action)
        self.parents_menu.menuAction().setVisible(not self.parents_menu.isEmpty())
        self.admin_menu = self.menuBar().addMenu("")
        if allowed(actor, Action.VIEW_STAFF):
            self.admin_menu.addAction(self.staff_admin_action)
        if allowed(actor, Action.ASSIGN_CASELOADS) or allowed(
            actor, Action.EDIT_OWN_CASELOAD
        ):
            self.admin_menu.addAction(self.caseload_action)
        if allowed(actor, Action.VIEW_PERMISSION_MATRIX):
            self.admin_menu.addAction(self.permissions_action)
        if allowed(actor, Action.YEAR_END_ROLLOVER):
            self.admin_menu.addAction(self.rollover_action)
        if allowed(actor, Action.EDIT_PLAN_OPTIONS):
            self.admin_menu.addAction(self.plan_options_action)
        self.import_action = QAction(self)
        if allowed(actor, Action.IMPORT_ROSTER):
            self.admin_menu.addAction(self.import_action)
        self.site_settings_action = QAction(self)
        if allowed(actor, Action.EDIT_SITE_SETTINGS):
            self.admin_menu.addAction(self.site_settings_action)
            self.admin_menu.addAction(self.mail_settings_action)
        self.server_action = QAction(self)
        if allowed(actor, Action.CONFIGURE_SERVER):
            self.admin_menu.addAction(self.server_action)
        self.conflicts_action = QAction(self)
        if allowed(actor, Action.REVIEW_CONFLICTS):
            self.admin_menu.addAction(self.conflicts_action)
        self.admin_menu.menuAction().setVisible(not self.admin_menu.isEmpty())
        self.own_profile_action = QAction(self)
        self.own_password_action = QAction(self)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.account_menu = self.menuBar().addMenu("")
        self.account_menu.addAction(self.own_profile_action)
        self.account_menu.addAction(self.own_password_action)
        self.server_password_action = QAction(self)
        self.account_menu.addAction(self.server_password_action)
        self.account_menu.addSeparator()
        self.account_menu.addAction(self.lock_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if allowed(actor, Action.ADD_STUDENT):
            self.toolbar.addAction(self.add_student_action)
        self.view_action_button = QToolButton(self)
        self.view_action_button.setMenu(self.view_action_menu)
        self.view_action_button.setPopupMode(
            QToolButton.ToolButtonPopupMode.InstantPopup
        )
        self.toolbar.addWidget(self.view_action_button)
        self.toolbar.addAction(self.export_action)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.user_label = QLabel(self)
        self.toolbar.addWidget(self.user_label)
        self.language_button = QToolButton(self)
        self.language_button.setDefaultAction(self.language_action)
        self.language_button.setObjectName("language_button")
        self.toolbar.addWidget(self.language_button)
        self.addToolBar(self.toolbar)
        self._undo_ids: list[uuid.UUID] = []
        self.undo_label = QLabel(self)
        self.undo_button = QToolButton(self)
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self.idle_minutes = auth.idle_lock_minutes(db, actor)
        self._locked = False
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self.statusBar().addPermanentWidget(self.undo_label)
        self.statusBar().addPermanentWidget(self.undo_button)
        self._hide_undo()
        # Connected mode: synchronization in the background (F-90).
        self.sync_runner = SyncRunner(db, actor, self)
        self.sync_status = SyncStatusWidget(
            self.sync_runner,
            lambda: self.languages.language,
            allowed(actor, Action.REVIEW_CONFLICTS),
            self,
        )
        self.statusBar().addPermanentWidget(self.sync_status)

        self.add_student_action.triggered.connect(self._on_add_student_triggered)
        self.export_action.triggered.connect(self._on_export_triggered)
        self.refresh_action.triggered.connect(self.reload)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.staff_admin_action.triggered.connect(self._on_staff_admin_triggered)
        self.caseload_action.triggered.connect(self._on_caseload_triggered)
        self.import_action.triggered.connect(self._on_import_triggered)
        self.permissions_action.triggered.connect(self._on_permissions_triggered)
        self.site_settings_action.triggered.connect(self._on_site_settings_triggered)
        self.own_profile_action.triggered.connect(self._on_own_profile_triggered)
        self.own_password_action.triggered.connect(self._on_own_password_triggered)
        self.lock_action.triggered.connect(self.lock)
        self.slips_action.triggered.connect(self._on_slips_triggered)
        self.log_action.triggered.connect(self._on_log_triggered)
        self.review_action.triggered.connect(self._on_review_triggered)
        self.message_action.triggered.connect(self._on_message_triggered)
        self.journal_action.triggered.connect(self._on_journal_triggered)
        self.comments_action.triggered.connect(self._on_comments_triggered)
        self.manage_logs_action.triggered.connect(self._on_manage_logs_triggered)
        self.group_entries_action.triggered.connect(self._on_group_entries_triggered)
        self.search_action.triggered.connect(self._on_search_triggered)
        self.saved_searches_menu.aboutToShow.connect(self._fill_saved_searches_menu)
        self.saved_searches_menu.triggered.connect(self._on_saved_search_chosen)
        self.manage_groups_action.triggered.connect(self._on_manage_groups_triggered)
        self.add_to_group_action.triggered.connect(self._on_add_to_group_triggered)
        self.remove_from_group_action.triggered.connect(
            self._on_remove_from_group_triggered
        )
        self.new_message_action.triggered.connect(self._on_new_message_triggered)
        self.manage_messages_action.triggered.connect(
            self._on_manage_messages_triggered
        )
        self.mail_settings_action.triggered.connect(self._on_mail_settings_triggered)
        self.parent_accounts_action.triggered.connect(
            self._on_parent_accounts_triggered
        )
        self.letters_action.triggered.connect(self._on_letters_triggered)
        self._idle_timer.timeout.connect(self.lock)
        self.edit_profile_action.triggered.connect(self._on_edit_profile_triggered)
        self.notes_action.triggered.connect(self._on_notes_triggered)
        self.reset_password_action.triggered.connect(self._on_reset_password_triggered)
        self.login_history_action.triggered.connect(self._on_login_history_triggered)
        self.invite_others_action.triggered.connect(self._on_invite_others_triggered)
        self.plan_options_action.triggered.connect(self._on_plan_options_triggered)
        self.promote_action.triggered.connect(self._on_promote_triggered)
        self.demote_action.triggered.connect(self._on_demote_triggered)
        self.graduate_action.triggered.connect(self._on_graduate_triggered)
        self.transfer_action.triggered.connect(self._on_transfer_triggered)
        self.rollover_action.triggered.connect(self._on_rollover_triggered)
        self.deactivate_action.triggered.connect(self._on_deactivate_triggered)
        self.reactivate_action.triggered.connect(self._on_reactivate_triggered)
        self.language_action.triggered.connect(self._on_language_triggered)
        self.server_action.triggered.connect(self._on_server_triggered)
        self.server_password_action.triggered.connect(
            self._on_server_password_triggered
        )
        self.conflicts_action.triggered.connect(self._on_conflicts_triggered)
        self.sync_now_action.triggered.connect(self.sync_runner.sync_now)
        self.sync_status.issues_requested.connect(self._on_conflicts_triggered)
        self.sync_runner.changed.connect(self._update_sync_actions)
        self.sync_runner.pulled.connect(self.reload)
        self.students_reloaded.connect(self.sync_runner.local_changed)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self._undo_timer.timeout.connect(self._hide_undo)
        self.view_action_menu.aboutToShow.connect(self._fill_view_action_menu)
        self.student_list.scope_changed.connect(self.reload)
        self.student_list.context_menu_requested.connect(self._on_list_menu_requested)
        self.student_list.activated.connect(self._on_student_activated)
        self.student_list.selection_changed.connect(self._update_actions)
        self.student_list.transferred_shown.connect(self._on_transferred_shown)

        self.retranslate()
        self._restore_layout()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._restart_idle_timer()
        self.student_list.set_choices(
            students.list_counsellors(db, actor), students.list_groups(db, actor)
        )
        self.reload()
        self._update_sync_actions()
        self.sync_runner.start()

    # public API

    @Slot()
    def reload(self) -> None:
        """Fetch the student list again, keeping filters, sort and selection."""
        rows = students.list_students(
            self.db, self.actor, mine=self.student_list.mine_only()
        )
        self.student_list.set_rows(rows)
        if self.student_list.showing_transferred():
            self.student_list.set_transferred_rows(
                list_transferred(self.db, self.actor)
            )
        self._update_actions()
        self.students_reloaded.emit()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("CAMS — Counsellor home page — {0}").format(self.school_name)
        )
        self.student_menu.setTitle(self.tr("&Students"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.view_action_menu.setTitle(self.tr("&View/Action"))
        self.view_action_button.setText(self.tr("View/Action"))
        self.add_student_action.setText(self.tr("Add a student"))
        self.export_action.setText(self.tr("Export the list…"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.quit_action.setText(self.tr("Quit"))
        self.about_action.setText(self.tr("About CAMS Desktop"))
        self.admin_menu.setTitle(self.tr("&Administration"))
        self.import_action.setText(self.tr("Import students…"))
        self.slips_action.setText(self.tr("Print login slips…"))
        self.log_action.setText(self.tr("Counselling log"))
        self.review_action.setText(self.tr("Annual review"))
        self.message_action.setText(self.tr("Send message"))
        self.journal_action.setText(self.tr("View My Journal"))
        self.comments_action.setText(self.tr("Parent comments"))
        self.manage_logs_action.setText(self.tr("Manage counselling logs"))
        self.group_entries_action.setText(self.tr("Group entries"))
        self.search_action.setText(self.tr("Advanced search…"))
        self.saved_searches_menu.setTitle(self.tr("Saved searches"))
        self.manage_groups_action.setText(self.tr("Manage groups"))
        self.add_to_group_action.setText(self.tr("Add to group…"))
        self.remove_from_group_action.setText(self.tr("Remove from group…"))
        self.new_message_action.setText(self.tr("Send a message…"))
        self.manage_messages_action.setText(self.tr("Manage messages"))
        self.mail_settings_action.setText(self.tr("Email settings"))
        self.parents_menu.setTitle(self.tr("&Parents"))
        self.parent_accounts_action.setText(self.tr("Parent portal accounts"))
        self.letters_action.setText(self.tr("Print parent access letters…"))
        self.staff_admin_action.setText(self.tr("Counsellor administration"))
        if allowed(self.actor, Action.ASSIGN_CASELOADS):
            self.caseload_action.setText(self.tr("Assign students to a counsellor"))
        else:
            self.caseload_action.setText(self.tr("Students on my list"))
        self.permissions_action.setText(self.tr("Access levels and permissions"))
        self.site_settings_action.setText(self.tr("Site settings"))
        self.server_action.setText(self.tr("School server…"))
        self.conflicts_action.setText(self.tr("Sync conflicts and refused changes…"))
        self.server_password_action.setText(self.tr("Server password…"))
        self.sync_now_action.setText(self.tr("Synchronize now"))
        self.account_menu.setTitle(self.tr("&My account"))
        self.own_profile_action.setText(self.tr("Edit my profile"))
        self.own_password_action.setText(self.tr("Change my password"))
        self.lock_action.setText(self.tr("Lock now"))
        self.edit_profile_action.setText(self.tr("Edit profile"))
        self.notes_action.setText(self.tr("Notes"))
        self.reset_password_action.setText(self.tr("Reset password…"))
        self.login_history_action.setText(self.tr("Login history"))
        self.invite_others_action.setText(self.tr("Allow inviting others"))
        self.plan_options_action.setText(self.tr("Plan options…"))
        self.promote_action.setText(self.tr("Promote…"))
        self.demote_action.setText(self.tr("Demote…"))
        self.graduate_action.setText(self.tr("Graduate…"))
        self.transfer_action.setText(self.tr("Transfer…"))
        self.rollover_action.setText(self.tr("Year-end rollover…"))
        self.deactivate_action.setText(self.tr("Deactivate plan"))
        self.reactivate_action.setText(self.tr("Reactivate plan"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_label.setText(
            self.tr("{0} plans deactivated.", "", len(self._undo_ids)).format(
                format_number(len(self._undo_ids), self.languages.language)
            )
            if self._undo_ids
            else ""
        )
        # The switch names the other language, in that language.
        self.language_action.setText(
            "English" if self.languages.language == "fr" else "Français"
        )
        self.language_action.setToolTip(self.tr("Switch the interface language"))
        self.user_label.setText(
            self.tr("{0} ({1})").format(
                self.actor.display_name, access_level_label(self.actor.access_level)
            )
            + "  "
        )

    @Slot()
    def lock(self) -> None:
        """Lock the session; the window keeps everything until the password."""
        if self._locked:
            return
        self._locked = True
        self._idle_timer.stop()
        self.centralWidget().hide()
        dialog = LockDialog(self.db, self.actor, self)
        unlocked = dialog.exec()
        self.centralWidget().show()
        self._locked = False
        if unlocked:
            self._restart_idle_timer()
        else:
            self.close()

    def view_action_items(self) -> list[QAction]:
        """The View/Action items for the current selection (also the context menu)."""
        rows = self.student_list.selected_rows()
        if not rows:
            return []
        items = []
        if len(rows) == 1 and allowed(self.actor, Action.EDIT_PROFILE):
            items.append(self.edit_profile_action)
        if len(rows) == 1 and allowed(self.actor, Action.VIEW_NOTES):
            items.append(self.notes_action)
        if len(rows) == 1 and allowed(self.actor, Action.VIEW_COUNSELLING_LOG):
            items.append(self.log_action)
        if (
            len(rows) == 1
            and allowed(self.actor, Action.MARK_ANNUAL_REVIEW)
            and rows[0].grade in guidance.annual_review_grades(self.db, self.actor)
        ):
            items.append(self.review_action)
        if allowed(self.actor, Action.SEND_MESSAGE):
            items.append(self.message_action)
        if len(rows) == 1 and allowed(self.actor, Action.VIEW_PLAN):
            items.append(self.journal_action)
        if len(rows) == 1 and allowed(self.actor, Action.VIEW_PARENT_COMMENTS):
            items.append(self.comments_action)
        if len(rows) == 1 and allowed(self.actor, Action.VIEW_LOGIN_HISTORY):
            items.append(self.login_history_action)
        if allowed(self.actor, Action.TOGGLE_INVITE_OTHERS):
            # Checked when every selected student may invite others (F-35).
            with contextlib.suppress(NotFound):
                state = student_logins.invite_others_state(
                    self.db, self.actor, [r.id for r in rows]
                )
                self.invite_others_action.setChecked(state.allowed)
                items.append(self.invite_others_action)
        if allowed(self.actor, Action.RESET_STUDENT_PASSWORD):
            items.append(self.reset_password_action)
        if allowed(self.actor, Action.MANAGE_GROUPS):
            items += [self.add_to_group_action, self.remove_from_group_action]
        # Graduates have left the grades: nothing more to move or transfer.
        movable = any(r.plan_status != PlanStatus.GRADUATED for r in rows)
        if movable and allowed(self.actor, Action.PROMOTE_STUDENTS):
            items += [self.promote_action, self.demote_action, self.graduate_action]
        if movable and allowed(self.actor, Action.TRANSFER_STUDENT):
            items.append(self.transfer_action)
        if allowed(self.actor, Action.DEACTIVATE_PLAN):
            if any(r.plan_status == PlanStatus.ACTIVE for r in rows):
                items.append(self.deactivate_action)
            # Reactivating a graduate's plan undoes the graduation.
            if any(
                r.plan_status in (PlanStatus.INACTIVE, PlanStatus.GRADUATED)
                for r in rows
            ):
                items.append(self.reactivate_action)
        return items

    # slots

    @Slot()
    def _on_language_triggered(self) -> None:
        self.languages.set_language(self.languages.other())
        self.settings.setValue("preferences/language", self.languages.language)

    @Slot()
    def _on_add_student_triggered(self) -> None:
        dialog = StudentDialog(self.db, self.actor, None, self)
        if dialog.exec():
            self.reload()
            if dialog.saved_id is not None:
                self.student_list.select_ids({dialog.saved_id})

    @Slot()
    def _on_edit_profile_triggered(self) -> None:
        rows = self.student_list.selected_rows()
        if len(rows) == 1:
            self._edit_profile(rows[0].id)

    @Slot()
    def _on_promote_triggered(self) -> None:
        self._move_grades(MoveKind.PROMOTE)

    @Slot()
    def _on_demote_triggered(self) -> None:
        self._move_grades(MoveKind.DEMOTE)

    @Slot()
    def _on_graduate_triggered(self) -> None:
        self._move_grades(MoveKind.GRADUATE)

    @Slot()
    def _on_transfer_triggered(self) -> None:
        rows = self.student_list.selected_rows()
        if not rows:
            return
        try:
            dialog = TransferDialog(self.db, self.actor, rows, self)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.tr("Transfer"), error)
            return
        dialog.exec()
        if dialog.changed:
            self.reload()

    @Slot()
    def _on_rollover_triggered(self) -> None:
        try:
            dialog = RolloverDialog(self.db, self.actor, self.time_zone, self)
        except PermissionDenied as error:
            show_error(self, self.tr("Year-end rollover"), error)
            return
        dialog.exec()
        if dialog.changed:
            self.reload()

    @Slot(bool)
    def _on_transferred_shown(self, shown: bool) -> None:
        if shown:
            self.student_list.set_transferred_rows(
                list_transferred(self.db, self.actor)
            )
        self._update_actions()

    @Slot()
    def _on_notes_triggered(self) -> None:
        rows = self.student_list.selected_rows()
        if len(rows) == 1:
            NotesDialog(self.db, self.actor, rows[0], self).exec()

    @Slot()
    def _on_reset_password_triggered(self) -> None:
        rows = self.student_list.selected_rows()
        if not rows:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Reset password"),
            self.tr(
                "Give these students a new password? Their current password "
                "stops working at once.\n\n{0}",
                "",
                len(rows),
            ).format(self._student_names(rows)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            passwords = student_logins.reset_passwords(
                self.db, self.actor, [r.id for r in rows]
            )
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.tr("Reset password"), error)
            self.reload()
            return
        NewPasswordsDialog(self.db, self.actor, passwords, self.settings, self).exec()

    @Slot()
    def _on_login_history_triggered(self) -> None:
        rows = self.student_list.selected_rows()
        if len(rows) != 1:
            return
        try:
            dialog = LoginHistoryDialog(self.db, self.actor, rows[0], self)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.tr("Login history"), error)
            return
        dialog.exec()

    @Slot(bool)
    def _on_invite_others_triggered(self, checked: bool) -> None:
        rows = self.student_list.selected_rows()
        ids = [r.id for r in rows]
        try:
            if not checked:
                state = student_logins.invite_others_state(self.db, self.actor, ids)
                answer = QMessageBox.question(
                    self,
                    self.tr("Allow inviting others"),
                    self.tr(
                        "Stop the selected students from inviting others?\n\n"
                        "Invitations already made: {0}. They are kept, but the "
                        "planning site stops sharing the plans until inviting is "
                        "allowed again.\n\n{1}"
                    ).format(
                        format_number(state.invitations, self.languages.language),
                        self._student_names(rows),
                    ),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
            student_logins.set_invite_others(self.db, self.actor, ids, checked)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.tr("Allow inviting others"), error)
            self.reload()

    @Slot()
    def _on_plan_options_triggered(self) -> None:
        PlanOptionsDialog(self.db, self.actor, self).exec()

    @Slot()
    def _on_deactivate_triggered(self) -> None:
        self._set_plans_active(False)

    @Slot()
    def _on_reactivate_triggered(self) -> None:
        self._set_plans_active(True)

    @Slot()
    def _on_export_triggered(self) -> None:
        rows = self.student_list.proxy.visible_rows()
        ExportDialog(self.db, self.actor, rows, self.settings, self).exec()

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About CAMS Desktop"),
            self.tr(
                "CAMS Desktop {0}\nCareer and education planning administration."
            ).format(__version__),
        )

    @Slot()
    def _on_staff_admin_triggered(self) -> None:
        StaffAdminDialog(self.db, self.actor, self).exec()
        self.student_list.set_choices(
            students.list_counsellors(self.db, self.actor),
            students.list_groups(self.db, self.actor),
        )

    @Slot()
    def _on_caseload_triggered(self) -> None:
        dialog = CaseloadDialog(self.db, self.actor, self)
        dialog.exec()
        if dialog.changed:
            self.reload()

    @Slot()
    def _on_import_triggered(self) -> None:
        dialog = ImportWizard(self.db, self.actor, self)
        dialog.exec()
        if dialog.changed:
            self.reload()

    @Slot()
    def _on_log_triggered(self) -> None:
        rows = self.student_list.selected_rows()
        if len(rows) == 1:
            CounsellingLogDialog(self.db, self.actor, rows[0], self).exec()

    @Slot()
    def _on_review_triggered(self) -> None:
        rows = self.student_list.selected_rows()
        if len(rows) == 1:
            AnnualReviewDialog(self.db, self.actor, rows[0], self).exec()

    @Slot()
    def _on_message_triggered(self) -> None:
        ids = self.student_list.selected_ids()
        if ids:
            SendMessageDialog(self.db, self.actor, ids, self).exec()

    @Slot()
    def _on_journal_triggered(self) -> None:
        rows = self.student_list.selected_rows()
        if len(rows) == 1:
            JournalDialog(self.db, self.actor, rows[0], self).exec()

    @Slot()
    def _on_comments_triggered(self) -> None:
        rows = self.student_list.selected_rows()
        if len(rows) == 1:
            ParentCommentsDialog(self.db, self.actor, rows[0], self).exec()

    @Slot()
    def _on_manage_logs_triggered(self) -> None:
        ManageLogsDialog(self.db, self.actor, self).exec()

    @Slot()
    def _on_group_entries_triggered(self) -> None:
        GroupEntriesDialog(
            self.db, self.actor, self.student_list.selected_ids(), self
        ).exec()

    @Slot()
    def _on_search_triggered(self) -> None:
        dialog = SearchDialog(self.db, self.actor, self.student_list.search(), self)
        if dialog.exec():
            self.student_list.set_search(dialog.search())

    @Slot()
    def _fill_saved_searches_menu(self) -> None:
        self.saved_searches_menu.clear()
        self._saved_searches = {}
        for saved in list_saved_searches(self.db, self.actor):
            if saved.search is not None:
                self._saved_searches[saved.id] = saved.search
                self.saved_searches_menu.addAction(saved.name).setData(saved.id)
        if not self._saved_searches:
            hint = self.saved_searches_menu.addAction(self.tr("No saved search yet"))
            hint.setEnabled(False)

    @Slot(QAction)
    def _on_saved_search_chosen(self, action: QAction) -> None:
        search = self._saved_searches.get(action.data())
        if search is not None:
            self.student_list.set_search(search)

    @Slot()
    def _on_manage_groups_triggered(self) -> None:
        dialog = GroupsDialog(self.db, self.actor, self)
        dialog.exec()
        if dialog.changed:
            self._refresh_groups()

    @Slot()
    def _on_add_to_group_triggered(self) -> None:
        self._change_group_members(adding=True)

    @Slot()
    def _on_remove_from_group_triggered(self) -> None:
        self._change_group_members(adding=False)

    @Slot()
    def _on_new_message_triggered(self) -> None:
        SendMessageDialog(self.db, self.actor, self._search_result_ids(), self).exec()

    @Slot()
    def _on_manage_messages_triggered(self) -> None:
        ManageMessagesDialog(self.db, self.actor, self).exec()

    @Slot()
    def _on_mail_settings_triggered(self) -> None:
        MailSettingsDialog(self.db, self.actor, self).exec()

    @Slot()
    def _on_slips_triggered(self) -> None:
        dialog = PrintDialog(
            self.db, self.actor, PrintKind.LOGIN_SLIPS, self.settings, self
        )
        ids = self.student_list.selected_ids() or self._search_result_ids()
        if ids:
            dialog.preselect(ids)
        dialog.exec()

    @Slot()
    def _on_parent_accounts_triggered(self) -> None:
        ParentPortalDialog(self.db, self.actor, self.settings, self).exec()

    @Slot()
    def _on_letters_triggered(self) -> None:
        dialog = PrintDialog(
            self.db, self.actor, PrintKind.PARENT_LETTERS, self.settings, self
        )
        if ids := self._search_result_ids():
            dialog.preselect(ids)
        dialog.exec()

    @Slot()
    def _on_site_settings_triggered(self) -> None:
        if SiteSettingsDialog(self.db, self.actor, self).exec():
            self.idle_minutes = auth.idle_lock_minutes(self.db, self.actor)
            self._restart_idle_timer()

    @Slot()
    def _on_server_triggered(self) -> None:
        if ServerDialog(self.db, self.actor, self).exec():
            self.sync_runner.start()

    @Slot()
    def _on_server_password_triggered(self) -> None:
        dialog = ServerDialog(self.db, self.actor, self, own_password_only=True)
        if dialog.exec():
            self.sync_runner.sync_now()

    @Slot()
    def _on_conflicts_triggered(self) -> None:
        if not allowed(self.actor, Action.REVIEW_CONFLICTS):
            return
        dialog = ConflictsDialog(self.db, self.actor, self.languages.language, self)
        dialog.resolved.connect(self.sync_runner.sync_now)
        dialog.exec()

    @Slot()
    def _update_sync_actions(self) -> None:
        """Connected-mode items show only once a server is set up."""
        configured = self.sync_runner.configured
        self.sync_now_action.setVisible(configured)
        self.sync_now_action.setEnabled(not self.sync_runner.busy)
        self.server_password_action.setVisible(configured)
        self.conflicts_action.setVisible(configured)

    @Slot()
    def _on_permissions_triggered(self) -> None:
        PermissionsDialog(self).exec()

    @Slot()
    def _on_own_profile_triggered(self) -> None:
        StaffProfileDialog(self.db, self.actor, self.actor.staff_id, self).exec()

    @Slot()
    def _on_own_password_triggered(self) -> None:
        PasswordDialog(self.db, self.actor, False, self).exec()

    @Slot(QPoint)
    def _on_list_menu_requested(self, point: QPoint) -> None:
        menu = QMenu(self)
        for action in self.view_action_items():
            menu.addAction(action)
        if not menu.isEmpty():
            menu.exec(point)

    @Slot(object)
    def _on_student_activated(self, row: StudentRow) -> None:
        if allowed(self.actor, Action.EDIT_PROFILE):
            self._edit_profile(row.id)
        elif allowed(self.actor, Action.VIEW_NOTES):
            NotesDialog(self.db, self.actor, row, self).exec()

    @Slot()
    def _fill_view_action_menu(self) -> None:
        self.view_action_menu.clear()
        items = self.view_action_items()
        for action in items:
            self.view_action_menu.addAction(action)
        if not items:
            hint = self.view_action_menu.addAction(self.tr("Select a student first"))
            hint.setEnabled(False)

    @Slot()
    def _update_actions(self) -> None:
        has_selection = bool(self.student_list.selected_rows())
        self.view_action_button.setEnabled(has_selection)

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.student_list.set_language(self.languages.language)
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Any key or mouse use anywhere in the application postpones the lock.
        if event.type() in _ACTIVITY and not self._locked:
            self._restart_idle_timer()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._idle_timer.stop()
        self.sync_runner.shutdown()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue(
            "layout/student_list_header", self.student_list.header_state()
        )
        super().closeEvent(event)

    # private helpers

    def _restart_idle_timer(self) -> None:
        if self.idle_minutes > 0:
            self._idle_timer.start(self.idle_minutes * 60_000)

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        header = self.settings.value("layout/student_list_header")
        if isinstance(header, QByteArray):
            self.student_list.restore_header_state(header)

    @Slot()
    def _hide_undo(self) -> None:
        self._undo_ids = []
        self._undo_timer.stop()
        self.undo_label.hide()
        self.undo_button.hide()

    def _edit_profile(self, student_id: uuid.UUID) -> None:
        try:
            dialog = StudentDialog(self.db, self.actor, student_id, self)
        except NotFound as error:
            show_error(self, self.tr("Edit profile"), error)
            self.reload()
            return
        if dialog.exec():
            self.reload()

    def _student_names(self, rows: list[StudentRow]) -> str:
        """The first ten names of ``rows``, one a line, for a confirmation."""
        names = "\n".join(f"{r.first_name} {r.last_name}" for r in rows[:10])
        more = len(rows) - 10
        if more > 0:
            names += "\n" + self.tr("and {0} more", "", more).format(more)
        return names

    def _search_result_ids(self) -> list[uuid.UUID]:
        """The students shown while a search is on: messages and printing use them."""
        if self.student_list.search() is None:
            return []
        return [row.id for row in self.student_list.proxy.visible_rows()]

    def _change_group_members(self, adding: bool) -> None:
        ids = self.student_list.selected_ids()
        if not ids:
            return
        dialog = GroupMembershipDialog(self.db, self.actor, ids, adding, self)
        if not dialog.exec() or dialog.result_ is None:
            return
        language = self.languages.language
        result = dialog.result_
        if isinstance(result, MembersAdded):
            message = self.tr("Added to “{0}”: {1}; already in it: {2}.").format(
                dialog.group_name(),
                format_number(result.added, language),
                format_number(result.already_members, language),
            )
        else:
            message = self.tr("Removed from “{0}”: {1}; not in it: {2}.").format(
                dialog.group_name(),
                format_number(result.removed, language),
                format_number(result.not_members, language),
            )
        self.statusBar().showMessage(message, 10_000)
        self._refresh_groups()

    def _refresh_groups(self) -> None:
        """Groups changed: the group filter lists them and the rows show them."""
        self.student_list.set_choices(
            students.list_counsellors(self.db, self.actor),
            students.list_groups(self.db, self.actor),
        )
        self.reload()

    def _move_grades(self, kind: MoveKind) -> None:
        """Promote, demote or graduate the selection (or, for moves, a grade)."""
        try:
            dialog = GradeMoveDialog(
                self.db, self.actor, kind, self.student_list.selected_rows(), self
            )
        except PermissionDenied as error:
            show_error(self, self.tr("Promote/demote students"), error)
            return
        dialog.exec()
        if dialog.changed:
            self.reload()

    def _set_plans_active(self, active: bool) -> None:
        rows = self.student_list.selected_rows()
        if not active:
            names = self._student_names(rows)
            answer = QMessageBox.question(
                self,
                self.tr("Deactivate plan"),
                self.tr(
                    "Deactivate the plan of these students? They leave the lists; "
                    "nothing is deleted and the plan can be reactivated.\n\n{0}"
                ).format(names),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        ids = [
            r.id
            for r in rows
            if r.plan_status != (PlanStatus.ACTIVE if active else PlanStatus.INACTIVE)
        ]
        try:
            changed = students.set_plan_active(self.db, self.actor, ids, active)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.tr("Deactivate plan"), error)
            changed = 0
        self.reload()
        if changed and not active:
            self._undo_ids = ids
            self.retranslate()
            self.undo_label.show()
            self.undo_button.show()
            self._undo_timer.start()
        else:
            self._hide_undo()

    @Slot()
    def _on_undo_clicked(self) -> None:
        ids = self._undo_ids
        self._hide_undo()
        try:
            students.set_plan_active(self.db, self.actor, ids, True)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.tr("Reactivate plan"), error)
        self.reload()
