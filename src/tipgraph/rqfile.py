"""The ``.rq`` file format: a SPARQL query with a grlc-style header of comments.

Both kinds of query file use it: the stored queries analysts run (``queries/*.rq``,
listed by :mod:`tipgraph.queries.catalogue`) and the queries tipgraph runs for itself
(``queries/internal/*.rq``, :func:`internal_query`). It is a leaf module, so that
layers below :mod:`tipgraph.queries` (the reference graphs, the network, the pages)
read their queries the same way without importing the query runner.

Each file is one question. Its header follows grlc's decorator convention
(https://github.com/CLARIAH/grlc#decorator-syntax): lines starting with ``#+ `` hold
YAML with ``summary`` (the title), ``description`` (what it answers), ``tags`` and
``defaults``. Parameters are query variables named the grlc/BASIL way:
``?_name_type`` is required, ``?__name_type`` optional, and the type suffix is one of
``iri``, ``date``, ``integer`` or none (a string). grlc has no place for a
parameter's description, so tipgraph adds one decorator, ``params``, that grlc
ignores::

    #+ params:
    #+   actor: {kind: Actor, description: One actor of the pair.}

``kind`` (for IRI parameters) says which class a label or acronym is looked up in.
``lists`` names the columns that hold `` | ``-separated lists (``GROUP_CONCAT``): SPARQL
leaves the order inside a group undefined and engines differ, so the runner sorts
their items, and every engine gives the same cell.
A file that breaks these rules fails to load, so a typo cannot silently turn a
filter off.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib.term import Identifier

from .resources import resource_dir

#: Parameter types (the grlc variable-name suffix; none means string).
PARAM_TYPES = ("iri", "string", "date", "integer")
#: Classes a label or acronym may be looked up in, for IRI parameters.
KINDS = ("Actor", "Organization", "State", "Place", "LegalInstrument", "Programme")

_PARAM_VAR = re.compile(r"[?$](_{1,2}[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)?)\b")
_HEADER = "#+"


class CatalogueError(ValueError):
    """A stored query file breaks the header or parameter conventions."""


@dataclass(frozen=True)
class Parameter:
    """One parameter of a query file: its name, type, whether it is required, and its variable."""

    name: str
    type: str
    required: bool
    variable: str
    description: str
    default: str | None = None
    kind: str | None = None

    def signature(self) -> str:
        """``actor (iri, optional)`` -- for listings."""
        extra = "required" if self.required else "optional"
        if self.default is not None:
            extra += f", default {self.default}"
        return f"{self.name} ({self.type}, {extra})"


@dataclass(frozen=True)
class StoredQuery:
    """A parsed query file: its text, header and parameters (stored or internal)."""

    name: str
    path: Path
    title: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = ()
    tags: tuple[str, ...] = ()
    #: Columns holding " | "-separated lists, whose items the runner sorts.
    lists: tuple[str, ...] = ()
    metadata: dict = field(default_factory=dict, compare=False, hash=False)

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name``, or None when the query has none of that name."""
        for p in self.parameters:
            if p.name == name:
                return p
        return None

    def bindings(self, **values: Identifier) -> dict[str, Identifier]:
        """``{variable: term}`` for terms given by parameter name, as the store binds them.

        For tipgraph's own queries, whose values are already RDF terms: an unknown name
        or a missing required parameter is a programming error, so it raises TypeError
        (as a wrong keyword argument would) instead of running the query unfiltered.
        """
        unknown = sorted(set(values) - {p.name for p in self.parameters})
        if unknown:
            raise TypeError(f"query {self.name!r} has no parameter {unknown[0]!r}")
        missing = [p.name for p in self.parameters if p.required and values.get(p.name) is None]
        if missing:
            raise TypeError(f"query {self.name!r} needs parameter {missing[0]!r}")
        return {p.variable: values[p.name] for p in self.parameters if values.get(p.name) is not None}


def _parse_variable(var: str) -> tuple[str, str, bool]:
    """``__from_date`` -> ("from", "date", False)."""
    required = not var.startswith("__")
    body = var.lstrip("_")
    name, _, suffix = body.partition("_")
    type_ = suffix or "string"
    return name, type_, required


