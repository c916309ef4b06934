"""`terrain` CLI: importing this package registers every command module on ``main``."""
from __future__ import annotations

import importlib
import pkgutil

from terrain.cli.app import main

for _mod in pkgutil.iter_modules(__path__):
    if _mod.name != "app":
        importlib.import_module(f"{__name__}.{_mod.name}")

__all__ = ["main"]
