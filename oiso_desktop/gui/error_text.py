"""Turn errors raised by the services into text for the user.

Services raise :class:`~oiso_desktop.domain.errors.OisoError` with a
:class:`~oiso_desktop.domain.error_codes.ErrorCode` and ``params``;
:data:`MESSAGES` holds an English source text for every code (context
``"Errors"``, ``{param}`` placeholders), translated into French in
``resources/translations/oiso_fr.ts``. ``str(error)`` stays the service's
French sentence, for the CLI and the logs; the French translation here says
the same thing. Any other exception gets a generic message: its details belong
in the log, not in front of the user.

Adding a code: the member in ``domain/error_codes.py``, its text in
:data:`MESSAGES`, then ``python tools/update_translations.py`` and its French
translation in the .ts (``tests/gui/test_error_codes.py`` checks all three).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import OisoError

log = logging.getLogger(__name__)

CONTEXT = "Errors"

_E = ErrorCode

# Source strings are English; the French text lives in resources/translations/oiso_fr.ts.
# One entry per ErrorCode; the codes handled below by their params (account_locked,
# session_ended, password_policy) use theirs as a fallback.
MESSAGES: dict[ErrorCode, str] = {
    # --- general (class defaults) ------------------------------------------------------
    _E.ERROR: QT_TRANSLATE_NOOP("Errors", "An error occurred: the operation was not completed."),
    _E.VALIDATION: QT_TRANSLATE_NOOP("Errors", "Some of the information entered is not valid."),
    _E.INVALID_IDENTIFIER: QT_TRANSLATE_NOOP("Errors", "This identification number is not valid."),
    _E.PERMISSION_DENIED: QT_TRANSLATE_NOOP(
        "Errors", "Your role does not allow you to perform this action."
    ),
    _E.NOT_FOUND: QT_TRANSLATE_NOOP(
        "Errors", "The requested item no longer exists. It may have been deleted."
    ),
    _E.CONCURRENT_EDIT: QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else saved this record while you were editing it. "
        "Reload it to see their changes, then apply yours again.",
    ),
    _E.AUTHENTICATION_FAILED: QT_TRANSLATE_NOOP("Errors", "Incorrect login or password."),
    _E.ACCOUNT_LOCKED: QT_TRANSLATE_NOOP(
        "Errors", "Too many failed attempts. Try again in {minutes} minute(s)."
    ),
    _E.ACCOUNT_DISABLED: QT_TRANSLATE_NOOP(
        "Errors",
        "This account is suspended or revoked. Contact your administrator.",
    ),
    _E.SESSION_ENDED: QT_TRANSLATE_NOOP(
        "Errors", "Your account no longer exists: the session is closed."
    ),
    _E.PASSWORD_CHANGE_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "You must first replace your temporary password."
    ),
    _E.PASSWORD_POLICY: QT_TRANSLATE_NOOP(
        "Errors", "The password does not meet the security rules."
    ),
    _E.STORAGE: QT_TRANSLATE_NOOP("Errors", "The database cannot be used."),
    _E.KEYRING_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "Errors",
        "The system keyring is not available on this computer. "
        "An account linked to this computer cannot be used here.",
    ),
    _E.CONNECTION_LOST: QT_TRANSLATE_NOOP(
        "Errors", "The connection to the database was lost. Try again in a moment."
    ),
    _E.POSSIBLE_DUPLICATE: QT_TRANSLATE_NOOP(
        "Errors",
        "A similar file already exists (same birth date and a close name, or the same NIR): "
        "check that it is not the same patient before creating a new file.",
    ),
    _E.CLI: QT_TRANSLATE_NOOP("Errors", "The command line is not valid."),
    # --- identifiers: {identifier} is a label of IDENTIFIER_LABELS -----------------------
    _E.IDENTIFIER_NOT_TEXT: QT_TRANSLATE_NOOP("Errors", "{identifier} must be entered as text."),
    _E.IDENTIFIER_EMPTY: QT_TRANSLATE_NOOP("Errors", "{identifier} is missing."),
    _E.IDENTIFIER_DIGITS_ONLY: QT_TRANSLATE_NOOP(
        "Errors", "{identifier} must contain digits only."
    ),
    _E.IDENTIFIER_DIGITS_OR_CORSICA: QT_TRANSLATE_NOOP(
        "Errors",
        "{identifier} must contain digits only (the department may be 2A or 2B for Corsica).",
    ),
    _E.IDENTIFIER_DIGIT_COUNT: QT_TRANSLATE_NOOP(
        "Errors", "{identifier} must have {expected} digits, not {got}."
    ),
    _E.IDENTIFIER_CHARACTER_COUNT: QT_TRANSLATE_NOOP(
        "Errors", "{identifier} must have {expected} characters, not {got}."
    ),
    _E.IDENTIFIER_KIND_UNKNOWN: QT_TRANSLATE_NOOP(
        "Errors", "Unknown professional identifier type (RPPS, ADELI or FINESS expected)."
    ),
    _E.RPPS_LUHN: QT_TRANSLATE_NOOP(
        "Errors",
        "The check key (Luhn) of the RPPS number does not match: check the number, "
        "then confirm it if it is correct.",
    ),
    _E.FINESS_CHECKSUM: QT_TRANSLATE_NOOP(
        "Errors", "The check key of the FINESS number is incorrect: check the number."
    ),
    _E.NIR_LENGTH: QT_TRANSLATE_NOOP(
        "Errors", "The NIR must have {expected} characters including the key, not {got}."
    ),
    _E.NIR_FIRST_DIGIT: QT_TRANSLATE_NOOP(
        "Errors",
        "The first digit of the NIR must be 1 (man) or 2 (woman), or 3, 4, 7 or 8 for a "
        "temporary number.",
    ),
    _E.NIR_CHECKSUM: QT_TRANSLATE_NOOP("Errors", "The NIR key is incorrect."),
    _E.NIR_INVALID: QT_TRANSLATE_NOOP("Errors", "The NIR is not valid."),
    _E.INSEE_COMMUNE_ZERO: QT_TRANSLATE_NOOP(
        "Errors", "The INSEE birthplace code is incorrect: the commune number cannot be 000."
    ),
    _E.INSEE_NO_DEPARTMENT: QT_TRANSLATE_NOOP(
        "Errors",
        "The INSEE birthplace code is incorrect: no department has the number {department}.",
    ),
    _E.INSEE_CORSICA: QT_TRANSLATE_NOOP(
        "Errors",
        "The INSEE birthplace code is incorrect: for Corsica, the department is written 2A or 2B.",
    ),
    _E.INSEE_OVERSEAS: QT_TRANSLATE_NOOP(
        "Errors",
        "The INSEE birthplace code is incorrect: overseas codes start with 971 to 978.",
    ),
    _E.INSEE_PACIFIC: QT_TRANSLATE_NOOP(
        "Errors",
        "The INSEE birthplace code is incorrect: the codes of the Pacific communities "
        "start with 984 to 989.",
    ),
    _E.INSEE_COUNTRY: QT_TRANSLATE_NOOP(
        "Errors",
        "The INSEE birthplace code is incorrect: foreign country codes range from 99100 to 99599.",
    ),
    # --- patient identity: {name} is a label of NAME_LABELS ----------------------------
    _E.NAME_CHARACTERS: QT_TRANSLATE_NOOP(
        "Errors", "{name} may only contain letters, spaces, hyphens and apostrophes."
    ),
    _E.BIRTH_NAME_REQUIRED: QT_TRANSLATE_NOOP("Errors", "The birth name is required."),
    _E.FIRST_NAME_REQUIRED: QT_TRANSLATE_NOOP("Errors", "The first name is required."),
    _E.BIRTH_DATE_REQUIRED: QT_TRANSLATE_NOOP("Errors", "The birth date is required."),
    _E.BIRTH_DATE_FUTURE: QT_TRANSLATE_NOOP("Errors", "The birth date cannot be in the future."),
    _E.BIRTH_DATE_TOO_OLD: QT_TRANSLATE_NOOP(
        "Errors", "The birth date cannot be before 1 January 1900."
    ),
    _E.SEX_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "The sex must be F (female), M (male) or I (indeterminate)."
    ),
    _E.VITAL_STATUS_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "The vital status must be “alive”, “deceased” or “unknown”."
    ),
    _E.DEATH_DATE_NOT_DECEASED: QT_TRANSLATE_NOOP(
        "Errors", "A date of death can only be entered for a deceased patient."
    ),
    _E.DEATH_DATE_BEFORE_BIRTH: QT_TRANSLATE_NOOP(
        "Errors", "The date of death cannot be before the birth date."
    ),
    _E.DEATH_DATE_FUTURE: QT_TRANSLATE_NOOP("Errors", "The date of death cannot be in the future."),
    _E.INS_STATUS_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "The identity status must be PROV, RECUP, VALI or QUAL."
    ),
    _E.INS_BIRTHPLACE_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "A validated or qualified identity needs the birthplace code."
    ),
    _E.INS_NIR_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "A qualified identity needs the NIR (INS number)."
    ),
    _E.NIR_SEX_MISMATCH: QT_TRANSLATE_NOOP(
        "Errors",
        "The NIR does not match the sex entered (the first digit is 1 for a man, 2 for a woman).",
    ),
    _E.NIR_YEAR_MISMATCH: QT_TRANSLATE_NOOP(
        "Errors", "The birth year coded in the NIR does not match the birth date."
    ),
    _E.NIR_MONTH_MISMATCH: QT_TRANSLATE_NOOP(
        "Errors", "The birth month coded in the NIR does not match the birth date."
    ),
    _E.EMAIL_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "The e-mail address is not valid (example: firstname.lastname@example.com)."
    ),
    _E.POSTAL_CODE_INVALID: QT_TRANSLATE_NOOP("Errors", "The postal code must have 5 digits."),
    _E.PHONE_CHARACTERS: QT_TRANSLATE_NOOP(
        "Errors", "The phone number may only contain digits, spaces, dots and a leading +."
    ),
    _E.PHONE_FRENCH_LENGTH: QT_TRANSLATE_NOOP(
        "Errors", "A French phone number (+33) must have 9 digits after the country code."
    ),
    _E.PHONE_INTERNATIONAL_LENGTH: QT_TRANSLATE_NOOP(
        "Errors", "An international phone number must have 6 to 15 digits."
    ),
    _E.PHONE_FORMAT: QT_TRANSLATE_NOOP(
        "Errors",
        "The phone number must have 10 digits and start with 0 (or with + followed by the "
        "country code).",
    ),
    # --- accounts and structures -------------------------------------------------------
    _E.LOGIN_FORMAT: QT_TRANSLATE_NOOP(
        "Errors",
        "The login must have 3 to 64 characters: lower-case letters without accents, digits, "
        "dot, hyphen or underscore.",
    ),
    _E.LOGIN_TAKEN: QT_TRANSLATE_NOOP("Errors", "This login is already used by another account."),
    _E.LOGIN_CHANGE: QT_TRANSLATE_NOOP("Errors", "The login of an account cannot be changed."),
    _E.LAST_NAME_REQUIRED: QT_TRANSLATE_NOOP("Errors", "The last name is required."),
    _E.STRUCTURE_NAME_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "The name of the structure is required."
    ),
    _E.TOO_LONG: QT_TRANSLATE_NOOP(
        "Errors", "This field is too long ({max_length} characters at most)."
    ),
    _E.ROLE_UNKNOWN: QT_TRANSLATE_NOOP("Errors", "The chosen role does not exist."),
    _E.EMAIL_TOO_LONG: QT_TRANSLATE_NOOP("Errors", "The e-mail address is too long."),
    _E.RPPS_OR_ADELI_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "A health professional must have an RPPS or ADELI number."
    ),
    _E.ASSISTANCE_SECRETARY_ONLY: QT_TRANSLATE_NOOP(
        "Errors", "Only a secretary account can assist practitioners."
    ),
    _E.ASSISTED_NOT_PRACTITIONER: QT_TRANSLATE_NOOP(
        "Errors", "A secretary can only assist active practitioners or counsellors."
    ),
    _E.STRUCTURE_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "This structure does not exist."),
    _E.FINESS_TAKEN: QT_TRANSLATE_NOOP(
        "Errors", "Another structure already uses this FINESS number."
    ),
    _E.USER_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "This account does not exist."),
    _E.USER_REVOKED: QT_TRANSLATE_NOOP(
        "Errors", "This account is revoked: it can no longer be changed."
    ),
    _E.OWN_ROLE: QT_TRANSLATE_NOOP("Errors", "You cannot change your own role."),
    _E.SELF: QT_TRANSLATE_NOOP("Errors", "You cannot suspend or revoke your own account."),
    _E.LAST_ADMIN: QT_TRANSLATE_NOOP("Errors", "At least one active administrator must remain."),
    _E.FIRST_ACCOUNT_NOT_ADMIN: QT_TRANSLATE_NOOP(
        "Errors", "The first account must be an administrator account."
    ),
    _E.NOT_AN_ADMIN: QT_TRANSLATE_NOOP(
        "Errors", "This account is not an active administrator account."
    ),
    _E.PASSWORDS_DIFFER: QT_TRANSLATE_NOOP("Errors", "The two passwords entered are different."),
    # --- sessions and access -----------------------------------------------------------
    _E.SESSION_LOCKED: QT_TRANSLATE_NOOP("Errors", "The session is locked: unlock it to continue."),
    _E.SESSION_CLOSED: QT_TRANSLATE_NOOP("Errors", "The session is closed: sign in again."),
    _E.NO_ACTOR: QT_TRANSLATE_NOOP("Errors", "No user is signed in."),
    _E.ADMIN_ONLY: QT_TRANSLATE_NOOP("Errors", "This action is reserved for administrators."),
    _E.NO_PATIENT_ACCESS: QT_TRANSLATE_NOOP(
        "Errors", "You do not have access to this patient file."
    ),
    _E.PATIENT_READ_ONLY: QT_TRANSLATE_NOOP("Errors", "This file is shared with you read-only."),
    _E.PATIENT_RESTRICTED: QT_TRANSLATE_NOOP(
        "Errors",
        "This file is restricted at the patient's request: it is frozen read-only "
        "until the practitioner in charge lifts the restriction.",
    ),
    _E.RESTRICTION_REASON: QT_TRANSLATE_NOOP(
        "Errors", "Give the reason (at least {minimum} characters)."
    ),
    _E.ALREADY_RESTRICTED: QT_TRANSLATE_NOOP("Errors", "This file is already restricted."),
    _E.NOT_RESTRICTED: QT_TRANSLATE_NOOP("Errors", "This file is not restricted."),
    _E.ERASURE_CONFIRMATION: QT_TRANSLATE_NOOP(
        "Errors", "The name typed does not match the patient's birth name: nothing was erased."
    ),
    _E.FHIR_BUNDLE_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "This FHIR bundle cannot be imported; nothing was imported:\n{problems}"
    ),
    _E.PORTABILITY_EXPORT_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The export could not be written to {path}: {reason}."
    ),
    _E.OWN_EVENTS_ONLY: QT_TRANSLATE_NOOP("Errors", "You can only view your own events."),
    _E.PATIENT_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "This patient file does not exist."),
    _E.SHARE_WITH_SELF: QT_TRANSLATE_NOOP("Errors", "You cannot share a file with yourself."),
    _E.SHARE_RECIPIENT_ROLE: QT_TRANSLATE_NOOP(
        "Errors",
        "A file can only be shared with a practitioner or a genetic counsellor "
        "(never with an administrator or a secretary).",
    ),
    _E.SHARE_RECIPIENT_INACTIVE: QT_TRANSLATE_NOOP(
        "Errors", "This account is suspended or revoked: the file cannot be shared with it."
    ),
    _E.SHARE_LEVEL: QT_TRANSLATE_NOOP(
        "Errors", "Unknown sharing level: choose read-only or read-write."
    ),
    _E.SHARE_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "This file is not shared with this user."),
    _E.NOT_FILE_OWNER: QT_TRANSLATE_NOOP(
        "Errors", "Only the practitioner in charge of the file can do this."
    ),
    _E.TRANSFER_SUCCESSOR: QT_TRANSLATE_NOOP(
        "Errors", "A file can only be transferred to an active practitioner."
    ),
    _E.TRANSFER_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Errors",
        "An administrator can only transfer the files of a suspended or revoked account.",
    ),
    _E.TRANSFER_EMPTY: QT_TRANSLATE_NOOP("Errors", "Choose the files to transfer."),
    _E.ASSISTANT_NOT_SECRETARY: QT_TRANSLATE_NOOP(
        "Errors", "Only active secretaries can be designated as assistants."
    ),
    _E.BREAK_GLASS_REASON: QT_TRANSLATE_NOOP(
        "Errors", "Explain why you need this file (at least {minimum} characters)."
    ),
    _E.BREAK_GLASS_ROLE: QT_TRANSLATE_NOOP(
        "Errors", "Only a practitioner can open a file in an emergency."
    ),
    _E.BREAK_GLASS_NOT_NEEDED: QT_TRANSLATE_NOOP("Errors", "You already have access to this file."),
    _E.BREAK_GLASS_REVIEW_NOT_FOUND: QT_TRANSLATE_NOOP(
        "Errors", "This emergency access does not exist."
    ),
    _E.BREAK_GLASS_LOOKUP_INCOMPLETE: QT_TRANSLATE_NOOP(
        "Errors", "Enter the full NIR, or the birth name, first name and birth date."
    ),
    _E.DELETE_SELF: QT_TRANSLATE_NOOP("Errors", "You cannot delete your own account."),
    _E.USER_NOT_DEPARTED: QT_TRANSLATE_NOOP(
        "Errors",
        "Only the account of a departed (revoked) user can be deleted: revoke it first.",
    ),
    _E.USER_ALREADY_DELETED: QT_TRANSLATE_NOOP("Errors", "This account is already deleted."),
    _E.DELETION_COUNT_CHANGED: QT_TRANSLATE_NOOP(
        "Errors",
        "The number of files to delete changed since the confirmation ({expected} announced, "
        "{found} now): nothing was deleted, try again.",
    ),
    _E.ALERT_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "This alert no longer exists."),
    _E.ALERT_NO_ACCOUNT: QT_TRANSLATE_NOOP("Errors", "This alert concerns no existing account."),
    _E.ALERT_NO_RECIPIENT: QT_TRANSLATE_NOOP(
        "Errors", "This account has no email address: it cannot be informed."
    ),
    _E.OWNER_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "Choose the practitioner in charge of the file."
    ),
    _E.OWNER_NOT_ASSISTED: QT_TRANSLATE_NOOP(
        "Errors", "You can only create a file for a practitioner you assist."
    ),
    _E.OWNER_FOR_SELF: QT_TRANSLATE_NOOP(
        "Errors",
        "The file is created in your name: another practitioner in charge cannot be chosen.",
    ),
    # --- database folder and files -----------------------------------------------------
    _E.ALREADY_EXISTS: QT_TRANSLATE_NOOP(
        "Errors", "An OISO database already exists in this folder."
    ),
    _E.NOT_A_FOLDER: QT_TRANSLATE_NOOP("Errors", "This path is not a folder: {path}"),
    _E.CONFIG_WRITE_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The location of the database could not be saved in {path}: {reason}."
    ),
    _E.EXPORT_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The export file cannot be written: {path} ({reason})."
    ),
    _E.IMPORT_READ_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The file cannot be read: {path} ({reason})."
    ),
    _E.IMPORT_FILE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "Errors",
        "The file {path} is too large to be imported ({maximum} kB at most): nothing was imported.",
    ),
    _E.REPORT_WRITE_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The recovery sheet could not be saved in “{path}”: {reason}."
    ),
    _E.DATABASE_MISSING: QT_TRANSLATE_NOOP("Errors", "The database file cannot be found: {path}"),
    _E.DATABASE_TRUNCATED: QT_TRANSLATE_NOOP(
        "Errors", "The database file is truncated or damaged."
    ),
    _E.DATABASE_NOT_ENCRYPTED: QT_TRANSLATE_NOOP(
        "Errors", "This file is an unencrypted SQLite database: it is not an OISO database."
    ),
    _E.DATABASE_KEY: QT_TRANSLATE_NOOP(
        "Errors",
        "The database cannot be opened with this key: the file is damaged or the key "
        "belongs to another database.",
    ),
    _E.DATABASE_CORRUPTED: QT_TRANSLATE_NOOP(
        "Errors",
        "The database is damaged: some pages cannot be decrypted. Restore the latest backup.",
    ),
    _E.DATABASE_LOCKED: QT_TRANSLATE_NOOP(
        "Errors",
        "The database is in use by another session of OISO Desktop: close it, then try again.",
    ),
    _E.DATABASE_BUSY: QT_TRANSLATE_NOOP(
        "Errors", "The database is busy with another computer: try again in a few moments."
    ),
    _E.FOREIGN_DATABASE: QT_TRANSLATE_NOOP(
        "Errors", "This database does not belong to this key file."
    ),
    _E.DATABASE_UNREADABLE: QT_TRANSLATE_NOOP(
        "Errors",
        "The database file {path} cannot be read (insufficient rights): check its "
        "permissions or ask your IT department for access.",
    ),
    _E.DATABASE_READ_ONLY: QT_TRANSLATE_NOOP(
        "Errors",
        "The database file {path} cannot be modified (insufficient rights): check its "
        "permissions or ask your IT department for access.",
    ),
    _E.DATABASE_FOLDER_READ_ONLY: QT_TRANSLATE_NOOP(
        "Errors",
        "The database folder {path} cannot be modified (insufficient rights): OISO Desktop "
        "must be able to write its transaction log there.",
    ),
    _E.FOLDER_NOT_WRITABLE: QT_TRANSLATE_NOOP(
        "Errors", "The folder {path} cannot be created or changed. Choose another folder."
    ),
    _E.NOT_UTF8: QT_TRANSLATE_NOOP("Errors", "The text entered is not valid UTF-8 text."),
    _E.REKEY_REASON: QT_TRANSLATE_NOOP("Errors", "Unknown reason for a key change."),
    _E.IDLE_LOCK_MINUTES_RANGE: QT_TRANSLATE_NOOP(
        "Errors",
        "The delay before the automatic lock must be a whole number of minutes, between "
        "{minimum} and {maximum} minutes.",
    ),
    _E.REKEY_LOCAL_ONLY: QT_TRANSLATE_NOOP(
        "Errors", "Changing the key only applies to the local database."
    ),
    # --- keys --------------------------------------------------------------------------
    _E.KEYSTORE_MISSING: QT_TRANSLATE_NOOP("Errors", "The key file cannot be found: {path}"),
    _E.KEYSTORE_UNREADABLE: QT_TRANSLATE_NOOP(
        "Errors", "The key file cannot be read: {path} ({reason})."
    ),
    _E.KEYSTORE_CORRUPT: QT_TRANSLATE_NOOP(
        "Errors", "The key file is damaged or is not an OISO key file: {path}."
    ),
    _E.KEYSTORE_TOO_NEW: QT_TRANSLATE_NOOP(
        "Errors",
        "This key file comes from a newer version of OISO Desktop: update the application.",
    ),
    _E.KEYSTORE_KEY_UNREADABLE: QT_TRANSLATE_NOOP(
        "Errors", "The key file is damaged: an encrypted key cannot be read."
    ),
    _E.KEYSTORE_SLOT_DAMAGED: QT_TRANSLATE_NOOP(
        "Errors",
        "The key file is damaged: the database key cannot be decrypted for this account.",
    ),
    _E.KEYSTORE_BUSY: QT_TRANSLATE_NOOP(
        "Errors",
        "The key file has been busy with another session of OISO Desktop for more than "
        "{seconds} seconds: try again in a moment.",
    ),
    _E.KEYSTORE_UNWRITABLE: QT_TRANSLATE_NOOP(
        "Errors", "The lock of the file {name} cannot be created: {reason}."
    ),
    _E.FAILURES_CORRUPT: QT_TRANSLATE_NOOP(
        "Errors", "The file of failed logins is damaged: {path}."
    ),
    _E.FAILURES_UNREADABLE: QT_TRANSLATE_NOOP(
        "Errors", "The file of failed logins cannot be read: {path} ({reason})."
    ),
    _E.NO_FAILURE_LOG: QT_TRANSLATE_NOOP("Errors", "Failed logins cannot be recorded."),
    _E.NO_SLOT_KEY: QT_TRANSLATE_NOOP(
        "Errors", "The key of this session is not available: log in again."
    ),
    _E.STALE_KEY: QT_TRANSLATE_NOOP(
        "Errors", "The database key changed since this session opened: log in again."
    ),
    _E.STALE_SLOT_KEY: QT_TRANSLATE_NOOP(
        "Errors",
        "The key of this session no longer matches the key file: log in again, then try again.",
    ),
    _E.REKEY_PENDING: QT_TRANSLATE_NOOP(
        "Errors",
        "Another session of OISO Desktop has the database open: the key change "
        "(revocation) is pending. It will be done as soon as the database is free, at the "
        "next opening or when you start it again.",
    ),
    _E.REKEY_ALREADY_PENDING: QT_TRANSLATE_NOOP(
        "Errors", "A change of the database key is already pending."
    ),
    _E.REKEY_PENDING_KEY_MISSING: QT_TRANSLATE_NOOP(
        "Errors",
        "A change of the database key is pending: the pending key is not available in "
        "this session. Log in again, then try again.",
    ),
    _E.REKEY_MISMATCH: QT_TRANSLATE_NOOP(
        "Errors",
        "The key change pending in the key file is not the one just applied: nothing was "
        "committed. Log in again before trying again.",
    ),
    _E.REKEY_UNVERIFIED: QT_TRANSLATE_NOOP(
        "Errors",
        "The new database key could not be checked in the key file: the database keeps "
        "its current key.",
    ),
    _E.REKEY_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The change of the database key failed: the database keeps its current key."
    ),
    _E.NO_KEYSTORE: QT_TRANSLATE_NOOP("Errors", "The keys of this database are not available."),
    _E.NO_DMK: QT_TRANSLATE_NOOP("Errors", "The database key is not available."),
    _E.NO_SLOT: QT_TRANSLATE_NOOP("Errors", "No key exists for this account."),
    _E.WRONG_KEY: QT_TRANSLATE_NOOP("Errors", "The private key does not match this account."),
    _E.WRONG_DMK: QT_TRANSLATE_NOOP(
        "Errors", "This key does not match the current key of the database."
    ),
    _E.NO_RECOVERY_SLOT: QT_TRANSLATE_NOOP("Errors", "This key file holds no recovery code."),
    _E.BAD_RECOVERY_CODE: QT_TRANSLATE_NOOP("Errors", "Incorrect recovery code."),
    _E.BOUND_SECRET_MISSING: QT_TRANSLATE_NOOP(
        "Errors",
        "This account is linked to this computer but its secret cannot be found in the "
        "system keyring. Use the recovery code or ask the administrator to reset your "
        "password.",
    ),
    _E.KEYRING_ERROR: QT_TRANSLATE_NOOP(
        "Errors",
        "The system keyring refused the requested operation. Check that it is unlocked, "
        "then try again.",
    ),
    _E.KEYRING_SECRET_CORRUPT: QT_TRANSLATE_NOOP(
        "Errors", "A secret in the system keyring cannot be read."
    ),
    _E.NO_MAINTENANCE_SLOT: QT_TRANSLATE_NOOP(
        "Errors",
        "Unattended maintenance is not set up for this database: an administrator must run "
        "“oiso-desktop maintenance setup-unattended”.",
    ),
    _E.MAINTENANCE_SECRET_MISSING: QT_TRANSLATE_NOOP(
        "Errors",
        "The secret of unattended maintenance is not in this account's system keyring: run "
        "maintenance with the system account that set it up, or set it up again.",
    ),
    _E.MAINTENANCE_SECRET_WRONG: QT_TRANSLATE_NOOP(
        "Errors",
        "The secret in the system keyring does not open this database's maintenance key: "
        "set up unattended maintenance again.",
    ),
    _E.MAINTENANCE_KEYRING_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "Errors",
        "No system keyring is available for this account: unattended maintenance cannot be "
        "used (a secret is never written in plain text).",
    ),
    _E.MAINTENANCE_STEP_FAILED: QT_TRANSLATE_NOOP(
        "Errors",
        "A maintenance step failed unexpectedly (the database busy or unreachable?): the "
        "other steps ran, and it will be tried again at the next run.",
    ),
    # --- family and pedigree (domain.family, family_checks) ----------------------------
    _E.AGE_FORMAT: QT_TRANSLATE_NOOP(
        "Errors",
        "“{value}” is not an age: enter a number (45), an approximate age (~45, 40-49, < 50) or “unknown”.",
    ),
    _E.AGE_RANGE: QT_TRANSLATE_NOOP(
        "Errors",
        "The age “{value}” must be between 0 and {maximum} years.",
    ),
    _E.FAMILY_PERSON_NOT_FOUND: QT_TRANSLATE_NOOP(
        "Errors",
        "The person “{person_id}” is not in the family.",
    ),
    _E.FAMILY_HAS_PARENTS: QT_TRANSLATE_NOOP(
        "Errors",
        "{person} already has parents.",
    ),
    _E.FAMILY_ALREADY_PARTNERS: QT_TRANSLATE_NOOP(
        "Errors",
        "{person} and {partner} are already partners.",
    ),
    _E.FAMILY_PARENT_SEX_UNKNOWN: QT_TRANSLATE_NOOP(
        "Errors",
        "Give the sex of {person} before adding a child (a father is male, a mother female).",
    ),
    _E.FAMILY_PARTNER_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors",
        "{person} has several partners: choose the other parent.",
    ),
    _E.FAMILY_REMOVE_PROBAND: QT_TRANSLATE_NOOP(
        "Errors",
        "The proband cannot be removed from the family.",
    ),
    _E.FAMILY_REMOVE_HAS_CHILDREN: QT_TRANSLATE_NOOP(
        "Errors",
        "{person} has children in the family: remove the children first.",
    ),
    _E.FAMILY_TOO_LARGE: QT_TRANSLATE_NOOP(
        "Errors",
        "The family has {count} people: at most {maximum}.",
    ),
    _E.FAMILY_DUPLICATE_ID: QT_TRANSLATE_NOOP(
        "Errors",
        "The identifier “{person_id}” is empty or used by several people.",
    ),
    _E.FAMILY_SEX_INVALID: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: unknown sex “{value}” (F, M or U).",
    ),
    _E.FAMILY_BIRTH_YEAR_RANGE: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: the birth year {year} must be between {minimum} and {maximum}.",
    ),
    _E.FAMILY_AGE_BIRTH_YEAR: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: the age {age} is not possible for someone born in {birth_year}.",
    ),
    _E.FAMILY_DEATH_AGE_ALIVE: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: an age at death is entered but the person is alive.",
    ),
    _E.FAMILY_VALUE_INVALID: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: the value “{value}” of the field “{field_name}” is not valid.",
    ),
    _E.FAMILY_UNKNOWN_PARENT: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: the parent “{parent_id}” is not in the family.",
    ),
    _E.FAMILY_ONE_PARENT: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: enter both parents or neither.",
    ),
    _E.FAMILY_FATHER_SEX: QT_TRANSLATE_NOOP(
        "Errors",
        "{person} is the father of {children} but is not male.",
    ),
    _E.FAMILY_MOTHER_SEX: QT_TRANSLATE_NOOP(
        "Errors",
        "{person} is the mother of {children} but is not female.",
    ),
    _E.FAMILY_CHILD_BEFORE_PARENT: QT_TRANSLATE_NOOP(
        "Errors",
        "{person} (born in {child_year} at the latest) cannot be the child of {parent} (born in {parent_year} at the earliest): a parent is at least {minimum} when their child is born.",
    ),
    _E.FAMILY_CANCER_SITE: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: unknown cancer site “{site}”.",
    ),
    _E.FAMILY_CANCER_SEX: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: a cancer of this site ({site}) is not possible for this sex ({sex}).",
    ),
    _E.FAMILY_CANCER_AFTER_DEATH: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: the diagnosis ({site}, at {age}) comes after the death (at {death_age}).",
    ),
    _E.FAMILY_CANCER_ABOVE_AGE: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: the age at diagnosis ({site}, {age}) is above the person's age ({current_age} at most).",
    ),
    _E.FAMILY_CONTRALATERAL: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: a contralateral breast cancer follows a first breast cancer (enter the first one, at a lower or equal age).",
    ),
    _E.FAMILY_GENE_INVALID: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: “{gene}” is not a gene symbol (BRCA1, MLH1...).",
    ),
    _E.FAMILY_GENETIC_RESULT_INVALID: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: the result of the {gene} test ({result}) is not valid.",
    ),
    _E.FAMILY_NO_PROBAND: QT_TRANSLATE_NOOP(
        "Errors",
        "No one is marked as the proband.",
    ),
    _E.FAMILY_TWO_PROBANDS: QT_TRANSLATE_NOOP(
        "Errors",
        "There can be only one proband; several people are: {probands}.",
    ),
    _E.FAMILY_PARENT_CYCLE: QT_TRANSLATE_NOOP(
        "Errors",
        "Circular parentage: {people} are among their own ancestors.",
    ),
    _E.FAMILY_NOT_CONNECTED: QT_TRANSLATE_NOOP(
        "Errors",
        "{person} is linked to the proband by no link (parent, child or partner).",
    ),
    _E.FAMILY_TWINS_INVALID: QT_TRANSLATE_NOOP(
        "Errors",
        "Incorrect twin group ({people}): at least two people of the family, each in one group only.",
    ),
    _E.FAMILY_TWINS_PARENTS: QT_TRANSLATE_NOOP(
        "Errors",
        "The twins {people} must have the same parents.",
    ),
    _E.FAMILY_TWINS_SEX: QT_TRANSLATE_NOOP(
        "Errors",
        "The monozygotic twins {people} must have the same sex.",
    ),
    _E.FAMILY_TWINS_BIRTH_YEAR: QT_TRANSLATE_NOOP(
        "Errors",
        "The twins {people} must have the same birth year.",
    ),
    _E.FAMILY_PARTNER_INVALID: QT_TRANSLATE_NOOP(
        "Errors",
        "Incorrect couple ({people}): two different people of the family, listed once.",
    ),
    # --- CanRisk files (domain.canrisk): located by error_text from params line ----------
    _E.CANRISK_EMPTY: QT_TRANSLATE_NOOP(
        "Errors",
        "The CanRisk file contains no one.",
    ),
    _E.CANRISK_HEADER: QT_TRANSLATE_NOOP(
        "Errors",
        "the file does not start with a “##CanRisk 1.0” to “##CanRisk 4.0” header (found: “{found}”).",
    ),
    _E.CANRISK_COLUMNS: QT_TRANSLATE_NOOP(
        "Errors",
        "the column names are not those of the CanRisk {version} format (missing: {missing}; unexpected: {unexpected}).",
    ),
    _E.CANRISK_NO_COLUMNS: QT_TRANSLATE_NOOP(
        "Errors",
        "the line of column names (##FamID Name Target...) is missing before the data: the columns of the format are assumed, in order.",
    ),
    _E.CANRISK_FIELD_COUNT: QT_TRANSLATE_NOOP(
        "Errors",
        "the line has {count} fields instead of {expected}.",
    ),
    _E.CANRISK_VALUE: QT_TRANSLATE_NOOP(
        "Errors",
        "person {person}, column {column}: “{value}” is not a possible value ({expected}).",
    ),
    _E.CANRISK_DUPLICATE_ID: QT_TRANSLATE_NOOP(
        "Errors",
        "person {person}: this identifier is already that of a person on line {first_line}.",
    ),
    _E.CANRISK_TWIN_CODE: QT_TRANSLATE_NOOP(
        "Errors",
        "person {person}, column MZtwin: the monozygotic twin code “{value}” appears {count} times (exactly 2 expected).",
    ),
    _E.CANRISK_PATHOLOGY_WITHOUT_BC1: QT_TRANSLATE_NOOP(
        "Errors",
        "person {person}, column {column}: tumour markers are entered without a first breast cancer (BC1).",
    ),
    _E.CANRISK_EXPORT_SEX: QT_TRANSLATE_NOOP(
        "Errors",
        "{person}: CanRisk needs the sex of every person (F or M).",
    ),
    _E.CANRISK_EXPORT_TWINS: QT_TRANSLATE_NOOP(
        "Errors",
        "CanRisk only accepts pairs of monozygotic twins, {maximum} at most: {people}.",
    ),
    # --- clinical key (CK) -------------------------------------------------------------
    _E.CLINICAL_FIELD_UNREADABLE: QT_TRANSLATE_NOOP(
        "Errors",
        "An encrypted clinical value cannot be read: it was altered or moved, or the "
        "clinical key does not match.",
    ),
    _E.CLINICAL_KEY_GENERATION_MISSING: QT_TRANSLATE_NOOP(
        "Errors",
        "This clinical value is encrypted with a clinical key this session does not hold: "
        "log in again.",
    ),
    _E.CLINICAL_FIELD_NOT_ENCRYPTED: QT_TRANSLATE_NOOP(
        "Errors", "A clinical column only accepts encrypted data."
    ),
    _E.NO_CLINICAL_KEY: QT_TRANSLATE_NOOP("Errors", "This database has no clinical key yet."),
    _E.CLINICAL_KEY_STALE: QT_TRANSLATE_NOOP(
        "Errors",
        "The clinical key has changed since this session opened: log in again, then retry.",
    ),
    _E.CLINICAL_ACCESS_AWAITING: QT_TRANSLATE_NOOP(
        "Errors",
        "Your access to clinical data awaits the approval of a practitioner or counsellor "
        "who already holds it.",
    ),
    _E.CLINICAL_NOT_AWAITING: QT_TRANSLATE_NOOP(
        "Errors", "This account is not awaiting access to clinical data."
    ),
    _E.CLINICAL_KEY_ALREADY_HELD: QT_TRANSLATE_NOOP(
        "Errors",
        "A practitioner or counsellor already holds the clinical key: they approve this "
        "account, not the recovery code.",
    ),
    _E.CLINICAL_KEY_ONLY_IN_RECOVERY: QT_TRANSLATE_NOOP(
        "Errors",
        "Only the current recovery code gives access to clinical data: first have a "
        "clinical account approved with that code, then issue a new sheet.",
    ),
    _E.CLINICAL_KEY_FORGED: QT_TRANSLATE_NOOP(
        "Errors",
        "The clinical key written in the key file does not chain to any trusted key: it "
        "may have been substituted. It is not used; tell the administrator.",
    ),
    _E.CLINICAL_KEY_MIGRATION_REFUSED: QT_TRANSLATE_NOOP(
        "Errors",
        "Trust marks of the clinical key are missing from the key file although the event "
        "log shows they were set (or cannot show they were not): nobody is trusted anew "
        "and the key is not renewed. Tell the administrator.",
    ),
    # --- personal history (field: the input concerned) ----------------------------------
    _E.HISTORY_CANCER_SITE: QT_TRANSLATE_NOOP("Errors", "Unknown cancer site “{site}”."),
    _E.HISTORY_CANCER_SEX: QT_TRANSLATE_NOOP(
        "Errors", "A cancer of this site ({site}) is not possible for this sex ({sex})."
    ),
    _E.HISTORY_VALUE_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "The value “{value}” is not possible here."
    ),
    _E.HISTORY_DATE_BEFORE_BIRTH: QT_TRANSLATE_NOOP(
        "Errors", "The date {date} is before the birth date ({birth_date})."
    ),
    _E.HISTORY_DATE_FUTURE: QT_TRANSLATE_NOOP("Errors", "The date {date} is in the future."),
    _E.HISTORY_AGE_ABOVE_CURRENT: QT_TRANSLATE_NOOP(
        "Errors", "The age of {age} is above the patient's age ({current_age})."
    ),
    _E.HISTORY_AGE_DATE_MISMATCH: QT_TRANSLATE_NOOP(
        "Errors",
        "The age entered ({age}) does not match the date {date} (age {date_age} then).",
    ),
    _E.HISTORY_BREAST_MARKER: QT_TRANSLATE_NOOP(
        "Errors",
        "Cancer ({site}): hormone receptors, HER2 and grade are only entered for a breast cancer.",
    ),
    _E.HISTORY_MMR_SITE: QT_TRANSLATE_NOOP(
        "Errors",
        "Cancer ({site}): MSI status and immunohistochemistry are only entered for a "
        "colorectal or endometrial cancer.",
    ),
    _E.HISTORY_SURGERY_KIND: QT_TRANSLATE_NOOP("Errors", "Unknown risk-reducing surgery “{kind}”."),
    _E.HISTORY_SURGERY_SEX: QT_TRANSLATE_NOOP(
        "Errors", "This surgery ({surgery}) is not possible for a male patient."
    ),
    _E.HISTORY_SURGERY_SIDE: QT_TRANSLATE_NOOP(
        "Errors",
        "Side of the surgery ({surgery}): left, right or bilateral for a mastectomy, none "
        "for a surgery without sides.",
    ),
    _E.DATE_FORMAT: QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a valid date: enter it as DD/MM/YYYY."
    ),
    # --- genetics (field: the input concerned) -------------------------------------------
    _E.GENETICS_VALUE_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "The value “{value}” is not possible here."
    ),
    _E.GENETICS_GENE_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "Enter the gene (HGNC symbol, for example BRCA2)."
    ),
    _E.GENETICS_GENE_FORMAT: QT_TRANSLATE_NOOP(
        "Errors",
        "“{gene}” is not an HGNC gene symbol (capital letters and digits, for example BRCA2 "
        "or RAD51C).",
    ),
    _E.GENETICS_GENE_UNLISTED: QT_TRANSLATE_NOOP(
        "Errors", "{gene} is not in the list of predisposition genes: check the symbol."
    ),
    _E.GENETICS_HGVS_C_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "Enter the HGVS c. description of the variant (for example c.5946del)."
    ),
    _E.GENETICS_HGVS_C: QT_TRANSLATE_NOOP(
        "Errors",
        "“{value}” is not a valid HGVS c. description (cannot be read at character "
        "{position}). Examples: c.5946del, c.68-2A>G, c.1234_1235insT.",
    ),
    _E.GENETICS_HGVS_P: QT_TRANSLATE_NOOP(
        "Errors",
        "“{value}” is not a valid HGVS p. description (cannot be read at character "
        "{position}). Examples: p.(Ser1982Argfs*22), p.Arg1699Trp, p.(=).",
    ),
    _E.GENETICS_HGVS_RANGE: QT_TRANSLATE_NOOP(
        "Errors", "“{value}”: the start of the range must come before its end."
    ),
    _E.GENETICS_HGVS_INSERTION: QT_TRANSLATE_NOOP(
        "Errors",
        "“{value}”: an insertion goes between two neighbouring positions (for example "
        "1234_1235ins).",
    ),
    _E.GENETICS_CLASS_INVALID: QT_TRANSLATE_NOOP(
        "Errors",
        "Unknown ACMG class “{value}”: choose a class from 1 (benign) to 5 (pathogenic).",
    ),
    _E.GENETICS_CLASS_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "Choose the ACMG class of the variant, from 1 (benign) to 5 (pathogenic)."
    ),
    _E.GENETICS_VARIANT_DUPLICATE: QT_TRANSLATE_NOOP(
        "Errors", "This variant ({variant}) is already entered."
    ),
    _E.GENETICS_DATE_REQUIRED: QT_TRANSLATE_NOOP("Errors", "Enter the date (DD/MM/YYYY)."),
    _E.GENETICS_DATE_BEFORE_BIRTH: QT_TRANSLATE_NOOP(
        "Errors", "The date {date} is before the patient's birth ({birth_date})."
    ),
    _E.GENETICS_DATE_FUTURE: QT_TRANSLATE_NOOP("Errors", "The date {date} is in the future."),
    _E.GENETICS_PANEL_GENES: QT_TRANSLATE_NOOP(
        "Errors", "A panel analyses at least one gene: enter its genes."
    ),
    _E.GENETICS_FAMILIAL_VARIANT_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors",
        "A targeted search or a predictive test is about the familial variant: enter its "
        "gene and its HGVS c. description.",
    ),
    _E.GENETICS_RELATIVE_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "A predictive test is about a relative: choose them."
    ),
    _E.GENETICS_RELATIVE_UNKNOWN: QT_TRANSLATE_NOOP(
        "Errors", "The relative “{person_id}” is not in the family (Family tab)."
    ),
    _E.FAMILY_PERSON_CITED_IN_GENETICS: QT_TRANSLATE_NOOP(
        "Errors",
        "{person} is named in the Genetics tab (predictive test or family information): "
        "remove those mentions first, then delete the person.",
    ),
    _E.GENETICS_RELATIVE_PROBAND: QT_TRANSLATE_NOOP(
        "Errors", "Choose a relative: it cannot be the patient."
    ),
    _E.GENETICS_OUTCOME_STATUS: QT_TRANSLATE_NOOP(
        "Errors",
        "The relative's result is only entered for a predictive test whose result has been "
        "received.",
    ),
    _E.GENETICS_CONSENT_SCOPE: QT_TRANSLATE_NOOP("Errors", "Tick what the consent covers."),
    _E.GENETICS_INFORMATION_RELATIVES: QT_TRANSLATE_NOOP(
        "Errors", "Tick the relatives who were informed."
    ),
    _E.RELATIVES_LETTER_NO_VARIANT: QT_TRANSLATE_NOOP(
        "Errors",
        "No pathogenic variant (class 4 or 5) is saved in the Genetics tab: the letter to "
        "relatives is about one. Save the variant first.",
    ),
    _E.RELATIVES_LETTER_NO_RELATIVE: QT_TRANSLATE_NOOP(
        "Errors", "Choose at least one relative to write to."
    ),
    _E.RELATIVES_LETTER_RELATIVE_UNKNOWN: QT_TRANSLATE_NOOP(
        "Errors",
        "The relative “{person_id}” is not in the saved family: save the Family tab first.",
    ),
    _E.SUMMARY_EXPORT_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The summary could not be saved: {path} ({reason})."
    ),
    # --- clinical forms ---------------------------------------------------------------
    _E.CLINICAL_FORM_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "The form was not saved: {count} problem(s), each shown at its field."
    ),
    _E.CLINICAL_FORM_CONFLICT: QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else saved this form while you were editing it. Both versions are shown: "
        "keep what you typed, take theirs, or combine them, then save again.",
    ),
    _E.CLINICAL_FORM_KIND: QT_TRANSLATE_NOOP("Errors", "Unknown clinical form type “{kind}”."),
    _E.CLINICAL_FORM_CONTENT: QT_TRANSLATE_NOOP(
        "Errors", "The saved content of the clinical form cannot be read (field “{path}”)."
    ),
    _E.CLINICAL_FORM_TOO_NEW: QT_TRANSLATE_NOOP(
        "Errors",
        "This form was saved by a newer version of OISO Desktop: update the application "
        "to open it.",
    ),
    _E.CLINICAL_FORM_REVISION_NOT_FOUND: QT_TRANSLATE_NOOP(
        "Errors", "This form has no version number {revision}."
    ),
    _E.CLINICAL_FORM_LINK_DENIED: QT_TRANSLATE_NOOP(
        "Errors",
        "The link to patient file no. {patient_id} was not saved: you cannot open that "
        "file, or it does not exist.",
    ),
    _E.CLINICAL_FORM_DOCUMENT_UNKNOWN: QT_TRANSLATE_NOOP(
        "Errors",
        "Attachment no. {document_id} does not belong to this file: the link was not saved.",
    ),
    # --- attachments --------------------------------------------------------------------
    _E.DOCUMENT_EMPTY: QT_TRANSLATE_NOOP(
        "Errors", "The file “{file_name}” is empty: it was not attached."
    ),
    _E.DOCUMENT_TOO_LARGE: QT_TRANSLATE_NOOP(
        "Errors", "The file “{file_name}” is too large ({size}): {maximum} at most."
    ),
    _E.DOCUMENT_TYPE_UNSUPPORTED: QT_TRANSLATE_NOOP(
        "Errors",
        "The file “{file_name}” was not attached: only PDF, JPEG and PNG files are accepted "
        "(extension {extension}).",
    ),
    _E.DOCUMENT_TYPE_MISMATCH: QT_TRANSLATE_NOOP(
        "Errors",
        "The file “{file_name}” was not attached: its name announces a {announced} file but "
        "its content is of type {found}.",
    ),
    _E.DOCUMENT_DAMAGED: QT_TRANSLATE_NOOP(
        "Errors",
        "The file “{file_name}” is damaged and cannot be read: it was not attached. Ask for "
        "a new copy.",
    ),
    _E.DOCUMENT_IMAGE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "Errors",
        "The image “{file_name}” is too large ({pixels} pixels): {maximum} million pixels at "
        "most. Reduce its resolution before attaching it.",
    ),
    _E.DOCUMENT_DUPLICATE: QT_TRANSLATE_NOOP(
        "Errors", "This file is already attached to this patient file: “{title}”."
    ),
    _E.DOCUMENT_DETAILS_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "The document was not saved: {count} problem(s), each shown at its field."
    ),
    _E.DOCUMENT_TITLE_EMPTY: QT_TRANSLATE_NOOP("Errors", "Give the document a title."),
    _E.DOCUMENT_DATE_FUTURE: QT_TRANSLATE_NOOP(
        "Errors", "The date of the document ({date}) is in the future."
    ),
    _E.DOCUMENT_DATE_TOO_OLD: QT_TRANSLATE_NOOP(
        "Errors", "The date of the document ({date}) is before {year}: check the year."
    ),
    _E.DOCUMENT_CATEGORY: QT_TRANSLATE_NOOP("Errors", "Unknown document category “{value}”."),
    _E.DOCUMENT_NOT_FOUND: QT_TRANSLATE_NOOP(
        "Errors", "This document no longer exists: it may have been deleted."
    ),
    _E.DOCUMENT_CONFLICT: QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else modified or deleted this document since it was shown: the list was "
        "read again; make your change again if it is still needed.",
    ),
    _E.DOCUMENT_UNREADABLE: QT_TRANSLATE_NOOP(
        "Errors", "The saved content of this document is incomplete or altered: it cannot be read."
    ),
    _E.DOCUMENT_EXPORT_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The copy could not be saved: {path} ({reason})."
    ),
    _E.DOCUMENT_PASSWORD_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "This PDF is protected by a password: type it to display the document."
    ),
    _E.DOCUMENT_PASSWORD_WRONG: QT_TRANSLATE_NOOP(
        "Errors", "Wrong password: this PDF could not be opened."
    ),
    _E.DOCUMENT_CANNOT_DISPLAY: QT_TRANSLATE_NOOP(
        "Errors",
        "This document cannot be displayed: its content cannot be read. Save a copy to "
        "open it with other software.",
    ),
    # --- follow-up: appointments, letters, calendars -------------------------------------
    _E.APPOINTMENT_EXAM_UNKNOWN: QT_TRANSLATE_NOOP("Errors", "This exam is not known."),
    _E.APPOINTMENT_NOT_ON_MINUTE: QT_TRANSLATE_NOOP(
        "Errors", "The time of an appointment is given to the minute."
    ),
    _E.APPOINTMENT_DURATION: QT_TRANSLATE_NOOP(
        "Errors", "The duration of the appointment must be between 1 and {maximum} minutes."
    ),
    _E.APPOINTMENT_PLACE_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "Enter the place of the appointment."
    ),
    _E.APPOINTMENT_TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "Errors", "This text is too long ({max_length} characters at most)."
    ),
    _E.APPOINTMENT_BEFORE_BIRTH: QT_TRANSLATE_NOOP(
        "Errors",
        "The appointment of {date} would be before the patient's birth ({birth_date}).",
    ),
    _E.APPOINTMENT_AFTER_DEATH: QT_TRANSLATE_NOOP(
        "Errors", "This patient has died: no appointment can be given to them."
    ),
    _E.APPOINTMENT_IN_PAST: QT_TRANSLATE_NOOP(
        "Errors", "The appointment of {date} at {time} is already past."
    ),
    _E.APPOINTMENT_TRANSITION: QT_TRANSLATE_NOOP(
        "Errors", "This appointment cannot be changed this way in its current state."
    ),
    _E.APPOINTMENT_SAME_DAY: QT_TRANSLATE_NOOP(
        "Errors", "This patient already has an appointment on {date} at {time}."
    ),
    _E.APPOINTMENT_PLACE_BUSY: QT_TRANSLATE_NOOP(
        "Errors",
        "This place is already booked on {date} at {time}, at times that overlap this one.",
    ),
    _E.APPOINTMENT_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "This appointment no longer exists."),
    _E.APPOINTMENT_CONFLICT: QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else changed this appointment meanwhile. Reload it, then try again.",
    ),
    _E.APPOINTMENT_PRACTITIONER: QT_TRANSLATE_NOOP(
        "Errors",
        "Appointments are given with an active practitioner or genetic counsellor.",
    ),
    _E.LETTERS_NOTHING_SELECTED: QT_TRANSLATE_NOOP(
        "Errors", "Select at least one line to print letters for."
    ),
    _E.LETTERS_EXPORT_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The letters could not be saved: {path} ({reason})."
    ),
    _E.CALENDAR_NOTHING_SELECTED: QT_TRANSLATE_NOOP(
        "Errors", "Select at least one appointment to export."
    ),
    _E.CALENDAR_EXPORT_FAILED: QT_TRANSLATE_NOOP(
        "Errors", "The calendar could not be saved: {path} ({reason})."
    ),
    _E.PROTOCOL_REASON_REQUIRED: QT_TRANSLATE_NOOP(
        "Errors", "Give the reason for this change to the protocol."
    ),
    _E.PROTOCOL_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "The protocol “{key}” does not exist."),
    _E.PROTOCOL_CONFLICT: QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else saved a version of this protocol meanwhile. Reload it, then try again.",
    ),
    _E.FOLLOWUP_TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "Errors", "This text is too long ({max_length} characters at most)."
    ),
    _E.FOLLOWUP_NO_STRUCTURE: QT_TRANSLATE_NOOP(
        "Errors",
        "Your account belongs to no structure: the choice of recommendations is made per "
        "structure.",
    ),
    _E.FOLLOWUP_CHOICE_VALUE: QT_TRANSLATE_NOOP(
        "Errors", "Unknown recommendations “{value}” (fr or esge)."
    ),
    _E.FOLLOWUP_CHOICE_CONFLICT: QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else changed the choice of recommendations meanwhile. Reload it, then try again.",
    ),
    _E.PLAN_ITEM_NOT_FOUND: QT_TRANSLATE_NOOP(
        "Errors", "This exam is not (or no longer) in the follow-up plan."
    ),
    _E.EXAM_DONE_FUTURE: QT_TRANSLATE_NOOP(
        "Errors", "An exam cannot be marked as done on {date}, in the future."
    ),
    _E.EXAM_DONE_BEFORE_BIRTH: QT_TRANSLATE_NOOP(
        "Errors",
        "An exam cannot be marked as done on {date}, before the patient's birth ({birth_date}).",
    ),
    _E.WORKLIST_HORIZON: QT_TRANSLATE_NOOP(
        "Errors", "The horizon of the list must be between 0 and {maximum} weeks."
    ),
    # --- follow-up protocols and plans (field: the input concerned) -------------------
    _E.PROTOCOL_KEY_FORMAT: QT_TRANSLATE_NOOP(
        "Errors", "The key “{key}” is not valid (lower-case letters, digits and “_”)."
    ),
    _E.PROTOCOL_NAME_REQUIRED: QT_TRANSLATE_NOOP("Errors", "The protocol must have a name."),
    _E.PROTOCOL_NO_GENES: QT_TRANSLATE_NOOP(
        "Errors", "The protocol must name at least one gene (or be selected by hand)."
    ),
    _E.PROTOCOL_GENE_FORMAT: QT_TRANSLATE_NOOP(
        "Errors", "“{gene}” is not a valid gene symbol (upper-case HGNC symbol, e.g. TP53)."
    ),
    _E.PROTOCOL_VARIANT: QT_TRANSLATE_NOOP(
        "Errors", "Unknown version “{value}” for this protocol."
    ),
    _E.PROTOCOL_VERSION: QT_TRANSLATE_NOOP(
        "Errors", "The version number ({value}) must be a positive whole number."
    ),
    _E.PROTOCOL_NO_ITEMS: QT_TRANSLATE_NOOP(
        "Errors", "The protocol must contain at least one exam."
    ),
    _E.PROTOCOL_ITEM_KEY_FORMAT: QT_TRANSLATE_NOOP(
        "Errors", "The exam key “{key}” is not valid (lower-case letters, digits and “_”)."
    ),
    _E.PROTOCOL_ITEM_KEY_DUPLICATE: QT_TRANSLATE_NOOP(
        "Errors", "The exam key “{key}” appears twice in the protocol."
    ),
    _E.PROTOCOL_ITEM_LABEL_REQUIRED: QT_TRANSLATE_NOOP("Errors", "An “other” exam must be named."),
    _E.PROTOCOL_ITEM_SEXES: QT_TRANSLATE_NOOP(
        "Errors", "The exam must apply to women, to men or to both."
    ),
    _E.PROTOCOL_AGE_RANGE: QT_TRANSLATE_NOOP(
        "Errors",
        "An age of {age} years is not possible: it must be between {minimum} and {maximum} years.",
    ),
    _E.PROTOCOL_END_BEFORE_START: QT_TRANSLATE_NOOP(
        "Errors",
        "The end age ({end_age} years) must be greater than the start age ({start_age} years).",
    ),
    _E.PROTOCOL_INTERVAL: QT_TRANSLATE_NOOP(
        "Errors",
        "The interval between two exams ({interval} months) must be at least one month and at "
        "most 120 years.",
    ),
    _E.PROTOCOL_FIXED_AGES: QT_TRANSLATE_NOOP(
        "Errors",
        "The ages of the special schedule must be ascending, from the start age and before "
        "the end age.",
    ),
    _E.PROTOCOL_STOPPED_BY: QT_TRANSLATE_NOOP(
        "Errors", "Unknown risk-reducing surgery “{surgery}”."
    ),
    _E.PROTOCOL_DATA_INVALID: QT_TRANSLATE_NOOP(
        "Errors", "The saved protocol cannot be read (field “{path}”)."
    ),
    _E.PROTOCOL_SCHEMA_TOO_NEW: QT_TRANSLATE_NOOP(
        "Errors", "This follow-up data was saved by a newer version of the application."
    ),
    _E.PLAN_ADJUSTMENT_REASON: QT_TRANSLATE_NOOP(
        "Errors", "Give the reason for this change to the plan."
    ),
    _E.PLAN_ADJUSTMENT_EMPTY: QT_TRANSLATE_NOOP(
        "Errors",
        "The change to the plan changes nothing: adjust an age, the interval, or stop the exam.",
    ),
    # --- command line (shown by the CLI in French; here for completeness) --------------
    _E.CLINICAL_APPROVAL_PASSWORD_PENDING: QT_TRANSLATE_NOOP(
        "Errors",
        "This account has not replaced its temporary password yet: access to clinical data "
        "will be approved afterwards.",
    ),
    _E.CLI_OUTPUT_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "Errors",
        "The standard output is closed or full: the password could not be shown. Nothing "
        "was changed.",
    ),
    _E.CLI_NO_DATABASE: QT_TRANSLATE_NOOP(
        "Errors",
        "No OISO database is configured on this computer: give its folder with --folder.",
    ),
    _E.CLI_VALUE_MISSING: QT_TRANSLATE_NOOP("Errors", "Required value missing: {value}."),
    _E.CLI_UNATTENDED_WITH_LOGIN: QT_TRANSLATE_NOOP(
        "Errors", "--unattended runs without --as: unattended maintenance uses no account."
    ),
    _E.CLI_BAD_DATE: QT_TRANSLATE_NOOP(
        "Errors", "Invalid date: {text} (expected YYYY-MM-DD or DD/MM/YYYY)."
    ),
    _E.CLI_UNKNOWN_LOGIN: QT_TRANSLATE_NOOP("Errors", "No account has the login “{login}”."),
    _E.CLI_UNKNOWN_ACTION: QT_TRANSLATE_NOOP(
        "Errors", "Unknown action: “{action}”. Give an action code of the event log."
    ),
    _E.SMTP_SETTINGS_INVALID: QT_TRANSLATE_NOOP(
        "Errors",
        "An email setting is not valid: check the server, the port, the security and "
        "the sender's address.",
    ),
    _E.SMTP_LOGIN_UNENCRYPTED: QT_TRANSLATE_NOOP(
        "Errors",
        "A login requires STARTTLS or TLS: without encryption, the password would cross "
        "the network in clear.",
    ),
    _E.SMTP_NOT_CONFIGURED: QT_TRANSLATE_NOOP(
        "Errors", "Email sending is not set up: enter the SMTP server and the sender."
    ),
    _E.MAIL_SEND_FAILED: QT_TRANSLATE_NOOP("Errors", "The email could not be sent ({reason})."),
    _E.EVENT_CHAIN_BROKEN: QT_TRANSLATE_NOOP(
        "Errors",
        "The event log is broken: its purge is suspended. Verify the event log.",
    ),
    _E.EVENT_ANCHOR_UNREADABLE: QT_TRANSLATE_NOOP(
        "Errors", "The purge marker of the event log cannot be read: verify the event log."
    ),
    _E.GRACE_DAYS_RANGE: QT_TRANSLATE_NOOP(
        "Errors",
        "The delay before revocation must be a whole number of days, from {minimum} to {maximum}.",
    ),
    _E.CLI_BAD_DATETIME: QT_TRANSLATE_NOOP(
        "Errors", "Invalid date and time: {text} (expected ISO 8601, e.g. 2027-01-31T02:00Z)."
    ),
}

# Values of params["identifier"] (domain.identifiers), as the subject of a sentence.
IDENTIFIER_LABELS: dict[str, str] = {
    "rpps": QT_TRANSLATE_NOOP("Errors", "The RPPS number"),
    "adeli": QT_TRANSLATE_NOOP("Errors", "The ADELI number"),
    "finess": QT_TRANSLATE_NOOP("Errors", "The FINESS number"),
    "nir": QT_TRANSLATE_NOOP("Errors", "The NIR"),
    "birth_place_code": QT_TRANSLATE_NOOP("Errors", "The INSEE birthplace code"),
}

# Values of params["name"] (domain.patients), as the subject of a sentence.
NAME_LABELS: dict[str, str] = {
    "birth_name": QT_TRANSLATE_NOOP("Errors", "The birth name"),
    "used_name": QT_TRANSLATE_NOOP("Errors", "The used name"),
    "first_names": QT_TRANSLATE_NOOP("Errors", "The first name"),
}

# Params whose value is a key of a label table: replaced by the translated label.
_LABELLED_PARAMS: dict[str, dict[str, str]] = {
    "identifier": IDENTIFIER_LABELS,
    "name": NAME_LABELS,
}

# Why a session ended by itself (SessionEnded, params["reason"]); else MESSAGES.
_SESSION_ENDED: dict[str, str] = {
    "suspended": QT_TRANSLATE_NOOP(
        "Errors", "Your account was suspended by an administrator: the session is closed."
    ),
    "revoked": QT_TRANSLATE_NOOP("Errors", "Your account was revoked: the session is closed."),
}

_ACCOUNT_LOCKED_NOW = QT_TRANSLATE_NOOP(
    "Errors", "Too many failed attempts. Try again in a moment."
)
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Errors",
    "An unexpected error occurred. The operation was not completed; "
    "if the problem persists, contact your IT support.",
)

# Password policy problem codes (domain.passwords.password_problems).
PASSWORD_PROBLEMS: dict[str, str] = {
    "too_short": QT_TRANSLATE_NOOP(
        "Errors", "Too short: at least 12 characters (14 with three kinds of characters)."
    ),
    "too_few_classes": QT_TRANSLATE_NOOP(
        "Errors", "Mix lower case, upper case, digits and symbols."
    ),
    "contains_login": QT_TRANSLATE_NOOP("Errors", "Must not contain the login."),
    "contains_name": QT_TRANSLATE_NOOP("Errors", "Must not contain the first or last name."),
    "same_as_old": QT_TRANSLATE_NOOP(
        "Errors", "The new password must differ from the current one."
    ),
    "too_common": QT_TRANSLATE_NOOP(
        "Errors", "Too easy to guess (common word, keyboard run, repetition)."
    ),
}


# Where a problem of an imported file is (params "line", "family_id"): put before its text.
_AT_LINE_OF_FAMILY = QT_TRANSLATE_NOOP("Errors", "Line {line} (family {family_id}), ")
_AT_LINE = QT_TRANSLATE_NOOP("Errors", "Line {line}: ")


def translate(source: str, params: Mapping[str, Any] | None = None) -> str:
    """Translate ``source`` in the ``Errors`` context and fill ``{params}``."""
    text = QCoreApplication.translate(CONTEXT, source)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            # Parameter names only: their values may be data (names, paths).
            log.warning("Translation %r does not match its parameters %s", text, sorted(params))
    return text


def password_problem_text(code: str) -> str:
    """One line of text for a password policy problem code (domain.passwords)."""
    source = PASSWORD_PROBLEMS.get(code)
    return code if source is None else translate(source)


def _labelled(params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` with identifier and name keys replaced by their translated labels."""
    result = dict(params)
    for key, labels in _LABELLED_PARAMS.items():
        source = labels.get(str(result.get(key)))
        if source is not None:
            result[key] = translate(source)
    return result


