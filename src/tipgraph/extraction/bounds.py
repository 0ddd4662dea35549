"""Limits that keep the extractor's time and memory bounded on any text.

Several rules look at every pair of nearby names or scan a sentence more than once, so
their cost grows faster than the text. Press releases are short (the longest in the
project's corpora has under 6,000 characters), so the limits sit far above real
documents and only stop hostile or broken ones:

* the text the rules see is cut at :data:`MAX_EXTRACT_CHARS` (at a paragraph, else a
  line, else a space), and the document says so in a note;
* a sentence longer than :data:`MAX_SENTENCE_CHARS` (a page without full stops, a 5 MB
  line) is split at spaces into pieces no longer than that;
* a run of more than :data:`MAX_TOKEN_CHARS` characters without a space (base64, a
  minified script that escaped cleaning) is blanked out with spaces of the same length,
  so offsets and evidence stay exact and no rule scans inside it.
"""
from __future__ import annotations

import re

MAX_EXTRACT_CHARS = 50_000
MAX_SENTENCE_CHARS = 2_000
MAX_TOKEN_CHARS = 100

_LONG_TOKEN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))


def bounded_text(text: str, limit: int = MAX_EXTRACT_CHARS) -> tuple[str, str]:
    """The text the rules may read, and a note ("" when nothing was cut or blanked).

    A note's words before " (" are the same for every document it applies to: the
    summary of ``ingest`` counts documents by them.
    """
    notes = []
    if len(text) > limit:
        cut = max(text.rfind("\n\n", 0, limit), text.rfind("\n", 0, limit), text.rfind(" ", 0, limit))
        cut = cut if cut > limit // 2 else limit
        notes.append(f"text cut to its first {limit:,} characters for extraction ({cut:,} of {len(text):,} read)")
        text = text[:cut]
    blanked = 0

    def blank(m: re.Match) -> str:
        nonlocal blanked
        blanked += 1
        return " " * len(m.group())

    text = _LONG_TOKEN.sub(blank, text)
    if blanked:
        notes.append(f"runs of over {MAX_TOKEN_CHARS} characters without a space ignored ({blanked} of them)")
    return text, "; ".join(notes)


def split_long(begin: int, end: int, text: str, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``text[begin:end]`` as pieces of at most ``limit`` characters, cut at spaces where possible."""
    pieces = []
    while end - begin > limit:
        cut = text.rfind(" ", begin + 1, begin + limit)
        if cut <= begin:
            cut = begin + limit
        pieces.append((begin, cut))
        begin = cut
    pieces.append((begin, end))
    return pieces
