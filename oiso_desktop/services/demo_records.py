"""The genetics forms and the attachments of the demo's sample files (``--demo``).

What a newcomer finds in the practitioner's first files, besides their family and
personal history (``services.demo``):

* **ABADIE Claire** (BRCA1 class 5): a panel, then the variant checked on a second
  sample (targeted search) and the predictive tests of her sister (carrier) and
  brother (not a carrier); her consent, its signed form scanned (a PNG attachment
  the consent points to); relatives informed by the application's own letter,
  attached too; the laboratory's report;
* **ACHARD Henri** (BRCA2 class 5): predictive tests of his daughter (carrier), his
  sister (not) and his son (requested); relatives informed orally and by the
  physician's letter; the report and the signed consent (PDF);
* **ADAM Julien** (MLH1 class 4): predictive tests of his sister and brother; the
  report;
* **ALAOUI Amina** (PALB2 class 5): her MZ twin tested (carrier), her brother's test
  sent to the laboratory;
* **ALBERT Sophie**: no positive result — a PALB2 class 3 (uncertain significance:
  never shown as positive), an ATM class 2 and a BRCA2 class 1; the report;
* **ALLARD Martine**: below every score's threshold, no test; the consultation
  letter to her physician, quoting the scores as computed.

Every date follows the proband's birth date (diagnosis, consultation, result,
information...) and none is after today. The attachments are generated here
(``reports.demo_documents``: fictitious, and marked so on every page) and attached
through ``session.documents``; the genetics forms saved through ``session.forms``,
by the demo's practitioner.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from oiso_desktop.domain.clinical_forms import FormKind
from oiso_desktop.domain.documents import DocumentCategory, DocumentDetails
from oiso_desktop.domain.family import Family
from oiso_desktop.domain.genetics import (
    ACMG_CLASSES,
    CONSENT_SCOPES,
    ZYGOSITIES,
    Consent,
    Genetics,
    GeneticTest,
    RelativeInformation,
    Variant,
)
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.scores import Status, compute_scores
from oiso_desktop.reports.demo_documents import (
    FICTITIOUS_BANNER,
    DemoDocument,
    DemoSection,
    render_demo_document,
)
from oiso_desktop.reports.relatives_letter_pdf import (
    LetterRecipient,
    LetterSender,
    RelativesLetters,
    render_relatives_letters,
)
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.pdf_pages import PDFIUM_LOCK, PdfPages

__all__ = [
    "DemoAttachment",
    "DemoFile",
    "DemoRecord",
    "demo_record",
    "marked_fictitious",
    "save_demo_record",
    "scanned_png",
]

LABORATORY = "Laboratoire de génétique moléculaire du Centre de démonstration OISO"
_LAB_ISSUER = (
    "Laboratoire de génétique moléculaire (fictif)",
    "Centre de démonstration OISO — plateau de séquençage",
    "Biologiste responsable : Dr Nadia Exemple (personne fictive)",
)
_BIOLOGIST = "Dr Nadia Exemple, biologiste médicale (fictive)"
_PLACE = "Paris"
_STATUS_TEXT = {
    Status.MET: "atteint",
    Status.UNCERTAIN: "incertain",
    Status.NOT_MET: "non atteint",
}
_CRITERIA_TEXT = {
    Status.MET: "critères remplis",
    Status.UNCERTAIN: "à vérifier",
    Status.NOT_MET: "critères non remplis",
}
#: Reference transcripts (MANE Select) of the genes the demo's variants are in.
_TRANSCRIPTS = {
    "BRCA1": "NM_007294.4",
    "BRCA2": "NM_000059.4",
    "PALB2": "NM_024675.4",
    "ATM": "NM_000051.4",
    "MLH1": "NM_000249.4",
    "MSH6": "NM_000179.3",
}
BREAST_PANEL = (
    "BRCA1",
    "BRCA2",
    "PALB2",
    "RAD51C",
    "RAD51D",
    "TP53",
    "CDH1",
    "PTEN",
    "CHEK2",
    "ATM",
)
LYNCH_PANEL = ("MLH1", "MSH2", "MSH6", "PMS2", "EPCAM", "APC", "MUTYH")


# --------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class DemoFile:
    """A demo patient file, as its records are built: who, and their saved family."""

    key: str  # DemoFamily key
    patient_name: str  # "ABADIE Claire"
    birth_date: dt.date
    sex: str
    family: Family
    history: PersonalHistory
    today: dt.date
    sender: LetterSender  # the structure and its practitioner (letterheads)

    def on(self, years: int, days: int = 0) -> dt.date:
        """The day ``days`` after the patient's ``years``-th birthday, never after today."""
        try:
            birthday = self.birth_date.replace(year=self.birth_date.year + years)
        except ValueError:  # born on 29 February
            birthday = self.birth_date.replace(year=self.birth_date.year + years, day=28)
        return min(birthday + dt.timedelta(days=days), self.today)

    @property
    def patient_label(self) -> str:
        return "Patiente" if self.sex == "F" else "Patient"

    @property
    def born(self) -> str:
        return f"{'née' if self.sex == 'F' else 'né'} le {_french_date(self.birth_date)}"


