"""Relationship labels, derived from the family graph ("tante paternelle", "cousin germain
maternel", "demi-sœur paternelle", "conjointe du frère"...). Never typed.

The closest common ancestor of the proband and the person gives two distances
(generations up from the proband, down to the person); the first step up from the
proband gives the side (paternel / maternel); a common ancestor whose partner is not
also a common ancestor makes a half relationship ("demi-frère"). Adoption does not
change the label (the pedigree shows it).
"""

from __future__ import annotations

from collections import deque

from oiso_desktop.domain.family import Family, Person

__all__ = ["blood_relation", "relationship_to_proband"]

PROBAND_LABEL = "cas index"


def _ancestors(family: Family, start: str) -> dict[str, tuple[int, frozenset[str]]]:
    """ancestor -> (generations up, sides of the first step: "paternel"/"maternel")."""
    found: dict[str, tuple[int, frozenset[str]]] = {start: (0, frozenset())}
    queue: deque[str] = deque([start])
    while queue:
        current = queue.popleft()
        depth, sides = found[current]
        person = family.get(current)
        if person is None:
            continue
        for parent_id, side in ((person.father_id, "paternel"), (person.mother_id, "maternel")):
            if parent_id is None or family.get(parent_id) is None:
                continue
            step_sides = sides if depth else frozenset({side})
            if parent_id not in found:
                found[parent_id] = (depth + 1, step_sides)
                queue.append(parent_id)
            elif found[parent_id][0] == depth + 1:
                found[parent_id] = (depth + 1, found[parent_id][1] | step_sides)
    return found


def blood_relation(family: Family, person_id: str) -> tuple[int, int, str, bool] | None:
    """(up, down, side, half) from the proband to the person, or None if not related by blood.

    ``side``: "paternel", "maternel" or "" (the proband's descendants, and the proband).
    """
    proband = family.proband
    if proband is None or family.get(person_id) is None:
        return None
    mine = _ancestors(family, proband.id)
    theirs = _ancestors(family, person_id)
    common = [(mine[a][0] + theirs[a][0], mine[a][0], a) for a in mine if a in theirs]
    if not common:
        return None
    _, up, ancestor = min(common, key=lambda c: (c[0], c[1], sorted(mine[c[2]][1])))
    down = theirs[ancestor][0]
    sides = mine[ancestor][1]
    side = "paternel" if "paternel" in sides else ("maternel" if sides else "")
    half = False
    if up >= 1 and down >= 1:
        partners = [
            p
            for p in family.partners_of(ancestor)
            if p in mine and p in theirs and mine[p][0] == up and theirs[p][0] == down
        ]
        half = not partners
        if half and up == 1:
            # Half-siblings' side is that of the parent they share.
            proband_person = family.person(proband.id)
            side = "paternel" if proband_person.father_id == ancestor else "maternel"
    return up, down, side, half


def _gendered(sex: str, masculine: str, feminine: str, neutral: str) -> str:
    return {"M": masculine, "F": feminine}.get(sex, neutral)


def _side(sex: str, side: str) -> str:
    if not side:
        return ""
    return " " + _gendered(sex, side, side + "le", side + "(le)")


