"""Email: the SMTP settings and the outbox (DESIGN.md §2 and §7, issue 10).

* Messages are first written to the ``outbox`` table, in the transaction of what
  causes them (an inactivity warning), so nothing is lost while the SMTP server
  is down. :meth:`OutboxService.send_due` (the maintenance job, system actor)
  sends the messages that are due; a failure counts an attempt, records a short
  reason and sets the next attempt after a backoff (``domain.retention.retry_delay``).
* Each attempt is committed *before* the message is handed to the server: a
  job killed in between retries after the backoff, never in a loop. A message
  can then reach its recipient twice (after a kill at the worst moment), never
  zero times; its ``Message-ID`` is stable, so mail software can tell the copies apart.
* The SMTP settings live in the ``settings`` table; the password is encrypted
  (AES-256-GCM, :func:`_secrets_key`), never stored nor logged in clear.
  Administrators read and change them, and send a test message.
* Messages are in French and carry no health data: account notices only.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from enum import StrEnum

from sqlalchemy import func, select

from oiso_desktop.domain.errors import ErrorCode, StorageError, ValidationError
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.retention import MaintenanceTask, retry_delay
from oiso_desktop.services.access import authorize
from oiso_desktop.services.context import (
    AccessMode,
    ServiceContext,
    from_db_time,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.system_actor import authorize_task
from oiso_desktop.storage.crypto import DecryptionError, aead_decrypt, aead_encrypt
from oiso_desktop.storage.models import OutboxMessage, Setting
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "OutboxService",
    "OutboxStatus",
    "OutboxView",
    "SendReport",
    "SmtpSecurity",
    "SmtpSettings",
    "SmtpSettingsInput",
    "enqueue_message",
]

SMTP_TIMEOUT_SECONDS = 15.0
DEFAULT_PORTS = {"none": 25, "starttls": 587, "tls": 465}

_KEYS = {
    "host": "smtp_host",
    "port": "smtp_port",
    "security": "smtp_security",
    "sender": "smtp_sender",
    "username": "smtp_username",
}
PASSWORD_KEY = "smtp_password"
SECRETS_KEY = "settings_secrets_key"
_PASSWORD_AAD = b"oiso-setting|smtp_password|v1"

NOT_CONFIGURED_MESSAGE = (
    "L'envoi des courriels n'est pas configuré : renseignez le serveur SMTP et l'expéditeur."
)
INVALID_MESSAGE = "Paramètre SMTP non valide : {field}."
CLEAR_LOGIN_MESSAGE = (
    "Une connexion avec identifiant exige STARTTLS ou TLS : sans chiffrement, le mot de "
    "passe circulerait en clair sur le réseau."
)
#: A server on this computer: a login without encryption never leaves it.
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
SEND_FAILED_MESSAGE = "Le courriel n'a pas pu être envoyé ({reason})."
PASSWORD_UNREADABLE = "mot de passe SMTP illisible : enregistrez-le de nouveau"

TEST_SUBJECT = "OISO : message d'essai"
TEST_BODY = (
    "Bonjour,\n\n"
    "Ce message d'essai confirme que l'application OISO peut envoyer des courriels "
    "avec les paramètres SMTP enregistrés.\n\n"
    "Message envoyé automatiquement ; il ne contient aucune donnée de patient.\n"
)


class SmtpSecurity(StrEnum):
    NONE = "none"
    STARTTLS = "starttls"
    TLS = "tls"


@dataclass(frozen=True)
class SmtpSettings:
    """What an administrator sees of the SMTP settings (never the password)."""

    host: str
    port: int
    security: SmtpSecurity
    sender: str
    username: str
    password_set: bool

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)


@dataclass(frozen=True)
class SmtpSettingsInput:
    """``password`` None keeps the stored one; "" removes it."""

    host: str
    port: int
    security: SmtpSecurity
    sender: str
    username: str = ""
    password: str | None = None


@dataclass(frozen=True)
class OutboxView:
    id: int
    recipient: str
    subject: str
    kind: str
    user_id: int | None
    created_at: dt.datetime
    attempts: int
    next_attempt_at: dt.datetime
    last_error: str
    sent_at: dt.datetime | None


@dataclass(frozen=True)
class OutboxStatus:
    """Counts for the administrators' screen."""

    pending: int  # not sent yet
    failing: int  # not sent yet, at least one failed attempt
    sent: int
    last_error: str  # of the most recently failed message still pending ("" if none)


