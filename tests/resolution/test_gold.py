"""The analysts' gold names (../shared/gold/seeds.yaml) against the registry.

Every name of a gold entity that denotes a registry actor, state, place or instrument
must resolve, and all names of one gold entity to the same entity. Generic Russian
bodies are resolved with the Russian Federation as the document's country, as the
extractor does. Persons, posts and document-specific instruments are not registry
entities and are skipped.
"""
from __future__ import annotations

import pytest
import yaml

pytestmark = pytest.mark.shared

#: gold keys that are not registry entities: persons, posts, laws and plans of one document
NOT_REGISTRY = {"generic_conventions", "ru_comprehensive_law", "osce_mc_decisions", "tm_nap", "osce_commitments"}
#: names that are a post, not the body ("President of the Republic of Tatarstan")
NOT_A_NAME = {"President of the Republic of Tatarstan"}
RUSSIAN_CONTEXT = {"mfa_ru", "mvd_ru", "moj_ru", "labour_ru", "gpo_ru", "supreme_court_ru", "investigative_committee_ru",
                   "public_chamber_ru", "ombudsperson_ru", "children_ombudsman_ru", "ec_delegation_ru", "state_duma"}


@pytest.fixture(scope="module")
def gold(shared_dir):
    return yaml.safe_load((shared_dir / "gold" / "seeds.yaml").read_text(encoding="utf-8"))


def test_gold_registry_names_resolve_to_one_entity(gold, resolver):
    persons = {k for d in gold["documents"].values() for k, _ in (d.get("persons") or [])}
    ru = resolver.state("RU")
    problems = []
    for key, names in gold["entities"].items():
        if key in persons or key in NOT_REGISTRY:
            continue
        country = ru if key in RUSSIAN_CONTEXT else None
        iris = {}
        for n in names:
            if n in NOT_A_NAME:
                continue
            e = resolver.resolve(n, country=country)
            iris[n] = e.iri if e else None
        if None in iris.values() or len(set(iris.values())) != 1:
            problems.append((key, iris))
    assert not problems, problems


def test_gold_entities_are_distinct(gold, resolver):
    """Different gold entities never resolve to the same entity."""
    ru = resolver.state("RU")
    seen = {}
    for key, names in gold["entities"].items():
        if key in NOT_REGISTRY:
            continue
        e = resolver.resolve(names[0], country=ru if key in RUSSIAN_CONTEXT else None)
        if e is None:
            continue
        assert e.iri not in seen, (key, seen.get(e.iri))
        seen[e.iri] = key
