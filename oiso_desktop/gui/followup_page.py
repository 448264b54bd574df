"""The main window's "Suivi" page: the worklists and the week calendar, in two tabs.

For secretaries and clinical roles (``MANAGE_APPOINTMENTS``). A booking made from a
list shows in the calendar and a change in the calendar in the lists. Opening a file
goes through the main window (one window per file, as from the patient list) and
shows the file's follow-up tab when it has one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.week_calendar_view import WeekCalendarView
from oiso_desktop.gui.widgets.data_table import page_layout
from oiso_desktop.gui.worklist_view import WorklistView

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["FollowupPage"]


class FollowupPage(QWidget):
    """``worklists`` (:class:`WorklistView`) and ``calendar`` (:class:`WeekCalendarView`)."""

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followup_page")
        self._session = session
        self._wanted_tab: int | None = None
        layout, _title = page_layout(self, self.tr("Follow-up"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("followup_tabs")
        self.tabs.setDocumentMode(True)
        self.worklists = WorklistView(session, tasks, self)
        self.calendar = WeekCalendarView(session, tasks, self)
        self.tabs.addTab(self.worklists, self.tr("Worklists"))
        self.tabs.addTab(self.calendar, self.tr("Week calendar"))
        layout.addWidget(self.tabs, 1)
        self.worklists.sig_open_patient.connect(self.open_patient)
        self.calendar.sig_open_patient.connect(self.open_patient)
        self.worklists.sig_booked.connect(lambda _result: self.calendar.refresh())
        self.calendar.sig_changed.connect(lambda _result: self.worklists.refresh())

    def open_patient(self, patient_id: int) -> None:
        """Open the file (through the main window's patient list), on its follow-up
        tab when the file window has one."""
        window = self.window()
        opener = getattr(window, "open_patient", None)
        patients = getattr(window, "pages", {}).get("patients")
        if not callable(opener) or patients is None:
            return
        signal = getattr(patients, "sig_patient_opened", None)
        if signal is not None:

            def show_followup(opened_id: int) -> None:
                signal.disconnect(show_followup)
                if opened_id == patient_id:
                    self._show_followup_tab(patients.file_windows.get(patient_id))

            signal.connect(show_followup)
        opener(patient_id)

    @staticmethod
    def _show_followup_tab(file_window: QWidget | None) -> None:
        tabs = getattr(file_window, "tabs", None)
        if not isinstance(tabs, QTabWidget):
            return
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None and "followup" in page.objectName():
                tabs.setCurrentIndex(index)
                return