@dataclass(frozen=True)
class SendReport:
    sent: int = 0
    failed: int = 0
    waiting: int = 0  # not due yet, or no SMTP settings
    not_configured: bool = False


def enqueue_message(
    uow: UnitOfWork,
    now: dt.datetime,
    *,
    recipient: str,
    subject: str,
    body: str,
    kind: str,
    user_id: int | None = None,
) -> OutboxMessage:
    """Put a message in the outbox, in the caller's transaction (never commits)."""
    at = naive_utc(now)
    message = OutboxMessage(
        recipient=recipient,
        subject=subject,
        body=body,
        kind=kind,
        user_id=user_id,
        created_at=at,
        attempts=0,
        next_attempt_at=at,
        last_error="",
    )
    uow.session.add(message)
    uow.flush()
    return message


# --------------------------------------------------------------------- settings


def _secrets_key(uow: UnitOfWork, *, create: bool) -> bytes | None:
    """The key that encrypts the secrets of the settings table (random, made once).

    It is kept in the database itself, which SQLCipher encrypts: the SMTP
    password is thus never readable in clear in the settings (a listing, an
    export, a support screenshot), and is as safe as the database key. It does
    not depend on the database key, so a re-key leaves it readable.
    """
    row = uow.session.get(Setting, SECRETS_KEY)
    if row is not None:
        return base64.b64decode(row.value)
    if not create:
        return None
    key = secrets.token_bytes(32)
    uow.session.add(Setting(key=SECRETS_KEY, value=base64.b64encode(key).decode("ascii")))
    return key


def _encrypt_password(uow: UnitOfWork, password: str) -> str:
    key = _secrets_key(uow, create=True)
    assert key is not None
    box = aead_encrypt(key, password.encode("utf-8"), aad=_PASSWORD_AAD)
    return "{nonce}:{ciphertext}".format(**box)


def _decrypt_password(uow: UnitOfWork) -> str | None:
    """The SMTP password (None: none stored); StorageError if it does not decrypt."""
    row = uow.session.get(Setting, PASSWORD_KEY)
    if row is None or not row.value:
        return None
    key = _secrets_key(uow, create=False)
    nonce, _, ciphertext = row.value.partition(":")
    try:
        if key is None:
            raise DecryptionError("no key")
        clear = aead_decrypt(key, {"nonce": nonce, "ciphertext": ciphertext}, aad=_PASSWORD_AAD)
        return clear.decode("utf-8")
    except (DecryptionError, StorageError, ValueError, KeyError) as exc:
        raise StorageError(
            SEND_FAILED_MESSAGE.format(reason=PASSWORD_UNREADABLE),
            code="mail_send_failed",
            reason=PASSWORD_UNREADABLE,
        ) from exc


def _read_settings(uow: UnitOfWork) -> SmtpSettings:
    rows = dict(
        uow.session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_([*_KEYS.values(), PASSWORD_KEY])
            )
        ).all()
    )
    security_text = rows.get(_KEYS["security"], SmtpSecurity.STARTTLS.value)
    try:
        security = SmtpSecurity(security_text)
    except ValueError:
        security = SmtpSecurity.STARTTLS
    try:
        port = int(rows.get(_KEYS["port"], DEFAULT_PORTS[security.value]))
    except ValueError:
        port = DEFAULT_PORTS[security.value]
    return SmtpSettings(
        host=rows.get(_KEYS["host"], ""),
        port=port,
        security=security,
        sender=rows.get(_KEYS["sender"], ""),
        username=rows.get(_KEYS["username"], ""),
        password_set=bool(rows.get(PASSWORD_KEY)),
    )


def _invalid(field: str) -> ValidationError:
    return ValidationError(
        INVALID_MESSAGE.format(field=field), field=field, code="smtp_settings_invalid"
    )


