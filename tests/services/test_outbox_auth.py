"""SMTP servers that require a login (aiosmtpd on loopback): the outbox signs in,
with accented passwords too (RFC 4616: PLAIN is UTF-8), and a refused login is a
failed attempt with a French reason, never a crash nor the password."""

from __future__ import annotations

import datetime as dt

import pytest
from retention_helpers import smtp_server
from service_helpers import Team

from oiso_desktop.domain.errors import StorageError
from oiso_desktop.services.outbox_service import (
    OutboxService,
    SmtpSecurity,
    SmtpSettingsInput,
    enqueue_message,
)
from oiso_desktop.services.system_actor import system_context
from oiso_desktop.storage.models import OutboxMessage
from oiso_desktop.storage.uow import UnitOfWork

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)

# The loopback test server asks for a login without TLS, on purpose.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


def _configure(team: Team, port: int, username: str, password: str) -> OutboxService:
    service = OutboxService(team.sessions[0].ctx)
    service.set_smtp_settings(
        SmtpSettingsInput(
            host="127.0.0.1",
            port=port,
            security=SmtpSecurity.NONE,
            sender="oiso@chu-exemple.fr",
            username=username,
            password=password,
        )
    )
    return service


def _enqueue(team: Team) -> int:
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        message = enqueue_message(
            uow,
            NOW,
            recipient="p.durand@chu-exemple.fr",
            subject="OISO : essai",
            body="Bonjour,\n\nConnectez-vous.\n",
            kind="test",
        )
        uow.commit()
        return message.id


def _send(team: Team):  # type: ignore[no-untyped-def]
    return OutboxService(system_context(team.sessions[0].ctx, NOW)).send_due()


@pytest.mark.parametrize("password", ["Secret-SMTP-Passw0rd", "Sécurité-Hôpital-2026"])
def test_the_outbox_signs_in_to_the_server(team: Team, password: str) -> None:
    with smtp_server(credentials=("oiso-relais", password)) as server:
        service = _configure(team, server.port, "oiso-relais", password)
        service.send_test_message("admin@chu-exemple.fr")
        _enqueue(team)
        report = _send(team)
    assert (report.sent, report.failed) == (1, 0)
    assert len(server.messages) == 2


def test_a_refused_login_is_a_failed_attempt_with_a_french_reason(team: Team) -> None:
    with smtp_server(credentials=("oiso-relais", "le-bon")) as server:
        service = _configure(team, server.port, "oiso-relais", "Mauvais-mot-de-passe-é")
        with pytest.raises(StorageError) as error:
            service.send_test_message("admin@chu-exemple.fr")
        assert error.value.code == "mail_send_failed"
        assert "authentification refusée" in str(error.value)
        message_id = _enqueue(team)
        report = _send(team)
    assert (report.sent, report.failed) == (0, 1)
    assert server.messages == []
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        row = uow.session.get(OutboxMessage, message_id)
        assert row is not None and row.sent_at is None and row.attempts == 1
        assert row.last_error == "authentification refusée par le serveur"
        assert "Mauvais" not in row.last_error


@pytest.mark.parametrize(
    ("security", "reason"),
    [
        (SmtpSecurity.STARTTLS, "le serveur ne propose pas STARTTLS"),
        (SmtpSecurity.TLS, "échec de la connexion chiffrée (TLS)"),
    ],
)
def test_a_security_the_server_does_not_offer_is_told_in_french(
    team: Team, security: SmtpSecurity, reason: str
) -> None:
    service = OutboxService(team.sessions[0].ctx)
    with smtp_server() as server:
        service.set_smtp_settings(
            SmtpSettingsInput("127.0.0.1", server.port, security, "oiso@chu-exemple.fr")
        )
        with pytest.raises(StorageError) as error:
            service.send_test_message("admin@chu-exemple.fr")
    assert error.value.params["reason"] == reason
    assert "Error" not in str(error.value)
