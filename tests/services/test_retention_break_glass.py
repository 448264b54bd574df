"""An archived file (a departed owner's unshared file after its kept year) is hidden
from everyone: the break-the-glass lookup does not find it, and breaking the glass on
it is refused as on a file that does not exist — no identity, no review to no end."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import Clock, Team, identity

from oiso_desktop.domain.errors import NotFound
from oiso_desktop.domain.retention import archive_date
from oiso_desktop.services.maintenance_service import MaintenanceService

REASON = "Urgence vitale, patiente inconsciente aux urgences"


def test_an_archived_file_cannot_be_found_nor_opened_by_breaking_the_glass(
    team: Team, clock: Clock
) -> None:
    durand = team.login("p.durand")
    fields = identity(birth_name="Archivée", first_names="Odile")
    pid = durand.patients.create(fields).id
    durand.logout()
    bernard = team.login("p.bernard")
    lookup = {"birth_name": "ARCHIVEE", "first_name": "odile", "birth_date": fields.birth_date}
    assert [c.id for c in bernard.sharing.find_for_break_glass(**lookup)] == [pid]
    bernard.logout()
    revoked_at = clock.now
    team.sessions[0].users.revoke(team.ids["p.durand"])
    moment = archive_date(revoked_at) + dt.timedelta(hours=1)
    clock.now = moment
    for login in ("c.petit", "s.leroy"):
        team.login(login).logout()
    bernard = team.login("p.bernard")
    assert MaintenanceService(team.sessions[0].ctx).run(now=moment).files_archived == 1
    assert bernard.sharing.find_for_break_glass(**lookup) == ()
    with pytest.raises(NotFound):
        bernard.sharing.break_glass(pid, REASON)
    assert pid not in bernard.ctx.break_glass
    admin = team.login("admin")
    assert admin.sharing.list_break_glass_reviews() == ()
