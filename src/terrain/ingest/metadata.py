"""Document metadata: ``documents.jsonl`` beside the files, publication dates, titles."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from terrain.errors import InputError
from terrain.ingest.files import META_NAME, decode, read_bytes


_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_YEAR = re.compile(r"\b(1[89]|20)\d{2}\b")
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fév|avr|mai|juin|juil|"
                    r"août|sept|déc|fev|abr|ago|set|out|dez)[a-zéû]*\.?(?=\s|\d|,|$)", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
DATELINE_MAX_LEN = 40
DATELINE_SEARCH = 4  # a publication date line sits under the title, within the first few paragraphs
TITLE_MAX_LEN = 150
# Languages of the region's press; fixing them keeps dateparser from guessing among 200.
LANGUAGES = ["en", "fr", "pt"]


def normalise_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` date, or None when absent or not a full date (day, month and year)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    # Relative words ("yesterday", "3 hours ago") would depend on the day of the ingest: refuse.
    if not _YEAR.search(text) or len(text) > 80:
        return None
    import dateparser  # slow to import: only when a free-form date is met

    parsed = dateparser.parse(text, languages=LANGUAGES, settings={
        "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"})
    return parsed.date().isoformat() if parsed else None


def find_dateline(paragraphs: list[str]) -> str | None:
    """The publication date when a short paragraph near the top is just a date ("6 February 2026")."""
    for p in paragraphs[:DATELINE_SEARCH]:
        if len(p) > DATELINE_MAX_LEN or not _YEAR.search(p):
            continue
        stripped = re.sub(r"^(published|updated|posted|publié le|le)\s*:?\s*", "", p.strip(), flags=re.I)
        if _MONTH.search(stripped) or _NUMERIC_DATE.match(stripped):
            date = normalise_date(stripped)
            if date:
                return date
    return None


def first_line_title(text: str) -> str | None:
    """The first line as a title, when it is short enough to be one."""
    first = text.strip().split("\n", 1)[0].strip()
    if not first:
        return None
    if len(first) <= TITLE_MAX_LEN:
        return first
    return None


@dataclass
class DirectoryMeta:
    """What a directory's ``documents.jsonl`` says about its files (by file name)."""

    by_file: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)


def load_directory_meta(directory: Path) -> DirectoryMeta:
    """Read ``directory/documents.jsonl`` (an empty DirectoryMeta when there is none)."""
    meta = DirectoryMeta()
    path = directory / META_NAME
    if not path.is_file():
        return meta
    where = str(path)
    fix = f'make each line of {META_NAME} one JSON object with "file" (and "doc_id", "title", "published", "source")'
    try:
        text = decode(read_bytes(where), where)
    except InputError as err:
        meta.errors.append(err)
        return meta
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            meta.errors.append(InputError(where, f"malformed JSON ({exc.msg})", fix, lineno))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("file"), str) or not rec["file"].strip():
            meta.errors.append(InputError(where, 'line has no "file" naming the article it describes', fix, lineno))
            continue
        name = Path(rec["file"].strip()).as_posix()
        if name in meta.by_file:
            meta.errors.append(InputError(where, f'"{name}" is described twice; the first line is used',
                                          f"keep one line per file in {META_NAME}", lineno))
            continue
        meta.by_file[name] = rec
    return meta


class MetaIndex:
    """``documents.jsonl`` files, each read once; errors in them are reported once."""

    def __init__(self) -> None:
        self._dirs: dict[Path, DirectoryMeta] = {}

    def lookup(self, file_path: str) -> tuple[dict[str, Any], list[InputError]]:
        """Metadata for ``file_path`` and the errors of its directory's documents.jsonl not yet reported."""
        p = Path(file_path)
        directory = p.parent.resolve()
        new_errors: list[InputError] = []
        if directory not in self._dirs:
            self._dirs[directory] = load_directory_meta(p.parent)
            new_errors = self._dirs[directory].errors
        return dict(self._dirs[directory].by_file.get(p.name, {})), new_errors


def parse_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split a Markdown file's YAML front matter (between "---" lines) from its body."""
    m = re.match(r"^---[ \t]*\n(.*?\n)---[ \t]*\n", text, re.S)
    if not m:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text  # not front matter after all: keep the text as it is
    return (data if isinstance(data, dict) else {}), text[m.end():]
