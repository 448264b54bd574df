"""The clinical key in the GUI: awaiting notice, four-eyes prompt, recovery-code approval,
rotation banner and background re-encryption, new recovery sheet (real SQLCipher files)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from oiso_desktop.domain.clinical_forms import FormKind
from oiso_desktop.domain.errors import StorageError
from oiso_desktop.domain.family import Age
from oiso_desktop.domain.identifiers import luhn_key
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.personal_history import HistoryCancer, PersonalHistory
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.gui.awaiting_account_table_model import AwaitingAccountTableModel
from oiso_desktop.gui.clinical_access_notice import (
    ClinicalAccessNotice,
    clinical_access_state_of,
)
from oiso_desktop.gui.clinical_key_dialogs import ClinicalApprovalDialog
from oiso_desktop.gui.clinical_key_panel import ClinicalKeyPanel
from oiso_desktop.gui.main_window import MainWindow
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.clinical_key_service import ClinicalAccess
from oiso_desktop.services.dto import UserInput, UserView
from oiso_desktop.storage.clinical_chain import chain_records
from oiso_desktop.storage.field_crypto import ClinicalKeys, clinical_key_id, new_clinical_key
from oiso_desktop.storage.keystore import Keystore

RPPS_MARTIN = "1000067890" + luhn_key("1000067890")
ADELI_PETIT = "751234567"


def _identity(index: int) -> IdentityFields:
    return IdentityFields(
        birth_name=f"Lefèvre{chr(65 + index)}",
        first_names="Hélène",
        birth_date=dt.date(1970 + index, 3, 12),
        sex="F",
    )


def _history() -> PersonalHistory:
    return PersonalHistory(
        cancers=(HistoryCancer(site="breast", laterality="left", age=Age.parse("42")),)
    )


def _window(qtbot, session: UserSession, tasks, folder: Path) -> MainWindow:
    window = MainWindow(session, tasks, database_folder=folder, idle_timeout_ms=600000)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _settled(qtbot, window: MainWindow, tasks) -> ClinicalKeyPanel:
    """The panel once its first status was read and the login's work is done."""
    panel = window.clinical_key_panel
    qtbot.waitUntil(lambda: panel.status is not None, timeout=10000)
    assert tasks.wait_idle(20000)
    qtbot.wait(10)
    return panel


def _refresh(qtbot, panel: ClinicalKeyPanel, tasks) -> None:
    assert tasks.wait_idle(10000)  # no read underway: this one sees what was just done
    with qtbot.waitSignal(panel.sig_status_changed, timeout=10000):
        panel.refresh()
    assert tasks.wait_idle(10000)


def _grab(widget, folder: Path, name: str) -> None:
    """Keep a rendering of the screen in the test's folder (looked at, not compared)."""
    QApplication.processEvents()
    assert widget.grab().save(str(folder / f"{name}.png"))


@pytest.fixture
def team(gui_db):
    """cdubois (created by gui_db), pmartin (practitioner) and cpetit (counsellor)."""
    gui_db.add_user(
        "pmartin", Role.PRACTITIONER, first_name="Pierre", last_name="Martin", rpps=RPPS_MARTIN
    )
    gui_db.add_user(
        "cpetit",
        Role.GENETIC_COUNSELLOR,
        first_name="Chloé",
        last_name="Petit",
        adeli=ADELI_PETIT,
    )
    return gui_db


@pytest.fixture
def dubois(team, created_db) -> UserSession:
    """Claire Dubois, the first practitioner, approved with the recovery code."""
    session = team.login("cdubois")
    session.clinical_key.approve_with_recovery_code(
        team.user_ids["cdubois"], created_db.recovery_code
    )
    session.logout()
    return session


def _granted_events(team) -> list[dict[str, object]]:
    admin = team.login(team.admin_login)
    events = admin.events.list(action="clinical_access_granted")
    admin.logout()
    return [{"user": e.object_id, **json.loads(e.details)} for e in events]


