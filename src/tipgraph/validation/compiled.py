"""A fast evaluator for the part of SHACL that tipgraph's shapes use.

Why: pyshacl takes ~100 ms for one ~200-triple document graph, almost all of it
building full results (with text descriptions) for the inner operands of
``sh:or`` and ``sh:not`` that fail, as most of them do by design; ingest validates
every document, so that was 80 % of ingest time (docs/performance.md). This module
compiles the shapes graph once into plain Python checks over a dict index of the
data and runs in a few milliseconds a document.

It evaluates SHACL Core's targets (``sh:targetClass`` with the data's
``rdfs:subClassOf`` closure, ``sh:targetNode``, ``sh:targetSubjectsOf``,
``sh:targetObjectsOf``, implicit class targets), property paths (predicate,
inverse, sequence, alternative), the value type, cardinality, value range, string
and logical components, ``sh:in``, ``sh:hasValue``, ``sh:node``, severities,
``sh:deactivated``, and SELECT-based SPARQL constraints (SHACL-SPARQL, run by
rdflib with ``$this`` pre-bound). A shapes graph that uses anything else raises
:class:`Unsupported` when compiled, and :mod:`tipgraph.validation` then runs
pyshacl: the engine never guesses. Results are written as pyshacl writes them
(an ``sh:ValidationReport`` graph), so the report code is shared, and
``tests/benchmarks/test_shacl_engine.py`` checks that both engines give the same
results on every case of the shapes tests and on generated documents.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.store import Store
from rdflib.term import Node

from ..classes import closure

SH = "http://www.w3.org/ns/shacl#"
# rdflib's RDF.type goes through a metaclass __getattr__ on every use: plain constants for hot paths.
_RDF_TYPE = URIRef(str(RDF.type))
_SUBCLASS_OF = URIRef(str(RDFS.subClassOf))


def _sh(local: str) -> URIRef:
    return URIRef(SH + local)


SH_VIOLATION = _sh("Violation")
_SEVERITIES = {_sh("Violation"), _sh("Warning"), _sh("Info")}
#: Parameters this engine understands; any other sh: predicate on a shape is Unsupported.
_KNOWN = {_sh(x) for x in (
    "targetClass targetNode targetSubjectsOf targetObjectsOf path property severity message name "
    "description order group deactivated class datatype nodeKind minCount maxCount minLength maxLength "
    "pattern flags in hasValue minInclusive maxInclusive minExclusive maxExclusive or and not xone node "
    "sparql declare prefixes defaultValue"
).split()}
_IGNORED_NS = ("http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
               "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2004/02/skos/core#",
               "http://purl.org/dc/terms/")


class Unsupported(Exception):
    """The shapes use a SHACL feature this engine does not evaluate."""


# -- the data ------------------------------------------------------------------------------
class DataIndex:
    """Subject -> predicate -> objects (and the inverse) of the data graph, plus class membership."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        self.out: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        self.inv: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        seen = set()
        for t in triples:
            if t in seen:
                continue
            seen.add(t)
            s, p, o = t
            self.out[s][p].append(o)
            self.inv[o][p].append(s)
        self._graph: Graph | None = None
        self._supers: dict[Node, set[Node]] = {}
        self._classes: dict[Node, frozenset[Node]] = {}

    def objects(self, s: Node, p: Node) -> list[Node]:
        """Objects of ``s`` with predicate ``p`` in the data (an index lookup, not a graph scan)."""
        po = self.out.get(s)
        return po.get(p, []) if po else []

    def subjects(self, p: Node, o: Node) -> list[Node]:
        """Subjects with predicate ``p`` and object ``o`` in the data."""
        ps = self.inv.get(o)
        return ps.get(p, []) if ps else []

    def superclasses(self, c: Node) -> set[Node]:
        """``c`` and every class it is an ``rdfs:subClassOf*`` of, in the data."""
        found = self._supers.get(c)
        if found is None:
            found = self._supers[c] = closure(c, lambda x: self.objects(x, _SUBCLASS_OF))
        return found

    def classes_of(self, node: Node) -> frozenset[Node]:
        """Every class ``node`` is an instance of (``rdf:type/rdfs:subClassOf*``)."""
        found = self._classes.get(node)
        if found is None:
            acc: set[Node] = set()
            for t in self.objects(node, _RDF_TYPE):
                acc |= self.superclasses(t)
            found = self._classes[node] = frozenset(acc)
        return found

    def instances(self, cls: Node) -> list[Node]:
        """Nodes typed ``cls`` or a subclass of it, each once: a shape's target class."""
        out = []
        for c in self._subclasses_of(cls):
            out.extend(self.subjects(_RDF_TYPE, c))
        return list(dict.fromkeys(out))

    def _subclasses_of(self, cls: Node) -> set[Node]:
        return closure(cls, lambda x: self.subjects(_SUBCLASS_OF, x))

    @property
    def graph(self) -> Graph:
        """The data as a read-only rdflib Graph over this index (for SPARQL constraints).

        Copying a document's few hundred triples into an rdflib Memory store cost more
        than the rest of the validation; the index answers rdflib's triple patterns itself.
        """
        if self._graph is None:
            self._graph = Graph(store=_IndexStore(self))
        return self._graph


