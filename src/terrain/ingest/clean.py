"""clean_text: the text a document is stored with, and that every evidence offset points into.

Steps: NFC and whitespace normalisation (paragraphs joined by a blank line, none inside one),
page chrome dropped (rules in ``terrain/data/chrome_patterns.yaml``), repeated paragraphs and
captions dropped (the first occurrence stays), pull quotes dropped where the paragraph they quote
is kept, and the trailing teaser block cut. The steps repeat until nothing changes, so the
function is idempotent by construction: ``clean_text(clean_text(x)) == clean_text(x)``.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from rapidfuzz import fuzz

from terrain.ingest.chrome import ChromeRules, chrome_rules

# Line separators other than "\n" (Unicode LS/PS, NEL, VT, FF) end a line too.
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
# Zero-width characters and soft hyphens: invisible, but they split words for the tagger.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_LIST_ITEM = re.compile(r"^([-*•+]|\d{1,3}[.)])\s")
_TERMINAL = tuple(".!?:;\"”’')]…")
_QUOTES = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("—", "-"), ("–", "-"))

DUP_RATIO = 95.0  # rapidfuzz ratio at or above which two paragraphs are one (a re-posted caption)
PULL_QUOTE_RATIO = 90.0  # partial ratio for a pull quote edited from its paragraph (a word changed)
MIN_DUP_LEN = 20  # shorter exact repeats ("Yes.", "Enter Rwanda.") may be deliberate
MIN_FUZZY_LEN = 40
MIN_PULL_QUOTE_LEN = 60
MAX_PARAGRAPHS_FUZZY = 400  # beyond this only exact repeats are checked (pairwise ratio cost)
MAX_PASSES = 20


def clean_text(raw: str) -> str:
    """Normalise ``raw`` and drop page chrome and repeats; paragraphs are separated by "\\n\\n"."""
    rules = chrome_rules()
    paragraphs = split_paragraphs(raw)
    for _ in range(MAX_PASSES):
        cleaned = _one_pass(paragraphs, rules)
        if cleaned == paragraphs:
            break
        paragraphs = cleaned
    return "\n\n".join(paragraphs)


def split_paragraphs(raw: str) -> list[str]:
    """NFC-normalised paragraphs, each on one line with single spaces."""
    text = unicodedata.normalize("NFC", raw)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", _INVISIBLE.sub("", text)).replace("\t", " ")
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(text):
        paragraphs.extend(_block_paragraphs(block))
    return paragraphs


def _block_paragraphs(block: str) -> list[str]:
    """One block (no blank line inside): a hard-wrapped paragraph, or one paragraph per line.

    Scraped text puts one paragraph per line, with captions and bylines on lines of their own;
    hand-written text and e-mails wrap at a fixed width. Wrapped lines are of similar length and
    some end mid-sentence; a title over a date line is not (lengths differ), nor is a list.
    """
    lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) <= 1:
        return lines
    body = lines[:-1]
    if any(_LIST_ITEM.match(line) for line in lines[1:]):
        return lines
    longest = max(len(line) for line in body)
    if len(body) >= 2:
        wrapped = (longest <= 120 and min(len(line) for line in body) >= max(30, 0.6 * longest)
                   and any(not line.endswith(_TERMINAL) for line in body))
    else:  # two lines: wrapped only when the second goes on with the sentence
        wrapped = (40 <= longest <= 120 and not body[0].endswith(_TERMINAL)
                   and lines[1][:1].islower())
    if not wrapped:
        return lines
    out = lines[0]
    for line in lines[1:]:
        # "peace-\nkeeping" was one word; keep the hyphen, drop the break
        out += line if out.endswith("-") and line[:1].islower() else " " + line
    return [out]


def _one_pass(paragraphs: list[str], rules: ChromeRules) -> list[str]:
    kept = []
    for p in paragraphs:
        p = rules.strip_credits(p)
        if p and not rules.is_chrome(p):
            kept.append(p)
    return _cut_tail(_drop_pull_quotes(_drop_repeats(kept)), rules)


def _key(paragraph: str) -> str:
    """Comparison form: case, curly quotes and dashes do not make two paragraphs differ."""
    key = paragraph.casefold()
    for fancy, plain in _QUOTES:
        if fancy in key:  # str.replace per pair: several times faster than str.translate here
            key = key.replace(fancy, plain)
    return key


def _is_repeat(a: str, b: str) -> bool:
    """``b`` repeats ``a``: the same, nearly the same, or ``a`` plus a credit or tag."""
    if a == b:
        return len(a) >= MIN_DUP_LEN
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_FUZZY_LEN:
        return False
    if long_.startswith(short):
        rest = long_[len(short):]
        # a trailing credit ("JANE DOE/AFP", "Reuters") has no sentence of its own
        return len(rest) <= 60 and not re.search(r"[.!?]\s*$|[.!?]\s", rest)
    if len(short) < 0.9 * len(long_):
        return False
    return fuzz.ratio(a, b, score_cutoff=DUP_RATIO) > 0


def _drop_repeats(paragraphs: list[str]) -> list[str]:
    fuzzy = len(paragraphs) <= MAX_PARAGRAPHS_FUZZY
    kept: list[str] = []
    long_keys: list[str] = []  # only these can be near repeats
    seen: set[str] = set()
    for p in paragraphs:
        k = _key(p)
        if k in seen and len(k) >= MIN_DUP_LEN:
            continue
        long_enough = len(k) >= MIN_FUZZY_LEN
        if fuzzy and long_enough and any(_is_repeat(other, k) for other in long_keys):
            continue
        kept.append(p)
        seen.add(k)
        if long_enough:
            long_keys.append(k)
    return kept


def _shingles(key: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(key)
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _drop_pull_quotes(paragraphs: list[str]) -> list[str]:
    """Drop a paragraph that is quoted whole inside a longer one (a pull quote, wherever it sits).

    Candidates are paragraphs sharing half of the quote's word trigrams (an inverted index keeps
    this linear in practice); only they are compared character by character.
    """
    if len(paragraphs) > MAX_PARAGRAPHS_FUZZY:
        return paragraphs
    keys = [_key(p) for p in paragraphs]
    shingles = [_shingles(k) for k in keys]
    index: dict[tuple[str, ...], list[int]] = {}
    for j, grams in enumerate(shingles):
        for g in grams:
            index.setdefault(g, []).append(j)
    out = []
    for i, p in enumerate(paragraphs):
        k = keys[i]
        quoted = False
        if len(k) >= MIN_PULL_QUOTE_LEN and len(k.split()) >= 8 and shingles[i]:
            shared = Counter(j for g in shingles[i] for j in index[g] if j != i)
            for j, n in shared.most_common():
                if n < 0.5 * len(shingles[i]):
                    break
                other = keys[j]
                if len(other) >= len(k) + 20 and (k in other or (len(k) >= 100 and fuzz.partial_ratio(
                        k, other, score_cutoff=PULL_QUOTE_RATIO) > 0)):
                    quoted = True
                    break
        if not quoted:
            out.append(p)
    return out


def _cut_tail(paragraphs: list[str], rules: ChromeRules) -> list[str]:
    """Cut at the first teaser heading ("More from ...") that starts in the last part of the text."""
    total = sum(len(p) + 2 for p in paragraphs)
    start_of_tail = total * (1.0 - rules.tail_fraction)
    pos = 0
    for i, p in enumerate(paragraphs):
        if pos >= start_of_tail and rules.is_tail_heading(p):
            return paragraphs[:i]
        pos += len(p) + 2
    return paragraphs
