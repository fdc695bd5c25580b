"""Email copies (F-30): settings, keychain, and the outbox against real SMTP.

A real SMTP server (aiosmtpd) listens on a free loopback port; nothing
leaves 127.0.0.1. The keychain is an in-memory keyring backend.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import socket
from email import message_from_bytes, policy
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select

from cams_desktop.db.guidance import EmailOutboxItem, EmailStatus
from cams_desktop.services import mail, messages, students
from cams_desktop.services.access import PermissionDenied
from cams_desktop.services.mail import DeliveryReport, SmtpSettings
from cams_desktop.services.messages import Audience
from cams_desktop.services.students import StudentDraft, ValidationError

pytestmark = pytest.mark.unit

T0 = dt.datetime(2025, 3, 3, 14, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)


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


@pytest.fixture
def keychain():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(keyring.backends.fail.Keyring())


class Mailbox:
    """An aiosmtpd handler that keeps what it accepts and can refuse first."""

    def __init__(self, refuse_first: int = 0, reject_rcpt: bool = False) -> None:
        self.refuse_first = refuse_first
        self.reject_rcpt = reject_rcpt
        self.data_calls = 0
        self.mails: list = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_rcpt:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.data_calls += 1
        if self.data_calls <= self.refuse_first:
            return "451 4.3.0 Try again later"
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


def _serve(handler: Mailbox, **options) -> Controller:
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port(), **options)
    controller.start()
    return controller


@pytest.fixture
def mailbox():
    handler = Mailbox()
    controller = _serve(handler)
    yield handler, controller.port
    controller.stop()


@pytest.fixture
def school(tiny_school, keychain):
    s = tiny_school
    students.add_student(
        s.db,
        s.admin,
        StudentDraft(
            first_name="Anaïs",
            last_name="Lévesque",
            username="alevesque",
            grade=12,
            email="anais@example.org",
        ),
    )
    students.add_student(
        s.db,
        s.admin,
        StudentDraft(first_name="Bo", last_name="Sans-Courriel", username="bosc"),
    )
    return s


def _configure(school, port: int, username: str = "", password: str | None = None):
    mail.save_smtp_settings(
        school.db,
        school.admin,
        SmtpSettings("127.0.0.1", port, "none", username, "orientation@esl.example"),
        password,
    )


def _send(school, subject="Date limite — été", body="Bonjour Anaïs,\nÀ bientôt.\n"):
    return messages.send_message(
        school.db, school.counsellor, Audience(everyone=True), subject, body, now=T0
    )


def _items(school):
    with school.db.read() as session:
        return session.scalars(select(EmailOutboxItem)).all()


def test_settings_saved_and_password_in_keychain_only(school, keychain):
    s = school
    assert mail.smtp_settings(s.db, s.admin) is None
    settings = SmtpSettings(
        " smtp.example.org ", 587, "starttls", "orientation", "orientation@esl.example"
    )
    mail.save_smtp_settings(s.db, s.admin, settings, "s3cret-Pa55")

    assert mail.smtp_settings(s.db, s.admin) == SmtpSettings(
        "smtp.example.org", 587, "starttls", "orientation", "orientation@esl.example"
    )
    assert keychain.passwords == {
        ("CAMS Desktop SMTP", f"{s.school_id}:orientation"): "s3cret-Pa55"
    }
    mail.save_smtp_settings(s.db, s.admin, settings, None)  # keeps the password
    assert len(keychain.passwords) == 1
    s.db.close()
    stored = b"".join(
        path.read_bytes() for path in Path(s.db.path).parent.glob("tiny.sqlite*")
    )
    assert b"s3cret-Pa55" not in stored
    mail.save_smtp_settings(s.db, s.admin, settings, "")  # removes it
    assert keychain.passwords == {}


def test_settings_are_checked_and_need_the_right(school):
    s = school
    with pytest.raises(ValidationError) as caught:
        mail.save_smtp_settings(
            s.db, s.admin, SmtpSettings("", 0, "tls", "", "nobody"), None
        )
    assert set(caught.value.errors) == {"host", "port", "security", "sender"}
    with pytest.raises(PermissionDenied):
        mail.smtp_settings(s.db, s.counsellor)
    with pytest.raises(PermissionDenied):
        mail.save_smtp_settings(
            s.db, s.counsellor, SmtpSettings("h", 25, "none", "", "a@b.ca"), None
        )


def test_delivered_once_with_headers_and_body(school, mailbox):
    handler, port = mailbox
    _configure(school, port)
    message_id = _send(school)

    report = mail.deliver_due(school.db, now=T0)

    assert report == DeliveryReport(sent=1, retried=0, failed=0)
    [item] = _items(school)
    assert (item.status, item.attempts, item.sent_at) == (EmailStatus.SENT, 1, T0)
    [(rcpt_tos, received)] = handler.mails
    assert rcpt_tos == ["anais@example.org"]
    assert received["To"] == "anais@example.org"
    assert received["From"] == "orientation@esl.example"
    assert received["Subject"] == "Date limite — été"
    assert received["Message-ID"] == f"<cams-{item.id.hex}@esl.example>"
    assert (
        received.get_content().replace("\r\n", "\n") == "Bonjour Anaïs,\nÀ bientôt.\n"
    )
    assert mail.deliver_due(school.db, now=T0 + MINUTE) == DeliveryReport(0, 0, 0)
    assert len(handler.mails) == 1
    [row] = messages.sent_messages(school.db, school.counsellor)
    assert (row.id, row.emails_sent, row.emails_pending) == (message_id, 1, 0)


def test_refused_then_accepted_is_retried_with_backoff(school):
    handler = Mailbox(refuse_first=2)
    controller = _serve(handler)
    try:
        _configure(school, controller.port)
        _send(school)

        assert mail.deliver_due(school.db, now=T0) == DeliveryReport(0, 1, 0)
        [item] = _items(school)
        assert (item.status, item.attempts) == (EmailStatus.PENDING, 1)
        assert item.next_attempt_at == T0 + MINUTE
        assert item.last_error.startswith("451")

        # Not due yet: the server is not asked.
        assert mail.deliver_due(school.db, now=T0 + dt.timedelta(seconds=30)) == (
            DeliveryReport(0, 0, 0)
        )
        assert handler.data_calls == 1

        assert mail.deliver_due(school.db, now=T0 + MINUTE) == DeliveryReport(0, 1, 0)
        [item] = _items(school)
        assert item.next_attempt_at == T0 + 6 * MINUTE  # then 5 minutes

        later = T0 + 6 * MINUTE
        assert mail.deliver_due(school.db, now=later) == DeliveryReport(1, 0, 0)
        assert mail.deliver_due(school.db, now=later + MINUTE) == DeliveryReport(
            0, 0, 0
        )
    finally:
        controller.stop()
    assert handler.data_calls == 3
    assert len(handler.mails) == 1
    [item] = _items(school)
    assert (item.status, item.attempts, item.sent_at) == (EmailStatus.SENT, 3, later)


def test_unreachable_server_keeps_the_mail(school):
    _configure(school, _free_port())  # nothing listens there
    _send(school)
    assert mail.deliver_due(school.db, now=T0) == DeliveryReport(0, 1, 0)
    [item] = _items(school)
    assert (item.status, item.attempts) == (EmailStatus.PENDING, 1)
    assert "ConnectionRefusedError" in item.last_error


def test_backoff_schedule_and_giving_up(school):
    _configure(school, 25)
    _send(school)
    assert [mail.backoff(n) for n in range(1, 8)] == [
        MINUTE,
        5 * MINUTE,
        15 * MINUTE,
        60 * MINUTE,
        6 * 60 * MINUTE,
        6 * 60 * MINUTE,
        6 * 60 * MINUTE,
    ]

    def down(settings, password, message):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    now = T0
    for _ in range(9):
        assert mail.deliver_due(school.db, now=now, send=down) == DeliveryReport(
            0, 1, 0
        )
        now += dt.timedelta(days=1)
    assert mail.deliver_due(school.db, now=now, send=down) == DeliveryReport(0, 0, 1)
    [item] = _items(school)
    assert (item.status, item.attempts) == (EmailStatus.FAILED, 10)
    assert "Connection unexpectedly closed" in item.last_error


def test_permanent_rejection_fails_at_once(school):
    handler = Mailbox(reject_rcpt=True)
    controller = _serve(handler)
    try:
        _configure(school, controller.port)
        _send(school)
        assert mail.deliver_due(school.db, now=T0) == DeliveryReport(0, 0, 1)
    finally:
        controller.stop()
    [item] = _items(school)
    assert (item.status, item.attempts) == (EmailStatus.FAILED, 1)
    assert "550" in item.last_error and "No such mailbox here" in item.last_error


def test_no_server_configured_mail_waits(school):
    _send(school)
    assert mail.deliver_due(school.db, now=T0) == DeliveryReport(0, 0, 0)
    [item] = _items(school)
    assert (item.status, item.attempts) == (EmailStatus.PENDING, 0)


class Crash(BaseException):
    """The process dying right after the server accepted the mail."""


def test_no_duplicate_after_a_crash_between_send_and_record(school, mailbox):
    handler, port = mailbox
    _configure(school, port)
    message_id = _send(school)

    def send_then_crash(settings, password, message):
        mail.smtp_send(settings, password, message)
        raise Crash

    with pytest.raises(Crash):
        mail.deliver_due(school.db, now=T0, send=send_then_crash)
    assert len(handler.mails) == 1
    [item] = _items(school)
    assert item.status == EmailStatus.SENDING  # the claim was committed

    # The next runs, soon and long after, do not send a second copy.
    assert mail.deliver_due(school.db, now=T0 + MINUTE) == DeliveryReport(0, 0, 0)
    report = mail.deliver_due(school.db, now=T0 + dt.timedelta(hours=1))
    assert report == DeliveryReport(sent=0, retried=0, failed=1)
    assert mail.deliver_due(school.db, now=T0 + dt.timedelta(days=1)) == (
        DeliveryReport(0, 0, 0)
    )
    assert len(handler.mails) == 1
    [item] = _items(school)
    assert (item.status, item.last_error) == (EmailStatus.FAILED, mail.INTERRUPTED)
    [row] = messages.sent_messages(school.db, school.counsellor)
    assert (row.emails_sent, row.emails_pending, row.emails_failed) == (0, 0, 1)

    # A person who checked may send it again: the same Message-ID.
    again = T0 + dt.timedelta(days=2)
    assert mail.requeue_failed(school.db, school.counsellor, message_id, now=again) == 1
    assert mail.deliver_due(school.db, now=again) == DeliveryReport(1, 0, 0)
    first, second = (received["Message-ID"] for _, received in handler.mails)
    assert first == second == f"<cams-{item.id.hex}@esl.example>"


class Accounts:
    def __init__(self) -> None:
        self.seen: list[tuple[bytes, bytes]] = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        assert isinstance(auth_data, LoginPassword)
        self.seen.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"s3cret")


def test_login_uses_the_keychain_password(school):
    accounts = Accounts()
    handler = Mailbox()
    controller = _serve(handler, authenticator=accounts, auth_require_tls=False)
    try:
        _configure(school, controller.port, "orientation", "s3cret")
        _send(school)
        assert mail.deliver_due(school.db, now=T0) == DeliveryReport(1, 0, 0)
    finally:
        controller.stop()
    assert accounts.seen == [(b"orientation", b"s3cret")]
    assert len(handler.mails) == 1
