"""Commands for analysts: the stored queries, and ad-hoc SPARQL.

``tipgraph queries`` lists the stored questions, ``tipgraph query NAME --param k=v``
runs one (values are bound, never pasted into the query), and ``tipgraph sparql``
runs any query, read-only unless ``--allow-update``, and without SERVICE clauses
unless ``--allow-service``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..queries import QueryError, load_catalogue, run_query
from ..queries.adhoc import check_adhoc, run_sparql, with_prefixes
from ..queries.formatting import cell_text
from ..queries.runner import get_query
from ..store import store_exists
from .common import (
    InputError,
    as_input_errors,
    console,
    err_console,
    open_store_or_fail,
    store_option,
)
from .output import FORMATS, write_rows

#: Rows ``tipgraph sparql`` shows of a SELECT by default (``--max-rows``): a query typed
#: by hand can match every quad of the store.
MAX_ROWS = 10_000

format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="Output format. The table fits the terminal (IRI columns that have a label column hidden, "
         "long cells cut); csv, tsv and json hold every column in full.",
)
wide_option = click.option(
    "--wide", is_flag=True, help="Table: show every column and value in full, one line per row (for `less -S`)."
)


def _open_for_reading(location: str):
    if not store_exists(location):
        raise InputError(f"no store at {location} (ingest or load something first, or pass --store)")
    return open_store_or_fail(location, read_only=True)


@click.command("queries")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def queries_command(store_location: str, fmt: str) -> None:
    """List the stored queries: name, title and parameters."""
    catalogue = load_catalogue()
    rows = [
        {
            "name": q.name,
            "title": q.title,
            "parameters": ", ".join(p.signature() for p in q.parameters) or "-",
        }
        for q in catalogue.values()
    ]
    if fmt == "json":
        data = [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "parameters": [
                    {"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                     "description": p.description}
                    for p in q.parameters
                ],
            }
            for q in catalogue.values()
        ]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    write_rows(console, ["name", "title", "parameters"], rows, "table", title="Stored queries", layout="fold")


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param takes NAME=VALUE, got {pair!r}")
        if name.strip() in params:
            raise InputError(f"--param {name.strip()} given twice")
        params[name.strip()] = value
    return params


class _StoredQueryCommand(click.Command):
    """``tipgraph query``, whose ``--help`` describes the query NAME when one is given.

    click handles ``--help`` before it looks at the arguments, so the arguments are
    kept aside when parsed and read again when the help is written.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["tipgraph.query_args"] = list(args)
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help(ctx, formatter)
        name = _named_query(ctx)
        if name is None:
            return
        try:
            stored = get_query(name)
        except QueryError as exc:
            with formatter.section("Query"):
                formatter.write_text(str(exc))
            return
        with formatter.section(f"Query {stored.name} ({stored.title})"):
            formatter.write_text(stored.description)
        if stored.parameters:
            with formatter.section("Its parameters (--param NAME=VALUE)"):
                formatter.write_dl([(p.signature(), p.description) for p in stored.parameters])
        else:
            with formatter.section("Its parameters"):
                formatter.write_text("none")


def _named_query(ctx: click.Context) -> str | None:
    """The NAME argument among the arguments kept by :class:`_StoredQueryCommand`, if any."""
    args = ctx.meta.get("tipgraph.query_args") or []
    try:
        parser = ctx.command.make_parser(ctx)
        opts, _rest, _order = parser.parse_args(args=list(args))
    except click.UsageError:
        return None
    name = opts.get("name")
    return name if isinstance(name, str) else None


@click.command("query", cls=_StoredQueryCommand)
@click.argument("name")
@click.option("--param", "-p", "param_pairs", multiple=True, metavar="NAME=VALUE",
              help="A parameter value (repeatable). Actors and instruments may be given by label or acronym.")
@store_option
@format_option
@wide_option
def query_command(name: str, param_pairs: tuple[str, ...], store_location: str, fmt: str, wide: bool) -> None:
    """Run the stored query NAME (see `tipgraph queries`; `tipgraph query NAME --help` describes it)."""
    with as_input_errors(QueryError):
        stored = get_query(name)
    params = _parse_params(param_pairs)
    store = _open_for_reading(store_location)
    try:
        with as_input_errors(QueryError):
            result = run_query(store, stored, **params)
    finally:
        store.close()
    write_rows(console, result.columns, result.rows, fmt, title=stored.title, layout="wide" if wide else "fit")


