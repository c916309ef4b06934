"""Custom spaCy components registered on the loaded pipeline."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


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


def add_components(nlp) -> None:
    if "terrain_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("terrain_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
