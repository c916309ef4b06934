"""Score the extractor on ACLED-coded incident reports (shared/corpus/acled-kenya, README "How we score").

Each distinct ``notes`` text is one Document (doc_id "acled-" + the event_id_cnty of its first row in the
file, published = its event_date); every row of a note is a gold event of that document. Documents go
through ``terrain.pipeline.extract_documents`` (nothing is stored) and each row of a scored sub-event
type is scored on:
  family      an extracted event of the row's family (violence / co-operation)
  type        an extracted event of one of the row's accepted types (terrain/data/acled_mapping.yaml)
  actors      actor1 and actor2 of the row, each found as actor1 or actor2 of an event of the right
              family (rule: terrain.evaluate.acled_map.AcledActor.matches)
  country     the best event's country (else its location's) is the row's iso3
  location    the best event's coordinates within 25 km of ACLED's
  fatalities  the best event's fatalities (absent = 0) equal ACLED's, on rows whose note writes that
              number (terrain.evaluate.acled_notes.fatalities_written)
  date        the best event's date is the event_date, on rows whose note writes that day
The best event of a row is the one of the right family, then of the right type, then the nearest.
Rows of one note are scored independently (one event may serve two rows).
ACLED text is read for scoring only: nothing of it is written anywhere.
"""
from __future__ import annotations

import csv
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from terrain.errors import InputError
from terrain.evaluate.acled_map import country_code, families, map_actor, scored_types
from terrain.evaluate.acled_notes import fatalities_written, stated_date
from terrain.evaluate.acled_report import MEASURES, AcledReport, RowScore, format_acled_report
from terrain.evaluate.matching import haversine_km
from terrain.records import Document, Event, family

__all__ = ["MEASURES", "AcledReport", "AcledRow", "documents_for", "evaluate_acled", "format_acled_report",
           "read_rows", "score_acled", "score_row", "select_rows"]

REQUIRED = ("event_id_cnty", "event_date", "sub_event_type", "actor1", "actor2", "country", "latitude",
            "longitude", "notes", "fatalities")
LOCATION_KM = 25.0
_SIZE_NOTE = re.compile(r"\s*\[size=[^\]]*\]")  # ACLED's crowd-size remark, not report text

Extractor = Callable[[list[Document]], Iterable[tuple[Document, list[Event]]]]


@dataclass(frozen=True)
class AcledRow:
    line: int
    event_id: str
    date: str  # ISO YYYY-MM-DD
    sub_event_type: str
    types: tuple[str, ...]  # accepted ontology types; () = not scored
    actor1: str
    actor2: str
    iso3: str | None
    lat: float | None
    lon: float | None
    notes: str
    fatalities: int
    doc_id: str = ""


def _fix(path: str) -> str:
    return f"give a CSV in ACLED's export layout with the columns {', '.join(REQUIRED)} ({path})"


def read_rows(path: str | Path) -> list[AcledRow]:
    """All rows of an ACLED CSV, each with the doc_id of its note. Raises InputError naming file:line."""
    path = str(path)
    try:
        handle = open(path, newline="", encoding="utf-8-sig")
    except OSError as err:
        raise InputError(path, f"cannot read the CSV ({err.strerror})", _fix(path))
    rows: list[AcledRow] = []
    first_of_note: dict[str, str] = {}
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(path, f"required column(s) missing: {', '.join(missing)}", _fix(path), line=1)
        try:
            for rec in reader:
                rows.append(_row(rec, path, reader.line_num, first_of_note))
        except (csv.Error, UnicodeDecodeError) as err:
            raise InputError(path, f"malformed CSV ({err})", _fix(path), line=reader.line_num)
    return rows


def _row(rec: dict[str, str], path: str, line: int, first_of_note: dict[str, str]) -> AcledRow:
    try:
        day = datetime.strptime(rec["event_date"].strip(), "%d-%m-%y").date().isoformat()
    except ValueError:
        raise InputError(path, f"event_date {rec['event_date']!r} is not dd-mm-yy", _fix(path), line=line)
    try:
        fatalities = int(rec["fatalities"] or 0)
        lat = float(rec["latitude"]) if rec["latitude"].strip() else None
        lon = float(rec["longitude"]) if rec["longitude"].strip() else None
    except ValueError as err:
        raise InputError(path, f"a number column does not hold a number ({err})", _fix(path), line=line)
    notes = (rec["notes"] or "").strip()
    doc_id = first_of_note.setdefault(notes, "acled-" + rec["event_id_cnty"].strip())
    iso3 = (rec.get("iso3") or "").strip() or country_code(rec["country"].strip())
    return AcledRow(line=line, event_id=rec["event_id_cnty"].strip(), date=day,
                    sub_event_type=rec["sub_event_type"].strip(), types=scored_types(rec["sub_event_type"]),
                    actor1=rec["actor1"].strip(), actor2=rec["actor2"].strip(), iso3=iso3, lat=lat, lon=lon,
                    notes=notes, fatalities=fatalities, doc_id=doc_id)


