"""The unattended-maintenance slot (issue 10): the job's own revocations re-key the
database with that slot's key, and the slot keeps opening the new key."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from service_helpers import Clock, Team

from oiso_desktop.domain.errors import PermissionDenied, StorageError
from oiso_desktop.services.maintenance_service import (
    MaintenanceService,
    open_unattended,
    run_unattended,
)
from oiso_desktop.services.patient_service import PatientService
from oiso_desktop.services.user_service import UserService
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.secret_store import MemorySecretStore

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_an_unattended_revocation_rekeys_and_keeps_the_slot(team: Team, clock: Clock) -> None:
    for login in ("p.durand", "p.bernard", "c.petit", "s.leroy"):
        team.login(login).logout()
    admin = team.sessions[0]
    store = admin.ctx.secret_store
    assert isinstance(store, MemorySecretStore)
    MaintenanceService(admin.ctx).setup_unattended()
    key_before = Keystore.load(team.folder / "oiso.keystore").current_key_id
    admin.logout()  # nobody signed in: the re-key can run at once

    first = T0 + dt.timedelta(days=366)
    warned = run_unattended(team.folder, secret_store=store, now=first)
    assert warned.warned == 4 and warned.revoked == 0
    report = run_unattended(team.folder, secret_store=store, now=first + dt.timedelta(days=31))
    assert report.revoked == 4 and not report.rekey_pending and not report.errors

    keystore = Keystore.load(team.folder / "oiso.keystore")
    assert keystore.current_key_id != key_before
    assert keystore._data["maintenance"]["dmk"]["key_id"] == keystore.current_key_id
    assert "pending_dmk" not in keystore._data["maintenance"]
    again = run_unattended(team.folder, secret_store=store, now=first + dt.timedelta(days=32))
    assert again.revoked == 0 and not again.errors
    # The admin, never revoked (the last active one), still signs in with the new key.
    team.login("admin").logout()


def test_the_unattended_context_is_refused_by_user_services(team: Team) -> None:
    admin = team.sessions[0]
    store = admin.ctx.secret_store
    assert isinstance(store, MemorySecretStore)
    MaintenanceService(admin.ctx).setup_unattended()
    ctx = open_unattended(team.folder, secret_store=store)
    try:
        with pytest.raises(PermissionDenied):
            UserService(ctx).list_users()
        with pytest.raises(PermissionDenied):
            UserService(ctx).revoke(team.ids["p.durand"])
        with pytest.raises(PermissionDenied):
            PatientService(ctx).search("Durand")
        with pytest.raises(PermissionDenied):
            MaintenanceService(ctx).setup_unattended()
    finally:
        ctx.database.close()


def test_only_administrators_set_up_unattended_maintenance(team: Team) -> None:
    durand = team.login("p.durand")
    try:
        with pytest.raises(PermissionDenied):
            MaintenanceService(durand.ctx).setup_unattended()
    finally:
        durand.logout()
    assert not Keystore.load(team.folder / "oiso.keystore").has_maintenance_slot()


@pytest.mark.parametrize(
    "change",
    [
        lambda slot: slot.update(kind="recovery"),
        lambda slot: slot.pop("keyring_entry"),
        lambda slot: slot.update(ck={"00" * 8: slot["dmk"] | {"key_id": "00" * 8}}),
    ],
    ids=["kind", "keyring-entry", "clinical-box"],
)
def test_a_doctored_maintenance_slot_is_refused(team: Team, change: Callable[..., Any]) -> None:
    admin = team.sessions[0]
    MaintenanceService(admin.ctx).setup_unattended()
    path = team.folder / "oiso.keystore"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 5
    change(data["maintenance"])
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StorageError) as caught:
        Keystore.load(path)
    assert caught.value.code == "keystore_corrupt"
