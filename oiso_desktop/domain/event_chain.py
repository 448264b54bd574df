"""Hash chain of the event log (DESIGN.md §6): tamper evidence.

Each event stores ``prev_hash`` (the hash of the event before it, or the anchor
hash for the first event after a purge) and ``hash`` =
``sha256(prev_hash + "\\n" + canonical JSON of its EVENT_FIELDS)``. Editing,
deleting, inserting or moving a row breaks the chain at that row.

After a purge (``domain.retention.PurgeAnchor``) the chain starts after the
anchor; :func:`check_purge_anchor` checks the anchor itself against the newest
``events_purged`` event and the events the purge kept below it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from oiso_desktop.domain.retention import PurgeAnchor

__all__ = [
    "EVENT_FIELDS",
    "GENESIS_HASH",
    "ChainReport",
    "canonical_json",
    "check_chain_head",
    "check_purge_anchor",
    "event_hash",
    "verify_chain",
]

GENESIS_HASH = "0" * 64
EVENT_FIELDS = (
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


#: The reference encoding: ``json.dumps(sort_keys=True, separators=(",", ":"),
#: ensure_ascii=False)``, built once.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
#: (field, its JSON key) in sorted order, for the fast path below.
_SORTED_KEYS = tuple((name, f"{json.dumps(name)}:") for name in sorted(EVENT_FIELDS))


def _json_value(value: object) -> str:
    """``value`` as the reference encoder writes it, for str, int and None only."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # type: ignore[arg-type]
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)  # type: ignore[arg-type]
    raise TypeError(kind)  # bool, float, …: the reference encoder


def canonical_json(record: Mapping[str, object]) -> str:
    """JSON of the EVENT_FIELDS of ``record``: sorted keys, no spaces, UTF-8 kept.

    A missing field counts as ``null``; other keys of ``record`` are ignored.
    Event fields are text, integers or null: those are written directly (a
    chain check of a million events spends most of its time here, 2.5 times
    less than through the encoder); any other value goes through the reference
    encoder, and both give the same text (tested against ``json.dumps``).
    """
    get = record.get
    try:
        return "{" + ",".join([key + _json_value(get(name)) for name, key in _SORTED_KEYS]) + "}"
    except TypeError:
        return _ENCODER.encode({name: get(name) for name in EVENT_FIELDS})


def event_hash(prev_hash: str, record: Mapping[str, object]) -> str:
    """sha256 hex digest of ``prev_hash + "\\n" + canonical_json(record)``."""
    data = f"{prev_hash}\n{canonical_json(record)}".encode()
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int  # records found intact (before the first broken one)
    first_broken_id: int | None
    reason: str  # French


def _record_id(record: Mapping[str, object]) -> int | None:
    value = record.get("id")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def verify_chain(
    records: Iterable[Mapping[str, object]],
    *,
    anchor_id: int = 0,
    anchor_hash: str = GENESIS_HASH,
) -> ChainReport:
    """Check ``records`` (ordered by id, starting right after the anchor).

    The first problem found stops the check:

    * an id greater than expected: rows were deleted before it;
    * an id lower than expected, or a ``prev_hash`` that is not the previous
      row's hash: a row was inserted or moved;
    * a recomputed hash different from the stored one: the row was modified.
    """
    running = anchor_hash
    expected_id = anchor_id + 1
    checked = 0
    for record in records:
        record_id = _record_id(record)
        if record_id is None:
            return ChainReport(
                False,
                checked,
                None,
                f"Enregistrement sans numéro valide après le n°{expected_id - 1} (chaînage rompu).",
            )
        if record_id > expected_id:
            return ChainReport(
                False,
                checked,
                record_id,
                f"Enregistrement manquant avant le n°{record_id} (suppression).",
            )
        if record_id < expected_id or record.get("prev_hash") != running:
            return ChainReport(
                False,
                checked,
                record_id,
                f"Enregistrement n°{record_id} inséré ou déplacé (chaînage rompu).",
            )
        stored = record.get("hash")
        if event_hash(running, record) != stored:
            return ChainReport(
                False,
                checked,
                record_id,
                f"Enregistrement n°{record_id} modifié (empreinte incorrecte).",
            )
        running = str(stored)
        expected_id = record_id + 1
        checked += 1
    if checked == 0:
        reason = "Aucun enregistrement à vérifier."
    elif checked == 1:
        reason = "Chaîne intacte : 1 enregistrement vérifié."
    else:
        reason = f"Chaîne intacte : {checked} enregistrements vérifiés."
    return ChainReport(True, checked, None, reason)


