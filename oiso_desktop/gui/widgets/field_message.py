"""A message under an input field: red error, orange warning or grey hint."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from oiso_desktop.gui import style

__all__ = ["BANNER_STYLES", "FieldMessage", "fit_label_height", "show_banner", "show_field_message"]

WARNING_COLOUR = "#9a5b00"
HINT_COLOUR = "#52606d"

# background, border and text colours of a banner, by kind
BANNER_STYLES = {
    "ok": "background: #e6f4ea; border: 1px solid #9fd0ae; color: #1e7a3c;",
    "error": "background: #fdecea; border: 1px solid #e8a29c; color: #8c1d18;",
    "warning": "background: #fff4d6; border: 1px solid #e7c36b; color: #7a4b00;",
    "hint": "background: #eaf0f8; border: 1px solid #b7c7de; color: #1f3a60;",
}


def show_field_message(label: QLabel, text: str, kind: str = "error") -> None:
    """Show ``text`` in ``label`` (hidden when empty) with the colour of ``kind``.

    ``kind``: "error" (red), "warning" (orange, for what the user must confirm),
    "hint" (grey), "ok" (green).
    """
    label.setWordWrap(True)
    if kind == "warning":
        label.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        style.set_role(label, "warning")
    elif kind == "hint":
        label.setStyleSheet(f"color: {HINT_COLOUR}; font-style: italic;")
        style.set_role(label, "hint")
    else:
        label.setStyleSheet("")
        style.set_role(label, kind)
    label.setText(text)
    label.setVisible(bool(text))
    fit_label_height(label, label.width())


def show_banner(label: QLabel, text: str, kind: str = "error", *, bold: bool = False) -> None:
    """Show ``text`` in ``label`` as a coloured box (hidden when empty).

    ``kind``: "ok", "error", "warning" or "hint" (see :data:`BANNER_STYLES`).
    """
    show_field_message(label, text, kind)
    if text:
        label.setStyleSheet(
            BANNER_STYLES.get(kind, BANNER_STYLES["hint"])
            + "border-radius: 4px; padding: 6px 10px;"
            + (" font-weight: bold;" if bold else "")
        )


def fit_label_height(label: QLabel, width: int) -> None:
    """Reserve the height ``label`` needs to show its whole text wrapped at ``width``.

    Form layouts do not always grow a row for a word-wrapped label (height for
    width), which clips long messages; this sets the minimum height explicitly.
    """
    if label.isHidden() or not label.text() or width <= 0:
        _set_min_height(label, 0)
        return
    label.ensurePolished()  # the stylesheet may make the font bold
    margins = label.contentsMargins()
    inner = max(1, width - margins.left() - margins.right())
    rect = label.fontMetrics().boundingRect(
        QRect(0, 0, inner, 100000), int(Qt.TextFlag.TextWordWrap), label.text()
    )
    _set_min_height(label, rect.height() + margins.top() + margins.bottom() + 2)


def _set_min_height(label: QLabel, height: int) -> None:
    if label.minimumHeight() == height:
        return
    label.setMinimumHeight(height)
    # Nested layouts keep cached size hints of the group boxes: refresh every ancestor
    # so that the window grows instead of overlapping the next field.
    parent = label.parentWidget()
    while parent is not None:
        if parent.layout() is not None:
            parent.layout().invalidate()
        parent.updateGeometry()
        if parent.isWindow():
            break
        parent = parent.parentWidget()


class FieldMessage(QLabel):
    """A word-wrapped label under a field that always gets the height its text needs.

    Used as a promoted widget in the Designer forms; see :func:`show_field_message`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    # The height comes from fit_label_height(), not from height-for-width, which nested
    # form layouts get wrong (the text was clipped and overlapped the next field).
    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self.minimumHeight())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            fit_label_height(self, self.width())

    def show_message(self, text: str, kind: str = "error") -> None:
        show_field_message(self, text, kind)

    def clear_message(self) -> None:
        show_field_message(self, "", "error")
