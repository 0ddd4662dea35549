"""Privacy: victims and other private individuals never become persons.

Press releases quote survivors by first name or pseudonym ("the victim, Maria, said",
"one survivor, Ana Petrova, told"). The person rules already require a public title;
this check is the second lock: a name whose title or immediate context marks a private
individual is dropped, whatever else the sentence says.
"""
from __future__ import annotations

import re

from .lexicon import PRIVATE_MARKERS

_PSEUDONYM = re.compile(r"\(\s*(?:not (?:her|his|their) real name|names? (?:has been |have been )?changed|pseudonym)", re.I)
#: Words that, capitalised before a name, make it a private person's (not "Son", "Man": surnames).
_NAME_PREFIXES = frozenset("victim survivor trafficked resident villager migrant teenager".split())
_AGE = re.compile(r"\b\d{1,2}[-\s]year[-\s]old\b", re.I)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", text)}


def _plain_words(title: str) -> set[str]:
    """The title's words, less the capitalised ones inside it: "Secretary at the Ministry of
    Women, Children and Senior Citizens" names a body, not a child."""
    words = re.findall(r"[A-Za-z][\w-]*", title)
    return {w.lower() for i, w in enumerate(words) if i == 0 or not w[0].isupper()}


def is_private_context(text: str, start: int, end: int, title: str | None = None) -> bool:
    """True when the name at text[start:end] belongs to a private individual."""
    if title and (_plain_words(title) & PRIVATE_MARKERS or _AGE.search(title)):
        return True
    first = text[start:end].split(maxsplit=1)
    if first and first[0].lower() in _NAME_PREFIXES:  # "Survivor Grace Mensah, a trainee nurse, ..."
        return True
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if _PSEUDONYM.search(after):
        return True
    # "the victim, Maria, said" / "a 19-year-old woman, Ana Petrova,"
    close = re.split(r"[.;:!?]", before)[-1]
    marker = re.search(r"\b(?:" + "|".join(sorted(PRIVATE_MARKERS)) + r")\s*,?\s*$", close, re.I)
    if marker and not (marker.group()[0].isupper() and re.search(r"\b(?:of|for|and|on)\s+$", close[: marker.start()])):
        return True  # but "Minister of Women, Ana Gimenez": the capitalised remit of a body
    return bool(_AGE.search(close))


def is_private_title(title: str) -> bool:
    return bool(_words(title) & PRIVATE_MARKERS)
