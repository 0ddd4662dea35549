"""Content negotiation and the result formats of the SPARQL 1.1 Protocol.

SELECT and ASK results: SPARQL JSON (the default), XML, CSV and TSV (SELECT only:
the CSV/TSV formats have no form for a boolean). CONSTRUCT and DESCRIBE: Turtle (the
default), N-Triples, JSON-LD and RDF/XML. JSON, XML and CSV are written by rdflib's
result serialisers; TSV writes each term in its N-Triples form, as the TSV format asks.
"""
from __future__ import annotations

from rdflib import Graph, Variable
from rdflib.query import Result

from ..store.base import Row
from ..store.terms import n_triples

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"

#: Media type asked for -> media type answered, in order of preference.
RESULT_TYPES = {
    SPARQL_JSON: SPARQL_JSON, "application/json": SPARQL_JSON,
    SPARQL_XML: SPARQL_XML, "application/xml": SPARQL_XML, "text/xml": SPARQL_XML,
    CSV: CSV, TSV: TSV,
}
BOOLEAN_TYPES = {k: v for k, v in RESULT_TYPES.items() if v in (SPARQL_JSON, SPARQL_XML)}
GRAPH_TYPES = {
    TURTLE: TURTLE, "application/x-turtle": TURTLE,
    NTRIPLES: NTRIPLES, "text/plain": NTRIPLES,
    JSONLD: JSONLD, "application/json": JSONLD,
    RDFXML: RDFXML, "application/xml": RDFXML,
}
_RDFLIB_GRAPH = {TURTLE: "turtle", NTRIPLES: "nt", JSONLD: "json-ld", RDFXML: "xml"}


class NotAcceptable(Exception):
    """No offered media type matches the Accept header."""

    def __init__(self, accept: str, offered: dict[str, str]):
        listing = ", ".join(dict.fromkeys(offered.values()))
        super().__init__(f"cannot answer in {accept[:200]!r}; this result can be: {listing}")


def _parse_accept(header: str) -> list[tuple[str, float]]:
    out = []
    for order, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((media, q, order))
    out.sort(key=lambda m: (-m[1], m[2]))
    return [(m, q) for m, q, _ in out if q > 0]


def negotiate(accept: str | None, offered: dict[str, str]) -> str:
    """The media type to answer with; the first offered one for a missing or ``*/*`` header."""
    default = next(iter(offered.values()))
    if not accept or not accept.strip():
        return default
    for media, _q in _parse_accept(accept):
        if media in offered:
            return offered[media]
        if media in ("*/*", "application/*", "text/*"):
            family = media.split("/")[0]
            for asked, answer in offered.items():
                if family == "*" or asked.startswith(family + "/"):
                    return answer if family != "*" else default
    raise NotAcceptable(accept, offered)


def select_body(variables: list[str], rows: list[Row], media: str) -> bytes:
    """A SELECT result in ``media`` (one of :data:`RESULT_TYPES`' answers)."""
    if media == TSV:
        lines = ["\t".join(f"?{v}" for v in variables)]
        for row in rows:
            lines.append("\t".join(n_triples(row[v]) if v in row else "" for v in variables))
        return ("\n".join(lines) + "\n").encode("utf-8")
    result = Result("SELECT")
    result.vars = [Variable(v) for v in variables]
    result.bindings = [{Variable(k): t for k, t in row.items()} for row in rows]
    body = result.serialize(format={SPARQL_JSON: "json", SPARQL_XML: "xml", CSV: "csv"}[media])
    assert body is not None  # no destination given: the bytes are returned
    return body


def boolean_body(value: bool, media: str) -> bytes:
    result = Result("ASK")
    result.askAnswer = value
    body = result.serialize(format="json" if media == SPARQL_JSON else "xml")
    assert body is not None  # no destination given: the bytes are returned
    return body


def graph_body(graph: Graph, media: str) -> bytes:
    from ..namespaces import PREFIXES

    if media in (TURTLE, JSONLD):
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=False)
    data = graph.serialize(format=_RDFLIB_GRAPH[media], encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def with_charset(media: str) -> str:
    """The Content-Type header value (text formats say their encoding)."""
    return f"{media}; charset=utf-8" if media.startswith("text/") or media.endswith(("json", "xml")) else media
