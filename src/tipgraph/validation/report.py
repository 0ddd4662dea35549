"""The validation report: results, their text, Turtle and JSON forms, and how a SHACL
results graph (either engine's) is read into them."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, fields

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from ..namespaces import PREFIXES, SH
from .shapes import shapes_graph

SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result as text (for reports and JSON), with the terms behind it (for Turtle)."""

    severity: str
    focus: str
    focus_label: str | None
    path: str | None
    value: str | None
    message: str
    shape: str | None
    #: The file and line (1-based) where the focus node is described, when it came from a file.
    file: str | None = None
    line: int | None = None
    # The rdflib terms behind the strings, for the Turtle report.
    focus_term: Node | None = field(default=None, repr=False, compare=False)
    path_term: Node | None = field(default=None, repr=False, compare=False)
    value_term: Node | None = field(default=None, repr=False, compare=False)
    shape_term: Node | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        """The result's text fields as a dict, for the JSON report."""
        # Not dataclasses.asdict: it deep-copies the rdflib terms, and copying an
        # ill-typed literal makes rdflib log a traceback.
        terms = ("focus_term", "path_term", "value_term", "shape_term")
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in terms}


@dataclass
class ValidationReport:
    """The results of validating one graph or batch, whichever engine ran, with timings and counts."""

    results: list[ValidationResult] = field(default_factory=list)
    #: Results about stored context nodes that were not reported (see module docs).
    ignored: int = 0
    #: Seconds spent fetching context and validating.
    seconds: float = 0.0
    #: Number of triples validated (new data) and taken from the store as context.
    data_triples: int = 0
    context_triples: int = 0
    _source: Graph | None = field(default=None, repr=False, compare=False)

    @property
    def conforms(self) -> bool:
        """True when no result is a violation (warnings do not stop a graph from being stored)."""
        return not any(r.severity == "Violation" for r in self.results)

    def count(self, severity: str) -> int:
        """Results of ``severity`` ("Violation", "Warning" or "Info")."""
        return sum(1 for r in self.results if r.severity == severity)

    @property
    def violations(self) -> list[ValidationResult]:
        """The results that stop a graph from being stored."""
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        """The results worth a look that do not stop a graph from being stored."""
        return [r for r in self.results if r.severity == "Warning"]

    def extend(self, other: "ValidationReport") -> None:
        """Add ``other``'s results (kept in report order), as when files are validated one by one."""
        self.results.extend(other.results)
        self.results.sort(key=_result_key)
        self.ignored += other.ignored

    def locate(self, where: "dict[Node, tuple[str, int | None]]") -> None:
        """Give each result the file and line of its focus node (``where``: by focus term)."""
        import dataclasses

        self.results = [
            dataclasses.replace(r, file=where[r.focus_term][0], line=where[r.focus_term][1])
            if r.focus_term in where else r
            for r in self.results
        ]

    def summary(self) -> str:
        """One line: conforms or not, and the count of each severity."""
        v, w, i = (self.count(s) for s in SEVERITIES)
        head = "conforms" if self.conforms else "does not conform"
        return f"{head}: {v} violation(s), {w} warning(s), {i} info(s)"

    def to_text(self) -> str:
        """Grouped by focus node: its label, then one line per result (path, value, message)."""
        lines = [self.summary()]
        groups: dict[str, list[ValidationResult]] = defaultdict(list)
        for r in self.results:
            groups[r.focus].append(r)
        for focus, results in groups.items():
            label, file, line = results[0].focus_label, results[0].file, results[0].line
            lines.append("")
            where = f"  ({file}:{line})" if file and line else (f"  ({file})" if file else "")
            lines.append(f"{turtle_name(focus)}" + (f'  "{label}"' if label else "") + where)
            for r in results:
                where = turtle_name(r.path) if r.path else "(node)"
                shown = turtle_name(r.value) if isinstance(r.value_term, URIRef) else r.value
                value = f" = {_short(shown)}" if r.value is not None else ""
                lines.append(f"  {r.severity:<9} {where}{value}")
                lines.append(f"            {r.message}")
        if self.ignored:
            lines.append("")
            lines.append(
                f"({self.ignored} result(s) about stored nodes outside the new data not shown: "
                "the context holds only their types, labels and sources)"
            )
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        """The report as JSON, for scripts and the web API."""
        return json.dumps(
            {
                "conforms": self.conforms,
                "violations": self.count("Violation"),
                "warnings": self.count("Warning"),
                "infos": self.count("Info"),
                "ignored": self.ignored,
                "results": [r.to_dict() for r in self.results],
            },
            indent=2,
            ensure_ascii=False,
        )

    def to_graph(self) -> Graph:
        """The SHACL validation report (``sh:ValidationReport``) of the reported results."""
        g = Graph()
        for p, ns in PREFIXES.items():
            g.bind(p, ns)
        report = BNode()
        g.add((report, RDF.type, SH.ValidationReport))
        g.add((report, SH.conforms, Literal(self.conforms)))
        for r in self.results:
            node = BNode()
            g.add((report, SH.result, node))
            g.add((node, RDF.type, SH.ValidationResult))
            g.add((node, SH.resultSeverity, SH[r.severity]))
            g.add((node, SH.focusNode, r.focus_term if r.focus_term is not None else URIRef(r.focus)))
            g.add((node, SH.resultMessage, Literal(r.message)))
            for prop, term in ((SH.resultPath, r.path_term), (SH.value, r.value_term), (SH.sourceShape, r.shape_term)):
                if term is None:
                    continue
                g.add((node, prop, term))
                if isinstance(term, BNode) and self._source is not None:
                    for t in self._source.cbd(term):
                        g.add(t)
        return g

    def to_turtle(self) -> str:
        """The report as a SHACL results graph (:meth:`to_graph`) in Turtle, for tools that read SHACL reports."""
        return self.to_graph().serialize(format="turtle")


