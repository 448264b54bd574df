"""Shows an attachment in memory: PDF pages rendered by pdfium, JPEG and PNG images.

Nothing is ever written to disk: the content comes from ``session.documents.content``
(bytes in memory), PDF pages are rendered by ``services.pdf_pages.PdfPages`` into
QImages, images are decoded by Qt from the same bytes.

* **lazily**: every page has its place (from the page sizes, known at once) but is
  rendered only when it comes into view, off the GUI thread (the task runner's
  reader pool; pdfium itself is serialised by its lock); pages far from the view
  are dropped again, so a 500-page scan holds a few pages in memory;
* **zoom**: 25 % to 400 %, or "fit width" (the default, kept as the window
  resizes); Ctrl+wheel, Ctrl++ / Ctrl+− / Ctrl+0;
* **protected PDFs** ask for their password (never kept after the document is
  closed); a wrong one says so;
* **a content that cannot be shown** (damaged, an image Qt cannot decode) gives a
  clear message, never an exception: saving a copy remains possible.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPixmap,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.documents import DisplayStatus, MediaType
from oiso_desktop.domain.errors import ErrorCode, OisoError
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.services.dto import DocumentContent
from oiso_desktop.services.pdf_pages import PdfPages

__all__ = ["ZOOM_STEPS", "DocumentViewer"]

#: Zoom factors offered by the − and + buttons (1.0: a point is 96/72 pixels: 100 %).
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
_POINT_PX = 96 / 72
_MARGIN = 12  # around and between pages, in pixels
#: Pages kept rendered beyond those in view (before and after).
_KEEP_AROUND = 2
#: A larger image is decoded at a reduced size for the screen (long side, pixels).
_MAX_IMAGE_SIDE = 6000
_ALLOCATION_LIMIT_MB = 512


class _PageSource:
    """What the canvas shows: sizes of the pages (points) and a way to render one."""

    def __init__(
        self,
        sizes: list[tuple[float, float]],
        render: Callable[[int, float], QImage],
        close: Callable[[], None] = lambda: None,
    ) -> None:
        self.sizes = sizes
        self.render = render  # (index, pixels per point) -> QImage, in a worker thread
        self.close = close

    @property
    def count(self) -> int:
        return len(self.sizes)


def _pdf_source(pages: PdfPages) -> _PageSource:
    def render(index: int, scale: float) -> QImage:
        page = pages.render(index, scale)
        image = QImage(
            page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888
        )
        return image.copy()  # own its pixels (the bytes object goes)

    sizes = [pages.page_size(index) for index in range(pages.page_count)]
    return _PageSource(sizes, render, pages.close)


def _image_source(image: QImage) -> _PageSource:
    def render(_index: int, scale: float) -> QImage:
        width = max(1, round(image.width() * 0.75 * scale))
        height = max(1, round(image.height() * 0.75 * scale))
        if abs(width - image.width()) <= 1:
            return image
        return image.scaled(
            width,
            height,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )

    # an image pixel is shown as one screen pixel at 100 %: 0.75 point
    return _PageSource([(image.width() * 0.75, image.height() * 0.75)], render)


def _decode_image(data: bytes) -> QImage:
    """The image in ``data`` (reduced when huge); OisoError when Qt cannot decode it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    # Qt refuses to decode more than 256 MB of pixels by default; an accepted image has at
    # most 100 Mpx (400 MB in 32 bits) before it is reduced for the screen.
    if 0 < QImageReader.allocationLimit() < _ALLOCATION_LIMIT_MB:
        QImageReader.setAllocationLimit(_ALLOCATION_LIMIT_MB)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # EXIF orientation of photos
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > _MAX_IMAGE_SIDE:
        reader.setScaledSize(
            size.scaled(_MAX_IMAGE_SIDE, _MAX_IMAGE_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    if image.isNull():
        raise OisoError("image illisible", code=ErrorCode.DOCUMENT_CANNOT_DISPLAY)
    if image.format() not in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32):
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    return image


def _open_pdf(data: bytes, password: str | None) -> _PageSource:
    return _pdf_source(PdfPages(data, password=password))


class _HeldSource:
    """The viewer's open source, closed when the viewer is destroyed (pdfium's document is
    never left to a finaliser running in another thread)."""

    def __init__(self) -> None:
        self.source: _PageSource | None = None

    def close(self, *_args: object) -> None:
        source, self.source = self.source, None
        if source is not None:
            source.close()


class _PagesCanvas(QWidget):
    """The pages one under the other, centred; each drawn from its rendered image."""

    def __init__(self, viewer: DocumentViewer) -> None:
        super().__init__()
        self._viewer = viewer
        self.setObjectName("pages_canvas")
        self.rects: list[QRect] = []

    def relayout(self, sizes: list[tuple[float, float]], scale: float, viewport_width: int) -> None:
        widths = [max(1, round(w * scale)) for w, _ in sizes]
        heights = [max(1, round(h * scale)) for _, h in sizes]
        # as wide as the widest page (centred by the scroll area when narrower than it)
        total_width = max(w + 2 * _MARGIN for w in widths) if widths else viewport_width
        rects = []
        y = _MARGIN
        for width, height in zip(widths, heights, strict=True):
            rects.append(QRect((total_width - width) // 2, y, width, height))
            y += height + _MARGIN
        self.rects = rects
        self.setFixedSize(total_width, max(y, 1))
        self.update()

    def pages_in(self, area: QRect) -> list[int]:
        return [index for index, rect in enumerate(self.rects) if rect.intersects(area)]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#dfe3e8"))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        images = self._viewer._images
        for index in self.pages_in(event.rect()):
            rect = self.rects[index]
            painter.fillRect(rect.translated(2, 2), QColor("#b8bfc7"))
            painter.fillRect(rect, QColor("#ffffff"))
            image = images.get(index)
            if image is not None:
                painter.drawImage(rect, image[1])
            else:
                painter.setPen(QColor("#7b8794"))
                painter.drawText(
                    rect,
                    Qt.AlignmentFlag.AlignCenter,
                    QCoreApplication.translate("DocumentViewer", "Page {number}…").format(
                        number=index + 1
                    ),
                )
        painter.end()


class _ScrollArea(QScrollArea):
    """Ctrl+wheel zooms instead of scrolling."""

    sig_zoom_wheel = Signal(int)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.sig_zoom_wheel.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


class DocumentViewer(QWidget):
    """An attachment shown in memory (see the module docstring).

    States (:meth:`state`): ``empty`` (nothing chosen), ``loading``, ``shown``,
    ``password`` (a protected PDF waits for its password), ``error``.
    """

    sig_state_changed = Signal(str)
    sig_page_rendered = Signal(int)  # a page was drawn (index)
    sig_first_page_shown = Signal()  # the first page of the document is on screen

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_viewer")
        self._tasks = tasks
        self._state = "empty"
        self._content: DocumentContent | None = None
        self._held = _HeldSource()
        self.destroyed.connect(self._held.close)
        self._generation = 0  # bumped on every new document / zoom: older results dropped
        # index -> (scale it was rendered at, image)
        self._images: dict[int, tuple[float, QImage]] = {}
        self._pending: set[tuple[int, float]] = set()
        self._zoom = 1.0
        self._fit_width = True
        self._first_shown = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._build_toolbar())
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_message_page())
        self.stack.addWidget(self._build_password_page())
        self.scroll = _ScrollArea()
        self.scroll.setObjectName("pages_scroll")
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.canvas = _PagesCanvas(self)
        self.scroll.setWidget(self.canvas)
        self.scroll.sig_zoom_wheel.connect(lambda step: self._step_zoom(step))
        self.scroll.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.scroll.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        self.scroll.viewport().installEventFilter(self)
        self.stack.addWidget(self.scroll)
        layout.addWidget(self.stack, 1)

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(15)
        self._render_timer.timeout.connect(self._request_visible)

        for keys, action in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence("Ctrl+="), self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+0"), self.fit_width),
        ):
            shortcut = QShortcut(keys, self, activated=action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear()

    @property
    def _source(self) -> _PageSource | None:
        return self._held.source

    @_source.setter
    def _source(self, source: _PageSource | None) -> None:
        self._held.source = source

    # ------------------------------------------------------------------ building

    def _build_toolbar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("viewer_toolbar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.previous_button = self._tool_button(
            "previous_page_button", "‹", self.tr("Previous page")
        )
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.page_label.setMinimumWidth(90)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = self._tool_button("next_page_button", "›", self.tr("Next page"))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        row.addWidget(self.previous_button)
        row.addWidget(self.page_label)
        row.addWidget(self.next_button)
        row.addStretch(1)
        self.zoom_out_button = self._tool_button(
            "zoom_out_button", "−", self.tr("Zoom out (Ctrl+−)")
        )
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool_button("zoom_in_button", "+", self.tr("Zoom in (Ctrl++)"))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button = QPushButton(self.tr("Fit width"))
        self.fit_button.setObjectName("fit_width_button")
        self.fit_button.setToolTip(self.tr("The page as wide as the view (Ctrl+0)"))
        self.fit_button.setCheckable(True)
        self.fit_button.setAutoDefault(False)
        self.fit_button.clicked.connect(self.fit_width)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            row.addWidget(widget)
        self.toolbar = bar
        return bar

    @staticmethod
    def _tool_button(name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        # the application's buttons have wide side padding: not these narrow ones
        button.setStyleSheet(
            "QPushButton { padding: 4px 0px; } QPushButton:focus { padding: 3px 0px; }"
        )
        button.setFixedWidth(34)
        return button

    def _build_message_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(1)
        self.message_icon = QLabel()
        self.message_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.message_icon)
        self.message_label = QLabel()
        self.message_label.setObjectName("viewer_message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.message_label)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("viewer_busy_bar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(240)
        column.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        self.message_page = page
        return page

    def _build_password_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(1)
        lock = QLabel()
        lock.setPixmap(icon("lock").pixmap(QSize(40, 40)))
        lock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(lock)
        text = QLabel(
            self.tr(
                "This PDF is protected by a password (it was attached as received). Type its "
                "password to display it; the password is not kept."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("pdf_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password of the PDF"))
        self.password_edit.setMinimumWidth(220)
        self.password_edit.returnPressed.connect(self._on_password_entered)
        row.addWidget(self.password_edit)
        self.password_button = QPushButton(self.tr("Display"))
        self.password_button.setObjectName("pdf_password_button")
        self.password_button.setAutoDefault(False)
        self.password_button.clicked.connect(self._on_password_entered)
        row.addWidget(self.password_button)
        row.addStretch(1)
        column.addLayout(row)
        self.password_message = QLabel()
        self.password_message.setObjectName("pdf_password_message")
        self.password_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        style.set_role(self.password_message, "error")
        column.addWidget(self.password_message)
        column.addStretch(2)
        self.password_page = page
        return page

    # ------------------------------------------------------------------ public

    def state(self) -> str:
        return self._state

    def message(self) -> str:
        """The text shown instead of a document ("" while pages are shown)."""
        if self._state == "password":
            return self.password_message.text()
        return "" if self._state == "shown" else self.message_label.text()

    def content(self) -> DocumentContent | None:
        return self._content

    def page_count(self) -> int:
        return self._source.count if self._source is not None else 0

    def rendered_pages(self) -> list[int]:
        """Pages held as images now (the others are placeholders)."""
        return sorted(self._images)

    def zoom(self) -> float:
        return self._zoom

    def is_fit_width(self) -> bool:
        return self._fit_width

    def clear(self, text: str | None = None) -> None:
        """Show nothing (and forget the document: content, pages, password)."""
        self._drop_document()
        self._show_message(text if text is not None else self.tr("Choose a document in the list."))
        self._set_state("empty")

    def show_loading(self, text: str) -> None:
        """A document is on its way (its content is being read)."""
        self._drop_document()
        self._show_message(text, busy=True)
        self._set_state("loading")

    def show_error(self, text: str) -> None:
        self._drop_document()
        self._show_message(text, kind="error")
        self._set_state("error")

    def show_content(self, content: DocumentContent) -> None:
        """Display ``content`` (the first page as soon as it is rendered)."""
        self._drop_document()
        self._content = content
        document = content.document
        self._show_message(self.tr("Opening “{title}”…").format(title=document.title), busy=True)
        self._set_state("loading")
        if document.media_type is MediaType.PDF:
            if document.display is DisplayStatus.PASSWORD_PROTECTED:
                self._ask_password()
                return
            self._open(_open_pdf, content.data, None)
        else:
            self._open(self._image_from, content.data)

    def go_to_page(self, index: int) -> None:
        if self._source is None or not self.canvas.rects:
            return
        index = max(0, min(index, self._source.count - 1))
        self.scroll.verticalScrollBar().setValue(self.canvas.rects[index].top() - _MARGIN)

    def current_page(self) -> int:
        """The page at the top of the view (0-based)."""
        if not self.canvas.rects:
            return 0
        top = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3
        for index, rect in enumerate(self.canvas.rects):
            if rect.bottom() + _MARGIN >= top:
                return index
        return len(self.canvas.rects) - 1

    def set_zoom(self, zoom: float) -> None:
        """Zoom to ``zoom`` (1.0: 100 %), leaving "fit width"."""
        self._fit_width = False
        self._apply_zoom(max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom)))

    def zoom_in(self) -> None:
        self._step_zoom(1)

    def zoom_out(self) -> None:
        self._step_zoom(-1)

    def fit_width(self) -> None:
        self._fit_width = True
        self._apply_zoom(self._fit_zoom())

    # ------------------------------------------------------------------ opening

    @staticmethod
    def _image_from(data: bytes) -> _PageSource:
        return _image_source(_decode_image(data))

    def _open(self, opener: Callable[..., _PageSource], *args: Any) -> None:
        self._generation += 1
        generation = self._generation
        self._tasks.run(
            opener,
            *args,
            on_success=lambda source, g=generation: self._on_opened(g, source),
            on_failure=lambda exc, g=generation: self._on_open_failed(g, exc),
            owner=self,
        )

    def _on_opened(self, generation: int, source: _PageSource) -> None:
        if generation != self._generation or self._content is None:
            source.close()
            return
        self._source = source
        self._first_shown = False
        self.stack.setCurrentWidget(self.scroll)
        self.toolbar.setVisible(True)
        self.scroll.verticalScrollBar().setValue(0)
        if self._fit_width:
            self._zoom = self._fit_zoom()
        self._relayout()
        self._set_state("shown")

    def _on_open_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        code = getattr(exc, "code", None)
        if code == ErrorCode.DOCUMENT_PASSWORD_WRONG:
            self.password_message.setText(error_text(exc))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            self._set_state("password")
            return
        if code == ErrorCode.DOCUMENT_PASSWORD_REQUIRED:
            self._ask_password()
            return
        if not isinstance(exc, OisoError):
            exc = OisoError("illisible", code=ErrorCode.DOCUMENT_CANNOT_DISPLAY)
        self._source = None
        self._show_message(error_text(exc), kind="error")
        self._set_state("error")

    def _ask_password(self) -> None:
        self.password_edit.clear()
        self.password_message.setText("")
        self.toolbar.setVisible(False)
        self.stack.setCurrentWidget(self.password_page)
        self.password_edit.setFocus()
        self._set_state("password")

    def _on_password_entered(self) -> None:
        password = self.password_edit.text()
        if self._content is None or not password:
            return
        self.password_message.setText(self.tr("Opening…"))
        self._open(_open_pdf, self._content.data, password)

    # ------------------------------------------------------------------ pages

    def _fit_zoom(self) -> float:
        if self._source is None or not self._source.sizes:
            return self._zoom
        widest = max(width for width, _ in self._source.sizes)
        # room as if the vertical scroll bar were there, whether it is or not: the zoom does
        # not change (nor the bar come and go) as pages make the view scroll or not
        bar = self.scroll.verticalScrollBar()
        full = self.scroll.viewport().width() + (bar.width() if not bar.isHidden() else 0)
        room = full - bar.sizeHint().width() - 2 * _MARGIN
        zoom = max(room, 100) / (widest * _POINT_PX)
        return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))

    def _step_zoom(self, step: int) -> None:
        if step > 0:
            bigger = [z for z in ZOOM_STEPS if z > self._zoom + 1e-6]
            target = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [z for z in ZOOM_STEPS if z < self._zoom - 1e-6]
            target = smaller[-1] if smaller else ZOOM_STEPS[0]
        self.set_zoom(target)

    def _apply_zoom(self, zoom: float) -> None:
        if self._source is None:
            self._zoom = zoom
            self._update_toolbar()
            return
        bar = self.scroll.verticalScrollBar()
        fraction = bar.value() / max(1, self.canvas.height())
        self._zoom = zoom
        self._relayout()
        bar.setValue(round(fraction * self.canvas.height()))

    def _scale(self) -> float:
        """Pixels (logical) per point."""
        return self._zoom * _POINT_PX

    def _relayout(self) -> None:
        if self._source is None:
            return
        self._generation += 1  # renders at the former zoom are no longer wanted
        self._pending.clear()
        self.canvas.relayout(self._source.sizes, self._scale(), self.scroll.viewport().width())
        self._update_toolbar()
        self._render_timer.start()

    def _visible_area(self) -> QRect:
        viewport = self.scroll.viewport()
        origin = QPoint(
            self.scroll.horizontalScrollBar().value(), self.scroll.verticalScrollBar().value()
        )
        return QRect(origin, viewport.size())

    def _on_scrolled(self) -> None:
        self._update_toolbar()
        if self._source is not None:
            self._render_timer.start()

    def _request_visible(self) -> None:
        source = self._source
        if source is None:
            return
        visible = self.canvas.pages_in(self._visible_area()) or [0]
        first, last = visible[0], visible[-1]
        for index in list(self._images):
            if index < first - _KEEP_AROUND or index > last + _KEEP_AROUND:
                del self._images[index]  # far from the view: memory back
        wanted = list(range(first, min(last + 1, source.count - 1) + 1))
        device_scale = self._scale() * self.devicePixelRatioF()
        for index in wanted:
            held = self._images.get(index)
            if held is not None and math.isclose(held[0], device_scale):
                continue
            key = (index, device_scale)
            if key in self._pending:
                continue
            self._pending.add(key)
            self._tasks.run(
                source.render,
                index,
                device_scale,
                on_success=lambda image, k=key, g=self._generation: self._on_rendered(g, k, image),
                on_failure=lambda exc, k=key, g=self._generation: self._on_render_failed(g, k, exc),
                owner=self,
            )

    def _on_rendered(self, generation: int, key: tuple[int, float], image: QImage) -> None:
        self._pending.discard(key)
        if generation != self._generation or self._source is None:
            return
        index, scale = key
        self._images[index] = (scale, image)
        self.canvas.update(self.canvas.rects[index])
        self.sig_page_rendered.emit(index)
        if index == 0 and not self._first_shown:
            self._first_shown = True
            self.sig_first_page_shown.emit()

    def _on_render_failed(
        self, generation: int, key: tuple[int, float], exc: BaseException
    ) -> None:
        self._pending.discard(key)
        if generation != self._generation:
            return
        self.show_error(
            error_text(
                exc
                if isinstance(exc, OisoError)
                else OisoError("illisible", code=ErrorCode.DOCUMENT_CANNOT_DISPLAY)
            )
        )

    # ------------------------------------------------------------------ state

    def _update_toolbar(self) -> None:
        count = self.page_count()
        page = self.current_page()
        self.page_label.setText(
            self.tr("Page {page} / {count}").format(page=page + 1, count=count) if count else ""
        )
        self.previous_button.setEnabled(count > 1 and page > 0)
        self.next_button.setEnabled(count > 1 and page < count - 1)
        self.zoom_label.setText(f"{round(self._zoom * 100)} %")
        self.zoom_out_button.setEnabled(self._zoom > ZOOM_STEPS[0] + 1e-6)
        self.zoom_in_button.setEnabled(self._zoom < ZOOM_STEPS[-1] - 1e-6)
        self.fit_button.setChecked(self._fit_width)

    def _show_message(self, text: str, *, kind: str = "hint", busy: bool = False) -> None:
        self.toolbar.setVisible(False)
        self.message_label.setText(text)
        style.set_role(self.message_label, kind)
        self.message_icon.setPixmap(
            icon("error").pixmap(QSize(32, 32)) if kind == "error" else QPixmap()
        )
        self.message_icon.setVisible(kind == "error")
        self.busy_bar.setVisible(busy)
        self.stack.setCurrentWidget(self.message_page)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.sig_state_changed.emit(state)

    def _drop_document(self) -> None:
        self._generation += 1
        self._pending.clear()
        self._images.clear()
        if self._source is not None:
            source, self._source = self._source, None
            try:
                self._tasks.run(source.close)  # after a render in flight (pdfium's lock)
            except RuntimeError:  # the runner is shut down: nothing renders any more
                source.close()
        self._content = None
        self.password_edit.clear()
        self.canvas.rects = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._on_viewport_resized()
        return super().eventFilter(watched, event)

    def _on_viewport_resized(self) -> None:
        if self._source is None:
            return
        if self._fit_width:
            zoom = self._fit_zoom()
            if not math.isclose(zoom, self._zoom, rel_tol=0.005):
                self._apply_zoom(zoom)
                return
        self._render_timer.start()
