"""A real keyring backend kept in a JSON file named by ``OISO_TEST_KEYRING``: the OS
keyring as several processes of one OS account see it (tests never touch the real
one). Chosen in a child process with ``PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring``."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]

    @staticmethod
    def _path() -> Path:
        return Path(os.environ["OISO_TEST_KEYRING"])

    def _read(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text("utf-8")) if path.exists() else {}

    def _write(self, values: dict[str, str]) -> None:
        self._path().write_text(json.dumps(values), "utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        values = self._read()
        values[f"{service}\n{username}"] = password
        self._write(values)

    def delete_password(self, service: str, username: str) -> None:
        values = self._read()
        if values.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._write(values)