@dataclass(frozen=True)
class DemoAttachment:
    """A file attached to a demo file; ``key``: how the genetics form names it."""

    key: str
    file_name: str
    title: str
    category: DocumentCategory
    day: dt.date
    data: bytes = field(repr=False)

    @property
    def details(self) -> DocumentDetails:
        return DocumentDetails(title=self.title, document_date=self.day, category=self.category)


@dataclass(frozen=True)
class DemoRecord:
    """The genetics form (None: no test) and the attachments of one demo file.

    ``links``: which consent / relative information points to which attachment,
    ("consents", 0) -> attachment key; the document ids are known once attached."""

    genetics: Genetics | None
    attachments: tuple[DemoAttachment, ...] = ()
    links: Mapping[tuple[str, int], str] = field(default_factory=dict)

    def linked(self, document_ids: Mapping[str, int]) -> Genetics | None:
        """The genetics form with the ids of the attached documents it points to."""
        if self.genetics is None:
            return None
        links = {
            (section, index): document_ids[key] for (section, index), key in self.links.items()
        }
        consents = tuple(
            dataclasses.replace(consent, document_id=links.get(("consents", index)))
            if ("consents", index) in links
            else consent
            for index, consent in enumerate(self.genetics.consents)
        )
        information = tuple(
            dataclasses.replace(item, document_id=links.get(("relative_information", index)))
            if ("relative_information", index) in links
            else item
            for index, item in enumerate(self.genetics.relative_information)
        )
        return dataclasses.replace(
            self.genetics, consents=consents, relative_information=information
        )


# --------------------------------------------------------------------------- helpers


def _french_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _variant_rows(variants: tuple[Variant, ...]) -> tuple[tuple[str, ...], ...]:
    rows: list[tuple[str, ...]] = [("Gène", "Variant (HGVS)", "Classe ACMG", "Zygotie")]
    for variant in variants:
        transcript = _TRANSCRIPTS.get(variant.gene, "")
        description = f"{transcript}:{variant.hgvs_c}" if transcript else variant.hgvs_c
        rows.append(
            (
                variant.gene,
                f"{description} {variant.hgvs_p}".strip(),
                f"{variant.acmg_class} — {ACMG_CLASSES[variant.acmg_class or 0]}",
                ZYGOSITIES[variant.zygosity],
            )
        )
    return tuple(rows)


