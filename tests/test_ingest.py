"""Ingest: reading files, directories and stdin into Documents; clean_text; errors naming file and line."""
from __future__ import annotations

import io
import json
import random
import shutil
import textwrap
import unicodedata
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from terrain.errors import InputError
from terrain.ingest import clean_text, content_hash, discover, read_inputs
from terrain.ingest.chrome import chrome_rules, parse_rules
from terrain.ingest.metadata import find_dateline, normalise_date
from terrain.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
LONG_PARA = ("The regional council met on Monday to discuss the repair of roads and bridges damaged by the "
             "floods, and agreed to ask the national government for emergency funds.")


def _docs(items):
    return [x for x in items if isinstance(x, Document)]


def _errors(items):
    return [x for x in items if isinstance(x, InputError)]


def _one(paths, **kw):
    items = list(read_inputs([str(p) for p in paths], **kw))
    assert len(items) == 1, items
    return items[0]


# ---------------------------------------------------------------- clean_text

def test_clean_report_drops_repeats_credits_chrome_and_teasers():
    raw = (FIXTURES / "report.txt").read_text(encoding="utf-8")
    text = clean_text(raw)
    assert text.count("Armed men on motorcycles attacked a customs post") == 1
    assert text.count("Soldiers stand guard at the rebuilt checkpoint") == 1
    # the pull quote goes; the paragraph it quotes stays
    assert text.count("Officials fear that the remote frontier posts cannot be held") == 1
    assert "Analysts say the raids follow a familiar pattern. Officials fear" in text
    for chrome in ("Getty", "AMA MENSAH", "By ,", "Share this article", "Join the Discussion", "subscri",
                   "Telegram", "Twitter", "More from", "fishing boat", "Harbour Workers", "Dock staff"):
        assert chrome not in text, chrome
    paragraphs = text.split("\n\n")
    assert paragraphs[:2] == ["Gunmen Attack Customs Post Near Kalanda", "12 March 2024"]
    assert paragraphs[-1].startswith("The government has asked two neighbouring states")
    assert "The interior ministry said reinforcements" in text


def test_clean_is_idempotent_on_fixtures_and_shuffled_mixtures():
    pool = [p for f in ("report.txt",) for p in (FIXTURES / f).read_text(encoding="utf-8").split("\n\n")]
    pool += [r.example for r in chrome_rules().all_rules() if r.example]
    rng = random.Random(7)
    samples = [(FIXTURES / "report.txt").read_text(encoding="utf-8")]
    for _ in range(150):
        parts = rng.choices(pool, k=rng.randint(1, 25))
        samples.append(rng.choice(["\n\n", "\n", "\r\n\r\n", "\n \n"]).join(parts))
    for raw in samples:
        once = clean_text(raw)
        assert clean_text(once) == once


def test_clean_normalises_whitespace_unicode_and_keeps_paragraph_breaks():
    raw = "  Troops\u00a0arrived \t in  Moc\u0131\u0301mboa.\r\n\r\n\r\n\u200bCivilians   returned.  \n\n\n"
    text = clean_text(raw)
    assert text == unicodedata.normalize("NFC", "Troops arrived in Moc\u0131\u0301mboa.\n\nCivilians returned.")
    assert clean_text("Cabo Delgado: Moci\u0301mboa da Praia") == "Cabo Delgado: Moc\u00edmboa da Praia"