def parse_query_file(path: Path, internal: bool = False) -> StoredQuery:
    """Read one ``.rq`` file; raise :class:`CatalogueError` naming the file and the fault.

    ``internal`` files (tipgraph's own queries) may also be ASK or CONSTRUCT queries,
    and their IRI parameters need no ``kind``: their values are IRIs, never names.
    """
    text = path.read_text(encoding="utf-8")
    header = [line[len(_HEADER):] for line in text.splitlines() if line.startswith(_HEADER)]
    try:
        meta = yaml.safe_load("\n".join(header)) or {}
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path.name}: header is not valid YAML: {exc}") from None
    if not isinstance(meta, dict) or not meta.get("summary") or not meta.get("description"):
        raise CatalogueError(f"{path.name}: header needs '#+ summary:' and '#+ description:'")

    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    declared = meta.get("params") or {}
    defaults: dict[str, str] = {}
    for item in meta.get("defaults") or []:
        if not isinstance(item, dict):
            raise CatalogueError(f"{path.name}: '#+ defaults:' items are 'name: value'")
        defaults.update({str(k): str(v) for k, v in item.items()})

    params: dict[str, Parameter] = {}
    for var in dict.fromkeys(_PARAM_VAR.findall(body)):
        name, type_, required = _parse_variable(var)
        if type_ not in PARAM_TYPES:
            raise CatalogueError(f"{path.name}: ?{var}: type {type_!r} is not one of {PARAM_TYPES}")
        if name in params and params[name].variable != var:
            raise CatalogueError(f"{path.name}: parameter {name!r} is spelled two ways")
        spec = declared.get(name)
        if not isinstance(spec, dict) or not spec.get("description"):
            raise CatalogueError(f"{path.name}: parameter {name!r} needs a description under '#+ params:'")
        kind = spec.get("kind")
        if type_ == "iri" and kind not in KINDS and not internal:
            raise CatalogueError(f"{path.name}: IRI parameter {name!r} needs a kind, one of {KINDS}")
        params[name] = Parameter(
            name=name,
            type=type_,
            required=required,
            variable=var,
            description=" ".join(str(spec["description"]).split()),
            default=defaults.get(name),
            kind=kind if type_ == "iri" else None,
        )
    unknown = (set(declared) | set(defaults)) - set(params)
    if unknown:
        raise CatalogueError(f"{path.name}: header names parameters the query does not use: {sorted(unknown)}")
    if internal:
        if not re.search(r"^\s*(SELECT|ASK|CONSTRUCT)\b", body, re.IGNORECASE | re.MULTILINE):
            raise CatalogueError(f"{path.name}: internal queries are SELECT, ASK or CONSTRUCT queries")
    elif not re.search(r"^\s*SELECT\b", body, re.IGNORECASE | re.MULTILINE):
        raise CatalogueError(f"{path.name}: stored queries are SELECT queries")
    lists = meta.get("lists") or []
    if not isinstance(lists, list) or not all(isinstance(x, str) for x in lists):
        raise CatalogueError(f"{path.name}: '#+ lists:' is a list of column names")
    for column in lists:
        if not re.search(rf"\bAS\s+\?{re.escape(column)}\b", body):
            raise CatalogueError(f"{path.name}: list column {column!r} is not a column the query binds with AS")
    return StoredQuery(
        name=path.stem,
        path=path,
        title=" ".join(str(meta["summary"]).split()),
        description=" ".join(str(meta["description"]).split()),
        text=text,
        parameters=tuple(params.values()),
        tags=tuple(meta.get("tags") or ()),
        lists=tuple(lists),
        metadata=meta,
    )


#: The folder of tipgraph's own queries, inside the stored queries' folder (not listed with them).
INTERNAL_FOLDER = "internal"


def internal_query_files() -> list[Path]:
    """Every internal query file (the tests check each parses and is used)."""
    return sorted((resource_dir("queries") / INTERNAL_FOLDER).glob("*.rq"))


@functools.lru_cache(maxsize=None)
def internal_query(name: str) -> StoredQuery:
    """The internal query ``name`` (``queries/internal/{name}.rq``), parsed once.

    Why files: the text of a query tipgraph runs for itself reads, and is checked,
    like a stored one (header, bound parameters), instead of hiding in a string.
    """
    path = resource_dir("queries") / INTERNAL_FOLDER / f"{name}.rq"
    if not path.is_file():
        raise FileNotFoundError(f"no internal query {name!r} ({path})")
    return parse_query_file(path, internal=True)