# ------------------------------------------------------------------ four-eyes


def test_a_new_practitioner_waits_then_a_colleague_approves_at_login(
    qtbot, team, dubois, gui_tasks, tmp_path
):
    martin = team.login("pmartin")
    patient_id = martin.patients.create(_identity(0)).id
    with pytest.raises(Exception) as refused:
        martin.forms.get(patient_id, "history")
    assert clinical_access_state_of(refused.value) is ClinicalAccess.AWAITING_APPROVAL

    # Pierre Martin's window: the banner says he waits for a colleague.
    window = _window(qtbot, martin, gui_tasks, team.folder)
    panel = _settled(qtbot, window, gui_tasks)
    assert panel.status.access is ClinicalAccess.AWAITING_APPROVAL
    assert panel.isVisible() and panel.awaiting_row.isVisible()
    assert "attend l'approbation d'un praticien ou d'un conseiller" in panel.awaiting_row.text()
    assert panel.check_again_button.isVisible() and not panel.awaiting_code_button.isVisible()
    assert panel.approval_dialog is None  # he cannot approve anyone: no prompt
    assert not panel.approve_action.isEnabled()
    _grab(window, tmp_path, "clinical-awaiting-banner")
    qtbot.mouseClick(panel.check_again_button, Qt.LeftButton)
    assert gui_tasks.wait_idle(10000)
    assert panel.message_row.text() == (
        "Toujours en attente : personne n'a encore approuvé votre compte."
    )

    # What the patient file shows in place of its clinical tabs.
    notice = ClinicalAccessNotice(martin.clinical_access, session=martin, tasks=gui_tasks)
    qtbot.addWidget(notice)
    notice.resize(900, 420)
    notice.show()
    assert notice.title() == "Accès aux données cliniques en attente d'approbation"
    assert "ne détient pas encore la clé clinique" in notice.text()
    assert notice.check_button.isVisible()
    _grab(notice, tmp_path, "clinical-access-notice")
    qtbot.mouseClick(notice.check_button, Qt.LeftButton)
    assert gui_tasks.wait_idle(10000)
    assert notice.state() is ClinicalAccess.AWAITING_APPROVAL
    assert "personne n'a encore approuvé" in notice.message_label.text()

    # Claire Dubois logs in: the prompt lists the accounts awaiting approval.
    dubois_again = team.login("cdubois")
    colleague = _window(qtbot, dubois_again, gui_tasks, team.folder)
    colleague_panel = _settled(qtbot, colleague, gui_tasks)
    dialog = colleague_panel.approval_dialog
    assert isinstance(dialog, ClinicalApprovalDialog) and dialog.isVisible()
    rows = {
        view.login: [dialog.model.display(view, c) for c in range(dialog.model.COLUMN_COUNT)]
        for view in dialog.model.rows()
    }
    assert rows == {
        "pmartin": ["Pierre Martin", "Praticien", f"RPPS {RPPS_MARTIN}", "Prêt à être approuvé"],
        "cpetit": [
            "Chloé Petit",
            "Conseiller en génétique",
            f"ADELI {ADELI_PETIT}",
            "Prêt à être approuvé",
        ],
    }
    assert "n'approuvez que des collègues dont vous avez vérifié l'identité" in (
        dialog.intro_label.text()
    )
    assert dialog.later_button.text() == "Plus tard"
    assert colleague_panel.approvals_row.isVisible()
    assert colleague_panel.approvals_row.text().endswith(": 2.")
    dialog.resize(780, 430)
    _grab(dialog, tmp_path, "clinical-approval-prompt")

    assert dialog.select_account(team.user_ids["pmartin"])
    with qtbot.waitSignal(dialog.sig_approved, timeout=10000) as approved:
        qtbot.mouseClick(dialog.approve_button, Qt.LeftButton)
    assert approved.args[0].login == "pmartin"
    assert gui_tasks.wait_idle(10000)
    assert dialog.message() == "Accès aux données cliniques approuvé pour Pierre Martin."
    assert [v.login for v in dialog.model.rows()] == ["cpetit"]  # read again
    qtbot.mouseClick(dialog.later_button, Qt.LeftButton)  # Chloé Petit: later
    assert gui_tasks.wait_idle(10000)
    assert colleague_panel.approvals_row.text().endswith(": 1.")

    # Pierre Martin's window sees the approval at its next status read.
    with qtbot.waitSignal(panel.sig_access_changed, timeout=10000) as changed:
        panel.refresh()
    assert changed.args == ["granted"]
    assert gui_tasks.wait_idle(10000)
    assert not panel.awaiting_row.isVisible()
    assert panel.message_row.text() == "Votre accès aux données cliniques a été approuvé."
    with qtbot.waitSignal(notice.sig_access_changed, timeout=10000) as noticed:
        qtbot.mouseClick(notice.check_button, Qt.LeftButton)
    assert noticed.args == ["granted"]
    assert gui_tasks.wait_idle(10000)
    view = martin.forms.get(patient_id, "history")  # he now reads clinical data
    assert view.content == PersonalHistory()
    assert {(e["user"], e["method"]) for e in _granted_events(team)} == {
        (team.user_ids["cdubois"], "recovery_code"),
        (team.user_ids["pmartin"], "colleague"),
    }


