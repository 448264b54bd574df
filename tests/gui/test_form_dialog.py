"""FormDialog, the field-message plumbing shared by the patient and user dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout  # noqa: E402

from oiso_desktop.gui.patient_dialog import PatientDialog  # noqa: E402
from oiso_desktop.gui.user_dialog import UserDialog  # noqa: E402
from oiso_desktop.gui.widgets.form_dialog import FormDialog  # noqa: E402


class _NameForm(FormDialog):
    """Two required fields; a hint may be shown under a field without error."""

    def __init__(self, *, show_all: bool = False) -> None:
        super().__init__(show_all=show_all)
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(["", "A", "B"])
        self.labels = {"name": QLabel(), "kind": QLabel()}
        self.banner = QLabel()
        layout = QVBoxLayout(self)
        for widget in (self.banner, self.name_edit, self.kind_combo, *self.labels.values()):
            layout.addWidget(widget)
        self.hints: dict[str, str] = {}
        self.revalidations = 0
        self.set_fields({"name": self.name_edit, "kind": self.kind_combo}, self.labels, self.banner)
        self._revalidate()

    def _revalidate(self, *_args: object) -> None:
        self.revalidations += 1
        self._errors = {}
        if not self.name_edit.text().strip():
            self._errors["name"] = "Le nom est obligatoire."
        if not self.kind_combo.currentText():
            self._errors["kind"] = "Choisissez le type."
        self.show_field_errors(self.hints)


def test_errors_show_only_under_touched_fields(qtbot):
    form = _NameForm()
    qtbot.addWidget(form)
    form.show()
    assert set(form.errors()) == {"name", "kind"}
    assert form.field_message("name") == "" and form.field_message("kind") == ""
    qtbot.keyClicks(form.name_edit, "x")
    qtbot.keyClick(form.name_edit, "\b")  # typed then erased: touched and empty
    assert form.field_message("name") == "Le nom est obligatoire."
    assert form.name_edit.property("invalid") is True
    assert form.field_message("kind") == ""  # not reached yet
    qtbot.keyClicks(form.name_edit, "Dubois")
    assert form.field_message("name") == ""
    assert not form.name_edit.property("invalid")
    before = form.revalidations
    form.kind_combo.setCurrentIndex(1)  # a combo box change revalidates too
    assert form.revalidations > before
    assert form.errors() == {}


def test_show_all_hints_service_errors_and_banner(qtbot):
    form = _NameForm(show_all=True)
    qtbot.addWidget(form)
    form.show()
    assert form.field_message("kind") == "Choisissez le type."
    form.kind_combo.setCurrentIndex(2)
    form.hints = {"kind": "Enregistré par l'autre utilisateur : A"}
    form._revalidate()
    assert form.field_message("kind") == "Enregistré par l'autre utilisateur : A"
    assert form.labels["kind"].property("role") == "hint"

    form.name_edit.setText("Dubois")
    form.show_field_error("name", "Ce nom est refusé par le service.")
    assert form.field_message("name") == "Ce nom est refusé par le service."
    assert form.name_edit.property("invalid") is True
    assert form.focusWidget() is form.name_edit
    form.show_field_error("name", "À confirmer.", "warning")
    assert form.labels["name"].property("role") == "warning"
    assert not form.name_edit.property("invalid")

    assert form.banner_text() == ""
    form._show_banner("Modifié ailleurs.", "warning")
    assert form.banner_text() == "Modifié ailleurs."
    form._show_banner("")
    assert form.banner_text() == ""


def test_patient_and_user_dialogs_share_it():
    assert issubclass(PatientDialog, FormDialog)
    assert issubclass(UserDialog, FormDialog)
