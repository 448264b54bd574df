"""Relationship labels are derived from the graph, in French."""

from __future__ import annotations

from oiso_desktop.domain.family import (
    Family,
    Zygosity,
    add_child,
    add_parents,
    add_partner,
    add_sibling,
    added_ids,
    new_family,
    set_proband,
)
from oiso_desktop.domain.relationships import blood_relation, relationship_to_proband


def _add(family: Family, operation, *args, **kwargs) -> tuple[Family, str]:
    """Apply an operation; return the family and the last person it created."""
    grown = operation(family, *args, **kwargs)
    return grown, added_ids(family, grown)[-1]


def _big_family() -> tuple[Family, dict[str, str]]:
    ids: dict[str, str] = {}
    family = add_parents(new_family(sex="F", name="Léa"), "p1")
    ids["père"], ids["mère"] = "p2", "p3"
    family, ids["frère"] = _add(family, add_sibling, "p1", sex="M")
    family, ids["sœur jumelle"] = _add(family, add_sibling, "p1", sex="F", twin=Zygosity.MZ)
    family = add_parents(family, "p2")
    ids["grand-père paternel"], ids["grand-mère paternelle"] = "p6", "p7"
    family = add_parents(family, "p3")
    ids["grand-père maternel"], ids["grand-mère maternelle"] = "p8", "p9"
    family, ids["tante paternelle"] = _add(family, add_sibling, "p2", sex="F")
    family, ids["cousin germain paternel"] = _add(
        family, add_child, ids["tante paternelle"], sex="M"
    )
    ids["conjoint de la tante paternelle"] = family.person(ids["cousin germain paternel"]).father_id
    family, ids["oncle maternel"] = _add(family, add_sibling, "p3", sex="M")
    family, ids["cousine germaine maternelle"] = _add(
        family, add_child, ids["oncle maternel"], sex="F"
    )
    ids["conjointe de l'oncle maternel"] = family.person(
        ids["cousine germaine maternelle"]
    ).mother_id
    family, ids["fils"] = _add(family, add_child, "p1", sex="M")
    ids["conjoint"] = family.person(ids["fils"]).father_id
    family, ids["petite-fille"] = _add(family, add_child, ids["fils"], sex="F")
    ids["conjointe du fils"] = family.person(ids["petite-fille"]).mother_id
    family, ids["nièce"] = _add(family, add_child, ids["frère"], sex="F")
    ids["conjointe du frère"] = family.person(ids["nièce"]).mother_id
    family, ids["petit-neveu"] = _add(family, add_child, ids["nièce"], sex="M")
    # The father's second partner and their daughter.
    family, ids["conjointe du père"] = _add(family, add_partner, "p2")
    family, ids["demi-sœur paternelle"] = _add(
        family, add_child, "p2", sex="F", partner_id=ids["conjointe du père"]
    )
    family = add_parents(family, ids["grand-père maternel"])
    great = family.person(ids["grand-père maternel"]).father_id
    assert great is not None
    ids["arrière-grand-père maternel"] = great
    family, ids["grand-oncle maternel"] = _add(
        family, add_sibling, ids["grand-père maternel"], sex="M"
    )
    family = add_parents(family, ids["conjoint"])
    ids["beau-père"] = family.person(ids["conjoint"]).father_id or ""
    ids["belle-mère"] = family.person(ids["conjoint"]).mother_id or ""
    return family, ids


def test_labels_of_a_whole_family():
    family, ids = _big_family()
    assert relationship_to_proband(family, "p1") == "cas index"
    for label, person_id in ids.items():
        assert relationship_to_proband(family, person_id) == label, (label, person_id)


def test_relations_seen_from_another_proband():
    family, ids = _big_family()
    from_son = set_proband(family, ids["fils"])
    assert relationship_to_proband(from_son, "p1") == "mère"
    assert relationship_to_proband(from_son, "p2") == "grand-père maternel"
    assert relationship_to_proband(from_son, ids["frère"]) == "oncle maternel"
    assert relationship_to_proband(from_son, ids["nièce"]) == "cousine germaine maternelle"
    assert relationship_to_proband(from_son, ids["beau-père"]) == "grand-père paternel"
    assert relationship_to_proband(from_son, ids["cousin germain paternel"]) == (
        "cousin germain de la mère"
    )
    assert relationship_to_proband(from_son, ids["grand-oncle maternel"]) == (
        "arrière-grand-oncle maternel"
    )


def test_unknown_sex_and_half_relations():
    family = add_parents(new_family(sex="M"), "p1")
    family, sibling = _add(family, add_sibling, "p1")  # sex unknown
    assert relationship_to_proband(family, sibling) == "frère ou sœur"
    family, second = _add(family, add_partner, "p3")  # the mother's second partner
    family, half = _add(family, add_child, "p3", sex="M", partner_id=second)
    assert relationship_to_proband(family, half) == "demi-frère maternel"
    assert blood_relation(family, half) == (1, 1, "maternel", True)
    assert relationship_to_proband(family, second) == "conjoint de la mère"
    assert relationship_to_proband(Family(), "p1") == ""