def _clean(data: SmtpSettingsInput) -> SmtpSettingsInput:
    host = data.host.strip()
    sender = data.sender.strip()
    username = data.username.strip()
    if not host or len(host) > 200 or any(c.isspace() for c in host):
        raise _invalid("host")
    if isinstance(data.port, bool) or not isinstance(data.port, int) or not 1 <= data.port <= 65535:
        raise _invalid("port")
    try:
        security = SmtpSecurity(data.security)
    except ValueError as exc:
        raise _invalid("security") from exc
    local, at, domain = sender.rpartition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in sender):
        raise _invalid("sender")
    if len(username) > 200:
        raise _invalid("username")
    if username and security is SmtpSecurity.NONE and host.lower() not in LOOPBACK_HOSTS:
        # The password would cross the network in clear.
        raise ValidationError(
            CLEAR_LOGIN_MESSAGE, field="security", code=ErrorCode.SMTP_LOGIN_UNENCRYPTED
        )
    return SmtpSettingsInput(host, data.port, security, sender, username, data.password)


# ----------------------------------------------------------------------- sending


def _message_id(database_uuid: str, message_id: int) -> str:
    return f"<oiso-{database_uuid}-{message_id}@oiso.invalid>"


def _email(
    settings: SmtpSettings, recipient: str, subject: str, body: str, at: dt.datetime, msgid: str
) -> EmailMessage:
    email = EmailMessage()
    email["From"] = settings.sender
    email["To"] = recipient
    email["Subject"] = subject
    email["Date"] = format_datetime(at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at)
    email["Message-ID"] = msgid
    email.set_content(body, charset="utf-8")
    return email


class _NoUtf8Login(smtplib.SMTPException):
    """The credentials are not ASCII and the server offers no AUTH PLAIN."""


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    """Sign in. ``smtplib`` encodes credentials as ASCII (UnicodeEncodeError on an
    accented password); AUTH PLAIN carries UTF-8 (RFC 4616), so such credentials go
    that way."""
    if username.isascii() and password.isascii():
        client.login(username, password)
        return
    client.ehlo_or_helo_if_needed()
    mechanisms = client.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in mechanisms:
        raise _NoUtf8Login("AUTH PLAIN not offered")
    token = base64.b64encode(
        b"\0" + username.encode("utf-8") + b"\0" + password.encode("utf-8")
    ).decode("ascii")
    code, response = client.docmd("AUTH", f"PLAIN {token}")
    if code == 334:  # the server asks for the credentials on their own line
        code, response = client.docmd(token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, response)


def _connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    """An open SMTP connection (logged in if a user name is set); OSError/SMTPException."""
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if settings.security is SmtpSecurity.TLS:
        client = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=SMTP_TIMEOUT_SECONDS, context=context
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=SMTP_TIMEOUT_SECONDS)
    try:
        client.ehlo()
        if settings.security is SmtpSecurity.STARTTLS:
            client.starttls(context=context)
            client.ehlo()
        if settings.username:
            _login(client, settings.username, password or "")
    except BaseException:
        client.close()
        raise
    return client


