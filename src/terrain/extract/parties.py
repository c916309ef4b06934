"""From argument tokens to actors: the resolved parties of a trigger, pronouns and "the group" included,
whoever is accused of a deed, a state's forces."""
from __future__ import annotations

from spacy.tokens import Token

from terrain.extract.ablation import enabled
from terrain.extract.lexicon import lexicon
from terrain.extract.mentions import MentionIndex, paragraph_start
from terrain.extract.roles import arg_actors, home_state, resolve_token
from terrain.extract.status import speaker_of
from terrain.extract.syntax import find_child
from terrain.extract.trigger_words import ACCUSE_VERBS
from terrain.records import GENERIC_ACTOR_NAMES, Actor
from terrain.resolve.actors import registry

# what each anaphor can refer to (data/extraction.yaml `anaphora`): pronouns by form, nouns by lemma
_ANAPHORA = lexicon().words["anaphora"]
ANAPHORA_KINDS = {word: set(kinds) for key in ("pronouns", "nouns") for word, kinds in _ANAPHORA[key].items()}
PAIRS: dict[str, str] = _ANAPHORA["pairs"]


def accused_of(tok: Token) -> Token | None:
    """'accused Rwanda of backing M23': the doer of 'backing' is the accused."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "of harbouring, feeding and financing X"
        if tok.head.lemma_.lower() in ACCUSE_VERBS \
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.head.children):
            return find_child(tok.head, ("dobj", "nsubjpass"))  # "accusing Kigali of harbouring and arming X"
        tok = tok.head  # the same, parsed as objects of "of" (the first often tagged a noun)
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and not any(c.dep_ in ("compound", "poss") for c in tok.children):
        # "blamed the army for the killing of 30 herders" (not "blamed Rwanda for a Red Tabara attack"),
        verb = tok.head.head  # "held the rebels responsible for the attack": the one blamed did it
        verb = verb.head if verb.lower_ == "responsible" else verb
        return find_child(verb, ("dobj", "nsubjpass")) if verb.lemma_.lower() in ("blame", "hold") else None
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.lower_ != "of":
        return None
    verb = tok.head.head
    if verb.dep_ == "dobj" and verb.head.lemma_.lower() in ACCUSE_VERBS:
        return verb  # "accused the army of the shelling": "of" hung on the one accused
    if verb.dep_ == "pobj" and verb.head.dep_ in ("prep", "agent"):
        # "accused Rwanda since March of backing", "were accused by residents of siding": "of" hangs on "March",
        # on "residents"
        verb = verb.head.head
    if verb.dep_ == "xcomp" and verb.lemma_.lower() not in ACCUSE_VERBS and verb.head.lemma_.lower() in ACCUSE_VERBS:
        # "accuses neighbouring Eritrea of arming": the adjective parsed as a verb that takes the accused
        return find_child(verb, ("dobj",)) or find_child(verb.head, ("dobj", "nsubjpass"))
    return find_child(verb, ("dobj", "nsubjpass")) if verb.lemma_.lower() in ACCUSE_VERBS else None


def rebutter(tok: Token, subject: Token | None, idx: MentionIndex) -> list[Actor]:
    """ "X accused Bamako of hiring Wagner, a charge the junta denies": "the junta", "it", "the government" in a
    rebuttal clause is the one accused in the sentence (not the state named last: Russia)."""
    if subject is None or tok.dep_ != "relcl" or idx.at(subject) is not None:
        return []
    kinds = ANAPHORA_KINDS.get(subject.lower_ if subject.pos_ == "PRON" else subject.lemma_.lower())
    for verb in tok.sent:
        if verb.i < tok.i and verb.pos_ == "VERB" and verb.lemma_.lower() in ACCUSE_VERBS:
            accused = actors_of(find_child(verb, ("dobj", "nsubjpass")), idx)
            if accused and kinds and _fits(accused[0], kinds):
                return accused[:1]
    return []


def _fits(actor: Actor, kinds: set[str]) -> bool:
    """An actor an anaphor of ``kinds`` can name (a state's forces stand for the state)."""
    return actor.kind in kinds or actor.kind == "state_forces" and "state" in kinds


def _named_subject(verb: Token, kinds: set[str], idx: MentionIndex) -> Actor | None:
    """The actor of ``kinds`` that ``verb``'s subject names, where the subject is no pronoun itself."""
    return _named(find_child(verb, ("nsubj",)), kinds, idx)


def _named(subj: Token | None, kinds: set[str], idx: MentionIndex) -> Actor | None:
    """The actor of ``kinds`` that ``subj`` names, where it is no pronoun itself."""
    if subj is None or subj.pos_ == "PRON":
        return None
    return next((a for a in actors_of(subj, idx) if _fits(a, kinds)), None)


def anaphor(tok: Token, idx: MentionIndex) -> Actor | None:
    key = tok.lower_ if tok.pos_ == "PRON" else tok.lemma_.lower()
    kinds = ANAPHORA_KINDS.get(key)
    if key in ("force", "movement") and any(c.dep_ == "amod" and ANAPHORA_KINDS.get(c.lemma_.lower()) == {"armed_group"}
                                            for c in tok.children):
        kinds = {"armed_group"}  # "the paramilitary force", "the rebel movement": the group named before
    if kinds is None or tok.pos_ != "PRON" and not any(c.lower_ in ("the", "this", "that") for c in tok.children):
        poss = find_child(tok, ("poss",))  # "Its government accuses ...": the state "its" refers to
        owner = poss is not None and poss.pos_ == "NOUN" and ANAPHORA_KINDS.get(poss.lemma_.lower()) == {"armed_group"}
        if owner and (kinds is None or "armed_group" in kinds):  # "the militia's fighters": the group's own
            return anaphor(poss, idx)
        if kinds == {"state"} and poss is not None and poss.lower_ in ("his", "her"):
            said = speaker_of(tok)  # "Erdogan said his country had supplied arms": Turkey (a speaker named, not
            # "his government said")
            person = _named(said, {"person"}, idx) if said is not None and said.pos_ == "PROPN" else None
            return registry().state(person.country) if person is not None and person.country else None
        if kinds is None or poss is None or poss.lower_ not in ("its", "their"):
            return None  # "countries facing challenges" refers to no one; "the country" does
        ref = anaphor(poss, idx)
        return ref if ref is not None and ref.kind in kinds else None
    subject = tok.head if tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass") else tok
    if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.dep_ == "ccomp" and subject.head.head.i != subject.head.i:
        # "the junta announced that it was ending ...", "X notified France that they were terminating ...",
        # "the TPLF said its forces would keep fighting": a reported clause's pronoun subject is the reporter
        if (found := _named_subject(subject.head.head, kinds, idx)) is not None:
            return found
    if tok.pos_ == "PRON" and tok.dep_ == "nsubj" and tok.head.dep_ == "relcl" \
            and (found := _named(speaker_of(tok.head), kinds, idx)) is not None:
        return found  # "al-Shabaab said the target had been French troops, whom it accused of ...": the speaker
    if tok.pos_ == "PRON" and tok.dep_ == "nsubj" and tok.head.dep_ == "conj" and tok.head.head.pos_ == "VERB" \
            and (found := _named_subject(tok.head.head, kinds, idx)) is not None:
        return found  # "the MSA said ISGS men had descended on Tamalat, and it accused the jihadists": the MSA
    if tok.pos_ == "PRON" and tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT" and tok.sent.start > 0 \
            and (found := _named_subject(tok.doc[tok.sent.start - 1].sent.root, kinds, idx)) is not None \
            and paragraph_start(tok) < tok.sent.start:
        return found  # "The AU said it would deploy 5,000 troops to Burundi. It also asked the UN ...": the AU
    if key in ("government", "authority") and not any(c.dep_ in ("amod", "compound", "poss") for c in tok.children):
        home = home_state(tok, idx)  # "the government blamed ISWAP for the attack on a church in Owo": Nigeria's
        if home is not None:
            return home
    if key in NAMED_REFERENTS:  # "Obama condemned the group": the group named, not the "gunmen" told of since
        m = idx.before(tok, kinds, named_only=True) or idx.before(tok, kinds, same_paragraph=False, named_only=True)
        if m is not None:
            return m.actor
    m = idx.before(tok, kinds) or idx.before(tok, kinds, same_paragraph=False)
    return m.actor if m else None


NAMED_REFERENTS = frozenset({"group", "organisation", "organization", "movement", "sect"})


def governing_subject(tok: Token) -> Token | None:
    """'The Rwandan incursion resulted in a reestablishment of control': a nominal event in a verb's
    prepositional phrase takes that verb's subject as its doer."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        head = tok.head.head
        if head.dep_ == "attr" and head.lower_ == "one":  # "Burundi is one of the main troop contributors"
            head = head.head
        return find_child(head, ("nsubj",))
    if tok.dep_ == "attr":  # "Burundi is a major troop contributor to the force"
        return find_child(tok.head, ("nsubj",))
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ORDERING:  # "Zuma authorised the deployment of 400
        return find_child(tok.head, ("nsubj",))  # soldiers": who ordered it sends them
    return None


ORDERING = frozenset({"authorise", "authorize", "approve", "order", "announce", "decide", "launch"})


def possessive(tok: Token | None) -> bool:
    return tok is not None and any(c.dep_ == "case" for c in tok.children)


def actors_of(tok: Token | None, idx: MentionIndex, expand: bool = True) -> list[Actor]:
    if tok is None:
        return []
    of = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
               if p.dep_ == "pobj"), None)  # "officers of the two armies"
    pair = (_pair(tok, idx) or (_pair(of, idx) if of is not None else [])) if enabled("anaphora") else []
    if pair:
        return pair
    arg = arg_actors(tok, idx, expand=expand)
    if arg is not None:
        actors = [_owned(tok, a, idx) for a in arg.actors]
        if expand and tok.conjuncts and enabled("anaphora") and resolve_token(tok, idx)[0] is None \
                and (ref := anaphor(tok, idx)) is not None and ref not in actors:
            actors.insert(0, ref)  # "during which he and Vladimir Putin signed": "he" is a party too
        return actors
    ref = anaphor(tok, idx) if enabled("anaphora") else None
    return [ref] if ref else []


def _pair(tok: Token, idx: MentionIndex) -> list[Actor]:
    """"the two governments settled on a timetable", "both armies", "officers of the two armies": the last
    two states named before, as states or as their forces."""
    owner = find_child(tok, ("poss",))  # "the two governments' defence ministers signed"
    if owner is not None and owner.tag_ == "NNS":
        tok = owner
    kind = PAIRS.get(tok.lemma_.lower())
    if kind is None or tok.tag_ != "NNS" or not any(c.lower_ in ("two", "both") for c in tok.children):
        return []
    countries = _coordinated_pair(tok, idx)  # latest first
    if not countries:
        for m in reversed(idx.mentions):
            c = m.actor.country
            if m.span.start < tok.i and m.actor.kind in ("state", "state_forces", "person") and c and c not in countries:
                countries.append(c)
            if len(countries) == 2:
                break
    if len(countries) < 2:
        return []
    make = registry().state if kind == "state" else registry().forces
    return [make(c) for c in reversed(countries)]


def _coordinated_pair(tok: Token, idx: MentionIndex) -> list[str]:
    """ "Mali and Burkina Faso have sided with Niamey. In a statement, the two governments": the two states
    named together in this sentence or the one before, rather than the last two named (Niamey's Niger)."""
    named_here = {m.actor.country for m in idx.mentions if tok.sent.start <= m.span.start < tok.i
                  and m.actor.kind in ("state", "state_forces", "person")}
    if len(named_here) > 1:
        return []  # "a Russian delegation visited Niamey, and the two sides agreed": the two just named
    start = tok.sent.start if tok.sent.start == 0 else tok.doc[tok.sent.start - 1].sent.start
    for m in reversed(idx.mentions):
        if not start <= m.span.start < tok.i or m.actor.kind not in ("state", "state_forces"):
            continue
        for c in m.span.root.conjuncts:
            other = idx.at(c)
            if other is not None and other.actor.kind in ("state", "state_forces") \
                    and other.actor.country not in (None, m.actor.country):
                latest_first = sorted((m, other), key=lambda x: -x.span.start)
                return [x.actor.country for x in latest_first]
    return []


def _owned(tok: Token, actor: Actor, idx: MentionIndex) -> Actor:
    """ "its forces", "their troops": the forces of the state the pronoun refers to; "its fighters": the
    group's."""
    poss = find_child(tok, ("poss",))
    if poss is None or poss.pos_ != "PRON" or not enabled("anaphora"):
        return actor
    reported = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp"
    generic = actor.kind in ("armed_group", "state_forces") and (actor.name in GENERIC_ACTOR_NAMES or not actor.country)
    if reported and generic and (ref := anaphor(poss, idx)) is not None and ref.kind in ("mission", "company"):
        return ref  # "ECOMOG said its troops had retaken State House", "Wagner said its men ...": the reporter's own
    if actor.kind == "armed_group" and actor.name in GENERIC_ACTOR_NAMES:
        # fighters are a group's, never a state's: the group named last, in the paragraph or before it
        ref = idx.before(poss, {"armed_group"}, named_only=True) \
            or idx.before(poss, {"armed_group"}, same_paragraph=False, named_only=True)
        return ref.actor if ref is not None else actor
    if actor.kind != "state_forces" or actor.country:
        return actor
    ref = anaphor(poss, idx)
    if reported and ref is not None and ref.kind == "armed_group" and ref.name not in GENERIC_ACTOR_NAMES:
        return ref  # "the TPLF said its forces would keep fighting": the reporting group's own
    return registry().forces(ref.country) if ref is not None and ref.kind in ("state", "state_forces") \
        and ref.country else actor


def as_forces(actor: Actor) -> Actor:
    if actor.kind in ("state", "person") and actor.country:
        return registry().forces(actor.country)
    return actor


def same_state(a: Actor, b: Actor) -> bool:
    """A government, its forces and a person acting for it are one side."""
    gov = ("state", "state_forces", "person")
    return a.kind in gov and b.kind in gov and a.country is not None and a.country == b.country


def same_party(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and (a == b or same_state(a, b))


def seized_from(tok: Token, sent, idx: MentionIndex, takers: list[Actor], loc) -> list[Actor]:
    """Whom a town is taken from: a group takes it from the state whose town it is; the state's forces
    retake it from a group, the one the report named before if the sentence names none ("the army said it
    had regained control of the town" after "ISWAP fighters attacked Dikwa"); a named loser before a generic one."""
    rebel = takers[0].kind == "armed_group"

    def loser(generic: bool) -> Actor | None:
        return idx.nearest(tok, sent, lambda a: a not in takers and a.kind in (
            ("state_forces", "state") if rebel else ("armed_group",)) and a.name != "Civilians"
            and (generic or a.name not in GENERIC_ACTOR_NAMES))
    other = loser(False)
    if rebel and loc is not None and loc.country and (other is None or other.country != loc.country):
        other = registry().forces(loc.country)  # the town's state ("the Rwanda-backed M23 seized Rubaya")
    named = idx.group_named_before(tok) if not rebel else None
    other = other or (named if named is not None and named not in takers else loser(True))
    return [as_forces(other)] if other else []