def index_graph(triples: Iterable[tuple[Node, Node, Node]], identifier: Node | None = None) -> Graph:
    """A read-only rdflib Graph over ``triples``, several times cheaper to build than a Memory graph."""
    return Graph(store=_IndexStore(DataIndex(triples)), identifier=identifier)


class _IndexStore(Store):
    """An rdflib Store answering triple patterns from a :class:`DataIndex` (read-only)."""

    def __init__(self, index: DataIndex) -> None:
        super().__init__()
        self.index = index

    def triples(self, pattern, context=None):
        s, p, o = pattern
        idx = self.index
        if s is not None:
            po = idx.out.get(s, {})
            for pred, objs in ([(p, po.get(p, []))] if p is not None else po.items()):
                for obj in objs:
                    if o is None or obj == o:
                        yield (s, pred, obj), iter(())
        elif o is not None:
            for pred, subs in ([(p, idx.inv.get(o, {}).get(p, []))] if p is not None else idx.inv.get(o, {}).items()):
                for subj in subs:
                    yield (subj, pred, o), iter(())
        else:
            for subj, po in idx.out.items():
                for pred, objs in ([(p, po.get(p, []))] if p is not None else po.items()):
                    for obj in objs:
                        yield (subj, pred, obj), iter(())

    def __len__(self, context=None) -> int:
        return sum(len(objs) for po in self.index.out.values() for objs in po.values())

    def add(self, triple, context, quoted=False):
        raise TypeError("the validation data graph is read-only")

    def remove(self, triple, context=None):
        raise TypeError("the validation data graph is read-only")


# -- results ---------------------------------------------------------------------------------
@dataclass
class Result:
    """One result of the compiled engine, in the terms a SHACL results graph uses."""

    focus: Node
    severity: URIRef
    shape: Node
    component: URIRef
    messages: list[Literal]
    path: Node | None = None
    value: Node | None = None
    constraint: Node | None = None


# -- compiled shapes -----------------------------------------------------------------------
Path = Callable[[DataIndex, Node], list[Node]]
ValueCheck = Callable[[DataIndex, Node], bool]


