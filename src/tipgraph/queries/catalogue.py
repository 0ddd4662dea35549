"""The stored queries: ``queries/*.rq`` files with grlc-style headers.

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

from ..resources import resource_dir

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
        for p in self.parameters:
            if p.name == name:
                return p
        return None


def _parse_variable(var: str) -> tuple[str, str, bool]:
    """``__from_date`` -> ("from", "date", False)."""
    required = not var.startswith("__")
    body = var.lstrip("_")
    name, _, suffix = body.partition("_")
    type_ = suffix or "string"
    return name, type_, required


def parse_query_file(path: Path) -> StoredQuery:
    """Read one ``.rq`` file; raise :class:`CatalogueError` naming the file and the fault."""
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
        if type_ == "iri" and kind not in KINDS:
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
    if not re.search(r"^\s*SELECT\b", body, re.IGNORECASE | re.MULTILINE):
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


def load_catalogue(directory: Path | str | None = None) -> dict[str, StoredQuery]:
    """Every stored query in ``directory`` (default: the packaged ``queries/``), by name."""
    if directory is None:
        return dict(_packaged_catalogue())
    return {p.stem: parse_query_file(p) for p in sorted(Path(directory).glob("*.rq"))}


@functools.lru_cache(maxsize=1)
def _packaged_catalogue() -> tuple[tuple[str, StoredQuery], ...]:
    folder = resource_dir("queries")
    return tuple((p.stem, parse_query_file(p)) for p in sorted(folder.glob("*.rq")))