def test_the_first_practitioner_is_approved_with_the_recovery_code(
    qtbot, team, created_db, gui_tasks, tmp_path
):
    dubois = team.login("cdubois")
    window = _window(qtbot, dubois, gui_tasks, team.folder)
    panel = _settled(qtbot, window, gui_tasks)
    assert panel.status.recovery_code_needed and panel.status.may_approve
    assert "Personne ne détient encore la clé clinique" in panel.awaiting_row.text()
    assert panel.awaiting_code_button.isVisible()
    assert panel.approve_action.isEnabled()  # Sécurité > Approuver l'accès clinique…
    assert panel.approval_dialog is None  # offered in the banner, not forced at login

    qtbot.mouseClick(panel.awaiting_code_button, Qt.LeftButton)
    dialog = panel.approval_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.approve_button.text() == "Approuver avec le code de récupération…"
    assert dialog.select_account(team.user_ids["cdubois"])
    qtbot.mouseClick(dialog.approve_button, Qt.LeftButton)
    code_dialog = dialog.code_dialog
    assert code_dialog is not None and code_dialog.isVisible()
    assert "Aucun praticien ni conseiller en génétique ne détient encore la clé clinique" in (
        code_dialog.intro_label.text()
    )
    assert "Claire Dubois" in code_dialog.account_label.text()
    assert not code_dialog.ok_button.isEnabled()
    _grab(code_dialog, tmp_path, "clinical-recovery-code-dialog")

    # A wrong code: a French message, the dialog stays open, nothing changes.
    code_dialog.code_edit.setText("0000-0000-0000-0000-00000-00000")
    qtbot.mouseClick(code_dialog.ok_button, Qt.LeftButton)
    assert gui_tasks.wait_idle(10000)
    assert code_dialog.error() == "Code de récupération incorrect."
    assert code_dialog.isVisible() and code_dialog.approved is None
    assert dubois.clinical_key.access_state() is ClinicalAccess.AWAITING_APPROVAL
    assert dubois.clinical_key.recovery_code_needed()
    assert _granted_events(team) == []

    code_dialog.code_edit.setText(created_db.recovery_code)
    with qtbot.waitSignal(dialog.sig_approved, timeout=10000):
        qtbot.mouseClick(code_dialog.ok_button, Qt.LeftButton)
    assert gui_tasks.wait_idle(10000)
    assert dialog.message() == "Accès aux données cliniques approuvé pour Claire Dubois."
    # Now she holds the key: the others are approved by her, as a colleague.
    assert dialog.status.holder and not dialog.status.recovery_code_needed
    assert dialog.approve_button.text() == "Approuver l'accès"
    qtbot.mouseClick(dialog.later_button, Qt.LeftButton)
    assert gui_tasks.wait_idle(10000)
    assert panel.status.holder and not panel.awaiting_row.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)  # deleted on close
    panel.approve_action.trigger()  # Sécurité > Approuver l'accès clinique… : a new one
    again = panel.approval_dialog
    assert again is not dialog and again.isVisible()
    assert [v.login for v in again.model.rows()] == ["pmartin", "cpetit"]
    again.reject()
    patient_id = dubois.patients.create(_identity(1)).id
    saved = dubois.forms.save(patient_id, "history", _history(), expected_version=0)
    assert dubois.forms.get(patient_id, "history").content == saved.content
    assert _granted_events(team) == [{"user": team.user_ids["cdubois"], "method": "recovery_code"}]


