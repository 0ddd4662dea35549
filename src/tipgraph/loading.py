"""Loading RDF files written or exported by data stewards.

Files are parsed by pyoxigraph (Turtle, TriG, N-Triples, N-Quads, JSON-LD): it is
fast, reports syntax errors with line and column, resolves no XML entities (RDF/XML
is not accepted) and refuses remote JSON-LD contexts instead of fetching them.
A triple file goes into its own graph, ``graph/file/{slug(name)}-{short_hash(path)}``,
so loading it again replaces exactly what it loaded before; quad files keep their
graph names (their default-graph triples go to the file graph).

A batch is validated as a whole in the context of the store and written with one
``replace_graphs`` call, so it is stored entirely or not at all.
"""
from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.term import Node

from .namespaces import ID, ONTOLOGY_GRAPH, TIP, short_hash, slug
from .reference import subclasses
from .store.base import GraphStore, Triple
from .store.terms import RDF_FORMATS, LiteralTooLong, parse_quads
from .validation import ValidationReport, ensure_ontology, validate_graph

#: Formats by name (the store's parser reads each).
FORMATS = tuple(RDF_FORMATS)
EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "ntriples",
    ".ntriples": "ntriples",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".jsonld": "jsonld",
    ".json-ld": "jsonld",
    ".json": "jsonld",
}


class InputFileError(Exception):
    """A file that cannot be read as RDF (missing, undecodable, unknown format)."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{path}: {message}")


class RDFSyntaxError(InputFileError):
    """A syntax error, located by file, line and column (1-based)."""

    def __init__(self, path: Path | str, line: int | None, column: int | None, message: str) -> None:
        self.line, self.column = line, column
        super().__init__(path, message)
        where = f"{path}:{line}:{column}" if line is not None else f"{path}"
        self.args = (f"{where}: {message}",)

    def __str__(self) -> str:
        return self.args[0]


def file_graph_iri(path: Path | str) -> URIRef:
    """The graph of a steward's triple file: stable for the same absolute path."""
    p = Path(path).resolve()
    return ID[f"graph/file/{slug(p.name)}-{short_hash(str(p))}"]


