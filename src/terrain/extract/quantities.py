"""Numbers as ACLED counts them: "killing a police officer and abducting two others" is 1 killed and
2 abducted; "no casualties" is 0; "dozens" is not a number; "$495 million" is money."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from terrain.extract.lexicon import lexicon, verb_of
from terrain.extract.place_spans import sent_ents
from terrain.extract.syntax import prep_object

WORDS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "both": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "m": 1_000_000, "bn": 1_000_000_000,
          "k": 1_000}
VAGUE = {"dozens", "scores", "several", "many", "some", "hundreds", "thousands", "few", "numerous", "multiple"}
KILL = {"kill", "murder", "assassinate", "massacre", "slaughter", "behead", "execute", "lynch", "shoot"}
INJURE = {"injure", "wound", "hurt", "maim"}
ABDUCT = {"abduct", "kidnap", "seize", "take"}
DISPLACE = {"displace", "flee", "uproot"}
INJURED_ADJ = {"injured", "wounded"}  # "three injured" read as an adjective
DIE = {"die", "perish", "succumb"}
COUNTABLE = ("NOUN", "PROPN", "NUM", "PRON")
FOUND = {"find", "recover", "discover", "collect", "dump", "retrieve"}


def parse_number(tokens: list[Token]) -> float | None:
    """The value of a number phrase ("3,000", "two", "495 million", "1.2m"); None if vague."""
    total, current, seen = 0.0, None, False
    for t in tokens:
        w = t.lower_.replace(",", "")
        if w in VAGUE:
            return None
        if re.fullmatch(r"\d+(\.\d+)?", w):
            current = float(w)
            seen = True
        elif w in WORDS and (w not in ("a", "an", "no") or len(tokens) == 1):
            v = WORDS[w]
            if v == 100 and current:
                current *= 100
            else:
                current = (current or 0) + v
            seen = True
        elif w in SCALES and current is not None:
            total += current * SCALES[w]
            current = None
        elif m := re.fullmatch(r"(\d+(?:\.\d+)?)(m|bn|k)", w):
            total += float(m.group(1)) * SCALES[m.group(2)]
            seen = True
    if not seen:
        return None
    return total + (current or 0)


def count_of(noun: Token) -> float | None:
    """How many a noun phrase counts: its number modifier, or 1 for a singular 'a/the X'."""
    nums = [c for c in noun.children if c.dep_ in ("nummod", "quantmod")
            or (c.like_num and c.dep_ not in ("compound", "appos", "conj"))]  # "One dead, two injured"
    if nums and noun.like_num and noun.lower_ not in SCALES and all(c.i < noun.i - 1 for c in nums):
        return parse_number([noun])  # "Two dead, one injured": a list of numbers, not "two one"
    if nums:
        toks = sorted({t for n in nums for t in n.subtree if t.like_num or t.lower_ in SCALES or t.lower_ in WORDS},
                      key=lambda t: t.i)
        return parse_number(toks or nums)
    if noun.like_num or noun.lower_ in WORDS:
        return parse_number([noun])
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return 0
    if noun.tag_ in ("NN", "NNP") and noun.pos_ != "PRON":
        return 1
    return None


def count_conjoined(noun: Token) -> float | None:
    """'a man and his 12-year-old son' counts 2; a vague member makes the whole count unknown."""
    total = 0.0
    for t in [noun, *noun.conjuncts]:
        c = count_of(t)
        if c is None:
            return None
        total += c
    return total


def _to_death(v: Token) -> bool:
    """ "hacked / stabbed / beaten / burnt to death", "shot dead", "gunned down"."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(p.lemma_.lower() == "death" for p in c.children)
               for c in v.children) or any(c.lemma_.lower() == "dead" and c.dep_ in ("oprd", "acomp", "advmod", "xcomp")
                                            for c in v.children) \
        or v.lemma_.lower() == "gun" and any(c.lower_ == "down" for c in v.children)


