"""Messages, email settings, the background mail sender, journal and comments.

The SMTP server is aiosmtpd on a free loopback port (nothing leaves
127.0.0.1); the keychain is an in-memory keyring backend.
"""

from __future__ import annotations

import socket
from email import message_from_bytes, policy

import keyring
import keyring.backend
import keyring.backends.fail
import pytest
from aiosmtpd.controller import Controller
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from cams_desktop.db.guidance import MessageRecipient
from cams_desktop.db.students import Gender, PlanStatus
from cams_desktop.dialogs.message_dialogs import (
    JournalDialog,
    MailSettingsDialog,
    ManageMessagesDialog,
    ParentCommentsDialog,
    SendMessageDialog,
)
from cams_desktop.formatting import format_datetime
from cams_desktop.services import guidance, mail, messages, students
from cams_desktop.services.access import actor_for
from cams_desktop.services.mail import DeliveryReport, SmtpSettings
from cams_desktop.services.messages import Audience
from cams_desktop.views.mail_sender import MailSender

pytestmark = pytest.mark.gui

SENDER = "orientation@ecole.example"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keychain that lives in the test: the real one is never touched."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        del self.passwords[(service, username)]


class Mailbox:
    """An aiosmtpd handler that keeps what it accepts."""

    def __init__(self) -> None:
        self.mails: list = []

    async def handle_DATA(self, server, session, envelope):
        self.mails.append(
            (
                list(envelope.rcpt_tos),
                message_from_bytes(envelope.content, policy=policy.default),
            )
        )
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def keychain():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture
def mailbox():
    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


@pytest.fixture
def counsellor(demo_db):
    return actor_for(demo_db, "conseiller")


@pytest.fixture
def admin(demo_db):
    return actor_for(demo_db, "admin")


@pytest.fixture
def no_popups(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        lambda parent, title, text, *rest: shown.append(text),
    )
    return shown


def _active(db, actor):
    return [
        row
        for row in students.list_students(db, actor)
        if row.plan_status == PlanStatus.ACTIVE
    ]


def _with_journal(db, actor):
    for row in students.list_students(db, actor):
        if entries := guidance.journal(db, actor, row.id):
            return row, entries
    raise AssertionError("the demo school has no journal entry")


def _with_comments(db, actor):
    for row in students.list_students(db, actor):
        if comments := guidance.parent_comments(db, actor, row.id):
            return row, comments
    raise AssertionError("the demo school has no parent comment")


def test_every_dialog_opens_in_french_and_english(
    qtbot, demo_db, counsellor, admin, languages
):
    first = _active(demo_db, counsellor)[0]
    diarist, _ = _with_journal(demo_db, counsellor)
    commented, _ = _with_comments(demo_db, counsellor)
    opened = {
        "send": (
            SendMessageDialog(demo_db, counsellor, [first.id]),
            "Envoyer un message",
            "Send a message",
        ),
        "manage": (
            ManageMessagesDialog(demo_db, counsellor),
            "Gérer les messages",
            "Manage messages",
        ),
        "mail": (
            MailSettingsDialog(demo_db, admin),
            "Paramètres du courriel",
            "Email settings",
        ),
        "journal": (
            JournalDialog(demo_db, counsellor, diarist),
            f"Mon Journal — {diarist.first_name} {diarist.last_name}",
            f"My Journal — {diarist.first_name} {diarist.last_name}",
        ),
        "comments": (
            ParentCommentsDialog(demo_db, counsellor, commented),
            f"Commentaires du parent — {commented.first_name} {commented.last_name}",
            f"Parent comments — {commented.first_name} {commented.last_name}",
        ),
    }
    for name, (dialog, french, _) in opened.items():
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == french, name
    send = opened["send"][0]
    assert send.selected_label.text() == "1 élève sélectionné(e)"
    assert send.send_button.text() == "Envoyer"

    languages.set_language("en")

    for name, (dialog, _, english) in opened.items():
        assert dialog.windowTitle() == english, name
    assert send.selected_label.text() == "1 selected student"
    assert send.send_button.text() == "Send"
    manage = opened["manage"][0]
    assert manage.resend_button.text() == "Resend failed emails"
    settings = opened["mail"][0]
    assert settings.security.itemText(2) == "None (not encrypted)"