@dataclass
class _Shape:
    node: Node
    severity: URIRef = SH_VIOLATION
    messages: list[Literal] = field(default_factory=list)
    path: Path | None = None
    path_node: Node | None = None
    targets: list[tuple[str, Node]] = field(default_factory=list)
    value_checks: list[tuple[URIRef, ValueCheck]] = field(default_factory=list)
    min_count: int | None = None
    max_count: int | None = None
    has_values: list[Node] = field(default_factory=list)
    properties: list["_Shape"] = field(default_factory=list)
    sparql: list[tuple[Node, object, list[Literal]]] = field(default_factory=list)
    deactivated: bool = False

    def values(self, data: DataIndex, focus: Node) -> list[Node]:
        return self.path(data, focus) if self.path else [focus]

    def validate(self, data: DataIndex, focus: Node, out: list[Result] | None) -> bool:
        """Check ``focus``; append results to ``out`` (None: stop at the first, for sh:or and friends)."""
        if self.deactivated:
            return True
        ok = True
        values = self.values(data, focus)

        def report(component: str, value: Node | None = None, constraint: Node | None = None,
                   messages: list[Literal] | None = None) -> bool:
            if out is not None:
                out.append(Result(focus, self.severity, self.node, _sh(component), messages or self.messages,
                                  self.path_node, value, constraint))
            return False

        if self.min_count is not None and len(values) < self.min_count:
            ok = report("MinCountConstraintComponent")
            if out is None:
                return False
        if self.max_count is not None and len(values) > self.max_count:
            ok = report("MaxCountConstraintComponent")
            if out is None:
                return False
        for hv in self.has_values:
            if hv not in values:
                ok = report("HasValueConstraintComponent", hv if self.path is None else None)
                if out is None:
                    return False
        for component, check in self.value_checks:
            for v in values:
                if not check(data, v):
                    ok = report(component, v)
                    if out is None:
                        return False
        for prop in self.properties:
            if not prop.validate(data, focus, out):
                ok = False
                if out is None:
                    return False
        for constraint, query, messages in self.sparql:
            for value in _run_select(data, query, focus):
                ok = report("SPARQLConstraintComponent", value, constraint, messages or None)
                if out is None:
                    return False
        return ok

    def focus_nodes(self, data: DataIndex) -> list[Node]:
        found: list[Node] = []
        for kind, node in self.targets:
            if kind == "class":
                found.extend(data.instances(node))
            elif kind == "node":
                found.append(node)
            elif kind == "subjectsOf":
                found.extend(s for s, po in data.out.items() if node in po)
            elif kind == "objectsOf":
                found.extend(o for o, ps in data.inv.items() if node in ps)
        return list(dict.fromkeys(found))


def _run_select(data: DataIndex, query, focus: Node) -> list[Node | None]:
    rows = data.graph.query(query, initBindings={"this": focus})
    out = []
    for row in rows:
        this = getattr(row, "this", None)
        if this is not None and this != focus:
            continue
        out.append(getattr(row, "value", None))
    return out


