"""Access alerts (DESIGN.md §6, issue 10): unusual access, raised by the
maintenance job into the administrators' review queue.

:func:`raise_alerts` is the maintenance step (system actor, task
``RAISE_ALERTS``): it reads the events still in the log (who, what action,
when; never a value) from a little before the previous scan, finds the windows of
``domain.retention`` (many files, off hours, failed sign-ins, break-the-glass)
and stores each new one in ``access_alerts``. An alert overlapping one already
stored for the same kind and subject is the same alert (an off-hours period
that went on gets its count and end updated): running twice raises nothing new.

:class:`AlertsService` (administrators, ``MANAGE_USERS``): the queue, marking an
alert reviewed, informing the user by email (outbox; French; no health data) and
suspending the account (``UserService.suspend``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import insert, select

from oiso_desktop.domain.errors import NotFound, ValidationError
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.retention import (
    FAILED_LOGINS_THRESHOLD,
    FAILED_LOGINS_WINDOW,
    LOCAL_TIME_ZONE,
    MANY_FILES_THRESHOLD,
    MANY_FILES_WINDOW,
    SYSTEM_LOGIN,
    AlertKind,
    AlertWindow,
    MaintenanceTask,
    bursts,
    off_hours_period,
)
from oiso_desktop.services.access import authorize
from oiso_desktop.services.context import (
    AccessMode,
    ServiceContext,
    as_utc,
    from_db_time,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.event_log import event_time, first_event_since, record_event
from oiso_desktop.services.outbox_service import enqueue_message
from oiso_desktop.services.system_actor import SystemContext, authorize_task
from oiso_desktop.services.user_service import UserService
from oiso_desktop.storage.models import AccessAlert, Event, Setting, User
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "SCANNED_KEY",
    "AccessAlertView",
    "AlertAction",
    "AlertsService",
    "find_alerts",
    "raise_alerts",
]

SCANNED_KEY = "access_alerts_scanned_until"
#: How far before the previous scan a scan starts again: a weekend's off-hours
#: period (Friday 21:00 to Monday 07:00) and the burst windows fit in it.
RESCAN_OVERLAP = dt.timedelta(days=3)
#: The first scan of a database (no previous scan recorded) looks this far back: an
#: alert is for acting on recent use, and the whole retained log (up to 6 months,
#: a million events in a hospital) would make the first run after an upgrade slow.
FIRST_SCAN_WINDOW = dt.timedelta(days=30)
INFORM_KIND = "access_alert"

ALERT_NOT_FOUND_MESSAGE = "Cette alerte n'existe plus."
NO_RECIPIENT_MESSAGE = "Ce compte n'a pas d'adresse électronique : impossible de l'informer."
NO_ACCOUNT_MESSAGE = "Cette alerte ne concerne aucun compte existant."

INFORM_SUBJECT = "OISO : activité inhabituelle sur votre compte"
INFORM_BODY = (
    "Bonjour {name},\n\n"
    "Une activité inhabituelle a été relevée sur votre compte OISO « {login} » : "
    "{what}, entre le {start} et le {end} (heure de Paris).\n\n"
    "Si vous en êtes à l'origine et qu'elle était justifiée, vous n'avez rien à faire. "
    "Sinon, prévenez sans attendre l'administrateur de l'application.\n\n"
    "Message envoyé par l'administrateur d'OISO ; il ne contient aucune donnée de patient.\n"
)
KIND_TEXT = {
    AlertKind.MANY_FILES: "{count} dossiers patients ouverts en peu de temps",
    AlertKind.OFF_HOURS: "{count} actions en dehors des heures ouvrées",
    AlertKind.FAILED_LOGINS: "{count} échecs de connexion",
    AlertKind.BREAK_GLASS: "un accès d'urgence à un dossier (bris de glace)",
}


class AlertAction:
    INFORMED = "informed"
    SUSPENDED = "suspended"


@dataclass(frozen=True)
class AccessAlertView:
    id: int
    kind: AlertKind
    user_id: int | None
    login: str
    display_name: str  # "" for an unknown login
    user_status: str  # "" for an unknown login
    window_start: dt.datetime  # UTC
    window_end: dt.datetime
    count: int
    created_at: dt.datetime
    reviewed_at: dt.datetime | None
    reviewed_by: str  # display name of the reviewer, "" if not reviewed
    comment: str
    action: str  # AlertAction value, "" if none


def _local_zone() -> dt.tzinfo | None:
    try:
        return ZoneInfo(LOCAL_TIME_ZONE)
    except ZoneInfoNotFoundError:  # no time-zone database: the workstation's zone
        return None


def _parse(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)


def _local(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def find_alerts(
    rows: list[tuple[str, int | None, str, str, int | None]],
) -> list[AlertWindow]:
    """The alerts in ``rows`` of (occurred_at text, user_id, login, action, object_id),
    oldest first."""
    zone = _local_zone()
    views: dict[tuple[int, str], list[tuple[dt.datetime, object]]] = defaultdict(list)
    failures: dict[str, list[tuple[dt.datetime, object]]] = defaultdict(list)
    failure_user: dict[str, int | None] = {}
    periods: dict[tuple[int, str, dt.datetime], list[dt.datetime]] = defaultdict(list)
    found: list[AlertWindow] = []
    hour_periods: dict[str, tuple[dt.datetime, dt.datetime] | None] = {}
    for occurred, user_id, login, action, object_id in rows:
        moment = _parse(occurred)
        if action == "login_failed":
            key = login.lower()
            failures[key].append((moment, None))
            failure_user.setdefault(key, user_id)
            if user_id is not None:
                failure_user[key] = user_id
            continue
        if user_id is None or login == SYSTEM_LOGIN:
            continue
        if action == "patient_viewed":
            views[(user_id, login)].append((moment, object_id))
        elif action == "break_glass":
            found.append(AlertWindow(AlertKind.BREAK_GLASS, user_id, login, moment, moment, 1))
        # Whether a moment is off hours depends on its local hour only, and UTC
        # hours map to local hours whole (time zones and DST shifts are by the
        # hour in France): one conversion per hour of the log, not per event.
        hour = occurred[:13]
        if hour not in hour_periods:
            hour_start = moment.replace(minute=0, second=0, microsecond=0)
            hour_periods[hour] = off_hours_period(_local(hour_start, zone))
        period = hour_periods[hour]
        if period is not None:
            periods[(user_id, login, period[0])].append(moment)
    for (user_id, login), moments in views.items():
        for start, end, count in bursts(
            sorted(moments, key=lambda item: item[0]),
            window=MANY_FILES_WINDOW,
            threshold=MANY_FILES_THRESHOLD + 1,
            distinct=True,
        ):
            found.append(AlertWindow(AlertKind.MANY_FILES, user_id, login, start, end, count))
    for login, moments in failures.items():
        for start, end, count in bursts(
            sorted(moments, key=lambda item: item[0]),
            window=FAILED_LOGINS_WINDOW,
            threshold=FAILED_LOGINS_THRESHOLD,
            distinct=False,
        ):
            found.append(
                AlertWindow(AlertKind.FAILED_LOGINS, failure_user[login], login, start, end, count)
            )
    for (user_id, login, _start), period_moments in periods.items():
        found.append(
            AlertWindow(
                AlertKind.OFF_HOURS,
                user_id,
                login,
                min(period_moments),
                max(period_moments),
                len(period_moments),
            )
        )
    found.sort(key=lambda alert: (alert.start, alert.kind, alert.login))
    return found


class _StoredAlerts:
    """The alerts already stored that a scan can meet, by (kind, login), in memory:
    a scan of 30 days of a busy log finds tens of thousands of windows, and one
    query per window was most of the maintenance job's time."""

    def __init__(self, uow: UnitOfWork, since: dt.datetime) -> None:
        self._groups: dict[tuple[str, str], list[AccessAlert | dict[str, Any]]] = defaultdict(list)
        for row in uow.session.scalars(
            select(AccessAlert).where(AccessAlert.window_end >= naive_utc(since))
        ):
            self._groups[(row.kind, row.login)].append(row)
        self.new_rows: list[dict[str, Any]] = []

    def store(self, alert: AlertWindow, now: dt.datetime) -> bool:
        """Keep ``alert`` unless the same one is there (an overlapping window of the
        same kind and login); True if it is new."""
        start, end = naive_utc(alert.start), naive_utc(alert.end)
        group = self._groups[(alert.kind.value, alert.login)]
        for same in group:
            if isinstance(same, AccessAlert):
                same_start, same_end, same_count = same.window_start, same.window_end, same.count
            else:
                same_start, same_end = same["window_start"], same["window_end"]
                same_count = same["count"]
            if not (same_start <= end and same_end >= start):
                continue
            if alert.kind is AlertKind.OFF_HOURS and alert.count > same_count:
                # an off-hours period that went on since the previous scan
                count, first, last = alert.count, min(same_start, start), max(same_end, end)
                if isinstance(same, AccessAlert):
                    same.count, same.window_start, same.window_end = count, first, last
                else:
                    same.update(count=count, window_start=first, window_end=last)
            return False
        row: dict[str, Any] = {
            "kind": alert.kind.value,
            "user_id": alert.user_id,
            "login": alert.login,
            "window_start": start,
            "window_end": end,
            "count": alert.count,
            "created_at": naive_utc(now),
            "comment": "",
            "action": "",
        }
        group.append(row)
        self.new_rows.append(row)
        return True


