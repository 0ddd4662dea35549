"""tipgraph's own queries live as ``queries/internal/*.rq`` files, read by the same parser as
the stored ones: each file parses, each is used by the code (no orphan files), each name the
code asks for exists, and none is listed among the analysts' stored queries."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from tipgraph.queries import load_catalogue
from tipgraph.rqfile import CatalogueError, internal_query, internal_query_files, parse_query_file

SRC = Path(__file__).resolve().parents[2] / "src" / "tipgraph"
_USE = re.compile(r"""internal_query\(\s*["']([a-z0-9-]+)["']\s*\)""")


def _used_names() -> set[str]:
    return {m for p in SRC.rglob("*.py") for m in _USE.findall(p.read_text(encoding="utf-8"))}


def test_there_are_internal_queries():
    assert len(internal_query_files()) >= 10


@pytest.mark.parametrize("path", internal_query_files(), ids=lambda p: p.stem)
def test_each_internal_query_parses_and_is_used(path: Path):
    query = parse_query_file(path, internal=True)
    assert query.title and query.description
    assert path.stem in _used_names(), f"{path.name} is not used by any module (internal_query({path.stem!r}))"


def test_every_internal_query_the_code_names_exists():
    known = {p.stem for p in internal_query_files()}
    assert _used_names() - known == set()


def test_internal_queries_are_not_listed_with_the_stored_ones():
    stored = set(load_catalogue())
    assert stored, "the stored queries are found"
    assert stored.isdisjoint(p.stem for p in internal_query_files())


def test_internal_parameters_are_bound_by_name():
    query = internal_query("entity-label")
    iri = URIRef("https://w3id.org/tipgraph/id/org/un")
    assert query.bindings(entity=iri) == {"_entity_iri": iri}
    with pytest.raises(TypeError, match="no parameter"):
        query.bindings(node=iri)
    with pytest.raises(TypeError, match="needs parameter"):
        query.bindings()


def test_a_stored_query_may_not_be_an_ask_but_an_internal_one_may(tmp_path: Path):
    path = tmp_path / "probe.rq"
    path.write_text("#+ summary: probe\n#+ description: probe\nASK { ?s ?p ?o }\n", encoding="utf-8")
    assert parse_query_file(path, internal=True).text.endswith("ASK { ?s ?p ?o }\n")
    with pytest.raises(CatalogueError, match="SELECT queries"):
        parse_query_file(path)
