"""The event-log PDF extract: filters, pages, own events for non-admins, logged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from service_helpers import Team

from oiso_desktop.domain.errors import PermissionDenied
from oiso_desktop.reports.event_log_pdf import TITLE, page_count
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.event_log import record_event
from oiso_desktop.storage.uow import UnitOfWork

LABELS = {"patient_viewed": "Dossier patient consulté", "lock": "Session verrouillée"}
OBJECTS = {"patient": "Patient"}


def _pages(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\r\n", "\n")
            texts.append(text.replace("\u00a0", " ").replace("\u202f", " "))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _add_events(session: UserSession, actions: list[str]) -> None:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        for number, action in enumerate(actions, start=1):
            record_event(
                uow, session.ctx, session.actor, action, object_type="patient", object_id=number
            )
        uow.commit()


def test_the_extract_holds_the_header_the_filters_and_the_filtered_rows(
    team: Team, tmp_path: Path
) -> None:
    admin = team.sessions[0]
    _add_events(admin, ["lock"] * 6 + ["patient_viewed"] * 3 + ["lock"] * 11)  # 3 of 20
    target = tmp_path / "extrait.pdf"
    since = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    until = dt.datetime(2026, 3, 3, tzinfo=dt.UTC)
    count = admin.events.export_pdf(
        target,
        user_id=team.ids["admin"],
        action="patient_viewed",
        since=since,
        until=until,
        action_labels=LABELS,
        object_labels=OBJECTS,
    )
    assert count == 3
    assert target.read_bytes().startswith(b"%PDF-")
    [text] = _pages(target)
    assert TITLE in text
    assert "Centre de génétique de test" in text
    assert "par Alice Martin (admin)" in text
    assert "Période : du 01/03/2026 au 02/03/2026" in text
    assert "Utilisateur : Alice Martin (admin)" in text
    assert "Action : Dossier patient consulté" in text
    assert "intact" in text and "ALTÉRÉ" not in text
    assert "page 1 / 1" in text
    for column in ("N°", "Date et heure", "Utilisateur", "Action", "Objet", "Poste", "Version"):
        assert column in text
    rows = [line for line in text.splitlines() if "Dossier patient consulté" in line]
    assert len(rows) == 3 + 1  # the filter line names the action too
    assert "Patient n° 7" in text and "Patient n° 9" in text
    assert "n° 6" not in text and "n° 10" not in text
    assert "02/03/2026 09:00:00" in text or "02/03/2026 10:00:00" in text  # local time
    assert "Session verrouillée" not in text


def test_hundreds_of_events_run_over_numbered_pages_each_with_the_header(
    team: Team, tmp_path: Path
) -> None:
    admin = team.sessions[0]
    _add_events(admin, ["lock"] * 300)
    target = tmp_path / "long.pdf"
    count = admin.events.export_pdf(target, action="lock", action_labels=LABELS)
    assert count == 300
    pages = _pages(target)
    total = page_count(300)
    assert len(pages) == total >= 8
    for number, text in enumerate(pages, start=1):
        assert f"page {number} / {total}" in text
        assert "Date et heure" in text and "Poste" in text
    assert TITLE in pages[0] and "Période" in pages[0]
    everything = "\n".join(pages)
    assert everything.count("Session verrouillée") == 300 + 1  # the rows and the filter line
    assert "patient n° 300" in pages[-1]  # no object labels given: the code

    # The first page, seen.
    document = pdfium.PdfDocument(str(target))
    document[0].render(scale=1.5).to_pil().save(tmp_path / "page1.png")
    document.close()
    assert (tmp_path / "page1.png").stat().st_size > 10_000


def test_a_non_admin_exports_only_their_own_events(team: Team, tmp_path: Path) -> None:
    admin = team.sessions[0]
    durand = team.login("p.durand")
    _add_events(admin, ["patient_viewed"] * 4)
    _add_events(durand, ["patient_viewed"] * 2)
    target = tmp_path / "mien.pdf"
    count = durand.events.export_pdf(target, action="patient_viewed", action_labels=LABELS)
    assert count == 2
    text = "\n".join(_pages(target))
    assert "Paul Durand (p.durand)" in text
    assert "seuls ses propres événements" in text
    assert "Alice Martin (admin)" not in text
    with pytest.raises(PermissionDenied):
        durand.events.export_pdf(tmp_path / "autre.pdf", user_id=team.ids["admin"])
    assert not (tmp_path / "autre.pdf").exists()


def test_the_export_is_logged_with_its_count_and_filters_only(team: Team, tmp_path: Path) -> None:
    admin = team.sessions[0]
    count = admin.events.export_pdf(tmp_path / "tout.pdf")
    last = admin.events.list(limit=1)[0]
    assert last.action == "events_exported"
    assert json.loads(last.details) == {"rows": count, "format": "pdf"}
    text = "\n".join(_pages(tmp_path / "tout.pdf"))
    assert "tous les utilisateurs" in text and "toutes les actions" in text
    # a filtered extract: its filters are facts of the event (ids, a code, dates)
    since = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = admin.events.export_pdf(
        tmp_path / "filtre.pdf", user_id=team.ids["admin"], action="login", since=since
    )
    assert rows >= 1  # the admin's sign-in
    assert json.loads(admin.events.list(limit=1)[0].details) == {
        "rows": rows,
        "format": "pdf",
        "user_id": team.ids["admin"],
        "action": "login",
        "since": "2026-01-01T00:00:00.000000Z",
    }
    assert "toute la période conservée" in text


def test_an_unwritable_target_is_an_export_error_and_nothing_is_logged(
    team: Team, tmp_path: Path
) -> None:
    from oiso_desktop.domain.errors import StorageError

    admin = team.sessions[0]
    before = admin.events.list(limit=1)[0].id
    with pytest.raises(StorageError) as caught:
        admin.events.export_pdf(tmp_path / "absent" / "x.pdf")
    assert caught.value.code == "export_failed"
    assert admin.events.list(limit=1)[0].id == before


def test_an_altered_log_is_said_so_on_the_extract(team: Team, tmp_path: Path) -> None:
    admin = team.sessions[0]
    with admin.ctx.database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE events SET login = 'quelquun' WHERE id = 3")
    admin.events.export_pdf(tmp_path / "altere.pdf")
    text = "\n".join(_pages(tmp_path / "altere.pdf"))
    assert "ALTÉRÉ, premier enregistrement fautif n° 3" in text
    assert "intact" not in text
