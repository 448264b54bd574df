"""The pedigree on screen: one item per person, selection by click, redraw, zoom, words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from oiso_desktop.domain.family import Family, add_sibling
from oiso_desktop.domain.pedigree_drawing import FRENCH, Text
from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES, brca1_family, lynch_family
from oiso_desktop.gui.pedigree_scene import PedigreeView, PersonItem, pedigree_words

TODAY = date(2025, 6, 1)


@pytest.fixture
def view(qtbot) -> PedigreeView:
    widget = PedigreeView(today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _person_items(view: PedigreeView) -> list[PersonItem]:
    return [i for i in view.pedigree_scene.items() if isinstance(i, PersonItem)]


def test_one_item_per_person_carrying_its_id(view: PedigreeView) -> None:
    family = lynch_family()
    view.set_family(family)
    items = _person_items(view)
    assert len(items) == len(family.people)
    assert {item.person_id for item in items} == set(family.ids)
    assert all(item.data(0) == item.person_id for item in items)
    proband = view.pedigree_scene.person_items()["p1"]
    assert "cas index" in proband.toolTip()


def test_clicking_a_symbol_selects_the_person(view: PedigreeView, qtbot) -> None:
    family = brca1_family()
    view.set_family(family)
    view.fit_to_window()
    scene = view.pedigree_scene
    mother = family.person("p1").mother_id
    assert mother is not None
    centre = scene.person_items()[mother].centre
    point = view.mapFromScene(QPointF(*centre))
    with qtbot.waitSignal(scene.sig_person_selected, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [mother]
    assert scene.selected_person() == mother
    assert scene.person_items()[mother].chosen
    # A click on the background selects nobody and emits nothing.
    with qtbot.assertNotEmitted(scene.sig_person_selected):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))


def test_set_family_redraws_at_once_and_keeps_the_selection(view: PedigreeView) -> None:
    family = brca1_family()
    view.set_family(family)
    view.pedigree_scene.select_person("p1")
    bigger = add_sibling(family, "p1", sex="F")
    view.set_family(bigger)
    items = view.pedigree_scene.person_items()
    assert len(items) == len(family.people) + 1
    assert len(_person_items(view)) == len(bigger.people)
    assert items["p1"].chosen
    view.set_family(Family())
    assert _person_items(view) == []
    assert view.pedigree_scene.selected_person() is None


def test_zoom_by_keys_wheel_and_fit(view: PedigreeView, qtbot) -> None:
    view.set_family(SAMPLE_FAMILIES["large"][1]())
    view.setFocus()
    start = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(start * view.STEP)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom == pytest.approx(start / view.STEP)
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        view.viewport().mapToGlobal(centre),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    before = view.zoom
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(before * view.STEP**2)
    qtbot.keyClick(view, Qt.Key.Key_0)
    rect = view.mapFromScene(view.pedigree_scene.sceneRect()).boundingRect()
    assert rect.width() <= view.viewport().width() and rect.height() <= view.viewport().height()
    for _ in range(40):
        view.zoom_out()
    assert view.zoom == view.MIN_ZOOM


def test_french_words_are_those_of_the_pdf() -> None:
    assert pedigree_words() == FRENCH


def test_scene_texts_match_the_pdf(view: PedigreeView) -> None:
    view.set_family(lynch_family())
    drawing = view.pedigree_scene.drawing
    assert drawing is not None
    texts = {op.text for op in drawing.ops if isinstance(op, Text)}
    assert {"Côlon 41", "MLH1 +", "†56 a", "II-4", "III-4", "P"} <= texts


@pytest.mark.parametrize("key", list(SAMPLE_FAMILIES))
def test_sample_families_grab(view: PedigreeView, tmp_path: Path, key: str) -> None:
    view.set_family(SAMPLE_FAMILIES[key][1]())
    view.fit_to_window()
    image = view.grab().toImage()
    path = tmp_path / f"{key}.png"
    assert image.save(str(path))
    assert path.stat().st_size > 5000
    # Something is drawn: dark pixels (lines, text) on the white background.
    dark = sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 50
