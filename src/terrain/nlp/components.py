"""Custom spaCy components registered on the loaded pipeline."""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.component("terrain_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence: headlines, captions and datelines are not run into the
    next paragraph's first sentence (the parser alone joined 4 headline/caption pairs on the seeds)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            tok.is_sent_start = False
    return doc


FINITE = ("VBZ", "VBD", "VBP")


@Language.component("terrain_conjuncts")
def finite_conjuncts(doc: Doc) -> Doc:
    """A finite verb is no conjunct of a gerund: in "Kigali denies supporting the group and accuses the army"
    the parser coordinates "accuses" with "supporting", inside what is denied; it coordinates with "denies"
    (6 such parses in 182 articles, each misread the same way)."""
    for tok in doc:
        head = tok.head
        if tok.dep_ == "conj" and tok.tag_ in FINITE and head.tag_ == "VBG" \
                and head.dep_ in ("xcomp", "pcomp", "advcl", "acl") and head.head.i != head.i \
                and not any(c.dep_ == "aux" for c in head.children):
            tok.head = head.head
    return doc


# "a charge Kigali rejects": what is rebutted, and the rebuttal's verb forms (the small model tags "rejects" a
# plural noun and hangs the clause anywhere: 12 of 24 such clauses in the demo corpus and sets 11 gave no DENY)
REBUTTED = frozenset({"charge", "charges", "claim", "claims", "accusation", "accusations", "allegation",
                      "allegations", "account", "assertion", "assertions", "report", "reports", "finding", "findings"})
REBUTTALS = {"rejects": "reject", "rejected": "reject", "denies": "deny", "denied": "deny",
             "dismisses": "dismiss", "dismissed": "dismiss", "disputes": "dispute", "disputed": "dispute",
             "refutes": "refute", "refuted": "refute", "contests": "contest", "contested": "contest"}
AUX_ADVERBS = frozenset({"has", "have", "had", "also", "repeatedly", "strongly", "flatly", "firmly", "always",
                         "vehemently", "consistently", "categorically", "long", "swiftly", "quickly"})
SUBJECT_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "ADP", "PART", "NUM"})


@Language.component("terrain_rebuttals")
def rebuttal_clauses(doc: Doc) -> Doc:
    """ "..., a charge the government in Kigali rejects": the verb is the relative clause of the charge and the
    government its subject, however the parser read it."""
    for sent in doc.sents:
        for v in sent:
            if v.lower_ in REBUTTALS and (v.i + 1 == sent.end or doc[v.i + 1].is_punct or doc[v.i + 1].lower_ == "as"):
                heads = _rebuttal_heads(sent, v)
                if heads is not None:
                    _apply(doc, heads)
                    v.pos_, v.tag_, v.lemma_ = "VERB", "VBD" if v.lower_.endswith("d") else "VBZ", REBUTTALS[v.lower_]
    return doc


