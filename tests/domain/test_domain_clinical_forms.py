"""Clinical form contents as plain data (round trips), their sections and their changes."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oiso_desktop.domain.clinical_forms import (
    SCHEMA_VERSION,
    FormKind,
    changed_sections,
    content_from_dict,
    content_to_dict,
    empty_content,
    form_kind,
    validate_content,
)
from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    Adoption,
    Age,
    Cancer,
    Family,
    GeneticResult,
    Partnership,
    Person,
    Receptors,
    TwinGroup,
    Zygosity,
    add_child,
    add_parents,
    new_family,
    update_person,
)
from oiso_desktop.domain.form_changes import Change, ChangeKind, form_changes
from oiso_desktop.domain.personal_history import (
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
)

AGE_TEXTS = ["", "45", "~45", "40-49", "< 50", "> 60", "inconnu", "45 ans", "vers 30", "?"]

texts = st.text(max_size=12)
ages = st.one_of(st.sampled_from(AGE_TEXTS).map(Age.parse), st.integers(0, 125).map(Age.exact))
days = st.none() | st.dates(min_value=date(1850, 1, 1), max_value=date(2100, 12, 31))
grades = st.none() | st.integers(-3, 9)
receptors = st.builds(
    Receptors,
    er=st.sampled_from(["", "N", "P"]),
    pr=st.sampled_from(["", "N", "P"]),
    her2=texts,
    ck14=texts,
    ck56=st.sampled_from(["", "N", "P"]),
)
history_cancers = st.builds(
    HistoryCancer,
    site=st.sampled_from(["breast", "ovary", "colorectal", "endometrium"]) | texts,
    laterality=texts,
    age=ages,
    diagnosis_date=days,
    histology=texts,
    grade=grades,
    receptors=receptors,
    msi=texts,
    ihc=texts,
    confirmed=st.booleans(),
    note=texts,
)
surgeries = st.builds(
    RiskReducingSurgery,
    kind=st.sampled_from(["mastectomy", "hysterectomy"]) | texts,
    side=texts,
    date=days,
    age=ages,
    note=texts,
)
histories = st.builds(
    PersonalHistory,
    cancers=st.lists(history_cancers, max_size=4).map(tuple),
    surgeries=st.lists(surgeries, max_size=3).map(tuple),
    note=st.text(max_size=40),
)
family_cancers = st.builds(
    Cancer,
    site=texts,
    age=ages,
    laterality=texts,
    histology=texts,
    grade=grades,
    receptors=receptors,
    confirmed=st.booleans(),
    note=texts,
)
results = st.builds(GeneticResult, gene=texts, test_type=texts, result=texts, variant=texts)
ids = st.text(min_size=1, max_size=4)
people = st.builds(
    Person,
    id=ids,
    name=texts,
    sex=st.sampled_from(["F", "M", "U"]),
    proband=st.booleans(),
    father_id=st.none() | ids,
    mother_id=st.none() | ids,
    birth_year=st.none() | st.integers(1800, 2100),
    age=ages,
    deceased=st.booleans(),
    age_at_death=ages,
    cancers=st.lists(family_cancers, max_size=2).map(tuple),
    genetic_results=st.lists(results, max_size=2).map(tuple),
    adoption=st.sampled_from(list(Adoption)),
    ashkenazi=st.booleans(),
    patient_id=st.none() | st.integers(1, 10**9),
    note=texts,
)
# ##key=value lines of CanRisk: a key without "=", both on one line (as a file gives them).
_one_line = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=10)
risk_factors = st.lists(
    st.tuples(_one_line.filter(lambda k: k.strip() != "" and "=" not in k), _one_line),
    max_size=3,
).map(tuple)
families = st.builds(
    Family,
    people=st.lists(people, max_size=6, unique_by=lambda p: p.id).map(tuple),
    partnerships=st.lists(st.builds(Partnership, ids, ids, st.booleans()), max_size=3).map(tuple),
    twins=st.lists(
        st.builds(TwinGroup, st.lists(ids, max_size=3).map(tuple), st.sampled_from(list(Zygosity))),
        max_size=2,
    ).map(tuple),
    risk_factors=risk_factors,
)


def _through_json(data: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    loaded = json.loads(text)
    assert loaded == data
    return loaded  # type: ignore[no-any-return]


@settings(max_examples=150, deadline=None)
@given(histories)
def test_a_history_survives_a_round_trip_through_json(history: PersonalHistory) -> None:
    data = content_to_dict(history)
    assert data["schema"] == SCHEMA_VERSION and data["kind"] == "history"
    assert content_from_dict(_through_json(data)) == history
    assert content_from_dict(data, kind=FormKind.HISTORY) == history


@settings(max_examples=150, deadline=None)
@given(families)
def test_a_family_survives_a_round_trip_through_json(family: Family) -> None:
    data = content_to_dict(family)
    assert data["schema"] == SCHEMA_VERSION and data["kind"] == "family"
    assert content_from_dict(_through_json(data)) == family


@settings(max_examples=60, deadline=None)
@given(histories, histories)
def test_changes_are_empty_exactly_when_nothing_changed(
    old: PersonalHistory, new: PersonalHistory
) -> None:
    assert (form_changes(old, new) == []) == (old == new)
    assert (changed_sections(old, new) == []) == (old == new)
    assert {c.section for c in form_changes(old, new)} == set(changed_sections(old, new))


@settings(max_examples=60, deadline=None)
@given(families, families)
def test_family_changes_are_empty_exactly_when_nothing_changed(old: Family, new: Family) -> None:
    assert (form_changes(old, new) == []) == (old == new)
    assert {c.section for c in form_changes(old, new)} == set(changed_sections(old, new))


@given(st.data())
def test_a_new_order_alone_is_a_change(data: st.DataObject) -> None:
    history = data.draw(histories)
    cancers = data.draw(st.permutations(history.cancers))
    moved = PersonalHistory(tuple(cancers), history.surgeries, history.note)
    changes = form_changes(history, moved)
    assert (changes == []) == (moved == history)
    if changes:
        assert all(c.section == "cancers" for c in changes)


def test_a_newer_schema_or_a_malformed_dict_is_refused_by_name() -> None:
    data = content_to_dict(PersonalHistory(cancers=(HistoryCancer(site="breast"),)))
    with pytest.raises(ValidationError) as newer:
        content_from_dict({**data, "schema": SCHEMA_VERSION + 1})
    assert newer.value.code == ErrorCode.CLINICAL_FORM_TOO_NEW
    bad_age = json.loads(json.dumps(data))
    bad_age["cancers"][0]["age"] = "quarante"
    bad_grade = json.loads(json.dumps(data))
    bad_grade["cancers"][0]["grade"] = True
    bad_date = json.loads(json.dumps(data))
    bad_date["cancers"][0]["diagnosis_date"] = "2020-13-01"
    for broken, field in (
        (bad_age, "cancers[0].age"),
        (bad_grade, "cancers[0].grade"),
        (bad_date, "cancers[0].diagnosis_date"),
        ({**data, "cancers": {}}, "cancers"),
        ({**data, "schema": "1"}, "schema"),
        ({**data, "kind": "family"}, "kind"),
    ):
        with pytest.raises(ValidationError) as error:
            content_from_dict(broken, kind=FormKind.HISTORY)
        assert (error.value.code, error.value.field) == (ErrorCode.CLINICAL_FORM_CONTENT, field)
    with pytest.raises(ValidationError) as kind:
        form_kind("horoscope")
    assert kind.value.code == ErrorCode.CLINICAL_FORM_KIND


def test_empty_contents_and_sections() -> None:
    assert empty_content(FormKind.HISTORY) == PersonalHistory()
    family = empty_content(FormKind.FAMILY, sex="I", birth_year=1975)
    assert isinstance(family, Family)
    (proband,) = family.people
    assert (proband.id, proband.sex, proband.proband, proband.birth_year) == ("p1", "U", True, 1975)
    assert (
        validate_content(family, birth_date=date(1975, 3, 12), sex="I", today=date(2026, 1, 1))
        == []
    )
    assert changed_sections(None, family) == ["people"]
    history = PersonalHistory(surgeries=(RiskReducingSurgery(kind="colectomy"),), note="vu")
    assert changed_sections(PersonalHistory(note="vu"), history) == ["surgeries"]
    with pytest.raises(TypeError):
        changed_sections(history, family)


def test_history_changes_read_as_french_sentences() -> None:
    old = PersonalHistory(
        cancers=(HistoryCancer(site="breast", age=Age.parse("45")),),
        surgeries=(RiskReducingSurgery(kind="hysterectomy"),),
    )
    new = PersonalHistory(
        cancers=(
            HistoryCancer(site="ovary", age=Age.parse("50")),
            HistoryCancer(
                site="breast", age=Age.parse("~46"), laterality="left", receptors=Receptors(er="P")
            ),
        ),
        surgeries=(
            RiskReducingSurgery(kind="mastectomy", side="bilateral", date=date(2020, 5, 4)),
        ),
    )
    changes = form_changes(old, new)
    assert [str(c) for c in changes] == [
        "Cancer (sein, gauche) — Latéralité : — → gauche",
        "Cancer (sein, gauche) — Âge au diagnostic : 45 → ~46",
        "Cancer (sein, gauche) — Récepteurs aux œstrogènes : — → positif",
        "Cancers : ajout de Cancer (ovaire)",
        "Chirurgies de réduction de risque : suppression de hystérectomie",
        "Chirurgies de réduction de risque : ajout de mastectomie bilatérale",
    ]
    assert changes[0] == Change(
        "cancers", ChangeKind.MODIFIED, "Cancer (sein, gauche)", "Latéralité", "—", "gauche"
    )
    assert [c.kind for c in form_changes(None, new)] == [ChangeKind.ADDED] * 3


def test_family_changes_follow_people_by_id() -> None:
    old = add_parents(new_family(sex="F", name="Marie"), "p1")
    mother = old.person("p3")
    new = update_person(
        old,
        Person(
            id="p3", sex="F", name="Jeanne", cancers=(Cancer(site="ovary", age=Age.parse("52")),)
        ),
    )
    new = add_child(new, "p1", sex="M")  # a partner p4 and a son p5
    assert mother.name == ""
    assert [str(c) for c in form_changes(old, new)] == [
        "Jeanne (p3), mère — Nom : — → Jeanne",
        "Jeanne (p3), mère — Cancers : — → ovaire à 52 ans",
        "Personnes : ajout de p4, conjoint",
        "Personnes : ajout de p5, fils",
        "Couples : ajout de couple Marie (p1) – p4",
    ]
    back = form_changes(new, old)
    assert [c.kind for c in back if c.section == "people"].count(ChangeKind.REMOVED) == 2


def test_the_canrisk_risk_factors_are_part_of_the_family_content() -> None:
    factors = (("menarche", "13"), ("PRS_BC", "alpha=0.45,zscore=1.2"), ("oc_use", "F:4"))
    family = Family(people=new_family(sex="F").people, risk_factors=factors)
    data = content_to_dict(family)
    assert data["risk_factors"] == [
        {"key": "menarche", "value": "13"},
        {"key": "PRS_BC", "value": "alpha=0.45,zscore=1.2"},
        {"key": "oc_use", "value": "F:4"},
    ]
    assert content_from_dict(_through_json(data)) == family
    # A family stored before the risk factors had a place: none, and it still reads.
    older = {k: v for k, v in data.items() if k != "risk_factors"}
    assert content_from_dict(older) == Family(people=family.people)
    # The family's operations keep them.
    assert add_child(family, "p1", sex="M").risk_factors == factors
    for broken, field in (
        ({**data, "risk_factors": {"menarche": "13"}}, "risk_factors"),
        ({**data, "risk_factors": [["menarche", "13"]]}, "risk_factors[0]"),
        ({**data, "risk_factors": [{"key": "menarche", "value": 13}]}, "risk_factors[0].value"),
        ({**data, "risk_factors": [{"key": "", "value": "13"}]}, "risk_factors[0].key"),
        ({**data, "risk_factors": [{"key": "a=b", "value": "1"}]}, "risk_factors[0].key"),
        ({**data, "risk_factors": [{"key": "a", "value": "1\n2"}]}, "risk_factors[0].value"),
    ):
        with pytest.raises(ValidationError) as error:
            content_from_dict(broken, kind=FormKind.FAMILY)
        assert (error.value.code, error.value.field) == (ErrorCode.CLINICAL_FORM_CONTENT, field)
    # The event log names the section, never a value; the Historique tab shows the change.
    changed = Family(people=family.people, risk_factors=(("menarche", "12"), ("birads", "c")))
    assert changed_sections(family, changed) == ["risk_factors"]
    assert [str(c) for c in form_changes(family, changed)] == [
        "Facteur de risque CanRisk « menarche » — Valeur : 13 → 12",
        "Facteurs de risque CanRisk : suppression de PRS_BC = alpha=0.45,zscore=1.2",
        "Facteurs de risque CanRisk : suppression de oc_use = F:4",
        "Facteurs de risque CanRisk : ajout de birads = c",
    ]
    assert changed_sections(None, family) == ["people", "risk_factors"]


def _in_order(data: dict[str, Any]) -> str:
    """The dict as stored, its keys in their order (a plain == would ignore it)."""
    return json.dumps(data, ensure_ascii=False)


def test_the_stored_layout_of_each_kind_is_fixed() -> None:
    # Saved forms are read back years later: the keys, their order and the way each
    # value is written must not move.
    history = PersonalHistory(
        cancers=(
            HistoryCancer(
                site="breast",
                laterality="left",
                age=Age.parse("~45"),
                diagnosis_date=date(2019, 4, 2),
                grade=3,
                receptors=Receptors(er="P", her2="2+"),
                confirmed=True,
            ),
        ),
        surgeries=(RiskReducingSurgery(kind="mastectomy", side="bilateral", age=Age.exact(47)),),
        note="vu",
    )
    receptors = {"er": "P", "pr": "", "her2": "2+", "ck14": "", "ck56": ""}
    assert _in_order(content_to_dict(history)) == _in_order(
        {
            "schema": 1,
            "kind": "history",
            "cancers": [
                {
                    "site": "breast",
                    "laterality": "left",
                    "age": "~45",
                    "diagnosis_date": "2019-04-02",
                    "histology": "",
                    "grade": 3,
                    "receptors": receptors,
                    "msi": "",
                    "ihc": "",
                    "confirmed": True,
                    "note": "",
                }
            ],
            "surgeries": [
                {"kind": "mastectomy", "side": "bilateral", "date": None, "age": "47", "note": ""}
            ],
            "note": "vu",
        }
    )
    family = Family(
        people=(
            Person(
                id="p1",
                sex="F",
                proband=True,
                mother_id="p3",
                birth_year=1975,
                cancers=(Cancer(site="ovary", age=Age.parse("50"), receptors=Receptors(er="P")),),
                genetic_results=(GeneticResult(gene="BRCA1", result="P"),),
                adoption=Adoption.IN,
                patient_id=12,
            ),
        ),
        partnerships=(Partnership("p2", "p3", consanguineous=True),),
        twins=(TwinGroup(("p4", "p5"), Zygosity.MZ),),
        risk_factors=(("menarche", "13"),),
    )
    assert _in_order(content_to_dict(family)) == _in_order(
        {
            "schema": 1,
            "kind": "family",
            "people": [
                {
                    "id": "p1",
                    "name": "",
                    "sex": "F",
                    "proband": True,
                    "father_id": None,
                    "mother_id": "p3",
                    "birth_year": 1975,
                    "age": "",
                    "deceased": False,
                    "age_at_death": "",
                    "cancers": [
                        {
                            "site": "ovary",
                            "age": "50",
                            "laterality": "",
                            "histology": "",
                            "grade": None,
                            "receptors": {**receptors, "her2": ""},
                            "confirmed": False,
                            "note": "",
                        }
                    ],
                    "genetic_results": [
                        {"gene": "BRCA1", "test_type": "S", "result": "P", "variant": ""}
                    ],
                    "adoption": "in",
                    "ashkenazi": False,
                    "patient_id": 12,
                    "note": "",
                }
            ],
            "partnerships": [{"first": "p2", "second": "p3", "consanguineous": True}],
            "twins": [{"members": ["p4", "p5"], "zygosity": "MZ"}],
            "risk_factors": [{"key": "menarche", "value": "13"}],
        }
    )
    for content in (history, family):
        assert content_from_dict(_through_json(content_to_dict(content))) == content


@pytest.mark.parametrize(
    ("path", "bad", "field"),
    [
        (("people", 0, "cancers", 0, "receptors", "er"), 3, "people[0].cancers[0].receptors.er"),
        (("people", 0, "cancers", 0, "receptors"), [], "people[0].cancers[0].receptors"),
        (("people", 0, "father_id"), 7, "people[0].father_id"),
        (("people", 0, "adoption"), "kidnapped", "people[0].adoption"),
        (("people", 0, "age_at_death"), "quarante", "people[0].age_at_death"),
        (("people", 0, "genetic_results", 0), "BRCA1", "people[0].genetic_results[0]"),
        (("twins", 0, "members"), ["p4", 5], "twins[0].members"),
        (("twins", 0, "zygosity"), "triplets", "twins[0].zygosity"),
        (("partnerships", 0, "consanguineous"), "oui", "partnerships[0].consanguineous"),
        (("risk_factors", 0, "key"), "a=b", "risk_factors[0].key"),
        (("risk_factors", 0, "value"), "a\nb", "risk_factors[0].value"),
    ],
)
def test_a_malformed_family_names_the_bad_value_by_its_path(
    path: tuple[str | int, ...], bad: object, field: str
) -> None:
    family = Family(
        people=(
            Person(
                id="p1",
                cancers=(Cancer(site="ovary"),),
                genetic_results=(GeneticResult(gene="BRCA1"),),
            ),
        ),
        partnerships=(Partnership("p2", "p3"),),
        twins=(TwinGroup(("p4", "p5")),),
        risk_factors=(("menarche", "13"),),
    )
    data = _through_json(content_to_dict(family))
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = bad
    with pytest.raises(ValidationError) as error:
        content_from_dict(data, kind=FormKind.FAMILY)
    assert (error.value.code, error.value.field) == (ErrorCode.CLINICAL_FORM_CONTENT, field)
    assert str(error.value) == (
        f"Le contenu enregistré du formulaire clinique est illisible (champ « {field} »)."
    )
