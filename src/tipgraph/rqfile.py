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

A file may add *variants*: other bodies of the same question, each for a set of given
parameters, after the main body. A line ``#= when: actor`` (or ``#= when: actor, from``;
``#= when:`` alone for none) starts one; it runs instead of the main body when exactly the
parameters it names are given (defaults count as given), with the main body's ``PREFIX``
lines. A variant selects its rows in a sub-select and joins
labels to the grouped rows outside it, from the entity summary (so it runs only on a
store whose summary links its nodes to their entities). SPARQL evaluates a sub-select
and each branch of a UNION on its own, so the runner binds the parameters (the same
VALUES block the stores write) where the variant puts a ``#@bind`` comment, once or more.
Why: a ``FILTER(!BOUND(?p) || ...)`` cannot be pushed into the joins, so a query that
takes an optional parameter reads the whole store whether or not it is given; a variant
starts from the given parameter instead. A variant projects the same columns and must
return the same rows as the main body (``tests/queries/test_variants.py`` compares them
on each engine); grlc, which does not know the marker, reads only the main body.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib.term import Identifier

from .resources import resource_dir

#: Parameter types (the grlc variable-name suffix; none means string).
PARAM_TYPES = ("iri", "string", "date", "integer")
#: Classes a label or acronym may be looked up in, for IRI parameters.
KINDS = ("Actor", "Organization", "State", "Place", "LegalInstrument", "Programme")

#: A line that starts a variant body: ``#= when: actor, from``.
_VARIANT = re.compile(r"^#=\s*when:\s*(.*?)\s*$")
#: A comment that marks where a stored query's variant wants its parameters bound
#: (the stores' binding code writes the VALUES block there: ``store.binding.bind_marks``).
BIND_MARK = "#@bind"
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
class Variant:
    """Another body of a stored query, run when exactly ``when`` (parameter names) are given."""

    when: frozenset[str]
    text: str


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
    #: Bodies for given parameters, in file order (see the module docstring).
    variants: tuple[Variant, ...] = ()

    def variant_for(self, given: Iterable[str]) -> Variant | None:
        """The variant for exactly these given parameters (None: the main body)."""
        names = frozenset(given)
        for variant in self.variants:
            if variant.when == names:
                return variant
        return None

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


def _split_variants(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``(main text, [(when line, variant body)])``: a ``#= when:`` line starts each variant."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _VARIANT.match(line.rstrip("\n"))]
    if not starts:
        return text, []
    main = "".join(lines[:starts[0]])
    out = []
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        out.append((_VARIANT.match(lines[i].rstrip("\n")).group(1), "".join(lines[i + 1:end])))  # type: ignore[union-attr]
    return main, out


def projection(body: str) -> list[str]:
    """The column names of a SELECT body, in order (``?x`` and ``(... AS ?x)`` at depth 0)."""
    m = re.search(r"^\s*SELECT\b(.*?)\bWHERE\b", body, re.IGNORECASE | re.MULTILINE | re.DOTALL)
    if not m:
        return []
    clause, depth, out = m.group(1), 0, []
    for token in re.finditer(r"\(|\)|[?$]([A-Za-z_][A-Za-z0-9_]*)|\bAS\s+[?$]([A-Za-z_][A-Za-z0-9_]*)", clause):
        t = token.group(0)
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        elif token.group(2) and depth == 1:
            out.append(token.group(2))
        elif token.group(1) and depth == 0:
            out.append(token.group(1))
    return out


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _parse_variants(path: Path, main_body: str, pieces: list[tuple[str, str]],
                    params: dict[str, Parameter]) -> tuple[Variant, ...]:
    prologue = "".join(line + "\n" for line in main_body.splitlines() if re.match(r"^\s*(PREFIX|BASE)\b", line, re.I))
    columns = projection(main_body)
    variables = {p.variable for p in params.values()}
    out = []
    for when_text, text in pieces:
        when = frozenset(w.strip() for w in when_text.split(",") if w.strip())
        if not when <= set(params):
            raise CatalogueError(f"{path.name}: '#= when: {when_text}' names no parameter or one the query does not take")
        body = _body(text)
        used = set(_PARAM_VAR.findall(body))
        if used != variables:
            raise CatalogueError(f"{path.name}: variant '{when_text}' uses parameters {sorted(used)}, "
                                 f"the query {sorted(variables)}")
        if projection(body) != columns:
            raise CatalogueError(f"{path.name}: variant '{when_text}' projects {projection(body)}, not {columns}")
        if not re.search(r"(?m)^[^\"'<]*" + re.escape(BIND_MARK), text):
            raise CatalogueError(f"{path.name}: variant '{when_text}' has no {BIND_MARK} comment "
                                 "(where the parameters are bound)")
        out.append(Variant(when=when, text=prologue + text))
    return tuple(out)


def parse_query_file(path: Path, internal: bool = False) -> StoredQuery:
    """Read one ``.rq`` file; raise :class:`CatalogueError` naming the file and the fault.

    ``internal`` files (tipgraph's own queries) may also be ASK or CONSTRUCT queries,
    and their IRI parameters need no ``kind``: their values are IRIs, never names.
    """
    text, pieces = _split_variants(path.read_text(encoding="utf-8"))
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
        variants=_parse_variants(path, body, pieces, params),
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
