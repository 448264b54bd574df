"""Every error code the package raises: one enumeration.

An :class:`~oiso_desktop.domain.errors.OisoError` carries one of these codes
and the ``params`` its text needs; ``gui/error_text.py`` holds an English text
(translated into French in ``resources/translations/oiso_fr.ts``) for each of
them. ``OisoError`` refuses a code that is not listed here, and
``tests/gui/test_error_codes.py`` checks that every code has its text and every
``code=`` of the package is a member.

To add a code: add the member here, its text in ``gui/error_text.py``
(``MESSAGES``), run ``tools/update_translations.py`` and translate it.

The values are stable (logs, tests, the CLI): never rename one.
"""

from __future__ import annotations

from enum import StrEnum, unique

__all__ = ["ErrorCode"]


@unique
class ErrorCode(StrEnum):
    # --- class defaults of domain.errors (and subclasses) ------------------------------
    ERROR = "error"
    VALIDATION = "validation"
    INVALID_IDENTIFIER = "invalid_identifier"
    PERMISSION_DENIED = "permission_denied"  # also: the role lacks the permission
    NOT_FOUND = "not_found"
    CONCURRENT_EDIT = "concurrent_edit"
    AUTHENTICATION_FAILED = "authentication_failed"  # wrong login or password
    ACCOUNT_LOCKED = "account_locked"  # params: retry_after_seconds
    ACCOUNT_DISABLED = "account_disabled"
    SESSION_ENDED = "session_ended"  # params: reason ("suspended", "revoked", "gone")
    PASSWORD_CHANGE_REQUIRED = "password_change_required"
    PASSWORD_POLICY = "password_policy"  # params: problems (domain.passwords codes)
    STORAGE = "storage"
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    CONNECTION_LOST = "connection_lost"
    POSSIBLE_DUPLICATE = "possible_duplicate"  # params: candidates
    CLI = "cli"

    # --- identifiers (params: identifier = rpps, adeli, finess, nir, birth_place_code) -
    IDENTIFIER_NOT_TEXT = "identifier_not_text"
    IDENTIFIER_EMPTY = "identifier_empty"
    IDENTIFIER_DIGITS_ONLY = "identifier_digits_only"
    IDENTIFIER_DIGITS_OR_CORSICA = "identifier_digits_or_corsica"
    IDENTIFIER_DIGIT_COUNT = "identifier_digit_count"  # params: expected, got
    IDENTIFIER_CHARACTER_COUNT = "identifier_character_count"  # params: expected, got
    IDENTIFIER_KIND_UNKNOWN = "identifier_kind_unknown"
    RPPS_LUHN = "rpps_luhn"
    FINESS_CHECKSUM = "finess_checksum"
    NIR_LENGTH = "nir_length"  # params: expected, got
    NIR_FIRST_DIGIT = "nir_first_digit"
    NIR_CHECKSUM = "nir_checksum"
    NIR_INVALID = "nir_invalid"
    INSEE_COMMUNE_ZERO = "insee_commune_zero"
    INSEE_NO_DEPARTMENT = "insee_no_department"  # params: department
    INSEE_CORSICA = "insee_corsica"
    INSEE_OVERSEAS = "insee_overseas"
    INSEE_PACIFIC = "insee_pacific"
    INSEE_COUNTRY = "insee_country"

    # --- patient identity (domain.patients) --------------------------------------------
    NAME_CHARACTERS = "name_characters"  # params: name = birth_name, used_name, first_names
    BIRTH_NAME_REQUIRED = "birth_name_required"
    FIRST_NAME_REQUIRED = "first_name_required"
    BIRTH_DATE_REQUIRED = "birth_date_required"
    BIRTH_DATE_FUTURE = "birth_date_future"
    BIRTH_DATE_TOO_OLD = "birth_date_too_old"
    SEX_INVALID = "sex_invalid"
    VITAL_STATUS_INVALID = "vital_status_invalid"
    DEATH_DATE_NOT_DECEASED = "death_date_not_deceased"
    DEATH_DATE_BEFORE_BIRTH = "death_date_before_birth"
    DEATH_DATE_FUTURE = "death_date_future"
    INS_STATUS_INVALID = "ins_status_invalid"
    INS_BIRTHPLACE_REQUIRED = "ins_birthplace_required"
    INS_NIR_REQUIRED = "ins_nir_required"
    NIR_SEX_MISMATCH = "nir_sex_mismatch"
    NIR_YEAR_MISMATCH = "nir_year_mismatch"
    NIR_MONTH_MISMATCH = "nir_month_mismatch"
    EMAIL_INVALID = "email_invalid"
    POSTAL_CODE_INVALID = "postal_code_invalid"
    PHONE_CHARACTERS = "phone_characters"
    PHONE_FRENCH_LENGTH = "phone_french_length"
    PHONE_INTERNATIONAL_LENGTH = "phone_international_length"
    PHONE_FORMAT = "phone_format"

    # --- accounts and structures (services.validation, user and setup services) --------
    LOGIN_FORMAT = "login_format"
    LOGIN_TAKEN = "login_taken"
    LOGIN_CHANGE = "login_change"
    LAST_NAME_REQUIRED = "last_name_required"
    STRUCTURE_NAME_REQUIRED = "structure_name_required"
    TOO_LONG = "too_long"  # params: max_length
    ROLE_UNKNOWN = "role_unknown"
    EMAIL_TOO_LONG = "email_too_long"
    RPPS_OR_ADELI_REQUIRED = "rpps_or_adeli_required"
    ASSISTANCE_SECRETARY_ONLY = "assistance_secretary_only"
    ASSISTED_NOT_PRACTITIONER = "assisted_not_practitioner"
    STRUCTURE_NOT_FOUND = "structure_not_found"
    FINESS_TAKEN = "finess_taken"
    USER_NOT_FOUND = "user_not_found"
    USER_REVOKED = "user_revoked"
    OWN_ROLE = "own_role"
    SELF = "self"  # suspending or revoking one's own account
    LAST_ADMIN = "last_admin"
    FIRST_ACCOUNT_NOT_ADMIN = "first_account_not_admin"
    NOT_AN_ADMIN = "not_an_admin"
    PASSWORDS_DIFFER = "passwords_differ"

    # --- sessions and access (services) ------------------------------------------------
    SESSION_LOCKED = "session_locked"
    SESSION_CLOSED = "session_closed"
    NO_ACTOR = "no_actor"
    ADMIN_ONLY = "admin_only"
    NO_PATIENT_ACCESS = "no_patient_access"
    PATIENT_READ_ONLY = "patient_read_only"
    PATIENT_RESTRICTED = "patient_restricted"  # the file is frozen read-only (patient rights)
    OWN_EVENTS_ONLY = "own_events_only"
    PATIENT_NOT_FOUND = "patient_not_found"
    OWNER_REQUIRED = "owner_required"
    OWNER_NOT_ASSISTED = "owner_not_assisted"
    OWNER_FOR_SELF = "owner_for_self"

    # --- patient rights (services.patient_rights_service, services.portability_service) -
    RESTRICTION_REASON = "restriction_reason"  # params: minimum
    ALREADY_RESTRICTED = "already_restricted"
    NOT_RESTRICTED = "not_restricted"
    ERASURE_CONFIRMATION = "erasure_confirmation"  # the typed name does not match
    FHIR_BUNDLE_INVALID = "fhir_bundle_invalid"  # params: problems (list of French lines)
    PORTABILITY_EXPORT_FAILED = "portability_export_failed"  # params: path, reason

    # --- sharing, transfer, assistance, break-the-glass (services.sharing_service) ----
    SHARE_WITH_SELF = "share_with_self"
    SHARE_RECIPIENT_ROLE = "share_recipient_role"  # an admin or a secretary
    SHARE_RECIPIENT_INACTIVE = "share_recipient_inactive"  # suspended or revoked
    SHARE_LEVEL = "share_level"  # params: value
    SHARE_NOT_FOUND = "share_not_found"
    NOT_FILE_OWNER = "not_file_owner"
    TRANSFER_SUCCESSOR = "transfer_successor"  # not an active practitioner
    TRANSFER_NOT_ALLOWED = "transfer_not_allowed"  # admin: the owner is still active
    TRANSFER_EMPTY = "transfer_empty"
    ASSISTANT_NOT_SECRETARY = "assistant_not_secretary"
    BREAK_GLASS_REASON = "break_glass_reason"  # params: minimum
    BREAK_GLASS_ROLE = "break_glass_role"
    BREAK_GLASS_NOT_NEEDED = "break_glass_not_needed"
    BREAK_GLASS_REVIEW_NOT_FOUND = "break_glass_review_not_found"
    BREAK_GLASS_LOOKUP_INCOMPLETE = "break_glass_lookup_incomplete"

    # --- departed users, account deletion, access alerts (issue 10) ---------------------
    DELETE_SELF = "delete_self"
    USER_NOT_DEPARTED = "user_not_departed"  # only a revoked account can be deleted
    USER_ALREADY_DELETED = "user_already_deleted"
    DELETION_COUNT_CHANGED = "deletion_count_changed"  # params: expected, found
    ALERT_NOT_FOUND = "alert_not_found"
    ALERT_NO_ACCOUNT = "alert_no_account"
    ALERT_NO_RECIPIENT = "alert_no_recipient"

    # --- database folder and files (storage, setup, paths, reports, export) ------------
    ALREADY_EXISTS = "already_exists"
    NOT_A_FOLDER = "not_a_folder"  # params: path
    CONFIG_WRITE_FAILED = "config_write_failed"  # params: path, reason
    EXPORT_FAILED = "export_failed"  # params: path, reason
    IMPORT_READ_FAILED = "import_read_failed"  # params: path, reason (a file to import)
    IMPORT_FILE_TOO_LARGE = "import_file_too_large"  # params: path, maximum (in kB)
    REPORT_WRITE_FAILED = "report_write_failed"  # params: path, reason
    DATABASE_MISSING = "database_missing"  # params: path
    DATABASE_TRUNCATED = "database_truncated"
    DATABASE_NOT_ENCRYPTED = "database_not_encrypted"
    DATABASE_KEY = "database_key"
    DATABASE_CORRUPTED = "database_corrupted"
    DATABASE_LOCKED = "database_locked"
    DATABASE_BUSY = "database_busy"
    FOREIGN_DATABASE = "foreign_database"
    REKEY_LOCAL_ONLY = "rekey_local_only"
    REKEY_REASON = "rekey_reason"
    IDLE_LOCK_MINUTES_RANGE = "idle_lock_minutes_range"  # params: minimum, maximum
    DATABASE_UNREADABLE = "database_unreadable"  # params: path
    DATABASE_READ_ONLY = "database_read_only"  # params: path
    DATABASE_FOLDER_READ_ONLY = "database_folder_read_only"  # params: path
    FOLDER_NOT_WRITABLE = "folder_not_writable"  # params: path
    NOT_UTF8 = "not_utf8"  # command line: bytes that are not UTF-8 text

    # --- keys: keystore, crypto, OS keyring --------------------------------------------
    KEYSTORE_MISSING = "keystore_missing"  # params: path
    KEYSTORE_UNREADABLE = "keystore_unreadable"  # params: path, reason
    KEYSTORE_CORRUPT = "keystore_corrupt"  # params: path
    KEYSTORE_TOO_NEW = "keystore_too_new"
    KEYSTORE_KEY_UNREADABLE = "keystore_key_unreadable"
    KEYSTORE_SLOT_DAMAGED = "keystore_slot_damaged"
    KEYSTORE_BUSY = "keystore_busy"  # params: path, seconds
    KEYSTORE_UNWRITABLE = "keystore_unwritable"  # params: path, name, reason
    FAILURES_CORRUPT = "failures_corrupt"  # params: path
    FAILURES_UNREADABLE = "failures_unreadable"  # params: path, reason
    NO_FAILURE_LOG = "no_failure_log"
    NO_SLOT_KEY = "no_slot_key"
    STALE_KEY = "stale_key"
    STALE_SLOT_KEY = "stale_slot_key"
    REKEY_PENDING = "rekey_pending"
    REKEY_ALREADY_PENDING = "rekey_already_pending"
    REKEY_PENDING_KEY_MISSING = "rekey_pending_key_missing"
    REKEY_MISMATCH = "rekey_mismatch"
    REKEY_UNVERIFIED = "rekey_unverified"
    REKEY_FAILED = "rekey_failed"
    NO_KEYSTORE = "no_keystore"
    NO_DMK = "no_dmk"
    NO_SLOT = "no_slot"
    WRONG_KEY = "wrong_key"
    WRONG_DMK = "wrong_dmk"
    NO_RECOVERY_SLOT = "no_recovery_slot"
    BAD_RECOVERY_CODE = "bad_recovery_code"
    BOUND_SECRET_MISSING = "bound_secret_missing"
    KEYRING_ERROR = "keyring_error"
    KEYRING_SECRET_CORRUPT = "keyring_secret_corrupt"
    NO_MAINTENANCE_SLOT = "no_maintenance_slot"  # unattended maintenance not set up
    MAINTENANCE_SECRET_MISSING = "maintenance_secret_missing"
    MAINTENANCE_SECRET_WRONG = "maintenance_secret_wrong"
    MAINTENANCE_KEYRING_UNAVAILABLE = "maintenance_keyring_unavailable"
    MAINTENANCE_STEP_FAILED = "maintenance_step_failed"  # an unexpected failure of a step

    # --- family and pedigree (domain.family, family_checks) ----------------------------
    # params: person (label), person_id, and those named below
    AGE_FORMAT = "age_format"  # params: value
    AGE_RANGE = "age_range"  # params: value, maximum
    FAMILY_PERSON_NOT_FOUND = "family_person_not_found"  # params: person_id
    FAMILY_HAS_PARENTS = "family_has_parents"
    FAMILY_ALREADY_PARTNERS = "family_already_partners"  # params: partner
    FAMILY_PARENT_SEX_UNKNOWN = "family_parent_sex_unknown"
    FAMILY_PARTNER_REQUIRED = "family_partner_required"
    FAMILY_REMOVE_PROBAND = "family_remove_proband"
    FAMILY_REMOVE_HAS_CHILDREN = "family_remove_has_children"
    FAMILY_TOO_LARGE = "family_too_large"  # params: count, maximum
    FAMILY_DUPLICATE_ID = "family_duplicate_id"
    FAMILY_SEX_INVALID = "family_sex_invalid"  # params: value
    FAMILY_BIRTH_YEAR_RANGE = "family_birth_year_range"  # params: year, minimum, maximum
    FAMILY_AGE_BIRTH_YEAR = "family_age_birth_year"  # params: age, birth_year
    FAMILY_DEATH_AGE_ALIVE = "family_death_age_alive"
    FAMILY_VALUE_INVALID = "family_value_invalid"  # params: value (field: the field)
    FAMILY_UNKNOWN_PARENT = "family_unknown_parent"  # params: parent_id
    FAMILY_ONE_PARENT = "family_one_parent"
    FAMILY_FATHER_SEX = "family_father_sex"  # params: children
    FAMILY_MOTHER_SEX = "family_mother_sex"  # params: children
    FAMILY_CHILD_BEFORE_PARENT = "family_child_before_parent"
    # params: parent, child_year, parent_year, minimum
    FAMILY_CANCER_SITE = "family_cancer_site"  # params: site
    FAMILY_CANCER_SEX = "family_cancer_sex"  # params: site
    FAMILY_CANCER_AFTER_DEATH = "family_cancer_after_death"  # params: site, age, death_age
    FAMILY_CANCER_ABOVE_AGE = "family_cancer_above_age"  # params: site, age, current_age
    FAMILY_CONTRALATERAL = "family_contralateral"
    FAMILY_GENE_INVALID = "family_gene_invalid"  # params: gene
    FAMILY_GENETIC_RESULT_INVALID = "family_genetic_result_invalid"  # params: gene, result
    FAMILY_NO_PROBAND = "family_no_proband"
    FAMILY_TWO_PROBANDS = "family_two_probands"  # params: probands
    FAMILY_PARENT_CYCLE = "family_parent_cycle"  # params: people
    FAMILY_NOT_CONNECTED = "family_not_connected"
    FAMILY_TWINS_INVALID = "family_twins_invalid"  # params: people
    FAMILY_TWINS_PARENTS = "family_twins_parents"  # params: people
    FAMILY_TWINS_SEX = "family_twins_sex"  # params: people
    FAMILY_TWINS_BIRTH_YEAR = "family_twins_birth_year"  # params: people
    FAMILY_PARTNER_INVALID = "family_partner_invalid"  # params: people

    # --- CanRisk files (domain.canrisk); params: line, family_id, column, person ---------
    CANRISK_EMPTY = "canrisk_empty"
    CANRISK_HEADER = "canrisk_header"  # params: found
    CANRISK_COLUMNS = "canrisk_columns"  # params: version, missing, unexpected
    CANRISK_NO_COLUMNS = "canrisk_no_columns"
    CANRISK_FIELD_COUNT = "canrisk_field_count"  # params: count, expected
    CANRISK_VALUE = "canrisk_value"  # params: value, expected
    CANRISK_DUPLICATE_ID = "canrisk_duplicate_id"  # params: first_line
    CANRISK_TWIN_CODE = "canrisk_twin_code"  # params: value, count
    CANRISK_PATHOLOGY_WITHOUT_BC1 = "canrisk_pathology_without_bc1"
    CANRISK_EXPORT_SEX = "canrisk_export_sex"  # params: person
    CANRISK_EXPORT_TWINS = "canrisk_export_twins"  # params: people, maximum
    # --- clinical key (CK) and clinical field encryption -------------------------------
    CLINICAL_FIELD_UNREADABLE = "clinical_field_unreadable"
    CLINICAL_KEY_GENERATION_MISSING = "clinical_key_generation_missing"  # params: generation
    CLINICAL_FIELD_NOT_ENCRYPTED = "clinical_field_not_encrypted"
    NO_CLINICAL_KEY = "no_clinical_key"
    CLINICAL_KEY_STALE = "clinical_key_stale"
    CLINICAL_ACCESS_AWAITING = "clinical_access_awaiting"
    CLINICAL_NOT_AWAITING = "clinical_not_awaiting"
    CLINICAL_KEY_ALREADY_HELD = "clinical_key_already_held"
    CLINICAL_KEY_ONLY_IN_RECOVERY = "clinical_key_only_in_recovery"
    # the key file offers a generation that does not chain to a trusted one; params:
    # reason (chain_missing, chain_broken, key_mismatch, not_chained, not_current,
    # no_anchor, history_mismatch, event_altered, new_genesis_over_data,
    # pinned_without_key), generation
    CLINICAL_KEY_FORGED = "clinical_key_forged"
    # a trust-on-first-use migration already done (or unprovable); params: mark
    # (endorsements, chain), reason (replayed, journal_broken, not_migrated)
    CLINICAL_KEY_MIGRATION_REFUSED = "clinical_key_migration_refused"

    # --- personal history (domain.personal_history); field: the input concerned ---------
    HISTORY_CANCER_SITE = "history_cancer_site"  # params: site
    HISTORY_CANCER_SEX = "history_cancer_sex"  # params: site, sex
    HISTORY_VALUE_INVALID = "history_value_invalid"  # params: value
    HISTORY_DATE_BEFORE_BIRTH = "history_date_before_birth"  # params: date, birth_date
    HISTORY_DATE_FUTURE = "history_date_future"  # params: date
    HISTORY_AGE_ABOVE_CURRENT = "history_age_above_current"  # params: age, current_age
    HISTORY_AGE_DATE_MISMATCH = "history_age_date_mismatch"  # params: age, date, date_age
    HISTORY_BREAST_MARKER = "history_breast_marker"  # params: site
    HISTORY_MMR_SITE = "history_mmr_site"  # params: site
    HISTORY_SURGERY_KIND = "history_surgery_kind"  # params: kind
    HISTORY_SURGERY_SEX = "history_surgery_sex"  # params: surgery
    HISTORY_SURGERY_SIDE = "history_surgery_side"  # params: surgery, required
    # a date typed in a form that cannot be read (JJ/MM/AAAA expected); params: value
    DATE_FORMAT = "date_format"

    # --- genetics (domain.genetics); field: the input concerned ---------------------------
    GENETICS_VALUE_INVALID = "genetics_value_invalid"  # params: value
    GENETICS_GENE_REQUIRED = "genetics_gene_required"
    GENETICS_GENE_FORMAT = "genetics_gene_format"  # params: gene
    GENETICS_GENE_UNLISTED = "genetics_gene_unlisted"  # a notice, not a problem; params: gene
    GENETICS_HGVS_C_REQUIRED = "genetics_hgvs_c_required"
    GENETICS_HGVS_C = "genetics_hgvs_c"  # params: value, position
    GENETICS_HGVS_P = "genetics_hgvs_p"  # params: value, position
    GENETICS_HGVS_RANGE = "genetics_hgvs_range"  # params: value
    GENETICS_HGVS_INSERTION = "genetics_hgvs_insertion"  # params: value
    GENETICS_CLASS_INVALID = "genetics_class_invalid"  # params: value
    GENETICS_CLASS_REQUIRED = "genetics_class_required"
    GENETICS_VARIANT_DUPLICATE = "genetics_variant_duplicate"  # params: variant
    GENETICS_DATE_REQUIRED = "genetics_date_required"
    GENETICS_DATE_BEFORE_BIRTH = "genetics_date_before_birth"  # params: date, birth_date
    GENETICS_DATE_FUTURE = "genetics_date_future"  # params: date
    GENETICS_PANEL_GENES = "genetics_panel_genes"
    GENETICS_FAMILIAL_VARIANT_REQUIRED = "genetics_familial_variant_required"
    GENETICS_RELATIVE_REQUIRED = "genetics_relative_required"
    GENETICS_RELATIVE_UNKNOWN = "genetics_relative_unknown"  # params: person_id
    # params: person_id, person ("Marie (p4)")
    FAMILY_PERSON_CITED_IN_GENETICS = "family_person_cited_in_genetics"
    GENETICS_RELATIVE_PROBAND = "genetics_relative_proband"  # params: person_id
    GENETICS_OUTCOME_STATUS = "genetics_outcome_status"
    GENETICS_CONSENT_SCOPE = "genetics_consent_scope"
    GENETICS_INFORMATION_RELATIVES = "genetics_information_relatives"
    # the letter to relatives (services.letter_service)
    RELATIVES_LETTER_NO_VARIANT = "relatives_letter_no_variant"
    RELATIVES_LETTER_NO_RELATIVE = "relatives_letter_no_relative"
    RELATIVES_LETTER_RELATIVE_UNKNOWN = "relatives_letter_relative_unknown"  # params: person_id
    # the patient summary (services.summary_service)
    SUMMARY_EXPORT_FAILED = "summary_export_failed"  # params: path, reason

    # --- clinical forms (domain.clinical_forms, services.clinical_form_service) --------
    CLINICAL_FORM_INVALID = "clinical_form_invalid"  # params: count; .problems
    CLINICAL_FORM_CONFLICT = "clinical_form_conflict"  # params: current, expected_version
    CLINICAL_FORM_KIND = "clinical_form_kind"  # params: kind
    CLINICAL_FORM_CONTENT = "clinical_form_content"  # malformed content; params: path
    CLINICAL_FORM_TOO_NEW = "clinical_form_too_new"  # params: schema, supported
    CLINICAL_FORM_REVISION_NOT_FOUND = "clinical_form_revision_not_found"  # params: revision
    CLINICAL_FORM_LINK_DENIED = "clinical_form_link_denied"  # params: patient_id, person_id
    CLINICAL_FORM_DOCUMENT_UNKNOWN = "clinical_form_document_unknown"  # params: document_id

    # --- attachments (domain.documents, services.document_service, services.pdf_pages) --
    DOCUMENT_EMPTY = "document_empty"  # params: file_name
    DOCUMENT_TOO_LARGE = "document_too_large"  # params: file_name, size, maximum
    DOCUMENT_TYPE_UNSUPPORTED = "document_type_unsupported"  # params: file_name, extension
    DOCUMENT_TYPE_MISMATCH = "document_type_mismatch"  # params: file_name, announced, found
    DOCUMENT_DAMAGED = "document_damaged"  # params: file_name (refused when attached)
    DOCUMENT_IMAGE_TOO_LARGE = "document_image_too_large"  # params: file_name, pixels, maximum
    DOCUMENT_DUPLICATE = "document_duplicate"  # params: title (of the one attached)
    DOCUMENT_DETAILS_INVALID = "document_details_invalid"  # params: count; .problems
    DOCUMENT_TITLE_EMPTY = "document_title_empty"
    DOCUMENT_DATE_FUTURE = "document_date_future"  # params: date
    DOCUMENT_DATE_TOO_OLD = "document_date_too_old"  # params: date, year
    DOCUMENT_CATEGORY = "document_category"  # params: value
    DOCUMENT_NOT_FOUND = "document_not_found"  # params: document_id
    DOCUMENT_CONFLICT = "document_conflict"  # params: document_id
    DOCUMENT_UNREADABLE = "document_unreadable"  # stored content incomplete or altered
    DOCUMENT_EXPORT_FAILED = "document_export_failed"  # params: path, reason
    DOCUMENT_PASSWORD_REQUIRED = "document_password_required"
    DOCUMENT_PASSWORD_WRONG = "document_password_wrong"
    DOCUMENT_CANNOT_DISPLAY = "document_cannot_display"  # the viewer cannot show it

    # --- follow-up: appointments, letters, calendars (domain.followup.appointments,
    #     services.appointment_service) ----------------------------------------------
    APPOINTMENT_EXAM_UNKNOWN = "appointment_exam_unknown"  # params: exam
    APPOINTMENT_NOT_ON_MINUTE = "appointment_not_on_minute"
    APPOINTMENT_DURATION = "appointment_duration"  # params: maximum
    APPOINTMENT_PLACE_REQUIRED = "appointment_place_required"
    APPOINTMENT_TEXT_TOO_LONG = "appointment_text_too_long"  # params: max_length
    APPOINTMENT_BEFORE_BIRTH = "appointment_before_birth"  # params: date, birth_date
    APPOINTMENT_AFTER_DEATH = "appointment_after_death"
    APPOINTMENT_IN_PAST = "appointment_in_past"  # params: date, time
    APPOINTMENT_TRANSITION = "appointment_transition"  # params: status, action
    APPOINTMENT_SAME_DAY = "appointment_same_day"  # a warning; params: date, time
    APPOINTMENT_PLACE_BUSY = "appointment_place_busy"  # a warning; params: date, time
    APPOINTMENT_NOT_FOUND = "appointment_not_found"  # params: appointment_id
    APPOINTMENT_CONFLICT = "appointment_conflict"  # stale version; params: appointment_id
    APPOINTMENT_PRACTITIONER = "appointment_practitioner"  # not an active clinician
    LETTERS_NOTHING_SELECTED = "letters_nothing_selected"
    LETTERS_EXPORT_FAILED = "letters_export_failed"  # params: path, reason
    CALENDAR_NOTHING_SELECTED = "calendar_nothing_selected"
    CALENDAR_EXPORT_FAILED = "calendar_export_failed"  # params: path, reason
    # services.followup_service
    PROTOCOL_REASON_REQUIRED = "protocol_reason_required"
    PROTOCOL_NOT_FOUND = "protocol_not_found"  # params: key
    PROTOCOL_CONFLICT = "protocol_conflict"  # params: key
    FOLLOWUP_TEXT_TOO_LONG = "followup_text_too_long"  # params: max_length
    FOLLOWUP_NO_STRUCTURE = "followup_no_structure"
    FOLLOWUP_CHOICE_VALUE = "followup_choice_value"  # params: value
    FOLLOWUP_CHOICE_CONFLICT = "followup_choice_conflict"
    PLAN_ITEM_NOT_FOUND = "plan_item_not_found"  # params: key
    EXAM_DONE_FUTURE = "exam_done_future"  # params: date
    EXAM_DONE_BEFORE_BIRTH = "exam_done_before_birth"  # params: date, birth_date
    WORKLIST_HORIZON = "worklist_horizon"  # params: maximum

    # --- follow-up protocols and plans (domain.followup); field: the input concerned ----
    PROTOCOL_KEY_FORMAT = "protocol_key_format"  # params: key
    PROTOCOL_NAME_REQUIRED = "protocol_name_required"
    PROTOCOL_NO_GENES = "protocol_no_genes"
    PROTOCOL_GENE_FORMAT = "protocol_gene_format"  # params: gene
    PROTOCOL_VARIANT = "protocol_variant"  # params: value
    PROTOCOL_VERSION = "protocol_version"  # params: value
    PROTOCOL_NO_ITEMS = "protocol_no_items"
    PROTOCOL_ITEM_KEY_FORMAT = "protocol_item_key_format"  # params: key
    PROTOCOL_ITEM_KEY_DUPLICATE = "protocol_item_key_duplicate"  # params: key
    PROTOCOL_ITEM_LABEL_REQUIRED = "protocol_item_label_required"
    PROTOCOL_ITEM_SEXES = "protocol_item_sexes"
    PROTOCOL_AGE_RANGE = "protocol_age_range"  # params: age, minimum, maximum
    PROTOCOL_END_BEFORE_START = "protocol_end_before_start"  # params: start_age, end_age
    PROTOCOL_INTERVAL = "protocol_interval"  # params: interval (months)
    PROTOCOL_FIXED_AGES = "protocol_fixed_ages"  # params: ages
    PROTOCOL_STOPPED_BY = "protocol_stopped_by"  # params: surgery
    PROTOCOL_DATA_INVALID = "protocol_data_invalid"  # params: path
    PROTOCOL_SCHEMA_TOO_NEW = "protocol_schema_too_new"  # params: schema, supported
    PLAN_ADJUSTMENT_REASON = "plan_adjustment_reason"
    PLAN_ADJUSTMENT_EMPTY = "plan_adjustment_empty"
    # --- retention, maintenance job and email (issue 10) ---------------------------------
    SMTP_SETTINGS_INVALID = "smtp_settings_invalid"  # params: field
    SMTP_LOGIN_UNENCRYPTED = "smtp_login_unencrypted"  # a login without STARTTLS/TLS
    SMTP_NOT_CONFIGURED = "smtp_not_configured"
    MAIL_SEND_FAILED = "mail_send_failed"  # params: reason (short, French)
    EVENT_CHAIN_BROKEN = "event_chain_broken"  # the purge refuses to erase a broken chain
    EVENT_ANCHOR_UNREADABLE = "event_anchor_unreadable"
    GRACE_DAYS_RANGE = "grace_days_range"  # params: minimum, maximum
    CLI_BAD_DATETIME = "cli_bad_datetime"  # params: text

    # --- command line (cli) ------------------------------------------------------------
    CLINICAL_APPROVAL_PASSWORD_PENDING = "clinical_approval_password_pending"
    CLI_NO_DATABASE = "cli_no_database"
    CLI_OUTPUT_UNAVAILABLE = "cli_output_unavailable"
    CLI_VALUE_MISSING = "cli_value_missing"  # params: value
    CLI_BAD_DATE = "cli_bad_date"  # params: text
    CLI_UNKNOWN_LOGIN = "cli_unknown_login"  # params: login
    CLI_UNKNOWN_ACTION = "cli_unknown_action"  # params: action
    CLI_UNATTENDED_WITH_LOGIN = "cli_unattended_with_login"
