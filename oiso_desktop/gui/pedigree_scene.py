"""The pedigree on screen: a scene drawn from the same operations as the PDF, and its view.

``PedigreeScene`` draws a family's layout (``domain.pedigree_layout``) from the
operations of ``domain.pedigree_drawing``, as ``reports/pedigree_pdf.py`` does on paper:
one ``PersonItem`` per person (its symbol, marks and labels, carrying the person's id),
one item for the lines of the tree, and the legend below. Clicking a person emits
``sig_person_selected(person_id)``. ``PedigreeView`` zooms (Ctrl+wheel, + and −, 0 to
fit the window) and scrolls by dragging. Texts use the embedded DejaVu Sans, as in the
PDF, so that labels wrap alike; the words come from the translations (French by default).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib.resources import files

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from oiso_desktop.domain.family import Family, person_label
from oiso_desktop.domain.pedigree_drawing import (
    FRENCH,
    SYMBOL,
    Disc,
    Line,
    Op,
    Pattern,
    PedigreeDrawing,
    PedigreeWords,
    Polygon,
    Shape,
    Symbol,
    Text,
    hatch_lines,
    legend_drawing,
    pedigree_drawing,
    sectors,
)
from oiso_desktop.domain.pedigree_layout import layout
from oiso_desktop.domain.relationships import relationship_to_proband
from oiso_desktop.gui.style import PRIMARY, TEXT

__all__ = ["PedigreeScene", "PedigreeView", "PersonItem", "pedigree_words"]

log = logging.getLogger(__name__)

CONTEXT = "Pedigree"
_SITES = {
    "breast": QT_TRANSLATE_NOOP("Pedigree", "Breast"),
    "contralateral_breast": QT_TRANSLATE_NOOP("Pedigree", "Contralat. breast"),
    "ovary": QT_TRANSLATE_NOOP("Pedigree", "Ovary"),
    "endometrium": QT_TRANSLATE_NOOP("Pedigree", "Endometrium"),
    "cervix": QT_TRANSLATE_NOOP("Pedigree", "Cervix"),
    "prostate": QT_TRANSLATE_NOOP("Pedigree", "Prostate"),
    "testis": QT_TRANSLATE_NOOP("Pedigree", "Testis"),
    "pancreas": QT_TRANSLATE_NOOP("Pedigree", "Pancreas"),
    "colorectal": QT_TRANSLATE_NOOP("Pedigree", "Colon"),
    "stomach": QT_TRANSLATE_NOOP("Pedigree", "Stomach"),
    "small_bowel": QT_TRANSLATE_NOOP("Pedigree", "Small bowel"),
    "biliary_tract": QT_TRANSLATE_NOOP("Pedigree", "Biliary tr."),
    "liver": QT_TRANSLATE_NOOP("Pedigree", "Liver"),
    "oesophagus": QT_TRANSLATE_NOOP("Pedigree", "Oesophagus"),
    "upper_urinary_tract": QT_TRANSLATE_NOOP("Pedigree", "Upper urin."),
    "bladder": QT_TRANSLATE_NOOP("Pedigree", "Bladder"),
    "kidney": QT_TRANSLATE_NOOP("Pedigree", "Kidney"),
    "brain": QT_TRANSLATE_NOOP("Pedigree", "Brain"),
    "sebaceous": QT_TRANSLATE_NOOP("Pedigree", "Sebaceous"),
    "melanoma": QT_TRANSLATE_NOOP("Pedigree", "Melanoma"),
    "thyroid": QT_TRANSLATE_NOOP("Pedigree", "Thyroid"),
    "lung": QT_TRANSLATE_NOOP("Pedigree", "Lung"),
    "adrenal_cortex": QT_TRANSLATE_NOOP("Pedigree", "Adrenal"),
    "sarcoma": QT_TRANSLATE_NOOP("Pedigree", "Sarcoma"),
    "leukaemia": QT_TRANSLATE_NOOP("Pedigree", "Leukaemia"),
    "lymphoma": QT_TRANSLATE_NOOP("Pedigree", "Lymphoma"),
    "head_and_neck": QT_TRANSLATE_NOOP("Pedigree", "Head & neck"),
    "other": QT_TRANSLATE_NOOP("Pedigree", "Other"),
}
_GROUPS = {
    "breast": QT_TRANSLATE_NOOP("Pedigree", "Breast cancer"),
    "ovary": QT_TRANSLATE_NOOP("Pedigree", "Ovarian cancer"),
    "lynch": QT_TRANSLATE_NOOP("Pedigree", "Colorectal and Lynch spectrum"),
    "prostate": QT_TRANSLATE_NOOP("Pedigree", "Prostate cancer"),
    "pancreas": QT_TRANSLATE_NOOP("Pedigree", "Pancreatic cancer"),
    "other": QT_TRANSLATE_NOOP("Pedigree", "Other cancer"),
}
_LEGEND = {
    "male": QT_TRANSLATE_NOOP("Pedigree", "Male"),
    "female": QT_TRANSLATE_NOOP("Pedigree", "Female"),
    "unknown_sex": QT_TRANSLATE_NOOP("Pedigree", "Sex unknown"),
    "deceased": QT_TRANSLATE_NOOP("Pedigree", "Deceased"),
    "proband": QT_TRANSLATE_NOOP("Pedigree", "Proband"),
    "carrier": QT_TRANSLATE_NOOP("Pedigree", "Carrier of a pathogenic variant"),
    "tests": QT_TRANSLATE_NOOP(
        "Pedigree", "Gene + : pathogenic variant ; − : negative ; VUS : unknown significance"
    ),
    "adopted": QT_TRANSLATE_NOOP("Pedigree", "Adopted"),
    "consanguineous": QT_TRANSLATE_NOOP("Pedigree", "Consanguineous couple"),
    "twins_mz": QT_TRANSLATE_NOOP("Pedigree", "Monozygotic twins"),
    "twins_dz": QT_TRANSLATE_NOOP("Pedigree", "Dizygotic twins"),
}
# Short words: the comment tells the translator what each one is.
_YEARS = QT_TRANSLATE_NOOP("Pedigree", "y")  # after an age: "45 y"
_BORN = QT_TRANSLATE_NOOP("Pedigree", "b.")  # before a birth year: "b.1950"
_VUS = QT_TRANSLATE_NOOP("Pedigree", "VUS")  # variant of unknown significance
_PROBAND = QT_TRANSLATE_NOOP("Pedigree", "P")  # beside the proband's arrow
_LEGEND_TITLE = QT_TRANSLATE_NOOP("Pedigree", "Legend")

PIXEL_SIZE = 100  # texts are drawn from a 100 px font, scaled to their size in points
SELECTION_COLOUR = QColor(PRIMARY)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def pedigree_words() -> PedigreeWords:
    """The words of the drawing in the current language (French: those of the PDF)."""
    return PedigreeWords(
        sites={code: _tr(text) for code, text in _SITES.items()},
        groups={code: _tr(text) for code, text in _GROUPS.items()},
        legend={kind: _tr(text) for kind, text in _LEGEND.items()},
        years=_tr(_YEARS),
        born=_tr(_BORN),
        positive=FRENCH.positive,
        negative=FRENCH.negative,
        vus=_tr(_VUS),
        proband=_tr(_PROBAND),
    )


# --- fonts ---------------------------------------------------------------------------------


@cache
def _font_family() -> str:
    """The DejaVu Sans shipped for the PDFs, registered with Qt once."""
    fonts = files("oiso_desktop.resources") / "fonts"
    family = ""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        data = (fonts / name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    if not family:
        log.warning("DejaVu Sans could not be loaded; the pedigree uses the default font")
    return family


@cache
def _font(bold: bool) -> QFont:
    font = QFont(_font_family()) if _font_family() else QFont()
    font.setPixelSize(PIXEL_SIZE)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)  # as reportlab: widths add up the same
    return font


@cache
def _metrics(bold: bool) -> QFontMetricsF:
    return QFontMetricsF(_font(bold))


def measure(text: str, size: float, bold: bool) -> float:
    """Width of ``text`` at ``size`` points (scene units), as the PDF measures it."""
    return _metrics(bold).horizontalAdvance(text) * size / PIXEL_SIZE


# --- painting the operations ---------------------------------------------------------------


def _shape_path(shape: Shape, cx: float, cy: float, size: float) -> QPainterPath:
    half = size / 2
    path = QPainterPath()
    if shape == Shape.SQUARE:
        path.addRect(QRectF(cx - half, cy - half, size, size))
    elif shape == Shape.CIRCLE:
        path.addEllipse(QPointF(cx, cy), half, half)
    else:
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(cx, cy - half),
                    QPointF(cx + half, cy),
                    QPointF(cx, cy + half),
                    QPointF(cx - half, cy),
                    QPointF(cx, cy - half),
                ]
            )
        )
    return path


def _paint_symbol(painter: QPainter, op: Symbol) -> None:
    outline = _shape_path(op.shape, op.cx, op.cy, op.size)
    painter.fillPath(outline, QColor("white"))
    for group, (start, sweep) in zip(op.groups, sectors(len(op.groups)), strict=True):
        area = outline
        if abs(sweep) < 360:
            wedge = QPainterPath(QPointF(op.cx, op.cy))
            wedge.arcTo(
                QRectF(op.cx - op.size, op.cy - op.size, 2 * op.size, 2 * op.size), start, sweep
            )
            wedge.closeSubpath()
            area = outline.intersected(wedge)
        solid = group.pattern == Pattern.SOLID
        painter.fillPath(area, QColor(group.colour if solid else group.tint))
        if solid:
            continue
        painter.save()
        painter.setClipPath(area, Qt.ClipOperation.IntersectClip)
        colour = QColor(group.colour)
        pen = QPen(colour, max(op.size * 0.055, 0.5))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(colour)
        dot = op.size * 0.045
        for x1, y1, x2, y2 in hatch_lines(group.pattern, op.size / 2):
            if x1 == x2 and y1 == y2:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(QPointF(op.cx + x1, op.cy + y1), dot, dot)
            else:
                painter.drawLine(QPointF(op.cx + x1, op.cy + y1), QPointF(op.cx + x2, op.cy + y2))
        painter.restore()
    pen = QPen(QColor("black"), op.width)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(outline)


def _paint_text(painter: QPainter, op: Text) -> None:
    scale = op.size / PIXEL_SIZE
    width = _metrics(op.bold).horizontalAdvance(op.text)
    dx = {"center": -width / 2, "left": 0.0, "right": -width}[op.align]
    painter.save()
    painter.translate(op.x, op.y)
    painter.scale(scale, scale)
    painter.setFont(_font(op.bold))
    painter.setPen(QColor("#5a6672" if op.numeral else TEXT))
    painter.drawText(QPointF(dx, 0.0), op.text)
    painter.restore()


def paint_ops(painter: QPainter, ops: Sequence[Op]) -> None:
    """Draw the operations of ``domain.pedigree_drawing`` (scene units: points)."""
    for op in ops:
        if isinstance(op, Line):
            pen = QPen(QColor("black"), op.width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap if op.dashed else Qt.PenCapStyle.RoundCap)
            if op.dashed:
                pen.setDashPattern([3 / op.width, 2 / op.width])
            painter.setPen(pen)
            painter.drawLine(QPointF(op.x1, op.y1), QPointF(op.x2, op.y2))
        elif isinstance(op, Symbol):
            _paint_symbol(painter, op)
        elif isinstance(op, Disc):
            painter.setPen(Qt.PenStyle.NoPen)
            if op.ring:
                painter.setBrush(QColor("white"))
                painter.drawEllipse(QPointF(op.cx, op.cy), op.radius + op.ring, op.radius + op.ring)
            painter.setBrush(QColor("black"))
            painter.drawEllipse(QPointF(op.cx, op.cy), op.radius, op.radius)
        elif isinstance(op, Polygon):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("black"))
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in op.points]))
        else:
            _paint_text(painter, op)


def _bounds(ops: Sequence[Op]) -> QRectF:
    rect = QRectF()
    for op in ops:
        if isinstance(op, Line):
            part = QRectF(QPointF(op.x1, op.y1), QPointF(op.x2, op.y2)).normalized()
            part.adjust(-op.width, -op.width, op.width, op.width)
        elif isinstance(op, Symbol):
            part = QRectF(op.cx - op.size / 2, op.cy - op.size / 2, op.size, op.size)
            part.adjust(-op.width, -op.width, op.width, op.width)
        elif isinstance(op, Disc):
            reach = op.radius + op.ring
            part = QRectF(op.cx - reach, op.cy - reach, 2 * reach, 2 * reach)
        elif isinstance(op, Polygon):
            part = QPolygonF([QPointF(x, y) for x, y in op.points]).boundingRect()
        else:
            width = measure(op.text, op.size, op.bold)
            left = {"center": op.x - width / 2, "left": op.x, "right": op.x - width}[op.align]
            part = QRectF(left, op.y - op.size, width, op.size * 1.3)
        rect = rect.united(part)
    return rect.adjusted(-1, -1, 1, 1)


class _OpsItem(QGraphicsItem):
    """Draws a fixed list of operations."""

    def __init__(self, ops: Sequence[Op], parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.ops = tuple(ops)
        self._bounds = _bounds(self.ops)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt)
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_ops(painter, self.ops)


class PersonItem(_OpsItem):
    """One person: symbol, marks and labels. ``person_id`` is the family's id ("p3")."""

    def __init__(self, person_id: str, ops: Sequence[Op], centre: tuple[float, float]) -> None:
        super().__init__(ops)
        self.person_id = person_id
        self.centre = centre
        self.setData(0, person_id)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._selected = False
        reach = SYMBOL / 2 + 5
        self._frame = QRectF(centre[0] - reach, centre[1] - reach, 2 * reach, 2 * reach)
        self._bounds = self._bounds.united(self._frame.adjusted(-2, -2, 2, 2))

    @property
    def chosen(self) -> bool:
        return self._selected

    def set_chosen(self, chosen: bool) -> None:
        if chosen != self._selected:
            self._selected = chosen
            self.update()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(43, 87, 151, 40))
            painter.drawRoundedRect(self._frame, 4, 4)
            painter.setPen(QPen(SELECTION_COLOUR, 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._frame, 4, 4)
        paint_ops(painter, self.ops)


class PedigreeScene(QGraphicsScene):
    """A family's pedigree: one ``PersonItem`` per person, the tree's lines, the legend."""

    sig_person_selected = Signal(str)  # the person's id in the family ("p3")

    LEGEND_GAP = 16.0

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._family = Family()
        self._drawing: PedigreeDrawing | None = None
        self._people: dict[str, PersonItem] = {}
        self._selected: str | None = None
        self.setBackgroundBrush(QBrush(QColor("white")))

    @property
    def family(self) -> Family:
        return self._family

    @property
    def drawing(self) -> PedigreeDrawing | None:
        return self._drawing

    def person_items(self) -> dict[str, PersonItem]:
        return dict(self._people)

    def selected_person(self) -> str | None:
        return self._selected

    def set_family(self, family: Family) -> None:
        """Redraw for ``family`` now (the selection is kept when the person is still there)."""
        self._family = family
        self.clear()
        self._people = {}
        if not family.people:
            self._drawing = None
            self._selected = None
            self.setSceneRect(QRectF(0, 0, 1, 1))
            return
        words = pedigree_words()
        drawing = pedigree_drawing(family, layout(family, today=self._today), measure, words)
        self._drawing = drawing
        self.addItem(_OpsItem([op for op in drawing.ops if op.owner is None]))
        for person_id, centre in drawing.centres.items():
            item = PersonItem(person_id, drawing.person_ops(person_id), centre)
            item.setToolTip(self._tooltip(person_id))
            self.addItem(item)
            self._people[person_id] = item
        width = max(drawing.width, 480.0)
        title_width = measure(_tr(_LEGEND_TITLE), 7.5, True) + 10
        ops, height = legend_drawing(drawing.legend, width - title_width, measure, words)
        if ops:
            top = drawing.height + self.LEGEND_GAP
            title = Text(0.0, 9.5, _tr(_LEGEND_TITLE), 7.5, True, "left")
            legend = _OpsItem([title])
            entries = _OpsItem(ops, legend)
            entries.setPos(title_width, 0.0)
            legend.setPos(4.0, top)
            self.addItem(legend)
            bottom = top + height
        else:
            bottom = drawing.height
        self.setSceneRect(QRectF(0, 0, width, bottom + 8))
        if self._selected not in self._people:
            self._selected = None
        elif self._selected is not None:
            self._people[self._selected].set_chosen(True)

    def select_person(self, person_id: str | None) -> None:
        """Highlight a person (no signal: the signal says the user clicked)."""
        for pid, item in self._people.items():
            item.set_chosen(pid == person_id)
        self._selected = person_id if person_id in self._people else None

    def person_at(self, point: QPointF) -> str | None:
        for item in self.items(point):
            while item is not None and not isinstance(item, PersonItem):
                item = item.parentItem()
            if isinstance(item, PersonItem):
                return item.person_id
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt)
        if event.button() == Qt.MouseButton.LeftButton:
            person_id = self.person_at(event.scenePos())
            if person_id is not None:
                self.select_person(person_id)
                self.sig_person_selected.emit(person_id)
                event.accept()
                return
        super().mousePressEvent(event)

    def _tooltip(self, person_id: str) -> str:
        person = self._family.person(person_id)
        relation = relationship_to_proband(self._family, person_id)
        name = person_label(person) if person.name.strip() else ""
        return " — ".join(part for part in (name, relation) if part)


class PedigreeView(QGraphicsView):
    """Shows a ``PedigreeScene``: Ctrl+wheel or +/− to zoom, 0 to fit, drag to move."""

    MIN_ZOOM = 0.2
    MAX_ZOOM = 6.0
    STEP = 1.2

    sig_zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pedigree_view")
        self._scene = PedigreeScene(self, today=today)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Pedigree"))
        self._zoom = 1.0

    @property
    def pedigree_scene(self) -> PedigreeScene:
        return self._scene

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_family(self, family: Family) -> None:
        self._scene.set_family(family)

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, self.MIN_ZOOM), self.MAX_ZOOM)
        self.resetTransform()
        self.scale(zoom, zoom)
        if zoom != self._zoom:
            self._zoom = zoom
            self.sig_zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * self.STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / self.STEP)

    def fit_to_window(self) -> None:
        """The whole pedigree and its legend in the window (never above 200 %)."""
        rect = self._scene.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return
        margin = 12
        zoom = min(
            (view.width() - margin) / rect.width(), (view.height() - margin) / rect.height(), 2.0
        )
        self.set_zoom(zoom)
        self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self._zoom * self.STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit_to_window()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