def test_clean_joins_hard_wrapped_lines_but_not_title_date_or_lists():
    para = LONG_PARA + " " + LONG_PARA.replace("regional", "district")
    other = ("Aid agencies said that more than two thousand families had left their homes near the river, "
             "and that most of them were staying with relatives in the hills above the town.")
    assert clean_text(textwrap.fill(para, width=64) + "\n\n" + textwrap.fill(other, 72)) == (
        para + "\n\n" + other)
    wrapped = ("The mission said on Friday that its first peace-\nkeepers had reached the town, and that more\n"
               "units would follow once engineers had repaired the road.")
    assert clean_text(wrapped) == ("The mission said on Friday that its first peace-keepers had reached the town, "
                                   "and that more units would follow once engineers had repaired the road.")
    assert clean_text("Army Retakes Border Town\n6 February 2026\n" + LONG_PARA).split("\n\n") == [
        "Army Retakes Border Town", "6 February 2026", LONG_PARA]
    assert clean_text("Demands:\n- a ceasefire within a week\n- the release of prisoners").count("\n\n") == 2


def test_clean_near_duplicates_and_what_it_keeps():
    typo = LONG_PARA.replace("discuss", "discus")
    assert clean_text(f"{LONG_PARA}\n\n{typo}") == LONG_PARA  # ratio >= 95: one paragraph
    other = LONG_PARA.replace("roads and bridges damaged by the floods", "schools closed by the strike")
    assert clean_text(f"{LONG_PARA}\n\n{other}").count("\n\n") == 1  # different facts: both kept
    assert clean_text("Yes.\n\nNo.\n\nYes.") == "Yes.\n\nNo.\n\nYes."  # short repeats may be meant
    # a paragraph that mentions a subscription is news when it is long
    news = ("Mobile operators said subscriptions rose by a tenth after the regulator cut licence fees, "
            "and one company said it would subscribe to the new roaming agreement. " * 2).strip()
    assert clean_text(news) == news
    assert clean_text("By contrast, the northern districts stayed calm.") == (
        "By contrast, the northern districts stayed calm.")


def test_clean_cuts_teasers_only_in_the_tail():
    early = f"More from the frontier\n\n{LONG_PARA}\n\n{LONG_PARA.upper()}"
    assert clean_text(early).startswith("More from the frontier")
    late = f"{LONG_PARA}\n\nRelated stories\n\nCup final tickets sell out"
    assert clean_text(late) == LONG_PARA


def test_every_chrome_rule_has_a_reason_and_removes_its_example():
    rules = chrome_rules()
    assert rules.drop and rules.strip_suffix and rules.tail_headings
    for rule in rules.drop:
        assert rule.why and rule.example, rule.pattern.pattern
        assert rules.is_chrome(rule.example), rule.pattern.pattern
        assert rule.example not in clean_text(f"{LONG_PARA}\n\n{rule.example}\n\n{LONG_PARA.upper()}")
    for rule in rules.strip_suffix:
        assert rule.why and rule.example
        stripped = rules.strip_credits(rule.example)
        assert stripped and stripped != rule.example and rule.example.startswith(stripped)
    for rule in rules.tail_headings:
        assert rule.why and rule.example and rules.is_tail_heading(rule.example)


def test_chrome_rules_name_a_bad_pattern():
    with pytest.raises(ValueError, match=r"drop\[0\].*bad regex"):
        parse_rules({"drop": [{"re": "(unclosed", "why": "test"}]})


# ---------------------------------------------------------------- the seed articles

