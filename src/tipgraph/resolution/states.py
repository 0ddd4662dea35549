"""States: every ISO 3166-1 country of pycountry, with the names press releases use.

pycountry gives the code and the formal names ("Russian Federation", "Korea,
Republic of"); ``data/states.yaml`` adds the label a reader expects, short forms
("UAE", "U.S."), and demonyms ("Swiss", "Turkmen") that name a state in phrases like
"the Swiss government" or "Turkmen Foreign Ministry".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

from ..model import Entity
from ..namespaces import WD, entity_iri

#: Labels that read as a noun phrase after "of": "Ministry of Justice of the Russian Federation".
_THE_PREFIXES = ("Republic", "Russian Federation", "United", "Kingdom", "Federal", "Democratic",
                 "Islamic", "Plurinational", "State of", "Holy See", "Principality", "Grand Duchy",
                 "Sultanate", "People's", "Socialist", "Commonwealth", "Bolivarian", "Hashemite",
                 "Czech Republic", "Dominican Republic", "Central African")
_THE_NAMES = {"Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros",
              "Seychelles", "Marshall Islands", "Solomon Islands", "Cayman Islands", "Sudan"}


def with_article(label: str) -> str:
    """``label`` as it reads after a preposition: "the Russian Federation", "Turkmenistan"."""
    if label in _THE_NAMES or label.startswith(_THE_PREFIXES) or label.endswith((" Islands", " Emirates", " Republic")):
        return "the " + label
    return label


@dataclass(frozen=True)
class StateRecord:
    """A state's entity with the demonyms and names readers use for it."""

    entity: Entity
    demonyms: tuple[str, ...]
    #: names a reader uses (label first), no acronyms
    names: tuple[str, ...]


_INVERTED = re.compile(r",\s.*\b(?:of|of the)$", re.IGNORECASE)


def _strip_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _saint_forms(names: list[str]) -> list[str]:
    """The abbreviated forms of "Saint ..." names: "St. Lucia", "St Kitts and Nevis"."""
    return [form + n[6:] for n in names if n.startswith("Saint ") for form in ("St. ", "St ")]


def build_states(data: dict) -> list[StateRecord]:
    """One record per ISO code, sorted by code (deterministic)."""
    extra = data.get("states", {}) or {}
    records: list[StateRecord] = []
    seen: set[str] = set()
    entries: list[tuple[str, dict, list[str]]] = []
    for c in pycountry.countries:
        code = c.alpha_2
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        entries.append((code, extra.get(code, {}) or {}, [n for n in names if n]))
    for code, info in extra.items():
        if info and info.get("extra"):
            entries.append((code, info, []))
    for code, info, pyc_names in sorted(entries, key=lambda e: e[0]):
        if code in seen:
            continue
        seen.add(code)
        label = info.get("label") or (pyc_names[0] if pyc_names else code)
        alts: list[str] = []
        given = [*pyc_names, *(info.get("alt") or [])]
        for n in [*given, *_saint_forms(given)]:
            n = _strip_article(str(n))
            if _INVERTED.search(n):  # "Korea, Republic of": a catalogue form, not a name
                continue
            if n != label and n not in alts:
                alts.append(n)
        demonyms = tuple(str(d) for d in info.get("demonym") or ())
        wd = info.get("wd")
        entity = Entity(
            iri=str(entity_iri("State", code)),
            kind="State",
            label=label,
            alt_labels=frozenset(alts),
            iso_code=code,
            in_registry=True,
            same_as=(str(WD[wd]),) if wd else (),
        )
        names = tuple([label] + [a for a in alts if not _looks_like_code(a)])
        records.append(StateRecord(entity, demonyms, names))
    return records


def _looks_like_code(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 4


def short_name(record: StateRecord) -> str | None:
    """The shortest usual name when it differs from the label ("Russia" for the Russian Federation)."""
    names = [n for n in record.names[1:] if "," not in n and "(" not in n]
    if not names:
        return None
    best = min(names, key=len)
    return best if len(best) < len(record.entity.label) else None