class CompiledShapes:
    """A shapes graph compiled once; :meth:`validate` runs it on one data graph."""

    def __init__(self, shapes: Graph) -> None:
        self.sg = shapes
        self._compiled: dict[Node, _Shape] = {}
        roots = set(shapes.subjects(RDF.type, _sh("NodeShape"))) | set(shapes.subjects(RDF.type, _sh("PropertyShape")))
        for p in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
            roots |= set(shapes.subjects(_sh(p), None))
        for p in ("target", "rule", "closed", "qualifiedValueShape", "equals", "disjoint", "lessThan",
                  "lessThanOrEquals", "uniqueLang", "languageIn", "js", "expression", "entailment"):
            if next(shapes.subject_objects(_sh(p)), None) is not None:
                raise Unsupported(f"sh:{p}")
        self.roots = [self.shape(n) for n in sorted(roots, key=str)]
        self.targeted = [s for s in self.roots if s.targets and not s.deactivated]

    # -- compiling ----------------------------------------------------------------------------
    def shape(self, node: Node) -> _Shape:
        """The compiled form of shape ``node``, compiled once and reused."""
        if node in self._compiled:
            return self._compiled[node]
        sg = self.sg
        s = _Shape(node)
        self._compiled[node] = s  # before the parts: shapes may refer to each other
        for p, o in sg.predicate_objects(node):
            if str(p).startswith(SH) and p not in _KNOWN:
                raise Unsupported(f"{p} on shape {node}")
        sev = sg.value(node, _sh("severity"))
        if sev is not None:
            if not isinstance(sev, URIRef) or sev not in _SEVERITIES:
                raise Unsupported(f"severity {sev}")
            s.severity = sev
        s.messages = sorted(m for m in sg.objects(node, _sh("message")) if isinstance(m, Literal))
        s.deactivated = any(bool(d.toPython()) for d in sg.objects(node, _sh("deactivated")) if isinstance(d, Literal))
        path = sg.value(node, _sh("path"))
        if path is not None:
            s.path, s.path_node = self._path(path), path
        for c in sg.objects(node, _sh("targetClass")):
            s.targets.append(("class", c))
        if (node, RDF.type, RDFS.Class) in sg or (node, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in sg:
            s.targets.append(("class", node))
        for kind in ("targetNode", "targetSubjectsOf", "targetObjectsOf"):
            for o in sg.objects(node, _sh(kind)):
                s.targets.append((kind[6:7].lower() + kind[7:] if kind != "targetNode" else "node", o))
        for o in sg.objects(node, _sh("minCount")):
            s.min_count = max(s.min_count or 0, int(o))
        for o in sg.objects(node, _sh("maxCount")):
            s.max_count = int(o) if s.max_count is None else min(s.max_count, int(o))
        s.has_values = list(sg.objects(node, _sh("hasValue")))
        s.value_checks = self._value_checks(node)
        s.properties = [self.shape(p) for p in sorted(sg.objects(node, _sh("property")), key=str)]
        for c in sg.objects(node, _sh("sparql")):
            s.sparql.append(self._sparql(c))
        return s

    def _path(self, path: Node) -> Path:
        sg = self.sg
        if isinstance(path, URIRef):
            return lambda data, f, p=path: data.objects(f, p)
        inverse = sg.value(path, _sh("inversePath"))
        if isinstance(inverse, URIRef):
            return lambda data, f, p=inverse: data.subjects(p, f)
        alts = sg.value(path, _sh("alternativePath"))
        if alts is not None:
            parts = [self._path(x) for x in sg.items(alts)]
            return lambda data, f: list(dict.fromkeys(v for part in parts for v in part(data, f)))
        items = list(sg.items(path))
        if len(items) > 1:
            steps = [self._path(x) for x in items]

            def sequence(data: DataIndex, f: Node) -> list[Node]:
                nodes = [f]
                for step in steps:
                    nodes = list(dict.fromkeys(v for n in nodes for v in step(data, n)))
                return nodes
            return sequence
        raise Unsupported(f"property path {path}")

    def _value_checks(self, node: Node) -> list[tuple[URIRef, ValueCheck]]:
        sg = self.sg
        checks: list[tuple[URIRef, ValueCheck]] = []
        for c in sg.objects(node, _sh("class")):
            checks.append((_sh("ClassConstraintComponent"),
                           lambda data, v, c=c: not isinstance(v, Literal) and c in data.classes_of(v)))
        for d in sg.objects(node, _sh("datatype")):
            checks.append((_sh("DatatypeConstraintComponent"), lambda data, v, d=d: _has_datatype(v, d)))
        for k in sg.objects(node, _sh("nodeKind")):
            allowed = _NODE_KINDS.get(k)
            if allowed is None:
                raise Unsupported(f"sh:nodeKind {k}")
            checks.append((_sh("NodeKindConstraintComponent"), lambda data, v, a=allowed: isinstance(v, a)))
        for n in sg.objects(node, _sh("minLength")):
            checks.append((_sh("MinLengthConstraintComponent"),
                           lambda data, v, n=int(n): n == 0 or (not isinstance(v, BNode) and len(_text(v)) >= n)))
        for n in sg.objects(node, _sh("maxLength")):
            checks.append((_sh("MaxLengthConstraintComponent"),
                           lambda data, v, n=int(n): not isinstance(v, BNode) and len(_text(v)) <= n))
        flags = sg.value(node, _sh("flags"))
        re_flags = 0
        for ch in str(flags or "").lower():
            re_flags |= {"i": re.I, "m": re.M, "s": re.S, "x": re.X}.get(ch, 0)
        for pat in sg.objects(node, _sh("pattern")):
            rx = re.compile(str(pat), re_flags)
            checks.append((_sh("PatternConstraintComponent"),
                           lambda data, v, rx=rx: not isinstance(v, BNode) and rx.search(_text(v)) is not None))
        for lst in sg.objects(node, _sh("in")):
            allowed_values = frozenset(sg.items(lst))
            checks.append((_sh("InConstraintComponent"), lambda data, v, a=allowed_values: v in a))
        for name, op in _RANGES.items():
            for bound in sg.objects(node, _sh(name)):
                checks.append((_sh(name[0].upper() + name[1:] + "ConstraintComponent"),
                               lambda data, v, b=bound, op=op: _compare(v, b, op)))
        for lst in sg.objects(node, _sh("or")):
            shapes = [self.shape(x) for x in sg.items(lst)]
            checks.append((_sh("OrConstraintComponent"),
                           lambda data, v, ss=shapes: any(s.validate(data, v, None) for s in ss)))
        for lst in sg.objects(node, _sh("and")):
            shapes = [self.shape(x) for x in sg.items(lst)]
            checks.append((_sh("AndConstraintComponent"),
                           lambda data, v, ss=shapes: all(s.validate(data, v, None) for s in ss)))
        for lst in sg.objects(node, _sh("xone")):
            shapes = [self.shape(x) for x in sg.items(lst)]
            checks.append((_sh("XoneConstraintComponent"),
                           lambda data, v, ss=shapes: sum(1 for s in ss if s.validate(data, v, None)) == 1))
        for x in sg.objects(node, _sh("not")):
            negated = self.shape(x)
            checks.append((_sh("NotConstraintComponent"),
                           lambda data, v, s=negated: not s.validate(data, v, None)))
        for x in sg.objects(node, _sh("node")):
            nested = self.shape(x)
            checks.append((_sh("NodeConstraintComponent"),
                           lambda data, v, s=nested: s.validate(data, v, None)))
        return checks

    def _sparql(self, constraint: Node):
        from rdflib.plugins.sparql import prepareQuery

        sg = self.sg
        if sg.value(constraint, _sh("ask")) is not None or sg.value(constraint, _sh("construct")) is not None:
            raise Unsupported("SPARQL constraint other than sh:select")
        select = sg.value(constraint, _sh("select"))
        if select is None:
            raise Unsupported(f"SPARQL constraint {constraint} without sh:select")
        if any(d.toPython() for d in sg.objects(constraint, _sh("deactivated")) if isinstance(d, Literal)):
            raise Unsupported("deactivated SPARQL constraint")
        if "$PATH" in str(select) or "$currentShape" in str(select) or "$shapesGraph" in str(select):
            raise Unsupported("SPARQL constraint using $PATH, $currentShape or $shapesGraph")
        prefixes = {}
        for decl_owner in sg.objects(constraint, _sh("prefixes")):
            for decl in sg.objects(decl_owner, _sh("declare")):
                prefixes[str(sg.value(decl, _sh("prefix")))] = str(sg.value(decl, _sh("namespace")))
        head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))
        messages = sorted(m for m in sg.objects(constraint, _sh("message")) if isinstance(m, Literal))
        if any("{" in m for m in messages):
            raise Unsupported("message templates in a SPARQL constraint")
        return constraint, prepareQuery(head + str(select)), messages

    # -- running -------------------------------------------------------------------------------
    def validate(self, data: DataIndex) -> list[Result]:
        """The results of every targeted shape on ``data``."""
        results: list[Result] = []
        for shape in self.targeted:
            for focus in shape.focus_nodes(data):
                shape.validate(data, focus, results)
        return results

    def results_graph(self, results: list[Result]) -> Graph:
        """The results as the ``sh:ValidationReport`` graph that pyshacl writes."""
        g = Graph()
        report = BNode()
        g.add((report, RDF.type, _sh("ValidationReport")))
        g.add((report, _sh("conforms"), Literal(not any(r.severity == SH_VIOLATION for r in results))))
        copied: set[Node] = set()
        for r in results:
            node = BNode()
            g.add((report, _sh("result"), node))
            g.add((node, RDF.type, _sh("ValidationResult")))
            g.add((node, _sh("focusNode"), r.focus))
            g.add((node, _sh("resultSeverity"), r.severity))
            g.add((node, _sh("sourceShape"), r.shape))
            g.add((node, _sh("sourceConstraintComponent"), r.component))
            for m in r.messages:
                g.add((node, _sh("resultMessage"), m))
            if r.path is not None:
                g.add((node, _sh("resultPath"), r.path))
                self._copy(r.path, g, copied)
            if r.value is not None:
                g.add((node, _sh("value"), r.value))
            if r.constraint is not None:
                g.add((node, _sh("sourceConstraint"), r.constraint))
                self._copy(r.constraint, g, copied)
        return g

    def _copy(self, node: Node, g: Graph, done: set[Node]) -> None:
        """Copy a blank node's description (a path, a constraint) from the shapes graph."""
        if not isinstance(node, BNode) or node in done:
            return
        done.add(node)
        for p, o in self.sg.predicate_objects(node):
            g.add((node, p, o))
            self._copy(o, g, done)