def raise_alerts(system: SystemContext, now: dt.datetime) -> int:
    """The maintenance step: new alerts since the previous scan; how many were added."""
    with system.unit_of_work(AccessMode.WRITE) as uow:
        authorize_task(uow.actor, MaintenanceTask.RAISE_ALERTS)
        setting = uow.session.get(Setting, SCANNED_KEY)
        query = select(Event.occurred_at, Event.user_id, Event.login, Event.action, Event.object_id)
        if setting is not None:
            since = _parse(setting.value) - RESCAN_OVERLAP
        else:
            since = as_utc(now) - FIRST_SCAN_WINDOW
        # The events since ``since``: their first id from the index on the time,
        # then a range of the primary key (not a walk through the whole log).
        first = first_event_since(uow, since)
        rows = (
            []
            if first is None
            else [
                tuple(row)
                for row in uow.session.connection().execute(
                    query.where(Event.id >= first, Event.occurred_at >= event_time(since)).order_by(
                        Event.id
                    )
                )
            ]
        )
        accounts = set(uow.session.scalars(select(User.id)))
        stored = _StoredAlerts(uow, since)
        for alert in find_alerts(rows):  # type: ignore[arg-type]
            if alert.user_id is not None and alert.user_id not in accounts:
                continue
            stored.store(alert, now)
        if stored.new_rows:
            uow.session.execute(insert(AccessAlert), stored.new_rows)
        added = len(stored.new_rows)
        stamp = event_time(as_utc(now))
        if setting is None:
            uow.session.add(Setting(key=SCANNED_KEY, value=stamp))
        elif _parse(setting.value) < as_utc(now):
            setting.value = stamp
        uow.flush()
        uow.commit()
    return added


