"""The extraction loop over a document's sentences, with the context that carries between them
(the paragraph's country, the lede's date for short reports), de-duplication and claim links."""
from __future__ import annotations

import re

from spacy.tokens import Span

from terrain.extract.ablation import enabled
from terrain.extract.gate import gate
from terrain.extract.build import Candidate, Context, build
from terrain.extract.claimants import Claim, claimant, claims
from terrain.extract.mentions import MentionIndex
from terrain.extract.roles import GENERIC_NAMES
from terrain.extract.triggers import find_triggers
from terrain.extract.verify import verify
from terrain.extract.violence import fought_back
from terrain.extract.merge import dedupe, fold_casualties, fold_partial, fold_riots
from terrain.extract.feed import FeedCountry
from terrain.extract.place_spans import SHORT_REPORT, doc_text
from terrain.extract.countries import african, doc_country, use_feed
from terrain.extract.where import PRECISION_RANK, PlaceMention, dateline_place, place_mentions
from terrain.nlp import ParsedDocument
from terrain.records import Actor, Event, Evidence
from terrain.resolve.actors import registry

QUOTES = ("\u201c", "\u201d", '"')


def _in_quote(sent: Span) -> bool:
    text = sent.text.strip()
    return text[:1] in QUOTES or sum(text.count(q) for q in QUOTES) % 2 == 1


def _evidence(sent: Span) -> Evidence:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    core = text.strip()
    start = sent.start_char + lead
    return Evidence(text=core, start=start, end=start + len(core))


def extract_events(parsed: ParsedDocument, feed: FeedCountry | None = None) -> list[Event]:
    """The events of one parsed document; ``feed`` carries the country of the run's earlier reports
    (extract/feed.py) to reports that name none."""
    doc, document = parsed.doc, parsed.document
    if feed is not None and enabled("feed"):
        use_feed(doc, feed)
    idx = MentionIndex(doc)
    published = document.published
    short = len(doc_text(doc)) <= SHORT_REPORT  # an incident report: its lede date covers every sentence
    lede_date = None
    para_date = None  # an article's latest date written in the paragraph so far
    undated: dict[int, tuple[str, str] | None] = {}  # event -> the date it takes if it has none (articles)
    speakers: dict[int, Actor] = {}  # event -> who says it happened, where the sentence names them
    ctx = Context()
    filed_from = dateline_place(doc)  # the lede's "flew into exile in Nigeria" is no scene for a report from
    # Monrovia (+2 facts on set 14, +2 on the demo corpus)
    events: list[Event] = []
    said: list[Claim] = []  # who said what about whom, sentence by sentence (for denials: claimants.py)
    sentence_of: dict[int, int] = {}  # event -> its sentence's ordinal
    for ordinal, sent in enumerate(doc.sents):
        if not sent.text.strip() or len(sent) < 3:
            continue
        said.extend(claims(sent, ordinal, idx))
        if sent.start and "\n" in doc[sent.start - 1].whitespace_ + doc[sent.start - 1].text:
            ctx.place, para_date = None, None  # a new paragraph
            info = doc_country(doc)  # returns to the report's country: a prison term served "in the United
            if info.strong and ctx.country not in african():  # States" is no scene for the next paragraph,
                ctx.country = info.hint  # nor a host for its troops
                ctx.states = [[c for c in named if c in african()] for named in ctx.states]
        places = place_mentions(sent, ctx.country if enabled("context") else None)
        in_quote = _in_quote(sent)
        first_in_sentence = len(events)
        for trig in find_triggers(sent):
            for cand in build(trig, sent, idx, places, ctx, published, in_quote):
                events.append(_to_event(cand, document.doc_id, sent, lede_date if short else None))
                # an undated event in an article happened when its paragraph says, else in the report's month
                undated[id(events[-1])] = para_date or _month(published)
                para_date = cand.date or para_date
                if cand.speaker is not None and cand.speaker.kind != "civilians" \
                        and cand.speaker.name not in GENERIC_NAMES:  # "residents said": no one to answer
                    speakers[id(events[-1])] = cand.speaker
                accusation = _implied_accusation(events[-1], cand.speaker, len(events) - 1)
                if accusation is not None:
                    events.append(accusation)
        _link_sentence(events, first_in_sentence)
        sentence_of.update((id(e), ordinal) for e in events[first_in_sentence:])
        filed_here = filed_from is not None and sent.start <= filed_from.span.start < sent.end
        _update_context(ctx, sent, places + [filed_from] if filed_here else places, idx)
        if lede_date is None:
            lede_date = next((e.date and (e.date, e.date_precision) for e in events[first_in_sentence:] if e.date),
                             None)
    if short:
        events = fold_casualties(events, doc_text(doc))
        if enabled("battle"):
            events = fought_back(events, doc_text(doc))
    else:
        events = fold_riots(events)
    if enabled("denials"):
        _answer_denials(events, speakers, said, sentence_of)
    kept = verify(gate(fold_partial(dedupe(events, short))), len(doc_text(doc)))  # (the verifier reads whether a date was written)
    for e in kept if not short and enabled("dates") else ():
        if e.date is None and undated.get(id(e)):
            e.date, e.date_precision = undated[id(e)]
    return kept