def error_text(exc: BaseException) -> str:
    """The text to show the user for ``exc``, in the installed language.

    A problem of an imported file (params ``line`` and maybe ``family_id``) starts
    with where it is: "Line 12 (family F1), ...".
    """
    text = _error_text(exc)
    params = exc.params if isinstance(exc, OisoError) else {}
    if "line" in params:
        where = _AT_LINE_OF_FAMILY if params.get("family_id") else _AT_LINE
        text = translate(where, params) + text
    return text


def _error_text(exc: BaseException) -> str:
    if not isinstance(exc, OisoError):
        return translate(_UNEXPECTED)
    code = exc.code
    params = _labelled(exc.params)
    if code == ErrorCode.ACCOUNT_LOCKED:
        seconds = params.get("retry_after_seconds")
        if isinstance(seconds, int | float) and seconds > 0:
            return translate(MESSAGES[code], {"minutes": max(1, math.ceil(seconds / 60))})
        return translate(_ACCOUNT_LOCKED_NOW)
    if code == ErrorCode.SESSION_ENDED:
        return translate(_SESSION_ENDED.get(str(params.get("reason")), MESSAGES[code]))
    if code == ErrorCode.PASSWORD_POLICY:
        problems = params.get("problems")
        if problems and all(p in PASSWORD_PROBLEMS for p in problems):
            return "\n".join(password_problem_text(p) for p in problems)
    source = MESSAGES.get(code)
    if source is None:  # pragma: no cover - tests/gui/test_error_codes.py forbids it
        log.warning("No text for error code %r", code)
        return str(exc) or translate(_UNEXPECTED)
    text = QCoreApplication.translate(CONTEXT, source)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        # A raise site without the params its text needs: the French message is
        # complete, at least.
        log.warning("Error %r lacks parameters for %r: %r", code, text, exc.params)
        return str(exc) or translate(_UNEXPECTED)
