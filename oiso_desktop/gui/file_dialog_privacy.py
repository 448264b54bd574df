"""Qt's file dialogs leave no trace of the folders a user visited.

Qt's own (non-native) file dialog remembers, in the user's ``QtProject.conf``, the
last folder visited and a history of folders. Here those folders are often named
after a patient ("…/LEFEVRE Hélène/compte-rendu.pdf"): a clear-text trace of health
data outside the encrypted database. :func:`install` watches every file dialog of
the application (the ones built by hand and the static ``getOpenFileName`` family):
it shows no history, and once the dialog is gone its remembered folder is reset to
the user's home and its history emptied.
"""

from __future__ import annotations

from PySide6.QtCore import QDir, QEvent, QObject, QSettings, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog

__all__ = ["forget_file_dialog_traces", "install"]

_WATCHED = "_oiso_private_dialog"


def forget_file_dialog_traces() -> None:
    """Reset the folder history Qt's file dialogs keep in ``QtProject.conf``."""
    settings = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    if settings.contains("history") or settings.contains("lastVisited"):
        settings.setValue("history", [])
        settings.setValue("lastVisited", QUrl.fromLocalFile(QDir.homePath()).toString())
    settings.endGroup()
    settings.sync()


class _FileDialogWatcher(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QFileDialog)
            and not watched.property(_WATCHED)
        ):
            watched.setProperty(_WATCHED, True)
            watched.setHistory([])
            # Emitted after the dialog's own destructor has written its settings.
            watched.destroyed.connect(forget_file_dialog_traces)
            watched.finished.connect(lambda _result, d=watched: d.setHistory([]))
        return False


_watcher: _FileDialogWatcher | None = None


def install(app: QApplication) -> None:
    """Watch every file dialog of ``app`` (once); also clean what an earlier run left."""
    global _watcher  # noqa: PLW0603 - one watcher per process
    if _watcher is None:
        _watcher = _FileDialogWatcher(app)
        app.installEventFilter(_watcher)
        app.aboutToQuit.connect(forget_file_dialog_traces)
    forget_file_dialog_traces()
