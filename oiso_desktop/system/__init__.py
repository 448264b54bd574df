"""The platform layer: files, folders, paths and process helpers (no Qt, no SQL).

The lowest layer of the package, beside ``domain``: it imports only the standard
library and ``platformdirs``, and nothing else of the project (checked by the
import contracts in ``pyproject.toml``). Errors are plain ``OSError``/``ValueError``;
the layers above turn them into French messages.
"""
