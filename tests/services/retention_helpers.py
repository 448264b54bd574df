"""Helpers of the retention tests: old events, a real SMTP server on loopback."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from oiso_desktop.services.context import AccessMode, ServiceContext
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.system_actor import system_context


def fill_events(
    ctx: ServiceContext, start: dt.datetime, days: int, per_day: int = 2, *, user_id: int = 1
) -> int:
    """``per_day`` events a day from ``start`` for ``days`` days (as the app writes them)."""
    system = system_context(ctx, start)
    count = 0
    for day in range(days):
        moment = start + dt.timedelta(days=day)
        system.clock = lambda moment=moment: moment  # type: ignore[misc]
        with system.unit_of_work(AccessMode.WRITE) as uow:
            for index in range(per_day):
                record_event(
                    uow,
                    system,
                    None,
                    "patient_viewed",
                    object_type="patient",
                    object_id=index + 1,
                    user_id=user_id,
                    login="p.durand",
                )
                count += 1
            uow.commit()
    return count


@dataclass
class _Handler:
    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(
            message_from_bytes(envelope.original_content, policy=policy.default)  # type: ignore[arg-type]
        )
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class _Credentials:
    """Accepts one login and password (UTF-8), over a plain connection (loopback)."""

    login: str
    password: str
    tried: list[tuple[bytes, bytes]] = field(default_factory=list)

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        self.tried.append((auth_data.login, auth_data.password))
        ok = auth_data.login == self.login.encode() and auth_data.password == (
            self.password.encode()
        )
        return AuthResult(success=ok, handled=False)


@dataclass
class SmtpServer:
    """An SMTP server on loopback (aiosmtpd) that keeps what it receives; with
    ``credentials``, it requires that login and password (AUTH PLAIN or LOGIN)."""

    port: int
    handler: _Handler = field(default_factory=_Handler)
    controller: Controller | None = None
    credentials: _Credentials | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages

    def start(self) -> None:
        extra: dict[str, Any] = {}
        if self.credentials is not None:
            extra = {
                "authenticator": self.credentials,
                "auth_required": True,
                "auth_require_tls": False,
            }
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **extra)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@contextmanager
def smtp_server(
    port: int | None = None, credentials: tuple[str, str] | None = None
) -> Iterator[SmtpServer]:
    server = SmtpServer(
        port or free_port(),
        credentials=None if credentials is None else _Credentials(*credentials),
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()
