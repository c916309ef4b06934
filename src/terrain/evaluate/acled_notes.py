"""What an ACLED note itself states: how many died, and on which day. Used to decide which rows the
fatalities and date measures are scored on.

Fatalities ("the number is written in the note"), decided conservatively:
  * ``fatalities_written`` returns a count only where the note writes one: a number word or digits
    tied to a death word in the same clause ("killing two police officers", "Twelve killed",
    "left at least 4 dead", "2 bodies found", "killed a man", "a woman was killed"), or 0 where it
    says explicitly that nobody died ("no one was killed", "no casualties", "no fatalities").
  * vague counts ("several", "many", "scores", "dozens", "hundreds") give None, and so does a note
    carrying ACLED's own coding remarks ("coded across 6 events", "details not specified",
    "estimate"): its number is not this row's.
  * distinct counts in one note are added ("two police officers were killed ... three attackers
    died" -> 5); the same count repeated is counted once; a zero claim beside a count gives None.
  * a note silent about deaths gives None: ACLED's 0 there is not "written" (a peaceful march is not
    scored on fatalities).
The scorer then scores a row only where this count equals ACLED's ``fatalities``: rows where the
note and the coding disagree (a report coded as several events, ACLED's "unspecified number coded
as 3") are left out rather than scored against a number the text does not give.
"""
from __future__ import annotations

import re
from datetime import date

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
WORDS = {w: i for i, w in enumerate(_UNITS)} | _TENS | {"a dozen": 12, "a hundred": 100, "one hundred": 100}

_NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d+"
        r"|(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:[\s-](?:" + "|".join(_UNITS[1:10]) + r"))?"
        r"|a dozen|a hundred|one hundred|" + "|".join(sorted(_UNITS[1:], key=len, reverse=True)) + r")")
_QUAL = r"(?:(?:at least|about|around|some|nearly|almost|over|more than|up to|another|a further|a total of)\s+)?"
# Death words after the count. Transitive verbs count only in the passive ("two were killed in",
# "Twelve killed,"): "two gunmen killed a man" counts the killers, so an object after them rules it out.
_INTRANS = r"(?:died|dies|dead|deaths|bodies|body|fatalities|slain|fatally|lost their lives|succumbed)"
_PASSIVE = (r"(?:killed|murdered|shot dead|gunned down|hacked to death|stabbed to death|burnt to death|burned to death|"
            r"beaten to death|lynched|beheaded)")
_NO_OBJECT = (r"(?=\s*(?:[.,;:()]|$)|\s+(?:in|at|by|on|during|after|when|while|and|as|near|outside|inside|over|"
              r"following|along|within|between|from|for|with|since|before|last|this|early|late|yesterday|"
              r"overnight|allegedly|reportedly|instantly|immediately)\b)")
# A noun phrase between the number and the death word: up to 4 plain words, no clause break.
_NP = r"(?:\s+(?!and\b|but\b|while\b|after\b|were\b|was\b|had\b|have\b|who\b|which\b)[A-Za-z'’-]+){0,4}"
_AUX = r"(?:\s+(?:were|was|are|is|have been|had been|has been|being|got|later|also|reportedly|allegedly))*"

_COUNT_BEFORE = re.compile(rf"\b{_QUAL}({_NUM}){_NP}{_AUX}\s+(?:{_INTRANS}\b|{_PASSIVE}\b{_NO_OBJECT})", re.I)
_COUNT_AFTER = re.compile(rf"\b(?:kill(?:ed|s|ing)?|murder(?:ed|s|ing)?|lynch(?:ed|ing)?|behead(?:ed|ing)?|"
                          rf"shot dead|shooting dead|deaths? of)(?:\s+of)?\s+{_QUAL}({_NUM})\b", re.I)
# "killing three civilians and five police": the second count of the same object list.
_AND_COUNT = re.compile(rf"(?:\s+[A-Za-z'’-]+){{0,3}}\s+and\s+{_QUAL}({_NUM})\b(?!\s+(?:injured|wounded|hurt))", re.I)
_TOLL = re.compile(rf"\b(?:death toll|toll)\s+(?:of|rose to|reached|to|stands at|at)\s+{_QUAL}({_NUM})\b", re.I)
# "killed a man", "a woman was killed": the indefinite article counts one (not "a number of", "a few").
_A_AFTER = re.compile(r"\b(?:kill(?:ed|s|ing)?|murder(?:ed|s|ing)?|lynch(?:ed|ing)?|shot dead|hacked to death)\s+"
                      r"an?\s+(?!number|few|lot|group|crowd|dozen|hundred|couple|series|gang|mob)[a-z]", re.I)
_NP_AGE = _NP.replace("[A-Za-z", "[\\w")  # "a 12-year-old boy"
_A_BEFORE = re.compile(rf"(?:^|[.;:,]\s+|\b(?:when|after|where|as)\s+)an?{_NP_AGE}\s+"
                       r"(?:was|is|has been|had been)\s+(?:(?:later|reportedly|allegedly)\s+)?"
                       rf"(?:{_PASSIVE}\b{_NO_OBJECT}|died\b)", re.I)
