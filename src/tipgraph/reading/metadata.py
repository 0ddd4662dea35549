"""Dates, datelines and labelled fields ("Source: ...") found in the text of a release.

Press releases state their date and place in a handful of conventional spots: a date
alone under the title, a "Date:" field, or the dateline that opens the first paragraph
("MOSCOW, 20 November 2009 -", "ASHGABAT (IOM) -", "Geneva - On 3 March 2021 ...").
These functions read those spots only; they never edit the body sentence.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateutil import parser as date_parser

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_DATE_PATTERNS = (
    rf"{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}",
    rf"{_MONTH}\.?\s+{_DAY}(?:,\s*|\s+){_YEAR}",  # "Sep 16,2019" too
    rf"{_YEAR}-[01]\d-[0-3]\d",
    rf"[0-3]?\d[./][01]?\d[./]{_YEAR}",
)
DATE_RE = re.compile(r"(?<![\w.])(?:" + "|".join(_DATE_PATTERNS) + r")(?![\w])", re.I)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DEFAULT = datetime(1900, 1, 1)


def parse_date(text: str) -> date | None:
    """A full calendar date written in one of the usual ways; None when absent or invalid."""
    m = DATE_RE.search(text)
    return _to_date(m.group(0)) if m else None


@lru_cache(maxsize=8192)  # dateutil takes ~0.2 ms a date; the same ones recur in a page's lines and across pages
def _to_date(found: str) -> date | None:
    found = re.sub(r"\bof\b", " ", found, flags=re.I)
    found = re.sub(r",(?=\d)", ", ", found)  # "Sep 16,2019"
    try:
        value = date_parser.parse(found, dayfirst=not found[:4].isdigit(), default=_DEFAULT)
    except (ValueError, OverflowError):
        return None
    return value.date() if 1900 < value.year < 2100 else None


def parse_iso_or_text_date(value: str | None) -> date | None:
    """Dates from HTML metadata: ISO timestamps ("2021-03-04T10:00:00Z") or written dates."""
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return parse_date(value)


_DATE_LABEL = re.compile(
    r"^(?:(?:press|news|media)\s+release|news|statement|"
    r"published(?:\s+on)?|posted(?:\s+on)?|issued(?:\s+on)?|released(?:\s+on)?|date(?:d)?|"
    r"last\s+updated(?:\s+on)?|updated(?:\s+on)?)\b\s*[:,|·\-–—]?\s*", re.I)
_DATE_ALONE = re.compile(
    # "01:53, Sep 16,2019": a time of posting may come first
    r"^(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?\s*,?\s+)?"
    rf"(?:{_WEEKDAY},?\s+)?(?P<date>" + "|".join(_DATE_PATTERNS) +
    rf")(?:,?\s+{_WEEKDAY})?(?:\s*(?:[|,\-–—]|at)?\s*\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?"
    r"(?:\s*,?\s+by\s+[^.]{1,60})?"
    # "Wednesday, 5 December 2018, 14:35 Last update: about 7 months ago": the note of an update after it
    r"(?:\s*[|·]?\s*(?:last\s+)?updated?(?:\s+on)?\s*:?\s+[^|]{1,60})?\s*$", re.I)


def date_line(line: str) -> date | None:
    """The date of a line that is only a date, maybe labelled ("Published: 2 May 2018")."""
    rest = line.strip().lstrip("-•*· ").strip()
    # "(@newsdesk) Published November 06, 2021": an author's handle or byline before the label
    rest = re.sub(r"^(?:\(@\w+\)|@\w+|By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?=(?:published|posted|updated|last)\b)", "",
                  rest, flags=re.I)
    for _ in range(2):
        stripped = _DATE_LABEL.sub("", rest, count=1)
        if stripped == rest:
            break
        rest = stripped
    m = _DATE_ALONE.match(rest)
    return _to_date(m.group("date")) if m else None


def place_date_line(line: str) -> tuple[str, date] | None:
    """A line that is only "Place, date" ("Strasbourg, 29 November 2021")."""
    m = _PLACE_DATE.match(line.strip())
    if not m or date_line(line) is not None:  # "Published 2 May 2018" names no place
        return None
    when = _to_date(m.group("date"))
    return (readable_place(m.group("place")), when) if when else None


# -- labelled fields --------------------------------------------------------------------

_FIELD = re.compile(
    r"^(?:[-•*·]\s*)?(?P<key>title|headline|date|published(?:\s+on)?|publication\s+date|"
    r"place|location|source|publisher|published\s+by|issued\s+by|from|author|by|"
    r"(?:fields?|areas?)\s+of\s+(?:work|activity|activities|action)|(?:focus|thematic)\s+areas?|"
    r"topics?|tags?|themes?|subjects?|sectors?|categor(?:y|ies)|keywords?|type|"
    r"document\s+type|region|countr(?:y|ies))\s*:\s*(?P<value>.*)$", re.I)
_FIELD_KIND = {
    "title": "title", "headline": "title", "date": "date", "published": "date",
    "published on": "date", "publication date": "date", "place": "place",
    "location": "place", "source": "publisher", "publisher": "publisher",
    "published by": "publisher", "issued by": "publisher", "from": "publisher",
}


_RUNS_ON = re.compile(r"(?:[&,]|\b(?:and|of|the|for|on|in|to|de))$", re.I)


@dataclass
class Fields:
    """Title, date, place and publisher read from a document's labelled fields ("Date:", "Place:")."""

    title: str | None = None
    date: date | None = None
    place: str | None = None
    publisher: str | None = None