# ------------------------------------------------------------------ rotation


def _clinical_team(team, dubois_session: UserSession, patients: int) -> list[int]:
    """Dubois approves Martin; she writes ``patients`` history forms."""
    dubois = team.login("cdubois")
    dubois.clinical_key.approve(team.user_ids["pmartin"])
    ids = []
    for index in range(patients):
        patient_id = dubois.patients.create(_identity(index)).id
        dubois.forms.save(patient_id, "history", _history(), expected_version=0)
        ids.append(patient_id)
    dubois.logout()
    return ids


def _demote_martin(team) -> None:
    admin = team.login(team.admin_login)
    view = admin.users.get_user(team.user_ids["pmartin"])
    admin.users.update_user(
        view.id,
        UserInput(
            login=view.login,
            first_name=view.first_name,
            last_name=view.last_name,
            role=Role.SECRETARY,
            rpps=view.rpps,
        ),
        expected_version=view.version,
    )
    admin.logout()


def test_removing_a_clinical_role_shows_the_rotation_banner_and_reencrypts_in_background(
    qtbot, team, dubois, gui_tasks, tmp_path
):
    patient_ids = _clinical_team(team, dubois, patients=6)
    session = team.login("cdubois")
    window = _window(qtbot, session, gui_tasks, team.folder)
    panel = window.clinical_key_panel
    panel.reencryption.batch_size = 2
    panel = _settled(qtbot, window, gui_tasks)
    assert panel.reencryption.batches == 1 and panel.reencryption.total == 0  # nothing stale
    assert not panel.rotation_row.isVisible() and not panel.reencryption_row.isVisible()
    assert panel.approvals_row.isVisible()  # Chloé Petit still awaits approval
    panel.approval_dialog.reject()  # "Later"

    _demote_martin(team)  # from the administrator's workstation
    _refresh(qtbot, panel, gui_tasks)  # the periodic read of the status
    assert panel.status.rotation_to_perform
    assert panel.rotation_row.isVisible()
    assert panel.rotation_row.text().startswith("La clé clinique doit être renouvelée")
    assert panel.rotate_action.isEnabled()
    _grab(window, tmp_path, "clinical-rotation-banner")

    # Renew: the rotation, then the re-encryption, batch by batch, off the UI thread.
    ticks = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(1))
    progress: list[tuple[int, int, int]] = []
    panel.reencryption.sig_progress.connect(
        lambda done, total: progress.append((done, total, len(ticks)))
    )
    shots = []
    panel.reencryption.sig_progress.connect(
        lambda done, total: shots.append(window.grab()) if done and done < total else None
    )
    timer.start()
    with qtbot.waitSignal(panel.reencryption.sig_finished, timeout=30000) as finished:
        qtbot.mouseClick(panel.rotate_button, Qt.LeftButton)
    timer.stop()
    total = finished.args[0]
    assert total >= 6  # at least one value per form
    assert len(progress) >= 3 and progress[-1][:2] == (total, total)
    assert [done for done, _, _ in progress] == sorted(done for done, _, _ in progress)
    assert all(step[1] == total for step in progress)
    # The event loop ran between the batches: the UI never waited for them.
    tick_counts = [count for _, _, count in progress]
    assert tick_counts == sorted(tick_counts) and tick_counts[-1] > tick_counts[0]
    assert shots, "the banner was shown with its progress"
    assert shots[0].save(str(tmp_path / "clinical-reencryption-progress.png"))

    assert gui_tasks.wait_idle(10000)
    assert not panel.rotation_row.isVisible() and not panel.reencryption_row.isVisible()
    assert panel.message_row.text() == (
        f"Données cliniques rechiffrées avec la nouvelle clé ({total} valeurs)."
    )
    assert not session.clinical_key.rotation_owed()
    again = session.clinical_key.rekey_clinical_data()
    assert (again.reencrypted, again.remaining) == (0, 0)
    for patient_id in patient_ids:
        assert session.forms.get(patient_id, "history").content == _history()


