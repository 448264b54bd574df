from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cheap_kdf import FAST_KDF
from memory_keyring import MemoryKeyring
from storage_helpers import ADMIN_PASSWORD, listing

from oiso_desktop.domain.errors import AuthenticationError, KeyringUnavailable, StorageError
from oiso_desktop.storage import crypto
from oiso_desktop.storage.keystore import VERSION, Keystore, key_id_of
from oiso_desktop.storage.secret_store import MemorySecretStore, OsKeyringSecretStore

GENERIC = "Identifiant ou mot de passe incorrect."
UUID = "6f1d1c1e-1111-4222-8333-944444444444"


@pytest.fixture
def keystore(tmp_path: Path) -> tuple[Keystore, bytes]:
    dmk = crypto.new_dmk()
    ks = Keystore.create(tmp_path / "oiso.keystore", UUID)
    ks.add_user_slot(1, "Admin", ADMIN_PASSWORD, dmk)
    return ks, dmk


def test_file_format(keystore: tuple[Keystore, bytes]) -> None:
    ks, dmk = keystore
    data = json.loads(ks.path.read_text("utf-8"))
    assert data["format"] == "oiso-keystore"
    assert data["version"] == VERSION
    assert data["clinical"] is None  # no clinical key until one is created
    assert data["database_uuid"] == UUID
    assert data["current_key_id"] == key_id_of(dmk)
    (slot,) = data["slots"]
    assert slot["user_id"] == 1
    assert slot["login"] == "admin"  # stored lower-case
    assert slot["bound"] is False
    assert len(base64.b64decode(slot["public_key"])) == 32
    wrapped = slot["private_key"]
    assert set(wrapped) == {"salt", "kdf", "nonce", "ciphertext", "aad"}
    assert wrapped["aad"] == 2 and slot["dmk"]["aad"] == 2
    assert wrapped["kdf"] == FAST_KDF.to_dict()
    assert slot["dmk"]["key_id"] == key_id_of(dmk)
    assert "failures" not in data  # failed logins live in their own file
    assert data["pending_drop_user_ids"] == []
    text = ks.path.read_text("utf-8")
    assert ADMIN_PASSWORD not in text
    assert dmk.hex() not in text and base64.b64encode(dmk).decode() not in text


def test_unlock_is_case_insensitive(keystore: tuple[Keystore, bytes]) -> None:
    ks, dmk = keystore
    unlocked = Keystore.load(ks.path).unlock_user("  ADMIN ", ADMIN_PASSWORD, MemorySecretStore())
    assert unlocked.user_id == 1
    assert unlocked.dmk_candidates == [dmk]
    assert crypto.public_key_of(unlocked.private_key) == base64.b64decode(
        ks.slot_json(1)["public_key"]
    )


def test_wrong_password_and_unknown_login_same_error_and_no_change(
    keystore: tuple[Keystore, bytes],
) -> None:
    ks, _ = keystore
    before = ks.path.read_bytes()
    files = listing(ks.path.parent)
    errors = []
    for login, password in (("admin", "wrong password!"), ("nobody", ADMIN_PASSWORD)):
        with pytest.raises(AuthenticationError) as info:
            ks.unlock_user(login, password, MemorySecretStore())
        errors.append(info.value)
    assert [str(e) for e in errors] == [GENERIC, GENERIC]
    assert {e.code for e in errors} == {"authentication_failed"}
    assert ks.path.read_bytes() == before
    assert listing(ks.path.parent) == files


def test_slots_keep_their_own_kdf_params(keystore: tuple[Keystore, bytes]) -> None:
    ks, dmk = keystore
    crypto.set_default_kdf_params(crypto.KdfParams(time_cost=2, memory_cost=128, parallelism=1))
    ks.add_user_slot(2, "other", "another password", dmk)
    data = json.loads(ks.path.read_text("utf-8"))
    params = {s["user_id"]: s["private_key"]["kdf"]["time_cost"] for s in data["slots"]}
    assert params == {1: 1, 2: 2}
    # Both open whatever the current default.
    assert ks.unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore()).user_id == 1
    assert ks.unlock_user("other", "another password", MemorySecretStore()).user_id == 2


