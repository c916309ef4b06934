"""Event dates: DATE entities resolved against the publication date, with their precision.

"On December 31 2019" -> 2019-12-31 (day); "in June 2021" -> 2021-06 (month); "since 2012" -> 2012
(year); "on Thursday" in a report published 2026-02-06 -> 2026-02-05 (day, via dateparser).
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import dateparser
from spacy.tokens import Span, Token

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = ("yesterday", "today", "last", "ago", "this", "tonight")


def _year_ok(y: int, published: str | None) -> bool:
    latest = int(published[:4]) if published else date.today().year
    return 1900 <= y <= latest + 1


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: str | None) -> tuple[str, str] | None:
    """(ISO date prefix, precision) for a date phrase, or None when it names no date."""
    low = text.lower().replace(",", " ").replace(".", " ")
    words = low.split()
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
        pub = datetime.fromisoformat(published)
        year = pub.year if month <= pub.month else pub.year - 1
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
        got = dateparser.parse(low.replace("on ", "").replace("last ", ""), settings={
            "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
        if got is not None and got <= base:
            if "year" in low:
                return f"{got.year:04d}", "year"
            if "month" in low:
                return f"{got.year:04d}-{got.month:02d}", "month"
            return got.date().isoformat(), "day"
    return None


def date_entities(sent: Span) -> list[Span]:
    return [e for e in sent.ents if e.label_ == "DATE"]


def event_date(trigger: Token, sent: Span, published: str | None) -> tuple[str, str] | None:
    """The date of the event the trigger names: a date attached to the trigger's clause first,
    else the first date of the sentence."""
    ents = date_entities(sent)
    if not ents:
        return None
    clause = {t.i for t in trigger.subtree} | {a.i for a in trigger.ancestors}
    # the first date of the trigger's clause: news puts the event's date first ("at the end of 2020 and start of 2021")
    ranked = sorted(ents, key=lambda e: (0 if any(t.i in clause for t in e) else 1, e.start))
    for ent in ranked:
        got = resolve_date(ent.text, published)
        if got:
            return got
    return None
