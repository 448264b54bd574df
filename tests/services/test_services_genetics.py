"""The genetics form through the services (save, reload, revisions, conflict, bad input
checked against the saved family), the letters to relatives, and the patient list's
gene/class facts and filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import subprocess

import pytest
from document_samples import text_pdf
from service_helpers import RPPS_DURAND, Team, identity
from sqlalchemy import select

from oiso_desktop.domain.clinical_forms import FormKind
from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    FormValidationError,
    PermissionDenied,
    ValidationError,
)
from oiso_desktop.domain.family import (
    Family,
    add_parents,
    add_sibling,
    remove_person,
    update_person,
)
from oiso_desktop.domain.form_changes import form_changes
from oiso_desktop.domain.genetics import (
    Consent,
    Genetics,
    GeneticsKeyFacts,
    GeneticTest,
    RelativeInformation,
    Variant,
)
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.dto import ClinicalFormView, UserInput
from oiso_desktop.storage.models import ClinicalForm, PatientShare
from oiso_desktop.storage.uow import UnitOfWork

MARKER = "c.5946del"

PANEL = GeneticTest(
    id="t1",
    kind="panel",
    date=dt.date(2024, 3, 12),
    laboratory="Laboratoire Kerdoc",
    genes=("BRCA1", "BRCA2", "PALB2"),
    status="result_received",
)
BRCA2 = Variant(
    gene="BRCA2", hgvs_c=MARKER, hgvs_p="p.(Ser1982Argfs*22)", acmg_class=5, test_id="t1"
)
GENETICS = Genetics(
    tests=(PANEL,),
    variants=(BRCA2,),
    consents=(Consent(date=dt.date(2024, 3, 1)),),
)


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    team.login("p.bernard").logout()
    session.clinical_key.approve(team.ids["p.bernard"])
    return session


@pytest.fixture
def patient_id(durand: UserSession) -> int:
    return durand.patients.create(identity()).id


def _with_sister(durand: UserSession, patient_id: int) -> Family:
    """Save the family: the proband p1, her parents p2 and p3, her sister p4 "Marie"."""
    family = add_sibling(add_parents(durand.forms.get(patient_id, "family").content, "p1"), "p1")
    family = update_person(family, dataclasses.replace(family.person("p4"), name="Marie", sex="F"))
    durand.forms.save(patient_id, "family", family, expected_version=0)
    return family


def _share(session: UserSession, patient_id: int, user_id: int, access: str) -> None:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        uow.session.merge(
            PatientShare(
                patient_id=patient_id, user_id=user_id, access=access, granted_by_id=user_id
            )
        )
        uow.commit()


# ---------------------------------------------------------------- the form


def test_a_genetics_form_is_saved_reloaded_and_kept_in_revisions(
    durand: UserSession, patient_id: int
) -> None:
    empty = durand.forms.get(patient_id, FormKind.GENETICS)
    assert (empty.content, empty.version, empty.exists) == (Genetics(), 0, False)
    created = durand.forms.save(patient_id, "genetics", GENETICS, expected_version=0)
    assert (created.version, created.revision, created.kind) == (1, 1, FormKind.GENETICS)
    assert durand.forms.get(patient_id, "genetics").content == GENETICS

    reclassified = dataclasses.replace(
        GENETICS, variants=(dataclasses.replace(BRCA2, acmg_class=4),)
    )
    updated = durand.forms.save(patient_id, "genetics", reclassified, expected_version=1)
    assert (updated.version, updated.revision) == (2, 2)
    assert [s.revision for s in durand.forms.revisions(patient_id, "genetics")] == [2, 1]
    first = durand.forms.revision(patient_id, "genetics", 1)
    assert first.content == GENETICS and first.read_only
    assert [str(c) for c in form_changes(first.content, updated.content)] == [
        "Variant BRCA2 c.5946del — Classe ACMG : 5 (pathogène) → 4 (probablement pathogène)"
    ]
    # The log names the sections, never a value.
    events = durand.events.list(action="clinical_form_updated")
    details = json.loads(events[0].details)
    assert details == {"form": "genetics", "sections": ["variants"], "revision": 2}
    assert all(MARKER not in (e.details or "") for e in durand.events.list(limit=500))


def test_the_content_is_encrypted_under_the_clinical_key(
    durand: UserSession, patient_id: int
) -> None:
    durand.forms.save(patient_id, "genetics", GENETICS, expected_version=0)
    with UnitOfWork(durand.ctx.database.session_factory) as uow:
        stored = uow.session.scalars(
            select(ClinicalForm.content).where(ClinicalForm.kind == "genetics")
        ).one()
    assert MARKER.encode() not in stored and b"BRCA2" not in stored


def test_two_sessions_saving_the_genetics_form_get_a_conflict(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    _share(durand, patient_id, team.ids["p.bernard"], "write")
    bernard = team.login("p.bernard")
    mine = durand.forms.get(patient_id, "genetics")
    theirs = bernard.forms.get(patient_id, "genetics")
    durand.forms.save(patient_id, "genetics", GENETICS, expected_version=mine.version)
    typed = Genetics(consents=(Consent(date=dt.date(2025, 1, 2)),))
    with pytest.raises(ConcurrentEditError) as conflict:
        bernard.forms.save(patient_id, "genetics", typed, expected_version=theirs.version)
    current = conflict.value.params["current"]
    assert isinstance(current, ClinicalFormView)
    assert (current.content, current.saved_by) == (GENETICS, "Paul Durand")
    merged = dataclasses.replace(GENETICS, consents=GENETICS.consents + typed.consents)
    saved = bernard.forms.save(patient_id, "genetics", merged, expected_version=current.version)
    assert saved.version == 2 and durand.forms.get(patient_id, "genetics").content == merged


def test_bad_genetics_input_is_refused_at_its_field_and_nothing_saved(
    durand: UserSession, patient_id: int
) -> None:
    _with_sister(durand, patient_id)
    bad = Genetics(
        tests=(
            dataclasses.replace(PANEL, date=dt.date(1975, 3, 11)),  # before birth (12/03/1975)
            GeneticTest(id="t2", kind="predictive", date=dt.date(2025, 1, 5), relative_id="p4"),
        ),
        variants=(
            dataclasses.replace(BRCA2, hgvs_c="c.5946delX"),
            Variant(gene="ATM", hgvs_c="c.7271T>G", acmg_class=7),
        ),
    )
    with pytest.raises(FormValidationError) as invalid:
        durand.forms.save(patient_id, "genetics", bad, expected_version=0)
    assert [(p.code, p.field) for p in invalid.value.problems] == [
        ("genetics_date_before_birth", "tests[0].date"),
        ("genetics_familial_variant_required", "tests[1].familial_gene"),
        ("genetics_hgvs_c", "variants[0].hgvs_c"),
        ("genetics_class_invalid", "variants[1].acmg_class"),
    ]
    assert durand.forms.get(patient_id, "genetics").version == 0


def test_relatives_are_checked_against_the_saved_family(
    durand: UserSession, patient_id: int
) -> None:
    predictive = GeneticTest(
        id="t1",
        kind="predictive",
        date=dt.date(2025, 1, 5),
        familial_gene="BRCA2",
        familial_variant=MARKER,
        relative_id="p4",
    )
    genetics = Genetics(tests=(predictive,))
    with pytest.raises(FormValidationError) as invalid:  # no sister saved yet
        durand.forms.save(patient_id, "genetics", genetics, expected_version=0)
    assert [(p.code, p.field, p.params) for p in invalid.value.problems] == [
        ("genetics_relative_unknown", "tests[0].relative_id", {"person_id": "p4"})
    ]
    _with_sister(durand, patient_id)
    assert durand.forms.save(patient_id, "genetics", genetics, expected_version=0).version == 1


def test_a_relative_named_in_the_genetics_form_cannot_leave_the_family(
    durand: UserSession, patient_id: int
) -> None:
    family = _with_sister(durand, patient_id)
    informed = RelativeInformation(relative_ids=("p4",), date=dt.date(2025, 2, 1))
    genetics = Genetics(relative_information=(informed,))
    durand.forms.save(patient_id, "genetics", genetics, expected_version=0)
    without_her = remove_person(family, "p4")
    with pytest.raises(FormValidationError) as refused:
        durand.forms.save(patient_id, "family", without_her, expected_version=1)
    assert [(p.code, p.params) for p in refused.value.problems] == [
        ("family_person_cited_in_genetics", {"person_id": "p4", "person": "Marie (p4)"})
    ]
    assert str(refused.value.problems[0]).startswith("Marie (p4) est cité(e) dans l'onglet")
    saved = durand.forms.get(patient_id, "family")
    assert saved.version == 1 and saved.content.get("p4") is not None  # nothing saved
    # Other edits of the family still save; once the mention is gone, she can go.
    durand.forms.save(patient_id, "genetics", Genetics(), expected_version=1)
    assert durand.forms.save(patient_id, "family", without_her, expected_version=1).version == 2


# ---------------------------------------------------------------- letters


def _pdf_text(data: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def test_letters_to_relatives_are_built_from_the_saved_file_and_logged_without_values(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    admin = team.login("admin")
    (structure,) = admin.users.list_structures()
    user = admin.users.get_user(team.ids["p.durand"])
    admin.users.update_user(
        user.id,
        UserInput(
            login=user.login,
            first_name=user.first_name,
            last_name=user.last_name,
            role=Role.PRACTITIONER,
            rpps=RPPS_DURAND,
            profession="Médecin généticien",
            structure_id=structure.id,
        ),
        expected_version=user.version,
    )
    _with_sister(durand, patient_id)
    with pytest.raises(ValidationError) as no_variant:
        durand.letters.relatives_letter(patient_id, ["p4"])
    assert no_variant.value.code == "relatives_letter_no_variant"
    vus_only = Genetics(variants=(dataclasses.replace(BRCA2, acmg_class=3, test_id=""),))
    durand.forms.save(patient_id, "genetics", vus_only, expected_version=0)
    with pytest.raises(ValidationError):  # a class 3 variant is never positive
        durand.letters.relatives_letter(patient_id, ["p4"])
    durand.forms.save(patient_id, "genetics", GENETICS, expected_version=1)

    letters = durand.letters.relatives_letter(patient_id, ["p4", "p3"])
    assert letters.pdf.startswith(b"%PDF") and letters.relative_ids == ("p4", "p3")
    assert letters.file_name == "lettres-parentele-2026-03-02.pdf"
    (event,) = durand.events.list(action="relatives_letter_created")
    assert (event.object_type, event.object_id) == ("patient", patient_id)
    assert json.loads(event.details) == {"mode": "by_patient", "letters": 2}
    if shutil.which("pdftotext"):
        text = _pdf_text(letters.pdf)
        assert text.count("Objet : information médicale") == 2
        assert "À l'attention de Marie" in text and "BRCA2" in text and MARKER in text
        assert "classe 5 (pathogène)" in text and "RPPS" in text and RPPS_DURAND in text
        assert structure.name in text and "Confidentiel — données de santé" in text
        assert "Lefèvre" not in text.replace("LEFÈVRE", "") and "LEFÈVRE" not in text
        discreet = _pdf_text(
            durand.letters.relatives_letter(patient_id, ["p4"], mode="by_practitioner").pdf
        )
        assert "BRCA2" not in discreet and MARKER not in discreet
        assert "L. 1131-1-2" in discreet and "LEFÈVRE" not in discreet
    if shutil.which("pdffonts"):  # every font embedded (tables default to Helvetica)
        path = team.folder.parent / "lettres.pdf"
        path.write_bytes(letters.pdf)
        fonts = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, check=True, text=True
        ).stdout.splitlines()[2:]
        path.unlink()
        assert fonts and all("DejaVu" in line and line.split()[-5] == "yes" for line in fonts)

    for wrong in (["p1"], ["p9"]):
        with pytest.raises(ValidationError) as refused:
            durand.letters.relatives_letter(patient_id, wrong)
        assert refused.value.code == "relatives_letter_relative_unknown"
    with pytest.raises(ValidationError) as nobody:
        durand.letters.relatives_letter(patient_id, [])
    assert nobody.value.code == "relatives_letter_no_relative"


def test_a_secretary_gets_no_letter(team: Team, durand: UserSession, patient_id: int) -> None:
    _with_sister(durand, patient_id)
    durand.forms.save(patient_id, "genetics", GENETICS, expected_version=0)
    secretary = team.login("s.leroy")
    with pytest.raises(PermissionDenied):
        secretary.letters.relatives_letter(patient_id, ["p4"])


# ---------------------------------------------------------------- the list


def test_the_list_shows_gene_and_class_and_filters_on_them(team: Team, durand: UserSession) -> None:
    carrier = durand.patients.create(identity(birth_name="Abel")).id
    uncertain = durand.patients.create(
        identity(birth_name="Bravo", birth_date=dt.date(1980, 1, 2))
    ).id
    lynch = durand.patients.create(identity(birth_name="Cosme", birth_date=dt.date(1981, 1, 2))).id
    nothing = durand.patients.create(identity(birth_name="Dora", birth_date=dt.date(1982, 1, 2))).id
    durand.forms.save(carrier, "genetics", GENETICS, expected_version=0)
    durand.forms.save(
        uncertain,
        "genetics",
        Genetics(variants=(dataclasses.replace(BRCA2, acmg_class=3, test_id=""),)),
        expected_version=0,
    )
    durand.forms.save(
        lynch,
        "genetics",
        Genetics(variants=(Variant(gene="MSH2", hgvs_c="c.942+3A>T", acmg_class=5),)),
        expected_version=0,
    )
    listed = durand.patients.search_ids("", first_rows=10)
    facts = {row.id: row.genetics for row in listed.first_rows}
    assert facts == {
        carrier: GeneticsKeyFacts((("BRCA2", 5),)),
        uncertain: GeneticsKeyFacts((("BRCA2", 3),)),
        lynch: GeneticsKeyFacts((("MSH2", 5),)),
        nothing: None,
    }
    assert durand.patients.page([uncertain]).rows[0].genetics == GeneticsKeyFacts((("BRCA2", 3),))

    def ids(**filters: object) -> tuple[int, ...]:
        return durand.patients.search_ids("", **filters).ids  # type: ignore[arg-type]

    assert ids(gene="BRCA2") == (carrier, uncertain)
    assert ids(gene="brca2", classes=[4, 5]) == (carrier,)  # class 3 is not positive
    assert ids(classes=[5]) == (carrier, lynch)
    assert ids(classes=[3]) == (uncertain,)
    assert ids(gene="BRCA1") == ()
    assert durand.patients.search_ids("Cosme", classes=[5]).ids == (lynch,)
    first = durand.patients.search_ids("", first_rows=5, gene="MSH2")
    assert [row.id for row in first.first_rows] == [lynch]

    # a new save is seen by the next filter (the index follows the versions)
    durand.forms.save(
        uncertain,
        "genetics",
        Genetics(variants=(dataclasses.replace(BRCA2, acmg_class=4, test_id=""),)),
        expected_version=1,
    )
    assert ids(gene="BRCA2", classes=[4, 5]) == (carrier, uncertain)

    # a colleague sees (and filters) only the files shared with him
    bernard = team.login("p.bernard")
    _share(durand, lynch, team.ids["p.bernard"], "read")
    assert bernard.patients.search_ids("", classes=[5]).ids == (lynch,)

    # the secretary sees no genetics and may not filter on them
    secretary = team.login("s.leroy")
    assert all(
        row.genetics is None for row in secretary.patients.search_ids("", first_rows=9).first_rows
    )
    with pytest.raises(PermissionDenied):
        secretary.patients.search_ids("", gene="BRCA2")
    assert durand.events.list(action="patient_searched") == []


def test_the_gene_filter_decrypts_only_the_genetics_of_files_the_user_may_see(
    team: Team, durand: UserSession
) -> None:
    """Another practitioner's genetics form never enters this session's memory."""
    mine = durand.patients.create(identity(birth_name="Abel")).id
    durand.forms.save(mine, "genetics", GENETICS, expected_version=0)
    bernard = team.login("p.bernard")  # approved by Durand (fixture)
    theirs = bernard.patients.create(identity(birth_name="Zola", birth_date=dt.date(1979, 4, 5))).id
    bernard.forms.save(theirs, "genetics", GENETICS, expected_version=0)
    assert durand.patients.search_ids("", gene="BRCA2").ids == (mine,)
    index = durand.patients._genetics_index  # what this session holds in memory
    assert set(index._entries) == {mine}
    assert bernard.patients.search_ids("", gene="BRCA2").ids == (theirs,)
    assert set(bernard.patients._genetics_index._entries) == {theirs}


def test_a_signed_consent_links_only_an_attachment_of_the_same_file(
    durand: UserSession, patient_id: int
) -> None:
    other = durand.patients.create(identity(birth_name="MARTIN")).id
    mine = durand.documents.add(patient_id, "consentement.pdf", text_pdf("Consentement"))
    theirs = durand.documents.add(other, "consentement.pdf", text_pdf("Autre dossier"))
    linked = Genetics(consents=(Consent(date=dt.date(2025, 1, 2), document_id=theirs.id),))
    with pytest.raises(ValidationError) as refused:
        durand.forms.save(patient_id, FormKind.GENETICS, linked, expected_version=0)
    assert refused.value.code == "clinical_form_document_unknown"
    assert str(refused.value) == (
        f"Le document joint n° {theirs.id} n'appartient pas à ce dossier : le lien n'a pas "
        "été enregistré."
    )
    assert durand.forms.get(patient_id, FormKind.GENETICS).version == 0  # nothing saved
    # its own attachment: saved; deleted afterwards, the link saved earlier stays
    good = dataclasses.replace(
        linked, consents=(Consent(date=dt.date(2025, 1, 2), document_id=mine.id),)
    )
    saved = durand.forms.save(patient_id, FormKind.GENETICS, good, expected_version=0)
    durand.documents.delete(mine.id, expected_version=mine.version)
    note = dataclasses.replace(
        good, consents=(dataclasses.replace(good.consents[0], note="Signé en consultation"),)
    )
    assert durand.forms.save(patient_id, FormKind.GENETICS, note, expected_version=saved.version)
