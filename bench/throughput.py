#!/usr/bin/env python
"""Throughput of `terrain ingest` against bare spaCy ``nlp.pipe`` on the same documents, in one run.

    .venv/bin/python bench/throughput.py [--repeat 3] [--docs 300] [--json out.json]
    .venv/bin/python bench/throughput.py --corpus ../shared/corpus/seeds --docs 60
    .venv/bin/python bench/throughput.py --acled ../shared/corpus/acled-kenya/acled_kenya_2004-2019.csv --limit 300

Four configurations: bare spaCy (the same model package, without Terrain's component, ``nlp.pipe``
over the texts in memory) and the whole `terrain ingest` chain (read the files -> nlp -> extract ->
store into a fresh SQLite file, opening the store included), each with one and two processes
(spaCy's ``n_process``). Rates are absolute numbers only for this machine at this moment; the
ratio against bare spaCy with the same process count, measured side by side, is the figure to
compare. Runs are interleaved, in ABBA order (forward, then reversed) so that a slow drift of the
machine's load weighs on every configuration alike; each is repeated ``--repeat`` times and the
median time is kept. The model is loaded, and the lazily loaded parts of the pipeline (gazetteer,
classifier) warmed up, before any timing. The documents are written to a temporary directory
(``.txt`` files and their ``documents.jsonl``, the demo corpus's layout) outside the repository
and removed at the end; ACLED notes are only read from the CSV given.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from terrain import settings
from terrain.errors import InputError
from terrain.records import Document

CONFIGS = ("spacy", "terrain")
LABELS = {"spacy": "bare spaCy nlp.pipe", "terrain": "terrain ingest"}


@dataclass
class Result:
    kind: str  # "spacy" | "terrain"
    processes: int
    seconds: list[float] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{LABELS[self.kind]} -j{self.processes}"

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def base_documents(corpus: str | None, acled: str | None, limit: int | None) -> list[Document]:
    """The source documents, before repetition: the demo corpus, a directory, or ACLED notes."""
    if acled:
        from terrain.evaluate.acled import documents_for, read_rows

        docs = documents_for([r for r in read_rows(acled) if r.notes])
    else:
        from terrain.analysis.landscape import demo_corpus_path
        from terrain.ingest import read_inputs

        docs = []
        for item in read_inputs([corpus or str(demo_corpus_path())]):
            if isinstance(item, InputError):
                print(f"skipped: {item}", file=sys.stderr)
            else:
                docs.append(item)
    docs = docs[:limit] if limit else docs
    if not docs:
        raise SystemExit("error: no documents to benchmark (check --corpus / --acled)")
    return docs


def expand(base: list[Document], n: int) -> list[Document]:
    """``n`` documents cycling through ``base``; copy k>0 gets its own id and a short last paragraph,
    so the store (idempotent by id and content hash) stores every one of them."""
    out = []
    for i in range(n):
        src, k = base[i % len(base)], i // len(base)
        if k == 0:
            out.append(src)
        else:
            out.append(Document(doc_id=f"{src.doc_id}--copy{k}", text=f"{src.text}\n\nCopy {k}.", title=src.title,
                                published=src.published, source=src.source, url=src.url))
    return out


def write_corpus(docs: list[Document], directory: Path) -> None:
    """One .txt file a document, with a documents.jsonl beside them carrying ids and metadata."""
    directory.mkdir(parents=True)
    with open(directory / "documents.jsonl", "w", encoding="utf-8") as meta:
        for i, d in enumerate(docs):
            name = f"{i:05d}.txt"
            (directory / name).write_text(d.text + "\n", encoding="utf-8")
            rec = {"file": name, "doc_id": d.doc_id, "title": d.title, "published": d.published,
                   "source": d.source, "url": d.url}
            meta.write(json.dumps({k: v for k, v in rec.items() if v is not None}) + "\n")


def read_back(directory: Path) -> list[Document]:
    """The documents as `terrain ingest` will read them: what bare spaCy is given too."""
    from terrain.ingest import read_inputs

    items = list(read_inputs([str(directory)]))
    errors = [i for i in items if isinstance(i, InputError)]
    if errors:
        raise SystemExit(f"error: the benchmark corpus does not read back: {errors[0]}")
    return items


def bare_model():
    """The same model package as Terrain's, loaded afresh, without Terrain's pipeline component."""
    import importlib

    import spacy

    name = settings.get("model")
    try:
        return importlib.import_module(name).load()
    except ImportError:
        return spacy.load(name)


def time_spacy(nlp, texts: list[str], processes: int, batch_size: int) -> float:
    start = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts, n_process=processes, batch_size=batch_size))
    seconds = time.perf_counter() - start
    assert count == len(texts), f"spaCy returned {count} of {len(texts)} documents"
    return seconds


def time_terrain(corpus: Path, db_path: Path, processes: int, expected: int) -> tuple[float, int]:
    """Seconds for `terrain ingest` of ``corpus`` into a new SQLite file; the events stored."""
    from terrain.pipeline import ingest_paths
    from terrain.store import Store

    start = time.perf_counter()
    with Store(f"sqlite:///{db_path}") as store:
        summary = ingest_paths([str(corpus)], store, processes=processes)
    seconds = time.perf_counter() - start
    db_path.unlink()
    if summary.new != expected or summary.failed:
        raise SystemExit(f"error: expected {expected} new documents, got: {summary.line()}")
    return seconds, summary.events


def run(args: argparse.Namespace, command: str) -> dict:
    from terrain.nlp import load_model

    processes = sorted({int(p) for p in args.processes.split(",")})
    batch_size = settings.get_int("batch_size")
    base = base_documents(args.corpus, args.acled, args.limit if args.limit is not None else
                          (args.docs if args.acled else None))
    load_model()
    nlp = bare_model()
    results = {(kind, p): Result(kind, p) for p in processes for kind in CONFIGS}
    order = list(results)
    events = 0
    with tempfile.TemporaryDirectory(prefix="terrain-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        write_corpus(expand(base, args.docs), corpus)
        docs = read_back(corpus)
        texts = [d.text for d in docs]
        words = sum(len(t.split()) for t in texts)
        # Warm-up, untimed: lazy imports and caches of both paths (gazetteer, classifier, dateparser).
        warm = work / "warm"
        write_corpus(docs[:8], warm)
        time_terrain(warm, work / "warm.db", 1, len(docs[:8]))
        time_spacy(nlp, texts[:8], 1, batch_size)
        load_before = os.getloadavg()
        for rep in range(args.repeat):
            for i, (kind, p) in enumerate(order if rep % 2 == 0 else order[::-1]):
                if kind == "spacy":
                    seconds = time_spacy(nlp, texts, p, batch_size)
                else:
                    seconds, events = time_terrain(corpus, work / f"run{rep}-{i}.db", p, len(docs))
                results[(kind, p)].seconds.append(seconds)
                if args.verbose:
                    print(f"  rep {rep + 1} {results[(kind, p)].label}: {seconds:.2f} s", file=sys.stderr)
        load_after = os.getloadavg()
    rows = []
    for (kind, p), r in results.items():
        ratio = results[("spacy", p)].median / r.median
        # Per repetition, against the bare run next to it: their spread shows how noisy the machine was.
        paired = [round(b / t, 3) for b, t in zip(results[("spacy", p)].seconds, r.seconds)]
        rows.append({"config": r.label, "kind": kind, "processes": p, "seconds": [round(s, 4) for s in r.seconds],
                     "median_seconds": round(r.median, 4), "docs_per_s": round(len(docs) / r.median, 2),
                     "words_per_s": round(words / r.median, 1), "ratio_vs_bare_spacy": round(ratio, 3), "paired_ratios": paired})
    import spacy

    return {"command": command,
            "source": args.acled or args.corpus or "demo corpus (src/terrain/demo/corpus)",
            "base_documents": min(len(base), len(docs)), "documents": len(docs), "words": words, "events_stored": events,
            "repeat": args.repeat, "batch_size": batch_size, "model": settings.get("model"),
            "spacy": spacy.__version__, "python": platform.python_version(), "cpus": os.cpu_count(),
            "loadavg_before": [round(x, 2) for x in load_before], "loadavg_after": [round(x, 2) for x in load_after],
            "results": rows}


def table(report: dict) -> str:
    lines = [f"{report['documents']} documents ({report['base_documents']} distinct from {report['source']}), "
             f"{report['words']} words; median of {report['repeat']} interleaved runs; batch size "
             f"{report['batch_size']}; {report['cpus']} CPUs; load average (1/5/15 min) before "
             f"{'/'.join(map(str, report['loadavg_before']))}, after {'/'.join(map(str, report['loadavg_after']))}",
             "", "| config | docs/s | words/s | ratio vs bare spaCy (same -j) |", "| --- | ---: | ---: | ---: |"]
    for r in report["results"]:
        lines.append(f"| {r['config']} | {r['docs_per_s']:.1f} | {r['words_per_s']:.0f} | "
                     f"{r['ratio_vs_bare_spacy']:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: .venv/bin/python bench/throughput.py --repeat 3 --docs 300")
    parser.add_argument("--docs", type=int, default=300, help="documents per run, repeating the source (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each configuration; the median is kept")
    parser.add_argument("--corpus", help="a directory of reports instead of the demo corpus")
    parser.add_argument("--acled", metavar="CSV", help="use the notes of an ACLED CSV as short documents")
    parser.add_argument("--limit", type=int, help="use only the first N source documents (with --acled: default --docs)")
    parser.add_argument("--processes", default="1,2", help="process counts to compare (default 1,2)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="print each run's time on standard error")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.repeat < 1:
        parser.error("--docs and --repeat must be at least 1")
    if args.corpus and args.acled:
        parser.error("give --corpus or --acled, not both")
    command = " ".join([".venv/bin/python", "bench/throughput.py", *(sys.argv[1:] if argv is None else argv)])
    report = run(args, command)
    print(table(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
