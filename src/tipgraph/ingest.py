"""The ingest pipeline: read -> extract -> build -> validate -> store, per document.

Reading, extraction and graph building are pure functions of one file, so with
``jobs > 1`` they run in worker processes. Validation and writing stay in this process:
the store has a single writer, and each document is validated in the context of what
the store already holds. The main process is the bottleneck with ``--jobs 2``, so its
per-document work is kept small: Oxigraph parses the workers' N-Triples, validation
runs the compiled shapes of :mod:`tipgraph.validation.compiled` (not pyshacl) on a read-only
graph over those triples, and the same triples go to the store. Documents are written in small batches, each batch one
transaction of whole document graphs, so a crash never leaves half a document.
"""
from __future__ import annotations

import os
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from .labels import adopt_preferred_labels, mentioned_nodes, remember_labels, typed_nodes
from .model import Entity, Extraction
from .namespaces import TIP
from .reading import SUPPORTED_SUFFIXES, UnreadableDocument, read_document
from .reading.document import DEFAULT_MAX_BYTES
from .reading.language import is_supported
from .rdfbuild import document_iri, document_triples
from .reference import ensure_reference_graphs
from .validation.compiled import index_graph
from .store import GraphStore

#: Documents written per transaction: whole graphs only, so crash safety holds.
WRITE_BATCH = 25


class IngestInputError(Exception):
    """A path given to ingest does not exist or holds no readable documents."""


@dataclass
class DocumentOutcome:
    """What happened to one document: stored, unchanged or refused (with why), for the run's report."""

    path: str
    status: str  # "stored", "unchanged" or "refused"
    reason: str = ""
    graph: str = ""
    facts: dict[str, int] = field(default_factory=dict)
    quads: int = 0
    #: what the user should know about a stored document (text cut at a bound, language)
    note: str = ""


@dataclass
class IngestReport:
    """The outcome of one ingest run, per document, so the CLI and notebooks report the same counts."""

    outcomes: list[DocumentOutcome] = field(default_factory=list)
    seconds: float = 0.0
    #: Entities (persons, organizations, states, places, instruments) that the stored
    #: documents describe and the store did not hold before, by kind ("org", "person" ...).
    new_entities: Counter[str] = field(default_factory=Counter)
    #: (path, reason) of what the folders held but ingest did not open (links, FIFOs ...)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def count(self, status: str) -> int:
        """Documents with ``status`` ("stored", "unchanged" or "refused")."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def read(self) -> int:
        """Documents looked at, whatever became of them."""
        return len(self.outcomes)

    @property
    def stored(self) -> int:
        """Documents whose graph was written in this run."""
        return self.count("stored")

    @property
    def unchanged(self) -> int:
        """Documents skipped because the store already holds the same text and extractor version."""
        return self.count("unchanged")

    @property
    def refused(self) -> list[DocumentOutcome]:
        """Outcomes of the documents not stored, each with its reason."""
        return [o for o in self.outcomes if o.status == "refused"]

    @property
    def quads(self) -> int:
        """Quads written, over all stored documents."""
        return sum(o.quads for o in self.outcomes)

    def fact_totals(self) -> dict[str, int]:
        """Facts of the stored documents by kind (meetings, persons ...), summed for the run's summary."""
        totals: Counter[str] = Counter()
        for o in self.outcomes:
            if o.status == "stored":
                totals.update(o.facts)
        return dict(totals)


