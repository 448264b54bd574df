"""Email outbox over a real SMTP server on loopback (aiosmtpd): settings, retries."""

from __future__ import annotations

import datetime as dt

import pytest
from retention_helpers import free_port, smtp_server
from service_helpers import Team

from oiso_desktop.domain.errors import PermissionDenied, StorageError, ValidationError
from oiso_desktop.services.outbox_service import (
    PASSWORD_KEY,
    OutboxService,
    SmtpSecurity,
    SmtpSettingsInput,
    enqueue_message,
)
from oiso_desktop.services.system_actor import system_context
from oiso_desktop.storage.models import OutboxMessage, Setting
from oiso_desktop.storage.uow import UnitOfWork

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _configure(service: OutboxService, port: int, password: str | None = None) -> None:
    service.set_smtp_settings(
        SmtpSettingsInput(
            host="127.0.0.1",
            port=port,
            security=SmtpSecurity.NONE,
            sender="oiso@chu-exemple.fr",
            password=password,
        )
    )


def _enqueue(team: Team, recipient: str = "p.durand@chu-exemple.fr") -> int:
    admin = team.sessions[0]
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        message = enqueue_message(
            uow,
            NOW,
            recipient=recipient,
            subject="OISO : essai",
            body="Bonjour,\n\nÉchéance à venir : connectez-vous.\n",
            kind="test",
        )
        uow.commit()
        return message.id


def _row(team: Team, message_id: int) -> OutboxMessage:
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        row = uow.session.get(OutboxMessage, message_id)
        assert row is not None
        uow.session.expunge(row)
        return row


def test_smtp_settings_are_for_admins_and_the_password_is_never_stored_in_clear(
    team: Team,
) -> None:
    admin = team.sessions[0]
    service = OutboxService(admin.ctx)
    _configure(service, 2525, password="Secret-SMTP-Passw0rd")
    settings = service.smtp_settings()
    assert settings.configured and settings.password_set and settings.port == 2525
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        stored = uow.session.get(Setting, PASSWORD_KEY)
        assert stored is not None and "Secret-SMTP" not in stored.value
        dump = " ".join(v for (v,) in uow.session.query(Setting.value).all())
        details = " ".join(e.details for e in uow.events.iterate())
    assert "Secret-SMTP-Passw0rd" not in dump
    assert "Secret-SMTP-Passw0rd" not in details
    # Saving without a password keeps it.
    _configure(service, 2526)
    assert service.smtp_settings().password_set
    with pytest.raises(ValidationError) as error:
        service.set_smtp_settings(
            SmtpSettingsInput(host="smtp", port=70000, security=SmtpSecurity.TLS, sender="a@b.fr")
        )
    assert error.value.code == "smtp_settings_invalid"
    # A login to a server elsewhere without STARTTLS/TLS: the password would go in clear.
    with pytest.raises(ValidationError) as clear:
        service.set_smtp_settings(
            SmtpSettingsInput(
                "smtp.chu-exemple.fr", 25, SmtpSecurity.NONE, "a@chu-exemple.fr", "oiso", "x"
            )
        )
    assert clear.value.code == "smtp_login_unencrypted" and "en clair" in str(clear.value)
    assert service.smtp_settings().host == "127.0.0.1"  # nothing saved
    practitioner = team.login("p.durand")
    with pytest.raises(PermissionDenied):
        OutboxService(practitioner.ctx).smtp_settings()
    # Only the maintenance job's system actor sends the outbox.
    with pytest.raises(PermissionDenied):
        OutboxService(admin.ctx).send_due()


def test_the_test_message_reaches_a_real_server(team: Team) -> None:
    service = OutboxService(team.sessions[0].ctx)
    with smtp_server() as server:
        _configure(service, server.port)
        service.send_test_message("admin@chu-exemple.fr")
    assert len(server.messages) == 1
    message = server.messages[0]
    assert message["To"] == "admin@chu-exemple.fr"
    assert "essai" in message["Subject"]
    assert "aucune donnée de patient" in message.get_content()


def test_the_test_message_reports_a_server_that_is_down(team: Team) -> None:
    service = OutboxService(team.sessions[0].ctx)
    _configure(service, free_port())
    with pytest.raises(StorageError) as error:
        service.send_test_message("admin@chu-exemple.fr")
    assert error.value.code == "mail_send_failed"


def test_a_message_waits_while_smtp_is_down_and_goes_on_the_next_run(team: Team) -> None:
    admin = team.sessions[0]
    port = free_port()
    _configure(OutboxService(admin.ctx), port)
    message_id = _enqueue(team)

    down = OutboxService(system_context(admin.ctx, NOW)).send_due()
    assert (down.sent, down.failed) == (0, 1)
    row = _row(team, message_id)
    assert row.sent_at is None and row.attempts == 1 and row.last_error
    assert row.next_attempt_at == (NOW + dt.timedelta(minutes=1)).replace(tzinfo=None)
    # Not due yet: nothing is attempted.
    assert OutboxService(system_context(admin.ctx, NOW)).send_due().failed == 0
    assert _row(team, message_id).attempts == 1
    # Still down two minutes later: the backoff doubles.
    later = NOW + dt.timedelta(minutes=2)
    OutboxService(system_context(admin.ctx, later)).send_due()
    row = _row(team, message_id)
    assert row.attempts == 2
    assert row.next_attempt_at == (later + dt.timedelta(minutes=2)).replace(tzinfo=None)
    status = OutboxService(admin.ctx).status()
    assert (status.pending, status.failing, status.sent) == (1, 1, 0)

    with smtp_server(port) as server:
        back = NOW + dt.timedelta(minutes=10)
        report = OutboxService(system_context(admin.ctx, back)).send_due()
    assert report.sent == 1
    assert len(server.messages) == 1
    assert server.messages[0]["Subject"] == "OISO : essai"
    assert "Échéance" in server.messages[0].get_content()
    row = _row(team, message_id)
    assert row.sent_at is not None and row.last_error == ""
    # Sent once: a later run sends nothing again.
    with smtp_server(port) as server:
        OutboxService(system_context(admin.ctx, back + dt.timedelta(hours=1))).send_due()
    assert server.messages == []


def test_without_smtp_settings_messages_wait_without_counting_attempts(team: Team) -> None:
    admin = team.sessions[0]
    message_id = _enqueue(team)
    report = OutboxService(system_context(admin.ctx, NOW)).send_due()
    assert report.not_configured and report.waiting == 1
    assert _row(team, message_id).attempts == 0


def test_retry_delay_is_capped() -> None:
    from oiso_desktop.domain.retention import retry_delay

    assert retry_delay(1) == dt.timedelta(minutes=1)
    assert retry_delay(3) == dt.timedelta(minutes=4)
    assert retry_delay(50) == dt.timedelta(hours=6)
