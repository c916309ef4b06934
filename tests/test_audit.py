"""terrain.evaluate.audit (scripts/audit.py): each miss and each false event lands in the category that says where
it was lost. Small hand-made records; no model needed."""
from __future__ import annotations

from terrain.evaluate.audit import (NO_EVENT, NO_FACT, OTHER_FACTS, OTHER_PARTIES, OTHER_TYPES, TOLD_TWICE,
                                    audit)
from terrain.evaluate.gold import GoldFact
from terrain.records import Actor, Event, Evidence

RWANDA = Actor("Rwanda", "state", "RWA")
DRC = Actor("DR Congo", "state", "COD")
M23 = Actor("M23", "armed_group", "COD")
UGANDA = Actor("Uganda", "state", "UGA")
S1 = "Kinshasa accused Rwanda of backing the M23."
S2 = "Kigali denied the charge."
S3 = "The rains came early."


def _fact(typ, a1, a2, evidence, optional=False):
    return GoldFact(doc_id="d", type=typ, actor1=a1, actor2=a2, evidence=evidence, optional=optional)


def _event(typ, a1, a2, sentence, country=None):
    return Event(doc_id="d", type=typ, actor1=a1, actor2=a2, country=country,
                 evidence=Evidence(text=sentence, start=0, end=len(sentence)))


def test_misses_fall_where_they_were_lost():
    gold = {"d": [_fact("ACCUSE", DRC, RWANDA, S1), _fact("SUPPORT", RWANDA, M23, S1), _fact("DENY", RWANDA, DRC, S2),
                  _fact("AGREE", DRC, UGANDA, S3), _fact("ALIGN", DRC, UGANDA, S3, optional=True)]}
    events = [_event("ACCUSE", DRC, UGANDA, S1), _event("THREATEN", RWANDA, DRC, S2)]
    result = audit(gold, events)
    assert result.misses == {"wrong actor2": 1, OTHER_TYPES: 2, NO_EVENT: 1}  # the optional fact is no miss
    (fact, near), = result.missed["wrong actor2"]
    assert fact.type == "ACCUSE" and near.actor2 == UGANDA


def test_false_events_fall_where_they_came_from():
    gold = {"d": [_fact("ACCUSE", DRC, RWANDA, S1), _fact("DENY", RWANDA, DRC, S2)]}
    events = [_event("ACCUSE", DRC, RWANDA, S1), _event("ACCUSE", DRC, RWANDA, S1),  # told twice
              _event("DENY", UGANDA, DRC, S2),  # other parties
              _event("ATTACK", M23, None, S2),  # beside a fact of another type
              _event("ATTACK", M23, None, S3)]  # no fact there
    result = audit(gold, events)
    assert result.false_events == {TOLD_TWICE: 1, OTHER_PARTIES: 1, OTHER_FACTS: 1, NO_FACT: 1}
    assert result.misses == {"wrong actor1": 1}
