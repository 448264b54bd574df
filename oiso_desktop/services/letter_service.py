"""Letters produced from a patient file: ``session.letters``.

:meth:`LetterService.relatives_letter` writes the letters informing relatives of a
familial variant (``reports.relatives_letter_pdf``), one page per relative chosen,
from the file **as saved**: the positive variants (class 4 or 5,
``domain.genetics.is_positive``) of the genetics form and the relatives of the
family form. It checks the access like any clinical read (``VIEW_CLINICAL`` on the
file, the session holding the clinical key) and logs ``relatives_letter_created``
with the mode and the number of letters, never a name or a variant. The PDF stays
in memory: saving or printing it is the user's act (the GUI's).
"""

from __future__ import annotations

from collections.abc import Sequence

from oiso_desktop.domain.clinical_forms import FormKind
from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import Family
from oiso_desktop.domain.genetics import Genetics, positive_variants
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.reports.relatives_letter_pdf import (
    LETTER_MODES,
    LetterRecipient,
    LetterSender,
    RelativesLetters,
    render_relatives_letters,
)
from oiso_desktop.services.clinical_form_service import saved_content
from oiso_desktop.services.clinical_gate import open_clinical_file
from oiso_desktop.services.context import ServiceContext, writes
from oiso_desktop.services.dto import RelativesLetterFile
from oiso_desktop.services.event_log import record_event

__all__ = ["LETTER_MODES", "LetterService"]

NO_VARIANT_MESSAGE = (
    "Aucun variant pathogène (classe 4 ou 5) n'est enregistré dans l'onglet Génétique : "
    "la lettre à la parentèle porte sur lui. Enregistrez d'abord le variant."
)
NO_RELATIVE_MESSAGE = "Choisissez au moins un apparenté à qui écrire."
RELATIVE_UNKNOWN_MESSAGE = (
    "L'apparenté « {person_id} » ne figure pas dans la famille enregistrée : enregistrez "
    "d'abord l'onglet Famille."
)


class LetterService:
    """``session.letters``: letters built from a file, in memory."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @writes
    def relatives_letter(
        self, patient_id: int, relative_ids: Sequence[str], *, mode: str = "by_patient"
    ) -> RelativesLetterFile:
        """The letters to ``relative_ids`` (family person ids), one page each.

        ``mode``: "by_patient" (names the familial variant) or "by_practitioner" (art.
        L. 1131-1-2: names neither the patient, nor the variant, nor its risks).
        ValidationError ``relatives_letter_no_relative`` / ``relatives_letter_no_variant``
        / ``relatives_letter_relative_unknown`` (a relative not in the saved family, or
        the patient). Logged as ``relatives_letter_created`` (details: mode, letters).
        """
        if mode not in LETTER_MODES:
            raise ValueError(f"unknown letter mode {mode!r}")
        chosen = tuple(dict.fromkeys(str(person_id) for person_id in relative_ids))
        if not chosen:
            raise ValidationError(NO_RELATIVE_MESSAGE, code=ErrorCode.RELATIVES_LETTER_NO_RELATIVE)
        with self.ctx.unit_of_work() as uow:
            actor = uow.actor
            patient, _, keys = open_clinical_file(
                self.ctx, uow, Permission.VIEW_CLINICAL, patient_id
            )
            genetics = saved_content(uow, keys, patient, FormKind.GENETICS)
            family = saved_content(uow, keys, patient, FormKind.FAMILY)
            assert isinstance(genetics, Genetics) and isinstance(family, Family)
            variants = positive_variants(genetics)
            if not variants:
                raise ValidationError(
                    NO_VARIANT_MESSAGE, code=ErrorCode.RELATIVES_LETTER_NO_VARIANT
                )
            recipients = []
            for person_id in chosen:
                person = family.get(person_id)
                if person is None or person.proband:
                    raise ValidationError(
                        RELATIVE_UNKNOWN_MESSAGE.format(person_id=person_id),
                        code=ErrorCode.RELATIVES_LETTER_RELATIVE_UNKNOWN,
                        field="relative_ids",
                        person_id=person_id,
                    )
                recipients.append(LetterRecipient(name=person.name))
            user = uow.users.get(actor.user_id)
            assert user is not None
            structure = user.structure
            sender = LetterSender(
                structure_name=structure.name if structure is not None else "",
                finess=(structure.finess or "") if structure is not None else "",
                address=structure.address if structure is not None else "",
                phone=structure.phone if structure is not None else "",
                practitioner=f"{user.first_name} {user.last_name}".strip(),
                profession=", ".join(p for p in (user.profession, user.specialty) if p),
                rpps=user.rpps or "",
            )
            day = self.ctx.today()
            pdf = render_relatives_letters(
                RelativesLetters(
                    sender=sender,
                    recipients=tuple(recipients),
                    variants=variants,
                    mode=mode,
                    day=day,
                )
            )
            record_event(
                uow,
                self.ctx,
                actor,
                "relatives_letter_created",
                object_type="patient",
                object_id=patient.id,
                details={"mode": mode, "letters": len(recipients)},
            )
            uow.commit()
        return RelativesLetterFile(
            pdf=pdf,
            relative_ids=chosen,
            mode=mode,
            day=day,
            file_name=f"lettres-parentele-{day.isoformat()}.pdf",
        )
