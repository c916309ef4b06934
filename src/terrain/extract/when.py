"""Event dates: calendar dates written in the text, and DATE entities resolved against the publication date,
with their precision.

"On December 31 2019" -> 2019-12-31 (day); "On 16 October", "on 20/04", "Sept 15th" -> that day in the
year of publication (the year before when the month is still to come); "between 9-13 Aug" -> the first day;
"in June 2021" -> 2021-06 (month); "since 2012" -> 2012 (year); "on Thursday" in a report published
2026-02-06 -> 2026-02-05 (day, via dateparser). Calendar dates are found by pattern as well as by the
NER, which misses "15 Sep." and splits "Aug 2nd 2019". A date written as a day beats a month or a
weekday; in a short report the lede's date ("14 May. Lawyers ... on Monday") dates every sentence.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import dateparser
from spacy.tokens import Doc, Span, Token

from terrain.extract.place_spans import dateline_tokens, doc_text, sent_ents

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = ("yesterday", "today", "last", "ago", "this", "tonight")
SHORT_REPORT = 1200  # characters: an incident report, whose first date dates it
PRECISION = {"day": 0, "month": 1, "year": 2}

_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"([0-3]?\d)(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*(?:-|–|to|and|or|&)\s*[0-3]?\d(?:st|nd|rd|th)?)?"  # "6-7 August", "14th or 15th": the first day
_YEAR = r"(?:,?\s+(?:of\s+)?((?:19|20)\d\d))?"
_DM = re.compile(rf"\b{_DAY}{_RANGE}\s+(?:of\s+)?{_MON}(?![a-z]){_YEAR}", re.I)
_MD = re.compile(rf"\b{_MON}\s+{_DAY}\b{_RANGE}(?![\d/]){_YEAR}", re.I)
_NUMERIC = re.compile(r"(?<![\d/.])([0-3]?\d)/([01]?\d)(?:/((?:19|20)?\d\d))?(?![\d/])")  # 20/04, 13/05/2017
_MY = re.compile(rf"\b{_MON}\s+((?:19|20)\d\d)\b", re.I)
# "(Source dated 16/05)": the source's date, not the event's
_NOT_EVENT = re.compile(r"(?:dated|published|posted|updated|source[sd]?|report(?:ed)? on)\s*(?:on\s*)?$", re.I)
_VERB_MONTHS = ("may", "march")  # "they may", "people march": months only when capitalised


def _year_ok(y: int, published: str | None) -> bool:
    latest = int(published[:4]) if published else date.today().year
    return 1900 <= y <= latest + 1


def _in_year(year: int | None, month: int, published: str | None) -> int | None:
    if year is not None:
        return year
    if not published:
        return None
    pub = datetime.fromisoformat(published)
    return pub.year if month <= pub.month else pub.year - 1


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTHS.get(w[:3]) if w[:3] in MONTHS else None


def _iso(year: int | None, month: int, day: int | None, published: str | None) -> tuple[str, str] | None:
    year = _in_year(year, month, published)
    if year is None or not _year_ok(year, published):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def written_dates(text: str, published: str | None, offset: int = 0) -> list[tuple[int, int, tuple[str, str]]]:
    """Calendar dates written in ``text``: (start, end, (ISO date, precision)), in text order."""
    found: list[tuple[int, int, tuple[str, str]]] = []

    def add(m: re.Match, got: tuple[str, str] | None) -> None:
        if got is None or _NOT_EVENT.search(text[max(0, m.start() - 25):m.start()]):
            return
        if any(s < m.end() + offset and m.start() + offset < e for s, e, _ in found):
            return
        found.append((m.start() + offset, m.end() + offset, got))

    for rx, day_group, mon_group in ((_DM, 1, 2), (_MD, 2, 1)):
        for m in rx.finditer(text):
            mon = m.group(mon_group)
            if mon.lower() in _VERB_MONTHS and not mon[0].isupper():
                continue
            year = int(m.group(3)) if m.group(3) else None
            add(m, _iso(year, _month(mon), int(m.group(day_group)), published))
    for m in _NUMERIC.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= month <= 12 and 1 <= day <= 31) or len(m.group(1)) + len(m.group(2)) < 3:
            continue  # "1/2" is a fraction; dates are written dd/mm here, as in most of the world's English
        year = m.group(3)
        year = int(year) + (2000 if len(year) == 2 else 0) if year else None
        add(m, _iso(year, month, day, published))
    for m in _MY.finditer(text):
        add(m, _iso(int(m.group(2)), _month(m.group(1)), None, published))
    return sorted(found)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: str | None) -> tuple[str, str] | None:
    """(ISO date prefix, precision) for a date phrase, or None when it names no date."""
    written = written_dates(text, published)
    if written:
        return written[0][2]
    low = text.lower().replace(",", " ").replace(".", " ").replace("-", " ")  # "mid-June", "late-March"
    words = low.split()
    if published and ("last year" in low or "last month" in low):  # "in February last year", "last month"
        return _last(low, words, datetime.fromisoformat(published))
    day = month = year = None
    for w in words:
        w2 = re.sub(r"(st|nd|rd|th)$", "", w)
        if w in MONTHS:
            month = MONTHS[w]
        elif re.fullmatch(r"(1[89]|20)\d\d", w):
            year = year or int(w)
        elif re.fullmatch(r"\d{1,2}", w2) and 1 <= int(w2) <= 31:
            day = int(w2)
    if year is not None and not _year_ok(year, published):
        return None
    if month and published and year is None:
        year = _in_year(None, month, published)
    if year and month and day:
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return f"{year:04d}-{month:02d}", "month"
    if year and month:
        return f"{year:04d}-{month:02d}", "month"
    if year:
        return f"{year:04d}", "year"
    if published and any(w in WEEKDAYS or w in RELATIVE for w in words):
        base = datetime.fromisoformat(published)
        weekday = next((w for w in words if w in WEEKDAYS), None)  # "overnight on Monday", "on Sunday night"
        got = dateparser.parse(weekday or low.replace("on ", "").replace("last ", ""), languages=["en"], settings={
            "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
        if got is not None and got <= base:
            if "year" in low:
                return f"{got.year:04d}", "year"
            if "month" in low:
                return f"{got.year:04d}-{got.month:02d}", "month"
            return got.date().isoformat(), "day"
    return None


def _last(low: str, words: list[str], pub: datetime) -> tuple[str, str]:
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    if "last year" in low:
        return (f"{pub.year - 1:04d}-{month:02d}", "month") if month else (f"{pub.year - 1:04d}", "year")
    year, month = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
    return f"{year:04d}-{month:02d}", "month"


def date_entities(sent: Span) -> list[Span]:
    return [e for e in sent_ents(sent) if e.label_ == "DATE"]


def _modifier_year(ent: Span) -> bool:
    """ "the 2017 General Election", "a 2013 pay agreement": a year naming a thing, not the event's date."""
    root = ent.root
    return len(ent) == 1 and root.like_num and root.dep_ in ("compound", "nummod", "amod", "nmod") \
        and root.head.pos_ in ("NOUN", "PROPN") and root.head.ent_type_ != "DATE"