def turtle_name(iri: str | None) -> str:
    """``tip:Meeting`` for an IRI of a known namespace, else ``<iri>``, as Turtle writes it:
    reports are read next to the shapes and data files, which use the same names."""
    if iri is None:
        return ""
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri if iri.startswith("_:") or " " in iri else f"<{iri}>"


def _short(value: str, limit: int = 120) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


_SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def _result_key(r: ValidationResult):
    return (r.focus, _SEVERITY_ORDER.get(r.severity, 9), r.path or "", r.message, r.value or "")


def _node_str(node: Node) -> str:
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _path_str(graph: Graph, path: Node) -> str:
    """A property path as a string (simple paths as IRIs, the rest in SPARQL-like form)."""
    if isinstance(path, URIRef):
        return str(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + turtle_name(_path_str(graph, inverse))
    alts = graph.value(path, SH.alternativePath)
    if alts is not None:
        return "|".join(turtle_name(_path_str(graph, p)) for p in graph.items(alts))
    items = list(graph.items(path))
    if items:
        return "/".join(turtle_name(_path_str(graph, p)) for p in items)
    return _node_str(path)


def _value_str(value: Node) -> str:
    return _node_str(value) if not isinstance(value, Literal) else str(value)


def _pick_message(results_graph: Graph, result: Node, shape: Node | None) -> str:
    """The most specific message: the constraint's own, else one that is not the node shape's summary."""
    messages = sorted(str(m) for m in results_graph.objects(result, SH.resultMessage))
    if not messages:
        return "does not conform to the shape"
    constraint = results_graph.value(result, SH.sourceConstraint)
    if constraint is not None:
        own = sorted(str(m) for m in results_graph.objects(constraint, SH.message))
        if own:
            return own[0]
    if shape is not None and len(messages) > 1:
        summary = {str(m) for m in shapes_graph().objects(shape, SH.message)}
        specific = [m for m in messages if m not in summary]
        if specific:
            return specific[0]
    return messages[0]


def _shape_str(shape: Node | None) -> str | None:
    """The source shape's IRI; for an anonymous property shape, its node shape's IRI and name."""
    if shape is None:
        return None
    if isinstance(shape, URIRef):
        return str(shape)
    shapes = shapes_graph()
    parent = shapes.value(predicate=SH.property, object=shape)
    name = shapes.value(shape, SH.name)
    if isinstance(parent, URIRef):
        return f"{parent}" + (f" ({name})" if name is not None else "")
    return str(name) if name is not None else None


def _distinct(results: list[ValidationResult]) -> list[ValidationResult]:
    """Each result once: shapes shared by several node shapes report the same value twice;
    and for an unknown IRI, only the unknown-IRI result (its sh:class failure says less)."""
    unknown = {(r.focus, r.path, r.value) for r in results if r.shape is None and r.message.startswith("unknown IRI")}
    seen: set[tuple] = set()
    out = []
    for r in results:
        key = (r.severity, r.focus, r.path, r.value, r.message)
        if key in seen or (r.shape is not None and (r.focus, r.path, r.value) in unknown):
            continue
        seen.add(key)
        out.append(r)
    return out
