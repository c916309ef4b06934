"""Domain errors. Each carries the fix, so the CLI and the API can print it as it is."""
from __future__ import annotations


class TerrainError(Exception):
    """Base class: ``str(err)`` is a complete message an analyst can act on."""

    def __init__(self, message: str, fix: str | None = None):
        self.message = message
        self.fix = fix
        super().__init__(f"{message}\n  fix: {fix}" if fix else message)


class InputError(TerrainError):
    """An input file (or one line of it) cannot be read. Names the file and line."""

    def __init__(self, path: str, message: str, fix: str, line: int | None = None):
        where = f"{path}:{line}" if line is not None else path
        self.path, self.line = path, line
        super().__init__(f"{where}: {message}", fix)


class ModelError(TerrainError):
    pass


class StoreError(TerrainError):
    pass


class NotFound(TerrainError):
    pass