def test_the_reencryption_stops_at_logout_and_resumes_at_the_next_login(
    qtbot, team, dubois, gui_tasks
):
    _clinical_team(team, dubois, patients=5)
    _demote_martin(team)
    session = team.login("cdubois")  # this login performs the rotation owed
    assert not session.clinical_key.rotation_owed()
    window = _window(qtbot, session, gui_tasks, team.folder)
    job = window.clinical_key_panel.reencryption
    job.batch_size = 1
    with qtbot.waitSignal(job.sig_progress, timeout=10000) as first:
        pass  # the login resumes the re-encryption by itself
    done, total = first.args
    assert done == 1 and total > 2
    window.logout()  # mid-way: the batch underway commits, no other is scheduled
    assert not job.running
    assert job.done < total
    left_at_logout = total - job.done

    session = team.login("cdubois")
    window = _window(qtbot, session, gui_tasks, team.folder)
    job = window.clinical_key_panel.reencryption
    with qtbot.waitSignal(job.sig_finished, timeout=30000) as finished:
        pass
    assert finished.args[0] == left_at_logout
    assert session.clinical_key.rekey_clinical_data().remaining == 0


def test_a_session_ended_mid_way_stops_the_reencryption_cleanly(qtbot, team, dubois, gui_tasks):
    _clinical_team(team, dubois, patients=4)
    _demote_martin(team)
    session = team.login("cdubois")
    window = _window(qtbot, session, gui_tasks, team.folder)
    job = window.clinical_key_panel.reencryption
    job.batch_size = 1
    failures = []
    job.sig_failed.connect(failures.append)
    with qtbot.waitSignal(job.sig_progress, timeout=10000):
        pass
    admin = team.login(team.admin_login)
    admin.users.suspend(team.user_ids["cdubois"])  # from another workstation
    with qtbot.waitSignal(window.sig_session_ended, timeout=10000) as ended:
        pass
    assert "suspendu" in ended.args[0]
    assert gui_tasks.wait_idle(10000)
    assert not job.running and failures == []
    assert session.closed
    admin.users.reactivate(team.user_ids["cdubois"])
    assert admin.users.get_user(team.user_ids["cdubois"]).status == AccountStatus.ACTIVE


def test_the_reencryption_waits_while_the_screen_is_locked(qtbot, team, dubois, gui_tasks):
    _clinical_team(team, dubois, patients=4)
    _demote_martin(team)
    session = team.login("cdubois")
    window = _window(qtbot, session, gui_tasks, team.folder)
    job = window.clinical_key_panel.reencryption
    job.batch_size = 1
    job.locked_retry_ms = 20
    with qtbot.waitSignal(job.sig_progress, timeout=10000):
        pass
    window.lock()
    assert gui_tasks.wait_idle(10000)
    qtbot.wait(100)  # several retries: none may run while locked
    paused_at = job.done
    assert session.locked and job.running and paused_at < job.total
    with qtbot.waitSignal(job.sig_finished, timeout=30000):
        window.lock_screen.password_edit.setText(team.passwords["cdubois"])
        qtbot.mouseClick(window.lock_screen.unlock_button, Qt.LeftButton)
    assert not window.locked and job.done == job.total
    assert session.clinical_key.rekey_clinical_data().remaining == 0