def _role(lemma: str) -> str | None:
    if lemma in INJURED_ADJ:
        return "injured"
    if lemma in KILL or lemma == "find":  # "was found dead"
        return "fatalities"
    if lemma in INJURE:
        return "injured"
    if lemma in ABDUCT:
        return "abducted"
    if lemma in DISPLACE:
        return "displaced"
    return None


def violence_counts(trigger: Token, victim: Token | None) -> dict[str, float]:
    """Counts around a violence trigger: its victims and the verbs coordinated with it."""
    out: dict[str, float] = {}
    verbs, frontier = [trigger], [trigger]
    for _ in range(2):  # "stormed a village, killing a teacher and abducting four pupils"
        frontier = [c for v in frontier for c in v.children if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB"]
        verbs += frontier
    for v in verbs:
        role = "fatalities" if _to_death(v) else _role(v.lemma_.lower())
        target = victim if v is trigger and victim is not None and victim.pos_ in COUNTABLE else None
        if target is None:
            target = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if role == "fatalities" and v.lemma_ == "shoot" and not _to_death(v):
            role = "injured" if v is not trigger else None
        if v.lemma_ == "leave" and target is not None:  # "leaving one wounded / five dead"
            state = next((c for c in target.children if c.dep_ in ("acl", "amod")), None) or \
                next((c for c in v.children if c.dep_ in ("oprd", "acomp", "xcomp")), None)
            if state is not None:
                role = "fatalities" if state.lemma_ in ("dead", "die", "kill") else _role(state.lemma_)
        if role and target is not None and role not in out:
            n = count_conjoined(target)
            if n is not None:
                out[role] = n
    return out


def sentence_counts(sent: Span) -> dict[str, float]:
    """Counts the sentence states, however phrased: "over 3,000 deaths", "800,000 displaced people",
    "no casualties", "two were killed", "five killed" (a headline's passive), "six people died",
    "nine are dead", "14 dead.", "leaving one dead", "two bodies were found", "hacked to death".
    Distinct victims add up, as ACLED counts them ("two police officers were killed ... three
    attackers died" is 5); vague ones ("dozens") make no count."""
    lex = lexicon()
    out: dict[str, float] = {}
    seen: set[int] = set()

    def add(role: str, victim: Token | None) -> None:
        if victim is None or victim.i in seen:
            return
        n = 0 if _none(victim) else count_conjoined(victim)
        if n is None:
            return
        seen.update(t.i for t in (victim, *victim.conjuncts))
        out[role] = out.get(role, 0) + n

    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in lex.death_nouns and t.pos_ in ("NOUN", "ADJ") and lemma != "dead":
            if lemma == "body" and not (t.head.lemma_.lower() in FOUND or t.dep_ == "ROOT"):
                continue  # "a body of evidence"; "two bodies were found" counts
            n = count_of(t) if any(c.dep_ in ("nummod", "det") for c in t.children) else None
            if n is not None and (n > 1 or lemma == "body" or any(c.lower_ == "no" for c in t.children)) \
                    and t.i not in seen:
                seen.add(t.i)
                out["fatalities"] = out.get("fatalities", 0) + n
        elif t.pos_ in ("VERB", "AUX") or lemma == "dead" or t.pos_ == "ADJ" and lemma in INJURED_ADJ:
            role = "fatalities" if lemma in DIE or lemma == "dead" or _to_death(t) else _role(lemma)
            if lemma == "shoot" and not _to_death(t) or lemma in ABDUCT - {"abduct", "kidnap"} or role is None:
                continue
            add(role, _victim_of(t))
        if t.pos_ == "NOUN" and any(c.lemma_ in ("displace", "displaced") for c in t.children):
            n = count_of(t)
            if n is not None and n > 1:
                out.setdefault("displaced", n)
    return out


def _victim_of(t: Token) -> Token | None:
    """Who a death or injury word is about: the passive subject ("two were killed"), the subject of
    "died", "are dead" or of a headline's object-less "five killed", the object of "killing three
    civilians", the noun "dead" qualifies ("one dead", "left three people dead")."""
    kids = {c.dep_: c for c in t.children}
    if t.lemma_.lower() == "dead":
        own = next((c for c in t.children if c.dep_ in ("nummod", "nsubj")), None)
        if own is not None:
            return own  # "14 dead.", "leaves two dead"
        if t.dep_ in ("acomp", "oprd", "xcomp") and t.head.lemma_.lower() in ("be", "leave", "find", "lie", "remain"):
            # "left three people dead" (the object, not the attack that left them), "was found dead",
            # "nine are dead" (the subject)
            deps = {c.dep_: c for c in t.head.children}
            if t.head.lemma_.lower() == "leave":
                return deps.get("dobj")
            return deps.get("dobj") or deps.get("nsubjpass") or deps.get("nsubj")
        if t.dep_ == "amod" and t.head.dep_ in ("attr", "acomp") and t.head.head.lemma_ == "be" \
                and verb_of(t.head.text):  # "two policemen were Friday shot dead": "shot" tagged as a noun
            return next((c for c in t.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if t.dep_ == "amod" and (t.head.like_num or t.head.pos_ in ("NOUN", "PRON")):
            return t.head  # "one dead", "leaves one dead"
        return None
    if "nsubjpass" in kids:
        return kids["nsubjpass"]
    if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ in COUNTABLE:
        return t.head  # "four people killed in"
    subj = kids.get("nsubj")
    if subj is not None and subj.like_num and t.tag_ in ("VBN", "VBD"):
        return subj  # "4 killed (machetes)": a bare number is never the killer, whatever the parser made the object
    if "dobj" in kids:
        return kids["dobj"] if t.lemma_.lower() not in DIE else None
    if subj is not None and (t.lemma_.lower() in DIE or t.tag_ in ("VBN", "VBD", "JJ") and _victimlike(subj)):
        return subj
    return None


def _victimlike(tok: Token) -> bool:
    """The subject of an object-less "killed" is its victim ("Five killed", "Four police killed"), not
    its agent: a number, or a noun with a number."""
    return tok.like_num or any(c.dep_ == "nummod" for c in tok.children) or _none(tok)


def _none(tok: Token) -> bool:
    """ "no one was killed", "nobody died", "no casualties"."""
    return tok.lower_ in ("nobody", "none") or any(c.lower_ == "no" and c.dep_ == "det" for c in tok.children)


def money_usd(sent: Span, trigger: Token | None = None) -> float | None:
    """US dollars stated in the sentence, the amount in the trigger's own phrase first."""
    inside = {t.i for t in trigger.subtree} if trigger is not None else set()
    for ent in sorted(sent_ents(sent), key=lambda e: 0 if e.root.i in inside else 1):
        if ent.label_ == "MONEY" and ("$" in ent.text or "dollar" in ent.text.lower() or "usd" in ent.text.lower()):
            v = parse_number([t for t in ent if t.text != "$"])
            if v:
                return v
    return None


def troop_count(tokens: list[Token]) -> float | None:
    """The number of troops in the argument phrases of a deployment ("around 350 Rwandans")."""
    for t in tokens:  # "a first contingent of some 350 troops": the number sits on a troop noun inside
        if t.like_num and prep_object(t, ("of",)) is not None:
            v = parse_number([t])  # "withdrawn 600 of the 1,200 soldiers it sent": the part that moved
            if v and v >= 2:
                return v
        for n in [t, *t.conjuncts, *(x for x in t.subtree if x.dep_ == "pobj" and x.head.lower_ == "of")]:
            if n.ent_type_ in ("DATE", "TIME"):
                continue  # "flew out of Niamey on 22 December": a day, not 22 soldiers
            nums = [c for c in n.children if c.dep_ == "nummod" and c.i < n.i]  # not "Air Base 201"
            if nums:
                v = count_of(n)
                if v and v >= 2:
                    return v
    return None
