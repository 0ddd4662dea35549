"""The resolver's shortcuts give the answers of the plain computation.

Fuzzy search compares only names of a length that can reach the threshold, and the
registry index keeps answers (fuzzy candidates, scans of names) for every resolver of a
worker: both must be invisible in what a document resolves to.
"""
from __future__ import annotations

import random

from rapidfuzz import process

from tipgraph.model import Entity
from tipgraph.resolution.matching import FUZZY_SCORERS, FUZZY_THRESHOLD
from tipgraph.resolution.resolver import Resolver


def _queries(names: list[str], rnd: random.Random) -> list[str]:
    """Names with a typo, a word dropped or added, words swapped, cut short."""
    out = []
    for n in names:
        chars = list(n)
        i = rnd.randrange(len(chars))
        chars[i] = rnd.choice("aeiou xyz")
        out.append("".join(chars))
        words = n.split()
        rnd.shuffle(words)
        out += [" ".join(words), n + " office", n[: max(8, len(n) * 4 // 5)], n[1:]]
    return out


def test_length_window_gives_rapidfuzz_answer():
    index = Resolver()._index
    rnd = random.Random(5)
    compared = 0
    for kind in sorted(index.fuzzy):
        names = index.fuzzy_choices(kind)
        for query in _queries(rnd.sample(names, 60), rnd):
            for scorer in FUZZY_SCORERS:
                for threshold in (FUZZY_THRESHOLD, 70.0):
                    want = process.extract(query, names, scorer=scorer, score_cutoff=threshold, limit=5)
                    got = index.fuzzy_extract(query, kind, scorer, threshold)
                    assert [tuple(w) for w in want] == [tuple(g) for g in got], (query, kind, scorer, threshold)
                    compared += 1
    assert compared > 1000


def test_shared_scan_ignores_known_names_only_when_none_applies():
    """A scan kept on the registry index must not hide a name this resolver knows."""
    text = "Zorvan Anti-Trafficking Foundation"
    sentence = f"The {text} met the minister."
    assert Resolver().find_mentions(sentence) == []  # scanned, kept on the registry index
    knowing = Resolver()
    knowing.add_known([Entity(iri="https://w3id.org/tipgraph/id/org/zorvan", kind="Organization", label=text)])
    assert [m.text for m in knowing.find_mentions(sentence)] == [text]
    assert Resolver().find_mentions(sentence) == []  # and the kept scan still holds for others


def test_kept_page_scan_is_redone_when_a_name_in_it_becomes_known():
    """find_mentions and main_country share one scan of a page, unless a name learnt in
    between begins with one of the page's words."""
    name = "Zorvan Anti-Trafficking Foundation"
    page = ("The Ministry of Interior of Kenya and IOM held a workshop in Nairobi on 3 May 2024. " * 4
            + f"Staff of the {name} took part.")
    assert len(page) > 300
    r = Resolver()
    assert name not in [m.text for m in r.find_mentions(page)]
    r.resolve("Some Other Body")  # a scan of a name in between
    r.add_known([Entity(iri="https://w3id.org/tipgraph/id/org/zorvan", kind="Organization", label=name)])
    assert name in [m.text for m in r.find_mentions(page)]
