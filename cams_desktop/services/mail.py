"""Email copies of messages (F-30): SMTP settings and the persistent outbox.

The outbox (``EmailOutboxItem``) is written with the message, so a copy is
never lost; ``deliver_due`` sends what is due and records the outcome.

Exactly-once delivery and the crash window
------------------------------------------
An item is claimed (status ``sending``, committed) before the SMTP call and
recorded as ``sent`` after it. SMTP cannot tell us later whether a message
went through, so a crash between the server's acceptance and our record
leaves the item in ``sending`` with no way to know. We choose never to send
twice: once the claim's lease (``SENDING_LEASE``) has run out, such an item
is marked ``failed`` with ``INTERRUPTED`` as its error and is not resent
automatically; the message's status shows it, and ``requeue_failed`` puts
it back in the queue when a person decides (having checked) to resend. Every
copy carries a Message-ID made from the outbox item's id, so a copy sent
again after such a decision is recognisably the same mail (mail clients and
servers that de-duplicate on Message-ID drop it).

The password of the SMTP account lives in the operating system's keychain
(``keyring``), never in the database.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import smtplib
import ssl
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage

import keyring
import keyring.errors
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cams_desktop.db.base import utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.guidance import (
    EmailOutboxItem,
    EmailStatus,
    Message,
    MessageRecipient,
)
from cams_desktop.db.school import SchoolSetting, Staff
from cams_desktop.services.access import Action, Actor, NotFound, require
from cams_desktop.services.messages import RETRACTED
from cams_desktop.services.students import EMAIL_PATTERN, ValidationError
from cams_desktop.text import unsafe_character

log = logging.getLogger(__name__)

KEYRING_SERVICE = "CAMS Desktop SMTP"
SETTING_KEY = "smtp"
SECURITY_CHOICES = ("starttls", "ssl", "none")
SMTP_TIMEOUT = 20.0
# Delays after the 1st, 2nd, ... failed attempt; the last one repeats.
BACKOFF = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=15),
    dt.timedelta(minutes=60),
    dt.timedelta(hours=6),
)
MAX_ATTEMPTS = 10
# How long a claimed item may stay in "sending" before it counts as
# interrupted (well above the SMTP timeout of a single attempt).
SENDING_LEASE = dt.timedelta(minutes=10)
INTERRUPTED = (
    "interrupted while sending: it may have been delivered; check before resending"
)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # "starttls" | "ssl" | "none"
    username: str
    sender: str


@dataclass(frozen=True)
class DeliveryReport:
    sent: int
    retried: int
    failed: int


# Sends one mail with the settings and password (None: no login).
SendFunction = Callable[[SmtpSettings, str | None, EmailMessage], None]


def _account(school_id: uuid.UUID, username: str) -> str:
    return f"{school_id}:{username}"


# --- settings ------------------------------------------------------------------


def _setting(session: Session, school_id: uuid.UUID) -> SchoolSetting | None:
    return session.scalars(
        select(SchoolSetting).where(
            SchoolSetting.school_id == school_id,
            SchoolSetting.key == SETTING_KEY,
            SchoolSetting.deleted_at.is_(None),
        )
    ).first()


def _load(db: Database, school_id: uuid.UUID) -> SmtpSettings | None:
    with db.read() as session:
        row = _setting(session, school_id)
        value = None if row is None else row.value
    if not isinstance(value, dict):
        return None
    try:
        return SmtpSettings(
            host=str(value["host"]),
            port=int(value["port"]),
            security=str(value["security"]),
            username=str(value.get("username", "")),
            sender=str(value["sender"]),
        )
    except (KeyError, TypeError, ValueError):
        log.warning("the SMTP settings of school %s cannot be read", school_id)
        return None


def smtp_settings(db: Database, actor: Actor) -> SmtpSettings | None:
    """The school's SMTP server settings, or None when none are set."""
    require(db, actor, Action.EDIT_SITE_SETTINGS)
    return _load(db, actor.school_id)


