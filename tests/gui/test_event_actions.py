"""The Qt-free list of action codes (the CLI's ``--action``) and the Journal's labels
name the same actions."""

from __future__ import annotations

from oiso_desktop.domain.event_actions import EVENT_ACTIONS
from oiso_desktop.gui.event_table_model import ACTION_LABELS


def test_the_action_codes_are_the_journal_s_labelled_actions() -> None:
    assert sorted(set(ACTION_LABELS) - EVENT_ACTIONS) == []  # add it to domain/event_actions.py
    assert sorted(EVENT_ACTIONS - set(ACTION_LABELS)) == []  # label it in event_table_model.py
