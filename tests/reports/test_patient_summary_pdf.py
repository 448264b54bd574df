"""The patient summary PDF on its own (no database): fonts embedded, French text with its
accents, the pedigree in the page or on landscape pages of its own, the class 3 variant
never positive, every section present or said empty, the footer on every page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from oiso_desktop.domain.family import Age, Receptors, new_family
from oiso_desktop.domain.genetics import (
    Consent,
    Genetics,
    GeneticTest,
    RelativeInformation,
    Variant,
)
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.personal_history import HistoryCancer, PersonalHistory
from oiso_desktop.domain.sample_families import brca1_family, large_family
from oiso_desktop.domain.scores import compute_scores
from oiso_desktop.reports.patient_summary_pdf import (
    FOOTER,
    FormStamp,
    PatientSummary,
    SummaryAuthor,
    SummaryLetterhead,
    format_nir,
    render_patient_summary,
    summary_family,
)
from tests.domain.family_builders import grow_family, random_steps

DAY = dt.date(2026, 3, 2)
LETTERHEAD = SummaryLetterhead(
    structure_name="Hôpital Saint-Éloi — Génétique",
    finess="750712184",
    address="12 rue de l'Hôpital\n34000 Montpellier",
    phone="04 67 00 00 00",
    author=SummaryAuthor(name="Paul Durand", profession="Médecin généticien", rpps="10005173140"),
)
IDENTITY = IdentityFields(
    birth_name="LEFÈVRE",
    used_name="",
    first_names="Hélène Zoé",
    birth_date=dt.date(1988, 1, 20),
    sex="F",
)


NO_GENETICS = Genetics()
NO_HISTORY = PersonalHistory()


def _summary(family, genetics=NO_GENETICS, history=NO_HISTORY, **fields) -> PatientSummary:
    scores = compute_scores(
        history,
        summary_family(family, genetics),
        birth_date=IDENTITY.birth_date,
        sex="F",
        variant_genes=[v.gene for v in genetics.variants if v.positive],
    )
    values = {
        "letterhead": LETTERHEAD,
        "identity": IDENTITY,
        "history": history,
        "family": family,
        "genetics": genetics,
        "scores": scores,
        "day": DAY,
    }
    values.update(fields)
    return PatientSummary(**values)  # type: ignore[arg-type]


def _pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def _sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def test_nir_is_grouped_as_on_a_carte_vitale() -> None:
    assert format_nir("295109912611193") == "2 95 10 99 126 111 93"
    assert format_nir("2 95 10 99 126 111 93") == "2 95 10 99 126 111 93"
    assert format_nir("253072B07300470") == "2 53 07 2B 073 004 70"
    assert format_nir(None) == "" and format_nir("12345") == "12345"


def test_fonts_are_embedded_and_accents_survive(tmp_path) -> None:
    family = brca1_family()
    history = PersonalHistory(
        cancers=(
            HistoryCancer(
                site="breast",
                age=Age.exact(36),
                grade=3,
                receptors=Receptors(er="N", pr="N", her2="N"),
                note="Tumorectomie ; « chimiothérapie » néoadjuvante à l'hôpital Saint-Éloi.",
            ),
        ),
        note="Œstrogènes évités ; suivi gynécologique à Montpellier.",
    )
    pdf = render_patient_summary(_summary(family, history=history))
    text = " ".join(_pages(pdf))
    for shown in (
        "Hôpital Saint-Éloi — Génétique",
        "LEFÈVRE",
        "Hélène Zoé",
        "« chimiothérapie » néoadjuvante",
        "Œstrogènes évités",
        "RE −, RP −, HER2 − (triple négatif)",
        "Établie le 2 mars 2026",
        "Confidentiel — données de santé",
    ):
        assert shown in text, shown
    if shutil.which("pdffonts"):
        path = tmp_path / "synthese.pdf"
        path.write_bytes(pdf)
        lines = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, check=True, text=True
        ).stdout.splitlines()[2:]
        assert lines
        for line in lines:
            assert "DejaVu" in line and line.split()[-5] == "yes", line  # embedded


def test_a_class_3_variant_is_never_read_as_positive() -> None:
    family = new_family(sex="F", name="Hélène", birth_year=1988)
    vus_only = Genetics(
        tests=(GeneticTest(id="t1", genes=("BRCA2",), status="result_received"),),
        variants=(Variant(gene="BRCA2", hgvs_c="c.7007G>A", acmg_class=3, test_id="t1"),),
    )
    text = " ".join(_pages(render_patient_summary(_summary(family, vus_only))))
    assert "Aucun variant pathogène identifié." in text
    assert "Variant de signification incertaine (classe 3) : BRCA2" in text
    assert "Positif" not in text and "Variant pathogène identifié" not in text
    assert "BRCA2 +" not in text and "BRCA2 VSI" in text  # no carrier mark
    assert "Non concluant" in text


def test_a_positive_and_a_benign_variant_read_as_such() -> None:
    family = new_family(sex="F", name="Hélène", birth_year=1988)
    genetics = Genetics(
        variants=(
            Variant(gene="MLH1", hgvs_c="c.1852_1854del", acmg_class=4, zygosity="heterozygous"),
            Variant(gene="MSH6", hgvs_c="c.1A>G", acmg_class=1),
            Variant(gene="PMS2", hgvs_c="c.2T>C"),
        ),
        consents=(Consent(date=dt.date(2024, 3, 1), document_id=7),),
        relative_information=(RelativeInformation(relative_ids=("p1",), date=DAY),),
    )
    text = " ".join(_pages(render_patient_summary(_summary(family, genetics))))
    assert (
        "Variant pathogène identifié : MLH1 c.1852_1854del, classe 4 (probablement pathogène)."
        in text
    )
    assert text.count("Positif") == 1
    assert "Négatif (variant non pathogène)" in text and "Classe non précisée" in text
    assert "joint au dossier" in text and "Information de la parentèle" in text


def test_a_small_family_is_drawn_in_the_page_and_a_large_one_on_landscape_pages() -> None:
    small = render_patient_summary(_summary(brca1_family()))
    assert all(width < height for width, height in _sizes(small))  # portrait only
    assert "pages à l'italienne" not in " ".join(_pages(small))

    forty = render_patient_summary(_summary(large_family()))
    sizes = _sizes(forty)
    assert sizes[0][0] < sizes[0][1] and sizes[-1][0] > sizes[-1][1]
    assert sum(1 for w, h in sizes if w > h) == 1  # 40 people: one landscape page
    pages = _pages(forty)
    assert "L'arbre généalogique, trop grand pour cette page" in " ".join(pages)
    assert (
        "Arbre généalogique" in pages[-1] and "LEFÈVRE Hélène Zoé, née le 20/01/1988" in pages[-1]
    )
    assert "IV-8" in pages[-1].split()


def test_a_family_of_275_is_split_into_parts_to_assemble_with_everyone() -> None:
    family = grow_family(random_steps(3, 6 * 275), size=275)
    proband = family.proband
    assert proband is not None
    family = dataclasses.replace(
        family,
        people=tuple(
            dataclasses.replace(p, sex="F") if p.id == proband.id and p.sex == "U" else p
            for p in family.people
        ),
    )
    pdf = render_patient_summary(_summary(family))
    pages = _pages(pdf)
    landscape = [text for text, (w, h) in zip(pages, _sizes(pdf), strict=True) if w > h]
    assert len(landscape) > 1
    count = len(landscape)
    for index, text in enumerate(landscape, start=1):
        assert f"partie {index} sur {count}" in text, text[:200]
    from oiso_desktop.domain.pedigree_layout import layout

    words = set(" ".join(landscape).split())
    missing = [s.label for s in layout(family, today=DAY).people.values() if s.label not in words]
    assert missing == []
    for number, text in enumerate(pages, start=1):
        assert FOOTER in text and f"Page {number} / {len(pages)}" in text


def test_the_owner_and_the_form_versions_are_named() -> None:
    letterhead = dataclasses.replace(
        LETTERHEAD,
        author=SummaryAuthor(name="Claire Petit", doctor=False, adeli="751234567"),
        file_owner=SummaryAuthor(name="Paul Durand", rpps="10005173140"),
    )
    summary = _summary(
        new_family(sex="F", birth_year=1988),
        letterhead=letterhead,
        stamps={
            "history": FormStamp(3, dt.date(2026, 2, 1)),
            "family": FormStamp(),
            "genetics": FormStamp(1, dt.date(2025, 12, 24)),
        },
    )
    text = " ".join(_pages(render_patient_summary(summary)))
    assert "Claire Petit" in text and "Dr Claire Petit" not in text and "ADELI : 751234567" in text
    assert "dossier suivi par Dr Paul Durand (RPPS 10005173140)" in text
    assert "version 3 du 01/02/2026" in text and "version 1 du 24/12/2025" in text
    assert "jamais enregistré" in text
    assert "Aucune analyse génétique enregistrée." in text


@pytest.mark.parametrize("sex,born", [("F", "née"), ("M", "né"), ("I", "né(e)")])
def test_every_page_after_the_first_names_the_patient(sex: str, born: str) -> None:
    identity = dataclasses.replace(IDENTITY, sex=sex, used_name="MARTIN")
    history = PersonalHistory(
        cancers=tuple(
            HistoryCancer(site="colorectal", age=Age.exact(30 + i), note="x " * 200)
            for i in range(12)
        )
    )
    pdf = render_patient_summary(
        _summary(new_family(sex="F", birth_year=1988), history=history, identity=identity)
    )
    pages = _pages(pdf)
    assert len(pages) >= 2
    line = f"LEFÈVRE Hélène Zoé (nom utilisé MARTIN), {born} le 20/01/1988"
    assert line not in pages[0]
    assert all(line in page for page in pages[1:])
