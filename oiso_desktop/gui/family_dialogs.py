"""Two small dialogs of the family editor: pick one item of a list, read a list of problems.

Both open window-modal with ``open()`` (never a nested event loop) and delete
themselves when closed; the choice comes back through a callback.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui.widgets.dialog_parts import ok_cancel_buttons

__all__ = ["ChoiceDialog", "ProblemListDialog"]


class ChoiceDialog(QDialog):
    """A list to choose one item from; ``on_chosen(index)`` runs when the user confirms."""

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        text: str,
        choices: Sequence[str],
        ok_text: str,
        on_chosen: Callable[[int], None],
        object_name: str = "choice_dialog",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._on_chosen = on_chosen
        layout = QVBoxLayout(self)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choice_list = QListWidget()
        self.choice_list.setObjectName("choice_list")
        self.choice_list.addItems(list(choices))
        self.choice_list.setCurrentRow(0)
        self.choice_list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.choice_list)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons("choose_button", ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 300)

    def accept(self) -> None:
        row = self.choice_list.currentRow()
        super().accept()
        if row >= 0:
            self._on_chosen(row)


class ProblemListDialog(QDialog):
    """Every problem of an import or an export, one per line, with what happened."""

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        text: str,
        problems: Sequence[str],
        object_name: str = "problem_list_dialog",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        intro = QLabel(text)
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problem_list")
        self.problem_list.setWordWrap(True)
        self.problem_list.setAlternatingRowColors(True)
        self.problem_list.setSpacing(2)
        self.problem_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.problem_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for problem in problems:
            self.problem_list.addItem(QListWidgetItem(problem))
        layout.addWidget(self.problem_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("close_button")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def problems(self) -> list[str]:
        return [self.problem_list.item(i).text() for i in range(self.problem_list.count())]
