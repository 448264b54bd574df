"""Errors raised by the services only (the others live in ``domain.errors``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from oiso_desktop.domain.errors import ErrorCode, OisoError

DUPLICATE_MESSAGE = (
    "Un dossier semblable existe déjà (même date de naissance et nom proche, ou même NIR) : "
    "vérifiez qu'il ne s'agit pas du même patient avant de créer un nouveau dossier."
)


class DuplicateWarning(OisoError):
    """Possible duplicates found; ``params['candidates']`` holds PatientSummary rows.

    The caller shows them and, if the user confirms, calls again with
    ``confirm_duplicates=True``.
    """

    code = ErrorCode.POSSIBLE_DUPLICATE

    def __init__(self, candidates: Sequence[Any], message: str = DUPLICATE_MESSAGE) -> None:
        super().__init__(message, candidates=tuple(candidates))

    @property
    def candidates(self) -> tuple[Any, ...]:
        return tuple(self.params["candidates"])
