"""Provinces, districts and regions of each state (ISO 3166-2, from pycountry's data).

The hand-written ``data/places.yaml`` names capitals, big cities and a few regions; press
releases also name the districts a project covers ("Phalombe, Machinga and Mangochi") or
the province a training was held in. The names are read as places only for a state the
text is about (see ``extraction.mentions.subdivision_spans``), so a district that shares
its name with a person or a word elsewhere is not a place everywhere.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pycountry

#: Kinds of subdivision a press release names; municipalities, parishes and boroughs
#: are too many and too often ordinary words or family names.
_KINDS = frozenset("""province district region state governorate department county prefecture oblast
rayon canton emirate division territory autonomous-region autonomous-republic administrative-region
capital-district capital-territory federal-district regional-state""".split())
#: Names that are words or compass points, not names ("Centre", "Delta", "Rivers", "Northern")
_WORDS = frozenset("""central centre center capital coast coastal delta plateau plateaux rivers lakes lake
islands island highlands lowlands mountain mountains savanes littoral upper lower north south east west
northern southern eastern western maritime interior federal western-area eastern-area northern-area
southern-area middle island-region river border borders frontier valley sea ocean gulf bay""".split())
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|of|de|del|la|el|al)){0,3}")


@lru_cache(maxsize=1)
def _by_state() -> dict[str, dict[str, str]]:
    rows = []
    for sub in pycountry.subdivisions:
        kind = sub.type.lower().replace(" ", "-")
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name).strip()
        if kind not in _KINDS or len(name) < 4 or not _NAME.fullmatch(name):
            continue
        if name.lower() in _WORDS or all(w.lower() in _WORDS for w in name.split()):
            continue
        rows.append((sub.country_code, name))
    counts = Counter(name.casefold() for _, name in rows)
    out: dict[str, dict[str, str]] = {}
    for code, name in rows:
        if counts[name.casefold()] == 1:  # a name two states' subdivisions share says nothing
            out.setdefault(code, {})[name.casefold()] = name
    return out


def subdivisions_of(iso_code: str) -> dict[str, str]:
    """The subdivision names of one state, case-folded name -> name as written."""
    return _by_state().get(iso_code.upper(), {})
