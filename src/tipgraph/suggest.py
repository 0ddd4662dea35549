"""Suggestions ("did you mean ...?") for mistyped names: query names, IRIs.

A typo in a query name or an IRI should be answered with the name that was meant,
not with a list to read through. rapidfuzz (already a dependency, for entity
resolution) does the edit-distance scoring.
"""
from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

#: Normalised similarity (0-100) below which a name is not offered as a suggestion.
CUTOFF = 80.0


def closest(word: str, choices: Iterable[str], *, limit: int = 1, cutoff: float = CUTOFF) -> list[str]:
    """The ``limit`` choices most like ``word`` (best first), none under ``cutoff``."""
    options = sorted(set(choices))
    if not word or not options:
        return []
    found = process.extract(word, options, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
    return [choice for choice, _score, _index in found]


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = CUTOFF) -> str:
    """``" (did you mean who-met-whom?)"`` for the closest choice, or ``""`` when none is close."""
    best = closest(word, choices, cutoff=cutoff)
    return f" (did you mean {best[0]}?)" if best else ""
