"""Generate the templated part of the training data from ``templates.yaml`` (seeded, deterministic).

Each template text is filled ``per_text`` times with slot values drawn by ``random.Random(seed)``;
the same seed and YAML give byte-identical ``templated.jsonl`` on every run (tested). Templates only
add variety of names, places and numbers; the hand-written files carry the variety of phrasing.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import yaml

from terrain.classify.data import NONE, STATUS_LABELS, TEMPLATED_FILE, TYPE_LABELS, read_file, training_dir

TEMPLATES = Path(__file__).with_name("templates.yaml")
SEED = 20240601
PER_TEXT = 6
_SLOT = re.compile(r"\{(\w+?)(\d?)\}")


def _fill(text: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    drawn: dict[str, str] = {}

    def pick(m: re.Match) -> str:
        key = m.group(0)
        if key not in drawn:
            name = m.group(1)
            if name not in slots:
                raise KeyError(f"templates.yaml: unknown slot {{{name}}} in {text!r}")
            used = set(drawn.values())
            choices = [v for v in slots[name] if v not in used] or slots[name]
            drawn[key] = str(rng.choice(choices))
        return drawn[key]

    out = _SLOT.sub(pick, text)
    return out[0].upper() + out[1:]


def generate(seed: int = SEED, per_text: int = PER_TEXT, path: Path = TEMPLATES,
             exclude: set[str] | None = None) -> list[dict]:
    """The templated examples, in a fixed order, without duplicates and without ``exclude`` sentences."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    slots, rng = spec["slots"], random.Random(seed)
    seen: set[str] = set(exclude or ())
    out: list[dict] = []
    for tpl in spec["templates"]:
        types, status = list(tpl["types"]), tpl["status"]
        bad = [t for t in types if t not in TYPE_LABELS] + ([status] if status and status not in STATUS_LABELS else [])
        if bad or (NONE in types) != (status is None):
            raise ValueError(f"templates.yaml: bad labels {types} / {status!r}")
        for text in tpl["texts"]:
            n = per_text if _SLOT.search(text) else 1
            for _ in range(n):
                sentence = _fill(text, slots, rng)
                if sentence not in seen:
                    seen.add(sentence)
                    out.append({"text": sentence, "types": types, "status": status})
    return out


def hand_written(directory: Path | None = None) -> set[str]:
    """Sentences of every other file, dev.jsonl included: a fill that happens to equal one is dropped."""
    d = directory or training_dir()
    return {ex.text for p in sorted(d.glob("*.jsonl")) if p.name != TEMPLATED_FILE for ex in read_file(p)}


def write(out: Path | None = None, seed: int = SEED) -> Path:
    out = out or training_dir() / TEMPLATED_FILE
    lines = [json.dumps(rec, ensure_ascii=False) for rec in generate(seed, exclude=hand_written())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    print(write())