def test_password_change(keystore: tuple[Keystore, bytes]) -> None:
    ks, dmk = keystore
    unlocked = ks.unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore())
    ks.set_password(1, unlocked.private_key, "Brand-new-pass-99")
    reloaded = Keystore.load(ks.path)
    with pytest.raises(AuthenticationError):
        reloaded.unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore())
    again = reloaded.unlock_user("admin", "Brand-new-pass-99", MemorySecretStore())
    assert again.dmk_candidates == [dmk]
    assert again.private_key == unlocked.private_key  # same key pair, re-wrapped


def test_set_password_refuses_a_foreign_private_key(keystore: tuple[Keystore, bytes]) -> None:
    ks, _ = keystore
    other_private, _ = crypto.new_keypair()
    with pytest.raises(StorageError):
        ks.set_password(1, other_private, "whatever password")


def test_slot_is_bound_to_its_user_id(keystore: tuple[Keystore, bytes]) -> None:
    """The associated data ties a wrapped key to its user id and database."""
    ks, _ = keystore
    data = json.loads(ks.path.read_text("utf-8"))
    data["slots"][0]["user_id"] = 7
    ks.path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(AuthenticationError):
        Keystore.load(ks.path).unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore())


def test_bound_slot_with_real_keyring_backend(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    dmk = crypto.new_dmk()
    store = OsKeyringSecretStore()
    ks = Keystore.create(tmp_path / "oiso.keystore", UUID)
    ks.add_user_slot(3, "nomade", "Laptop-pass-123", dmk, bind=True, secret_store=store)
    entry = f"slot:{UUID}:3"
    slot = ks.slot_json(3)
    assert slot["bound"] is True and slot["keyring_entry"] == entry
    assert len(store.get(entry) or b"") == 32
    assert ks.unlock_user("NOMADE", "Laptop-pass-123", store).dmk_candidates == [dmk]
    # The secret is really part of the derivation: another secret does not open it.
    store.set(entry, b"\x00" * 32)
    with pytest.raises(AuthenticationError):
        ks.unlock_user("nomade", "Laptop-pass-123", store)
    store.delete(entry)
    with pytest.raises(KeyringUnavailable) as info:
        ks.unlock_user("nomade", "Laptop-pass-123", store)
    assert "lié à cet ordinateur" in str(info.value)
    assert "code de récupération" in str(info.value)


def test_binding_needs_a_keyring(tmp_path: Path) -> None:
    ks = Keystore.create(tmp_path / "oiso.keystore", UUID)
    with pytest.raises(KeyringUnavailable):
        ks.add_user_slot(
            1,
            "a",
            "password-long",
            crypto.new_dmk(),
            bind=True,
            secret_store=MemorySecretStore(available=False),
        )
    assert not ks.has_slot(1)


def test_unbind_and_rebind_through_set_password(tmp_path: Path) -> None:
    store = MemorySecretStore()
    dmk = crypto.new_dmk()
    ks = Keystore.create(tmp_path / "oiso.keystore", UUID)
    ks.add_user_slot(1, "a", "first-password", dmk, bind=True, secret_store=store)
    key = ks.unlock_user("a", "first-password", store).private_key
    ks.set_password(1, key, "second-password", secret_store=store)  # keeps binding
    assert ks.is_bound(1)
    ks.set_password(1, key, "third-password", bind=False, secret_store=store)
    assert not ks.is_bound(1)
    assert store.names() == []
    assert ks.unlock_user("a", "third-password", MemorySecretStore()).dmk_candidates == [dmk]


def test_recovery_slot(keystore: tuple[Keystore, bytes]) -> None:
    ks, dmk = keystore
    code = crypto.new_recovery_code()
    ks.set_recovery_slot(code, dmk)
    assert Keystore.load(ks.path).unlock_recovery(code.lower().replace("-", " ")) == [dmk]
    with pytest.raises(AuthenticationError):
        ks.unlock_recovery(crypto.new_recovery_code())


def test_add_slot_refuses_a_login_already_taken(keystore: tuple[Keystore, bytes]) -> None:
    ks, dmk = keystore
    with pytest.raises(StorageError):
        ks.add_user_slot(2, "ADMIN", "password-long", dmk)


def test_add_slot_refuses_another_dmk(keystore: tuple[Keystore, bytes]) -> None:
    ks, _ = keystore
    with pytest.raises(StorageError):
        ks.add_user_slot(2, "b", "password-long", crypto.new_dmk())


def test_rekey_pending_then_commit(keystore: tuple[Keystore, bytes]) -> None:
    ks, dmk = keystore
    ks.add_user_slot(2, "gone", "password-gone", dmk)
    code = crypto.new_recovery_code()
    ks.set_recovery_slot(code, dmk)
    new = crypto.new_dmk()
    ks.begin_rekey(new, drop_user_ids=[2])
    assert not ks.has_slot(2)
    assert ks.pending_key_id == key_id_of(new)
    assert ks.unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore()).dmk_candidates == [dmk, new]
    assert ks.unlock_recovery(code) == [dmk, new]
    ks.commit_rekey(key_id_of(new))
    assert ks.pending_key_id is None and ks.current_key_id == key_id_of(new)
    reloaded = Keystore.load(ks.path)
    assert reloaded.unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore()).dmk_candidates == [
        new
    ]
    assert reloaded.unlock_recovery(code) == [new]
    assert "pending_dmk" not in ks.path.read_text("utf-8")


