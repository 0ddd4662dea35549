"""Sentence splitting that knows the abbreviations of press releases.

A full stop ends a sentence only when it is not part of a title ("Mr."), an acronym
("U.S.", "No."), an initial ("John F. Kennedy") or a number ("4.4"). Offsets are kept,
so facts can point back at the text they came from. A sentence longer than
:data:`~tipgraph.extraction.bounds.MAX_SENTENCE_CHARS` is split at spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .bounds import MAX_SENTENCE_CHARS, split_long

#: Words after which a full stop does not end the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st no nos vs etc jr sr gen col lt capt sgt rev hon amb
    approx dept est fig inc ltd co corp art para paras vol pp p op cit ibid jan feb mar apr jun jul
    aug sep sept oct nov dec e g i ie eg al atty engr fr""".split()
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int
    index: int


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    """Whether the punctuation at ``dot`` closes a sentence."""
    if text[dot] in "!?":
        return True
    m = re.search(r"([A-Za-z][A-Za-z.]*)\.$", text[max(0, dot - 20) : dot + 1])
    word = m.group(1) if m else ""
    if word:
        low = word.lower().rstrip(".")
        if low in ABBREVIATIONS:
            return False
        if "." in word:  # U.S., U.N., e.g.
            # "the U.S. government" continues; "... in the U.S. The next" ends.
            return after >= len(text) or _next_word_starts_sentence(text, after)
        if len(word) == 1 and word.isupper():  # an initial
            return False
    nxt = text[after : after + 1]
    return not nxt or not nxt.islower()


_SENTENCE_STARTERS = frozenset(
    "The This That These Those It He She They We In On At During After Before Since However Also A An".split()
)


def _next_word_starts_sentence(text: str, pos: int) -> bool:
    m = re.match(r"[A-Za-z]+", text[pos:])
    return bool(m) and m.group() in _SENTENCE_STARTERS


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; paragraphs (blank-line separated) never share a sentence."""
    out: list[Sentence] = []
    para = 0
    for pm in re.finditer(r"(?:(?!\n\s*\n).)+", text, re.S):
        ptext, pstart = pm.group(), pm.start()
        if not ptext.strip():
            continue
        begin = 0
        for bm in _BOUNDARY.finditer(ptext):
            after = bm.end()
            while after < len(ptext) and ptext[after].isspace():
                after += 1
            if not _ends_sentence(ptext, bm.start() + (len(bm.group().rstrip("\"'”’)]")) - 1), after):
                continue
            _add(out, ptext, pstart, begin, bm.end(), para)
            begin = after
        _add(out, ptext, pstart, begin, len(ptext), para)
        para += 1
    return out


def _add(out: list[Sentence], ptext: str, pstart: int, begin: int, end: int, para: int) -> None:
    if end - begin > MAX_SENTENCE_CHARS:  # no full stop for pages: pieces, or rules go superlinear
        for b, e in split_long(begin, end, ptext):
            _add_one(out, ptext, pstart, b, e, para)
        return
    _add_one(out, ptext, pstart, begin, end, para)


def _add_one(out: list[Sentence], ptext: str, pstart: int, begin: int, end: int, para: int) -> None:
    chunk = ptext[begin:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = pstart + begin + lead
    out.append(Sentence(stripped, s, s + len(stripped), para, len(out)))