_NODE_KINDS = {
    _sh("IRI"): URIRef, _sh("BlankNode"): BNode, _sh("Literal"): Literal,
    _sh("BlankNodeOrIRI"): (URIRef, BNode), _sh("BlankNodeOrLiteral"): (BNode, Literal),
    _sh("IRIOrLiteral"): (URIRef, Literal),
}
_RANGES = {
    "minInclusive": lambda v, b: v >= b, "maxInclusive": lambda v, b: v <= b,
    "minExclusive": lambda v, b: v > b, "maxExclusive": lambda v, b: v < b,
}


_STRING_TYPES = (None, URIRef(str(RDF.langString)), URIRef(str(XSD.string)))
_XSD_STRING, _LANG_STRING = URIRef(str(XSD.string)), URIRef(str(RDF.langString))
_RDFS_LITERAL, _RDFS_DATATYPE = URIRef(str(RDFS.Literal)), URIRef(str(RDFS.Datatype))
_PYTHON_TYPES = {URIRef(str(XSD.integer)): int, URIRef(str(XSD.float)): float, URIRef(str(XSD.decimal)): Decimal,
                 URIRef(str(XSD.boolean)): bool, URIRef(str(XSD.date)): _dt.date, URIRef(str(XSD.time)): _dt.time,
                 URIRef(str(XSD.dateTime)): _dt.datetime, _XSD_STRING: (str, bytes), _LANG_STRING: (str, bytes)}


