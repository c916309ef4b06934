"""Which spans of a sentence may name a place, and the names to look up for them (no gazetteer here).

Candidates are place entities (GPE, LOC, FAC), and names the NER missed or mislabelled (a PERSON/ORG
"Garissa" is a place "in Garissa", in "Garissa town", in "(Dadaab, Garissa)"); a name's variants ("Garissa
town" -> Garissa; "Mai Mahiu-Narok road" -> both towns); "Place, District, Region" chains; locative phrases
("in Mozambique", "the capital of the CAR", "raided Oicha")."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from terrain.extract.lexicon import wordset

PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART")
# "of" only after a place noun or its people ("the outskirts of Goma", "residents of Isibania"), not
# "the governor of Kilifi" (see ``locative``)
LOC_PREPS = ("in", "at", "near", "outside", "around", "into", "across", "inside", "from", "on", "to", "between",
             "along", "towards", "toward", "through", "throughout", "within")
DIRECTIONS = ("eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
              "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
              "south-eastern", "south-western")
SHORT_REPORT = 1200  # characters: an incident report, where a place named anywhere is the incident's
# Words after a name that make it a place ("Nkiruni village", "Msambweni Sub-County", "Kibera slum").
TYPE_WORDS = (r"sub-?\s?county|sub-?\s?location|area|village|town|township|location|estate|ward|constituency|"
               r"division|district|county|province|region|market|trading cent(?:re|er)|cent(?:re|er)|settlement|"
               r"camp|refugee camp|slum|suburb|island|border town|municipality|beach|national park|national reserve|"
               r"game reserve|conservancy|forest|ranch|plantation|airport|airfield|airstrip|air base|airbase|"
               r"military base|base|barracks|port|harbour|bridge")
_ROAD_AFTER = r"^(?:\s*-\s*[A-Z][\w']*(?:\s[A-Z][\w']*)?)?\s+(?:road|highway)\b"  # "the Kericho-Nakuru highway"
_TYPED = re.compile(rf"^\s*(?:{TYPE_WORDS})s?\b|{_ROAD_AFTER}", re.I)  # "Nkiruni village"; a road: both towns
_ROAD = re.compile(_ROAD_AFTER, re.I)
_IN = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")
_STRIP = re.compile(rf"(?:\s+(?:{TYPE_WORDS}|refugee|road|highway|junction))+$", re.I)  # "Kakuma Refugee camp"
_FEATURE = re.compile(r"^(?:lake|mount|mt\.?)\s+", re.I)  # "Lake Naivasha": the town of that name
# ACLED-style coding remarks: "(coordinates for Nyeri town used)", "(coded as Kathwana)".
_CODED = re.compile(r"\b(?:coordinates?|coded|geo-?coded)\b[^()]*$", re.I)
_LINK = re.compile(rf"(?:\s+(?:{TYPE_WORDS})(?:\s*[,(]\s*|\s+(?:of|in)\s+)|\s*[,(]\s*)", re.I)
# Heads that make the name before them a place: "Kapedo residents", "Sosio villagers".
RESIDENTS = frozenset({"resident", "villager", "local", "inhabitant", "trader", "youth", "farmer", "herder"})


def doc_text(doc: Doc) -> str:
    """``Doc.text`` joins every token on each access: read it once per document."""
    text = doc.user_data.get("terrain.text")
    if text is None:
        text = doc.user_data["terrain.text"] = doc.text
    return text


def direction(span: Span) -> str | None:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in DIRECTIONS:
        return doc[span.start - 1].lower_
    return None


def sent_ents(sent: Span) -> list[Span]:
    """The sentence's named entities, from a per-document index: spaCy's ``Span.ents`` walks every entity of
    the document on each call, and the extractor asks per sentence and per trigger (with cProfile on 80 demo
    articles, extraction 9.5 s -> 8.4 s with this index and the verifier's compiled patterns; bench/README.md)."""
    index = sent.doc.user_data.get("terrain.sent_ents")
    if index is None:
        starts = [s.start for s in sent.doc.sents]
        index = {s: [] for s in starts}
        for e in sent.doc.ents:
            index[starts[bisect_right(starts, e.start) - 1]].append(e)
        sent.doc.user_data["terrain.sent_ents"] = index
    if sent.start not in index:  # a span that is not a sentence of the parse
        return list(sent.ents)
    return [e for e in index[sent.start] if e.end <= sent.end]


def candidates(sent: Span) -> list[Span]:
    ents = [p for e in sent_ents(sent) if e.label_ in PLACE_LABELS for p in split_entity(e)]
    ents += [d for e in sent_ents(sent) if e.label_ == "DATE" and (d := _name_before_date(e)) is not None]
    return _merge_adjacent(sorted([_with_lead(e) for e in ents] + proper_runs(sent), key=lambda e: e.start))


def _date_word(t) -> bool:
    return t.lower_.rstrip(".") in wordset("date_words") or t.like_num


def _name_before_date(ent: Span) -> Span | None:
    """"Moyale Monday" tagged as one DATE: the name before the date words."""
    end = ent.start
    while end < ent.end and ent.doc[end].is_title and ent.doc[end].pos_ == "PROPN" and not _date_word(ent.doc[end]):
        end += 1
    return Span(ent.doc, ent.start, end, label="") if ent.start < end < ent.end else None


def _merge_adjacent(spans: list[Span]) -> list[Span]:
    """"Ol" (an unlabelled run) + "Kalou" (PERSON): one name "Ol Kalou"."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.end == s.start and not prev.label_ and prev.doc[prev.end - 1].whitespace_:
            out[-1] = Span(s.doc, prev.start, s.end, label=s.label_)
        else:
            out.append(s)
    return out


def _with_lead(ent: Span) -> Span:
    """The NER may leave out a name's first word ("in Ol Kalou" tagged "Kalou"): take it back in."""
    doc, start = ent.doc, ent.start
    while start > ent.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
            and not doc[start - 1].ent_type_ and not _date_word(doc[start - 1]) and doc[start - 1].text[-1] != ".":
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_)