def take_fields(lines: list[str], *, keep: AbstractSet[int] = frozenset()) -> tuple[list[str], Fields]:
    """Read and blank out "Key: value" lines (value maybe on the next line, as in bullet lists).

    Only short lines count, so a body sentence that happens to start with "Source:" and
    runs on is left alone.
    """
    out = list(lines)
    fields = Fields()
    i = 0
    while i < len(out):
        line = out[i]
        m = _FIELD.match(line) if len(line) <= 160 and i not in keep else None
        if not m:
            i += 1
            continue
        key = " ".join(m.group("key").lower().split())
        value = m.group("value").strip()
        out[i] = ""
        if not value and i + 1 < len(out):
            nxt = out[i + 1]
            if nxt.strip() and not _FIELD.match(nxt) and len(nxt) <= 200:
                value = nxt.strip().lstrip("-•*·").strip()
                out[i + 1] = ""
                i += 1
        while _RUNS_ON.search(value) and i + 1 < len(out) and out[i + 1].strip() \
                and not _FIELD.match(out[i + 1]) and date_line(out[i + 1]) is None:
            value = value + " " + out[i + 1].strip()  # a value wrapped onto the next line
            out[i + 1] = ""
            i += 1
        kind = _FIELD_KIND.get(key)
        if value and kind == "title" and fields.title is None:
            fields.title = value
        elif value and kind == "date" and fields.date is None:
            fields.date = parse_date(value)
        elif value and kind == "place" and fields.place is None:
            fields.place = readable_place(value)
        elif value and kind == "publisher" and fields.publisher is None:
            fields.publisher = value.rstrip(".")
        i += 1
    return out, fields


# -- release markers -------------------------------------------------------------------

_RELEASE_MARKER = re.compile(
    r"^(?:(?:joint\s+)?(?:press|news|media)\s+release|press\s+statement|statement|news)\b"
    r"(?:\s+(?:by|from|of)\s+(?P<by>[^,|\d–—]+))?\s*(?:[,|:\-–—]\s*)?(?P<rest>.*)$", re.I)


def release_marker(line: str) -> tuple[str | None, date | None] | None:
    """("Press release by X", its date) for a "Press Release [by X] [date]" line, else None."""
    m = _RELEASE_MARKER.match(line.strip())
    if not m or line.strip()[:1].islower() or m.group("by") and len(m.group("by").split()) > 8:
        return None  # "press release of the Commission says the ..." wrapped in prose: no marker
    rest = m.group("rest").strip()
    when = None
    if rest:
        when = date_line(rest)
        if when is None:
            return None
    by = m.group("by").strip() if m.group("by") else None
    return by, when


