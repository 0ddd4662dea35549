"""Numbers written as words or digits ("three", "30", "twenty-four")."""
from __future__ import annotations

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}


def small_number(word: str) -> int | None:
    """The value of a small cardinal ("two", "24", "twenty-four"), else None."""
    w = word.strip().lower()
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS[w]
    if w in _TENS:
        return _TENS[w]
    head, _, tail = w.partition("-")
    if head in _TENS and tail in _UNITS and _UNITS[tail] < 10:
        return _TENS[head] + _UNITS[tail]
    return None