def test_sending_to_three_selected_students(
    qtbot, demo_db, counsellor, languages, no_popups
):
    languages.set_language("en")
    chosen = _active(demo_db, counsellor)[:3]
    dialog = SendMessageDialog(demo_db, counsellor, [row.id for row in chosen])
    qtbot.addWidget(dialog)
    dialog.show()
    emails = sum(1 for row in chosen if row.email and row.email.strip())
    assert dialog.selected_label.text() == "3 selected students"
    assert dialog.count_label.text() == (
        f"3 students will receive it; {emails} of them also by email."
    )
    assert not dialog.scope_box.isVisible()

    dialog._on_send_clicked()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "A message needs a subject.\nA message cannot be empty."
    )

    dialog.subject.setText("Rencontre — mardi")
    dialog.body.setPlainText("Bonjour,\nVenez me voir mardi.\n")
    dialog._on_send_clicked()

    assert dialog.result() == 1
    assert no_popups == ["The message was sent to 3 students."]
    newest = messages.sent_messages(demo_db, counsellor)[0]
    assert newest.id == dialog.message_id
    assert (newest.subject, newest.recipients, newest.read) == (
        "Rencontre — mardi",
        3,
        0,
    )
    assert newest.emails_pending == emails
    with demo_db.read() as session:
        recipients = set(
            session.scalars(
                select(MessageRecipient.student_id).where(
                    MessageRecipient.message_id == newest.id
                )
            )
        )
    assert recipients == {row.id for row in chosen}


def test_the_audience_combos_give_the_count_shown(
    qtbot, demo_db, counsellor, languages
):
    languages.set_language("en")
    dialog = SendMessageDialog(demo_db, counsellor, [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.scope_box.isVisible()
    assert [dialog.scope_box.itemText(i) for i in range(2)] == [
        "My students",
        "All students",
    ]
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("mine"))
    dialog.grade_box.setCurrentIndex(dialog.grade_box.findData(10))
    dialog.gender_box.setCurrentIndex(dialog.gender_box.findData(Gender.FEMALE.value))

    expected = [
        row
        for row in students.list_students(demo_db, counsellor, mine=True)
        if row.plan_status == PlanStatus.ACTIVE
        and row.grade == 10
        and row.gender == Gender.FEMALE
    ]
    with_email = sum(1 for row in expected if row.email and row.email.strip())
    assert expected
    assert dialog.audience() == Audience(mine=True, grade=10, gender=Gender.FEMALE)
    assert dialog.recipient_count == len(expected)
    assert dialog.count_label.text() == (
        f"{len(expected)} students will receive it; {with_email} of them also by email."
    )

    # All students in grade 10: a larger audience, in French numbers too.
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("all"))
    dialog.gender_box.setCurrentIndex(0)
    everyone = messages.recipients(
        demo_db, counsellor, Audience(everyone=True, grade=10)
    )
    assert dialog.recipient_count == len(everyone) > len(expected)
    languages.set_language("fr")
    emails = dialog.email_count
    assert dialog.count_label.text() == (
        f"{len(everyone)} élèves le recevront; {emails} d'entre eux aussi par courriel."
    )