def select_rows(rows: list[AcledRow], limit: int | None = None, sample: int | None = None,
                seed: int = 0) -> list[AcledRow]:
    """The scored rows to evaluate: the first ``limit``, or a seeded random ``sample`` of them."""
    scored = [r for r in rows if r.types and r.notes]
    if sample is not None and sample < len(scored):
        scored = sorted(random.Random(seed).sample(scored, sample), key=lambda r: r.line)
    if limit is not None:
        scored = scored[:limit]
    return scored


def documents_for(rows: list[AcledRow]) -> list[Document]:
    """One Document per distinct note of ``rows`` (first row's date as its publication date)."""
    docs: dict[str, Document] = {}
    for r in rows:
        if r.doc_id not in docs:
            docs[r.doc_id] = Document(doc_id=r.doc_id, text=_SIZE_NOTE.sub("", r.notes).strip(),
                                      published=r.date, source="ACLED")
    return list(docs.values())


def _distance(row: AcledRow, ev: Event) -> float | None:
    loc = ev.location
    if row.lat is None or row.lon is None or loc is None or loc.lat is None or loc.lon is None:
        return None
    return haversine_km(row.lat, row.lon, loc.lat, loc.lon)


def score_row(row: AcledRow, events: list[Event]) -> RowScore:
    """The measures of one row against the events extracted from its note."""
    fams = families(row.types)
    in_family = [e for e in events if family(e.type) in fams]
    gold_actors = [a for a in (map_actor(row.actor1), map_actor(row.actor2)) if a is not None]
    actors_found = sum(any(a.matches(e.actor1) or a.matches(e.actor2) for e in in_family) for a in gold_actors)

    def rank(ev: Event) -> tuple[bool, bool, float]:
        d = _distance(row, ev)
        return family(ev.type) in fams, ev.type in row.types, -d if d is not None else float("-inf")

    best = max(events, key=rank) if events else None
    written = fatalities_written(row.notes)
    said = stated_date(row.notes, int(row.date[:4]))
    km = _distance(row, best) if best is not None else None
    values: dict[str, bool | None] = {
        "family": bool(in_family),
        "type": any(e.type in row.types for e in events),
        "country": best is not None and best.place_country == row.iso3,
        "location": None if row.lat is None or row.lon is None else km is not None and km <= LOCATION_KM,
        "fatalities": None if written is None or written != row.fatalities else
        best is not None and float((best.quantities or {}).get("fatalities", 0)) == row.fatalities,
        "date": None if said != row.date else best is not None and best.date == row.date,
    }
    return RowScore(row=row, values=values, actors=(actors_found, len(gold_actors)), events=events)


def score_acled(rows: list[AcledRow], events_by_doc: dict[str, list[Event]], source: str = "",
                seconds: float = 0.0) -> AcledReport:
    """Score each scored row against the events of its document (missing document = no events)."""
    report = AcledReport(source=source, seconds=round(seconds, 2))
    report.documents = len({r.doc_id for r in rows})
    report.events = sum(len(events_by_doc.get(d, [])) for d in {r.doc_id for r in rows})
    for row in rows:
        if row.types:
            report.add(score_row(row, events_by_doc.get(row.doc_id, [])))
    return report


def evaluate_acled(path: str | Path, limit: int | None = None, sample: int | None = None, seed: int = 0,
                   processes: int | None = None, extract: Extractor | None = None,
                   show_progress: bool = False) -> AcledReport:
    """Read the CSV, extract events from its notes (nothing stored) and score them; ``show_progress``
    draws a progress bar on standard error."""
    rows = select_rows(read_rows(path), limit=limit, sample=sample, seed=seed)
    docs = documents_for(rows)
    if extract is None:
        from terrain.pipeline import extract_documents

        def extract(documents: list[Document]) -> Iterable[tuple[Document, list[Event]]]:
            return extract_documents(documents, processes=processes)

    start = time.perf_counter()
    events_by_doc: dict[str, list[Event]] = defaultdict(list)
    results = extract(docs)
    if show_progress:
        from tqdm import tqdm

        results = tqdm(results, total=len(docs), unit="doc", desc="eval-acled", file=sys.stderr)
    for doc, events in results:
        events_by_doc[doc.doc_id].extend(events)
    return score_acled(rows, events_by_doc, source=str(path), seconds=time.perf_counter() - start)