def test_the_login_prompt_waits_for_the_login_notices(qtbot, team, dubois, gui_tasks):
    team.login("pmartin").logout()
    session = team.login("cdubois")
    window = _window(qtbot, session, gui_tasks, team.folder)
    notice = QMessageBox(window)  # e.g. the warning of an older copy of the database
    notice.setText("Avertissement")
    notice.open()
    panel = _settled(qtbot, window, gui_tasks)
    assert panel.status.approvable and panel.approval_dialog is None
    notice.done(0)
    qtbot.waitUntil(lambda: panel.approval_dialog is not None, timeout=5000)
    assert panel.approval_dialog.isVisible()
    panel.approval_dialog.reject()


# ------------------------------------------------------------------ new recovery sheet


def test_a_holder_endorses_a_new_recovery_sheet(qtbot, team, dubois, gui_tasks):
    admin = team.login(team.admin_login)
    admin.security.issue_recovery_sheet()
    admin.logout()
    session = team.login("cdubois")
    window = _window(qtbot, session, gui_tasks, team.folder)
    panel = _settled(qtbot, window, gui_tasks)
    assert panel.status.endorsement_wanted
    assert panel.endorse_row.isVisible() and panel.endorse_action.isEnabled()
    assert "Une nouvelle fiche de récupération a été émise" in panel.endorse_row.text()
    assert not session.clinical_key.recovery_endorsed()  # nothing done by itself

    qtbot.mouseClick(panel.endorse_button, Qt.LeftButton)
    box = panel.endorse_box
    assert box is not None and box.isVisible()
    assert "faites confiance à l'administrateur" in box.informativeText()
    qtbot.mouseClick(box.findChild(QPushButton, "confirm_button"), Qt.LeftButton)
    assert gui_tasks.wait_idle(10000)
    qtbot.waitUntil(lambda: not panel.endorse_row.isVisible(), timeout=10000)
    assert session.clinical_key.recovery_endorsed()
    assert "ouvre désormais les données cliniques" in panel.message_row.text()
    assert not panel.endorse_action.isEnabled()


# ------------------------------------------------------------------ refusals


def test_a_substituted_key_is_shown_in_red_and_the_clinical_tab_refuses_it(
    qtbot, team, dubois, gui_tasks, tmp_path
):
    """A key of someone's own written into the key file (a clinical section, boxes
    sealed with public keys): the holder's window says so, and uses no key."""
    path = team.folder / "oiso.keystore"
    data = json.loads(path.read_text("utf-8"))
    mine = new_clinical_key()
    generation = clinical_key_id(mine)
    data["clinical"] = {
        "clinical_key_id": generation,
        "retiring_clinical_key_ids": [],
        "endorsements": 1,
        "rotation_owed": [],
        "chain": chain_records(data["database_uuid"], [mine]),
    }
    for slot in [*data["slots"], data["recovery"]]:
        slot.pop("ck", None)
        slot.pop("ck_pin", None)
    path.write_text(json.dumps(data), "utf-8")
    Keystore.load(path).grant_clinical_key(
        team.user_ids["cdubois"], ClinicalKeys(generation, {generation: mine})
    )
    session = team.login("cdubois")
    assert session.clinical_key_alert is not None
    window = _window(qtbot, session, gui_tasks, team.folder)
    panel = window.clinical_key_panel
    qtbot.waitUntil(lambda: panel.refusal_row.isVisible(), timeout=10000)
    assert gui_tasks.wait_idle(10000)
    assert panel.refusal_row.kind == "error"
    assert "ne se rattache à aucune clé de confiance" in panel.refusal_row.text()
    assert "prévenez l'administrateur" in panel.refusal_row.text()
    _grab(window, tmp_path, "ck-substituted")
    with pytest.raises(StorageError) as refused:
        session.forms.get(_create_patient(session), FormKind.HISTORY)
    assert refused.value.code == "clinical_key_forged"