def sentence_dates(sent: Span, published: str | None) -> list[tuple[int, int, tuple[str, str] | str, bool]]:
    """Dates of a sentence: (start char, end char, (ISO, precision), relative?) in text order; a relative
    date ("on Tuesday") is left as its text, resolved (by dateparser, which is slow) only when needed.
    Cached per sentence: every trigger of the sentence asks."""
    key = ("terrain.when.sent", sent.start, published)
    cached = sent.doc.user_data.get(key)
    if cached is not None:
        return cached
    out = [(s, e, got, False) for s, e, got in written_dates(sent.text, published, sent.start_char)]
    for ent in date_entities(sent):
        if any(s < ent.end_char and ent.start_char < e for s, e, _, _ in out) or _modifier_year(ent):
            continue
        words = re.split(r"[\s-]+", ent.text.lower())  # "mid-June"
        if not re.search(r"\d", ent.text) and not any(w in MONTHS for w in words):
            if any(w in WEEKDAYS or w in RELATIVE or w in ("year", "month") for w in words):
                out.append((ent.start_char, ent.end_char, ent.text, True))
            continue
        got = resolve_date(ent.text, published)
        if got:
            out.append((ent.start_char, ent.end_char, got, False))
    # the dateline's date ("MPEKETONI, Kenya, June 18 -") is when the report was filed: the event's date only
    # when the sentence gives no other (it dated "Gunmen who stormed ... on Sunday night" by the dateline)
    filed = _dateline_spans(sent.doc)
    out = [(s, e, sent.doc.text[s:e], True) if (s, e) in filed else (s, e, got, rel) for s, e, got, rel in out]
    out.sort()
    sent.doc.user_data[key] = out
    return out