def _text(v: Node) -> str:
    """The string a string-based constraint looks at (pyshacl's ``value_node_to_string``)."""
    if isinstance(v, Literal) and v.datatype in _STRING_TYPES and v.value is not None:
        return str(v.value)
    return str(v)


def _compare(v: Node, bound: Node, op) -> bool:
    if not isinstance(v, Literal) or not isinstance(bound, Literal) or getattr(v, "ill_typed", False):
        return False
    a, b = v.toPython(), bound.toPython()
    if isinstance(a, Literal) or isinstance(b, Literal) or isinstance(a, str) != isinstance(b, str):
        return False
    try:
        return bool(op(a, b))
    except TypeError:
        return False


def _has_datatype(v: Node, dt: Node) -> bool:
    """pyshacl's datatype test: same datatype IRI, not ill-typed, and a value of the expected Python type."""
    if not isinstance(v, Literal):
        return False
    vdt = v.datatype
    if vdt == dt:
        if getattr(v, "ill_typed", None) is True:
            return False
        return _value_type_ok(v, dt)
    if dt == _RDFS_LITERAL:
        return True
    if dt == _RDFS_DATATYPE and vdt:
        return True
    if vdt is None:
        if dt == _XSD_STRING and v.language is None:
            return _value_type_ok(v, dt)
        if dt == _LANG_STRING and v.language:
            return _value_type_ok(v, dt)
    return False


def _value_type_ok(v: Literal, dt: Node) -> bool:
    expected = _PYTHON_TYPES.get(dt)
    return True if expected is None else isinstance(v.value, expected)
