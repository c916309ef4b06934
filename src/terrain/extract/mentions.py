"""Actor mentions in a parsed document: registry names (PhraseMatcher) and generic noun phrases.

A mention is attached to its tokens, so argument roles found on the dependency tree map back to an
actor with ``actor_at(token)``. Demonyms and capitals are metonymy: "Rwandan troops" are Rwanda's
forces, "Kigali denies" is Rwanda, "the Congolese government" is DR Congo.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from terrain.extract.lexicon import lexicon
from terrain.extract.newcomers import defined_mentions
from terrain.extract.persons import body_of, faction_of, person_mentions, surnames
from terrain.extract.place_spans import dateline_tokens
from terrain.records import GENERIC_ACTOR_NAMES, Actor
from terrain.resolve.actors import registry

FORCE_HEADS = frozenset(lexicon().words["generic"]["military"]["heads"]) | frozenset(
    lexicon().words["generic"]["police"]["heads"])
INSTITUTIONS = frozenset(lexicon().words["institutions"])
GENERIC_HEADS = frozenset(h for cls in lexicon().words["generic"].values() for h in cls["heads"]) | {"member"}


@dataclass
class Mention:
    span: Span
    actor: Actor
    via: str  # name, alias, demonym, capital, force, generic, anaphora

    @property
    def is_place_like(self) -> bool:
        return self.via in ("name", "alias", "capital") and self.actor.kind == "state"


@lru_cache(maxsize=1)
def _phrases() -> tuple[dict[str, object], list]:
    """Registry surface forms tokenised by the model's own tokenizer, keyed by their lower tokens."""
    from terrain.nlp import load_model

    tokenizer = load_model().tokenizer
    table, docs = {}, []
    reg = registry()
    canonical = [(a.name, m) for a in reg.actors() if (m := reg.lookup(a.name)) is not None]
    for surface, match in reg.phrases() + canonical:
        pattern = tokenizer(surface)
        key = _span_key(pattern)
        if key and key not in table:
            table[key] = match
            docs.append(pattern)
    return table, docs


def _matcher(vocab) -> PhraseMatcher:
    cached = getattr(_matcher, "_cache", None)
    if cached is not None and cached[0] is vocab:
        return cached[1]
    m = PhraseMatcher(vocab, attr="LOWER")
    m.add("ACTOR", _phrases()[1])
    _matcher._cache = (vocab, m)
    return m


def _span_key(span) -> str:
    return " ".join(t.lower_ for t in span)