def split_entity(ent: Span) -> list[Span]:
    """The NER sometimes runs a name into its bracketed district ("Banita (Nakuru"): one span per name."""
    out, start = [], ent.start
    for t in list(ent) + [None]:
        if t is None or t.text in ("(", ")", ","):
            end = t.i if t is not None else ent.end
            if end > start:
                out.append(Span(ent.doc, start, end, label=ent.label_))
            start = end + 1
    return out


def proper_runs(sent: Span) -> list[Span]:
    """Runs of proper nouns the NER left unlabelled ("in Garba Tula"): place candidates only in a
    locative phrase."""
    covered = {t.i for e in sent_ents(sent) for t in e}
    runs, start = [], None
    for t in list(sent) + [None]:
        # a name the tagger took for a common noun still modifies one ("Migori residents")
        # ("Lamu residents" tagged ADJ/amod)
        ok = t is not None and (t.pos_ == "PROPN" or t.pos_ in ("NOUN", "ADJ") and t.dep_ in ("compound", "amod")) \
            and t.i not in covered and t.is_title and not _date_word(t)
        if ok and start is None:
            start = t.i
        elif not ok and start is not None:
            runs.append(Span(sent.doc, start, t.i if t is not None else sent.end, label=""))
            start = None
    return runs


def chain(span: Span, by_char: dict[int, Span]) -> list[Span]:
    """The names that follow ``span`` as ", X, Y", " area (X, Y)", " village in X", " area of X",
    "Roberts International Airport in X": its district, region or country (not a bare " in X": "Kapedo in
    Tiaty" is Kapedo, wherever GeoNames puts Tiaty)."""
    text, out, end = doc_text(span.doc), [], span.end_char
    if span.label_ == "NORP":  # "the Kenyan port of Mombasa": Mombasa is no district of a people
        return out
    while True:
        m = _LINK.match(text[end:end + 40])
        if m is None and not out and _STRIP.search(span.text):  # "Roberts International Airport in Liberia"
            m = _IN.match(text[end:end + 40])
        if not m or (end + m.end()) not in by_char:
            return out
        nxt = by_char[end + m.end()]
        out.append(nxt)
        end = nxt.end_char


def typed(span: Span) -> bool:
    """ "Nkiruni village", "Pala Village" (the type word inside the entity or after it)."""
    return bool(_TYPED.match(doc_text(span.doc)[span.end_char:span.end_char + 30])) \
        or _STRIP.sub("", span.text) != span.text


def type_word(word: str) -> bool:
    """ "district", "county", "village": a word that says what kind of place a name is."""
    return bool(re.fullmatch(TYPE_WORDS, word, re.I))


def road(span: Span) -> bool:
    """A town named for the road that leads to it ("along Kismayo Road in Garissa", "the Eldoret-Malaba
    highway"): a place of last resort."""
    after = doc_text(span.doc)[span.end_char:span.end_char + 30]
    return bool(_ROAD.match(after) or re.search(r"\s(?:road|highway)$", span.text, re.I))


