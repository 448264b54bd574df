"""Event-log hash chain: build, verify, and detect tampering."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oiso_desktop.domain.event_chain import (
    EVENT_FIELDS,
    GENESIS_HASH,
    ChainReport,
    canonical_json,
    event_hash,
    verify_chain,
)


def build_chain(count: int, *, start_id: int = 1, prev: str = GENESIS_HASH) -> list[dict]:
    records = []
    for offset in range(count):
        record = {
            "id": start_id + offset,
            "occurred_at": f"2026-01-15T10:{offset % 60:02d}:00.000000Z",
            "user_id": 1 + offset % 3,
            "login": ["admin", "h.lefèvre", "secrétaire"][offset % 3],
            "action": ["login", "patient_viewed", "logout"][offset % 3],
            "object_type": "patient" if offset % 3 == 1 else "",
            "object_id": 100 + offset if offset % 3 == 1 else None,
            "workstation": "PC-ONCO-01",
            "app_version": "0.1.0",
            "details": "{}",
        }
        record["prev_hash"] = prev
        record["hash"] = prev = event_hash(prev, record)
        records.append(record)
    return records


def test_constants():
    assert GENESIS_HASH == "0" * 64
    assert EVENT_FIELDS == (
        "id",
        "occurred_at",
        "user_id",
        "login",
        "action",
        "object_type",
        "object_id",
        "workstation",
        "app_version",
        "details",
    )


def test_canonical_json_is_sorted_compact_utf8_and_keeps_none():
    record = build_chain(2)[1]
    text = canonical_json(record)
    assert text == (
        '{"action":"patient_viewed","app_version":"0.1.0","details":"{}","id":2,'
        '"login":"h.lefèvre","object_id":101,"object_type":"patient",'
        '"occurred_at":"2026-01-15T10:01:00.000000Z","user_id":2,"workstation":"PC-ONCO-01"}'
    )
    first = canonical_json(build_chain(1)[0])
    assert '"object_id":null' in first
    # prev_hash, hash and unknown keys are not part of the content.
    assert "prev_hash" not in text and "hash" not in json.loads(text)
    assert canonical_json({**record, "extra": 1}) == text
    # Missing fields count as null.
    assert json.loads(canonical_json({"id": 5}))["login"] is None


def test_event_hash_definition():
    record = build_chain(1)[0]
    expected = hashlib.sha256(
        (GENESIS_HASH + "\n" + canonical_json(record)).encode("utf-8")
    ).hexdigest()
    assert event_hash(GENESIS_HASH, record) == expected
    assert len(expected) == 64
    assert event_hash("1" * 64, record) != expected


def test_intact_chain():
    records = build_chain(50)
    assert verify_chain(records) == ChainReport(
        ok=True,
        checked=50,
        first_broken_id=None,
        reason="Chaîne intacte : 50 enregistrements vérifiés.",
    )
    assert verify_chain(iter(records)).ok  # any iterable, consumed once


def test_empty_and_single():
    assert verify_chain([]) == ChainReport(True, 0, None, "Aucun enregistrement à vérifier.")
    assert verify_chain(build_chain(1)).reason == "Chaîne intacte : 1 enregistrement vérifié."


def test_chain_after_a_purge_anchor():
    full = build_chain(60)
    anchor = full[40]  # events 1..41 purged; the anchor keeps id 41 and its hash
    rest = full[41:]
    assert not verify_chain(rest).ok  # without the anchor the first id is unexpected
    report = verify_chain(rest, anchor_id=anchor["id"], anchor_hash=anchor["hash"])
    assert report.ok and report.checked == 19
    wrong = verify_chain(rest, anchor_id=anchor["id"], anchor_hash=GENESIS_HASH)
    assert wrong.first_broken_id == 42 and not wrong.ok


@pytest.mark.parametrize(
    "field", ["occurred_at", "user_id", "login", "action", "object_id", "details"]
)
def test_edited_record(field):
    records = build_chain(60)
    records[41] = {**records[41], field: "tampered"}
    report = verify_chain(records)
    assert report == ChainReport(
        ok=False,
        checked=41,
        first_broken_id=42,
        reason="Enregistrement n°42 modifié (empreinte incorrecte).",
    )


def test_edited_record_with_recomputed_hash_breaks_the_next_link():
    records = build_chain(60)
    edited = {**records[41], "action": "login"}
    edited["hash"] = event_hash(edited["prev_hash"], edited)
    records[41] = edited
    report = verify_chain(records)
    assert report.first_broken_id == 43
    assert report.reason == "Enregistrement n°43 inséré ou déplacé (chaînage rompu)."
    assert report.checked == 42


def test_deleted_record_in_the_middle():
    records = build_chain(60)
    del records[41]  # id 42
    report = verify_chain(records)
    assert report == ChainReport(
        ok=False,
        checked=41,
        first_broken_id=43,
        reason="Enregistrement manquant avant le n°43 (suppression).",
    )


def test_deleted_first_record():
    report = verify_chain(build_chain(5)[1:])
    assert report.first_broken_id == 2
    assert report.reason == "Enregistrement manquant avant le n°2 (suppression)."
    assert report.checked == 0


def test_deleted_record_with_renumbering_is_still_detected():
    records = build_chain(10)
    del records[4]  # id 5
    for record in records[4:]:
        record["id"] -= 1  # hide the gap
    report = verify_chain(records)
    assert not report.ok
    assert report.first_broken_id == 5
    assert report.reason == "Enregistrement n°5 inséré ou déplacé (chaînage rompu)."


def test_inserted_record():
    records = build_chain(10)
    forged = {**records[4], "action": "patient_viewed", "object_id": 999}
    forged["hash"] = event_hash(forged["prev_hash"], forged)
    records.insert(5, forged)  # a second id 5
    report = verify_chain(records)
    assert report.first_broken_id == 5
    assert report.reason == "Enregistrement n°5 inséré ou déplacé (chaînage rompu)."
    assert report.checked == 5


def test_appended_record_with_wrong_prev_hash():
    records = build_chain(10)
    forged = {**build_chain(11)[10], "prev_hash": GENESIS_HASH}
    forged["hash"] = event_hash(GENESIS_HASH, forged)
    report = verify_chain([*records, forged])
    assert report.first_broken_id == 11
    assert report.reason == "Enregistrement n°11 inséré ou déplacé (chaînage rompu)."


def test_reordered_records_swapped_ids():
    records = build_chain(10)
    records[3]["id"], records[4]["id"] = records[4]["id"], records[3]["id"]
    records[3], records[4] = records[4], records[3]  # listed by id again
    report = verify_chain(records)
    assert report.first_broken_id == 4
    assert report.reason == "Enregistrement n°4 inséré ou déplacé (chaînage rompu)."


def test_reordered_records_listed_out_of_order():
    records = build_chain(10)
    records[3], records[4] = records[4], records[3]
    report = verify_chain(records)
    assert not report.ok
    assert report.first_broken_id == 5
    assert "Enregistrement manquant avant le n°5" in report.reason


def test_record_without_a_valid_id():
    records = build_chain(3)
    records[1] = {**records[1], "id": "abc"}
    report = verify_chain(records)
    assert not report.ok and report.first_broken_id is None and report.checked == 1


@given(st.integers(min_value=1, max_value=20), st.data())
def test_any_single_edit_is_detected_at_that_record(count, data):
    records = build_chain(count)
    index = data.draw(st.integers(min_value=0, max_value=count - 1))
    field = data.draw(st.sampled_from([f for f in EVENT_FIELDS if f != "id"]))
    value = data.draw(st.one_of(st.text(max_size=5), st.integers(), st.none()))
    if records[index][field] == value:
        return
    records[index] = {**records[index], field: value}
    report = verify_chain(records)
    assert not report.ok
    assert report.first_broken_id == index + 1
    assert report.checked == index


def test_the_recorded_head_catches_what_an_intact_chain_cannot_show() -> None:
    from oiso_desktop.domain.event_chain import ChainReport, check_chain_head

    intact = ChainReport(ok=True, checked=5, first_broken_id=None, reason="")
    assert check_chain_head(intact, last=(5, "e"), head=(5, "e")) is intact
    cut = check_chain_head(intact, last=(5, "e"), head=(7, "g"))
    assert (cut.ok, cut.first_broken_id) == (False, 6)
    assert "n°7" in cut.reason
    emptied = check_chain_head(
        ChainReport(ok=True, checked=0, first_broken_id=None, reason=""), last=None, head=(3, "c")
    )
    assert (emptied.ok, emptied.first_broken_id) == (False, 1)
    appended = check_chain_head(intact, last=(6, "f"), head=(5, "e"))
    assert (appended.ok, appended.first_broken_id) == (False, 6)
    rewritten = check_chain_head(intact, last=(5, "x"), head=(5, "e"))
    assert (rewritten.ok, rewritten.first_broken_id) == (False, 5)
    lost = check_chain_head(intact, last=(5, "e"), head=None)
    assert not lost.ok
    broken = ChainReport(ok=False, checked=2, first_broken_id=3, reason="r")
    assert check_chain_head(broken, last=(5, "e"), head=(9, "i")) is broken


_JSON_VALUES = st.one_of(
    st.none(),
    st.text(),  # any code point: quotes, controls, accents, surrogates, U+2028
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=3),
)


@given(st.dictionaries(st.sampled_from((*EVENT_FIELDS, "prev_hash", "other")), _JSON_VALUES))
def test_canonical_json_is_the_reference_encoding_for_any_values(record):
    # The fast path must write exactly what json.dumps writes, whatever the values:
    # a single character of difference would break every stored chain.
    reference = json.dumps(
        {name: record.get(name) for name in EVENT_FIELDS},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    assert canonical_json(record) == reference