def _rebuttal_heads(sent: Span, v) -> dict[int, tuple[int, str]] | None:
    """New (head, dep) by token index for one rebuttal clause, or None where the words do not fit."""
    doc = sent.doc
    i = v.i - 1
    while i > sent.start and doc[i].lower_ in AUX_ADVERBS:
        i -= 1
    subj_end = i + 1
    while i > sent.start and doc[i].lower_ not in REBUTTED and v.i - i <= 8 \
            and (doc[i].pos_ in SUBJECT_POS or doc[i].lower_ in ("that", "which")):
        i -= 1
    f = doc[i]
    before = doc[i - 1] if i > sent.start else None
    if f.lower_ not in REBUTTED or before is None or not (before.text in (",", ";", "\u2013", "\u2014")
                                                          or before.pos_ == "DET" and i - 2 >= sent.start
                                                          and doc[i - 2].text in (",", ";", "\u2013", "\u2014")):
        return None
    mark = doc[i + 1] if doc[i + 1].lower_ in ("that", "which") else None
    subj = [t for t in doc[i + 1 + (mark is not None):subj_end]]
    if not subj:
        return None
    adp = next((k for k, t in enumerate(subj) if t.pos_ == "ADP"), None)
    pre, pp = (subj[:adp], subj[adp:]) if adp else (subj, [])
    s = pre[-1]
    if s.pos_ not in ("NOUN", "PROPN", "PRON") or len(pp) == 1:
        return None
    heads = {t.i: (s.i, t.dep_ if t.dep_ in ("det", "amod", "compound", "poss", "nummod", "case") else "compound")
             for t in pre[:-1]}
    if pp:
        heads[pp[0].i] = (s.i, "prep")
        heads[pp[-1].i] = (pp[0].i, "pobj")
        heads.update({t.i: (pp[-1].i, "compound" if t.pos_ == "PROPN" else t.dep_) for t in pp[1:-1]})
    heads[s.i] = (v.i, "nsubj")
    heads.update({t.i: (v.i, "aux" if t.lower_ in ("has", "have", "had") else "advmod") for t in doc[subj_end:v.i]})
    if mark is not None:
        heads[mark.i] = (v.i, "dobj")
    heads[v.i] = (f.i, "relcl")
    if before.pos_ == "DET":
        heads[before.i] = (f.i, "det")
    span = range(f.i, v.i + 1)
    if f.head.i not in span:
        return heads  # the charge keeps its place in the sentence
    outside = next((a for a in v.ancestors if a.i not in span), None)
    if outside is None:  # the rebuttal was read as the root: the clause before it is the sentence
        root = next((c for c in v.children if c.i < f.i and c.pos_ in ("VERB", "AUX")
                     and c.dep_ in ("ccomp", "advcl", "parataxis", "conj", "dep")), None)
        if root is None:
            return None
        heads[root.i] = (root.i, "ROOT")
        outside = root
    heads[f.i] = (outside.i, "npadvmod")
    return heads


# "said in a statement that ...", "said in a report last month that ...": the parser hangs the reported clause on
# the statement (an acl), so the speaker is lost and what was said reads as asserted (20 such phrases in the
# demo corpus's 302 articles)
MEDIA = frozenset({"statement", "report", "interview", "briefing", "speech", "post", "communique", "communiqué",
                   "letter", "address", "broadcast", "video", "message", "declaration", "tweet", "conference",
                   "bulletin", "note"})
# (the nlp stage does not reach into the extractor's lexicon, data/extraction.yaml `speech`: its own short list)
SPEAKING = frozenset({"say", "announce", "claim", "state", "warn", "write", "tell", "add", "allege", "insist",
                      "confirm", "argue", "declare", "acknowledge", "admit"})


@Language.component("terrain_reported")
def reported_clauses(doc: Doc) -> Doc:
    """ "X said in a statement that Y": the clause is what X said (a ccomp of "said"), not a clause of the
    statement."""
    heads = {}
    for v in doc:
        if v.dep_ not in ("acl", "relcl") or not any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children):
            continue
        through_media = False
        for a in v.ancestors:
            if a.pos_ == "NOUN" and a.lemma_.lower() in MEDIA:
                through_media = True
            elif a.pos_ == "VERB" and a.lemma_.lower() in SPEAKING:
                if through_media:
                    heads[v.i] = (a.i, "ccomp")
                break
            elif a.pos_ in ("VERB", "AUX") and a.dep_ != "acl":
                break  # ("a statement broadcast on state television that ...": through the participle only)
    if heads:
        _apply(doc, heads)
    return doc


def _apply(doc: Doc, heads: dict[int, tuple[int, str]]) -> None:
    """Set the new heads at once (``from_array`` recomputes the tree), where the result is still a tree."""
    new = {t.i: heads.get(t.i, (t.head.i, t.dep_)) for t in doc}
    for start in heads:  # the parser's tree had no cycle: a new one passes through a changed token
        seen, i = set(), start
        while new[i][0] != i:
            if i in seen:
                return  # a cycle: keep the parser's reading
            seen.add(i)
            i = new[i][0]
    arr = doc.to_array([HEAD, DEP]).astype(numpy.int64)
    for i, (h, dep) in heads.items():
        arr[i, 0] = h - i
        arr[i, 1] = doc.vocab.strings.add(dep)
    doc.from_array([HEAD, DEP], arr.astype(numpy.uint64))


def add_components(nlp) -> None:
    if "terrain_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("terrain_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    if "terrain_conjuncts" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("terrain_conjuncts", after="parser")
    if "terrain_rebuttals" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("terrain_rebuttals", after="lemmatizer")  # it reads the parts of speech
    if "terrain_reported" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("terrain_reported", after="terrain_rebuttals")  # it reads the lemmas