def test_seeds(shared_dir):
    seeds = shared_dir / "corpus" / "seeds"
    meta = [json.loads(line) for line in (seeds / "documents.jsonl").read_text().splitlines() if line.strip()]
    items = list(read_inputs([str(seeds)]))
    assert not _errors(items)
    docs = {d.doc_id: d for d in _docs(items)}
    assert set(docs) == {m["doc_id"] for m in meta}
    for m in meta:
        assert docs[m["doc_id"]].title == m["title"] and docs[m["doc_id"]].source == m["source"]
    fp, aa = docs["fp-rwanda-africas-policeman"], docs["allafrica-kagame-umushyikirano-2026"]
    assert aa.published == "2026-02-06" and fp.published is None
    assert fp.text.count("It was pitch black when a stream of motorbikes charged into Dassari") == 1
    assert fp.text.count("Mocímboa da Praia, in the Cabo Delgado province") == 1
    for gone in ("More from Foreign Policy", "Iran-Israel", "Join the Conversation", "Getty Images",
                 "subscriber", "Jessica Moody", "Olaf Scholz"):
        assert gone not in fp.text, gone
    for gone in ("AllAfrica publishes", "WhatsApp", "Contact us"):
        assert gone not in aa.text, gone
    for kept in ("Enter Rwanda.", "So, who will fill this gap when Rwanda cannot?",
                 "According to Bloomberg, around 350 Rwandans could be deployed initially",
                 "Rwanda will need to draw the line at some stage."):
        assert fp.text.count(kept) == 1, kept
    assert fp.text.endswith("for its effective interventions.")
    # every line of the article body is kept, or is chrome, or repeats (maybe loosely) a kept one
    raw_fp = (seeds / "fp-rwanda-africas-policeman.txt").read_text(encoding="utf-8")
    rules = chrome_rules()
    for line in raw_fp.split("Join the Conversation")[0].splitlines():
        line = rules.strip_credits(" ".join(line.split()))
        if line and not rules.is_chrome(line):
            assert line in fp.text or fuzz.partial_ratio(line, fp.text) >= 90, line
    assert aa.text.endswith("on sovereignty, security and development on its own terms.")
    assert "Burundi has deployed troops in eastern DR Congo" in aa.text
    # every raw paragraph of the AllAfrica report that is not chrome is kept word for word
    raw = (seeds / "allafrica-kagame-umushyikirano-2026.txt").read_text(encoding="utf-8")
    body = [p for p in raw.split("\n\n") if p.strip() and not chrome_rules().is_chrome(p.strip())]
    assert all(p.strip() in aa.text for p in body)
    for doc in (fp, aa):
        assert clean_text(doc.text) == doc.text and doc.content_hash == content_hash(doc.text)


# ---------------------------------------------------------------- files, directories, formats