def _validate(settings: SmtpSettings) -> dict[str, str]:
    errors: dict[str, str] = {}
    host = settings.host
    if not host or unsafe_character(host) or " " in host or len(host) > 253:
        errors["host"] = QCoreApplication.translate(
            "Messages", "Enter the name or address of the mail server."
        )
    if not 1 <= settings.port <= 65535:
        errors["port"] = QCoreApplication.translate(
            "Messages", "The port is a number from 1 to 65535."
        )
    if settings.security not in SECURITY_CHOICES:
        errors["security"] = QCoreApplication.translate(
            "Messages", "Choose STARTTLS, SSL or no encryption."
        )
    if len(settings.username) > 254 or unsafe_character(settings.username):
        errors["username"] = QCoreApplication.translate(
            "Messages", "This account name cannot be used."
        )
    if (
        len(settings.sender) > 254
        or not EMAIL_PATTERN.match(settings.sender)
        or unsafe_character(settings.sender)
    ):
        errors["sender"] = QCoreApplication.translate(
            "Messages", "{0} is not an email address."
        ).format(settings.sender)
    return errors


def save_smtp_settings(
    db: Database, actor: Actor, settings: SmtpSettings, password: str | None
) -> None:
    """Save the server settings; ``password`` goes to the keychain.

    ``password`` None keeps the stored password; an empty one removes it.
    The keychain is written first, so a keychain failure changes nothing.
    """
    require(db, actor, Action.EDIT_SITE_SETTINGS)
    settings = SmtpSettings(
        settings.host.strip(),
        settings.port,
        settings.security,
        settings.username.strip(),
        settings.sender.strip(),
    )
    if errors := _validate(settings):
        raise ValidationError(errors)
    if password is not None and settings.username:
        account = _account(actor.school_id, settings.username)
        try:
            if password:
                keyring.set_password(KEYRING_SERVICE, account, password)
            elif keyring.get_password(KEYRING_SERVICE, account) is not None:
                keyring.delete_password(KEYRING_SERVICE, account)
        except keyring.errors.KeyringError as error:
            raise ValidationError(
                {
                    "password": QCoreApplication.translate(
                        "Messages",
                        "The password could not be stored in the system keychain: {0}",
                    ).format(error)
                }
            ) from error
    value = {
        "host": settings.host,
        "port": settings.port,
        "security": settings.security,
        "username": settings.username,
        "sender": settings.sender,
    }
    with db.transaction(actor.staff_id) as session:
        row = _setting(session, actor.school_id)
        if row is None:
            session.add(
                SchoolSetting(school_id=actor.school_id, key=SETTING_KEY, value=value)
            )
        else:
            row.value = value
    log.info("SMTP settings of school %s saved", actor.school_id)


def _password(school_id: uuid.UUID, username: str) -> str | None:
    if not username:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, _account(school_id, username))
    except keyring.errors.KeyringError:
        log.exception("the SMTP password cannot be read from the keychain")
        return None


# --- sending -----------------------------------------------------------------


def smtp_send(settings: SmtpSettings, password: str | None, mail: EmailMessage) -> None:
    """Hand one mail to the server (smtplib); raises on any refusal."""
    smtp: smtplib.SMTP
    if settings.security == "ssl":
        smtp = smtplib.SMTP_SSL(
            settings.host,
            settings.port,
            timeout=SMTP_TIMEOUT,
            context=ssl.create_default_context(),
        )
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=SMTP_TIMEOUT)
    with smtp:
        if settings.security == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        if settings.username and password:
            smtp.login(settings.username, password)
        smtp.send_message(mail)


def message_id_for(item_id: uuid.UUID, sender: str) -> str:
    """The Message-ID of an outbox item's mail: the same on every attempt."""
    domain = sender.rpartition("@")[2] or "cams-desktop.invalid"
    return f"<cams-{item_id.hex}@{domain}>"


