"""Name normalisation, tokenising and fuzzy comparison.

Every lookup in resolution goes through :func:`normalize` (for whole names) or
:func:`tokenize` + :func:`fold_token` (for running text), which agree with each
other: a name and the same words inside a sentence give the same key. The folding
removes the differences that press releases vary on without changing what is meant
(British/American spelling, "Co-operation", "&", apostrophes, a leading "the").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

from rapidfuzz import fuzz

#: Spelling variants folded to one form (after casefolding and removing apostrophes).
_WORD_FOLDS = {
    "organisation": "organization",
    "organisations": "organizations",
    "labour": "labor",
    "organised": "organized",
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "defence": "defense",
    "co-operation": "cooperation",
    "co-ordinator": "coordinator",
    "co-ordination": "coordination",
    "co-ordinating": "coordinating",
    "&": "and",
    "saint": "st",
    "st.": "st",
}

#: A token: a dotted acronym ("U.S.", "U.N."), an "&", a possessive "'s" (kept apart so
#: "Russia's" is "Russia" + "'s"), or a word, where "co-" stays joined to its word.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[A-Za-z](?:\.[A-Za-z])+\.?"
    r"|['’ʼ]s\b"
    r"|&"
    r"|(?i:co-(?=\w))?[^\Wʼ]+(?:['’ʼ](?!s\b)[^\Wʼ]+)*",
)
_APOSTROPHES = re.compile(r"[’‘`´ʼ]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name with its span in the text and its folded form for matching."""

    start: int
    end: int
    text: str
    norm: str  #: folded form; "" for tokens that names ignore ("'s")


@lru_cache(maxsize=65536)
def fold_token(raw: str) -> str:
    """The folded form of one token (see module docstring)."""
    t = _APOSTROPHES.sub("'", unicodedata.normalize("NFKC", raw)).casefold()
    if t == "'s":
        return ""
    t = _WORD_FOLDS.get(t, t)
    t = t.replace("'", "").replace(".", "")
    if t.startswith("co-"):
        t = _WORD_FOLDS.get(t, "co" + t[3:])
    return _WORD_FOLDS.get(t, t)


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` with character offsets and folded forms."""
    text = unicodedata.normalize("NFC", text)
    return [Token(m.start(), m.end(), m.group(), fold_token(m.group())) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[str, ...]:
    """The folded tokens of a name without a leading "the" and without possessive "'s".

    Cached: the resolver asks for the key of the same names (registry labels, mentions
    that recur) many times per document."""
    toks = [t.norm for t in tokenize(unicodedata.normalize("NFKC", name)) if t.norm]
    while toks and toks[0] == "the":
        toks = toks[1:]
    return tuple(toks)


def normalize(name: str) -> str:
    """A name's matching key as one string ("The Int'l Organisation for Migration" ...)."""
    return " ".join(name_key(name))


def clean_label(name: str) -> str:
    """A name as a label: single spaces, no leading "the", no trailing punctuation or quotes."""
    s = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip()
    s = s.strip("\"'“”‘’«»()[]{}.,;:!? ")
    s = re.sub(r"^(?:the)\s+", "", s, flags=re.IGNORECASE)
    # a possessive or plural apostrophe left dangling ("Journalists’") is kept by strip only
    # when it belongs to the name; "Russia's" as a whole name is "Russia"
    s = re.sub(r"['’]s$", "", s)
    return s


def is_acronym(name: str) -> bool:
    """True for short forms matched case-sensitively: "IOM", "U.S.", "CoE", "OSR/CTHB", "UN"."""
    s = name.strip()
    if not s or " " in s or len(s) > 12:
        return False
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper == len(letters) or (upper >= 2 and upper * 2 >= len(letters))


#: Names shorter than this (in characters of their key) are never fuzzy-matched.
MIN_FUZZY_LENGTH = 8
#: Measured in tests/resolution/fuzzy_pairs.tsv (see docs/resolution.md).
FUZZY_THRESHOLD = 88.0
_DIGITS = re.compile(r"\d+")


#: Scorers whose maximum is the similarity of two normalised names (0-100): plain edit
#: ratio ("antislavery" / "anti slavery") and token-sorted ratio (swapped words).
FUZZY_SCORERS = (fuzz.ratio, fuzz.token_sort_ratio)


def fuzzy_score(a: str, b: str) -> float:
    """Similarity of two normalised names, 0-100."""
    return max(scorer(a, b) for scorer in FUZZY_SCORERS)


def numbers(key: str) -> frozenset[str]:
    """The numbers in a key ("c029", "2016-2018" ...): names with other numbers are other things."""
    return frozenset(n.lstrip("0") or "0" for n in _DIGITS.findall(key))


#: Prefixes that turn a word into another meaning ("national" / "international").
_MEANING_PREFIXES = frozenset(("inter", "intra", "non", "sub", "supra", "trans", "multi"))


def _prefixed(a: str, b: str) -> bool:
    """Whether one word is the other with a prefix ("national" / "international",
    "governmental" / "intergovernmental"): another meaning, not a typo."""
    short, long_ = sorted((a, b), key=len)
    return long_.endswith(short) and long_[: len(long_) - len(short)] in _MEANING_PREFIXES


def _word_covered(word: str, others: list[str], joined: str) -> bool:
    if word not in others and any(_prefixed(word, o) for o in others):
        return False  # "National Labour Office" is not the International Labour Office
    return word in joined or any(fuzz.ratio(word, o) >= 75 for o in others)


def fuzzy_compatible(query: str, candidate: str) -> bool:
    """Whether a normalised query may fuzzily match a candidate name at all.

    Same numbers, similar length, and every longer word of the query close to a word
    of the candidate: a typo is fine, an extra "Court" or "Division" names another body.
    """
    a, b = query, candidate
    if len(a) < MIN_FUZZY_LENGTH or len(b) < MIN_FUZZY_LENGTH:
        return False
    if abs(len(a) - len(b)) > max(6, 0.3 * max(len(a), len(b))):
        return False
    if numbers(a) != numbers(b):
        return False
    cand_words = b.split()
    joined = b.replace(" ", "")
    return all(_word_covered(w, cand_words, joined) for w in a.split() if len(w) >= 4)
