"""Commands for data stewards: ``validate``, ``load``, ``export``, ``stats``.

Read commands open the embedded store read-only (no write lock, so they run beside a
writer) and never create an empty store: a missing folder is an input error (exit 2).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.table import Table

from ..store import GraphStore, StoreError, store_exists
from .common import DataError, InputError, console, open_store_or_fail, store_option

_FILES = click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
_RDF_FORMAT = click.option(
    "--rdf-format",
    type=click.Choice(["turtle", "trig", "ntriples", "nquads", "jsonld"]),
    default=None,
    help="RDF format of the files [default: from the extension: .ttl .trig .nt .nq .jsonld].",
)


def open_for_reading(location: str) -> GraphStore:
    """Open a store read-only; a folder that holds no store is an input error, not a new store."""
    if not store_exists(location):
        raise InputError(f"no store at {location} (load or ingest something first, or give --store)")
    return open_store_or_fail(location, read_only=True)


def _store_given() -> bool:
    """Whether the user named the store (--store or $TIPGRAPH_STORE), rather than the default folder."""
    import os

    ctx = click.get_current_context()
    source = ctx.get_parameter_source("store_location")
    return source is click.core.ParameterSource.COMMANDLINE or bool(os.environ.get("TIPGRAPH_STORE"))


def _source_hint(report) -> None:
    """What to do about nodes without a source: the shapes' message speaks of extraction."""
    from rdflib.namespace import PROV

    if any(r.path == str(PROV.wasDerivedFrom) and r.value is None for r in report.violations):
        click.echo("hint: for hand-written nodes, `tipgraph load --source` records the file as their source "
                   "document; otherwise add prov:wasDerivedFrom <document/...> naming a tip:Document to each",
                   err=True)


def _print_report(report, fmt: str) -> None:
    if fmt == "json":
        click.echo(report.to_json())
    elif fmt == "turtle":
        click.echo(report.to_turtle(), nl=False)
    else:
        click.echo(report.to_text(), nl=False)


@click.command()
@_FILES
@click.option("--format", "report_format", type=click.Choice(["text", "turtle", "json"]), default="text",
              show_default=True, help="Form of the validation report.")
@click.option("--no-store", is_flag=True,
              help="Check against the reference registry only, not a store.")
@_RDF_FORMAT
@store_option
def validate(files: tuple[Path, ...], report_format: str, no_store: bool, rdf_format: str | None,
             store_location: str) -> None:
    """Check RDF files against the shapes, in the context of the store.

    Every node the files name is checked with what the store holds for it (types,
    labels, sources), whether or not the files restate it; files are checked together.
    With --no-store (or when the default store does not exist) the reference registry
    stands in for the store; a store named with --store must exist. Exits 0 when they
    conform (warnings are printed), 1 on violations, 2 on unreadable input.
    """
    from ..loading import InputFileError, validate_files

    store = None
    if no_store:
        pass
    elif store_exists(store_location):
        store = open_store_or_fail(store_location, read_only=True)
    elif _store_given():
        raise InputError(f"no store at {store_location}: it does not exist (check --store; without one, "
                         "files are checked against the reference registry only)")
    else:
        click.echo(f"no store at {store_location}: validating against the reference registry only", err=True)
    try:
        report, graphs = validate_files(store, files, rdf_format)
    except InputFileError as exc:
        raise InputError(str(exc)) from exc
    except StoreError as exc:
        raise InputError(str(exc)) from exc
    finally:
        if store is not None:
            store.close()
    _print_report(report, report_format)
    if not report.conforms:
        if report_format == "text":
            _source_hint(report)
        raise DataError(f"{report.count('Violation')} violation(s) in {len(files)} file(s)")


@click.command()
@_FILES
@click.option("--strict", is_flag=True, help="Refuse the batch on warnings too.")
@click.option("--create", is_flag=True, help="Make a new store at --store when there is none (never done unasked).")
@click.option("--source", is_flag=True,
              help="Record each file as the source document of the nodes it describes without a "
                   "prov:wasDerivedFrom (hand-written data).")