def _answer_denials(events: list[Event], speakers: dict[int, Actor], said: list[Claim],
                    sentence_of: dict[int, int]) -> None:
    """A denial answers the latest accusation against the denier in the report ("Kigali rejects the
    accusation" after "Kinshasa accused Rwanda of backing the M23"), else whoever said the denier did a
    thing ("Niamey says Benin hosts French troops ... Benin rejected the claim"), else the latest claim by
    another party ("The army denied this"), else whoever said something about the denier's side in the three
    sentences before (claimants.py)."""
    for i, e in enumerate(events):
        if e.type != "DENY" or e.actor2 is not None or e.actor1 is None:
            continue
        for prior in reversed(events[:i]):
            if prior.type == "ACCUSE" and prior.actor2 is not None and prior.actor1 is not None and (
                    prior.actor2.country == e.actor1.country and prior.actor1.country != e.actor1.country
                    or _same_actor(prior.actor2, e.actor1)):  # "the government accused Bozizé ... Bozizé rejected"
                e.actor2 = prior.actor1
                e.refers_to = e.refers_to if e.refers_to is not None else prior.refers_to
                break
        else:
            told = next((j for j in range(i - 1, -1, -1) if events[j].status in ("alleged", "claimed")
                         and events[j].actor1 is not None and _same_side(events[j].actor1, e.actor1)
                         and (s := speakers.get(id(events[j]))) is not None and not _same_side(s, e.actor1)), None)
            if told is not None:
                e.actor2, e.refers_to = speakers[id(events[told])], told
                continue
            # "Kigali and Kampala have denied the findings": the monitor whose report it was
            monitor = next((j for j in range(i - 1, -1, -1) if events[j].type == "ACCUSE" and events[j].actor1
                            is not None and events[j].actor1.kind in ("igo", "other")), None) \
                if REPORTED.search(e.evidence.text) else None
            claim = next((j for j in range(i - 1, -1, -1) if events[j].status == "claimed"
                          and events[j].actor1 is not None and events[j].actor1.name not in GENERIC_NAMES
                          and not _same_side(events[j].actor1, e.actor1)), None)
            if monitor is not None:
                e.actor2, e.refers_to = events[monitor].actor1, monitor
            elif claim is not None and i - claim <= 2:
                e.actor2, e.refers_to = events[claim].actor1, claim
            else:  # "Amnesty said security forces had arrested 1,000 people ... Yaoundé rejected the findings"
                e.actor2 = claimant(e.actor1, sentence_of.get(id(e), 0), said, _same_side)


REPORTED = re.compile(r"\b(findings|report|reports)\b", re.I)


def _same_actor(a: Actor, b: Actor) -> bool:
    """The same actor, a person named in full once and by surname after ("François Bozizé", "Bozizé")."""
    return a == b or a.kind == b.kind == "person" and a.name.split()[-1] == b.name.split()[-1]


def _same_side(a: Actor, b: Actor) -> bool:
    return a.name == b.name or (a.country is not None and a.country == b.country and a.kind != "armed_group"
                                and b.kind != "armed_group")