def registry_mentions(doc: Doc) -> list[Mention]:
    """Registry matches, longest first; tokenisation differences are bridged by re-tokenising keys."""
    table, _ = _phrases()
    spans = [Span(doc, s, e) for _, s, e in _matcher(doc.vocab)(doc)]
    out, options = [], []
    orgs = [e for e in doc.ents if e.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT")]
    for span in filter_spans(spans):
        if _inside_name(span, orgs):
            continue  # "SOAS University of London" is not the United Kingdom
        match = table.get(_span_key(span))
        if match is None or match.exact_case:  # acronyms match case-sensitively ("US", not "us")
            match = registry().lookup(span.text)
        if match is None:
            continue
        if match.via == "capital" and span.start > 0 and (doc[span.start - 1].pos_ == "PROPN"
                                                         or doc[span.start - 1].lower_ in CONNECTORS):
            continue  # "Mocímboa da Praia" is not Cabo Verde's capital
        if match.via == "capital" and span.root.dep_ == "compound" and span.root.head.lemma_.lower() in NAMED_AFTER:
            continue  # "the Luanda roadmap", "the Nairobi process": named after the city, not Angola's act
        if match.via in ("name", "alias") and _longer_name(span):
            continue  # "the Sahrawi People's Liberation Army" is not China's People's Liberation Army
        if match.via == "demonym" and span.root.head.lemma_.lower() in LANGUAGE_NOUNS:
            continue  # "known by its French initials", "the Arabic name": a language, not the state
        out.append(Mention(span=span, actor=body_of(match.actor), via=match.via))
        options.append((match.actor, *match.alternatives))
    return _disambiguate(out, options)


def _longer_name(span: Span) -> bool:
    """The match continues a name the NER reads as one, after a capitalised word the registry does not know."""
    if span.start == 0 or span[0].ent_iob_ != "I" or span[0].ent_type_ != "ORG":  # not "Abdel Fattah al-Sisi"
        return False
    prev = span.doc[span.start - 1]
    return prev.is_title and prev.pos_ == "PROPN" and registry().lookup(prev.text) is None


def _disambiguate(mentions: list[Mention], options: list[tuple[Actor, ...]]) -> list[Mention]:
    """An ambiguous name takes the reading of the country the report is about: "al-Shabaab" in a report on
    Cabo Delgado is Islamic State Mozambique (actors.yaml `ambiguous`), the first reading on a tie."""
    votes = Counter(m.actor.country for m in mentions if m.actor.kind in ("state", "state_forces") and m.actor.country)
    for m, readings in zip(mentions, options):
        if len(readings) > 1:
            m.actor = max(readings, key=lambda a: votes[a.country] if a.country else 0)
    return mentions


NAMED_AFTER = frozenset({"roadmap", "process", "agreement", "accord", "accords", "declaration", "framework", "talks",
                         "deal", "plan", "communique", "communiqué", "summit", "conference", "peace", "initiative"})
LANGUAGE_NOUNS = frozenset({"initial", "initials", "acronym", "abbreviation", "name", "word", "term", "language",
                            "translation", "spelling"})
CONNECTORS = frozenset({"da", "de", "do", "du", "des", "dos", "el", "al", "la", "le", "di", "del"})


def _inside_name(span: Span, orgs: list[Span]) -> bool:
    for e in orgs:
        if e.start <= span.start and span.end <= e.end and len(e) > len(span) + 1:
            head = e.root
            # "Fighters of Islamic State Mozambique" tagged as one ORG: a generic head names no organisation;
            # "the US Treasury": a state's institution is the state's
            return head.i not in range(span.start, span.end) and head.lemma_.lower() not in GENERIC_HEADS \
                and head.lower_ not in INSTITUTIONS
    return False


class MentionIndex:
    """Token index -> mention, plus generic mentions created on demand."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.by_token: dict[int, Mention] = {}
        datelines = dateline_tokens(doc)
        self.mentions = [m for m in registry_mentions(doc) if m.span.start not in datelines]
        defined = [Mention(span, actor, "name") for span, actor in
                   defined_mentions(doc, {t.i for m in self.mentions for t in m.span})]
        redefined = {t.i for m in defined for t in m.span}
        self.mentions = [m for m in self.mentions if m.span.start not in redefined] + defined
        self.mentions += [Mention(span, actor, "person") for span, actor in person_mentions(doc, self.mentions)]
        self.mentions.sort(key=lambda m: m.span.start)
        surnames(self.mentions)
        for m in self.mentions:
            for t in m.span:
                self.by_token[t.i] = m

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def inside(self, token: Token) -> list[Mention]:
        """Registry mentions within the token's subtree, nearest to it first."""
        seen, found = set(), []
        for t in token.subtree:
            m = self.by_token.get(t.i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                found.append(m)
        found.sort(key=lambda m: abs(m.span.root.i - token.i))
        return found

    def nearest(self, token: Token, sent: Span, ok) -> Actor | None:
        """The registry actor named nearest to ``token`` in the sentence that satisfies ``ok``."""
        cands = [m for m in self.mentions if sent.start <= m.span.start < sent.end and ok(m.actor)]
        cands.sort(key=lambda m: abs(m.span.root.i - token.i))
        return cands[0].actor if cands else None

    def group_named_before(self, token: Token) -> Actor | None:
        """The armed group the report named by name last before ``token``, in any paragraph: who an
        attack, a threat or a retaken town refers to when the sentence names no one."""
        # (or its commander: "Machar ... leads a coalition" names his SPLA-IO)
        m = self.before(token, {"armed_group", "person"}, same_paragraph=False, named_only=True,
                        ok=lambda a: faction_of(a).kind == "armed_group")
        return faction_of(m.actor) if m is not None else None

    def before(self, token: Token, kinds: set[str], same_paragraph: bool = True,
               named_only: bool = False, ok: Callable[[Actor], bool] | None = None) -> Mention | None:
        """The latest mention of one of ``kinds`` before ``token`` (anaphora). An object pronoun never
        names its own clause's subject ("UN experts accuse it of ...": "it" is not the UN), nor a noun its own
        modifier."""
        limit = paragraph_start(token) if same_paragraph else 0
        own_subject: set[int] = set()
        if token.dep_ in ("dobj", "pobj", "dative"):
            verb = token.head.head if token.dep_ == "pobj" else token.head
            own_subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        own_subject |= {t.i for t in token.subtree}  # "the former French colony" is not France
        best = None
        for m in self.mentions:
            if limit <= m.span.start < token.i and m.actor.kind in kinds and m.span.root.i not in own_subject \
                    and not (named_only and m.actor.name in GENERIC_ACTOR_NAMES) and not _aside(m.span, token) \
                    and (ok is None or ok(m.actor)):
                best = m
        return best


def _aside(span: Span, anaphor: Token) -> bool:
    """ "the al-Qaeda affiliate active in neighbouring Burkina Faso": a state named as a neighbour is not the
    one "the government" refers back to; nor is a capital named as a place ("a school in Bamako's Faladié
    district ... they set an aircraft on fire": they are the attackers, not Mali)."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in ("neighbouring", "neighboring"):
        return True
    root = span.root
    if anaphor.pos_ != "PRON":
        return False  # "the French base in Niamey ... the junta": a noun may well mean the capital's state
    if root.dep_ == "poss":
        root = root.head
    return root.ent_type_ in ("GPE", "LOC", "FAC", "") and root.dep_ == "pobj" \
        and root.head.lower_ in LOCATIVE and _capital(span)


LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "inside", "across"})


def _capital(span: Span) -> bool:
    match = registry().lookup(span.text)
    return match is not None and match.via == "capital"


def paragraph_start(token: Token) -> int:
    doc = token.doc
    i = token.sent.start
    while i > 0:
        prev = doc[i - 1]
        if "\n\n" in prev.whitespace_ or (prev.is_space and prev.text.count("\n") >= 1):
            break
        i -= 1
    return i
