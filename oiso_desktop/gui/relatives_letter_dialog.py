"""The letter "information de la parentèle": choose the relatives and the kind of letter.

The letters are made by the service (``session.letters.relatives_letter``: access
checked, event logged without values) from the file **as saved**: the positive
variants (class 4 or 5) of the Génétique tab and the relatives of the Famille tab.
The user chooses where to save the PDF (an explicit act); it is written atomically
(``system.files.atomic_write``), never anywhere else. Once saved, the dialog says so
(``sig_letter_saved``): :func:`open_relatives_letter` then records the relatives
informed in the genetics form (an edit, saved with the form).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.genetics_labels import LETTER_MODE_LABELS, coded_label
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.dialog_parts import error_label, ok_cancel_buttons
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.system.files import atomic_write

if TYPE_CHECKING:
    from oiso_desktop.gui.genetics_editor import GeneticsEditor
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import RelativesLetterFile

__all__ = ["RelativesLetterDialog", "open_relatives_letter"]


class RelativesLetterDialog(QDialog):
    """Choose relatives and letter, then save the PDF.

    ``sig_letter_saved(relative_ids: tuple[str, ...], day: date, mode: str, path: str)``
    once the file is written.
    """

    sig_letter_saved = Signal(object, object, str, str)
    sig_failed = Signal(str)  # the message shown (tests)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        *,
        relatives: Sequence[tuple[str, str]],
        chosen: Sequence[str] = (),
        unsaved: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("relatives_letter_dialog")
        self.setWindowTitle(self.tr("Letter to relatives"))
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self._busy = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "One letter per relative, made from the saved file: the pathogenic variants "
                "(class 4 or 5) of the Genetics tab and the relatives of the Family tab. The "
                "letters never name the patient."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.unsaved_label = QLabel()
        self.unsaved_label.setObjectName("unsaved_label")
        show_banner(
            self.unsaved_label,
            self.tr("This file has unsaved entries: save it first for the letters to use them.")
            if unsaved
            else "",
            "warning",
        )
        layout.addWidget(self.unsaved_label)

        heading = QLabel(self.tr("Relatives to write to"))
        style.set_role(heading, "section")
        layout.addWidget(heading)
        self.relatives_list = QListWidget()
        self.relatives_list.setObjectName("letter_relatives_list")
        for person_id, label in relatives:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if person_id in chosen else Qt.CheckState.Unchecked
            )
            self.relatives_list.addItem(item)
        self.relatives_list.itemChanged.connect(self._update_ok)
        layout.addWidget(self.relatives_list, 1)
        self.no_relative_label = QLabel(
            self.tr("The family has no relative yet: add them in the Family tab.")
        )
        self.no_relative_label.setWordWrap(True)
        style.set_role(self.no_relative_label, "hint")
        self.no_relative_label.setVisible(not relatives)
        layout.addWidget(self.no_relative_label)

        heading = QLabel(self.tr("Letter"))
        style.set_role(heading, "section")
        layout.addWidget(heading)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for index, mode in enumerate(LETTER_MODE_LABELS):
            button = QRadioButton(coded_label(LETTER_MODE_LABELS, mode))
            button.setObjectName(f"{mode}_radio")
            self.mode_group.addButton(button, index)
            self.mode_buttons[mode] = button
            layout.addWidget(button)
        self.mode_buttons["by_patient"].setChecked(True)

        self.error = error_label()
        layout.addWidget(self.error)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            "save_letter_button", self.tr("Save the letters…")
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_ok()
        self.resize(560, 460)

    # ------------------------------------------------------------------ state
    def chosen(self) -> tuple[str, ...]:
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for row in range(self.relatives_list.count())
            if (item := self.relatives_list.item(row)).checkState() == Qt.CheckState.Checked
        )

    def mode(self) -> str:
        return next(mode for mode, button in self.mode_buttons.items() if button.isChecked())

    def _update_ok(self, *_args: object) -> None:
        self.ok_button.setEnabled(bool(self.chosen()) and not self._busy)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            self.sig_failed.emit(text)

    # ------------------------------------------------------------------ acts
    def _on_ok(self) -> None:
        if not self.chosen() or self._busy:
            return
        default = Path.home() / f"lettres-parentele-{date.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the letters"), str(default), self.tr("PDF documents (*.pdf)")
        )
        if path:
            chosen = Path(path)
            self.create_letters(chosen if chosen.suffix else chosen.with_suffix(".pdf"))

    def create_letters(self, path: str | Path) -> None:
        """Have the letters made (in the background), then write them to ``path``."""
        if not self.chosen() or self._busy:
            return
        self._busy = True
        self._update_ok()
        self._show_error("")
        self._tasks.run(
            self._session.letters.relatives_letter,
            self._patient_id,
            self.chosen(),
            mode=self.mode(),
            on_success=lambda letters, p=Path(path): self._on_made(letters, p),
            on_failure=self._on_failed,
            label=self.tr("Writing the letters…"),
            owner=self,
        )

    def _on_made(self, letters: RelativesLetterFile, path: Path) -> None:
        self._busy = False
        self._update_ok()
        try:
            atomic_write(path, letters.pdf)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            self._show_error(
                self.tr("The letters could not be saved in “{path}”: {reason}.").format(
                    path=str(path), reason=reason
                )
            )
            return
        self.sig_letter_saved.emit(letters.relative_ids, letters.day, letters.mode, str(path))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_ok()
        self._show_error(error_text(exc))


def open_relatives_letter(
    editor: GeneticsEditor,
    session: UserSession,
    tasks: TaskRunner,
    patient_id: int,
    chosen: Sequence[str] = (),
    *,
    unsaved: bool = False,
    parent: QWidget | None = None,
) -> RelativesLetterDialog:
    """Open the dialog for ``editor``'s relatives; once the letters are saved, the
    relatives informed are recorded in the editor (an edit, saved with the form).

    What the patient file window connects to ``GeneticsEditor.sig_letter_requested``.
    """
    dialog = RelativesLetterDialog(
        session,
        tasks,
        patient_id,
        relatives=editor.relatives(),
        chosen=chosen,
        unsaved=unsaved,
        parent=parent or editor,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def saved(relative_ids: tuple[str, ...], day: date, mode: str, _path: str) -> None:
        letter = QCoreApplication.translate(
            "RelativesLetterDialog", "Letter “information de la parentèle” of {date}"
        ).format(date=day.strftime("%d/%m/%Y"))
        editor.record_letter(relative_ids, day, mode, letter)

    dialog.sig_letter_saved.connect(saved)
    dialog.open()
    return dialog
