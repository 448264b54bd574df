"""Patient rights in the file window (owner only): restrict, lift, export, erase.

:class:`PatientRightsActions` holds the four actions of the file window's "Patient
rights" menu and runs each on the :class:`~oiso_desktop.gui.tasks.TaskRunner`:

* "Restrict the file…" / "Lift the restriction…" ask a reason (:class:`ReasonDialog`),
  then ``session.rights.restrict`` / ``lift_restriction``; ``sig_restriction_changed``;
* "Export (FHIR + PDF)…" asks a folder, then ``session.portability.export_to_folder``;
  ``sig_exported(str)`` (the bundle's path);
* "Erase the file…" asks the patient's birth name typed again (:class:`ErasureDialog`),
  then ``session.rights.erase``; ``sig_erased(int)``.

:class:`FhirImport` is the patient list's "Import a file (FHIR)…".

:func:`restriction_text` is the banner of a restricted file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.text import fold
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.patient_table_model import format_date
from oiso_desktop.gui.widgets.dialog_parts import error_label, ok_cancel_buttons
from oiso_desktop.services.patient_rights_service import RESTRICTION_REASON_MIN, RestrictionView

if TYPE_CHECKING:
    from oiso_desktop.gui.tasks import TaskRunner
    from oiso_desktop.services.auth_service import UserSession

__all__ = [
    "ErasureDialog",
    "FhirImport",
    "PatientRightsActions",
    "ReasonDialog",
    "restriction_text",
]


def restriction_text(view: RestrictionView) -> str:
    """The banner of a restricted file: since when, why, read only."""
    day = format_date(view.restricted_at.astimezone().date()) if view.restricted_at else "—"
    return QCoreApplication.translate(
        "PatientRights",
        "Restricted at the patient's request since {date}: the file is read only for "
        "everyone until the practitioner in charge lifts the restriction. Reason: {reason}",
    ).format(date=day, reason=view.reason)


class ReasonDialog(QDialog):
    """A reason typed for a restriction or its lifting (OK once it is long enough)."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(intro)
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setPlaceholderText(self.tr("Reason (kept in the file, never in the log)"))
        self.reason_edit.setFixedHeight(90)
        self.reason_edit.textChanged.connect(self._update)
        layout.addWidget(self.reason_edit)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        style.set_role(self.count_label, "hint")
        layout.addWidget(self.count_label)
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons("ok_button", ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def reason(self) -> str:
        return " ".join(self.reason_edit.toPlainText().split())

    def _update(self) -> None:
        length = len(self.reason())
        self.count_label.setText(
            self.tr("{count} characters (at least {minimum})").format(
                count=length, minimum=RESTRICTION_REASON_MIN
            )
        )
        self.ok_button.setEnabled(length >= RESTRICTION_REASON_MIN)


class ErasureDialog(QDialog):
    """The strong confirmation of an erasure: the birth name typed again."""

    def __init__(self, birth_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erasure_dialog")
        self.setWindowTitle(self.tr("Erase the patient file"))
        self.setMinimumWidth(560)
        self._birth_name = birth_name
        layout = QVBoxLayout(self)
        warning = QLabel(
            self.tr(
                "The file will be erased for good, at the patient's request: identity, "
                "history, family, genetics, every version, documents, follow-up plan, "
                "appointments and shares. Only a record that a file was erased stays in the "
                "event log, without any name. This cannot be undone."
            )
        )
        warning.setObjectName("warning_label")
        warning.setWordWrap(True)
        style.set_role(warning, "error")
        layout.addWidget(warning)
        prompt = QLabel(
            self.tr("To confirm, type the patient's birth name: {name}").format(name=birth_name)
        )
        prompt.setObjectName("prompt_label")
        prompt.setWordWrap(True)
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(prompt)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name_edit")
        self.name_edit.textChanged.connect(self._update)
        layout.addWidget(self.name_edit)
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            "erase_button", self.tr("Erase for good")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.cancel_button.setDefault(True)
        layout.addWidget(buttons)
        self._update()

    def typed_name(self) -> str:
        return self.name_edit.text().strip()

    def _update(self) -> None:
        typed = self.typed_name()
        self.ok_button.setEnabled(bool(typed) and fold(typed) == fold(self._birth_name))


class PatientRightsActions(QObject):
    """The owner's patient-rights actions of one file window (see the module)."""

    sig_restriction_changed = Signal(object)  # RestrictionView
    sig_exported = Signal(str)  # the bundle's path
    sig_erased = Signal(int)
    sig_failed = Signal(str)  # the French (translated) text of a failure
    sig_busy = Signal(str)  # what runs ("" when done)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        birth_name: str,
        parent: QWidget,
        *,
        can_change: object = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self._birth_name = birth_name
        self._parent = parent
        #: a callable returning a refusal text ("" when the window may change state)
        self._can_change = can_change
        self.restriction: RestrictionView | None = None
        self.dialog: QDialog | None = None
        self.folder_dialog: QFileDialog | None = None
        self.menu = QMenu(parent)
        self.menu.setObjectName("rights_menu")
        self.restrict_action = QAction(self.tr("Restrict the file…"), self)
        self.restrict_action.setObjectName("restrict_action")
        self.restrict_action.triggered.connect(self.open_restrict)
        self.lift_action = QAction(self.tr("Lift the restriction…"), self)
        self.lift_action.setObjectName("lift_action")
        self.lift_action.triggered.connect(self.open_lift)
        self.export_action = QAction(self.tr("Export (FHIR + PDF)…"), self)
        self.export_action.setObjectName("export_action")
        self.export_action.triggered.connect(self.open_export)
        self.erase_action = QAction(self.tr("Erase the file…"), self)
        self.erase_action.setObjectName("erase_action")
        self.erase_action.triggered.connect(self.open_erase)
        self.menu.addAction(self.restrict_action)
        self.menu.addAction(self.lift_action)
        self.menu.addSeparator()
        self.menu.addAction(self.export_action)
        self.menu.addSeparator()
        self.menu.addAction(self.erase_action)
        self.set_restriction(None)

    def set_restriction(self, view: RestrictionView | None) -> None:
        self.restriction = view
        restricted = view is not None and view.restricted
        self.restrict_action.setVisible(not restricted)
        self.lift_action.setVisible(restricted)

    def _refusal(self) -> str:
        if callable(self._can_change):
            return str(self._can_change())
        return ""

    def _fail(self, exc: BaseException) -> None:
        self.sig_busy.emit("")
        self.sig_failed.emit(error_text(exc))

    # ------------------------------------------------------------------ restriction

    def open_restrict(self) -> ReasonDialog | None:
        refusal = self._refusal()
        if refusal:
            self.sig_failed.emit(refusal)
            return None
        dialog = ReasonDialog(
            self.tr("Restrict the patient file"),
            self.tr(
                "At the patient's request, the file is frozen read only for everyone: "
                "identity, clinical forms, documents, plan and appointments can no longer "
                "be changed until you lift the restriction. It can still be read, shared "
                "read only, exported and erased."
            ),
            self.tr("Restrict"),
            self._parent,
        )
        dialog.accepted.connect(lambda: self.restrict(dialog.reason()))
        return self._open(dialog)

    def open_lift(self) -> ReasonDialog | None:
        dialog = ReasonDialog(
            self.tr("Lift the restriction"),
            self.tr("The file can be changed again by those who may. Say why."),
            self.tr("Lift the restriction"),
            self._parent,
        )
        dialog.accepted.connect(lambda: self.lift(dialog.reason()))
        return self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def restrict(self, reason: str) -> None:
        self.sig_busy.emit(self.tr("Restricting the file…"))
        self._tasks.run(
            self._session.rights.restrict,
            self._patient_id,
            reason,
            on_success=self._on_changed,
            on_failure=self._fail,
            owner=self,
        )

    def lift(self, reason: str) -> None:
        self.sig_busy.emit(self.tr("Lifting the restriction…"))
        self._tasks.run(
            self._session.rights.lift_restriction,
            self._patient_id,
            reason,
            on_success=self._on_changed,
            on_failure=self._fail,
            owner=self,
        )

    def _on_changed(self, view: RestrictionView) -> None:
        self.sig_busy.emit("")
        self.set_restriction(view)
        self.sig_restriction_changed.emit(view)

    # ------------------------------------------------------------------ export

    def open_export(self) -> QFileDialog:
        dialog = QFileDialog(self._parent, self.tr("Folder for the export (FHIR + PDF)"))
        dialog.setObjectName("export_folder_dialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(str(Path.home()))
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.folder_dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, folder: Path) -> None:
        self.sig_busy.emit(self.tr("Exporting the file…"))
        self._tasks.run(
            self._session.portability.export_to_folder,
            self._patient_id,
            folder,
            on_success=lambda paths: self._on_exported(paths[0]),
            on_failure=self._fail,
            label=self.tr("Exporting the file (FHIR + PDF)…"),
            owner=self,
        )

    def _on_exported(self, path: Path) -> None:
        self.sig_busy.emit("")
        self.sig_exported.emit(str(path))

    # ------------------------------------------------------------------ erasure

    def open_erase(self) -> ErasureDialog:
        dialog = ErasureDialog(self._birth_name, self._parent)
        dialog.accepted.connect(lambda: self.erase(dialog.typed_name()))
        self._open(dialog)
        return dialog

    def erase(self, typed_name: str) -> None:
        self.sig_busy.emit(self.tr("Erasing the file…"))
        self._tasks.run(
            self._session.rights.erase,
            self._patient_id,
            typed_name,
            on_success=lambda _none: self._on_erased(),
            on_failure=self._fail,
            label=self.tr("Erasing the file…"),
            owner=self,
        )

    def _on_erased(self) -> None:
        self.sig_busy.emit("")
        self.sig_erased.emit(self._patient_id)


def read_bundle_file(path: Path) -> bytes:
    """The content of a bundle file (off the UI thread); at most 50 MiB."""
    with open(path, "rb") as handle:
        return handle.read(50 * 1024 * 1024 + 1)


class FhirImport(QObject):
    """ "Import a file (FHIR)…" of the patient list: choose a bundle, import it as a new
    file of the user's (``session.portability.import_bundle``), off the UI thread."""

    sig_imported = Signal(int)  # the new file's id
    sig_failed = Signal(str)  # the French (translated) text, with every problem

    def __init__(self, session: UserSession, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._parent = parent
        self.file_dialog: QFileDialog | None = None

    def choose(self) -> QFileDialog:
        dialog = QFileDialog(self._parent, self.tr("Import a patient file (FHIR R4 bundle)"))
        dialog.setObjectName("import_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("FHIR bundles (*.json)"))
        dialog.setDirectory(str(Path.home()))
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def import_file(self, path: Path) -> None:
        self._tasks.run(
            read_bundle_file,
            path,
            on_success=self.import_bytes,
            on_failure=lambda exc: self.sig_failed.emit(
                self.tr("The file could not be read.")
                if isinstance(exc, OSError)
                else error_text(exc)
            ),
            owner=self,
        )

    def import_bytes(self, data: bytes) -> None:
        self._tasks.run(
            self._session.portability.import_bundle,
            data,
            on_success=self.sig_imported.emit,
            on_failure=lambda exc: self.sig_failed.emit(error_text(exc)),
            label=self.tr("Importing the patient file…"),
            owner=self,
        )