def _lab_report(
    file: DemoFile,
    test: GeneticTest,
    variants: tuple[Variant, ...],
    *,
    sampled: dt.date,
    day: dt.date,
    conclusion: tuple[str, ...],
) -> DemoAttachment:
    genes = ", ".join(test.genes)
    document = DemoDocument(
        issuer=_LAB_ISSUER,
        title="Compte rendu d'analyse de génétique constitutionnelle",
        day=day,
        facts=(
            (file.patient_label, f"{file.patient_name}, {file.born}"),
            ("Prescripteur", f"Dr {file.sender.practitioner}, {file.sender.structure_name}"),
            ("Indication", test.indication),
            ("Prélèvement", f"sang total sur EDTA, reçu le {_french_date(sampled)}"),
            ("Compte rendu du", _french_date(day)),
        ),
        sections=(
            DemoSection(
                heading="Analyse",
                paragraphs=(
                    f"Panel de {len(test.genes)} gènes : {genes}. Séquençage haut débit des "
                    "régions codantes et des jonctions exon-intron (± 20 nucléotides), "
                    "recherche de grands réarrangements (CNV). Nomenclature HGVS, "
                    "classification ACMG/AMP.",
                ),
            ),
            DemoSection(
                heading="Résultat", rows=_variant_rows(variants), widths=(0.12, 0.48, 0.24, 0.16)
            ),
            DemoSection(heading="Conclusion", paragraphs=conclusion),
        ),
        place=_PLACE,
        signatures=(_BIOLOGIST,),
    )
    return DemoAttachment(
        key="lab_report",
        file_name=f"compte-rendu-panel-{day.isoformat()}.pdf",
        title=f"Panel de {len(test.genes)} gènes — compte rendu",
        category=DocumentCategory.LAB_REPORT,
        day=day,
        data=render_demo_document(document),
    )


def _consent_document(file: DemoFile, consent: Consent) -> DemoDocument:
    assert consent.date is not None
    who = "la soussignée" if file.sex == "F" else "le soussigné"
    informed = "informée" if file.sex == "F" else "informé"
    return DemoDocument(
        issuer=(file.sender.structure_name, f"FINESS : {file.sender.finess}"),
        title="Consentement à l'examen des caractéristiques génétiques d'une personne",
        day=consent.date,
        facts=(
            (file.patient_label, f"{file.patient_name}, {file.born}"),
            ("Médecin prescripteur", f"Dr {file.sender.practitioner} (RPPS {file.sender.rpps})"),
        ),
        sections=(
            DemoSection(
                paragraphs=(
                    f"Je, {who}, reconnais avoir été {informed} par le médecin prescripteur, "
                    "au cours d'une consultation individuelle, des caractéristiques de la "
                    "maladie recherchée, des moyens de la détecter, des possibilités de "
                    "prévention et de traitement, ainsi que de l'obligation d'informer les "
                    "membres de ma famille potentiellement concernés si une anomalie "
                    "génétique grave était diagnostiquée (articles L. 1131-1 et R. 1131-4 du "
                    "code de la santé publique).",
                    "Je consens à :",
                ),
                widths=(0.06, 0.94),
                rows=(
                    ("", "Objet du consentement"),
                    *(
                        ("☒" if scope in consent.scopes else "☐", label)
                        for scope, label in CONSENT_SCOPES.items()
                    ),
                ),
            ),
            DemoSection(
                paragraphs=(
                    "Je peux retirer ce consentement à tout moment, et choisir de ne pas "
                    "être informé(e) du résultat.",
                ),
            ),
        ),
        place=_PLACE,
        signatures=(file.patient_name, f"Dr {file.sender.practitioner}"),
    )


