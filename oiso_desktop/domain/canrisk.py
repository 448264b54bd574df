"""CanRisk pedigree files: import versions 1 to 4, export version 2.0 (REFERENCE.md).

:func:`parse_canrisk` reads every family of a file (the UI asks which one to take)
with the ``##key=value`` risk-factor lines written before each family, kept as
written on the family (``Family.risk_factors``) so that they go back out unchanged.
A malformed file imports nothing: ``problems`` then lists **every** problem, each a
ValidationError whose French message names the line, the family, the person and the
column (params ``line``, ``family_id``, ``person``, ``column``; ``field`` is the
column). Cell formats are
checked here; the family's consistency (parents, sexes, probands, twins, ages)
by ``family_checks.validate``, whose problems are placed on the person's line.
A person whose cell is malformed gets that cell's message only; the consistency
checks that would repeat it for that person wait until the cell is fixed.

:func:`to_canrisk` writes one family as ``##CanRisk 2.0``. CanRisk holds less than
the family model: approximate ages are written as their central value; only the
first breast (BC1), contralateral breast (BC2), ovarian, prostate and pancreatic
cancers, their ages and the BC1 markers; N/P results of the CanRisk genes; MZ
twin pairs; not the other cancers and details, DZ twins, adoption, partners
without children (nor the people linked only through them), consanguinity flags
(CanRisk sees consanguinity from the parents), notes or file links. A name is written with "_" for spaces, and "NA"
when empty (read back as empty). Everything CanRisk holds comes back unchanged
(tests/domain/test_domain_canrisk.py, property test).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    MAX_AGE,
    Age,
    Cancer,
    Family,
    GeneticResult,
    Partnership,
    Person,
    Receptors,
    TwinGroup,
    Zygosity,
)
from oiso_desktop.domain.family_checks import validate

__all__ = [
    "CANRISK_GENES",
    "CANRISK_SITES",
    "COLUMNS",
    "EXPORT_VERSION",
    "CanRiskFamily",
    "CanRiskImport",
    "canrisk_export_omitted",
    "canrisk_export_problems",
    "parse_canrisk",
    "to_canrisk",
]

EXPORT_VERSION = "2.0"
_BASE = "FamID Name Target IndivID FathID MothID Sex MZtwin Dead Age Yob BC1 BC2 OC PRO PAN Ashkn"
_PATHOLOGY = "ER:PR:HER2:CK14:CK56"
_GENES_V1 = ("BRCA1", "BRCA2", "PALB2", "ATM", "CHEK2", "RAD51D", "RAD51C", "BRIP1")
_GENES_V2 = ("BRCA1", "BRCA2", "PALB2", "ATM", "CHEK2", "BARD1", "RAD51D", "RAD51C", "BRIP1")
_GENES_V4 = (*_GENES_V2, "HOXB13")
CANRISK_GENES = {"1": _GENES_V1, "2": _GENES_V2, "3": _GENES_V2, "4": _GENES_V4}
COLUMNS: dict[str, tuple[str, ...]] = {
    version: (*_BASE.split(), *genes, _PATHOLOGY) for version, genes in CANRISK_GENES.items()
}
# CanRisk cancer columns and the family model's site codes.
CANRISK_SITES = {
    "BC1": "breast",
    "BC2": "contralateral_breast",
    "OC": "ovary",
    "PRO": "prostate",
    "PAN": "pancreas",
}
MZ_CODES = "123456789A"
NO_NAME = "NA"

_HEADER_RE = re.compile(r"##\s*CanRisk\s+([1-4])(?:\.0)?\s*", re.IGNORECASE)
_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,7}")
_FAMILY_ID_RE = re.compile(r"[A-Za-z0-9_-]+")
_AGE_RE = re.compile(r"\d{1,3}")


@dataclass(frozen=True)
class CanRiskFamily:
    family_id: str
    family: Family  # with its ##key=value lines, key and value as written (risk_factors)
    first_line: int

    @property
    def risk_factors(self) -> tuple[tuple[str, str], ...]:
        return self.family.risk_factors


@dataclass(frozen=True)
class CanRiskImport:
    version: str  # "1".."4"; "" when the first line is not a CanRisk header
    families: tuple[CanRiskFamily, ...]  # none when there is any problem
    problems: tuple[ValidationError, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


# --- reading ------------------------------------------------------------------------------


def _where(line: int, family_id: str) -> str:
    return f"Ligne {line} (famille {family_id}), " if family_id else f"Ligne {line} : "


def _located(
    message: str,
    code: ErrorCode,
    *,
    line: int,
    family_id: str = "",
    column: str = "",
    **params: Any,
) -> ValidationError:
    return ValidationError(
        _where(line, family_id) + message,
        code=code,
        field=column or None,
        line=line,
        family_id=family_id,
        column=column,
        **params,
    )


@dataclass
class _Record:
    line: int
    cells: dict[str, str]

    @property
    def person_id(self) -> str:
        return self.cells["IndivID"]


class _FamilyReader:
    """Turns the records of one family into a Family, noting each malformed cell."""

    def __init__(self, family_id: str, records: list[_Record], version: str, today: date):
        self.family_id = family_id
        self.records = records
        self.version = version
        self.today = today
        self.problems: list[ValidationError] = []
        self.flagged: set[tuple[str, str]] = set()  # (person, column) of malformed cells
        self.bad_targets = False
        self.columns_of: dict[str, dict[str, str]] = {}  # person -> model field -> column
        self.line_of: dict[str, int] = {}

    def _bad(self, record: _Record, column: str, expected: str) -> None:
        value = record.cells[column]
        self.flagged.add((record.person_id, column))
        self.problems.append(
            _located(
                f"personne {record.person_id}, colonne {column} : « {value} » n'est pas une "
                f"valeur possible ({expected}).",
                ErrorCode.CANRISK_VALUE,
                line=record.line,
                family_id=self.family_id,
                column=column,
                person=record.person_id,
                value=value,
                expected=expected,
            )
        )

    def _choice(self, record: _Record, column: str, allowed: Sequence[str], default: str) -> str:
        value = record.cells[column]
        if value in allowed:
            return value
        self._bad(record, column, ", ".join(allowed))
        return default

    def _age(self, record: _Record, column: str, *, unknown_ok: bool = False) -> Age | None:
        """None for "0"; Age() for "AU" (when allowed); an exact age 1..125."""
        value = record.cells[column]
        if value == "0":
            return None
        if unknown_ok and value.upper() == "AU":
            return Age()
        if _AGE_RE.fullmatch(value) and 1 <= int(value) <= MAX_AGE:
            return Age.exact(int(value))
        self._bad(record, column, f"0, {'AU, ' if unknown_ok else ''}1-{MAX_AGE}")
        return None

    def read(self) -> tuple[Family, dict[str, list[str]]]:
        people: list[Person] = []
        seen: dict[str, int] = {}
        twin_codes: dict[str, list[str]] = {}
        if not _FAMILY_ID_RE.fullmatch(self.family_id):
            self._bad(self.records[0], "FamID", "[A-Za-z0-9_-]")
        for record in self.records:
            person_id = record.person_id
            if person_id in seen:
                self.flagged.add((person_id, "IndivID"))
                self.problems.append(
                    _located(
                        f"personne {person_id} : cet identifiant est déjà celui d'une personne "
                        f"de la ligne {seen[person_id]}.",
                        ErrorCode.CANRISK_DUPLICATE_ID,
                        line=record.line,
                        family_id=self.family_id,
                        column="IndivID",
                        person=person_id,
                        first_line=seen[person_id],
                    )
                )
                continue
            seen[person_id] = record.line
            self.line_of[person_id] = record.line
            if not _ID_RE.fullmatch(person_id) or person_id == "0":
                self._bad(record, "IndivID", "1-7 [A-Za-z0-9_-], ≠ 0")
            people.append(self._person(record, twin_codes))
        twins: list[TwinGroup] = []
        for code, members in twin_codes.items():
            if len(members) == 2:
                twins.append(TwinGroup(tuple(members), Zygosity.MZ))
                continue
            self.flagged.update((member, "MZtwin") for member in members)
            first = self.records[[r.person_id for r in self.records].index(members[0])]
            self.problems.append(
                _located(
                    f"personne {members[0]}, colonne MZtwin : le code de jumeaux monozygotes "
                    f"« {code} » apparaît {len(members)} fois (exactement 2 attendues).",
                    ErrorCode.CANRISK_TWIN_CODE,
                    line=first.line,
                    family_id=self.family_id,
                    column="MZtwin",
                    person=members[0],
                    value=code,
                    count=len(members),
                )
            )
        partnerships: dict[frozenset[str], Partnership] = {}
        ids = {person.id for person in people}
        for person in people:
            if person.father_id in ids and person.mother_id in ids:
                assert person.father_id is not None and person.mother_id is not None
                pair = frozenset((person.father_id, person.mother_id))
                if len(pair) == 2 and pair not in partnerships:
                    partnerships[pair] = Partnership(person.father_id, person.mother_id)
        family = Family(
            people=tuple(people), partnerships=tuple(partnerships.values()), twins=tuple(twins)
        )
        return family, twin_codes

    def _person(self, record: _Record, twin_codes: dict[str, list[str]]) -> Person:
        cells = record.cells
        person_id = record.person_id
        columns: dict[str, str] = {}
        target = cells["Target"]
        if target not in ("0", "1"):
            self.bad_targets = True
        proband = self._choice(record, "Target", ("0", "1"), "0") == "1"
        sex = self._choice(record, "Sex", ("M", "F"), "U")
        twin = cells["MZtwin"]
        if twin != "0":
            if len(twin) == 1 and twin.upper() in MZ_CODES:
                twin_codes.setdefault(twin.upper(), []).append(person_id)
            else:
                self._bad(record, "MZtwin", "0, 1-9, A")
        deceased = self._choice(record, "Dead", ("0", "1"), "0") == "1"
        age = self._age(record, "Age") or Age()
        birth_year = None
        if cells["Yob"] != "0":
            if cells["Yob"].isdigit() and len(cells["Yob"]) == 4:
                birth_year = int(cells["Yob"])
            else:
                self._bad(record, "Yob", f"0, 1850-{self.today.year}")
        cancers: list[Cancer] = []
        for column, site in CANRISK_SITES.items():
            diagnosis = self._age(record, column, unknown_ok=True)
            if diagnosis is not None:
                columns[f"cancers[{len(cancers)}]"] = column
                cancers.append(Cancer(site=site, age=diagnosis))
        markers = cells[_PATHOLOGY].split(":")
        if len(markers) != 5 or any(m not in ("0", "N", "P") for m in markers):
            self._bad(record, _PATHOLOGY, "0:0:0:0:0, N, P")
        elif any(m != "0" for m in markers):
            receptors = Receptors(*(m if m != "0" else "" for m in markers))
            if cancers and cancers[0].site == "breast":
                cancers[0] = Cancer(site="breast", age=cancers[0].age, receptors=receptors)
            else:
                self.flagged.add((person_id, _PATHOLOGY))
                self.problems.append(
                    _located(
                        f"personne {person_id}, colonne {_PATHOLOGY} : des marqueurs tumoraux "
                        "sont saisis sans premier cancer du sein (BC1).",
                        ErrorCode.CANRISK_PATHOLOGY_WITHOUT_BC1,
                        line=record.line,
                        family_id=self.family_id,
                        column=_PATHOLOGY,
                        person=person_id,
                    )
                )
        ashkenazi = self._choice(record, "Ashkn", ("0", "1"), "0") == "1"
        results: list[GeneticResult] = []
        for gene in CANRISK_GENES[self.version]:
            outcomes = ("N", "HET", "HOM") if gene == "HOXB13" else ("N", "P")
            parts = cells[gene].upper().split(":")
            if parts == ["0", "0"]:
                continue
            if len(parts) == 2 and parts[0] in ("S", "T") and parts[1] in outcomes:
                columns[f"genetic_results[{len(results)}]"] = gene
                results.append(GeneticResult(gene=gene, test_type=parts[0], result=parts[1]))
            else:
                tests = ", ".join(f"{t}:{o}" for t in "ST" for o in outcomes)
                self._bad(record, gene, f"0:0, {tests}")
        self.columns_of[person_id] = columns
        father = cells["FathID"] if cells["FathID"] != "0" else None
        mother = cells["MothID"] if cells["MothID"] != "0" else None
        name = cells["Name"]
        return Person(
            id=person_id,
            name="" if name == NO_NAME else name,
            sex=sex,
            proband=proband,
            father_id=father,
            mother_id=mother,
            birth_year=birth_year,
            age=Age() if deceased else age,
            deceased=deceased,
            age_at_death=age if deceased else Age(),
            cancers=tuple(cancers),
            genetic_results=tuple(results),
            ashkenazi=ashkenazi,
        )

    def consistency(self, family: Family) -> list[ValidationError]:
        """The family checks, placed on the person's line; cascades of bad cells left out."""
        found: list[ValidationError] = []
        first_line = self.records[0].line
        for problem in validate(family, self.today):
            person_id = problem.params.get("person_id")
            if self._cascade(problem, family, person_id):
                continue
            line = self.line_of.get(person_id or "", first_line)
            column = self._column(person_id, problem.field or "")
            params = {k: v for k, v in problem.params.items() if k not in ("line", "column")}
            found.append(
                _located(
                    str(problem),
                    problem.code,
                    line=line,
                    family_id=self.family_id,
                    column=column,
                    **params,
                )
            )
        return found

    def _cascade(self, problem: ValidationError, family: Family, person_id: str | None) -> bool:
        """A consistency problem that only repeats a malformed cell already reported."""
        if problem.code in (ErrorCode.FAMILY_NO_PROBAND, ErrorCode.FAMILY_TWO_PROBANDS):
            return self.bad_targets
        person = family.get(person_id or "")
        if person is None:
            return False
        column = self._column(person_id, problem.field or "")
        if (person.id, column) in self.flagged:
            return True
        if problem.code == ErrorCode.FAMILY_CONTRALATERAL:
            return (person.id, "BC1") in self.flagged
        group = family.twin_group_of(person.id)
        if problem.code.value.startswith("family_twins") and group is not None:
            return any((m, c) in self.flagged for m in group.members for c in ("Sex", "Yob"))
        return False

    def _column(self, person_id: str | None, field: str) -> str:
        columns = self.columns_of.get(person_id or "", {})
        prefix = field.split(".")[0]
        if prefix in columns:
            return columns[prefix]
        return {
            "sex": "Sex",
            "father_id": "FathID",
            "mother_id": "MothID",
            "birth_year": "Yob",
            "age": "Age",
            "age_at_death": "Age",
            "proband": "Target",
            "twins": "MZtwin",
            "id": "IndivID",
            "people": "IndivID",
        }.get(prefix, "")