# -- "Press release | Lima | May 10, 2024" ------------------------------------------------

_META_SEP = re.compile(r"\s+[|·•]\s+|\s*\|\s*")


def meta_line(line: str) -> tuple[str | None, date] | None:
    """(place, date) of a line of short fields split by bars or dots, one of them a date
    ("*Press release | Lima | May 10, 2024*", "News · Geneva · 3 March 2021"); else None."""
    text = line.strip().strip("*_").strip()
    parts = [p.strip().strip("*_").strip() for p in _META_SEP.split(text)]
    parts = [p for p in parts if p]
    if not 2 <= len(parts) <= 4 or any(len(p) > 40 for p in parts):
        return None
    when = None
    place = None
    for part in parts:
        found = date_line(part)
        if found is not None and when is None:
            when = found
        elif release_marker(part) is not None or re.fullmatch(r"\d{1,2}[:.]\d\d", part) \
                or re.match(r"(?:posted\s+|written\s+)?by\s+\S", part, re.I):  # "Posted by the X staff": a byline
            continue
        elif place is None and _PLACE_ONLY.match(part) and part.split()[0].lower() not in _NOT_PLACE \
                and part.upper() not in _ORG_ACRONYMS:
            place = readable_place(part)
        else:
            return None  # a field of another kind: not a dateline of this form
    if place is not None and any(re.match(r"(?:published|posted|updated)\b", p, re.I) for p in parts):
        place = None  # "Jane Roe | Published: 01:53, Sep 16,2019": the other field is a byline
    return (place, when) if when is not None else None


# -- datelines ---------------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽА-ЯЁЄІЇҐЎΑ-Ω"
_LETTER = r"[^\W\d_]"
_PLACE_WORD = rf"(?:[{_UP}](?:{_LETTER}|['’.\-])*(?:{_LETTER}|\.)|[{_UP}])"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:[ /]{_PLACE_WORD}|\s(?:and|de|del|la|el|upon|on|am)\s{_PLACE_WORD}){{0,3}})"
    rf"(?P<country>,\s*{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}(?=\s*[,(–—-]))?"
    r"\s*(?:\((?P<org>[^()]{2,40})\))?"
    r"\s*(?:,\s*(?P<date>[^–—()]{5,40}?))?"
    r"\s*(?:\((?P<org2>[^()]{2,40})\))?"
    r"\s*(?P<dash>[–—]|--?|:|\.)\s+(?P<rest>\S)")
_DATELINE_PAREN = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}),?\s*\((?P<inner>[^()]{{2,80}})\)\s+(?=[A-Z])")
_PLACE_DATE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:[ /-]{_PLACE_WORD}){{0,3}})(?:,\s*{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}})?"
    rf",?\s+(?P<date>(?:{_WEEKDAY},?\s+)?(?:" + "|".join(_DATE_PATTERNS) + r"))"
    r"(?:\s*[,|]\s*[^\W\d][^\d,.;:!?]{1,28})?\s*$", re.I)  # "Belgrade, 12 November 2009, source"
_PLACE_ONLY = re.compile(rf"^{_PLACE_WORD}(?:[ -]{_PLACE_WORD}|\s(?:de|del|la|el|upon|on|am)\s{_PLACE_WORD}){{0,3}}$")
_NOT_PLACE = frozenset("""the a an this that these those in on at for from with by as it its
he she they we our their his her today yesterday tomorrow meanwhile however also but and
according during after before while when ms mr mrs dr prof his-excellency
news press statement update updates media
chairman chairwoman editor editor-in-chief publisher founder""".split())  # a newspaper's masthead: "CHAIRMAN: DR. X"
_ORG_ACRONYMS = frozenset("""IOM OSCE UNODC UN EU UNHCR UNICEF ILO ODIHR NGO NGOS OHCHR UNDP
USAID INTERPOL EUROPOL CIS NATO WHO UNFPA UNESCO UNDOC GRETA CEDAW OSR CTHB""".split())
_ON_DATE = re.compile(r"^(?:on|since|as of)\s+(?:" + _WEEKDAY + r",?\s+)?", re.I)