def scanned_png(pdf: bytes, *, dpi: int = 100, tilt: float = 0.5) -> bytes:
    """The first page of ``pdf`` as a grey scan would show it: a PNG, slightly tilted."""
    pages = PdfPages(pdf)
    try:
        page = pages.render(0, dpi / 72)
    finally:
        pages.close()
    image = Image.frombuffer(
        "RGBX", (page.width, page.height), page.pixels, "raw", "RGBX", page.stride, 1
    ).convert("L")
    paper = image.point(lambda value: 28 + value * 215 // 255)  # greyish paper, ink not black
    tilted = paper.rotate(tilt, resample=Image.Resampling.BILINEAR, fillcolor=243)
    out = io.BytesIO()
    tilted.save(out, "PNG", compress_level=3)  # built at each demo start: speed first
    return out.getvalue()


def marked_fictitious(pdf: bytes, text: str = FICTITIOUS_BANNER) -> bytes:
    """``pdf`` with ``text`` printed at the top of each page (in red, a standard font):
    the application's own letters, attached as demo documents, say they are fictitious
    as the others do."""
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(pdf)
        try:
            encoded = ctypes.create_string_buffer((text + "\x00").encode("utf-16-le"))
            for index in range(len(document)):
                page = document[index]
                try:
                    width, height = page.get_size()
                    stamp = pdfium_c.FPDFPageObj_NewTextObj(
                        document.raw, b"Helvetica-Bold", ctypes.c_float(8.5)
                    )
                    pdfium_c.FPDFText_SetText(
                        stamp, ctypes.cast(encoded, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
                    )
                    pdfium_c.FPDFPageObj_SetFillColor(stamp, 164, 38, 44, 255)
                    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
                    pdfium_c.FPDFPageObj_GetBounds(stamp, left, bottom, right, top)
                    shift = (width - (right.value - left.value)) / 2
                    pdfium_c.FPDFPageObj_Transform(stamp, 1, 0, 0, 1, shift, height - 30)
                    pdfium_c.FPDFPage_InsertObject(page.raw, stamp)  # the page owns it now
                    pdfium_c.FPDFPage_GenerateContent(page.raw)
                finally:
                    page.close()
            out = io.BytesIO()
            document.save(out)
            return out.getvalue()
        finally:
            document.close()


def _consent_scan(file: DemoFile, consent: Consent) -> DemoAttachment:
    assert consent.date is not None
    return DemoAttachment(
        key="consent",
        file_name=f"consentement-signe-{consent.date.isoformat()}.png",
        title="Consentement signé (numérisé)",
        category=DocumentCategory.CONSENT_FORM,
        day=consent.date,
        data=scanned_png(render_demo_document(_consent_document(file, consent))),
    )


def _consent_pdf(file: DemoFile, consent: Consent) -> DemoAttachment:
    assert consent.date is not None
    return DemoAttachment(
        key="consent",
        file_name=f"consentement-{consent.date.isoformat()}.pdf",
        title="Consentement signé",
        category=DocumentCategory.CONSENT_FORM,
        day=consent.date,
        data=render_demo_document(_consent_document(file, consent)),
    )


def _relatives_letter(
    file: DemoFile, information: RelativeInformation, variants: tuple[Variant, ...]
) -> DemoAttachment:
    """The application's own letter to the relatives informed, as it was printed then."""
    assert information.date is not None
    pdf = render_relatives_letters(
        RelativesLetters(
            sender=file.sender,
            recipients=tuple(
                LetterRecipient(name=file.family.person(person_id).name)
                for person_id in information.relative_ids
            ),
            variants=variants,
            mode="by_patient",
            day=information.date,
        )
    )
    pdf = marked_fictitious(pdf)
    return DemoAttachment(
        key="letter",
        file_name=f"lettres-parentele-{information.date.isoformat()}.pdf",
        title="Lettres à la parentèle (copie)",
        category=DocumentCategory.LETTER,
        day=information.date,
        data=pdf,
    )


def _letter_reference(day: dt.date) -> str:
    return f"Lettre d'information de la parentèle du {_french_date(day)}"


def _proband_id(family: Family) -> str:
    proband = family.proband
    assert proband is not None
    return proband.id


def _sibling(family: Family, person_id: str, sex: str, age: int) -> str:
    """The brother or sister of ``person_id`` of that sex and age (the sample families')."""
    return next(
        other
        for other in family.siblings_of(person_id)
        if family.person(other).sex == sex and family.person(other).age.value == age
    )


def _child(family: Family, person_id: str, sex: str) -> str:
    return next(c for c in family.children_of(person_id) if family.person(c).sex == sex)


def _blood_relatives_of(family: Family, person_id: str) -> tuple[str, ...]:
    """The siblings of ``person_id`` (their blood ones) and their children, alive."""
    found: list[str] = []
    for sibling in family.siblings_of(person_id):
        person = family.person(sibling)
        if person.deceased or person.adopted:
            continue
        found.append(sibling)
        found += [c for c in family.children_of(sibling) if not family.person(c).deceased]
    return tuple(found)


def _panel(day: dt.date, indication: str, genes: tuple[str, ...]) -> GeneticTest:
    """The proband's first test ("t1", the variants' ``test_id``): a panel, its result
    received."""
    return GeneticTest(
        id="t1",
        kind="panel",
        date=day,
        laboratory=LABORATORY,
        indication=indication,
        genes=genes,
        status="result_received",
    )


def _predictive(
    test_id: str,
    relative_id: str,
    variant: Variant,
    day: dt.date,
    *,
    status: str = "result_received",
    outcome: str = "",
) -> GeneticTest:
    return GeneticTest(
        id=test_id,
        kind="predictive",
        date=day,
        laboratory=LABORATORY,
        indication="Apparenté(e) à risque : recherche du variant familial",
        familial_gene=variant.gene,
        familial_variant=variant.hgvs_c,
        relative_id=relative_id,
        status=status,
        relative_outcome=outcome,
    )


# --------------------------------------------------------------------------- the files


def _abadie(file: DemoFile) -> DemoRecord:
    """BRCA1: a panel, a second sample, two predictive tests, a scanned consent, a letter."""
    family = file.family
    proband = _proband_id(family)
    sister = _sibling(family, proband, "F", 41)
    brother = _sibling(family, proband, "M", 33)
    mother = family.person(proband).mother_id
    assert mother is not None
    consultation = file.on(36, 60)
    panel = _panel(
        consultation,
        "Cancer du sein triple négatif à 36 ans ; cancers du sein et de l'ovaire "
        "dans la branche maternelle",
        BREAST_PANEL,
    )
    pathogenic = Variant(
        gene="BRCA1",
        hgvs_c="c.5266dup",
        hgvs_p="p.(Gln1756Profs*74)",
        acmg_class=5,
        test_id="t1",
        note="Variant fondateur fréquent (ancienne nomenclature 5382insC).",
    )
    control = GeneticTest(
        id="t2",
        kind="targeted",
        date=file.on(36, 120),
        laboratory=LABORATORY,
        indication="Contrôle du variant sur un second prélèvement indépendant",
        familial_gene="BRCA1",
        familial_variant=pathogenic.hgvs_c,
        status="result_received",
    )
    informed_on = file.on(36, 135)
    informed = (sister, brother, *_blood_relatives_of(family, mother))
    consent = Consent(
        date=consultation,
        scopes=("diagnostic", "sample_storage"),
        note="Formulaire signé numérisé (pièce jointe).",
    )
    information = RelativeInformation(
        relative_ids=informed,
        date=informed_on,
        channel="letter_by_patient",
        letter=_letter_reference(informed_on),
    )
    genetics = Genetics(
        tests=(
            panel,
            control,
            _predictive("t3", sister, pathogenic, file.on(36, 200), outcome="carrier"),
            _predictive("t4", brother, pathogenic, file.on(36, 215), outcome="non_carrier"),
        ),
        variants=(pathogenic,),
        consents=(consent,),
        relative_information=(information,),
    )
    report = _lab_report(
        file,
        panel,
        (pathogenic,),
        sampled=file.on(36, 62),
        day=file.on(36, 105),
        conclusion=(
            "Présence à l'état hétérozygote du variant pathogène (classe 5) BRCA1 "
            "c.5266dup p.(Gln1756Profs*74), qui confirme une prédisposition héréditaire aux "
            "cancers du sein et de l'ovaire.",
            "Ce résultat doit être contrôlé sur un second prélèvement. Un test ciblé peut "
            "être proposé aux apparentés, qu'il appartient à la patiente d'informer.",
        ),
    )
    return DemoRecord(
        genetics,
        (
            report,
            _consent_scan(file, consent),
            _relatives_letter(file, information, (pathogenic,)),
        ),
        links={("consents", 0): "consent", ("relative_information", 0): "letter"},
    )


def _achard(file: DemoFile) -> DemoRecord:
    """BRCA2 in a man; his children and siblings; a consent as a PDF."""
    family = file.family
    proband = _proband_id(family)
    daughter = _child(family, proband, "F")
    son = _child(family, proband, "M")
    sister = _sibling(family, proband, "F", 59)
    brother = _sibling(family, proband, "M", 66)
    consultation = file.on(61, 90)
    panel = _panel(
        consultation,
        "Cancer du sein chez un homme (61 ans) ; pancréas et prostate dans la branche paternelle",
        ("BRCA1", "BRCA2", "PALB2", "CHEK2", "ATM"),
    )
    pathogenic = Variant(
        gene="BRCA2",
        hgvs_c="c.5946del",
        hgvs_p="p.(Ser1982Argfs*22)",
        acmg_class=5,
        test_id="t1",
        note="Ancienne nomenclature 6174delT.",
    )
    consent = Consent(
        date=consultation,
        scopes=("diagnostic", "sample_storage", "relatives_by_practitioner"),
    )
    genetics = Genetics(
        tests=(
            panel,
            _predictive("t2", daughter, pathogenic, file.on(61, 230), outcome="carrier"),
            _predictive("t3", sister, pathogenic, file.on(61, 250), outcome="non_carrier"),
            _predictive("t4", son, pathogenic, file.on(62, 30), status="requested"),
        ),
        variants=(pathogenic,),
        consents=(consent,),
        relative_information=(
            RelativeInformation(
                relative_ids=(daughter, son),
                date=file.on(61, 170),
                channel="oral",
                note="Informés par leur père lors d'un repas de famille.",
            ),
            RelativeInformation(
                relative_ids=(brother, sister),
                date=file.on(61, 185),
                channel="letter_by_practitioner",
                letter="Lettre du médecin (art. L. 1131-1-2)",
            ),
        ),
    )
    report = _lab_report(
        file,
        panel,
        (pathogenic,),
        sampled=file.on(61, 92),
        day=file.on(61, 150),
        conclusion=(
            "Présence à l'état hétérozygote du variant pathogène (classe 5) BRCA2 "
            "c.5946del p.(Ser1982Argfs*22) : prédisposition héréditaire aux cancers du sein "
            "(y compris chez l'homme), de la prostate et du pancréas.",
            "Un test ciblé peut être proposé aux apparentés.",
        ),
    )
    return DemoRecord(
        genetics, (report, _consent_pdf(file, consent)), links={("consents", 0): "consent"}
    )


def _adam(file: DemoFile) -> DemoRecord:
    """Lynch: MLH1 class 4 after a colorectal cancer with loss of MLH1/PMS2."""
    family = file.family
    proband = _proband_id(family)
    sister = _sibling(family, proband, "F", 47)
    brother = _sibling(family, proband, "M", 39)
    father = family.person(proband).father_id
    assert father is not None
    consultation = file.on(41, 75)
    panel = _panel(
        consultation,
        "Cancer colorectal à 41 ans, instabilité microsatellitaire, perte d'expression MLH1/PMS2",
        LYNCH_PANEL,
    )
    likely_pathogenic = Variant(
        gene="MLH1",
        hgvs_c="c.1852_1854del",
        hgvs_p="p.(Lys618del)",
        acmg_class=4,
        test_id="t1",
    )
    informed_on = file.on(41, 190)
    genetics = Genetics(
        tests=(
            panel,
            _predictive("t2", sister, likely_pathogenic, file.on(41, 250), outcome="carrier"),
            _predictive("t3", brother, likely_pathogenic, file.on(41, 280), outcome="non_carrier"),
        ),
        variants=(likely_pathogenic,),
        consents=(Consent(date=consultation, scopes=("diagnostic", "research")),),
        relative_information=(
            RelativeInformation(
                relative_ids=(sister, brother, *_blood_relatives_of(family, father)),
                date=informed_on,
                channel="letter_by_patient",
                letter=_letter_reference(informed_on),
            ),
        ),
    )
    report = _lab_report(
        file,
        panel,
        (likely_pathogenic,),
        sampled=file.on(41, 77),
        day=file.on(41, 160),
        conclusion=(
            "Présence à l'état hétérozygote du variant probablement pathogène (classe 4) "
            "MLH1 c.1852_1854del p.(Lys618del), concordant avec la perte d'expression de "
            "MLH1 et PMS2 dans la tumeur : syndrome de Lynch.",
        ),
    )
    return DemoRecord(genetics, (report,))


def _alaoui(file: DemoFile) -> DemoRecord:
    """PALB2 in a young woman; her monozygotic twin tested, her brother's test sent."""
    family = file.family
    proband = _proband_id(family)
    twin = _sibling(family, proband, "F", 29)
    brother = _sibling(family, proband, "M", 34)
    consultation = file.on(28, 30)
    panel = _panel(
        consultation,
        "Cancer du sein à 28 ans (circuit rapide, décision thérapeutique) ; parents apparentés",
        BREAST_PANEL,
    )
    pathogenic = Variant(
        gene="PALB2",
        hgvs_c="c.3113G>A",
        hgvs_p="p.(Trp1038*)",
        acmg_class=5,
        test_id="t1",
    )
    parents = family.parents_of(proband)
    genetics = Genetics(
        tests=(
            panel,
            _predictive("t2", twin, pathogenic, file.on(28, 150), outcome="carrier"),
            _predictive("t3", brother, pathogenic, file.on(28, 200), status="sent"),
        ),
        variants=(pathogenic,),
        consents=(Consent(date=consultation, scopes=("diagnostic", "sample_storage")),),
        relative_information=(
            RelativeInformation(
                relative_ids=(twin, brother, *parents),
                date=file.on(28, 90),
                channel="oral",
            ),
        ),
    )
    return DemoRecord(genetics)


def _albert(file: DemoFile) -> DemoRecord:
    """No positive result: a PALB2 variant of uncertain significance, a likely benign and a
    benign one (the demo's classes 1 to 3, apart from the files with a familial variant)."""
    consultation = file.on(43, 100)
    panel = _panel(
        consultation,
        "Cancer du sein lobulaire à 43 ans ; cancers du sein et de l'ovaire dans les deux branches",
        BREAST_PANEL,
    )
    uncertain = Variant(
        gene="PALB2",
        hgvs_c="c.2816T>G",
        hgvs_p="p.(Leu939Trp)",
        acmg_class=3,
        test_id="t1",
        note="Variant de signification incertaine : ni surveillance ni test des apparentés "
        "fondés sur lui ; une reclassification est à suivre.",
    )
    likely_benign = Variant(
        gene="ATM", hgvs_c="c.5557G>A", hgvs_p="p.(Asp1853Asn)", acmg_class=2, test_id="t1"
    )
    benign = Variant(
        gene="BRCA2", hgvs_c="c.7242A>G", hgvs_p="p.(Ser2414=)", acmg_class=1, test_id="t1"
    )
    genetics = Genetics(
        tests=(panel,),
        variants=(uncertain, likely_benign, benign),
        consents=(Consent(date=consultation, scopes=("diagnostic",)),),
    )
    report = _lab_report(
        file,
        panel,
        (uncertain, likely_benign, benign),
        sampled=file.on(43, 103),
        day=file.on(43, 180),
        conclusion=(
            "Aucun variant pathogène ou probablement pathogène n'a été identifié dans les "
            "gènes analysés.",
            "Le variant PALB2 c.2816T>G p.(Leu939Trp) est de signification incertaine "
            "(classe 3) : il ne doit pas être utilisé pour la prise en charge de la patiente "
            "ni pour tester ses apparentés. Il sera réévalué.",
            "Le variant ATM c.5557G>A est probablement bénin (classe 2) et le variant BRCA2 "
            "c.7242A>G bénin (classe 1) : sans conséquence pour la prise en charge.",
        ),
    )
    return DemoRecord(genetics, (report,))


def _allard(file: DemoFile) -> DemoRecord:
    """Below every threshold: no test; the consultation letter quotes the scores."""
    scores = compute_scores(file.history, file.family, birth_date=file.birth_date, sex=file.sex)
    eisinger = max(branch.points.high for branch in scores.eisinger.branches)
    manchester = max(branch.scored.combined.high for branch in scores.manchester.branches)
    day = file.on(59, 40)
    document = DemoDocument(
        issuer=(
            file.sender.structure_name,
            f"Dr {file.sender.practitioner}, {file.sender.profession} — RPPS {file.sender.rpps}",
            f"FINESS : {file.sender.finess}",
        ),
        title="Compte rendu de consultation d'oncogénétique",
        day=day,
        facts=(
            (file.patient_label, f"{file.patient_name}, {file.born}"),
            ("Consultation du", _french_date(day)),
        ),
        sections=(
            DemoSection(
                paragraphs=(
                    "Cher confrère,",
                    "J'ai reçu votre patiente, traitée pour un cancer du sein canalaire "
                    "infiltrant de grade 1, hormonosensible, diagnostiqué à 58 ans. Dans sa "
                    "famille : un cancer de la prostate chez son père à 76 ans et un cancer "
                    "colorectal chez une tante paternelle à 74 ans.",
                ),
            ),
            DemoSection(
                heading="Scores",
                widths=(0.42, 0.12, 0.12, 0.34),
                rows=(
                    ("Score", "Valeur", "Seuil", "Lecture"),
                    (
                        "Eisinger (meilleure branche)",
                        str(eisinger),
                        str(scores.eisinger.threshold),
                        _STATUS_TEXT[scores.eisinger.status],
                    ),
                    (
                        "Manchester combiné (meilleure branche)",
                        str(manchester),
                        str(scores.manchester.threshold),
                        _STATUS_TEXT[scores.manchester.status],
                    ),
                    ("Amsterdam II", "—", "—", _CRITERIA_TEXT[scores.amsterdam.status]),
                    ("Bethesda révisés", "—", "—", _CRITERIA_TEXT[scores.bethesda.status]),
                ),
            ),
            DemoSection(
                heading="Conclusion",
                paragraphs=(
                    "L'histoire personnelle et familiale n'atteint aucun seuil d'indication "
                    "d'une analyse génétique constitutionnelle. Je n'ai pas proposé de test.",
                    "La surveillance est celle de son cancer du sein. À revoir si un nouveau "
                    "cancer survenait dans la famille.",
                    "Bien confraternellement.",
                ),
            ),
        ),
        place=_PLACE,
        signatures=(f"Dr {file.sender.practitioner}",),
    )
    letter = DemoAttachment(
        key="letter",
        file_name=f"courrier-consultation-{day.isoformat()}.pdf",
        title="Courrier au médecin traitant",
        category=DocumentCategory.LETTER,
        day=day,
        data=render_demo_document(document),
    )
    return DemoRecord(None, (letter,))


_RECORDS: Mapping[str, Callable[[DemoFile], DemoRecord]] = {
    "brca1": _abadie,
    "brca2": _achard,
    "lynch": _adam,
    "consanguineous_twins": _alaoui,
    "large": _albert,
    "sporadic": _allard,
}


def demo_record(file: DemoFile) -> DemoRecord:
    """The genetics form and attachments of the demo file ``file`` (empty if it has none)."""
    build = _RECORDS.get(file.key)
    return build(file) if build is not None else DemoRecord(None)


def save_demo_record(session: UserSession, patient_id: int, record: DemoRecord) -> None:
    """Attach the record's documents to the file, then save its genetics form pointing to
    them, through ``session`` (a practitioner's: its services check and log)."""
    ids = {
        attachment.key: session.documents.add(
            patient_id, attachment.file_name, attachment.data, attachment.details
        ).id
        for attachment in record.attachments
    }
    genetics = record.linked(ids)
    if genetics is not None:
        session.forms.save(patient_id, FormKind.GENETICS, genetics, expected_version=0)
