#!/usr/bin/env python3
"""Where the misses and false events of a gold file fall (terrain.evaluate.audit): counts by category, and the
facts or events of the categories asked for. Ingest the gold documents into the database first.

    .venv/bin/python scripts/audit.py eval/heldout/gold.jsonl --db sqlite:////tmp/heldout.db
    .venv/bin/python scripts/audit.py src/terrain/demo/gold.jsonl --db sqlite:///demo.db \
        --show "no event in its sentence"
"""
from __future__ import annotations

import argparse

from terrain.evaluate.audit import audit
from terrain.evaluate.gold import load_gold
from terrain.store import EventFilter, Store


def _actor(a) -> str:
    return a.name if a is not None else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--db", required=True, help="the database the gold documents were ingested into")
    ap.add_argument("--show", action="append", default=[], help="list the facts or events of this category")
    args = ap.parse_args()
    gold = load_gold(args.gold)
    with Store(args.db) as store:
        events = [e for doc_id in gold for e in store.events(EventFilter(doc_id=doc_id))]
    result = audit(gold, events)
    print(f"required facts missed: {sum(result.misses.values())}")
    for category, n in result.misses.most_common():
        print(f"  {n:5d}  {category}")
    print(f"events matching no fact: {sum(result.false_events.values())}")
    for category, n in result.false_events.most_common():
        print(f"  {n:5d}  {category}")
    for category in args.show:
        print(f"\n{category}:")
        for fact, near in result.missed.get(category, []):
            got = f" | got {_actor(near.actor1)} -> {_actor(near.actor2)} {near.place_country}" if near else ""
            print(f"  {fact.doc_id}: {fact.type} {_actor(fact.actor1)} -> {_actor(fact.actor2)} {fact.country}{got}"
                  f"\n      {fact.evidence[:160]}")
        for e in result.false.get(category, []):
            print(f"  {e.doc_id}: {e.type} {_actor(e.actor1)} -> {_actor(e.actor2)} {e.place_country}"
                  f"\n      {e.evidence.text[:160]}")


if __name__ == "__main__":
    main()
