from __future__ import annotations

import re

import pytest

from oiso_desktop.domain.errors import StorageError
from oiso_desktop.storage import crypto
from oiso_desktop.storage.crypto import DecryptionError, KdfParams


def test_production_defaults_are_unchanged_by_the_test_hook() -> None:
    assert KdfParams(time_cost=3, memory_cost=65536, parallelism=2) == crypto.PRODUCTION_KDF_PARAMS
    assert KdfParams() == crypto.PRODUCTION_KDF_PARAMS
    assert crypto.default_kdf_params().memory_cost < 65536  # lowered by conftest


def test_derive_key_is_deterministic_and_depends_on_every_input() -> None:
    params = crypto.default_kdf_params()
    salt = b"0123456789abcdef"
    key = crypto.derive_key("mot de passe é", salt, params)
    assert len(key) == 32
    assert crypto.derive_key("mot de passe é", salt, params) == key
    assert crypto.derive_key("mot de passe e", salt, params) != key
    assert crypto.derive_key("mot de passe é", b"fedcba9876543210", params) != key
    other = KdfParams(time_cost=2, memory_cost=params.memory_cost, parallelism=1)
    assert crypto.derive_key("mot de passe é", salt, other) != key
    peppered = crypto.derive_key("mot de passe é", salt, params, pepper=b"x" * 32)
    assert peppered != key
    assert crypto.derive_key("mot de passe é", salt, params, pepper=b"y" * 32) != peppered


def test_kdf_params_round_trip_and_validation() -> None:
    params = KdfParams(time_cost=4, memory_cost=1024, parallelism=2)
    data = params.to_dict()
    assert data == {"algorithm": "argon2id", "time_cost": 4, "memory_cost": 1024, "parallelism": 2}
    assert KdfParams.from_dict(data) == params
    with pytest.raises(StorageError):
        KdfParams.from_dict({**data, "algorithm": "scrypt"})
    with pytest.raises(StorageError):
        KdfParams.from_dict({**data, "time_cost": 0})


@pytest.mark.parametrize(
    "change",
    [
        {"time_cost": 11},
        {"time_cost": 10**9},
        {"memory_cost": 256 * 1024 + 1},
        {"memory_cost": 1024 * 1024},
        {"memory_cost": 2**40},
        {"memory_cost": 7},
        {"parallelism": 9},
        {"parallelism": 0},
        {"time_cost": "3"},
        {"time_cost": True},
        {"time_cost": 2.5},
    ],
)
def test_kdf_params_from_a_keystore_are_bounded(change: dict[str, object]) -> None:
    """A huge value read from a keystore would hang the login: refused at once."""
    data = {**KdfParams().to_dict(), **change}
    with pytest.raises(StorageError) as info:
        KdfParams.from_dict(data)
    assert info.value.code == "keystore_corrupt"
    assert "endommagé" in str(info.value)


def test_kdf_bounds_accept_production_test_and_extreme_values() -> None:
    for params in (
        KdfParams(),
        KdfParams(time_cost=1, memory_cost=64, parallelism=1),
        KdfParams(time_cost=10, memory_cost=256 * 1024, parallelism=8),
        KdfParams(time_cost=1, memory_cost=8, parallelism=1),
    ):
        assert KdfParams.from_dict(params.to_dict()) == params


def test_seal_unseal_round_trip_and_binding() -> None:
    private, public = crypto.new_keypair()
    assert len(private) == 32 and len(public) == 32
    assert crypto.public_key_of(private) == public
    dmk = crypto.new_dmk()
    sealed = crypto.seal(public, dmk, aad=b"ctx-1")
    assert set(sealed) == {"ephemeral_public_key", "nonce", "ciphertext"}
    assert all(isinstance(value, str) for value in sealed.values())
    assert dmk.hex() not in str(sealed)
    assert crypto.unseal(private, sealed, aad=b"ctx-1") == dmk
    with pytest.raises(DecryptionError):
        crypto.unseal(private, sealed, aad=b"ctx-2")
    other_private, _ = crypto.new_keypair()
    with pytest.raises(DecryptionError):
        crypto.unseal(other_private, sealed, aad=b"ctx-1")
    # Two seals of the same plaintext differ (ephemeral key, nonce).
    assert crypto.seal(public, dmk, aad=b"ctx-1") != sealed


def test_new_dmk_is_random() -> None:
    keys = {crypto.new_dmk() for _ in range(20)}
    assert len(keys) == 20 and all(len(k) == 32 for k in keys)


def test_recovery_code_format() -> None:
    code = crypto.new_recovery_code()
    assert re.fullmatch(
        r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}(-[0-9A-HJKMNP-TV-Z]{5}){2}", code
    )
    assert len(crypto.normalise_recovery_code(code)) == 26
    assert crypto.is_valid_recovery_code(code)
    assert len({crypto.new_recovery_code() for _ in range(50)}) == 50


def test_recovery_code_normalisation() -> None:
    assert crypto.normalise_recovery_code(" k7qf-2m9x 0OIL-abcd ") == "K7QF2M9X0011ABCD"
    code = crypto.new_recovery_code()
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert crypto.normalise_recovery_code(sloppy) == code.replace("-", "")
    assert not crypto.is_valid_recovery_code("ABC")
    assert not crypto.is_valid_recovery_code("U" * 26)