def _dateline_spans(doc: Doc) -> set[tuple[int, int]]:
    """(start, end) characters of the dates inside the report's datelines (place_spans.dateline_tokens)."""
    key = "terrain.when.datelines"
    if key not in doc.user_data:
        spans: set[tuple[int, int]] = set()
        tokens = dateline_tokens(doc)
        for i in sorted(tokens):
            if i - 1 in tokens:
                continue  # a run's first token: the run is the dateline
            end = i
            while end + 1 in tokens:
                end += 1
            start_char, end_char = doc[i].idx, doc[end].idx + len(doc[end])
            for rx in (_MD, _DM):
                spans.update((start_char + m.start(), start_char + m.end())
                             for m in rx.finditer(doc.text[start_char:end_char]))
        doc.user_data[key] = spans
    return doc.user_data[key]


def _lede_dates(doc: Doc, published: str | None) -> list[tuple[int, int, tuple[str, str] | str, bool]]:
    key = ("terrain.when", published)
    if key not in doc.user_data:
        doc.user_data[key] = [d for s in doc.sents for d in sentence_dates(s, published)]
    return doc.user_data[key]


def event_date(trigger: Token, sent: Span, published: str | None) -> tuple[str, str] | None:
    """The date of the event the trigger names: a day written in the trigger's clause first, then one
    elsewhere in the sentence, then (in a short report) the report's first day; then a month or year
    of the sentence; then a weekday or relative date ("on Tuesday")."""
    clause = {t.i for t in trigger.subtree} | {a.i for a in trigger.ancestors}
    doc = sent.doc
    short = len(doc_text(doc)) <= SHORT_REPORT

    def in_clause(d) -> bool:
        span = doc.char_span(d[0], d[1], alignment_mode="expand")
        return span is not None and any(t.i in clause for t in span)

    dates = sentence_dates(sent, published)
    explicit = [d for d in dates if not d[3]]
    # news puts the event's date first ("at the end of 2020 and start of 2021"); a day beats a month
    explicit.sort(key=lambda d: (PRECISION[d[2][1]], not in_clause(d), d[0]))
    if explicit and explicit[0][2][1] == "day":
        return explicit[0][2]
    if short:
        day = next((d for d in _lede_dates(doc, published) if not d[3] and d[2][1] == "day"), None)
        if day is not None:
            return day[2]
    if explicit:
        return explicit[0][2]
    filed = _dateline_spans(doc)
    relative = sorted((d for d in dates if d[3]), key=lambda d: ((d[0], d[1]) in filed, not in_clause(d), d[0]))
    for d in relative:
        if got := resolve_date(d[2], published):
            return got
    if short:
        for d in _lede_dates(doc, published):
            got = resolve_date(d[2], published) if d[3] else d[2]
            if got:
                return got
    return None