INVITED = ("help", "support", "assist", "request", "invit", "agree", "accord")
HOSTILE = ("SUPPORT", "ATTACK", "REMOTE_VIOLENCE", "ABDUCT", "DEPLOY", "BATTLE")


def _implied_accusation(event: Event, speaker: Actor | None, index: int) -> Event | None:
    """A party saying another state did something hostile accuses it: "some were integrated into the
    Congolese army," Kagame said -> Kagame accuses DR Congo (and the backing itself is claimed). A monitor
    (the UN, a rights group) reporting a state's or a company's violence accuses it too."""
    if event.status != "claimed" or event.type not in HOSTILE or speaker is None or event.actor1 is None:
        return None
    if event.type == "DEPLOY" and event.actor2 is not None and event.actor2.country == speaker.country \
            and any(w in event.evidence.text.lower() for w in INVITED):
        return None  # the host announcing its partner's troops to help it: an invitation, not an accusation
    target = event.actor1
    if speaker.kind in ("igo", "other", "mission"):
        # a monitor's finding: "forces linked to Russia executed civilians, Human Rights Watch said"
        if target.kind == "company" or target.kind in ("state", "state_forces") and target.country:
            accused = target if target.kind == "company" else registry().state(target.country)
        else:
            return None
    elif speaker.kind not in ("person", "state", "state_forces") or not speaker.country or not target.country \
            or target.kind not in ("state", "state_forces") or target.country == speaker.country:
        return None
    else:
        accused = registry().state(target.country)
    return Event(doc_id=event.doc_id, type="ACCUSE", actor1=speaker, actor2=accused, country=event.place_country,
                 evidence=event.evidence, date=event.date, date_precision=event.date_precision,
                 status="asserted", attributed_to=event.attributed_to, refers_to=index, trigger="say")


def _update_context(ctx: Context, sent: Span, places: list[PlaceMention], idx: MentionIndex) -> None:
    located = sorted((p for p in places if p.location.country), key=lambda p: PRECISION_RANK[p.location.precision])
    if located:
        ctx.country = located[0].location.country
        if located[0].location.precision != "country":
            ctx.place = located[0].location
    ctx.states.append([m.actor.country for m in idx.mentions if sent.start <= m.span.start < sent.end
                       and m.actor.kind in ("state", "state_forces") and m.actor.country])


def _to_event(c: Candidate, doc_id: str, sent: Span, lede_date) -> Event:
    date = c.date or lede_date
    return Event(
        doc_id=doc_id, type=c.type, actor1=c.actor1, actor2=c.actor2, evidence=_evidence(sent),
        country=c.country, location=c.location, date=date[0] if date else None,
        date_precision=date[1] if date else None, quantities={k: _num(v) for k, v in c.quantities.items()},
        status=c.status, attributed_to=c.attributed_to, trigger=c.trigger.token.lemma_.lower()
        + (":break" if c.trigger.breaking else ""),
    )


def _month(published: str | None) -> tuple[str, str] | None:
    return (published[:7], "month") if published and len(published) >= 7 else None


def _num(v: float) -> float:
    return int(v) if float(v).is_integer() else v


def _link_sentence(events: list[Event], start: int) -> None:
    """Within one sentence: a DENY and an ACCUSE refer to the alleged fact; the denial answers the accuser."""
    here = events[start:]
    facts = [i for i, e in enumerate(here, start) if e.status == "alleged" and e.type not in ("ACCUSE", "DENY")]
    accusers = [e for e in here if e.type == "ACCUSE"]
    for i, e in enumerate(here, start):
        if e.type in ("ACCUSE", "DENY") and facts:
            e.refers_to = facts[0]
        others = [a for a in accusers if a.actor1 != e.actor1]  # "Asmara rejected the letter and accused ..."
        if e.type == "DENY" and e.actor2 is None and others:
            e.actor2 = others[0].actor1
        if e.type == "DENY" and facts:
            fact = events[facts[0]]
            if fact.actor1 is not None and e.actor1 is not None and fact.actor1.country == e.actor1.country:
                fact.status = "alleged"


