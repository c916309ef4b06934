"""The export stage: stored events out as JSON Lines, CSV or GeoJSON.

    from terrain.export import write
    write(store.events(EventFilter(country="COD")), "geojson", sys.stdout)
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from terrain.errors import TerrainError
from terrain.export.formats import COLUMNS, FORMATS, ExportError, flatten, record, write
from terrain.store import EventFilter, Store

__all__ = ["write", "export", "record", "flatten", "COLUMNS", "FORMATS", "ExportError"]


def export(db: str, fmt: str, out: str | None = None, flt: EventFilter | None = None) -> int:
    """Export the events of database ``db`` matching ``flt`` to file ``out`` (stdout when None or "-").

    A file is written beside its destination and moved into place when complete, so a failed export
    never leaves a truncated file where the previous one was. Returns the number of events written.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    with Store(db) as store:
        events = store.events(flt)
    if out in (None, "-"):
        return write(events, fmt, sys.stdout)
    dest = Path(out)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    except OSError as err:
        raise TerrainError(f"{out}: cannot write there ({err.strerror})", "choose a writable --out path") from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            n = write(events, fmt, fh)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would make the export private to its writer
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n