def _reason(exc: BaseException) -> str:
    """A short technical reason, without the message or the password."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "authentification refusée par le serveur"
    if isinstance(exc, _NoUtf8Login | UnicodeError):
        return "le serveur n'accepte pas d'identifiant ni de mot de passe accentué"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        text = str(exc).upper()
        if "STARTTLS" in text:
            return "le serveur ne propose pas STARTTLS"
        if "AUTH" in text:
            return "le serveur ne demande pas d'authentification : laissez l'identifiant vide"
        return "fonction non prise en charge par le serveur"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "connexion interrompue par le serveur"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return "expéditeur refusé par le serveur"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "destinataire refusé par le serveur"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"réponse du serveur {exc.smtp_code}"
    if isinstance(exc, ssl.SSLError):
        return "échec de la connexion chiffrée (TLS)"
    if isinstance(exc, socket.timeout | TimeoutError):
        return "délai dépassé"
    if isinstance(exc, ConnectionRefusedError):
        return "connexion refusée"
    if isinstance(exc, socket.gaierror):
        return "serveur introuvable"
    if isinstance(exc, smtplib.SMTPException):
        return f"erreur SMTP ({type(exc).__name__})"
    if isinstance(exc, OSError):
        return f"erreur réseau ({type(exc).__name__})"
    return "erreur inattendue"


class OutboxService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------ administrators

    @reads
    def smtp_settings(self) -> SmtpSettings:
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            return _read_settings(uow)

    @writes
    def set_smtp_settings(self, data: SmtpSettingsInput) -> SmtpSettings:
        """Save the settings (administrators). Event ``smtp_settings_changed`` (field names)."""
        clean = _clean(data)
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            before = _read_settings(uow)
            values = {
                "host": clean.host,
                "port": str(clean.port),
                "security": clean.security.value,
                "sender": clean.sender,
                "username": clean.username,
            }
            old = {
                "host": before.host,
                "port": str(before.port),
                "security": before.security.value,
                "sender": before.sender,
                "username": before.username,
            }
            changed = [name for name in values if values[name] != old[name]]
            for name, value in values.items():
                uow.session.merge(Setting(key=_KEYS[name], value=value))
            if clean.password is not None:
                stored = _encrypt_password(uow, clean.password) if clean.password else ""
                uow.session.merge(Setting(key=PASSWORD_KEY, value=stored))
                changed.append("password")
            if changed:
                record_event(
                    uow,
                    self.ctx,
                    uow.actor,
                    "smtp_settings_changed",
                    object_type="settings",
                    details={"fields": changed},
                )
            uow.commit()
            return _read_settings(uow)

    @writes
    def send_test_message(self, recipient: str) -> None:
        """Send a test message now, without the outbox (administrators).

        StorageError ``smtp_not_configured`` or ``mail_send_failed`` (reason).
        Event ``mail_test_sent`` (ok, and the reason of a failure).
        """
        recipient = recipient.strip()
        local, at, domain = recipient.rpartition("@")
        if not at or not local or "." not in domain or any(c.isspace() for c in recipient):
            raise _invalid("recipient")
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            settings = _read_settings(uow)
            if not settings.configured:
                raise StorageError(NOT_CONFIGURED_MESSAGE, code="smtp_not_configured")
            password = _decrypt_password(uow)
            database_uuid = self._database_uuid(uow)
        now = self.ctx.now()
        msgid = _message_id(database_uuid, 0).replace("-0@", f"-test{now.timestamp():.0f}@")
        failure: str | None = None
        try:
            client = _connect(settings, password)
            try:
                client.send_message(
                    _email(settings, recipient, TEST_SUBJECT, TEST_BODY, now, msgid)
                )
            finally:
                client.close()
        except (OSError, smtplib.SMTPException, UnicodeError) as exc:
            failure = _reason(exc)
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            details: dict[str, object] = {"ok": failure is None}
            if failure is not None:
                details["reason"] = failure
            record_event(
                uow, self.ctx, uow.actor, "mail_test_sent", object_type="settings", details=details
            )
            uow.commit()
        if failure is not None:
            raise StorageError(
                SEND_FAILED_MESSAGE.format(reason=failure), code="mail_send_failed", reason=failure
            )

    @reads
    def status(self) -> OutboxStatus:
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            return self._status(uow)

    @staticmethod
    def _status(uow: UnitOfWork) -> OutboxStatus:
        pending = OutboxMessage.sent_at.is_(None)
        count = func.count(OutboxMessage.id)
        last_error = uow.session.scalar(
            select(OutboxMessage.last_error)
            .where(pending, OutboxMessage.last_error != "")
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        )
        return OutboxStatus(
            pending=uow.session.scalar(select(count).where(pending)) or 0,
            failing=uow.session.scalar(select(count).where(pending, OutboxMessage.attempts > 0))
            or 0,
            sent=uow.session.scalar(select(count).where(OutboxMessage.sent_at.is_not(None))) or 0,
            last_error=last_error or "",
        )

    @reads
    def list_messages(self, *, pending_only: bool = False, limit: int = 200) -> list[OutboxView]:
        """The outbox, newest first (administrators)."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
            if pending_only:
                query = query.where(OutboxMessage.sent_at.is_(None))
            return [
                OutboxView(
                    id=row.id,
                    recipient=row.recipient,
                    subject=row.subject,
                    kind=row.kind,
                    user_id=row.user_id,
                    created_at=row.created_at.replace(tzinfo=dt.UTC),
                    attempts=row.attempts,
                    next_attempt_at=row.next_attempt_at.replace(tzinfo=dt.UTC),
                    last_error=row.last_error,
                    sent_at=from_db_time(row.sent_at),
                )
                for row in uow.session.scalars(query)
            ]

    # ------------------------------------------------------------ the system actor

    def _database_uuid(self, uow: UnitOfWork) -> str:
        if self.ctx.keystore is not None:
            return self.ctx.keystore.database_uuid
        row = uow.session.get(Setting, "database_uuid")
        return row.value if row is not None else "oiso"

    @writes
    def send_due(self, progress: Callable[[int, int], None] | None = None) -> SendReport:
        """Send the messages that are due (the maintenance job's system actor only).

        Without SMTP settings nothing is attempted (the messages wait). A server
        that cannot be reached counts a failed attempt on every due message.
        """
        now = naive_utc(self.ctx.now())
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            authorize_task(uow.actor, MaintenanceTask.SEND_MAIL)
            settings = _read_settings(uow)
            due = list(
                uow.session.scalars(
                    select(OutboxMessage.id)
                    .where(OutboxMessage.sent_at.is_(None), OutboxMessage.next_attempt_at <= now)
                    .order_by(OutboxMessage.id)
                )
            )
            waiting = (
                uow.session.scalar(
                    select(func.count(OutboxMessage.id)).where(OutboxMessage.sent_at.is_(None))
                )
                or 0
            ) - len(due)
            if not due:
                return SendReport(waiting=waiting)
            if not settings.configured:
                return SendReport(waiting=waiting + len(due), not_configured=True)
            database_uuid = self._database_uuid(uow)
        sent = failed = 0
        client: smtplib.SMTP | None = None
        try:
            for index, message_id in enumerate(due):
                if progress is not None:
                    progress(index, len(due))
                email = self._begin_attempt(message_id, now, settings, database_uuid)
                if email is None:
                    continue
                try:
                    if client is None:
                        with self.ctx.unit_of_work(AccessMode.READ) as uow:
                            password = _decrypt_password(uow)
                        client = _connect(settings, password)
                    client.send_message(email)
                except (OSError, smtplib.SMTPException, StorageError, UnicodeError) as exc:
                    reason = (
                        str(exc.params.get("reason"))
                        if isinstance(exc, StorageError)
                        else _reason(exc)
                    )
                    failed += self._record_failure(message_id, reason)
                    if not isinstance(exc, smtplib.SMTPRecipientsRefused):
                        # The server or the connection failed: the other due messages
                        # count a failed attempt too, without trying them now.
                        for other in due[index + 1 :]:
                            if self._begin_attempt(other, now, settings, database_uuid):
                                failed += self._record_failure(other, reason)
                        break
                    continue
                sent += self._record_sent(message_id, now)
        finally:
            if client is not None:
                try:
                    client.quit()
                except (OSError, smtplib.SMTPException):
                    client.close()
        if progress is not None:
            progress(len(due), len(due))
        return SendReport(sent=sent, failed=failed, waiting=waiting)

    def _begin_attempt(
        self, message_id: int, now: dt.datetime, settings: SmtpSettings, database_uuid: str
    ) -> EmailMessage | None:
        """Count the attempt and set the next one (committed before sending); the
        email to send, or None if the message is no longer due."""
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            authorize_task(uow.actor, MaintenanceTask.SEND_MAIL)
            row = uow.session.get(OutboxMessage, message_id)
            if row is None or row.sent_at is not None or row.next_attempt_at > now:
                return None
            row.attempts += 1
            row.next_attempt_at = now + retry_delay(row.attempts)
            email = _email(
                settings,
                row.recipient,
                row.subject,
                row.body,
                now,
                _message_id(database_uuid, row.id),
            )
            uow.commit()
            return email

    def _record_failure(self, message_id: int, reason: str) -> int:
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            authorize_task(uow.actor, MaintenanceTask.SEND_MAIL)
            row = uow.session.get(OutboxMessage, message_id)
            if row is None or row.sent_at is not None:
                return 0
            row.last_error = reason[:300]
            uow.commit()
            return 1

    def _record_sent(self, message_id: int, now: dt.datetime) -> int:
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            authorize_task(uow.actor, MaintenanceTask.SEND_MAIL)
            row = uow.session.get(OutboxMessage, message_id)
            if row is None or row.sent_at is not None:
                return 0
            row.sent_at = now
            row.last_error = ""
            uow.commit()
            return 1
