"""Query variants (``#= when:`` bodies) return the main body's rows, on every engine.

A variant is another body of a stored query for a set of given parameters
(queries/catalogue.py); it must give the same rows as the main body, which the runner
falls back to on a store whose entity summary has no ``tgd:entity`` links.
"""
from __future__ import annotations

import pytest

from tipgraph.queries import CatalogueError, load_catalogue, run_query
from tipgraph.queries import runner
from tipgraph.queries.catalogue import parse_query_file
from tipgraph.store.binding import BindingError, bind_values

#: Parameters that make each variant select something in the fixture.
CASES = [
    ("who-met-whom", {"actor": "IOM"}),
    ("who-met-whom", {"actor": "OSCE"}),
    ("documents-about-actor", {"actor": "OSCE"}),
    ("documents-about-actor", {"actor": "IOM"}),
    ("instruments-of-actor", {"actor": "IOM"}),
    ("instruments-of-actor", {"actor": "Russian Federation"}),
    ("people-of-organization", {"organization": "Prosecutor General's Office of the Russian Federation"}),
    ("people-of-organization", {"organization": "TM"}),
    ("most-connected-actors", {"minimum": 1}),
    ("most-connected-actors", {"minimum": 3}),
]


def _rows(result) -> list[tuple]:
    return sorted(tuple(sorted((k, str(v)) for k, v in row.items())) for row in result.rows)


def test_every_variant_has_a_case():
    with_variants = {(name, v.when) for name, q in load_catalogue().items() for v in q.variants}
    assert with_variants == {(name, frozenset(params)) for name, params in CASES}


@pytest.mark.parametrize("name,params", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_variant_rows_equal_the_main_body(engine, monkeypatch, name, params):
    query = load_catalogue()[name]
    assert runner.choose_variant(engine, query, params) is not None, "the variant runs on this engine"
    chosen = run_query(engine, name, **params)
    assert chosen.rows, "the case selects something"
    monkeypatch.setattr(runner, "choose_variant", lambda *a: None)
    main = run_query(engine, name, **params)
    assert _rows(chosen) == _rows(main)
    assert chosen.columns == main.columns


def test_a_store_without_entity_links_runs_the_main_body(engine):
    from tipgraph.store import derived

    query = load_catalogue()["who-met-whom"]
    store = type("Bare", (), {"ask": lambda self, q: False})()
    assert runner.choose_variant(store, query, {"actor": 1}) is None
    assert derived.store_has_entity_links(engine)
    assert runner.choose_variant(engine, query, {"actor": 1}) is not None
    # exactly the named parameters: with one more, the main body runs
    assert runner.choose_variant(engine, query, {"actor": 1, "from": 2}) is None


HEAD = """#+ summary: A test query
#+ description: A query to test the variant rules of the catalogue, long enough.
#+ params:
#+   actor: {kind: Actor, description: The actor.}
SELECT ?x ?n ?_actor_iri WHERE { ?x ?p ?_actor_iri BIND(1 AS ?n) }
"""


@pytest.mark.parametrize("variant,message", [
    ("#= when: nobody\nSELECT ?x ?n ?_actor_iri WHERE { { SELECT ?x WHERE { #@bind\n ?x ?p ?_actor_iri } } BIND(1 AS ?n) }\n",
     "names no parameter"),
    ("#= when: actor\nSELECT ?x ?_actor_iri WHERE { { SELECT ?x WHERE { #@bind\n ?x ?p ?_actor_iri } } }\n",
     "projects"),
    ("#= when: actor\nSELECT ?x ?n ?_actor_iri WHERE { ?x ?p ?_actor_iri BIND(1 AS ?n) }\n", "#@bind"),
    ("#= when: actor\nSELECT ?x ?n ?other WHERE { #@bind\n ?x ?p ?other BIND(1 AS ?n) }\n", "uses parameters"),
])
def test_bad_variants_are_rejected(tmp_path, variant, message):
    path = tmp_path / "q.rq"
    path.write_text(HEAD + variant)
    with pytest.raises(CatalogueError, match=message):
        parse_query_file(path)


def test_a_good_variant_loads_with_the_main_prefixes(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("PREFIX ex: <http://example.org/>\n" + HEAD
                    + "#= when: actor\nSELECT ?x (1 AS ?n) ?_actor_iri WHERE { #@bind\n ?x ex:p ?_actor_iri }\n")
    q = parse_query_file(path)
    assert "#= when" not in q.text and len(q.variants) == 1
    assert q.variants[0].text.startswith("PREFIX ex: <http://example.org/>")
    assert q.variant_for({"actor"}) is q.variants[0] and q.variant_for(set()) is None


def test_values_are_bound_at_each_mark_and_nowhere_else():
    from rdflib import Literal

    text = 'SELECT ?x WHERE { { ?x ?p ?v } #@bind\n UNION { ?x ?q ?v "#@bind" } #@bind\n}'
    bound = bind_values(text, {"v": Literal('a "b" } #@bind')}, at_marks=True)
    assert bound.count('VALUES (?v) { ("a \\"b\\" } #@bind") }') == 2
    assert '?x ?q ?v "#@bind"' in bound  # a mark inside a string is text, not a mark
    with pytest.raises(BindingError):
        bind_values("SELECT ?x WHERE { ?x ?p ?v }", {"v": Literal("a")}, at_marks=True)