def build_mail(
    settings: SmtpSettings,
    item_id: uuid.UUID,
    to_address: str,
    subject: str,
    body: str,
    sent_at: dt.datetime,
) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.sender
    mail["To"] = to_address
    mail["Subject"] = subject
    mail["Date"] = email.utils.format_datetime(sent_at)
    mail["Message-ID"] = message_id_for(item_id, settings.sender)
    mail.set_content(body, charset="utf-8")
    return mail


def _permanent(error: Exception) -> bool:
    """A refusal that no retry will cure: the server rejected the recipient."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(
            code >= 500 for code, _ in error.recipients.values()
        )
    return isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {reply.decode(errors='replace')}"
            for address, (code, reply) in error.recipients.items()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        text = reply.decode(errors="replace") if isinstance(reply, bytes) else reply
        return f"{error.smtp_code} {text}"
    return f"{type(error).__name__}: {error}"[:1000]


def backoff(attempts: int) -> dt.timedelta:
    """The wait after ``attempts`` failed attempts (1 min, 5, 15, 60, then 6 h)."""
    return BACKOFF[min(attempts, len(BACKOFF)) - 1]


@dataclass(frozen=True)
class _Due:
    id: uuid.UUID
    to_address: str
    attempts: int
    subject: str
    body: str
    sent_at: dt.datetime
    school_id: uuid.UUID
    retracted: bool


def _mark_interrupted(db: Database, now: dt.datetime) -> int:
    """Items left in "sending" past their lease: failed, not resent blindly."""
    with db.transaction(None) as session:
        result = session.execute(
            update(EmailOutboxItem)
            .where(
                EmailOutboxItem.status == EmailStatus.SENDING,
                EmailOutboxItem.next_attempt_at <= now,
            )
            .values(
                status=EmailStatus.FAILED,
                last_error=INTERRUPTED,
                next_attempt_at=None,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
    count = int(getattr(result, "rowcount", 0) or 0)
    if count:
        log.warning("%d email copies were interrupted while sending", count)
    return count


def _due_items(db: Database, now: dt.datetime, batch: int) -> list[_Due]:
    with db.read() as session:
        rows = session.execute(
            select(
                EmailOutboxItem.id,
                EmailOutboxItem.to_address,
                EmailOutboxItem.attempts,
                Message.subject,
                Message.body,
                Message.sent_at,
                Staff.school_id,
                Message.deleted_at,
            )
            .join(MessageRecipient, MessageRecipient.id == EmailOutboxItem.recipient_id)
            .join(Message, Message.id == MessageRecipient.message_id)
            .join(Staff, Staff.id == Message.author_id)
            .where(
                EmailOutboxItem.status == EmailStatus.PENDING,
                EmailOutboxItem.next_attempt_at.is_(None)
                | (EmailOutboxItem.next_attempt_at <= now),
            )
            .order_by(EmailOutboxItem.next_attempt_at, EmailOutboxItem.id)
            .limit(batch)
        ).all()
    return [_Due(*row[:7], retracted=row[7] is not None) for row in rows]


def _claim(db: Database, item_id: uuid.UUID, now: dt.datetime) -> bool:
    """Mark the item "sending" (committed); False if another run took it."""
    with db.transaction(None) as session:
        result = session.execute(
            update(EmailOutboxItem)
            .where(
                EmailOutboxItem.id == item_id,
                EmailOutboxItem.status == EmailStatus.PENDING,
            )
            .values(
                status=EmailStatus.SENDING,
                next_attempt_at=now + SENDING_LEASE,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def _record(
    db: Database,
    item_id: uuid.UUID,
    now: dt.datetime,
    *,
    status: EmailStatus,
    attempts: int,
    error: str | None = None,
    next_attempt_at: dt.datetime | None = None,
) -> None:
    with db.transaction(None) as session:
        item = session.get_one(EmailOutboxItem, item_id)
        item.status = status
        item.attempts = attempts
        item.last_error = error
        item.next_attempt_at = next_attempt_at
        if status == EmailStatus.SENT:
            item.sent_at = now


def deliver_due(
    db: Database,
    *,
    now: dt.datetime | None = None,
    send: SendFunction | None = None,
    batch: int = 50,
) -> DeliveryReport:
    """Send up to ``batch`` email copies that are due; record each outcome.

    Items of a school without SMTP settings wait (no attempt is counted).
    Temporary failures are retried with backoff; after ``MAX_ATTEMPTS``, or
    at once when the server rejects the recipient for good (5xx), the item
    is failed with the server's reply.
    """
    now = now or utcnow()
    send = send or smtp_send
    sent = retried = 0
    failed = _mark_interrupted(db, now)
    settings_cache: dict[uuid.UUID, SmtpSettings | None] = {}
    for item in _due_items(db, now, batch):
        if item.retracted:
            _record(
                db,
                item.id,
                now,
                status=EmailStatus.FAILED,
                attempts=item.attempts,
                error=RETRACTED,
            )
            failed += 1
            continue
        if item.school_id not in settings_cache:
            settings_cache[item.school_id] = _load(db, item.school_id)
        settings = settings_cache[item.school_id]
        if settings is None:
            log.info("no SMTP server set for school %s: mail waits", item.school_id)
            continue
        if not _claim(db, item.id, now):
            continue
        mail = build_mail(
            settings, item.id, item.to_address, item.subject, item.body, item.sent_at
        )
        attempts = item.attempts + 1
        try:
            send(settings, _password(item.school_id, settings.username), mail)
        except (smtplib.SMTPException, OSError) as error:
            reason = _describe(error)
            if _permanent(error) or attempts >= MAX_ATTEMPTS:
                log.warning("email copy %s failed: %s", item.id, reason)
                _record(
                    db,
                    item.id,
                    now,
                    status=EmailStatus.FAILED,
                    attempts=attempts,
                    error=reason,
                )
                failed += 1
            else:
                log.info("email copy %s will be retried: %s", item.id, reason)
                _record(
                    db,
                    item.id,
                    now,
                    status=EmailStatus.PENDING,
                    attempts=attempts,
                    error=reason,
                    next_attempt_at=now + backoff(attempts),
                )
                retried += 1
            continue
        _record(db, item.id, now, status=EmailStatus.SENT, attempts=attempts)
        sent += 1
    return DeliveryReport(sent=sent, retried=retried, failed=failed)


def requeue_failed(
    db: Database, actor: Actor, message_id: uuid.UUID, *, now: dt.datetime | None = None
) -> int:
    """Put a message's failed (not retracted) email copies back in the queue.

    For a person who checked, for example, that an interrupted copy did not
    arrive. Only the message's author, or an administrator, may.
    """
    require(db, actor, Action.MANAGE_MESSAGES)
    with db.read() as session:
        found = session.execute(
            select(Message.author_id, Message.deleted_at, Staff.school_id)
            .join(Staff, Staff.id == Message.author_id)
            .where(Message.id == message_id)
        ).first()
    if (
        found is None
        or found.deleted_at is not None
        or found.school_id != actor.school_id
        or (found.author_id != actor.staff_id and not actor.sees_all_students)
    ):
        raise NotFound(
            QCoreApplication.translate(
                "Messages", "This message does not exist or was deleted."
            )
        )
    now = now or utcnow()
    with db.transaction(actor.staff_id) as session:
        result = session.execute(
            update(EmailOutboxItem)
            .where(
                EmailOutboxItem.status == EmailStatus.FAILED,
                EmailOutboxItem.last_error.is_distinct_from(RETRACTED),
                EmailOutboxItem.recipient_id.in_(
                    select(MessageRecipient.id).where(
                        MessageRecipient.message_id == message_id
                    )
                ),
            )
            .values(
                status=EmailStatus.PENDING,
                attempts=0,
                next_attempt_at=now,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
    return int(getattr(result, "rowcount", 0) or 0)
