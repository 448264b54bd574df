"""CanRisk files in the family editor: the import and the export, with their dialogs.

* Import (versions 1 to 4): a malformed file imports nothing and a dialog lists
  every problem with its line, person and column (``error_text``, French by
  default); a file with several families asks which one; replacing a family with
  more than the proband asks first; the family imported goes to the editor as an
  undoable user edit, with the file's ``##key=value`` risk-factor lines (on the family).
* Export (CanRisk 2.0): refused while the family has a problem CanRisk cannot take
  (the list is shown); the people CanRisk cannot place are named before writing;
  the file is written atomically (``system.files``) and is what one uploads to
  canrisk.org for BOADICEA risks.

The file dialogs are only in :meth:`CanRiskFiles.ask_import` / :meth:`ask_export`;
:meth:`import_file` and :meth:`export_file` take a path (tests call them).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from oiso_desktop.domain.canrisk import (
    CanRiskFamily,
    canrisk_export_omitted,
    canrisk_export_problems,
    parse_canrisk,
    to_canrisk,
)
from oiso_desktop.domain.errors import ErrorCode, OisoError
from oiso_desktop.domain.family import person_label
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.family_dialogs import ChoiceDialog, ProblemListDialog
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.system.files import atomic_write

if TYPE_CHECKING:
    from oiso_desktop.gui.family_editor import FamilyEditor

__all__ = ["DEFAULT_FAMILY_ID", "MAX_CANRISK_FILE_BYTES", "CanRiskFiles", "read_canrisk_text"]

MAX_CANRISK_FILE_BYTES = 2_000_000  # 275 people take about 30 kB; more is not a CanRisk file
DEFAULT_FAMILY_ID = "FAM1"


def read_canrisk_text(path: Path) -> str:
    """The text of a CanRisk file (UTF-8, else Windows-1252); OisoError when unreadable."""
    try:
        size = path.stat().st_size
        if size > MAX_CANRISK_FILE_BYTES:
            raise OisoError(
                f"Le fichier {path} est trop volumineux pour être importé "
                f"({MAX_CANRISK_FILE_BYTES // 1000} ko au plus) : rien n'a été importé.",
                code=ErrorCode.IMPORT_FILE_TOO_LARGE,
                path=str(path),
                maximum=MAX_CANRISK_FILE_BYTES // 1000,
            )
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise OisoError(
            f"Le fichier ne peut pas être lu : {path} ({reason}).",
            code=ErrorCode.IMPORT_READ_FAILED,
            path=str(path),
            reason=reason,
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class CanRiskFiles(QObject):
    """The CanRisk import and export of one :class:`FamilyEditor`."""

    def __init__(self, editor: FamilyEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    # ------------------------------------------------------------------ dialogs
    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._editor,
            self.tr("Import a CanRisk file"),
            "",
            self.tr("CanRisk pedigree files (*.txt *.canrisk *.ped);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def ask_export(self) -> None:
        family_id = self._editor.canrisk_family_id() or "famille"
        path, _ = QFileDialog.getSaveFileName(
            self._editor,
            self.tr("Export for CanRisk"),
            str(Path.home() / f"{family_id}_canrisk.txt"),
            self.tr("CanRisk pedigree files (*.txt)"),
        )
        if path:
            chosen = Path(path)
            self.export_file(chosen if chosen.suffix else chosen.with_suffix(".txt"))

    def _error_box(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self._editor
        )
        box.setObjectName("canrisk_error_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ------------------------------------------------------------------ import
    def import_file(self, path: Path) -> None:
        """Read ``path`` and replace the editor's family with one of its families."""
        editor = self._editor
        if editor.is_read_only():
            return
        title = self.tr("CanRisk import")
        try:
            text = read_canrisk_text(path)
        except OisoError as exc:
            self._error_box(title, error_text(exc))
            return
        result = parse_canrisk(text, today=editor.today)
        if not result.ok:
            count = self.tr(
                "%n problem(s) to correct in the file, each with its line:",
                "",
                len(result.problems),
            )
            ProblemListDialog(
                editor,
                title=title,
                text=self.tr(
                    "The file {name} was not imported; the family was not changed."
                ).format(name=path.name)
                + "\n"
                + count,
                problems=[error_text(problem) for problem in result.problems],
                object_name="canrisk_problems_dialog",
            ).open()
            return
        families = result.families
        if len(families) == 1:
            self._confirm_import(families[0])
            return
        ChoiceDialog(
            editor,
            title=title,
            text=self.tr("The file {name} holds several families: which one do you import?").format(
                name=path.name
            ),
            choices=[self._family_text(found) for found in families],
            ok_text=self.tr("Import"),
            on_chosen=lambda index: self._confirm_import(families[index]),
            object_name="canrisk_family_dialog",
        ).open()

    def _people(self, count: int) -> str:
        return self.tr("%n person(s)", "", count)

    def _family_text(self, found: CanRiskFamily) -> str:
        proband = found.family.proband
        return self.tr("{family}: {people}, proband {proband}").format(
            family=found.family_id,
            people=self._people(len(found.family.people)),
            proband=person_label(proband) if proband is not None else "—",
        )

    def _confirm_import(self, found: CanRiskFamily) -> None:
        editor = self._editor
        present = len(editor.content().people)
        if present <= 1:
            self._apply(found)
            return
        confirm(
            editor,
            self.tr("CanRisk import"),
            self.tr(
                "Replace the family entered ({people}) by the family {family} of the file?"
            ).format(people=self._people(present), family=found.family_id),
            self.tr("Everything entered in this family is replaced. Ctrl+Z undoes the import."),
            self.tr("Replace"),
            lambda: self._apply(found),
            object_name="canrisk_replace_box",
        )

    def _apply(self, found: CanRiskFamily) -> None:
        self._editor.replace_family(found.family, found.family_id)
        self._editor.show_message(
            self.tr("Family {family} imported: {people}.").format(
                family=found.family_id, people=self._people(len(found.family.people))
            ),
            "ok",
        )

    # ------------------------------------------------------------------ export
    def export_file(self, path: Path) -> None:
        """Write the editor's family to ``path`` as a CanRisk 2.0 file (see the module)."""
        editor = self._editor
        family = editor.content()
        title = self.tr("Export for CanRisk")
        problems = editor.input_problems() + canrisk_export_problems(family, editor.today)
        if problems:
            ProblemListDialog(
                editor,
                title=title,
                text=self.tr(
                    "The family cannot be exported for CanRisk: correct these %n problem(s) first.",
                    "",
                    len(problems),
                ),
                problems=[editor.problem_text(problem) for problem in problems],
                object_name="canrisk_problems_dialog",
            ).open()
            return
        omitted = canrisk_export_omitted(family)
        if not omitted:
            self._write(path)
            return
        confirm(
            editor,
            title,
            self.tr("CanRisk cannot place these people, left out of the file: {people}.").format(
                people=", ".join(editor.person_text(person_id) for person_id in omitted)
            ),
            self.tr(
                "CanRisk links people through their parents and children only; partners "
                "without children in the family are not written."
            ),
            self.tr("Export anyway"),
            lambda: self._write(path),
            object_name="canrisk_omitted_box",
        )

    def _write(self, path: Path) -> None:
        editor = self._editor
        text = to_canrisk(
            editor.content(),
            today=editor.today,
            family_id=editor.canrisk_family_id() or DEFAULT_FAMILY_ID,
        )
        try:
            atomic_write(path, text.encode("utf-8"))
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            error = OisoError(
                f"Impossible d'écrire le fichier d'export : {path} ({reason}).",
                code=ErrorCode.EXPORT_FAILED,
                path=str(path),
                reason=reason,
            )
            self._error_box(self.tr("Export for CanRisk"), error_text(error))
            return
        editor.show_message(self.tr("Exported for CanRisk: {name}").format(name=path.name), "ok")
        editor.sig_exported.emit(str(path))
