"""Budget amounts and durations as press releases write them.

"2.5 million euro" -> (2500000, "EUR"); "US$ 750,000" -> (750000, "USD");
"1.2 million Swiss francs" -> CHF; "£300,000" -> GBP. Durations: "30-month" -> 30,
"three-year" -> 36, "18 months" -> 18.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .numbers import small_number

#: Currency words and symbols -> ISO 4217. Longer keys are tried first.
CURRENCIES = {
    "us$": "USD", "usd": "USD", "u.s. dollars": "USD", "us dollars": "USD", "american dollars": "USD",
    "dollars": "USD", "dollar": "USD", "$": "USD",
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR",
    "swiss francs": "CHF", "swiss franc": "CHF", "chf": "CHF", "sfr": "CHF",
    "pounds sterling": "GBP", "british pounds": "GBP", "pounds": "GBP", "gbp": "GBP", "£": "GBP",
    "yen": "JPY", "jpy": "JPY", "¥": "JPY",
    "roubles": "RUB", "rubles": "RUB", "rub": "RUB",
    "norwegian kroner": "NOK", "nok": "NOK", "swedish kronor": "SEK", "sek": "SEK",
    "danish kroner": "DKK", "dkk": "DKK", "canadian dollars": "CAD", "cad": "CAD", "c$": "CAD",
    "australian dollars": "AUD", "aud": "AUD", "a$": "AUD",
    "php": "PHP", "₱": "PHP", "p": "PHP",
    "manat": "TMT", "tenge": "KZT", "hryvnia": "UAH", "lari": "GEL", "somoni": "TJS", "som": "KGS",
}
_CUR_ALT = "|".join(re.escape(k) for k in sorted(CURRENCIES, key=len, reverse=True))
_SCALE = {"thousand": 10**3, "million": 10**6, "mln": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9}
_NUM = r"(?P<num>\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE_RX = r"(?:\s*(?P<scale>thousand|million|mln|billion|bn|m)\b)?"

_AMOUNT = re.compile(
    # currency first: "US$ 750,000", "EUR 2 million", "£300,000"
    r"(?<![\w$£€¥])(?P<cur1>" + _CUR_ALT + r")\s?" + _NUM + _SCALE_RX
    # or after: "2.5 million euro", "3 million Swiss francs"
    + r"|" + _NUM.replace("num", "num2") + _SCALE_RX.replace("scale", "scale2") + r"\s*(?P<cur2>" + _CUR_ALT + r")\b",
    re.I,
)

_DURATION = re.compile(
    r"\b(?:(?P<ln>\d{1,3}|[a-z]+)-)?(?P<long>year|month)-long\b"
    r"|\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)[-\s](?P<unit>month|year)s?\b(?!\s+old|-long)(?P<after>[-\s]+(?:old|ago)|\s+of\s+(?!implementation\b))?",
    re.I,
)


def parse_amounts(text: str) -> list[tuple[int, int, Decimal, str]]:
    """(start, end, amount, ISO currency) for every money amount in ``text``."""
    out = []
    for m in _AMOUNT.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = m.group("scale") or m.group("scale2")
        cur = (m.group("cur1") or m.group("cur2")).lower()
        if scale and scale.lower() == "m" and not m.group("cur1"):
            continue  # "5 m euro" is rare; "5 m" is usually metres
        if cur == "p" and (m.group("cur1") != "P" or not text[m.end("cur1") : m.end("cur1") + 1].isdigit()):
            continue  # the peso only as "P153 million", glued to its number
        try:
            value = Decimal(re.sub(r"[,\s]", "", num))
        except InvalidOperation:
            continue
        if scale:
            value *= _SCALE[scale.lower()]
        out.append((m.start(), m.end(), normalize_amount(value), CURRENCIES[cur]))
    return out


def normalize_amount(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral() else value


def parse_durations(text: str) -> list[tuple[int, int, int]]:
    """(start, end, months) for every duration ("30-month", "three-year", "18 months")."""
    out = []
    for m in _DURATION.finditer(text):
        if m.group("after"):
            continue  # "ten years ago", "over ten years of partnership": time gone by, not a plan
        if m.group("long"):
            n = small_number(m.group("ln")) if m.group("ln") else 1
            if n:
                out.append((m.start(), m.end(), n * (12 if m.group("long").lower() == "year" else 1)))
            continue  # "the Mission's year-long project"
        n = small_number(m.group("n"))
        if not n:
            continue
        months = n * 12 if m.group("unit").lower() == "year" else n
        if months > 240:
            continue
        out.append((m.start(), m.end(), months))
    return out