def format_of(path: Path, fmt: str | None = None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise InputFileError(path, f"unknown RDF format {fmt!r} (one of {', '.join(FORMATS)})")
        return fmt
    try:
        return EXTENSIONS[path.suffix.lower()]
    except KeyError:
        raise InputFileError(
            path, f"cannot tell the RDF format from the extension {path.suffix!r}; give --rdf-format"
        ) from None


_POSITION = re.compile(r"^Parser error (?:at|between) line \d+.*?: ")


#: No label, title or evidence sentence comes near this; a longer literal is an error or an attack.
MAX_LITERAL_CHARS = 100_000
#: tipgraph names its nodes with IRIs; a file with more blank nodes than this is a flood, not data.
MAX_BLANK_NODES = 10_000


def bnode_prefix(path: Path | str) -> str:
    """The label prefix of a file's blank nodes (they are scoped to the file)."""
    return "f" + short_hash(str(Path(path).resolve()), length=8) + "x"


@contextlib.contextmanager
def quiet_literal_warnings() -> Iterator[None]:
    """Keep rdflib's "Failed to convert Literal lexical form" warnings (with a traceback)
    off the terminal: an ill-typed value such as "2019-13-45"^^xsd:date is reported by
    the shapes, with its file and line, as a violation."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def parse_file(path: Path | str, fmt: str | None = None) -> dict[URIRef, list[Triple]]:
    """The triples of one file, by graph name (rdflib terms; blank nodes scoped to the file)."""
    path = Path(path)
    name = format_of(path, fmt)
    file_graph = file_graph_iri(path)
    bnode_prefix_ = bnode_prefix(path)
    bnodes: dict[str, BNode] = {}

    def term(t):
        if isinstance(t, BNode):
            b = bnodes.get(str(t))
            if b is None:
                if len(bnodes) >= MAX_BLANK_NODES:
                    raise InputFileError(path, f"more than {MAX_BLANK_NODES:,} blank nodes; give the nodes IRIs")
                b = bnodes[str(t)] = BNode(bnode_prefix_ + str(t))
            return b
        return t

    graphs: dict[URIRef, list[Triple]] = {}
    try:
        with path.open("rb") as f:
            for s, p, o, g in parse_quads(f, name, max_literal_chars=MAX_LITERAL_CHARS):
                graphs.setdefault(g if g is not None else file_graph, []).append((term(s), p, term(o)))
    except LiteralTooLong as exc:
        raise InputFileError(path, f"a literal of {exc.length:,} characters (limit {MAX_LITERAL_CHARS:,}): "
                                   f"{exc.head!r}...") from None
    except SyntaxError as exc:
        message = _POSITION.sub("", exc.msg or str(exc))
        if "LoadDocumentCallback" in message:
            message = "remote JSON-LD contexts are not loaded; inline the @context"
        raise RDFSyntaxError(path, exc.lineno, exc.offset, message) from None
    except UnicodeDecodeError as exc:
        raise InputFileError(path, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputFileError(path, exc.strerror or str(exc)) from None
    except MemoryError as exc:  # pyoxigraph's parser refuses a token longer than its buffer (16 MB)
        raise InputFileError(path, f"a term too long to parse ({exc})") from None
    except ValueError as exc:  # pyoxigraph reports some invalid terms this way
        raise RDFSyntaxError(path, None, None, str(exc)) from None
    return graphs


def parse_files(paths: Iterable[Path | str], fmt: str | None = None) -> dict[URIRef, list[Triple]]:
    """All files' triples by graph; files naming the same graph add up."""
    graphs: dict[URIRef, list[Triple]] = {}
    for p in paths:
        for name, triples in parse_file(p, fmt).items():
            graphs.setdefault(name, []).extend(triples)
    return graphs


#: The classes every node of a kind carries besides any subclass (see with_core_classes).
CORE_CLASSES = tuple(TIP[c] for c in ("Person", "Organization", "State", "Place", "Meeting", "LegalInstrument",
                                       "Programme", "Document", "Ratification"))


def with_core_classes(triples: list[Triple]) -> list[Triple]:
    """``triples`` plus the core class of every node typed only with a subclass of it.

    tipgraph's own graphs type each node with its core class (tip:Meeting beside
    tip:WorkingMeeting); loaded files get the same, so that stored queries can test
    ``a tip:Meeting`` instead of walking rdfs:subClassOf*, which is slow on every
    engine and loses rows on Virtuoso.
    """
    below: dict[Node, URIRef] = {sub: core for core in CORE_CLASSES for sub in subclasses(core) if sub != core}
    present = set(triples)
    added: list[Triple] = []
    for s, p, o in triples:
        if p == RDF.type and o in below:
            t = (s, RDF.type, below[o])
            if t not in present:
                present.add(t)
                added.append(t)
    return triples + added if added else triples


def source_document_iri(path: Path | str) -> URIRef:
    """The source document of a hand-written file: named by the hash of its bytes, so the
    same file loaded from another folder (or by another steward) is the same document."""
    import hashlib

    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
    return ID[f"document/file-{slug(Path(path).stem, 40)}-{digest}"]


def with_file_source(path: Path | str, graphs: dict[URIRef, list[Triple]]) -> dict[URIRef, list[Triple]]:
    """``load --source``: the file becomes the source document (tip:Document) of every
    typed node it describes without a ``prov:wasDerivedFrom`` of its own."""
    from rdflib import Literal
    from rdflib.namespace import DCTERMS, PROV, RDFS

    doc = source_document_iri(path)
    name = Path(path).name
    described: list[Triple] = [(doc, RDF.type, TIP.Document), (doc, RDFS.label, Literal(f"Hand-written file {name}")),
                 (doc, DCTERMS.source, Literal(name))]
    out = {}
    for graph, triples in graphs.items():
        typed = {s for s, p, o in triples if p == RDF.type and isinstance(s, URIRef) and o != TIP.Document}
        sourced = {s for s, p, _ in triples if p == PROV.wasDerivedFrom}
        added: list[Triple] = [(s, PROV.wasDerivedFrom, doc) for s in sorted(typed - sourced)]
        out[graph] = triples + added + (described if added else [])
    return out


def _parse_batch(paths: Sequence[Path | str], fmt: str | None, source: bool = False) -> dict[URIRef, list[Triple]]:
    if source:
        graphs: dict[URIRef, list[Triple]] = {}
        for p in paths:
            for name, triples in with_file_source(p, parse_file(p, fmt)).items():
                graphs.setdefault(name, []).extend(triples)
    else:
        graphs = parse_files(paths, fmt)
    if ONTOLOGY_GRAPH in graphs:
        raise InputFileError(paths[0], f"graph <{ONTOLOGY_GRAPH}> is kept by tipgraph from ontology/; do not load it")
    return {name: with_core_classes(triples) for name, triples in graphs.items()}


def _union(graphs: dict[URIRef, list[Triple]]) -> Graph:
    g = Graph()
    for triples in graphs.values():
        for t in triples:
            g.add(t)
    return g


def validate_files(
    store: GraphStore | None, paths: Sequence[Path | str], fmt: str | None = None, *, source: bool = False
) -> tuple[ValidationReport, dict[URIRef, list[Triple]]]:
    """Parse and validate a batch together in the context of the store (none: the
    reference registry); ``source`` as for :func:`load_files`."""
    with quiet_literal_warnings():
        graphs = _parse_batch(paths, fmt, source)
        report = validate_graph(_union(graphs), store, replacing=list(graphs), reference=store is None)
    _locate(report, paths)
    return report, graphs


def _locate(report: ValidationReport, paths: Sequence[Path | str]) -> None:
    """Each result gets the file and line of its focus node."""
    from .locations import locate

    if report.results:
        report.locate(locate(paths, {r.focus_term for r in report.results if r.focus_term is not None},
                             bnode_files={bnode_prefix(p): str(p) for p in paths}))


@dataclass
class LoadResult:
    report: ValidationReport
    graphs: list[URIRef] = field(default_factory=list)
    #: Quads written (0 when refused).
    quads: int = 0
    loaded: bool = False
    #: Wall time of parsing, validation and writing.
    seconds: float = 0.0
    #: Why the batch was refused, when it was.
    refused_because: str | None = None
    #: Seconds per step: parse, validate, write.
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def quads_per_second(self) -> float:
        return self.quads / self.seconds if self.seconds > 0 else 0.0


def load_files(
    store: GraphStore, paths: Sequence[Path | str], strict: bool = False, fmt: str | None = None, *,
    source: bool = False,
) -> LoadResult:
    """Validate the batch, then store it with one ``replace_graphs`` call, or refuse all of it.

    ``source``: each file is recorded as the source document of the nodes it describes
    without one (:func:`with_file_source`), for hand-written data that was read from
    no press release.

    Refused on any violation, and with ``strict`` on any warning too; a refused batch
    leaves the store exactly as it was. Before an accepted batch is written, the
    ontology graph is loaded when it is missing or out of date.
    """
    t0 = time.perf_counter()
    with quiet_literal_warnings():
        graphs = _parse_batch(paths, fmt, source)
        t1 = time.perf_counter()
        report = validate_graph(_union(graphs), store, replacing=list(graphs))
    _locate(report, paths)
    t2 = time.perf_counter()
    result = LoadResult(report=report, graphs=sorted(graphs))
    result.timings = {"parse": t1 - t0, "validate": t2 - t1}
    if not report.conforms:
        result.refused_because = f"{report.count('Violation')} violation(s)"
    elif strict and report.count("Warning"):
        result.refused_because = f"{report.count('Warning')} warning(s) (--strict)"
    if result.refused_because:
        result.seconds = time.perf_counter() - t0
        return result
    ensure_ontology(store)  # store set-up, as ingest does; a no-op once current
    store.replace_graphs(graphs)
    result.quads = sum(len(set(triples)) for triples in graphs.values())
    result.loaded = True
    result.seconds = time.perf_counter() - t0
    result.timings["write"] = time.perf_counter() - t2
    return result