@pytest.fixture
def mixed(tmp_path) -> Path:
    """The mixed fixture directory plus the byte-level cases, written here so none is kept in git."""
    root = tmp_path / "mixed"
    shutil.copytree(FIXTURES / "mixed", root)
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (root / "empty.txt").write_bytes(b"  \n\n")
    (root / "latin1.txt").write_bytes("Soldats déployés à Bouaké, en Côte d'Ivoire, après l'attaque.".encode("cp1252"))
    (root / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (root / ".hidden.txt").write_text("A hidden note that must not be read.")
    return root


def test_directory_is_read_recursively_in_order_with_errors_in_place(mixed):
    items = list(read_inputs([str(mixed)]))
    got = [(type(x).__name__, x.doc_id if isinstance(x, Document) else f"{Path(x.path).name}:{x.line}")
           for x in items]
    assert got == [
        ("InputError", "documents.jsonl:3"),
        ("Document", "alpha-2024"), ("Document", "beta"), ("InputError", "binary.txt:None"),
        ("InputError", "empty.txt:None"), ("Document", "gamma"), ("Document", "latin"),
        ("Document", "n1"), ("Document", "7"), ("InputError", "notes.jsonl:3"), ("InputError", "notes.jsonl:4"),
        ("InputError", "notes.jsonl:6"), ("InputError", "notes.jsonl:7"), ("InputError", "notes.jsonl:8"),
        ("Document", "delta"),
    ]
    assert discover([str(mixed)]) == [str(mixed / n) for n in (
        "alpha.txt", "beta.md", "binary.txt", "empty.txt", "gamma.html", "latin1.txt", "notes.jsonl",
        "sub/delta.txt")]
    docs = {d.doc_id: d for d in _docs(items)}
    alpha = docs["alpha-2024"]  # documents.jsonl wins over the file's own date line
    assert (alpha.title, alpha.published, alpha.source, alpha.url) == (
        "Alpha Title From Metadata", "2024-03-05", "Example Wire", "https://wire.example/alpha")
    assert docs["latin"].text.startswith("Soldats déployés à Bouaké, en Côte d'Ivoire")
    assert docs["latin"].published is None  # metadata says null: no guessing
    assert (docs["delta"].title, docs["delta"].path) == ("Market Reopens After Renovation",
                                                         str(mixed / "sub" / "delta.txt"))
    errs = {Path(e.path).name + f":{e.line}": str(e) for e in _errors(items)}
    assert "binary file" in errs["binary.txt:None"] and "empty file" in errs["empty.txt:None"]
    assert errs["notes.jsonl:3"].startswith(f"{mixed / 'notes.jsonl'}:3: malformed JSON (Expecting ',' delimiter)")
    assert 'fix: make each line one JSON object with "id" and "text"' in errs["notes.jsonl:3"]
    assert "'text'" in errs["notes.jsonl:4"] and "'id'" in errs["notes.jsonl:6"]


def test_jsonl_fields(mixed):
    docs = {d.doc_id: d for d in _docs(read_inputs([str(mixed / "notes.jsonl")]))}
    n1 = docs["n1"]
    assert (n1.title, n1.published, n1.source, n1.url) == (
        "Locusts Damage Valley Crops", "2024-06-02", "Example Wire", "https://wire.example/n1")
    assert n1.path == f"{mixed / 'notes.jsonl'}:1" and n1.text.count("\n\n") == 1


def test_markdown_title_front_matter_and_markup(mixed):
    [doc] = _docs(read_inputs([str(mixed / "beta.md")]))
    assert (doc.doc_id, doc.title, doc.published, doc.source) == (
        "beta", "Patrols Resume on the Northern Road", "2024-05-02", "Field Notes")
    assert "[" not in doc.text and "**" not in doc.text and "https://" not in doc.text and "---" not in doc.text
    assert "on Tuesday, officials said, after a month" in doc.text  # wrapped line joined
    assert "\n\nTwo checkpoints reopened" in doc.text and "- " not in doc.text


def test_html_main_text_title_and_date():
    doc = _one([FIXTURES / "page.html"])
    assert (doc.doc_id, doc.title, doc.published, doc.source) == (
        "page", "Ministry Sends Police Unit to Lakeside District", "2024-04-18", "The Weekly Courier")
    assert doc.text.startswith("Ministry Sends Police Unit to Lakeside District\n\nThe interior ministry")
    assert doc.text.count("Ministry Sends Police Unit") == 1
    for noise in ("Home", "ADVERTISE", "trackingId", "Most Read", "Cup final", "Copyright", "Privacy"):
        assert noise not in doc.text, noise
    assert doc.text.endswith("lost boats and nets during the unrest.")


def test_html_headline_without_h1_gets_title_without_site_name(tmp_path):
    page = tmp_path / "story.html"
    page.write_text('<html><head><title>Ferry Service Resumes | Example Daily</title>'
                    '<meta property="og:site_name" content="Example Daily"></head><body><article>'
                    f"<p>{LONG_PARA}</p><p>The ferry across the lake will run twice a day from June.</p>"
                    "</article></body></html>", encoding="utf-8")
    doc = _one([page])
    assert (doc.title, doc.source, doc.published) == ("Ferry Service Resumes", "Example Daily", None)
    assert doc.text.startswith("Ferry Service Resumes\n\nThe regional council met on Monday")


def test_html_falls_back_to_lxml_and_errors_when_empty(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    doc = _one([FIXTURES / "page.html"])
    assert "The interior ministry sent a police unit" in doc.text and "trackingId" not in doc.text
    assert doc.published == "2024-04-18" and doc.title == "Ministry Sends Police Unit to Lakeside District"
    monkeypatch.undo()
    blank = tmp_path / "blank.html"
    blank.write_text("<html><head><script>var x = 1;</script></head><body><div> </div></body></html>")
    err = _one([blank])
    assert isinstance(err, InputError) and "no article text" in str(err) and err.path == str(blank)


@pytest.mark.parametrize("data, expect", [
    ("\ufeffPolice arrived in Bouaké.".encode("utf-8"), "Police arrived in Bouaké."),
    ("Police arrived in Bouaké.".encode("utf-16"), "Police arrived in Bouaké."),
    ("Police arrived in Bouaké.".encode("cp1252"), "Police arrived in Bouaké."),
])
def test_encodings_read(tmp_path, data, expect):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    assert _one([f]).text == expect


@pytest.mark.parametrize("data", [
    bytes(range(128, 256)) * 4,  # not text in any encoding we trust
    "Côte d’Ivoire — Bouaké, Mocímboa".encode("utf-8") + b" \xe9t\xe9",  # UTF-8 with Latin-1 bytes mixed in
    b"Troops \x81 arrived",  # 0x81 is undefined in Windows-1252
])
def test_undecodable_text_is_an_error_with_the_fix(tmp_path, data):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    err = _one([f])
    assert isinstance(err, InputError) and "not UTF-8 text" in err.message and "re-save" in err.fix
    assert str(err).startswith(f"{f}: not UTF-8 text")


def test_path_errors(tmp_path, mixed):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "nothing").mkdir()
    items = list(read_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "notes.pdf"),
                              str(tmp_path / "nothing"), str(mixed / "documents.jsonl"), str(mixed / "alpha.txt")]))
    messages = [x.message for x in _errors(items)]
    assert len(messages) == 5 and "no such file" in messages[0] and "unsupported file type .pdf" in messages[1]
    assert "no .htm" in messages[2] and "metadata" in messages[3] and "malformed JSON" in messages[4]
    assert [d.doc_id for d in _docs(items)] == ["alpha-2024"]  # metadata applies to a file given alone