def test_manage_messages_lists_and_deletes(
    qtbot, demo_db, counsellor, languages, monkeypatch
):
    languages.set_language("en")
    student = _active(demo_db, counsellor)[0]
    message_id = messages.send_message(
        demo_db,
        counsellor,
        Audience(student_ids=(student.id,)),
        "Bourse d’études",
        "Le formulaire est prêt.",
    )
    dialog = ManageMessagesDialog(demo_db, counsellor)
    qtbot.addWidget(dialog)
    dialog.show()
    before = dialog.table.rowCount()
    assert before == len(messages.sent_messages(demo_db, counsellor))
    assert dialog.table.item(0, 1).text() == "Bourse d’études"
    assert dialog.table.item(0, 3).text() == "1"
    assert not dialog.delete_button.isEnabled()

    dialog.table.selectRow(0)
    assert dialog.delete_button.isEnabled()
    assert not dialog.resend_button.isEnabled()  # nothing failed
    asked: list[str] = []

    def yes(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    dialog.delete_button.click()

    assert len(asked) == 1
    assert message_id not in {
        row.id for row in messages.sent_messages(demo_db, counsellor)
    }
    assert dialog.table.rowCount() == before - 1


def test_mail_settings_are_saved_and_read_back(
    qtbot, demo_db, admin, keychain, languages
):
    languages.set_language("en")
    dialog = MailSettingsDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.port.value() == 587
    dialog.host.setText(" smtp.ecole.example ")
    dialog.port.setValue(465)
    dialog.security.setCurrentIndex(dialog.security.findData("ssl"))
    dialog.username.setText("orientation")
    dialog.sender_address.setText("pas une adresse")
    dialog.password.setText("s3cret!")
    dialog._on_save_clicked()
    assert dialog.error_label.text() == "pas une adresse is not an email address."
    assert mail.smtp_settings(demo_db, admin) is None

    dialog.sender_address.setText(SENDER)
    dialog._on_save_clicked()
    assert dialog.result() == 1
    assert mail.smtp_settings(demo_db, admin) == SmtpSettings(
        "smtp.ecole.example", 465, "ssl", "orientation", SENDER
    )
    assert list(keychain.passwords.values()) == ["s3cret!"]

    again = MailSettingsDialog(demo_db, admin)
    qtbot.addWidget(again)
    assert again.host.text() == "smtp.ecole.example"
    assert again.port.value() == 465
    assert again.security.currentData() == "ssl"
    assert again.username.text() == "orientation"
    assert again.sender_address.text() == SENDER
    assert again.password.text() == ""
    again._on_save_clicked()  # an empty password keeps the stored one
    assert list(keychain.passwords.values()) == ["s3cret!"]

    third = MailSettingsDialog(demo_db, admin)
    qtbot.addWidget(third)
    third.remove_password.setChecked(True)
    assert not third.password.isEnabled()
    third._on_save_clicked()
    assert keychain.passwords == {}


def test_mail_sender_delivers_the_email_copy_once(
    qtbot, demo_db, counsellor, admin, keychain, mailbox
):
    handler, port = mailbox
    mail.save_smtp_settings(
        demo_db, admin, SmtpSettings("127.0.0.1", port, "none", "", SENDER), None
    )
    student = next(
        row for row in _active(demo_db, counsellor) if row.email and row.email.strip()
    )
    messages.send_message(
        demo_db,
        counsellor,
        Audience(student_ids=(student.id,)),
        "Date limite — été",
        "Bonjour,\nÀ bientôt.\n",
    )
    sender = MailSender(demo_db)
    with qtbot.waitSignal(sender.delivered, timeout=10_000) as first:
        assert sender.run_now()
        assert not sender.run_now()  # never two runs at once
    assert first.args == [DeliveryReport(sent=1, retried=0, failed=0)]
    with qtbot.waitSignal(sender.delivered, timeout=10_000) as second:
        sender.run_now()
    assert second.args == [DeliveryReport(sent=0, retried=0, failed=0)]
    sender.stop()

    assert len(handler.mails) == 1
    envelope_to, received = handler.mails[0]
    assert envelope_to == [student.email.strip()]
    assert received["To"] == student.email.strip()
    assert received["Subject"] == "Date limite — été"
    assert received["From"] == SENDER
    assert messages.sent_messages(demo_db, counsellor)[0].emails_sent == 1


def test_journal_shows_the_newest_entry_first(qtbot, demo_db, counsellor, languages):
    languages.set_language("en")
    student, entries = _with_journal(demo_db, counsellor)
    zone = students.school_time_zone(demo_db, counsellor)
    dialog = JournalDialog(demo_db, counsellor, student)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == len(entries)
    assert dialog.table.item(0, 0).text() == format_datetime(
        entries[0].written_at, "en", zone, "short"
    )
    assert dialog.table.item(0, 1).text() == entries[0].title
    assert dialog.body.toPlainText() == entries[0].body
    if len(entries) > 1:
        dialog.table.selectRow(1)
        assert dialog.body.toPlainText() == entries[1].body

    languages.set_language("fr")
    assert dialog.table.item(0, 0).text() == format_datetime(
        entries[0].written_at, "fr", zone, "short"
    )


def test_parent_comments_show_the_newest_first(qtbot, demo_db, counsellor, languages):
    languages.set_language("en")
    student, comments = _with_comments(demo_db, counsellor)
    zone = students.school_time_zone(demo_db, counsellor)
    dialog = ParentCommentsDialog(demo_db, counsellor, student)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == len(comments)
    assert [dialog.table.item(0, c).text() for c in range(3)] == [
        format_datetime(comments[0].written_at, "en", zone, "short"),
        comments[0].parent_name,
        comments[0].body,
    ]
    assert not dialog.empty_label.isVisible()
