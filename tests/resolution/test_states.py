"""States: names, short forms, codes, demonyms and "Government of X" all give one IRI."""
from __future__ import annotations

import pytest

from tipgraph.namespaces import entity_iri


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RU"), ("the Russian Federation", "RU"), ("RU", "RU"), ("ru", "RU"),
        ("Republic of Turkey", "TR"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Turkiye", "TR"),
        ("U.S.", "US"), ("US", "US"), ("USA", "US"), ("United States", "US"), ("United States of America", "US"),
        ("UK", "GB"), ("Britain", "GB"), ("United Kingdom", "GB"), ("UAE", "AE"), ("South Korea", "KR"),
        ("Moldova", "MD"), ("Republic of Moldova", "MD"), ("Iran", "IR"), ("Syria", "SY"), ("Vietnam", "VN"),
        ("Viet Nam", "VN"), ("Laos", "LA"), ("Bolivia", "BO"), ("Tanzania", "TZ"), ("Venezuela", "VE"),
        ("Czech Republic", "CZ"), ("Czechia", "CZ"), ("Kosovo", "XK"), ("Holy See", "VA"), ("Swiss Confederation", "CH"),
        ("Kingdom of Belgium", "BE"), ("Swiss", "CH"), ("Turkmen", "TM"), ("Government of Turkmenistan", "TM"),
        ("the Swiss government", "CH"), ("Russian Federation Government", "RU"), ("U.S. government", "US"),
        ("Government of the United States", "US"), ("Russian government", "RU"), ("North Korea", "KP"),
    ],
)
def test_state_variants(resolver, name, code):
    st = resolver.state(name)
    assert st is not None, name
    assert st.iri == str(entity_iri("State", code))
    assert st.iso_code == code and st.kind == "State" and st.in_registry


def test_state_labels_are_what_a_reader_expects(resolver):
    assert resolver.state("RU").label == "Russian Federation"
    assert resolver.state("US").label == "United States of America"
    assert resolver.state("TR").label == "Türkiye"
    assert resolver.state("KR").label == "South Korea"
    assert resolver.state("BO").label == "Bolivia"
    assert "," not in resolver.state("CD").label


def test_unknown_state(resolver):
    assert resolver.state("Atlantis") is None
    assert resolver.state("QQ") is None
    assert resolver.state("") is None


def test_every_pycountry_state_is_present(registry):
    import pycountry

    codes = {e.iso_code for e in registry.entities if e.kind == "State"}
    assert {c.alpha_2 for c in pycountry.countries} <= codes
    assert "XK" in codes


def test_wikidata_only_as_entity_iris(registry):
    for e in registry.entities:
        for s in e.same_as:
            assert s.startswith("http://www.wikidata.org/entity/Q"), e
    assert registry.states["RU"].entity.same_as == ("http://www.wikidata.org/entity/Q159",)