def parse_canrisk(text: str, *, today: date) -> CanRiskImport:
    """Every family of a CanRisk file (versions 1 to 4), or every problem of the file."""
    lines = text.lstrip("\ufeff").splitlines()
    numbered = [(number, line.strip()) for number, line in enumerate(lines, start=1)]
    numbered = [(number, line) for number, line in numbered if line]
    if not numbered:
        return CanRiskImport("", (), (_empty(),))
    first_number, first = numbered[0]
    header = _HEADER_RE.fullmatch(first)
    if header is None:
        shown = first if len(first) <= 40 else first[:40] + "…"
        problem = _located(
            "le fichier ne commence pas par un en-tête « ##CanRisk 1.0 » à « ##CanRisk 4.0 » "
            f"(trouvé : « {shown} »).",
            ErrorCode.CANRISK_HEADER,
            line=first_number,
            found=shown,
        )
        return CanRiskImport("", (), (problem,))
    version = header.group(1)
    expected = COLUMNS[version]
    columns: tuple[str, ...] | None = None
    problems: list[ValidationError] = []
    groups: dict[str, list[_Record]] = {}
    factors: dict[str, list[tuple[str, str]]] = {}
    pending: list[tuple[str, str]] = []
    for number, line in numbered[1:]:
        if line.startswith("##"):
            body = line[2:].strip()
            if body.split()[:1] and body.split()[0].lower() == "famid":
                columns, wrong = _columns(body.split(), expected, version, number)
                if wrong is not None:
                    return CanRiskImport(version, (), (wrong,))
            elif "=" in body:
                key, value = body.split("=", 1)
                if key.strip():
                    pending.append((key.strip(), value.strip()))
            continue
        if line.startswith("#"):
            continue
        if columns is None:
            problems.append(
                _located(
                    "la ligne des noms de colonnes (##FamID Name Target...) manque avant les "
                    "données : les colonnes du format sont supposées dans l'ordre.",
                    ErrorCode.CANRISK_NO_COLUMNS,
                    line=number,
                )
            )
            columns = expected
        cells = line.split()
        if len(cells) != len(columns):
            problems.append(
                _located(
                    f"la ligne a {len(cells)} champs au lieu de {len(columns)}.",
                    ErrorCode.CANRISK_FIELD_COUNT,
                    line=number,
                    family_id=cells[0] if cells else "",
                    count=len(cells),
                    expected=len(columns),
                )
            )
            continue
        record = _Record(number, dict(zip(columns, cells, strict=True)))
        family_id = record.cells["FamID"]
        groups.setdefault(family_id, []).append(record)
        factors.setdefault(family_id, []).extend(pending)
        pending = []
    if pending and factors:
        factors[list(factors)[-1]].extend(pending)
    if not groups and not problems:
        problems.append(_empty())
    families: list[CanRiskFamily] = []
    for family_id, records in groups.items():
        reader = _FamilyReader(family_id, records, version, today)
        family, _ = reader.read()
        problems += reader.problems
        problems += reader.consistency(family)
        family = dataclasses.replace(family, risk_factors=tuple(factors.get(family_id, ())))
        families.append(CanRiskFamily(family_id, family, records[0].line))
    problems.sort(key=lambda p: p.params.get("line", 0))
    if problems:
        return CanRiskImport(version, (), tuple(problems))
    return CanRiskImport(version, tuple(families), ())