_QUERY_FILE_SUFFIXES = (".rq", ".sparql", ".ru")


def _names_a_file(arg: str) -> bool:
    """Whether ``arg`` is an existing file; text too long to be a path (a long inline query) is not."""
    try:
        return Path(arg).is_file()
    except (OSError, ValueError):  # ENAMETOOLONG, embedded NUL ...
        return False


def _query_text(arg: str) -> str:
    """The query ``tipgraph sparql`` was given: '-' reads standard input, a query file's
    name (an existing file, or any name ending .rq/.sparql/.ru) reads the file, anything
    else is the query itself."""
    if arg == "-":
        return sys.stdin.read()
    if _names_a_file(arg) or (arg.endswith(_QUERY_FILE_SUFFIXES) and not any(c.isspace() for c in arg)):
        try:
            return Path(arg).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read {arg}: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot read {arg}: not UTF-8 text ({exc.reason})") from None
    return arg


@click.command("sparql")
@click.argument("query_or_file")
@store_option
@format_option
@wide_option
@click.option("--allow-update", is_flag=True, help="Allow SPARQL Update (INSERT, DELETE, DROP ...): changes the store.")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE clauses (federated query): the engine then fetches the URLs they name.")
@click.option("--max-rows", type=click.IntRange(1), default=MAX_ROWS, show_default=True,
              help="Show at most this many rows of a SELECT (the rest are not read).")
def sparql_command(query_or_file: str, store_location: str, fmt: str, wide: bool, allow_update: bool,
                   allow_service: bool, max_rows: int) -> None:
    """Run a SPARQL query given as text, a file, or '-' for standard input.

    The usual prefixes (tip:, rdfs:, skos:, dcterms:, prov: ...) are predeclared. The
    store is read-only unless --allow-update is given. A query with a SERVICE clause
    is refused (exit 2) unless --allow-service is given: the engine would fetch the
    URL it names, which a query from someone else could point anywhere.
    """
    text = _query_text(query_or_file)
    with as_input_errors(QueryError):
        kind = check_adhoc(with_prefixes(text), allow_update=allow_update, allow_service=allow_service)
    if kind == "update":
        store = open_store_or_fail(store_location)
        try:
            with as_input_errors(store="update failed"):
                run_sparql(store, text, allow_update=True, allow_service=allow_service, kind=kind)
        finally:
            store.close()
        console.print("update done", style="green")
        return
    store = _open_for_reading(store_location)
    try:
        with as_input_errors():
            result = run_sparql(store, text, allow_service=allow_service, kind=kind, max_rows=max_rows)
    finally:
        store.close()
    if result.kind == "select":
        write_rows(console, result.columns, result.rows, fmt, layout="wide" if wide else "fit")
        if result.truncated:
            err_console.print(f"[yellow]first {max_rows} rows shown; the query has more "
                              "(add LIMIT/OFFSET, or raise --max-rows)[/yellow]", highlight=False)
    elif result.kind == "ask":
        click.echo(json.dumps({"boolean": result.boolean}) if fmt == "json" else ("true" if result.boolean else "false"))
    else:
        assert result.graph is not None  # CONSTRUCT and DESCRIBE give a graph
        click.echo(result.graph.serialize(format="json-ld" if fmt == "json" else "turtle"))


@click.command("show")
@click.argument("node", metavar="IRI|NAME")
@click.option("--all", "all_sources", is_flag=True, help="Also list the graphs that only name the node.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@store_option
def show_command(node: str, all_sources: bool, fmt: str, store_location: str) -> None:
    """Show what the graph states about a fact or an entity, and where it was read.

    NODE is an IRI (full, tipid:org/un, or short as tables print it: org/un,
    meeting/f5bccda4aa2b) or a label or acronym. Each statement is listed under the
    document it comes from (title, source, date) with the evidence sentence(s).
    """
    from ..show import ShowError, resolve_node, show, to_text

    store = _open_for_reading(store_location)
    try:
        with as_input_errors(ShowError, QueryError):
            shown = show(store, resolve_node(store, node))
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(shown.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(to_text(shown, all_sources=all_sources), nl=False)


COMMANDS = [queries_command, query_command, sparql_command, show_command]

__all__ = ["COMMANDS", "cell_text"]