def coded(span: Span) -> bool:
    before = doc_text(span.doc)[max(0, span.start_char - 60):span.start_char]
    paren = before.rfind("(")
    return paren >= 0 and ")" not in before[paren:] and bool(_CODED.search(before[paren:]))


def names(span: Span) -> list[str]:
    """The name and its variants: "Garissa town" -> Garissa; "Mai Mahiu-Narok road" -> Mai Mahiu, Narok;
    "Narok South" (a sub-county) -> Narok."""
    text = span.text.strip()
    out = [text]
    bare = _STRIP.sub("", text)
    if bare != text and bare:
        out.append(bare)
    if re.search(r"[-/]", bare):  # a road between two towns, "Nyanza/Migori": each name in turn
        out += [p.strip() for p in re.split(r"\s*[-/]\s*", bare) if len(p.strip()) > 2]
    words = bare.split()
    if len(words) > 1 and words[-1].lower() in DIRECTIONS:
        out.append(" ".join(words[:-1]))
    if _FEATURE.match(bare):
        out.append(_FEATURE.sub("", bare))
    if bare != text and len(words) == 2 and not {w.lower() for w in words} & set(DIRECTIONS):
        # "Witu Lamu County": the town, then its county (not "Tigania East District": "East" is no county)
        out += words
    return list(dict.fromkeys(out))


def is_place_phrase(e: Span) -> bool:
    """A name the NER did not call a place that still is one: "in X", "X village", "X residents"."""
    if locative(e, PLACE_PREPS) or typed(e) or coded(e):
        return True
    root = e.root
    return root.dep_ in ("compound", "amod") and root.head.lemma_.lower() in RESIDENTS


PLACE_PREPS = ("in", "at", "near", "outside", "around", "into", "across", "inside", "from", "of", "between", "to",
               "along", "towards", "through", "throughout", "within")
PLACE_VERBS = frozenset({"attack", "raid", "storm", "capture", "seize", "overrun", "shell", "bomb", "invade", "enter",
                         "retake", "recapture", "besiege", "encircle", "reach", "leave", "visit", "take", "hold",
                         "control", "occupy", "liberate"})
COUNTRY_PREPS = ("in", "at", "near", "across", "inside", "into", "throughout", "within", "outside")
PLACE_NOUNS = ("capital", "town", "city", "province", "region", "north", "south", "east", "west", "border",
               "part", "parts", "area", "village", "district", "county", "state", "outskirts", "suburb", "centre")


def locative(span: Span, preps: tuple[str, ...] = ()) -> bool:
    """A country named as a place ("in Mozambique", "the capital of the CAR"), not as an actor
    ("Rwanda denied", "talks with Benin")."""
    root = span.root
    # "the capital of the Central African Republic (CAR)" parses CAR as the head; "in Nairobi's Freedom Park"
    for _ in range(3):
        if root.dep_ in ("conj", "appos", "det", "compound", "nmod", "amod", "poss") and root.head.i != root.i:
            root = root.head
    if root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_VERBS:
        return True  # "ADF fighters raided Oicha"
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in (preps or COUNTRY_PREPS):
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS + tuple(RESIDENTS)


def origin(span: Span) -> bool:
    """Where an actor comes from, not where it acts: "raiders from Samburu", "farmers from Ol Kalou stormed
    ... in Nairobi", "invaders suspected to be from Baringo County"."""
    root = span.root
    while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
        root = root.head
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "from" and (prep.head.pos_ in ("NOUN", "PROPN")
                                                              or prep.head.lemma_ == "be")


DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of news-agency datelines ("NIAMEY, March 23 (2021) -", "BUNIA, DR Congo, July 28 -"): where and when
    the report was filed, not who acted (-5 false events on the demo corpus, where "NIAMEY" was the killer) nor
    the events' date (extract/when.py). Cached on the document: mentions and dates both ask."""
    key = "terrain.datelines"
    if key in doc.user_data:
        return doc.user_data[key]
    out: set[int] = set()
    for t in doc:
        if t.i and "\n" not in doc[t.i - 1].text + doc[t.i - 1].whitespace_ or not t.is_upper or len(t) < 3:
            continue
        end = t.i
        while end < len(doc) and (doc[end].is_upper or doc[end].text == "/"):  # "ADDIS ABABA", "NIAMEY/ABUJA"
            end += 1
        dash = next((x.i for x in doc[end:t.i + 16] if x.text in DASHES), None)
        if dash is not None and end < len(doc) and doc[end].text == "," and any(x.like_num for x in doc[end:dash]):
            out.update(range(t.i, dash))
    doc.user_data[key] = out
    return out
