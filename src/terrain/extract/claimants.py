"""Who said what about whom, for denials with no accusation to answer: "Amnesty International said in a report
that Cameroonian security forces had arrested more than 1,000 people ... Yaoundé rejected the findings" answers
Amnesty, although an arrest is no event of the ontology and no ACCUSE was extracted. A sentence's claimants are
the subjects of its speech verbs that report a clause, and whoever it is "according to", each with the actors
named in what they said."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Span

from terrain.extract.lexicon import lexicon
from terrain.extract.mentions import MentionIndex
from terrain.extract.parties import actors_of
from terrain.extract.status import according_to
from terrain.records import Actor

# verbs of finding, besides speech ("the State Department determined that the RSF had committed genocide")
FINDING = frozenset({"determine", "find", "conclude"})


@dataclass
class Claim:
    sentence: int  # the sentence's ordinal in the document
    speaker: Actor
    about: list[Actor]


def claims(sent: Span, ordinal: int, idx: MentionIndex) -> list[Claim]:
    out = []
    speaking = set(lexicon().words["speech"]) | FINDING
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in speaking:
            continue
        said = [c for c in verb.children if c.dep_ == "ccomp"]
        if not said:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        speaker = next(iter(actors_of(subj, idx)), None)
        if speaker is not None:
            out.append(Claim(ordinal, speaker, _named(said, idx)))
    source = according_to(sent)
    speaker = next(iter(actors_of(source, idx)), None) if source is not None else None
    if speaker is not None:
        out.append(Claim(ordinal, speaker, [m.actor for m in idx.mentions if sent.start <= m.span.start < sent.end]))
    return out


def claimant(denier: Actor, sentence: int, seen: list[Claim],
             same_side: Callable[[Actor, Actor], bool]) -> Actor | None:
    """The latest party that, in the three sentences before the denial, said something about the denier's side."""
    for c in reversed(seen):
        if sentence - 3 <= c.sentence < sentence and not same_side(c.speaker, denier) \
                and any(same_side(a, denier) for a in c.about):
            return c.speaker
    return None


def _named(said, idx: MentionIndex) -> list[Actor]:
    inside = {t.i for c in said for t in c.subtree}
    return [m.actor for m in idx.mentions if m.span.root.i in inside]
