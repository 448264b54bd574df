"""PatientListModel without widgets: ids first, pages asked once, answers placed by
generation, pages dropped when too many are held, key-fact columns."""

from __future__ import annotations

import dataclasses
import os
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from oiso_desktop.domain.family_facts import FamilyKeyFacts  # noqa: E402
from oiso_desktop.domain.permissions import PatientAccess  # noqa: E402
from oiso_desktop.gui.patient_table_model import PatientListModel  # noqa: E402
from oiso_desktop.services.dto import PatientIdList, PatientPage, PatientSummary  # noqa: E402

M = PatientListModel


def _summary(patient_id: int, facts: FamilyKeyFacts | None = None) -> PatientSummary:
    return PatientSummary(
        id=patient_id,
        birth_name=f"NOM{patient_id:04d}",
        used_name="",
        first_names="Hélène",
        birth_date=date(1975, 3, 12),
        sex="F",
        nir=None,
        ins_status="PROV",
        owner_display_name="Claire Dubois",
        access=PatientAccess.WRITE,
        key_facts=facts,
    )


class Loader:
    """Records what the model asks; the test answers when it wants (as a task would)."""

    def __init__(self) -> None:
        self.asked: list[tuple[tuple[int, ...], object, object]] = []

    def __call__(self, ids, on_success, on_failure) -> None:
        self.asked.append((ids, on_success, on_failure))

    def answer(self, index: int, *, facts: bool = False, leave_out: frozenset[int] = frozenset()):
        """Answer the ``index``-th request (not a page number)."""
        ids, on_success, _ = self.asked[index]
        rows = tuple(
            _summary(pid, FamilyKeyFacts(4, 1) if facts else None)
            for pid in ids
            if pid not in leave_out
        )
        on_success(PatientPage(rows=rows, with_key_facts=facts))


def _ids(count: int) -> tuple[int, ...]:
    return tuple(range(1001, 1001 + count))


def test_ids_first_then_pages_in_view_asked_once(qapp, qtbot) -> None:
    loader = Loader()
    model = M(loader)
    ids = _ids(3 * M.PAGE_SIZE + 7)
    first = tuple(_summary(pid) for pid in ids[: M.PAGE_SIZE])
    with qtbot.waitSignal(model.modelReset):
        model.set_result(PatientIdList(ids=ids, with_key_facts=False, first_rows=first))
    assert model.rowCount() == len(ids) and model.columnCount() == M.COLUMN_COUNT
    assert model.held_pages() == (0,)
    assert model.index(0, M.COL_BIRTH_NAME).data() == "NOM1001"
    # Rows of pages not loaded: an ellipsis, but the id is known (the file opens).
    last = len(ids) - 1
    assert model.index(last, M.COL_BIRTH_NAME).data() == "…"
    assert model.index(last, M.COL_NIR).data() is None
    assert model.index(last, 3).data(M.PATIENT_ID_ROLE) == ids[-1]
    assert model.row_at(last) is None and not model.is_row_loaded(last)
    assert model.row_of(ids[-1]) == last and model.id_at(5) == ids[5]

    # The rows in view are asked page by page, each page once.
    assert model.load_rows(10, M.PAGE_SIZE + 3) == [1]
    assert model.load_rows(M.PAGE_SIZE, 2 * M.PAGE_SIZE) == [2]
    assert model.pending_pages() == {1, 2}
    assert [len(a[0]) for a in loader.asked] == [M.PAGE_SIZE, M.PAGE_SIZE]
    assert loader.asked[0][0] == ids[M.PAGE_SIZE : 2 * M.PAGE_SIZE]
    with qtbot.waitSignal(model.sig_rows_loaded) as loaded, qtbot.waitSignal(model.dataChanged):
        loader.answer(0)
    assert loaded.args == [M.PAGE_SIZE, 2 * M.PAGE_SIZE - 1]
    assert model.index(M.PAGE_SIZE, M.COL_BIRTH_NAME).data() == f"NOM{ids[M.PAGE_SIZE]}"
    assert model.row_at(M.PAGE_SIZE).id == ids[M.PAGE_SIZE]
    assert model.pending_pages() == {2}
    assert model.load_rows(0, last) == [3]  # 0 and 1 held, 2 on its way
    loader.answer(1)  # page 2
    loader.answer(1)  # an answer given twice changes nothing
    loader.answer(2)  # page 3
    assert all(model.is_row_loaded(row) for row in range(len(ids)))
    assert model.index(last, M.COL_BIRTH_NAME).data() == f"NOM{ids[-1]}"


def test_answers_to_an_older_search_are_dropped_and_failures_asked_again(qapp, qtbot) -> None:
    loader = Loader()
    model = M(loader)
    model.set_result(PatientIdList(ids=_ids(2 * M.PAGE_SIZE), with_key_facts=False))
    assert model.load_rows(0, 2 * M.PAGE_SIZE - 1) == [0, 1]
    model.set_result(PatientIdList(ids=_ids(10), with_key_facts=False))  # a new query
    loader.answer(0)
    assert model.held_pages() == () and model.index(0, 0).data() == "…"
    assert model.load_rows(0, 9) == [0]
    _, _, on_failure = loader.asked[-1]
    with qtbot.waitSignal(model.sig_load_failed) as failed:
        on_failure(RuntimeError("réseau"))
    assert isinstance(failed.args[0], RuntimeError)
    assert model.pending_pages() == frozenset()
    assert model.load_rows(0, 9) == [0]  # asked again when in view again
    model.clear()
    assert model.rowCount() == 0 and model.load_rows(0, 5) == []