_ZERO = re.compile(r"\b(?:no(?:\s+one|body)\s+(?:was|were|has been|had been|got)\s+(?:\w+\s+)?"
                   r"(?:killed|hurt|injured|harmed)|no(?:\s+one|body)\s+died"
                   r"|no\s+(?:reported\s+)?(?:deaths|fatalities|casualties|loss of li(?:fe|ves))"
                   r"|without\s+(?:any\s+)?(?:casualties|fatalities|deaths)"
                   r"|no\s+(?:one|people)\s+(?:were|was)\s+killed)\b", re.I)
_VAGUE = re.compile(r"\b(?:coded (?:across|separately|as)|details not specified|not specified|estimate|unknown number"
                    r"|unspecified|undisclosed number)", re.I)
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_NOT_A_COUNT_AFTER = re.compile(r"^\s*-?\s*(?:years?|yr|months?|weeks?|days?|hours?|minutes?|km|kilomet|miles?"
                                rf"|acres?|percent|%|am\b|pm\b|o'clock|{_MONTH_WORD}\b)", re.I)
_NOT_A_COUNT_BEFORE = re.compile(rf"(?:{_MONTH_WORD}|\b\d{{1,2}}(?:st|nd|rd|th)?,?|\bsh\.?|\bksh\.?|\$|\bno\.?)\s*$",
                                 re.I)
_ANIMALS = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:cows?|cattle|camels?|goats?|sheep|donkeys?|animals?|livestock|"
                      r"heads?\b|herds?|shoats|chickens?|dogs?|elephants?|lions?|hippos?|wildlife|birds?)\b", re.I)
# "a man and his son were killed": a second victim joined by "and" makes "a" no count.
_AND_MORE = re.compile(r"^[^.;,]*?\band\s+(?:his|her|their|an?|the|two|three|four|five|\d+|other|another)\b", re.I)


def number_value(text: str) -> int | None:
    """"12" / "1,200" / "twelve" / "twenty-one" / "a dozen" -> int."""
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    if t in WORDS:
        return WORDS[t]
    parts = re.split(r"[\s-]+", t)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in WORDS:
        return _TENS[parts[0]] + WORDS[parts[1]]
    return None


def _is_count(note: str, start: int, end: int) -> bool:
    """Not an age, a duration, a distance, a date or a sum of money."""
    after = note[end:end + 40]
    if _NOT_A_COUNT_AFTER.search(after) or _ANIMALS.search(after):
        return False
    if re.search(r"\b(?:no|not)\s*$", note[max(0, start - 5):start], re.I):
        return False  # "no one was killed" is the zero rule's
    # "May 5", "Sh 200": only digits are dates or sums ("in May two people died" is a count)
    return not (note[start].isdigit() and _NOT_A_COUNT_BEFORE.search(note[max(0, start - 12):start]))


def fatalities_written(note: str) -> int | None:
    """The number of dead the note writes, 0 where it says nobody died, None where it does not say
    (see the module doc for the rule)."""
    if not note or _VAGUE.search(note):
        return None
    counts: list[int] = []
    spans: list[tuple[int, int]] = []
    for rx in (_COUNT_BEFORE, _COUNT_AFTER, _TOLL):
        pos = 0
        while (m := rx.search(note, pos)) is not None:
            # a rejected number may hide a count after it ("On 5 May two died"): search on from it
            pos = m.end(1) if m.end(1) > pos else pos + 1
            if any(m.start(1) < e and s < m.end(1) for s, e in spans) or not _is_count(note, m.start(1), m.end(1)):
                continue  # the same number found by two patterns, or not a head count
            value = number_value(m.group(1))
            if value:
                spans.append((m.start(1), m.end(1)))
                counts.append(value)
                more = _AND_COUNT.match(note, m.end(1)) if rx is _COUNT_AFTER else None
                if more and _is_count(note, more.start(1), more.end(1)) and number_value(more.group(1)):
                    spans.append((more.start(1), more.end(1)))
                    counts.append(number_value(more.group(1)))
    for rx in (_A_AFTER, _A_BEFORE):
        for m in rx.finditer(note):
            if any(m.start() < e and s < m.end() for s, e in spans):
                continue
            if rx is _A_AFTER and _AND_MORE.search(note[m.end():]):
                continue
            spans.append((m.start(), m.end()))
            counts.append(1)
    if _ZERO.search(note):
        return None if counts else 0
    if not counts:
        return None
    return sum(set(counts))


_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?"
_DATE_MD = re.compile(rf"\b{_MON}\s+{_DAY}\b{_YEAR}", re.I)
_DATE_DM = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\b{_YEAR}", re.I)


def stated_date(note: str, default_year: int) -> str | None:
    """The first calendar day the note writes ("On December 31 2019", "28 December:", "Sept 15th 2019"),
    as YYYY-MM-DD; ``default_year`` fills a day written without its year. None where none is written."""
    found = []
    for rx in (_DATE_MD, _DATE_DM):
        for m in rx.finditer(note or ""):
            month = next(i for name, i in _MONTHS.items() if name.startswith(m.group("mon").lower()[:3]))
            year = int(m.group("year")) if m.group("year") else default_year
            try:
                found.append((m.start(), date(year, month, int(m.group("day"))).isoformat()))
            except ValueError:
                continue
    return min(found)[1] if found else None
