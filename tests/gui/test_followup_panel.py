"""The file's Suivi tab: a BRCA1 carrier's plan and due dates, an exam marked done,
a secretary's view without results nor clinical actions, an adjustment surviving a
recomputation, a booking warned of a same-day conflict."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from oiso_desktop.domain.errors import PermissionDenied
from oiso_desktop.domain.followup.appointments import AppointmentStatus
from oiso_desktop.domain.followup.engine import add_months, date_at_age
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.genetics import Genetics, GeneticTest, Variant
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.personal_history import PersonalHistory, RiskReducingSurgery
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.followup_panel import FollowupPanel
from oiso_desktop.gui.followup_table_models import PlanItemTableModel
from oiso_desktop.gui.patient_file_window import PatientFileWindow
from oiso_desktop.services.appointment_service import AppointmentInput
from oiso_desktop.services.auth_service import UserSession

TODAY = dt.date.today()
BIRTH = dt.date(TODAY.year - 35, 1, 15)  # 34 or 35 years old: MRI and mammography due
PLACE = "Hôpital Nord — Radiologie"


def genetics(laboratory: str = "Laboratoire Kerdoc") -> Genetics:
    return Genetics(
        tests=(
            GeneticTest(
                id="t1",
                kind="panel",
                date=dt.date(TODAY.year - 2, 3, 12),
                laboratory=laboratory,
                genes=("BRCA1",),
                status="result_received",
            ),
        ),
        variants=(Variant(gene="BRCA1", hgvs_c="c.68_69del", acmg_class=5, test_id="t1"),),
    )


def day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


@pytest.fixture
def clinician(gui_db, created_db) -> UserSession:
    session = gui_db.login("cdubois")
    session.clinical_key.approve_with_recovery_code(
        gui_db.user_ids["cdubois"], str(created_db.recovery_code)
    )
    return session


@pytest.fixture
def carrier(clinician: UserSession) -> int:
    """A woman born 35 years ago carrying a BRCA1 class 5 variant (saved: the plan follows)."""
    patient = clinician.patients.create(
        IdentityFields(birth_name="Lefèvre", first_names="Hélène", birth_date=BIRTH, sex="F")
    )
    clinician.forms.save(patient.id, "genetics", genetics(), expected_version=0)
    return patient.id


def _open(qtbot, session, tasks, patient_id) -> tuple[PatientFileWindow, FollowupPanel]:
    window = PatientFileWindow(session, tasks, session.patients.get(patient_id))
    qtbot.addWidget(window)
    window.show()
    assert tasks.wait_idle(15000)
    panel = window.followup_panel
    assert panel is not None
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        window.show_tab(panel)
    assert tasks.wait_idle(15000)
    return window, panel


def _rows(panel: FollowupPanel) -> dict[str, list[str]]:
    model = panel.plan_model
    return {
        model.index(row, 0).data(): [
            model.index(row, column).data() for column in range(model.columnCount())
        ]
        for row in range(model.rowCount())
    }


def _select(panel: FollowupPanel, exam: ExamKind) -> None:
    for row, item in enumerate(panel.plan_model.rows()):
        if item.exam is exam:
            panel.select_item(row)
            return
    raise AssertionError(exam)


def test_the_suivi_tab_of_a_brca1_carrier_and_an_exam_done(
    qtbot, gui_tasks, clinician, carrier
) -> None:
    window, panel = _open(qtbot, clinician, gui_tasks, carrier)
    assert "Suivi" in window.tab_titles()
    assert window.tab_titles().index("Suivi") == window.tab_titles().index("Scores") + 1
    rows = _rows(panel)
    assert set(rows) == {
        "Examen clinique mammaire et gynécologique",
        "IRM mammaire",
        "Mammographie ± échographie",
        "Mammographie bilatérale (deux incidences)",
        "Discussion d'annexectomie prophylactique",
    }
    mri = rows["IRM mammaire"]
    assert mri[1:5] == ["30 à 65 ans", "tous les ans", "—", day(date_at_age(BIRTH, 30))]
    assert mri[5] in ("En retard", "Perdu de vue")  # due at 30: long past
    clinical = rows["Examen clinique mammaire et gynécologique"]
    assert clinical[1:3] == ["à partir de 20 ans", "tous les 6 mois"]
    assert clinical[4] == day(date_at_age(BIRTH, 20)) and clinical[5] == "Perdu de vue"
    rrso = rows["Discussion d'annexectomie prophylactique"]
    assert rrso[2] == "une fois" and rrso[4] == day(date_at_age(BIRTH, 40))
    assert "à confirmer" in rrso[6]
    assert rows["Mammographie bilatérale (deux incidences)"][4] == day(date_at_age(BIRTH, 65))
    # the "plan updated" note of the first computation, until acknowledged
    assert "Plan mis à jour" in panel.note_text() and "IRM mammaire : ajouté" in panel.note_text()
    panel.acknowledge_update()
    assert panel.note_text() == ""
    # the colour badge of an overdue item
    model = panel.plan_model
    mri_row = next(r for r, i in enumerate(model.rows()) if i.exam is ExamKind.BREAST_MRI)
    brush = model.index(mri_row, PlanItemTableModel.COL_NEXT).data(Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color().name() in ("#fbdcdc", "#f3c6c6")

    # "Examen réalisé…": the next due date moves one interval after it
    assert panel.done_button.isVisible() and panel.adjust_button.isVisible()
    _select(panel, ExamKind.BREAST_MRI)
    dialog = panel.open_exam_done()
    assert dialog is not None
    dialog.date_edit.setText(day(TODAY + dt.timedelta(days=3)))
    assert "futur" in dialog.errors()["performed_on"]
    dialog.submit()
    assert dialog.field_message("performed_on")  # refused at its field, nothing sent
    performed = TODAY - dt.timedelta(days=10)
    dialog.date_edit.setText(day(performed))
    dialog.result_edit.setPlainText("IRM normale, BI-RADS 1")
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        dialog.submit()
    assert gui_tasks.wait_idle(15000)
    mri = _rows(panel)["IRM mammaire"]
    assert mri[3] == day(performed) and mri[4] == day(add_months(performed, 12))
    assert mri[5] == "En cours"
    assert panel.note_text() == ""  # the user's own change: no note about it
    exams = panel.exams_model
    assert exams.rowCount() == 1
    assert [exams.index(0, c).data() for c in range(4)] == [
        day(performed),
        "IRM mammaire",
        "Claire Dubois",
        "IRM normale, BI-RADS 1",
    ]
    window.close()


def test_a_secretary_sees_the_plan_without_results_nor_clinical_actions(
    qtbot, gui_db, gui_tasks, clinician, carrier
) -> None:
    mri = next(i for i in clinician.followup.plan(carrier).items if i.exam is ExamKind.BREAST_MRI)
    clinician.followup.mark_done(carrier, mri.key, TODAY - dt.timedelta(days=30), "Normale")
    gui_db.add_user(
        "secr",
        Role.SECRETARY,
        first_name="Sam",
        last_name="Roux",
        assisted_practitioner_ids=(gui_db.user_ids["cdubois"],),
    )
    secretary = gui_db.login("secr")
    window, panel = _open(qtbot, secretary, gui_tasks, carrier)
    assert window.tab_titles() == ["Identité", "Suivi"]
    rows = _rows(panel)
    assert rows["IRM mammaire"][3] == day(TODAY - dt.timedelta(days=30))
    assert len(rows) == 5
    assert panel.exams_box.isHidden() and panel.exams_model.rowCount() == 0
    assert "Normale" not in repr(panel.data)
    assert not panel.done_button.isVisible()
    assert not panel.adjust_button.isVisible() and not panel.add_button.isVisible()
    assert panel.book_button.isVisible()
    _select(panel, ExamKind.BREAST_MRI)
    assert panel.open_exam_done() is None
    assert "examens et dates seulement" in panel.plan_info_label.text()
    with pytest.raises(PermissionDenied):
        secretary.followup.mark_done(carrier, mri.key, TODAY, "Normale")
    window.close()


def test_an_adjustment_with_its_reason_survives_a_recomputation(
    qtbot, gui_tasks, clinician, carrier
) -> None:
    window, panel = _open(qtbot, clinician, gui_tasks, carrier)
    _select(panel, ExamKind.BREAST_MRI)
    dialog = panel.open_adjust()
    assert dialog is not None
    dialog.interval_spin.setValue(6)
    dialog.submit()
    assert dialog.field_message("reason") == "Indiquez le motif de cet ajustement."
    dialog.reason_edit.setPlainText("Seins denses : IRM semestrielle")
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        dialog.submit()
    assert gui_tasks.wait_idle(15000)
    mri = _rows(panel)["IRM mammaire"]
    assert mri[2] == "tous les 6 mois"
    assert "ajusté : Seins denses : IRM semestrielle" in mri[6]

    # the genetics form saved again: the plan is recomputed, the adjustment stays
    editor = window.genetics_editor
    editor.set_content(dataclasses.replace(genetics("Laboratoire Biomnis")))
    editor.sig_changed.emit()
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        window.save()
    assert gui_tasks.wait_idle(15000)
    assert clinician.forms.get(carrier, "genetics").version == 2
    mri = _rows(panel)["IRM mammaire"]
    assert mri[2] == "tous les 6 mois"
    assert "Seins denses" in mri[6]
    window.close()


def test_booking_from_the_tab_warns_of_a_same_day_conflict(
    qtbot, gui_tasks, clinician, carrier
) -> None:
    target = TODAY + dt.timedelta(days=9)
    clinician.appointments.book(
        AppointmentInput(
            patient_id=carrier,
            exam="mammography",
            starts_at=dt.datetime.combine(target, dt.time(9, 0)),
            duration_minutes=30,
            place="Centre Léon Bérard",
            practitioner_id=clinician.actor.user_id,
        )
    )
    window, panel = _open(qtbot, clinician, gui_tasks, carrier)
    assert panel.appointment_model.rowCount() == 1
    _select(panel, ExamKind.BREAST_MRI)
    dialog = panel.open_booking()
    assert dialog is not None
    assert gui_tasks.wait_idle(10000)  # the practitioners
    assert dialog.exam_combo.currentData() == "breast_mri"
    assert dialog.practitioner_combo.currentData() == clinician.actor.user_id
    dialog.date_edit.setText(day(target))
    dialog.time_edit.setTime(dialog.time_edit.time().fromString("14:30", "HH:mm"))
    dialog.place_edit.setText(PLACE)
    dialog.submit()
    assert gui_tasks.wait_idle(10000)
    assert dialog.isVisible()
    assert dialog.warning_label.isVisible()
    assert f"Ce patient a déjà un rendez-vous le {day(target)} à 9 h 00." in (
        dialog.warning_label.text()
    )
    assert dialog.ok_button.text() == "Réserver quand même"
    assert len(clinician.appointments.for_patient(carrier)) == 1  # nothing booked yet
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        dialog.submit()
    assert gui_tasks.wait_idle(10000)
    booked = clinician.appointments.for_patient(carrier)
    assert len(booked) == 2
    mri_booking = next(a for a in booked if a.exam == "breast_mri")
    assert mri_booking.place == PLACE and mri_booking.plan_item_id is not None
    assert mri_booking.starts_at == dt.datetime.combine(target, dt.time(14, 30))
    assert panel.appointment_model.rowCount() == 2
    assert "Ce patient a déjà un rendez-vous" in panel.banner_label.text()
    mri = _rows(panel)["IRM mammaire"]
    assert f"rendez-vous le {day(target)}" in mri[6]

    # confirm it, then cancel the other one
    row = panel.appointment_model.row_of(mri_booking.id)
    panel.select_appointment(row)
    assert panel.confirm_button.isEnabled()
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        panel.confirm_button.click()
    assert gui_tasks.wait_idle(10000)
    assert clinician.appointments.get(mri_booking.id).status is AppointmentStatus.CONFIRMED

    # reschedule it to the next day: the old one cancelled, the new one booked
    panel.select_appointment(panel.appointment_model.row_of(mri_booking.id))
    dialog = panel.open_reschedule()
    assert dialog is not None and not dialog.exam_combo.isEnabled()
    assert gui_tasks.wait_idle(10000)
    assert dialog.place_edit.text() == PLACE
    dialog.date_edit.setText(day(target + dt.timedelta(days=1)))
    assert dialog.ok_button.text() == "Reporter"
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        dialog.submit()
    assert gui_tasks.wait_idle(10000)
    statuses = {
        (a.starts_at.date(), a.exam): a.status for a in clinician.appointments.for_patient(carrier)
    }
    assert statuses[(target, "breast_mri")] is AppointmentStatus.CANCELLED
    assert statuses[(target + dt.timedelta(days=1), "breast_mri")] is AppointmentStatus.BOOKED

    # cancel the mammography, after confirming
    other = next(a for a in panel.appointment_model.rows() if a.exam == "mammography")
    panel.select_appointment(panel.appointment_model.row_of(other.id))
    panel.cancel_button.click()
    box = panel.dialog
    assert box is not None and "Annuler le rendez-vous du" in box.text()
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        box.findChild(QPushButton, "confirm_button").click()
    assert gui_tasks.wait_idle(10000)
    assert clinician.appointments.get(other.id).status is AppointmentStatus.CANCELLED
    row = panel.appointment_model.row_of(other.id)
    assert panel.appointment_model.index(row, 5).data() == "Annulé"
    window.close()


def test_a_mastectomy_saved_in_the_file_stops_breast_imaging_with_a_note(
    qtbot, gui_tasks, clinician, carrier
) -> None:
    window, panel = _open(qtbot, clinician, gui_tasks, carrier)
    panel.acknowledge_update()
    editor = window.history_editor
    editor.set_content(
        PersonalHistory(
            surgeries=(
                RiskReducingSurgery(
                    kind="mastectomy", side="bilateral", date=TODAY - dt.timedelta(days=60)
                ),
            )
        )
    )
    editor.sig_changed.emit()
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        window.save()
    assert gui_tasks.wait_idle(15000)
    rows = _rows(panel)
    for exam in ("IRM mammaire", "Mammographie ± échographie"):
        assert rows[exam][4:6] == ["—", "Arrêté par la chirurgie"]
    assert rows["Examen clinique mammaire et gynécologique"][5] == "Perdu de vue"
    assert "IRM mammaire : arrêté" in panel.note_text()
    window.close()


def test_a_practitioner_applies_the_has_high_risk_protocol_to_a_woman_without_a_variant(
    qtbot, gui_db, gui_tasks, clinician
) -> None:
    birth = dt.date(TODAY.year - 45, 1, 15)
    patient_id = clinician.patients.create(
        IdentityFields(birth_name="Marchand", first_names="Odile", birth_date=birth, sex="F")
    ).id
    window, panel = _open(qtbot, clinician, gui_tasks, patient_id)
    assert panel.plan_model.rowCount() == 0
    assert panel.protocols_button.isVisible()
    assert panel.protocols_button.text() == "Protocoles sans variant…"

    dialog = panel.open_manual_protocols()
    assert dialog is not None
    assert gui_tasks.wait_idle(15000)
    assert set(dialog.checks) == {"has2014_high_risk", "has2014_very_high_risk"}
    assert not any(check.isChecked() for check in dialog.checks.values())
    high = dialog.checks["has2014_high_risk"]
    assert high.text() == "Haut risque sans variant (HAS 2014) — femmes"
    source = dialog.findChild(QLabel, "protocol_source_has2014_high_risk")
    assert source is not None and source.text().startswith("Source :")
    assert "HAS 2014" in source.text()
    very_high_items = dialog.findChild(QLabel, "protocol_items_has2014_very_high_risk")
    assert very_high_items is not None and "(à confirmer)" in very_high_items.text()
    high.setChecked(True)
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        dialog.submit()
    assert gui_tasks.wait_idle(15000)
    assert clinician.followup.selected_protocols(patient_id) == ("has2014_high_risk",)
    rows = _rows(panel)
    assert len(rows) == 2
    clinical = next(r for r in rows.values() if r[1] == "à partir de 20 ans")
    assert clinical[2] == "tous les ans" and clinical[4] == day(date_at_age(birth, 20))
    mammography = next(r for r in rows.values() if r[1] == "40 à 50 ans")
    assert mammography[2] == "tous les ans" and mammography[4] == day(date_at_age(birth, 40))
    assert panel.note_text() == ""  # the user's own change: no "plan updated" note

    # opened again: checked as saved; unchecked, its exams leave the plan
    dialog = panel.open_manual_protocols()
    assert dialog is not None
    assert gui_tasks.wait_idle(15000)
    assert dialog.checks["has2014_high_risk"].isChecked()
    assert not dialog.checks["has2014_very_high_risk"].isChecked()
    dialog.set_checked("has2014_high_risk", False)
    with qtbot.waitSignal(panel.sig_loaded, timeout=15000):
        dialog.submit()
    assert gui_tasks.wait_idle(15000)
    assert panel.plan_model.rowCount() == 0
    assert clinician.followup.selected_protocols(patient_id) == ()
    window.close()


def test_secretaries_and_counsellors_get_no_protocol_selection(
    qtbot, gui_db, gui_tasks, clinician, carrier
) -> None:
    gui_db.add_user(
        "secr",
        Role.SECRETARY,
        first_name="Sam",
        last_name="Roux",
        assisted_practitioner_ids=(gui_db.user_ids["cdubois"],),
    )
    secretary = gui_db.login("secr")
    window, panel = _open(qtbot, secretary, gui_tasks, carrier)
    assert not panel.protocols_button.isVisible()
    assert panel.open_manual_protocols() is None
    window.close()
    with pytest.raises(PermissionDenied):
        secretary.followup.select_protocols(carrier, ["has2014_high_risk"])

    gui_db.add_user(
        "cons", Role.GENETIC_COUNSELLOR, first_name="Léa", last_name="Morel", adeli="751234567"
    )
    clinician.sharing.share(carrier, gui_db.user_ids["cons"], "write")
    gui_db.login("cons").logout()
    clinician.clinical_key.approve(gui_db.user_ids["cons"])
    counsellor = gui_db.login("cons")
    window, panel = _open(qtbot, counsellor, gui_tasks, carrier)
    assert panel.done_button.isVisible()  # a clinical role with write access
    assert not panel.protocols_button.isVisible()
    assert panel.open_manual_protocols() is None
    window.close()
    with pytest.raises(PermissionDenied):
        counsellor.followup.select_protocols(carrier, ["has2014_high_risk"])