def _empty() -> ValidationError:
    return ValidationError(
        "Le fichier CanRisk ne contient aucune personne.", code=ErrorCode.CANRISK_EMPTY
    )


def _columns(
    names: list[str], expected: tuple[str, ...], version: str, line: int
) -> tuple[tuple[str, ...] | None, ValidationError | None]:
    """The file's columns (in the file's order) if they are those of ``version``."""
    by_lower = {name.lower(): name for name in expected}
    found = [by_lower.get(name.lower(), name) for name in names]
    missing = [name for name in expected if name not in found]
    unexpected = [name for name in found if name not in expected]
    if not missing and not unexpected and len(found) == len(expected):
        return tuple(found), None
    missing_text, unexpected_text = " ".join(missing) or "-", " ".join(unexpected) or "-"
    return None, _located(
        f"les noms de colonnes ne sont pas ceux du format CanRisk {version} (manquantes : "
        f"{missing_text} ; inattendues : {unexpected_text}).",
        ErrorCode.CANRISK_COLUMNS,
        line=line,
        version=version,
        missing=missing_text,
        unexpected=unexpected_text,
    )


# --- writing ------------------------------------------------------------------------------


def canrisk_export_problems(family: Family, today: date) -> list[ValidationError]:
    """Why ``family`` cannot be written as a CanRisk file (empty: it can)."""
    problems = validate(family, today)
    for person in family.people:
        if person.sex not in ("F", "M"):
            problems.append(
                ValidationError(
                    f"{_label(person)} : CanRisk exige le sexe de chaque personne (F ou M).",
                    code=ErrorCode.CANRISK_EXPORT_SEX,
                    field="sex",
                    person_id=person.id,
                    person=_label(person),
                )
            )
    groups = [group for group in family.twins if group.zygosity == Zygosity.MZ]
    beyond = [group for group in groups if len(group.members) != 2] or groups[len(MZ_CODES) :]
    if beyond:
        names = "; ".join(", ".join(group.members) for group in beyond)
        problems.append(
            ValidationError(
                "CanRisk n'accepte que des paires de jumeaux monozygotes, au plus "
                f"{len(MZ_CODES)} : {names}.",
                code=ErrorCode.CANRISK_EXPORT_TWINS,
                field="twins",
                person_id=beyond[0].members[0],
                people=names,
                maximum=len(MZ_CODES),
            )
        )
    return problems