@dataclass
class Dateline:
    """A press release's dateline ("GENEVA, 3 May 2021 (IOM)"): place, date and issuing organization."""

    place: str
    date: date | None = None
    org: str | None = None


def _paren_dateline(paragraph: str) -> Dateline | None:
    """ "ABU DHABI, (UrduPoint / WAM - 06th Nov, 2021) The first meeting ...": a capitalised
    place, then the wire credits and the date in brackets, then the sentence."""
    m = _DATELINE_PAREN.match(paragraph)
    if not m or not m.group("place").isupper():
        return None
    inner = m.group("inner")
    parts = [p.strip() for p in re.split(r"\s+[-–—]\s+", inner)]
    when = None
    for part in reversed(parts):
        when = parse_date(re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", part))
        if when:
            break
    orgs = [o.strip() for o in re.split(r"\s*/\s*", parts[0]) if o.strip()] if len(parts) > 1 or when is None else []
    return Dateline(place=readable_place(m.group("place")), date=when, org=orgs[-1] if orgs else None)


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a paragraph, if it has one."""
    m = _DATELINE.match(paragraph)
    if not m:
        return _paren_dateline(paragraph)
    place = m.group("place")
    words = place.split()
    upper = place.isupper() and sum(c.isalpha() for c in place) >= 3
    the_city = upper and len(words) > 1 and words[0] == "THE"  # THE HAGUE
    if (words[0].lower().strip(".") in _NOT_PLACE and not the_city) or place.upper() in _ORG_ACRONYMS:
        return None
    when = parse_date(m.group("date")) if m.group("date") else None
    if m.group("date") and when is None and not upper:
        return None  # "X, something -" that is no date: an apposition, not a dateline
    rest = paragraph[m.start("rest"):]
    if not m.group("date") and 0 < len(rest.split()) < 6 and all(w[:1].isupper() for w in rest.split()) \
            and not re.search(r"[.!?;:]\s*$", rest):
        return None  # "TNA - Thai News Agency": a site's header line, not a dateline and a sentence
    if when is None:
        on = _ON_DATE.match(rest)
        if on:
            found = DATE_RE.match(rest, on.end())
            when = _to_date(found.group(0)) if found else None
    dash = m.group("dash")
    if not (upper or m.group("org") or when):
        # A title-case place needs a real dash and a sentence after it.
        if dash not in ("–", "—", "--") or len(words) > 3 or not rest[:1].isupper() \
                or any(w[:1].islower() for w in words):
            return None
    if dash == ":" and not (upper or when):
        return None
    if dash == "." and (when is None or not m.group("date")):
        return None  # "Chisinau, 16 August 2023. Officials met ...": only with a date before the full stop
    org = (m.group("org") or m.group("org2") or "").strip() or None
    if org and not re.search(r"[A-Za-z]", org):
        org = None
    return Dateline(place=readable_place(place), date=when, org=org)


_SMALL_WORDS = frozenset("and of the de del la le el upon on am da di du von van".split())


def readable_place(name: str) -> str:
    """ "MOSCOW" -> "Moscow", "BOSNIA AND HERZEGOVINA" -> "Bosnia and Herzegovina"."""
    name = " ".join(name.strip().strip(",;:-–— ").split())
    if not name.isupper():
        return name
    words = []
    for i, word in enumerate(name.split(" ")):
        low = word.lower()
        if i and low in _SMALL_WORDS and low != "the":
            words.append(low)
        else:
            words.append("/".join("-".join(p[:1].upper() + p[1:] for p in part.split("-"))
                                  for part in low.split("/")))
    return " ".join(words)
