"""The fast SHACL engine gives exactly pyshacl's results on tipgraph's shapes.

Every mutation case of the shapes tests, the hand-written invalid fixture and a few
generated documents are validated twice through ``validate_graph``: with the engine
and with pyshacl. Any difference in the reported results (severity, focus node, path,
value, message, shape) fails.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rdflib import Graph

from tipgraph.validation import compiled as shacl_engine
from tipgraph.validation import _compiled_shapes, shapes_graph, validate_graph

ROOT = Path(__file__).resolve().parents[2]
SHAPES_TESTS = ROOT / "tests" / "backbone" / "test_shapes.py"
FIXTURES = ROOT / "tests" / "backbone" / "fixtures"


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _results(graph: Graph, engine: str) -> set[tuple]:
    report = validate_graph(graph, None, engine=engine)
    return {(r.severity, r.focus, r.path, r.value, r.message, r.shape) for r in report.results}


def _same(graph: Graph) -> set[tuple]:
    fast, slow = _results(graph, "auto"), _results(graph, "pyshacl")
    assert fast == slow
    return fast


def test_the_shapes_compile():
    assert _compiled_shapes() is not None


shapes_tests = _module(SHAPES_TESTS, "shapes_cases") if SHAPES_TESTS.is_file() else None


@pytest.mark.skipif(shapes_tests is None, reason="shapes tests not present")
@pytest.mark.parametrize("case", sorted(shapes_tests.CASES) if shapes_tests else [])
def test_same_results_as_pyshacl(case):
    update, expected = shapes_tests.CASES[case]
    data = Graph().parse(FIXTURES / "valid.ttl", format="turtle")
    data.update(shapes_tests.PREFIXES + update)
    found = _same(data)
    assert {(msg, sev) for sev, _, _, _, msg, _ in found} == {(m, str(s).rsplit("#", 1)[-1]) for m, s in expected}


def test_same_results_on_the_invalid_fixture():
    found = _same(Graph().parse(FIXTURES / "invalid-mixed.ttl", format="turtle"))
    assert any(sev == "Violation" for sev, *_ in found)


def test_same_results_on_generated_documents(tmp_path):
    from tipgraph.extraction import extract
    from tipgraph.rdfbuild import build_document_graph
    from tipgraph.reading import read_document
    from tipgraph.resolution import Resolver

    generate = _module(ROOT / "benchmarks" / "generate.py", "bench_generate")
    generate.main(["--documents", "6", "--out", str(tmp_path), "--seed", "13"])
    for path in generate.paths(tmp_path, 6):
        _, graph = build_document_graph(extract(read_document(path), Resolver()))
        _same(graph)


def test_unsupported_features_fall_back_to_pyshacl():
    shapes = Graph()
    for t in shapes_graph():
        shapes.add(t)
    shapes.update("""PREFIX sh: <http://www.w3.org/ns/shacl#>
        INSERT DATA { <urn:x:s> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:closed true }""")
    with pytest.raises(shacl_engine.Unsupported):
        shacl_engine.CompiledShapes(shapes)
