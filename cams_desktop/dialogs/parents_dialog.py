"""Parent portal accounts (F-36): accounts, activation codes and comments."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.db.students import GRADES, Gender
from cams_desktop.dialogs.print_dialog import PrintDialog, PrintKind
from cams_desktop.formatting import format_date, format_datetime, format_number
from cams_desktop.i18n import current_language
from cams_desktop.labels import gender_label, language_label
from cams_desktop.services import parents, students
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    PermissionDenied,
    allowed,
)
from cams_desktop.services.parents import StudentCriteria
from cams_desktop.services.students import ValidationError, school_time_zone
from cams_desktop.views.background import show_error
from cams_desktop.views.widgets import error_label


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def _fill(table: QTableWidget, rows: list[tuple[object, list[str]]]) -> None:
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, (key, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class ParentPortalDialog(QDialog):
    """Comptes du portail des parents."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.time_zone = school_time_zone(db, actor)

        self.tabs = QTabWidget()
        self.account_search = QLineEdit()
        self.account_search.setClearButtonEnabled(True)
        self.accounts = _table(6)
        self.codes = _table(5)
        self.create_codes_button = QPushButton()
        self.delete_code_button = QPushButton()
        self.print_button = QPushButton()
        self.comment_search = QLineEdit()
        self.comment_search.setClearButtonEnabled(True)
        self.comments = _table(4)
        self.comments.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        accounts_page = QWidget()
        accounts_layout = QVBoxLayout(accounts_page)
        accounts_layout.addWidget(self.account_search)
        accounts_layout.addWidget(self.accounts)
        codes_page = QWidget()
        code_buttons = QHBoxLayout()
        code_buttons.addWidget(self.create_codes_button)
        code_buttons.addWidget(self.delete_code_button)
        code_buttons.addStretch(1)
        code_buttons.addWidget(self.print_button)
        codes_layout = QVBoxLayout(codes_page)
        codes_layout.addLayout(code_buttons)
        codes_layout.addWidget(self.codes)
        comments_page = QWidget()
        comments_layout = QVBoxLayout(comments_page)
        comments_layout.addWidget(self.comment_search)
        comments_layout.addWidget(self.comments)
        self.tabs.addTab(accounts_page, "")
        self.tabs.addTab(codes_page, "")
        self.tabs.addTab(comments_page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(1000, 620)

        manage = allowed(actor, Action.MANAGE_ACTIVATION_CODES)
        self.create_codes_button.setVisible(manage)
        self.delete_code_button.setVisible(manage)
        self.print_button.setVisible(allowed(actor, Action.PRINT_PARENT_LETTERS))
        self.account_search.textChanged.connect(self._load_accounts)
        self.comment_search.textChanged.connect(self._load_comments)
        self.create_codes_button.clicked.connect(self._on_create_codes_clicked)
        self.delete_code_button.clicked.connect(self._on_delete_code_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Parent portal accounts"))
        self.tabs.setTabText(0, self.tr("Parent accounts"))
        self.tabs.setTabText(1, self.tr("Activation codes"))
        self.tabs.setTabText(2, self.tr("Parent comments"))
        self.account_search.setPlaceholderText(
            self.tr("Search a parent by name or email")
        )
        self.comment_search.setPlaceholderText(self.tr("Search the comments"))
        self.accounts.setHorizontalHeaderLabels(
            [
                self.tr("Parent"),
                self.tr("Email"),
                self.tr("Language"),
                self.tr("Children"),
                self.tr("Last sign-in"),
                self.tr("Account"),
            ]
        )
        self.codes.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Student"),
                self.tr("Parent"),
                self.tr("Expires"),
                self.tr("Status"),
            ]
        )
        self.comments.setHorizontalHeaderLabels(
            [
                self.tr("Written"),
                self.tr("Parent"),
                self.tr("Student"),
                self.tr("Comment"),
            ]
        )
        self.create_codes_button.setText(self.tr("Create activation codes…"))
        self.delete_code_button.setText(self.tr("Delete the code"))
        self.print_button.setText(self.tr("Print parent letters…"))
        self.reload()

    def reload(self) -> None:
        self._load_accounts()
        self._load_codes()
        self._load_comments()

    @Slot()
    def _load_accounts(self) -> None:
        language = current_language()
        rows = parents.list_parent_accounts(
            self.db, self.actor, text=self.account_search.text()
        )
        _fill(
            self.accounts,
            [
                (
                    row.id,
                    [
                        f"{row.last_name}, {row.first_name}",
                        row.email or "",
                        language_label(row.preferred_language),
                        "; ".join(row.students),
                        format_datetime(
                            row.last_sign_in_at, language, self.time_zone, "short"
                        ),
                        self.tr("Active")
                        if row.account_active
                        else self.tr("Not activated"),
                    ],
                )
                for row in rows
            ],
        )

    def _load_codes(self) -> None:
        language = current_language()
        labels = {
            "valid": self.tr("Valid"),
            "used": self.tr("Used"),
            "expired": self.tr("Expired"),
        }
        _fill(
            self.codes,
            [
                (
                    row.id,
                    [
                        row.code,
                        row.student_name,
                        row.parent_name or "",
                        format_date(row.expires_at.date(), language, "medium"),
                        labels.get(row.status, row.status),
                    ],
                )
                for row in parents.list_codes(self.db, self.actor)
            ],
        )

    @Slot()
    def _load_comments(self) -> None:
        language = current_language()
        _fill(
            self.comments,
            [
                (
                    row.id,
                    [
                        format_datetime(
                            row.written_at, language, self.time_zone, "short"
                        ),
                        row.parent_name,
                        row.student_name,
                        row.body,
                    ],
                )
                for row in parents.comment_log(
                    self.db, self.actor, text=self.comment_search.text()
                )
            ],
        )

    @Slot()
    def _on_create_codes_clicked(self) -> None:
        dialog = CreateCodesDialog(self.db, self.actor, self)
        if dialog.exec():
            self._load_codes()
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr("{0} activation codes created.", "", dialog.created).format(
                    format_number(dialog.created, current_language())
                ),
            )

    @Slot()
    def _on_delete_code_clicked(self) -> None:
        rows = self.codes.selectionModel().selectedRows()
        if not rows:
            return
        first = self.codes.item(rows[0].row(), 0)
        if first is None:
            return
        code_id = first.data(Qt.ItemDataRole.UserRole)
        try:
            parents.delete_code(self.db, self.actor, code_id)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.windowTitle(), error)
        self._load_codes()

    @Slot()
    def _on_print_clicked(self) -> None:
        PrintDialog(
            self.db, self.actor, PrintKind.PARENT_LETTERS, self.settings, self
        ).exec()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CreateCodesDialog(QDialog):
    """For which students to create codes, and how long they stay valid."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.created = 0
        self.grade_box = QComboBox()
        self.gender_box = QComboBox()
        self.counsellor_box = QComboBox()
        self.usernames = QLineEdit()
        self.only_without = QComboBox()
        self.validity = QSpinBox()
        self.validity.setRange(1, 365)
        self.validity.setValue(parents.DEFAULT_VALIDITY_DAYS)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        for label, field in zip(
            self._labels,
            (
                self.grade_box,
                self.gender_box,
                self.counsellor_box,
                self.usernames,
                self.only_without,
                self.validity,
            ),
            strict=True,
        ):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)

        self.setWindowTitle(self.tr("Create activation codes"))
        for label, text in zip(
            self._labels,
            (
                self.tr("Grade"),
                self.tr("Gender"),
                self.tr("Counsellor"),
                self.tr("Usernames (optional)"),
                self.tr("Which students"),
                self.tr("Valid for (days)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.grade_box.addItem(self.tr("All grades"), None)
        for grade in GRADES:
            self.grade_box.addItem(str(grade), grade)
        self.gender_box.addItem(self.tr("Any gender"), None)
        for gender in Gender:
            self.gender_box.addItem(gender_label(gender), gender.value)
        self.counsellor_box.addItem(self.tr("Any counsellor"), None)
        for choice in students.list_counsellors(db, actor):
            self.counsellor_box.addItem(choice.name, choice.id)
        self.only_without.addItem(self.tr("Only those without a valid code"), True)
        self.only_without.addItem(self.tr("All (older codes are replaced)"), False)

    @Slot()
    def _on_ok_clicked(self) -> None:
        gender = self.gender_box.currentData()
        counsellor = self.counsellor_box.currentData()
        criteria = StudentCriteria(
            usernames=tuple(self.usernames.text().replace(",", " ").split()),
            counsellor_id=counsellor if isinstance(counsellor, uuid.UUID) else None,
            grade=self.grade_box.currentData(),
            gender=None if gender is None else Gender(str(gender)),
        )
        try:
            self.created = parents.generate_codes(
                self.db,
                self.actor,
                criteria,
                only_without_code=bool(self.only_without.currentData()),
                validity_days=self.validity.value(),
            )
        except (ValidationError, NotFound, PermissionDenied) as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.accept()
