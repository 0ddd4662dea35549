"""pyshacl as the validation engine, for shapes the compiled engine does not support
(``validate_graph(engine="pyshacl")``, or any shape beyond tipgraph's): shapes harvested
once per process, SHACL-SPARQL queries parsed once."""
from __future__ import annotations

from functools import lru_cache

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery

from .shapes import shapes_graph


@lru_cache(maxsize=1)
def _shapes_graph_harvested():
    """pyshacl's parsed shapes, harvested once per process instead of once per validation.

    Harvesting the shapes and mixing in an ontology are most of the fixed cost of a
    ``pyshacl.validate`` call, and a call per document paid them again every time
    (see docs/performance.md). The shapes do not change while the process runs.
    """
    from pyshacl.shapes_graph import ShapesGraph

    sg = ShapesGraph(shapes_graph())
    sg.shapes  # noqa: B018 - the property harvests and caches the shapes
    return sg


def _run_shacl(data_graph: Graph) -> Graph:
    """``pyshacl.validate(data_graph, shapes, advanced=True, inplace=True)`` with the cached shapes: the results graph."""
    from pyshacl.errors import ValidationFailure
    from pyshacl.graph_abstraction import DataGraph
    from pyshacl.monkey import apply_patches
    from pyshacl.validator import Validator, assign_baked_in

    apply_patches()
    assign_baked_in()
    options = {"inference": "none", "inplace": True, "advanced": True,  # SHACL-SPARQL constraints
               "allow_warnings": True, "allow_infos": True}
    validator = Validator(DataGraph.from_rdflib(data_graph), shacl_graph=shapes_graph(), options=options)
    validator.shacl_graph = _shapes_graph_harvested()
    try:
        _, results_graph, _ = validator.run()
    except ValidationFailure as exc:  # pyshacl's own failure (a broken shape), not a result
        raise RuntimeError(f"SHACL validation failed: {exc}") from exc
    return results_graph


@lru_cache(maxsize=256)
def _prepared(query: str):
    return prepareQuery(query)


class _DataGraph(Graph):
    """A data graph that parses each SHACL-SPARQL query once per process, not once per focus node."""

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            try:
                query_object = _prepared(query_object)
            except Exception:  # let rdflib report its own error on the text
                pass
        return super().query(query_object, *args, **kwargs)