def _strip_endorsements(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    del data["clinical"]["endorsements"]
    for slot in [*data["slots"], data["recovery"]]:
        for box in slot.get("ck", {}).values():
            box.pop("endorsement", None)
    path.write_text(json.dumps(data), "utf-8")


def test_a_replayed_migration_is_shown_in_red_once_refused(
    qtbot, team, dubois, gui_tasks, tmp_path
):
    path = team.folder / "oiso.keystore"
    _strip_endorsements(path)
    team.login("cdubois").logout()  # the migration, once (trust on first use)
    _strip_endorsements(path)
    session = team.login("cdubois")
    assert session.clinical_key_alert is not None
    window = _window(qtbot, session, gui_tasks, team.folder)
    panel = _settled(qtbot, window, gui_tasks)
    assert panel.status.holder  # the key itself is fine: only the replay was refused
    assert panel.refusal_row.isVisible() and panel.refusal_row.kind == "error"
    assert "marques de confiance de la clé clinique manquent" in panel.refusal_row.text()
    _grab(window, tmp_path, "ck-migration-replayed")


def _create_patient(session: UserSession) -> int:
    return session.patients.create(_identity(0)).id


# ------------------------------------------------------------------ roles


@pytest.mark.parametrize("login", ["admin", "secretary"])
def test_roles_that_never_hold_the_key_see_nothing_of_it(qtbot, gui_db, gui_tasks, login):
    if login == "secretary":
        gui_db.add_user("secretary", Role.SECRETARY, first_name="Sophie", last_name="Leroy")
    else:
        login = gui_db.admin_login
    session = gui_db.login(login)
    window = _window(qtbot, session, gui_tasks, gui_db.folder)
    assert gui_tasks.wait_idle(10000)
    qtbot.wait(10)
    panel = window.clinical_key_panel
    assert panel.status is None and not panel.isVisible()
    assert panel.menu is None
    assert "&Sécurité" not in [a.text() for a in window.menuBar().actions()]
    notice = ClinicalAccessNotice(session.clinical_access)
    qtbot.addWidget(notice)
    assert notice.state() is ClinicalAccess.NOT_APPLICABLE
    assert notice.text().endswith("Votre rôle n'y donne pas accès.")
    assert not notice.check_button.isVisible()


def _view(**changes: object) -> UserView:
    values: dict[str, object] = dict(
        id=7,
        login="pmartin",
        first_name="Pierre",
        last_name="Martin",
        display_name="Pierre Martin",
        role=Role.PRACTITIONER,
        status=AccountStatus.ACTIVE,
        email="",
        phone="",
        profession="",
        specialty="",
        rpps=RPPS_MARTIN,
        adeli="",
        structure_id=None,
        structure_name="",
        must_change_password=False,
        last_login_at=None,
        created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        assisted_practitioner_ids=(),
        version=1,
    )
    values.update(changes)
    return UserView(**values)  # type: ignore[arg-type]


def test_the_awaiting_account_model_without_widgets(qapp):
    model = AwaitingAccountTableModel()
    model.set_rows([_view(), _view(id=8, rpps="", adeli="", must_change_password=True)])
    assert [model.header_label(c) for c in range(model.COLUMN_COUNT)] == [
        "Nom",
        "Rôle",
        "RPPS / ADELI",
        "État",
    ]
    assert model.display(model.row_at(0), model.COL_IDENTIFIER) == f"RPPS {RPPS_MARTIN}"
    pending = model.row_at(1)
    assert model.display(pending, model.COL_IDENTIFIER) == "Non renseigné"
    assert model.display(pending, model.COL_STATE) == "Mot de passe provisoire pas encore remplacé"
    tip = model.index(1, model.COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Le compte pourra être approuvé")