def _blood_label(person: Person, up: int, down: int, side: str, half: bool, twin: bool) -> str:
    sex = person.sex
    demi = "demi-" if half else ""
    if up == 0 and down == 0:
        return PROBAND_LABEL
    if down == 0:
        if up == 1:
            return _gendered(sex, "père", "mère", "parent")
        great = "arrière-" * (up - 2)
        return great + _gendered(sex, "grand-père", "grand-mère", "grand-parent") + _side(sex, side)
    if up == 0:
        if down == 1:
            return _gendered(sex, "fils", "fille", "enfant")
        great = "arrière-" * (down - 2)
        return great + _gendered(sex, "petit-fils", "petite-fille", "petit-enfant")
    if up == 1 and down == 1:
        if twin and not half:
            return _gendered(sex, "frère jumeau", "sœur jumelle", "jumeau ou jumelle")
        label = _gendered(sex, "frère", "sœur", "frère ou sœur")
        return demi + label + (_side(sex, side) if half else "")
    if up == 1:
        if down == 2:
            return demi + _gendered(sex, "neveu", "nièce", "neveu ou nièce")
        great = "arrière-" * (down - 3)
        return (
            demi
            + great
            + _gendered(sex, "petit-neveu", "petite-nièce", "petit-neveu ou petite-nièce")
        )
    if down == 1:
        if up == 2:
            base = _gendered(sex, "oncle", "tante", "oncle ou tante")
        else:
            great = "arrière-" * (up - 3)
            base = great + _gendered(
                sex, "grand-oncle", "grand-tante", "grand-oncle ou grand-tante"
            )
        return demi + base + _side(sex, side)
    if up == 2 and down == 2:
        base = _gendered(sex, "cousin germain", "cousine germaine", "cousin(e) germain(e)")
        return demi + base + _side(sex, side)
    if up == 2 and down == 3:
        return _gendered(sex, "petit-cousin", "petite-cousine", "petit(e)-cousin(e)") + _side(
            sex, side
        )
    if up == 3 and down == 2:
        parent = {"paternel": " du père", "maternel": " de la mère"}.get(side, "")
        return _gendered(sex, "cousin germain", "cousine germaine", "cousin(e) germain(e)") + parent
    if up == 3 and down == 3:
        base = _gendered(
            sex,
            "cousin issu de germain",
            "cousine issue de germain",
            "cousin(e) issu(e) de germain",
        )
        return base + _side(sex, side)
    return _gendered(sex, "parent éloigné", "parente éloignée", "parent(e) éloigné(e)") + _side(
        sex, side
    )


def _of(label: str, sex: str) -> str:
    """ "de" + article + label: "du frère", "de la tante paternelle", "de l'oncle"."""
    if label[:1].lower() in "aeiouyéèêh":
        return "de l'" + label
    return ("de la " if sex == "F" else "du ") + label


def relationship_to_proband(family: Family, person_id: str) -> str:
    """The French label of the person's relationship to the proband ("" without a proband).

    Blood relatives first ("mère", "tante paternelle", "cousin germain maternel",
    "demi-sœur paternelle", "nièce", "petit-fils"); then the proband's partner
    ("conjoint", "conjointe"), the partner's parents ("beau-père", "belle-mère") and
    children ("beau-fils", "belle-fille"), and the partners of blood relatives
    ("conjointe du frère"); otherwise "apparenté(e) par alliance".
    """
    proband = family.proband
    person = family.get(person_id)
    if proband is None or person is None:
        return ""
    sex = person.sex
    relation = blood_relation(family, person_id)
    if relation is not None:
        group = family.twin_group_of(person_id)
        twin = group is not None and proband.id in group.members
        return _blood_label(person, *relation, twin=twin)
    partners = family.partners_of(person_id)
    if proband.id in partners:
        return _gendered(sex, "conjoint", "conjointe", "conjoint(e)")
    proband_partners = set(family.partners_of(proband.id))
    if any(child in proband_partners for child in family.children_of(person_id)):
        return _gendered(sex, "beau-père", "belle-mère", "beau-parent")
    if proband_partners & set(family.parents_of(person_id)):
        return _gendered(sex, "beau-fils", "belle-fille", "bel-enfant")
    related = [(blood_relation(family, p), p) for p in partners]
    closest = [(r[0] + r[1], p) for r, p in related if r is not None]
    if closest:
        _, relative_id = min(closest)
        relative = family.person(relative_id)
        label = relationship_to_proband(family, relative_id)
        return _gendered(sex, "conjoint ", "conjointe ", "conjoint(e) ") + _of(label, relative.sex)
    return _gendered(
        sex, "apparenté par alliance", "apparentée par alliance", "apparenté(e) par alliance"
    )