@dataclass
class Discovery:
    """The documents to read, and what was found but not taken (path, reason)."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _special_kind(mode: int) -> str | None:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == r or path.is_relative_to(r) for r in roots)


def survey(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> Discovery:
    """Files given, and supported files found recursively in folders given, sorted.

    Inside a folder, a symbolic link is followed only when its target lies inside one of
    the folders given (or with ``follow_symlinks``): a link to a file elsewhere must not
    make ingest read it. FIFOs, sockets and devices are never opened (reading a FIFO
    blocks). Both are reported in ``skipped`` when their name has a supported suffix
    (or, for a link, when it leads to a folder).
    """
    out = Discovery()
    given = [Path(raw) for raw in paths]
    roots = []
    for p in given:
        if p.is_dir():
            roots.append(p.resolve())
    found: list[Path] = []
    for p in given:
        if p.is_dir():
            found += _walk(p, roots, follow_symlinks, out.skipped)
            continue
        try:
            mode = p.stat().st_mode
        except OSError:
            raise IngestInputError(f"{p}: no such file or folder") from None
        special = _special_kind(mode)
        if special:
            out.skipped.append((str(p), f"{special}, not a regular file"))
        else:
            found.append(p)
    out.files = list(dict.fromkeys(f.resolve() for f in found))
    return out


def _walk(top: Path, roots: list[Path], follow: bool, skipped: list[tuple[str, str]]) -> list[Path]:
    files: list[Path] = []
    visited: set[Path] = set()
    pending = [top]
    while pending:
        folder = pending.pop()
        real = folder.resolve()
        if real in visited:  # a link loop, or a folder reached twice through links
            continue
        visited.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append((str(folder), f"cannot list folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            supported = path.suffix.lower() in SUPPORTED_SUFFIXES
            try:
                if entry.is_symlink():
                    try:
                        target = path.resolve(strict=True)
                        tmode = target.stat().st_mode
                    except (OSError, RuntimeError):
                        if supported:
                            skipped.append((str(path), "broken symbolic link or link loop"))
                        continue
                    is_dir = stat.S_ISDIR(tmode)
                    if not follow and not _inside(target, roots):
                        if supported or is_dir:
                            skipped.append((str(path), f"symbolic link to {target}, outside the folders given "
                                                       "(use --follow-symlinks to read it)"))
                        continue
                    if is_dir:
                        if follow:
                            pending.append(path)
                        continue  # inside the roots: its files are reached where they are
                    mode = tmode
                else:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(path)
                        continue
                    mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                if supported:
                    skipped.append((str(path), f"cannot stat: {exc.strerror or exc}"))
                continue
            if not supported:
                continue
            special = _special_kind(mode)
            if special:
                skipped.append((str(path), f"{special}, not a regular file"))
            elif stat.S_ISREG(mode):
                files.append(path)
    return sorted(files)


def discover(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> list[Path]:
    """The files :func:`survey` would have ingest read."""
    return survey(paths, follow_symlinks=follow_symlinks).files


# -- work done per document (in a worker process when jobs > 1) ----------------

@dataclass
class _Processed:
    path: str
    graph_iri: str = ""
    ntriples: bytes = b""
    content_sha1: str = ""
    facts: dict[str, int] = field(default_factory=dict)
    error: str = ""
    unchanged: bool = False
    note: str = ""


_KNOWN: object = ()
_SEEN: dict[str, str] = {}
#: A resolver with the store's entities as its source, once per worker; each document gets a fork of it.
_TEMPLATE = None
_MAX_BYTES = DEFAULT_MAX_BYTES


def _init_worker(known, seen: dict[str, str], max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """``known``: the stored entities, as a :class:`~tipgraph.resolution.known.KnownSource`
    (in this process) or as ``(iri, kind, label)`` rows or entities (sent to a worker)."""
    global _KNOWN, _SEEN, _TEMPLATE, _MAX_BYTES
    _KNOWN = known
    _SEEN = seen
    _TEMPLATE = None
    _MAX_BYTES = max_bytes


def _fresh_resolver():
    """A resolver that knows the store's entities and nothing learnt from other documents.

    A resolver remembers the entities it creates; shared across documents, a document's
    graph would depend on which documents the same worker read before it (the pool's
    scheduling) and on which ones a rerun after a crash skips as unchanged. One per
    document keeps every graph a function of its document and the store.
    """
    global _TEMPLATE
    from .resolution import Resolver
    from .resolution.known import KnownSource, TableSource

    if _TEMPLATE is None:
        # The store's entities are a source the resolver asks by name (resolution/known.py):
        # each document's fork fetches only the entities its names hit.
        source = _KNOWN if isinstance(_KNOWN, KnownSource) else TableSource(
            (e.iri, e.kind, e.label) if isinstance(e, Entity) else tuple(e) for e in _KNOWN)  # type: ignore[attr-defined]
        _TEMPLATE = Resolver()
        _TEMPLATE.use_source(source)
    return _TEMPLATE.fork()


def _process(path: str) -> _Processed:
    from . import EXTRACTOR_VERSION
    from .extraction import extract

    try:
        doc = read_document(path, max_bytes=_MAX_BYTES)
    except UnreadableDocument as exc:
        return _Processed(path, error=exc.reason)
    except Exception as exc:  # a reader bug (or MemoryError) must not stop the other documents
        return _Processed(path, error=f"reading failed: {type(exc).__name__}: {exc}")
    iri = str(document_iri(doc.path, doc.content_sha1))
    if _SEEN.get(iri) == f"{doc.content_sha1} {EXTRACTOR_VERSION}":
        return _Processed(path, graph_iri=iri, unchanged=True)
    try:
        if is_supported(doc.language):
            extraction = extract(doc, _fresh_resolver())
        else:  # stored as a document (title, date, source, language), no facts: see docs/security.md
            extraction = Extraction(document=doc, note=f"language {doc.language}: not supported yet, stored without facts")
        graph_iri, triples = document_triples(extraction)
        ntriples = _serialize_ntriples(triples)
    except Exception as exc:  # an extractor bug must not stop the other documents
        return _Processed(path, error=f"extraction failed: {type(exc).__name__}: {exc}")
    return _Processed(
        path,
        graph_iri=str(graph_iri),
        ntriples=ntriples,
        content_sha1=doc.content_sha1,
        facts=extraction.fact_counts(),
        note=extraction.note,
    )


# -- what the store already knows ------------------------------------------------



def _stored_entities(store: GraphStore) -> set[tuple[str, str, str]]:
    """(IRI, kind, label) of every stored shared entity, from the store's entity summary
    (store/derived.py): one row per entity, however many documents repeat it."""
    from .store.derived import CORE_CLASSES, TGD, entity_of

    core: dict[Node, str] = {TIP[k]: k for k in CORE_CLASSES}
    kinds: dict[URIRef, set[str]] = {}
    for n, t in store.summary_subjects(TGD.type):
        if t in core:
            kinds.setdefault(n, set()).add(core[t])
    found: set[tuple[str, str, str]] = set()
    for n, label in store.summary_subjects(TGD.label):
        for kind in kinds.get(n, ()):
            found.add((str(entity_of(n)), kind, str(label)))
    return found


def _stored_labels(store: GraphStore, triples: list[tuple], preferred: dict[URIRef, str],
                   in_store: set[URIRef]) -> None:
    """What :func:`ingest_paths` learns from :func:`_stored_entities` before a batch, for the
    shared entities of one document only: their preferred (least) stored label, and that
    they are stored."""
    from .store.derived import CORE_CLASSES, TGD, is_shared, summary_node

    core = {TIP[k] for k in CORE_CLASSES}
    nodes = sorted({s for s, p, _ in triples if is_shared(s)} | {o for _, _, o in triples if is_shared(o)})
    kinds: set[URIRef] = set()
    labels: dict[URIRef, list[str]] = {}
    for n, p, o in store.summary_facts((summary_node(x) for x in nodes), (TGD.type, TGD.label)):
        if p == TGD.type:
            if o in core:
                kinds.add(n)
        else:
            labels.setdefault(n, []).append(str(o))
    for x in nodes:
        n = summary_node(x)
        if n in kinds and n in labels:
            preferred.setdefault(x, min(labels[n]))
            in_store.add(x)


def _only_in(store: GraphStore, graphs: Iterable[str]) -> set[str]:
    """Entities that no graph but ``graphs`` describes: reads the summary of those graphs'
    entities only (there are some on a rerun after a crash, none for new documents)."""
    from .store.derived import TGD, entity_of

    run = {URIRef(g) for g in graphs}
    in_run: Counter[URIRef] = Counter()
    for n, _ in store.summary_subjects(TGD.graph, run) if run else ():
        in_run[n] += 1
    if not in_run:
        return set()
    total = Counter(n for n, _, _ in store.summary_facts(in_run, (TGD.graph,)))
    return {str(entity_of(n)) for n, count in in_run.items() if total[n] <= count}


def known_entities(store: GraphStore, exclude_documents: Iterable[str] = (),
                   stored: set[tuple[str, str, str]] | None = None) -> list[Entity]:
    """Entities that earlier documents created (not the registry's), for resolution.

    Entities known only from ``exclude_documents`` (the documents of this run, which
    are also their graphs) are left out: a run must not learn from its own earlier,
    interrupted attempt, or a rerun after a crash would extract differently from a
    clean run.
    """
    entities = _stored_entities(store) if stored is None else stored
    excluded = _only_in(store, exclude_documents)
    return [
        Entity(iri=iri, kind=kind, label=label)  # type: ignore[arg-type]
        for iri, kind, label in sorted(entities)
        if iri not in excluded
    ]


def stored_sources(store: GraphStore, paths: Iterable[str]) -> dict[str, set[str]]:
    """Source path -> IRIs of the documents stored from it (older versions of a file),
    for the run's own paths only (the answer follows the run, not the store)."""
    from .store.binding import BindingError, check_term

    terms = []
    for path in sorted(set(paths)):
        try:
            terms.append(check_term(Literal(path)))
        except BindingError:
            continue
    if not terms:
        return {}
    rows = store.select(
        """
        PREFIX tip: <https://w3id.org/tipgraph/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT DISTINCT ?doc ?source WHERE { VALUES ?source { """ + " ".join(terms) + """ }
          ?doc a tip:Document ; tip:contentHash ?hash ; dcterms:source ?source }
        """
    )
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(str(r["source"]), set()).add(str(r["doc"]))
    return out


def stored_versions(store: GraphStore, documents: Iterable[str] | None = None) -> dict[str, str]:
    """Document graph IRI -> "content-hash extractor-version" of what is stored.

    With ``documents``, only those documents are asked about (a run's own files), so the
    answer follows the run, not the number of documents stored.
    """
    from .store.binding import BindingError, check_term

    values = ""
    if documents is not None:
        terms = []
        for d in sorted(set(documents)):
            try:
                terms.append(check_term(URIRef(d)))
            except BindingError:
                continue
        if not terms:
            return {}
        values = "VALUES ?doc { " + " ".join(terms) + " }"
    rows = store.select(
        f"""
        PREFIX tip: <https://w3id.org/tipgraph/ontology#>
        SELECT ?doc ?hash ?version WHERE {{
          {values}
          ?doc a tip:Document ; tip:contentHash ?hash ; tip:extractorVersion ?version .
        }}
        """
    )
    return {str(r["doc"]): f"{r['hash']} {r['version']}" for r in rows}


# -- the pipeline ----------------------------------------------------------------

ProgressCallback = Callable[[DocumentOutcome], None]
_ID = "https://w3id.org/tipgraph/id/"
#: IRI segments of the entity kinds counted in IngestReport.new_entities.
_ENTITY_KINDS = ("person", "org", "state", "place", "instrument")


def _processed_stream(paths: list[str], jobs: int, known, seen: dict[str, str],
                      max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[_Processed]:
    if jobs <= 1 or len(paths) < 2:
        _init_worker(known, seen, max_bytes)
        for p in paths:
            yield _process(p)
        return
    chunksize = max(1, min(16, len(paths) // (jobs * 4) or 1))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                             initargs=(known, seen, max_bytes)) as pool:
        yield from pool.map(_process, paths, chunksize=chunksize)


def ingest_paths(
    store: GraphStore,
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
    validate: bool = True,
    follow_symlinks: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    """Ingest files and folders into ``store``; returns what happened to each document."""
    from .validation import validate_graph

    started = time.perf_counter()
    found = survey(paths, follow_symlinks=follow_symlinks)
    files = [str(p) for p in found.files]
    store.ensure_derived_layout()  # once for a store written before the layout (or bulk-loaded)
    ensure_reference_graphs(store)
    run_documents = [str(document_iri(f)) for f in files]
    # One document: nothing is written before it is resolved, so the resolver and the
    # label choice read the store's summary for the names it holds (stored_names.py);
    # a batch reads the stored entities once and sends them to its workers.
    one = len(files) <= 1
    stored = None if one else _stored_entities(store)
    known: object
    if one:
        from .stored_names import StoreSource

        known = StoreSource(store, _only_in(store, run_documents))
    else:
        known = [(e.iri, e.kind, e.label) for e in known_entities(store, exclude_documents=run_documents, stored=stored)]
    seen = stored_versions(store, run_documents)
    sources = stored_sources(store, files)
    report = IngestReport(skipped=found.skipped)
    pending: dict[URIRef, list[tuple]] = {}
    pending_outcomes: list[DocumentOutcome] = []
    # Nodes that pending (validated, not yet written) documents describe: a document that
    # refers to one is validated after they are written, in the store's context.
    pending_described: set[URIRef] = set()
    # The name each stored entity already has stays its preferred label (labels.py).
    preferred: dict[URIRef, str] = {}
    for iri, _kind, label in sorted(stored or ()):
        preferred.setdefault(URIRef(iri), label)
    in_store = set(preferred)
    counted_new: set[URIRef] = set()

    def flush() -> None:
        if not pending:
            return
        store.replace_graphs(pending)
        in_store.update(pending_described)
        pending_described.clear()
        for o in pending_outcomes:
            if progress:
                progress(o)
        pending.clear()
        pending_outcomes.clear()

    for item in _processed_stream(files, max(1, jobs), known, seen, max_bytes):
        if item.error:
            outcome = DocumentOutcome(item.path, "refused", reason=item.error)
        elif item.unchanged:
            outcome = DocumentOutcome(item.path, "unchanged", graph=item.graph_iri)
        else:
            parsed = _parse_ntriples(item.ntriples)
            if one:
                _stored_labels(store, parsed, preferred, in_store)
            triples = adopt_preferred_labels(parsed, preferred)
            typed = typed_nodes(triples)
            if pending_described and mentioned_nodes(triples, typed) & pending_described:
                flush()
            graph = index_graph(triples, identifier=URIRef(item.graph_iri))
            name = URIRef(item.graph_iri)
            outcome = DocumentOutcome(item.path, "stored", graph=item.graph_iri, facts=item.facts,
                                      quads=len(triples), note=item.note)
            if validate:
                result = validate_graph(graph, store, replacing=[name])
                if not result.conforms:
                    outcome.status = "refused"
                    outcome.quads = 0
                    outcome.reason = _first_violations(result)
            if outcome.status == "stored":
                # the same path stored with other content earlier: that version goes
                for old in sorted(sources.get(item.path, set()) - {item.graph_iri}):
                    if URIRef(old) not in pending:
                        pending[URIRef(old)] = []
                for node in typed - in_store - counted_new:
                    kind = str(node)[len(_ID):].partition("/")[0]
                    if kind in _ENTITY_KINDS:
                        counted_new.add(node)
                        report.new_entities[kind] += 1
                pending[name] = triples
                pending_described.update(typed - in_store)
                remember_labels(triples, preferred)
                pending_outcomes.append(outcome)
                report.outcomes.append(outcome)
                if len(pending) >= WRITE_BATCH:
                    flush()
                continue
        report.outcomes.append(outcome)
        if progress:
            progress(outcome)
    flush()
    report.seconds = time.perf_counter() - started
    return report


def _serialize_ntriples(triples: list[tuple]) -> bytes:
    """A document's triples as N-Triples for the writer process, written by Oxigraph
    (several times faster than rdflib's serializer, and the writer parses them with Oxigraph)."""
    from .store.terms import serialize_triples

    return serialize_triples(triples)


def _parse_ntriples(data: bytes) -> list[tuple]:
    """A worker's N-Triples as rdflib triples; Oxigraph's parser is several times faster than rdflib's."""
    from .store.terms import parse_triples

    return parse_triples(data)


def _first_violations(result, limit: int = 3) -> str:
    lines = []
    for r in result.results:
        if r.severity != "Violation":
            continue
        focus = r.focus_label or r.focus
        lines.append(f"{focus}: {r.message}")
        if len(lines) >= limit:
            break
    more = sum(1 for r in result.results if r.severity == "Violation") - len(lines)
    return "; ".join(lines) + (f" (and {more} more)" if more > 0 else "")


def default_jobs() -> int:
    """Worker processes to suggest when none are asked for: one per core, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


__all__ = ["Discovery", "DocumentOutcome", "IngestReport", "IngestInputError", "discover", "ingest_paths", "survey"]
