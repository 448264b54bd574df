"""The cheap argon2 parameters of the whole suite (production defaults untouched).

Set through the documented test hook ``storage.crypto.set_default_kdf_params``;
key slots store their own parameters, so a slot written with these still opens
with them. Child processes of the multi-process tests call :func:`use_cheap_kdf`.
"""

from __future__ import annotations

from oiso_desktop.storage import crypto

FAST_KDF = crypto.KdfParams(time_cost=1, memory_cost=64, parallelism=1)


def use_cheap_kdf() -> None:
    crypto.set_default_kdf_params(FAST_KDF)
