"""The classifier's labelled sentences: where they live, how they are read and checked.

One JSON object a line: ``{"text": ..., "types": ["DEPLOY"], "status": "planned"}``, or
``{"types": ["NONE"], "status": null}`` for a sentence that reports no event. ``types`` are
ontology event types (``terrain.records.EVENT_TYPES``); ``status`` is the status of the sentence's
most marked event (see docs/classifier.md for the labelling rules).

``dev.jsonl`` is the held-out split: written separately, never generated from the template slots,
never trained on. Every other ``*.jsonl`` in the directory is training data.
"""
from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from terrain.errors import InputError
from terrain.records import EVENT_TYPES, STATUSES

NONE = "NONE"
TYPE_LABELS: tuple[str, ...] = EVENT_TYPES + (NONE,)
STATUS_LABELS: tuple[str, ...] = STATUSES
DEV_FILE = "dev.jsonl"
TEMPLATED_FILE = "templated.jsonl"


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"})


def normalise(text: str) -> str:
    """The form the model sees: NFC, straight quotes. Our training files use straight quotes; news
    pages mostly curly ones, and the tokenizer keeps "\u2019s" and "'s" as different words."""
    return unicodedata.normalize("NFC", text).translate(_QUOTES)


@dataclass(frozen=True)
class Example:
    text: str
    types: tuple[str, ...]
    status: str | None
    source: str  # "file:line", for error messages and per-file counts

    @property
    def is_event(self) -> bool:
        return NONE not in self.types


def training_dir() -> Path:
    """src/terrain/data/training (inside the installed package)."""
    return Path(str(resources.files("terrain") / "data" / "training"))


def parse_line(line: str, where: str, path: str, lineno: int) -> Example:
    """One jsonl line -> Example; a bad line raises InputError naming the file and line."""
    fix = 'write {"text": "...", "types": ["DEPLOY"], "status": "asserted"} (see docs/classifier.md)'
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(path, f"not JSON ({err.msg})", fix, line=lineno) from err
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        raise InputError(path, "needs a non-empty string 'text'", fix, line=lineno)
    types = rec.get("types")
    if not isinstance(types, list) or not types or len(set(types)) != len(types):
        raise InputError(path, "'types' must be a non-empty list without repeats", fix, line=lineno)
    unknown = [t for t in types if t not in TYPE_LABELS]
    if unknown:
        raise InputError(path, f"unknown type(s) {unknown}; allowed: {', '.join(TYPE_LABELS)}", fix, line=lineno)
    status = rec.get("status")
    if NONE in types:
        if len(types) > 1 or status is not None:
            raise InputError(path, "a NONE sentence has no other type and status null", fix, line=lineno)
    elif status not in STATUS_LABELS:
        raise InputError(path, f"status {status!r} is not one of {', '.join(STATUS_LABELS)}", fix, line=lineno)
    return Example(text=rec["text"].strip(), types=tuple(types), status=status, source=where)


def read_file(path: Path) -> list[Example]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                out.append(parse_line(line, f"{path.name}:{lineno}", str(path), lineno))
    return out


def training_files(directory: Path | None = None) -> list[Path]:
    d = directory or training_dir()
    return sorted(p for p in d.glob("*.jsonl") if p.name != DEV_FILE)


def load_training(directory: Path | None = None) -> list[Example]:
    """All training examples, in a fixed order (file name, then line)."""
    return [ex for p in training_files(directory) for ex in read_file(p)]


def load_dev(directory: Path | None = None) -> list[Example]:
    return read_file((directory or training_dir()) / DEV_FILE)


def split_validation(examples: list[Example], fraction: float, seed: int) -> tuple[list[Example], list[Example]]:
    """(train, validation): a seeded random slice that spaCy uses to pick model-best.

    The slice is taken from the training files, so that dev.jsonl stays untouched until the
    final report (choosing the checkpoint on dev would flatter the dev scores).
    """
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    cut = int(len(order) * fraction)
    held = set(order[:cut])
    train = [ex for i, ex in enumerate(examples) if i not in held]
    valid = [ex for i, ex in enumerate(examples) if i in held]
    return train, valid


def label_counts(examples: list[Example]) -> dict[str, int]:
    counts = {label: 0 for label in TYPE_LABELS}
    for ex in examples:
        for t in ex.types:
            counts[t] += 1
    return counts