def canrisk_export_omitted(family: Family) -> tuple[str, ...]:
    """People :func:`to_canrisk` leaves out: linked to the proband only through a partner
    without children (CanRisk links people by their parents; it could not place them)."""
    proband = family.proband
    if proband is None:
        return ()
    linked = {proband.id}
    todo = [proband.id]
    while todo:
        person_id = todo.pop()
        for other in (*family.parents_of(person_id), *family.children_of(person_id)):
            if other not in linked:
                linked.add(other)
                todo.append(other)
    return tuple(person.id for person in family.people if person.id not in linked)


def _label(person: Person) -> str:
    return f"{person.name} ({person.id})" if person.name.strip() else person.id


def to_canrisk(family: Family, *, today: date, family_id: str = "FAM1") -> str:
    """The family as a ``##CanRisk 2.0`` file (tab-separated).

    Raises the first of :func:`canrisk_export_problems` when there is one. People linked
    only through a partner without children are left out (:func:`canrisk_export_omitted`).
    The family's ``risk_factors`` are written as ``##key=value`` lines, in their order.
    """
    problems = canrisk_export_problems(family, today)
    if problems:
        raise problems[0]
    if not _FAMILY_ID_RE.fullmatch(family_id):
        family_id = re.sub(r"[^A-Za-z0-9_-]", "_", family_id) or "FAM1"
    omitted = set(canrisk_export_omitted(family))
    ids = _export_ids(family)
    twin_code = {}
    mz_pairs = [group for group in family.twins if group.zygosity == Zygosity.MZ]
    for code, group in zip(MZ_CODES, mz_pairs, strict=False):
        for member in group.members:
            twin_code[member] = code
    columns = COLUMNS["2"]
    lines = [f"##CanRisk {EXPORT_VERSION}"]
    lines += [f"##{key}={value}" for key, value in family.risk_factors]
    lines.append("##" + "\t".join(columns))
    for person in family.people:
        if person.id in omitted:
            continue
        cells = {
            "FamID": family_id,
            "Name": re.sub(r"\s+", "_", person.name.strip()) or NO_NAME,
            "Target": "1" if person.proband else "0",
            "IndivID": ids[person.id],
            "FathID": ids[person.father_id] if person.father_id else "0",
            "MothID": ids[person.mother_id] if person.mother_id else "0",
            "Sex": person.sex,
            "MZtwin": twin_code.get(person.id, "0"),
            "Dead": "1" if person.deceased else "0",
            "Age": str(_export_age(person, today)),
            "Yob": str(person.birth_year or 0),
            "Ashkn": "1" if person.ashkenazi else "0",
        }
        breast: Cancer | None = None
        for column, site in CANRISK_SITES.items():
            cancer = next((c for c in person.cancers if c.site == site), None)
            if cancer is None:
                cells[column] = "0"
            else:
                value = cancer.age.value
                cells[column] = "AU" if value is None else str(max(1, value))
                if site == "breast":
                    breast = cancer
        markers = breast.receptors.values() if breast is not None else ("",) * 5
        cells[_PATHOLOGY] = ":".join(m or "0" for m in markers)
        for gene in CANRISK_GENES["2"]:
            result = next(
                (
                    r
                    for r in person.genetic_results
                    if r.gene == gene and r.result in ("N", "P") and r.test_type in ("S", "T")
                ),
                None,
            )
            cells[gene] = f"{result.test_type}:{result.result}" if result else "0:0"
        lines.append("\t".join(cells[column] for column in columns))
    return "\n".join(lines) + "\n"


def _export_age(person: Person, today: date) -> int:
    age = person.age_at_death if person.deceased else person.age
    if age.value is not None:
        return min(max(age.value, 0), MAX_AGE)
    if not person.deceased and person.birth_year is not None:
        return min(max(today.year - person.birth_year, 0), MAX_AGE)
    return 0


def _export_ids(family: Family) -> dict[str, str]:
    """The person's id when CanRisk accepts it (1 to 7 of [A-Za-z0-9_-], not 0), else a new one."""
    ids: dict[str, str] = {}
    used = {p.id for p in family.people if _ID_RE.fullmatch(p.id) and p.id != "0"}
    counter = 0
    for person in family.people:
        if person.id in used:
            ids[person.id] = person.id
            continue
        while True:
            counter += 1
            candidate = f"i{counter}"
            if candidate not in used:
                break
        used.add(candidate)
        ids[person.id] = candidate
    return ids
