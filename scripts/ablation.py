#!/usr/bin/env python3
"""The ablation table of docs/extraction.md: each extraction component switched off in turn
(TERRAIN_ABLATE), scored on the seed articles (`terrain eval`), the demo corpus, the held-out articles
(eval/heldout) and a fixed sample of the ACLED Kenya reports (`terrain eval-acled`).

    .venv/bin/python scripts/ablation.py [--acled-sample 400] [--components context,anaphora]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TERRAIN = str(Path(sys.executable).with_name("terrain"))


def _run(args: list[str], ablate: str) -> str:
    env = dict(os.environ, TERRAIN_ABLATE=ablate)
    return subprocess.run([TERRAIN, *args], env=env, check=True, capture_output=True, text=True).stdout


def gold_scores(corpus: Path, gold: Path, ablate: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/a.db"
        _run(["ingest", str(corpus), "--db", db], ablate)
        return json.loads(_run(["eval", str(gold), "--db", db, "--json"], ablate))


def acled_scores(sample: int, ablate: str) -> dict:
    csv = SHARED / "corpus" / "acled-kenya" / "acled_kenya_2004-2019.csv"
    return json.loads(_run(["eval-acled", str(csv), "--sample", str(sample), "--seed", "1", "--json"], ablate))


def row(name: str, ablate: str, sample: int) -> str:
    seeds = gold_scores(SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds.jsonl", ablate)
    demo = gold_scores(ROOT / "src/terrain/demo/corpus", ROOT / "src/terrain/demo/gold.jsonl", ablate)
    held = gold_scores(ROOT / "eval/heldout/corpus", ROOT / "eval/heldout/gold.jsonl", ablate)
    acled = acled_scores(sample, ablate)["overall"]
    rate = {k: v["rate"] for k, v in acled.items()}
    return (f"| {name} | {seeds['recall']:.2f} / {seeds['precision']:.2f} | {demo['recall']:.2f} / "
            f"{demo['precision']:.2f} | {held['recall']:.2f} / {held['precision']:.2f} | {rate['family']:.2f} | {rate['type']:.2f} | {rate['actors']:.2f} | "
            f"{rate['country']:.2f} | {rate['location']:.2f} | {rate['fatalities']:.2f} | {rate['date']:.2f} |")


def main() -> None:
    from terrain.extract.ablation import COMPONENTS

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--acled-sample", type=int, default=400)
    ap.add_argument("--components", default=",".join(COMPONENTS))
    args = ap.parse_args()
    print("| configuration | seeds R / P | demo R / P | held-out R / P | ACLED family | type | actors | country "
          "| location 25 km | fatalities | date |")
    print("| --- " * 11 + "|")  # eleven columns
    print(row("all components", "", args.acled_sample), flush=True)
    for comp in args.components.split(","):
        print(row(f"without {comp}", comp, args.acled_sample), flush=True)


if __name__ == "__main__":
    main()