@_RDF_FORMAT
@store_option
def load(files: tuple[Path, ...], strict: bool, create: bool, source: bool, rdf_format: str | None,
         store_location: str) -> None:
    """Validate RDF files, then load them all in one transaction, or none of them.

    A triple file (Turtle, N-Triples) goes into its own graph, replaced when the file is
    loaded again; quad files (TriG, N-Quads, JSON-LD) keep their graph names. On any
    violation (or warning, with --strict) the report is printed, nothing is stored and
    the exit code is 1.
    """
    from ..loading import InputFileError, load_files

    new_store = not store_exists(store_location)
    folder_existed = Path(store_location).exists()  # only a new store's folder is removed on refusal
    if new_store and not create:
        raise InputError(f"no store at {store_location}: it does not exist (check --store, "
                         "or give --create to make a new store there)")
    with open_store_or_fail(store_location) as store:
        try:
            result = load_files(store, files, strict=strict, fmt=rdf_format, source=source)
        except InputFileError as exc:
            raise InputError(str(exc)) from exc
        except StoreError as exc:
            raise InputError(str(exc)) from exc
    report = result.report
    if new_store and not result.loaded and not folder_existed:
        import shutil

        shutil.rmtree(store_location, ignore_errors=True)  # refused: leave no store behind, as before
    elif new_store:
        click.echo(f"created a new store at {store_location}", err=True)
    if not result.loaded:
        _print_report(report, "text")
        _source_hint(report)
        raise DataError(f"refused, nothing loaded: {result.refused_because}")
    if report.results:
        _print_report(report, "text")
    click.echo(
        f"loaded {result.quads:,} quads into {len(result.graphs)} graph(s) from {len(files)} file(s) "
        f"in {result.seconds:.2f} s ({result.quads_per_second:,.0f} quads/s; "
        + ", ".join(f"{step} {secs:.2f} s" for step, secs in result.timings.items())
        + ")"
    )


@click.command()
@click.option("--graph", "graph_iri", metavar="IRI", default=None, help="Export only this named graph.")
@click.option("--format", "fmt", type=click.Choice(["nquads", "trig", "turtle"]), default="nquads",
              show_default=True, help="Turtle writes the union of the graphs (or the one graph).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write [default: standard output].")
@store_option
def export(graph_iri: str | None, fmt: str, output: Path | None, store_location: str) -> None:
    """Write the store (or one graph) as N-Quads, TriG or Turtle, sorted for stable diffs."""
    from rdflib import URIRef

    graph = URIRef(graph_iri) if graph_iri else None
    with open_for_reading(store_location) as store:
        if graph is not None and graph not in store.graph_names():
            raise InputError(f"no graph <{graph_iri}> in {store_location}")
        try:
            if output is None:
                # the bytes under sys.stdout (click.get_binary_stream is deprecated, to go in Click 9)
                stdout = sys.stdout.buffer
                n = store.export(stdout, fmt, graph)
                stdout.flush()
            else:
                with output.open("wb") as out:
                    n = store.export(out, fmt, graph)
        except StoreError as exc:
            raise InputError(str(exc)) from exc
    unit = "triples" if fmt == "turtle" else "quads"
    click.echo(f"exported {n:,} {unit}" + (f" to {output}" if output else ""), err=True)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@store_option
def stats(fmt: str, store_location: str) -> None:
    """Count quads, graphs, document graphs and instances of each tipgraph class."""
    from ..validation import turtle_name

    with open_for_reading(store_location) as store:
        try:
            s = store.stats()
        except StoreError as exc:
            raise InputError(str(exc)) from exc
    if fmt == "json":
        data = {
            "store": store_location,
            "quads": s.quads,
            "graphs": s.graphs,
            "document_graphs": s.document_graphs,
            "instances": s.instances,
        }
        click.echo(json.dumps(data, indent=2))
        return
    table = Table(title=f"tipgraph store {store_location}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("quads", f"{s.quads:,}")
    table.add_row("graphs", f"{s.graphs:,}")
    table.add_row("document graphs (not the registry)", f"{s.document_graphs:,}")
    for cls, n in sorted(s.instances.items()):
        table.add_row(turtle_name(cls), f"{n:,}")
    console.print(table)


COMMANDS = [validate, load, export, stats]
