"""Table model over event-log records (``services.dto.EventView``). No widget code."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.gui.user_table_model import format_local_datetime
from oiso_desktop.services.dto import EventView

__all__ = ["ACTION_LABELS", "EventTableModel", "action_label", "object_label"]

CONTEXT = "EventTableModel"

# every action code of docs/ARCHITECTURE.md, with its label
ACTION_LABELS: dict[str, str] = {
    "login": QT_TRANSLATE_NOOP("EventTableModel", "Login"),
    "login_failed": QT_TRANSLATE_NOOP("EventTableModel", "Failed login"),
    "logout": QT_TRANSLATE_NOOP("EventTableModel", "Logout"),
    "lock": QT_TRANSLATE_NOOP("EventTableModel", "Session locked"),
    "unlock": QT_TRANSLATE_NOOP("EventTableModel", "Session unlocked"),
    "password_changed": QT_TRANSLATE_NOOP("EventTableModel", "Password changed"),
    "computer_binding_changed": QT_TRANSLATE_NOOP(
        "EventTableModel", "Account binding to the computer changed"
    ),
    "recovery_used": QT_TRANSLATE_NOOP("EventTableModel", "Recovery code used"),
    "recovery_refused": QT_TRANSLATE_NOOP(
        "EventTableModel", "Recovery code refused for this account"
    ),
    "database_created": QT_TRANSLATE_NOOP("EventTableModel", "Database created"),
    "database_rekeyed": QT_TRANSLATE_NOOP("EventTableModel", "Database re-keyed"),
    "recovery_sheet_issued": QT_TRANSLATE_NOOP("EventTableModel", "New recovery sheet issued"),
    "database_rollback_suspected": QT_TRANSLATE_NOOP(
        "EventTableModel", "Older copy of the database suspected"
    ),
    "setting_changed": QT_TRANSLATE_NOOP("EventTableModel", "Setting changed"),
    "user_created": QT_TRANSLATE_NOOP("EventTableModel", "Account created"),
    "user_updated": QT_TRANSLATE_NOOP("EventTableModel", "Account modified"),
    "user_suspended": QT_TRANSLATE_NOOP("EventTableModel", "Account suspended"),
    "user_reactivated": QT_TRANSLATE_NOOP("EventTableModel", "Account reactivated"),
    "user_revoked": QT_TRANSLATE_NOOP("EventTableModel", "Account revoked"),
    "password_reset": QT_TRANSLATE_NOOP("EventTableModel", "Password reset"),
    "structure_saved": QT_TRANSLATE_NOOP("EventTableModel", "Structure saved"),
    "patient_created": QT_TRANSLATE_NOOP("EventTableModel", "Patient file created"),
    "patient_updated": QT_TRANSLATE_NOOP("EventTableModel", "Patient file modified"),
    "patient_viewed": QT_TRANSLATE_NOOP("EventTableModel", "Patient file viewed"),
    "patient_searched": QT_TRANSLATE_NOOP("EventTableModel", "Patient search"),
    "events_exported": QT_TRANSLATE_NOOP("EventTableModel", "Event log exported"),
    "events_verified": QT_TRANSLATE_NOOP("EventTableModel", "Event log verified"),
    "clinical_access_granted": QT_TRANSLATE_NOOP(
        "EventTableModel", "Access to clinical data approved"
    ),
    "clinical_key_rotated": QT_TRANSLATE_NOOP("EventTableModel", "Clinical key changed"),
    "clinical_key_rotation_owed": QT_TRANSLATE_NOOP(
        "EventTableModel", "Clinical key change awaiting a holder"
    ),
    "clinical_key_refused": QT_TRANSLATE_NOOP(
        "EventTableModel", "Clinical key refused to an unendorsed key slot"
    ),
    "clinical_recovery_endorsed": QT_TRANSLATE_NOOP(
        "EventTableModel", "Recovery code given the clinical key"
    ),
    "clinical_key_endorsements_migrated": QT_TRANSLATE_NOOP(
        "EventTableModel", "Clinical key holders endorsed (first use)"
    ),
    "clinical_key_created": QT_TRANSLATE_NOOP("EventTableModel", "Clinical key created"),
    "clinical_key_chain_migrated": QT_TRANSLATE_NOOP(
        "EventTableModel", "Clinical key chain started (first use)"
    ),
    "clinical_key_substitution_refused": QT_TRANSLATE_NOOP(
        "EventTableModel", "Substituted clinical key refused"
    ),
    "clinical_key_migration_refused": QT_TRANSLATE_NOOP(
        "EventTableModel", "Replayed clinical key migration refused"
    ),
    "clinical_data_rekeyed": QT_TRANSLATE_NOOP("EventTableModel", "Clinical data re-encrypted"),
    "clinical_form_viewed": QT_TRANSLATE_NOOP("EventTableModel", "Clinical form viewed"),
    "clinical_form_created": QT_TRANSLATE_NOOP("EventTableModel", "Clinical form created"),
    "clinical_form_updated": QT_TRANSLATE_NOOP("EventTableModel", "Clinical form modified"),
    "clinical_form_exported": QT_TRANSLATE_NOOP(
        "EventTableModel", "Clinical form exported to a file"
    ),
    "document_added": QT_TRANSLATE_NOOP("EventTableModel", "Document attached"),
    "document_viewed": QT_TRANSLATE_NOOP("EventTableModel", "Document viewed"),
    "document_updated": QT_TRANSLATE_NOOP("EventTableModel", "Document details modified"),
    "document_deleted": QT_TRANSLATE_NOOP("EventTableModel", "Document deleted"),
    "document_exported": QT_TRANSLATE_NOOP("EventTableModel", "Copy of a document saved"),
    "relatives_letter_created": QT_TRANSLATE_NOOP(
        "EventTableModel", "Letter to relatives produced"
    ),
    "patient_summary_created": QT_TRANSLATE_NOOP("EventTableModel", "Patient summary produced"),
    "patient_summary_exported": QT_TRANSLATE_NOOP(
        "EventTableModel", "Copy of the patient summary saved"
    ),
    "patient_summary_printed": QT_TRANSLATE_NOOP("EventTableModel", "Patient summary printed"),
    "patient_restricted": QT_TRANSLATE_NOOP("EventTableModel", "Patient file restricted"),
    "patient_unrestricted": QT_TRANSLATE_NOOP(
        "EventTableModel", "Restriction of a patient file lifted"
    ),
    "patient_erased": QT_TRANSLATE_NOOP("EventTableModel", "Patient file erased"),
    "patient_exported": QT_TRANSLATE_NOOP("EventTableModel", "Patient file exported (FHIR)"),
    "patient_imported": QT_TRANSLATE_NOOP("EventTableModel", "Patient file imported (FHIR)"),
    "appointment_created": QT_TRANSLATE_NOOP("EventTableModel", "Appointment booked"),
    "appointment_changed": QT_TRANSLATE_NOOP("EventTableModel", "Appointment changed"),
    "appointment_cancelled": QT_TRANSLATE_NOOP("EventTableModel", "Appointment cancelled"),
    "appointments_exported": QT_TRANSLATE_NOOP(
        "EventTableModel", "Appointments exported (calendar)"
    ),
    "letters_printed": QT_TRANSLATE_NOOP("EventTableModel", "Follow-up letters produced"),
    "letters_exported": QT_TRANSLATE_NOOP("EventTableModel", "Follow-up letters saved"),
    "protocol_changed": QT_TRANSLATE_NOOP("EventTableModel", "Surveillance protocol changed"),
    "followup_choice_changed": QT_TRANSLATE_NOOP(
        "EventTableModel", "Follow-up recommendations chosen"
    ),
    "plan_adjusted": QT_TRANSLATE_NOOP("EventTableModel", "Follow-up plan adjusted"),
    "exam_done": QT_TRANSLATE_NOOP("EventTableModel", "Exam marked done"),
    "share_granted": QT_TRANSLATE_NOOP("EventTableModel", "File shared"),
    "share_changed": QT_TRANSLATE_NOOP("EventTableModel", "Sharing level changed"),
    "share_revoked": QT_TRANSLATE_NOOP("EventTableModel", "Sharing revoked"),
    "patient_transferred": QT_TRANSLATE_NOOP("EventTableModel", "File transferred"),
    "assistance_changed": QT_TRANSLATE_NOOP("EventTableModel", "Assisting secretaries changed"),
    "break_glass": QT_TRANSLATE_NOOP("EventTableModel", "Emergency access (break-the-glass)"),
    "break_glass_reviewed": QT_TRANSLATE_NOOP("EventTableModel", "Emergency access reviewed"),
    "events_purged": QT_TRANSLATE_NOOP("EventTableModel", "Old events purged"),
    "maintenance_started": QT_TRANSLATE_NOOP("EventTableModel", "Maintenance started"),
    "maintenance_finished": QT_TRANSLATE_NOOP("EventTableModel", "Maintenance finished"),
    "maintenance_slot_created": QT_TRANSLATE_NOOP(
        "EventTableModel", "Unattended maintenance set up"
    ),
    "maintenance_slot_removed": QT_TRANSLATE_NOOP(
        "EventTableModel", "Unattended maintenance removed"
    ),
    "inactivity_warned": QT_TRANSLATE_NOOP("EventTableModel", "Inactive account warned"),
    "inactivity_warning_cleared": QT_TRANSLATE_NOOP(
        "EventTableModel", "Inactivity warning cancelled (signed in again)"
    ),
    "smtp_settings_changed": QT_TRANSLATE_NOOP("EventTableModel", "Email settings changed"),
    "mail_test_sent": QT_TRANSLATE_NOOP("EventTableModel", "Test email sent"),
    "patient_archived": QT_TRANSLATE_NOOP(
        "EventTableModel", "File archived (departed user, kept year over)"
    ),
    "patient_restored": QT_TRANSLATE_NOOP("EventTableModel", "Archived file active again"),
    "patient_deleted": QT_TRANSLATE_NOOP("EventTableModel", "File deleted for good"),
    "user_deleted": QT_TRANSLATE_NOOP("EventTableModel", "Account deleted on request"),
    "access_alert_reviewed": QT_TRANSLATE_NOOP("EventTableModel", "Access alert reviewed"),
    "access_alert_user_informed": QT_TRANSLATE_NOOP(
        "EventTableModel", "User informed of an access alert"
    ),
    "break_glass_lookup": QT_TRANSLATE_NOOP(
        "EventTableModel", "Emergency access: identity looked up"
    ),
}

OBJECT_TYPE_LABELS: dict[str, str] = {
    "patient": QT_TRANSLATE_NOOP("EventTableModel", "Patient"),
    "user": QT_TRANSLATE_NOOP("EventTableModel", "Account"),
    "structure": QT_TRANSLATE_NOOP("EventTableModel", "Structure"),
    "database": QT_TRANSLATE_NOOP("EventTableModel", "Database"),
    "events": QT_TRANSLATE_NOOP("EventTableModel", "Event log"),
    "setting": QT_TRANSLATE_NOOP("EventTableModel", "Setting"),
    "break_glass": QT_TRANSLATE_NOOP("EventTableModel", "Emergency access"),
}

# actions shown in a warning colour
ALERT_ACTIONS = frozenset(
    {
        "login_failed",
        "recovery_used",
        "recovery_refused",
        "user_revoked",
        "database_rekeyed",
        "database_rollback_suspected",
        "clinical_key_substitution_refused",
        "clinical_key_migration_refused",
        "break_glass",
    }
)
_ALERT_COLOUR = "#b3261e"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_label(code: str) -> str:
    source = ACTION_LABELS.get(code)
    return _tr(source) if source else code


def object_label(object_type: str | None, object_id: int | None) -> str:
    """'Patient n° 12'; the type alone without an id; '' without a type."""
    if not object_type:
        return (
            ""
            if object_id is None
            else QCoreApplication.translate("EventTableModel", "No. {id}").format(id=object_id)
        )
    source = OBJECT_TYPE_LABELS.get(object_type)
    name = _tr(source) if source else object_type
    if object_id is None:
        return name
    return QCoreApplication.translate("EventTableModel", "{type} no. {id}").format(
        type=name, id=object_id
    )


class EventTableModel(RowTableModel[EventView]):
    """One row per event, newest first as given by the service."""

    CONTEXT = CONTEXT
    COL_WHEN = 0
    COL_USER = 1
    COL_ACTION = 2
    COL_OBJECT = 3
    COL_WORKSTATION = 4
    COL_VERSION = 5
    HEADERS = (
        QT_TRANSLATE_NOOP("EventTableModel", "Date / time"),
        QT_TRANSLATE_NOOP("EventTableModel", "User"),
        QT_TRANSLATE_NOOP("EventTableModel", "Action"),
        QT_TRANSLATE_NOOP("EventTableModel", "Object"),
        QT_TRANSLATE_NOOP("EventTableModel", "Workstation"),
        QT_TRANSLATE_NOOP("EventTableModel", "Version"),
    )

    EVENT_ID_ROLE = RowTableModel.ID_ROLE
    EVENT_ROLE = RowTableModel.ROW_ROLE

    def display(self, item: EventView, column: int) -> str | None:
        if column == self.COL_WHEN:
            return format_local_datetime(item.occurred_at, seconds=True)
        if column == self.COL_USER:
            return item.login or ""
        if column == self.COL_ACTION:
            return action_label(item.action)
        if column == self.COL_OBJECT:
            return object_label(item.object_type, item.object_id)
        if column == self.COL_WORKSTATION:
            return item.workstation or ""
        if column == self.COL_VERSION:
            return item.app_version or ""
        return None

    def role_data(self, item: EventView, column: int, role: int) -> Any:
        if column != self.COL_ACTION:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.action
        if role == Qt.ItemDataRole.ForegroundRole and item.action in ALERT_ACTIONS:
            return QColor(_ALERT_COLOUR)
        return None
