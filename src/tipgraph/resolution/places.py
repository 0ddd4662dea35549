"""Places: capitals, cities and first-level regions, each part of its state.

``data/places.yaml`` lists them by hand ("Label | variant | ..."); regional names
follow a few regular English patterns ("Moscow Oblast" = "Moscow Region" = "Moscow
Province"), which are generated here instead of written out for every region.
"""
from __future__ import annotations

import re

from ..model import Entity
from ..namespaces import entity_iri, slug

_SUFFIX_VARIANTS = {
    "Oblast": ("Region", "Province", "oblast"),
    "Krai": ("Territory", "Region", "Kray"),
    "Velayat": ("Region", "Province"),
    "Autonomous Okrug": ("Autonomous District",),
}


def _regional_variants(label: str) -> list[str]:
    """"Moscow Oblast" -> "Moscow Region", "Moscow Province"; "Republic of Karelia" -> "Karelia"."""
    out: list[str] = []
    for suffix, replacements in _SUFFIX_VARIANTS.items():
        if label.endswith(" " + suffix):
            stem = label[: -len(suffix) - 1]
            out += [f"{stem} {r}" for r in replacements]
    m = re.match(r"^Republic of (.+)$", label)
    if m:
        out += [m.group(1), f"{m.group(1)} Republic"]
    return out


def _entries(items: list[str]) -> list[tuple[str, list[str]]]:
    out = []
    for item in items:
        parts = [p.strip() for p in str(item).split("|") if p.strip()]
        out.append((parts[0], parts[1:]))
    return out


def build_places(data: dict, state_iris: dict[str, str]) -> list[Entity]:
    """Place entities sorted by id; raises ValueError on a duplicate id or unknown state."""
    by_id: dict[str, Entity] = {}
    for section in ("capitals", "cities", "regions"):
        for code, items in sorted((data.get(section) or {}).items()):
            code = str(code)
            if code not in state_iris:
                raise ValueError(f"places.yaml: unknown state code {code!r} in {section}")
            for label, alts in _entries(items):
                if section == "regions":
                    alts = alts + [v for v in _regional_variants(label) if v not in alts]
                pid = slug(label)
                if pid in by_id:
                    raise ValueError(f"places.yaml: duplicate place id {pid!r} ({label})")
                by_id[pid] = Entity(
                    iri=str(entity_iri("Place", pid)),
                    kind="Place",
                    label=label,
                    alt_labels=frozenset(a for a in alts if a != label),
                    part_of=state_iris[code],
                    in_registry=True,
                )
    return [by_id[k] for k in sorted(by_id)]