def test_a_file_gone_since_the_search_shows_as_unavailable(qapp) -> None:
    loader = Loader()
    model = M(loader)
    ids = _ids(5)
    model.set_result(PatientIdList(ids=ids, with_key_facts=False))
    model.load_rows(0, 4)
    loader.answer(0, leave_out=frozenset({ids[2]}))
    assert model.index(2, M.COL_BIRTH_NAME).data() == "Dossier plus accessible"
    assert model.row_at(2) is None and model.is_row_loaded(2)
    assert model.index(2, M.COL_BIRTH_NAME).data(M.PATIENT_ID_ROLE) == ids[2]
    assert model.index(3, M.COL_BIRTH_NAME).data() == f"NOM{ids[3]}"


def test_only_a_few_pages_are_held(qapp) -> None:
    loader = Loader()
    model = M(loader)
    pages = M.MAX_HELD_PAGES + 5
    model.set_result(PatientIdList(ids=_ids(pages * M.PAGE_SIZE), with_key_facts=False))
    for page in range(pages):
        model.load_rows(page * M.PAGE_SIZE, page * M.PAGE_SIZE + 3)
        loader.answer(page)
    held = model.held_pages()
    assert len(held) == M.MAX_HELD_PAGES
    assert held == tuple(range(5, pages))  # the least recently wanted went
    assert model.index(0, 0).data() == "…"
    model.load_rows(6 * M.PAGE_SIZE, 6 * M.PAGE_SIZE)  # wanted again: kept longest
    assert model.held_pages()[-1] == 6
    assert model.load_rows(0, 0) == [0]  # a dropped page is fetched again


def test_key_fact_columns_in_french(qapp) -> None:
    loader = Loader()
    model = M(loader)
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(M.COLUMN_COUNT)]
    assert header[M.COL_AFFECTED] == "Atteints / apparentés"
    assert header[M.COL_VARIANT] == "Variant"
    assert "sans compter le patient" in model.headerData(
        M.COL_AFFECTED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    rows = (
        _summary(1, FamilyKeyFacts(12, 4, ("BRCA1", "PALB2"))),
        _summary(2, FamilyKeyFacts(1, 0)),
        _summary(3, None),  # no family form saved yet
    )
    model.set_result(PatientIdList(ids=(1, 2, 3), with_key_facts=True, first_rows=rows))
    assert model.has_key_facts

    def cell(row, column, role=Qt.ItemDataRole.DisplayRole):
        return model.index(row, column).data(role)

    tip = Qt.ItemDataRole.ToolTipRole
    assert cell(0, M.COL_AFFECTED) == "4 / 12"
    assert cell(0, M.COL_VARIANT) == "BRCA1, PALB2"
    assert cell(0, M.COL_AFFECTED, tip) == (
        "12 apparentés saisis dans la famille\ndont 4 ayant eu un cancer"
    )
    assert cell(1, M.COL_AFFECTED, tip) == (
        "1 apparenté saisi dans la famille\ndont 0 ayant eu un cancer"
    )
    assert cell(0, M.COL_VARIANT, tip) == (
        "Variant pathogène enregistré dans la famille : BRCA1, PALB2"
    )
    assert cell(1, M.COL_VARIANT) == ""
    assert cell(1, M.COL_VARIANT, tip) == "Aucun variant pathogène enregistré dans la famille"
    assert cell(2, M.COL_AFFECTED) == "" and cell(2, M.COL_VARIANT) == ""
    assert cell(2, M.COL_AFFECTED, tip) == "Famille pas encore saisie"
    assert cell(0, M.COL_AFFECTED, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignCenter
    )
    # The identity columns read as in the short list.
    assert cell(0, M.COL_BIRTH_DATE) == "12/03/1975" and cell(0, M.COL_SEX) == "F"
    assert cell(0, M.COL_INS_STATUS) == "Provisoire"
    assert cell(0, 0, M.SUMMARY_ROLE) == rows[0]
    # A later page without facts (the key went meanwhile): no column shows any.
    model.set_result(PatientIdList(ids=(1, 2, 3, 4), with_key_facts=True))
    model.load_rows(0, 3)
    loader.answer(0, facts=False)
    assert not model.has_key_facts


def test_names_carry_their_whole_text_as_tool_tip(qapp) -> None:
    """A narrow window elides long names: the tool tip shows them whole."""
    model = M(Loader())
    row = dataclasses.replace(_summary(1), first_names="Anne-Sophie Marie-Clémence")
    model.set_result(PatientIdList(ids=(1,), with_key_facts=False, first_rows=(row,)))
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, M.COL_FIRST_NAMES).data(tip) == "Anne-Sophie Marie-Clémence"
    assert model.index(0, M.COL_OWNER).data(tip) == "Claire Dubois"
    assert model.index(0, M.COL_USED_NAME).data(tip) is None  # empty: nothing to show