def _name(user: User | None) -> str:
    return f"{user.first_name} {user.last_name}".strip() if user is not None else ""


class AlertsService:
    """The administrators' review queue of access alerts."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @staticmethod
    def _get(uow: UnitOfWork, alert_id: int) -> AccessAlert:
        alert = uow.session.get(AccessAlert, alert_id)
        if alert is None:
            raise NotFound(
                ALERT_NOT_FOUND_MESSAGE,
                code="alert_not_found",
                object_type="access_alert",
                object_id=alert_id,
            )
        return alert

    @staticmethod
    def _view(uow: UnitOfWork, alert: AccessAlert) -> AccessAlertView:
        user = uow.session.get(User, alert.user_id) if alert.user_id is not None else None
        reviewer = (
            uow.session.get(User, alert.reviewed_by_id)
            if alert.reviewed_by_id is not None
            else None
        )
        return AccessAlertView(
            id=alert.id,
            kind=AlertKind(alert.kind),
            user_id=alert.user_id,
            login=alert.login,
            display_name=_name(user),
            user_status=user.status if user is not None else "",
            window_start=as_utc(alert.window_start),
            window_end=as_utc(alert.window_end),
            count=alert.count,
            created_at=as_utc(alert.created_at),
            reviewed_at=from_db_time(alert.reviewed_at),
            reviewed_by=_name(reviewer),
            comment=alert.comment,
            action=alert.action,
        )

    @reads
    def list_alerts(self, *, include_reviewed: bool = False) -> tuple[AccessAlertView, ...]:
        """The alerts, newest first (those not reviewed only, unless asked)."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            query = select(AccessAlert)
            if not include_reviewed:
                query = query.where(AccessAlert.reviewed_at.is_(None))
            rows = uow.session.scalars(
                query.order_by(AccessAlert.window_start.desc(), AccessAlert.id.desc())
            )
            return tuple(self._view(uow, row) for row in rows)

    @reads
    def unreviewed_count(self) -> int:
        return len(self.list_alerts())

    @writes
    def mark_reviewed(self, alert_id: int, comment: str = "") -> AccessAlertView:
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            alert = self._get(uow, alert_id)
            alert.reviewed_at = naive_utc(self.ctx.now())
            alert.reviewed_by_id = uow.actor.user_id
            alert.comment = comment.strip()
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "access_alert_reviewed",
                object_type="access_alert",
                object_id=alert.id,
            )
            uow.flush()
            uow.commit()
            return self._view(uow, alert)

    @writes
    def inform_user(self, alert_id: int) -> AccessAlertView:
        """Queue a French email to the account concerned (no health data)."""
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            alert = self._get(uow, alert_id)
            user = uow.session.get(User, alert.user_id) if alert.user_id is not None else None
            if user is None:
                raise ValidationError(NO_ACCOUNT_MESSAGE, code="alert_no_account")
            if not user.email:
                raise ValidationError(NO_RECIPIENT_MESSAGE, code="alert_no_recipient")
            zone = _local_zone()
            kind = AlertKind(alert.kind)
            body = INFORM_BODY.format(
                name=_name(user),
                login=user.login,
                what=KIND_TEXT[kind].format(count=alert.count),
                start=_local(as_utc(alert.window_start), zone).strftime("%d/%m/%Y à %H:%M"),
                end=_local(as_utc(alert.window_end), zone).strftime("%d/%m/%Y à %H:%M"),
            )
            enqueue_message(
                uow,
                self.ctx.now(),
                recipient=user.email,
                subject=INFORM_SUBJECT,
                body=body,
                kind=INFORM_KIND,
                user_id=user.id,
            )
            alert.action = AlertAction.INFORMED
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "access_alert_user_informed",
                object_type="access_alert",
                object_id=alert.id,
                details={"user_id": user.id},
            )
            uow.flush()
            uow.commit()
            return self._view(uow, alert)

    @writes
    def suspend_user(self, alert_id: int) -> AccessAlertView:
        """Suspend the account concerned (``UserService.suspend``: its refusals apply)."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            alert = self._get(uow, alert_id)
            user_id = alert.user_id
            if user_id is None or uow.session.get(User, user_id) is None:
                raise ValidationError(NO_ACCOUNT_MESSAGE, code="alert_no_account")
        UserService(self.ctx).suspend(user_id)
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            alert = self._get(uow, alert_id)
            alert.action = AlertAction.SUSPENDED
            uow.flush()
            uow.commit()
            return self._view(uow, alert)
