"""Error codes: one enumeration, a translated text for each, and every raise uses one.

* every :class:`ErrorCode` has an English text in ``gui/error_text.MESSAGES`` and a
  finished French translation in the catalogue;
* a static scan of the package finds every ``code=...`` and class-level
  ``code = ...``: each must be an ErrorCode member (the failure lists the missing
  codes: add them to ``domain/error_codes.py`` and ``gui/error_text.py``);
* real errors from the domain, services, storage and reports read as English
  text with English installed, and as the service's own French sentence in French;
* an unknown code is refused when the error is built.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from oiso_desktop.domain import identifiers, passwords, patients, permissions
from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import (
    AccountLocked,
    OisoError,
    SessionEnded,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.error_text import (
    IDENTIFIER_LABELS,
    MESSAGES,
    NAME_LABELS,
    error_text,
)
from oiso_desktop.gui.i18n import install_translations
from oiso_desktop.services import validation
from oiso_desktop.services.dto import StructureInput, UserInput
from oiso_desktop.services.errors import DuplicateWarning

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "oiso_desktop"
TS = ROOT / "resources" / "translations" / "oiso_fr.ts"

# Classes whose default code says nothing specific: a raise must give its own code.
# CliError is left out: the command line speaks French only (no --lang), its
# messages never reach the GUI.
GENERIC_CLASSES = {"OisoError", "ValidationError", "InvalidIdentifier", "StorageError"}


# --------------------------------------------------------------------- (a) the table
def _errors_catalogue() -> dict[str, tuple[str, str | None]]:
    """source -> (French translation, translation type) of the "Errors" context."""
    found: dict[str, tuple[str, str | None]] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "Errors":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[message.findtext("source") or ""] = (
                translation.text or "",
                translation.get("type"),
            )
    return found


def test_every_code_has_an_english_text():
    missing = [code.value for code in ErrorCode if code not in MESSAGES]
    assert missing == [], "error codes without a text in gui/error_text.py MESSAGES: " + ", ".join(
        missing
    )
    assert set(MESSAGES) <= set(ErrorCode)
    for code, source in MESSAGES.items():
        assert source.strip(), code
        assert not re.search(r"[àâçéèêëîïôûùüÿœ«»]", source), f"{code}: the source is English"


def test_every_text_has_a_finished_french_translation():
    catalogue = _errors_catalogue()
    sources = {f"code {code.value}": source for code, source in MESSAGES.items()}
    sources |= {f"identifier {k}": v for k, v in IDENTIFIER_LABELS.items()}
    sources |= {f"name {k}": v for k, v in NAME_LABELS.items()}
    problems = []
    for what, source in sources.items():
        french, kind = catalogue.get(source, ("", "missing"))
        if kind in ("unfinished", "missing", "obsolete", "vanished") or not french.strip():
            problems.append(f"{what}: {source!r} ({kind or 'empty'})")
    assert problems == [], "run python tools/update_translations.py and translate:\n" + "\n".join(
        problems
    )


# ---------------------------------------------------------- (b) the package's codes
def _package_files() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "__pycache__" not in path.parts:
            yield path


def _code_values(node: ast.expr) -> list[str]:
    """The codes a ``code=`` value names: string literals or ``ErrorCode.X`` (also in
    ``a if cond else b``); other expressions (a variable...) name none."""
    if isinstance(node, ast.IfExp):
        return _code_values(node.body) + _code_values(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "ErrorCode"
    ):
        member = ErrorCode.__members__.get(node.attr)
        return [member.value if member is not None else f"ErrorCode.{node.attr}"]
    return []


def _called_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def scan_codes() -> tuple[dict[str, list[str]], list[str]]:
    """(code -> places it is used, raises of a generic class without a code)."""
    used: dict[str, list[str]] = {}
    generic: list[str] = []
    for path in _package_files():
        where = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=where)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "code":
                        for value in _code_values(keyword.value):
                            used.setdefault(value, []).append(f"{where}:{node.lineno}")
                if _called_name(node) in GENERIC_CLASSES and not any(
                    k.arg in ("code", None) for k in node.keywords
                ):
                    generic.append(f"{where}:{node.lineno} {_called_name(node)}(...)")
            elif isinstance(node, ast.ClassDef):
                for statement in node.body:
                    targets: list[ast.expr] = []
                    value_node: ast.expr | None = None
                    if isinstance(statement, ast.Assign):
                        targets, value_node = statement.targets, statement.value
                    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
                        targets, value_node = [statement.target], statement.value
                    if value_node is None or not any(
                        isinstance(t, ast.Name) and t.id == "code" for t in targets
                    ):
                        continue
                    for value in _code_values(value_node):
                        used.setdefault(value, []).append(
                            f"{where}:{statement.lineno} (class {node.name})"
                        )
    return used, generic


def test_every_code_in_the_package_is_an_error_code_member():
    used, _ = scan_codes()
    assert len(used) > 50  # the scan works
    members = {code.value for code in ErrorCode}
    unknown = {code: places for code, places in sorted(used.items()) if code not in members}
    assert unknown == {}, (
        "codes used in the package but missing from domain/error_codes.py ErrorCode "
        "(add each one there, give it an English text in gui/error_text.py MESSAGES, "
        "run tools/update_translations.py and translate it):\n"
        + "\n".join(f"  {code}: {', '.join(places)}" for code, places in unknown.items())
    )


def test_no_raise_relies_on_a_generic_default_code():
    _, generic = scan_codes()
    assert generic == [], (
        "give these a specific code= (ErrorCode) and the params of its text:\n  "
        + "\n  ".join(generic)
    )


def test_every_code_is_used_somewhere():
    """A code that nothing raises any more is dead text in the catalogue."""
    used, _ = scan_codes()
    referenced = set(used)
    for path in _package_files():
        if path.name in ("error_codes.py", "error_text.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                referenced.update(_code_values(node))
    unused = sorted(code.value for code in ErrorCode if code.value not in referenced)
    assert unused == [], "ErrorCode members that no code= uses: " + ", ".join(unused)


# ------------------------------------------------------------ (c) English and French
TODAY = dt.date(2024, 5, 17)
IDENTITY = patients.IdentityFields(
    birth_name="Lefèvre", first_names="Hélène", birth_date=dt.date(1995, 10, 3), sex="F"
)
ADMIN = UserInput(login="admin", first_name="Alice", last_name="Martin", role=Role.ADMIN)
STRUCTURE = StructureInput(name="Centre de génétique", finess="750712184")
STRONG_PASSWORD = "Granit-Azur-58?Ciel"


def _identity(**changes: object) -> Callable[[], object]:
    import dataclasses

    return lambda: patients.normalise_identity(
        dataclasses.replace(IDENTITY, **changes), today=TODAY
    )


def _user(**changes: object) -> Callable[[], object]:
    import dataclasses

    base = UserInput(login="cdubois", first_name="Claire", last_name="Dubois", role=Role.SECRETARY)
    return lambda: validation.clean_user(dataclasses.replace(base, **changes))


def _plain_sqlite(tmp: Path) -> Path:
    path = tmp / "plain.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    return path


def _setup(tmp: Path, folder: str, **changes: object) -> None:
    import dataclasses

    from oiso_desktop.services.setup_service import create_local_database

    create_local_database(
        tmp / folder,
        structure=STRUCTURE,
        admin=dataclasses.replace(ADMIN, **changes),
        admin_password=STRONG_PASSWORD,
    )


def _recovery_sheet(tmp: Path) -> None:
    from oiso_desktop.reports.recovery_sheet import write_recovery_sheet

    write_recovery_sheet(
        tmp / "no such folder" / "sheet.pdf",
        code="K7QF-2M9X-8WAB-3J5T",
        structure_name="Centre",
        database_folder=str(tmp),
        created_at=dt.datetime(2024, 5, 17, 10, 0, tzinfo=dt.UTC),
    )


def _config_write(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from oiso_desktop.services.setup_service import remember_database_folder

    blocker = tmp / "config-is-a-file"
    blocker.write_text("")
    monkeypatch.setenv("OISO_CONFIG_DIR", str(blocker))
    remember_database_folder(tmp, shared=False)


def _samples(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], object]]:
    """A way to raise each sampled code for real (or as the service builds it)."""
    from oiso_desktop.storage import engine, keystore, uow

    (tmp / "existing").mkdir()
    (tmp / "existing" / "oiso.db").write_bytes(b"")
    (tmp / "a-file").write_text("")
    (tmp / "truncated.db").write_bytes(b"x" * 100)
    (tmp / "bad.keystore").write_text("not json")

    def raise_(exc: OisoError) -> Callable[[], object]:
        def raiser() -> object:
            raise exc

        return raiser

    return {
        # domain
        "identifier_empty": lambda: identifiers.validate_rpps("  "),
        "identifier_digits_only": lambda: identifiers.validate_adeli("75123456A"),
        "identifier_digits_or_corsica": lambda: identifiers.validate_insee_birthplace("2C004"),
        "identifier_digit_count": lambda: identifiers.validate_rpps("10003461"),
        "identifier_character_count": lambda: identifiers.validate_finess("7507121"),
        "rpps_luhn": lambda: identifiers.validate_rpps("10003461033"),
        "finess_checksum": lambda: identifiers.validate_finess("750712185"),
        "nir_length": lambda: identifiers.validate_nir("2951099126111"),
        "nir_first_digit": lambda: identifiers.validate_nir("595109912611193"),
        "nir_checksum": lambda: identifiers.validate_nir("295109912611199"),
        "insee_no_department": lambda: identifiers.validate_insee_birthplace("96001"),
        "insee_corsica": lambda: identifiers.validate_insee_birthplace("20004"),
        "insee_country": lambda: identifiers.validate_insee_birthplace("99612"),
        "name_characters": _identity(first_names="Hélène2"),
        "birth_date_future": _identity(birth_date=dt.date(2030, 1, 1)),
        "death_date_not_deceased": _identity(death_date=dt.date(2020, 1, 1)),
        "nir_sex_mismatch": _identity(nir="295109912611193", sex="M"),
        "ins_nir_required": _identity(ins_status="QUAL", birth_place_code="75056"),
        "phone_characters": _identity(phone="06-12-34-56-78"),
        "postal_code_invalid": _identity(postal_code="7500"),
        "email_invalid": _identity(email="claire@"),
        "permission_denied": lambda: permissions.require(
            Role.SECRETARY, permissions.Permission.MANAGE_USERS
        ),
        "password_policy": lambda: passwords.validate_password("abc"),
        # services
        "login_format": _user(login="A B"),
        "too_long": _user(phone="0" * 31),
        "rpps_or_adeli_required": _user(role=Role.PRACTITIONER),
        "assistance_secretary_only": _user(role=Role.ADMIN, assisted_practitioner_ids=(3,)),
        "structure_name_required": lambda: validation.clean_structure(
            StructureInput(name=" ", finess="750712184")
        ),
        "first_account_not_admin": lambda: _setup(tmp, "new", role=Role.SECRETARY),
        "already_exists": lambda: _setup(tmp, "existing"),
        "not_a_folder": lambda: _setup(tmp, "a-file"),
        "possible_duplicate": raise_(DuplicateWarning([])),
        "account_locked": raise_(
            AccountLocked(
                "Trop de tentatives échouées. Réessayez dans 10 minute(s).",
                retry_after_seconds=600,
            )
        ),
        "session_ended": raise_(
            SessionEnded("Votre compte a été révoqué : la session est fermée.", reason="revoked")
        ),
        # storage, reports, paths
        "database_missing": lambda: engine.check_database_file(tmp / "missing.db"),
        "database_truncated": lambda: engine.check_database_file(tmp / "truncated.db"),
        "database_not_encrypted": lambda: engine.check_database_file(_plain_sqlite(tmp)),
        "database_busy": raise_(StorageError(uow.BUSY_MESSAGE, code=ErrorCode.DATABASE_BUSY)),
        "keystore_missing": lambda: keystore.Keystore.load(tmp / "missing.keystore"),
        "keystore_corrupt": lambda: keystore.Keystore.load(tmp / "bad.keystore"),
        "report_write_failed": lambda: _recovery_sheet(tmp),
        "config_write_failed": lambda: _config_write(tmp, monkeypatch),
    }


# The GUI deliberately says these differently from the service's French message.
GUI_WORDING = {"password_policy", "keystore_corrupt"}

_FRENCH_MARKERS = re.compile(
    r"[àâçéèêëîïôûùüÿœ«»]|\b(le|la|les|des|est|doit|dossier|mot de passe|numéro|base)\b",
    re.IGNORECASE,
)


@pytest.fixture
def raised(tmp_path, monkeypatch) -> dict[str, OisoError]:
    errors: dict[str, OisoError] = {}
    for name, raiser in _samples(tmp_path, monkeypatch).items():
        with pytest.raises(OisoError) as caught:
            raiser()
        errors[name] = caught.value
    return errors


@pytest.fixture
def english(qapp) -> Iterator[None]:
    assert install_translations("en")
    yield
    install_translations("fr")


def test_samples_raise_the_codes_they_stand_for(raised):
    assert len(raised) >= 25
    wrong = {name: exc.code.value for name, exc in raised.items() if exc.code != name}
    assert wrong == {}


def test_errors_read_in_english_with_english_installed(raised, english):
    for name, exc in raised.items():
        text = error_text(exc)
        assert text != str(exc), name
        assert "{" not in text, (name, text)
        assert not _FRENCH_MARKERS.search(text), (name, text)
    assert error_text(raised["identifier_digit_count"]) == (
        "The RPPS number must have 11 digits, not 8."
    )
    assert error_text(raised["name_characters"]) == (
        "The first name may only contain letters, spaces, hyphens and apostrophes."
    )
    assert error_text(raised["database_missing"]).endswith("missing.db")
    assert error_text(raised["account_locked"]) == (
        "Too many failed attempts. Try again in 10 minute(s)."
    )
    assert error_text(raised["session_ended"]) == (
        "Your account was revoked: the session is closed."
    )


def test_errors_read_as_the_service_says_them_in_french(raised):
    install_translations("fr")
    for name, exc in raised.items():
        text = error_text(exc)
        assert "{" not in text, (name, text)
        if name not in GUI_WORDING:
            assert text == str(exc), name
    assert error_text(raised["password_policy"]).startswith("Trop court")


def test_identifier_labels_fill_every_identifier_sentence(english):
    for identifier in IDENTIFIER_LABELS:
        exc = ValidationError(
            "x", code=ErrorCode.IDENTIFIER_EMPTY, identifier=identifier, field=identifier
        )
        assert error_text(exc) == f"{IDENTIFIER_LABELS[identifier]} is missing."


def test_missing_params_fall_back_to_the_french_message(caplog):
    exc = StorageError("Le fichier de clés est introuvable.", code=ErrorCode.KEYSTORE_MISSING)
    assert error_text(exc) == "Le fichier de clés est introuvable."
    assert "lacks parameters" in caplog.text


# ----------------------------------------------------------- (d) unknown codes refused
def test_an_unknown_code_is_refused_at_construction():
    with pytest.raises(TypeError, match="no_such_code"):
        OisoError("x", code="no_such_code")
    with pytest.raises(TypeError, match="no_such_code"):
        ValidationError("x", field="name", code="no_such_code")
    assert OisoError("x", code="last_admin").code is ErrorCode.LAST_ADMIN


def test_an_unknown_class_default_is_refused_at_definition():
    with pytest.raises(TypeError, match="no_such_default"):

        class Broken(OisoError):  # noqa: F841 - defining it is the test
            code = "no_such_default"  # type: ignore[assignment]