def check_chain_head(
    report: ChainReport,
    *,
    last: tuple[int, str] | None,
    head: tuple[int, str] | None,
) -> ChainReport:
    """Compare the chain's last record with the head recorded beside it.

    The head (id and hash of the newest event) is written in the same
    transaction as every event, outside the events table, so that removing the
    newest records — which leaves an intact but shorter chain — is detected too.
    ``last`` is the newest record found (None if none), ``head`` the recorded
    head (None if absent). A report that is already broken is returned as is.
    """
    if not report.ok or head == last:
        return report
    if head is None:
        return ChainReport(
            ok=False,
            checked=report.checked,
            first_broken_id=last[0] if last else None,
            reason="Le repère de fin du journal a disparu : journal altéré.",
        )
    head_id, _head_hash = head
    last_id = last[0] if last else 0
    if last_id < head_id:
        return ChainReport(
            ok=False,
            checked=report.checked,
            first_broken_id=last_id + 1,
            reason=(
                f"Enregistrement(s) manquant(s) à la fin du journal (suppression) : "
                f"le dernier inscrit était le n°{head_id}."
            ),
        )
    if last_id > head_id:
        return ChainReport(
            ok=False,
            checked=report.checked,
            first_broken_id=head_id + 1,
            reason=f"Enregistrement n°{head_id + 1} ajouté hors de l'application.",
        )
    return ChainReport(
        ok=False,
        checked=report.checked,
        first_broken_id=head_id,
        reason=f"Enregistrement n°{head_id} modifié (empreinte incorrecte).",
    )


def check_purge_anchor(
    report: ChainReport,
    *,
    anchor: PurgeAnchor | None,
    anchor_malformed: bool = False,
    kept_found: Sequence[tuple[int, str, bool]] = (),
    vouched: tuple[int, str] | None = None,
) -> ChainReport:
    """Check the purge anchor against what the chain says of it.

    ``anchor``: the stored anchor (None: none; ``anchor_malformed``: one that
    does not read). ``kept_found``: the events at or below the anchor's id
    found in the table, as (id, hash, intact). ``vouched``: (anchor id, anchor
    digest) recorded by the newest ``events_purged`` event of the chain (None:
    no purge recorded). A report that is already broken is returned as is.
    """
    if not report.ok:
        return report
    if anchor_malformed:
        return ChainReport(
            False, report.checked, None, "Le repère de purge du journal est illisible."
        )
    if anchor is None:
        if vouched is not None and vouched[0] > 0:
            return ChainReport(
                False,
                report.checked,
                None,
                "Le repère de purge du journal a disparu : journal altéré.",
            )
        return report
    if vouched is None or vouched != (anchor.last_id, anchor.digest):
        return ChainReport(
            False,
            report.checked,
            anchor.last_id,
            "Le repère de purge du journal ne correspond pas à la dernière purge "
            "enregistrée : journal altéré.",
        )
    expected = list(anchor.kept)
    found = [(kept_id, kept_hash) for kept_id, kept_hash, _intact in kept_found]
    if found != expected:
        missing = sorted(set(expected) - set(found))
        first = missing[0][0] if missing else (found[0][0] if found else None)
        return ChainReport(
            False,
            report.checked,
            first,
            "Enregistrement conservé par la purge manquant ou ajouté (journal altéré).",
        )
    for kept_id, _hash, intact in kept_found:
        if not intact:
            return ChainReport(
                False,
                report.checked,
                kept_id,
                f"Enregistrement n°{kept_id} modifié (empreinte incorrecte).",
            )
    return report