# ---------------------------------------------------------------- standard input

def test_stdin_plain_text():
    raw = "Rains Cut Northern Road\n\n" + LONG_PARA + "\n\nShare this article\n"
    doc = _one(["-"], stdin=io.StringIO(raw))
    assert doc.text == clean_text(raw) and "Share" not in doc.text
    assert doc.doc_id == f"stdin-{doc.content_hash[:12]}" and doc.path == "-"
    assert doc.title == "Rains Cut Northern Road"


def test_stdin_jsonl_and_text_that_only_looks_like_it():
    lines = [json.dumps({"id": "s1", "text": LONG_PARA}), "", json.dumps({"id": "s2", "text": "Second one."})]
    items = list(read_inputs(["-"], stdin=io.StringIO("\n".join(lines))))
    assert [d.doc_id for d in items] == ["s1", "s2"] and items[1].path == "-:3"
    mixed_input = lines[0] + "\nThis line is prose, so the whole input is an article."
    doc = _one(["-"], stdin=io.StringIO(mixed_input))
    assert doc.doc_id.startswith("stdin-") and doc.text.endswith("the whole input is an article.")
    assert isinstance(_one(["-"], stdin=io.StringIO("  \n")), InputError)


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("value, iso", [
    ("2026-02-06", "2026-02-06"), ("2026-02-06T08:15:00+02:00", "2026-02-06"), ("6 February 2026", "2026-02-06"),
    ("Feb. 6, 2026", "2026-02-06"), ("6 février 2026", "2026-02-06"), (None, None), ("", None),
    ("yesterday", None), ("February 2026", None), ("2026-02-30", None), ("not a date 2026", None),
])
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


def test_dateline_is_found_only_near_the_top():
    assert find_dateline(["Title", "Updated: 6 February 2026", LONG_PARA]) == "2026-02-06"
    assert find_dateline(["Title", LONG_PARA, "Enter Rwanda.", "Text", "6 February 2026"]) is None
    assert find_dateline(["Title", "Since 2021", LONG_PARA]) is None