def test_saves_are_atomic_and_leave_no_temp_file(keystore: tuple[Keystore, bytes]) -> None:
    ks, _ = keystore
    key = ks.unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore()).private_key
    for i in range(5):
        ks.set_password(1, key, f"Password-number-{i}")
    assert listing(ks.path.parent) == ["oiso.keystore", "oiso.keystore.lock"]
    assert ks.path.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe garbage",
        json.dumps({"format": "something-else", "version": 1}).encode(),
        json.dumps([1, 2, 3]).encode(),
    ],
    ids=["empty", "bad-json", "binary", "foreign-format", "not-object"],
)
def test_corrupt_keystore_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "oiso.keystore"
    path.write_bytes(content)
    with pytest.raises(StorageError) as info:
        Keystore.load(path)
    assert "Le fichier de clés est endommagé" in str(info.value)
    assert path.read_bytes() == content


def _mutilate(ks: Keystore, change) -> bytes:
    data = json.loads(ks.path.read_text("utf-8"))
    change(data)
    raw = json.dumps(data).encode()
    ks.path.write_bytes(raw)
    return raw


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("database_uuid"),
        lambda d: d["slots"][0].pop("private_key"),
        lambda d: d["slots"][0]["private_key"].update(nonce="***"),
        lambda d: d["slots"][0]["private_key"].update(kdf={"algorithm": "md5"}),
        lambda d: d["slots"][0].update(public_key="AAAA"),
        lambda d: d["slots"][0]["dmk"].pop("key_id"),
        lambda d: d.update(failures=[{"login": "a", "at": "yesterday"}]),
        lambda d: d["slots"].append(dict(d["slots"][0])),
    ],
    ids=["uuid", "private-key", "nonce", "kdf", "public-key", "key-id", "failures", "dup"],
)
def test_structurally_invalid_keystore(keystore: tuple[Keystore, bytes], change) -> None:
    ks, _ = keystore
    raw = _mutilate(ks, change)
    with pytest.raises(StorageError) as info:
        Keystore.load(ks.path)
    assert "endommagé" in str(info.value)
    assert ks.path.read_bytes() == raw


def test_tampered_dmk_box_is_a_storage_error(keystore: tuple[Keystore, bytes]) -> None:
    ks, _ = keystore
    other_private, other_public = crypto.new_keypair()
    forged = crypto.seal(other_public, crypto.new_dmk(), aad=b"x")

    def change(d):
        d["slots"][0]["dmk"].update(forged)

    raw = _mutilate(ks, change)
    with pytest.raises(StorageError) as info:
        Keystore.load(ks.path).unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore())
    assert not isinstance(info.value, AuthenticationError)
    assert "endommagé" in str(info.value)
    assert ks.path.read_bytes() == raw


def test_newer_version_is_refused(keystore: tuple[Keystore, bytes]) -> None:
    ks, _ = keystore
    _mutilate(ks, lambda d: d.update(version=VERSION + 1))
    with pytest.raises(StorageError) as info:
        Keystore.load(ks.path)
    assert "version plus récente" in str(info.value)


def test_missing_keystore(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        Keystore.load(tmp_path / "oiso.keystore")
    assert "introuvable" in str(info.value)
    assert listing(tmp_path) == []
