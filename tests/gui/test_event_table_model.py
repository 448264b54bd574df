"""EventTableModel without widgets."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from oiso_desktop.gui.event_table_model import (  # noqa: E402
    ACTION_LABELS,
    EventTableModel,
    action_label,
    object_label,
)
from oiso_desktop.services.dto import EventView  # noqa: E402


def _event(**changes) -> EventView:
    values = dict(
        id=5,
        occurred_at="2026-11-23T21:03:41.123456Z",
        user_id=2,
        login="cdubois",
        action="patient_viewed",
        object_type="patient",
        object_id=12,
        workstation="PC-GENET-01",
        app_version="0.1.0",
        details="{}",
    )
    values.update(changes)
    return EventView(**values)


def test_columns(qapp):
    model = EventTableModel()
    model.set_rows([_event(), _event(id=4, action="login", object_type="", object_id=None)])
    assert model.rowCount() == 2
    when = model.index(0, EventTableModel.COL_WHEN).data()
    expected = datetime(2026, 11, 23, 21, 3, 41, tzinfo=UTC).astimezone()
    assert when == expected.strftime("%d/%m/%Y %H:%M:%S")
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", when)
    assert model.index(0, EventTableModel.COL_USER).data() == "cdubois"
    assert model.index(0, EventTableModel.COL_ACTION).data() == action_label("patient_viewed")
    obj = model.index(0, EventTableModel.COL_OBJECT).data()
    assert "12" in obj and obj == object_label("patient", 12)
    assert model.index(1, EventTableModel.COL_OBJECT).data() == ""
    assert model.index(0, EventTableModel.COL_WORKSTATION).data() == "PC-GENET-01"
    assert model.index(0, EventTableModel.COL_VERSION).data() == "0.1.0"
    assert model.index(1, 0).data(EventTableModel.EVENT_ID_ROLE) == 4
    assert model.row_at(0).action == "patient_viewed"


def test_every_documented_action_has_a_label():
    with open(
        os.path.join(os.path.dirname(__file__), "..", "..", "docs", "ARCHITECTURE.md"),
        encoding="utf-8",
    ) as handle:
        text = handle.read()
    section = text.split("## Event actions", 1)[1].split("\n#", 1)[0]
    documented = set(re.findall(r"`([a-z_]+)`", section))
    assert documented, "no action found in ARCHITECTURE.md"
    assert documented <= set(ACTION_LABELS)
    # Unknown codes are shown as they are rather than hidden.
    assert action_label("something_new") == "something_new"


def test_every_action_the_package_records_has_a_label() -> None:
    """A new event action must be readable in the Journal (French and English)."""
    import ast
    from pathlib import Path

    from oiso_desktop.gui.event_table_model import ACTION_LABELS

    package = Path(__file__).resolve().parents[2] / "oiso_desktop"
    recorded: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(
                node.func, "id", getattr(node.func, "attr", "")
            ) in ("record_event", "_record"):
                literals = [
                    a.value
                    for a in node.args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
                recorded.update(literals[:1])
    assert recorded, "the scan found no record_event call"
    assert sorted(recorded - set(ACTION_LABELS)) == []
