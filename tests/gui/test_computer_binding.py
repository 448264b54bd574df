"""Binding one's account to this computer from the File menu."""

from __future__ import annotations

from PySide6.QtCore import Qt

from oiso_desktop.gui.computer_binding_dialog import ComputerBindingDialog


def _apply(qtbot, dialog: ComputerBindingDialog, gui_tasks, password: str) -> None:
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    gui_tasks.wait_idle(10000)


def test_bind_then_unbind_with_the_password(qtbot, gui_db, gui_practitioner, gui_tasks) -> None:
    dialog = ComputerBindingDialog(gui_practitioner, gui_tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Lier mon compte à cet ordinateur"
    assert "hors ligne" in dialog.intro_label.text()
    assert not dialog.ok_button.isEnabled()

    _apply(qtbot, dialog, gui_tasks, "Pas-le-bon-2026!")
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert dialog.error_label.text() == "Identifiant ou mot de passe incorrect."
    assert not gui_practitioner.is_bound_to_this_computer()

    _apply(qtbot, dialog, gui_tasks, gui_db.passwords["cdubois"])
    qtbot.waitUntil(lambda: dialog.result() == ComputerBindingDialog.DialogCode.Accepted)
    assert gui_practitioner.is_bound_to_this_computer()

    undo = ComputerBindingDialog(gui_practitioner, gui_tasks)
    qtbot.addWidget(undo)
    undo.show()
    assert undo.windowTitle() == "Délier mon compte de cet ordinateur"
    assert undo.ok_button.text() == "Délier"
    _apply(qtbot, undo, gui_tasks, gui_db.passwords["cdubois"])
    qtbot.waitUntil(lambda: undo.result() == ComputerBindingDialog.DialogCode.Accepted)
    assert not gui_practitioner.is_bound_to_this_computer()
