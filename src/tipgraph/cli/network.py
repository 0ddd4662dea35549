"""Commands for looking at the co-operation network: ``network`` (export) and ``analyze``.

Both take the same selection options; the work is done by :mod:`tipgraph.network`.
"""
from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import click

from ..network import (
    EXPORT_FORMATS,
    Selection,
    SelectionError,
    build_selection,
    compute_metrics,
    export,
)
from ..network.acronyms import LABEL_STYLES
from ..network.gexf import COLOURINGS, TIMELINES
from ..network.metrics import COUNTS, METRICS, community_summary, top_actors
from ..network.select import VIEWS, parse_kinds
from .common import (
    InputError,
    as_input_errors,
    console,
    err_console,
    open_store_or_fail,
    store_option,
)
from .table import print_table

SIZE_METRICS = ("pagerank", "degree", "weighted_degree", "betweenness")


def selection_options(func: Callable) -> Callable:
    """The options that choose the subgraph, shared by ``network`` and ``analyze``."""
    options = [
        click.option("--view", type=click.Choice(VIEWS), default="cooperation", show_default=True,
                     help="cooperation: actors joined by shared meetings; bipartite: actors and "
                          "meetings; instruments: actors and the instruments they met under or ratified."),
        click.option("--ego", metavar="ACTOR", help="Only the ego network of ACTOR (label, acronym or IRI)."),
        click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
                     help="Radius of the ego network, in hops."),
        click.option("--from", "date_from", metavar="DATE", help="Meetings on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--to", "date_to", metavar="DATE", help="Meetings on or before DATE (YYYY[-MM[-DD]])."),
        click.option("--instrument", "instruments", multiple=True, metavar="NAME",
                     help="Meetings held under this instrument (label, acronym or IRI); repeatable."),
        click.option("--country", "countries", multiple=True, metavar="NAME",
                     help="Meetings held in this state, at the state or a place within it (name, ISO "
                          "code or IRI; the rule of who-met-whom's country); repeatable."),
        click.option("--kind", "kinds", metavar="LIST",
                     help="Kinds of actor kept, comma-separated: organization,state,person "
                          "[default: organization,state; persons fold into their affiliation]."),
        click.option("--query", metavar="NAME|FILE.rq",
                     help="A stored query or .rq file that yields the graph (?source ?target [?weight ?date], "
                          "?node, or CONSTRUCT)."),
        click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
                     help="A parameter of a stored --query (as in `tipgraph query`), or a value bound to "
                          "?NAME in a .rq file (IRIs as <...> or http...)."),
        click.option("--allow-service", is_flag=True,
                     help="Run a --query that has a SERVICE clause (federated query: the engine fetches "
                          "the URL it names); refused without this flag."),
    ]
    for option in reversed(options):
        func = option(func)

    @functools.wraps(func)
    def wrapper(*args, view, ego, depth, date_from, date_to, instruments, countries, kinds, query,
                params, allow_service, **kwargs):
        try:
            selection = Selection(
                view=view, ego=ego, depth=depth, date_from=date_from, date_to=date_to,
                instruments=tuple(instruments), countries=tuple(countries), kinds=parse_kinds(kinds),
                query=query, query_params=_params(params), allow_service=allow_service,
            )
        except SelectionError as exc:
            raise InputError(str(exc)) from exc
        if params and not query:
            raise InputError("--param needs --query")
        return func(*args, selection=selection, **kwargs)

    return wrapper


def _params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise SelectionError(f"--param {item!r} is not NAME=VALUE")
        out[name.strip().lstrip("?")] = value
    return out


def _graph(store_location: str, selection: Selection, metrics: bool = True, acronyms: bool = False):
    """The selected graph, with metrics; with ``acronyms``, the nodes a picture draws
    get their acronym (looked up while the store is open)."""
    store = open_store_or_fail(store_location, read_only=True)
    try:
        with as_input_errors(SelectionError, store=f"store {store_location}"):
            G = build_selection(store, selection)
            if metrics:
                compute_metrics(G)
            if acronyms:
                from ..network.acronyms import add_acronyms
                from ..network.draw import shown_nodes

                add_acronyms(store, G, shown_nodes(G))
    finally:
        store.close()
    if G.graph.get("note"):
        err_console.print(f"[yellow]note:[/yellow] {G.graph['note']}", highlight=False)
    return G


#: File suffixes each format may be written under, besides its own name.
_OTHER_SUFFIXES = {"xml": ("gexf", "graphml"), "htm": ("html",)}


def _output_format(output: Path, fmt: str | None) -> str:
    """The format to write: --format, else the suffix of -o (none: gexf).

    A suffix that says another format (``-o x.pdf --format gexf``) or no format
    tipgraph writes is refused before anything is computed or written, so no file
    carries a name that lies about its content.
    """
    suffix = output.suffix.lower().lstrip(".")
    meant = (suffix,) if suffix in EXPORT_FORMATS else _OTHER_SUFFIXES.get(suffix, ())
    if fmt is None:
        if not suffix:
            return "gexf"
        if not meant:
            raise InputError(f"cannot write {output}: tipgraph writes {', '.join(EXPORT_FORMATS)}, "
                             f"not .{suffix} (name the file accordingly, or give --format)")
        return meant[0]
    if suffix and fmt not in meant:
        raise InputError(f"-o {output} does not match --format {fmt}: name the file "
                         f"{output.with_suffix('.' + fmt).name}")
    return fmt


@click.command("network")
@store_option
@selection_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS),
              help="Output format [default: from the file suffix, else gexf].")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              required=True, help="File to write.")
@click.option("--timeline", type=click.Choice(TIMELINES), default="meetings", show_default=True,
              help="GEXF spells: one per meeting period, one open spell from the first meeting "
                   "(the network grows), or none.")
@click.option("--size-by", type=click.Choice(SIZE_METRICS), default="pagerank", show_default=True,
              help="Metric that sets node sizes.")
@click.option("--metrics/--no-metrics", default=True, show_default=True,
              help="Compute the metrics (minutes on a network of 50,000 actors; without them sizes "
                   "follow the number of meetings).")
@click.option("--colour", "--color", "colour", type=click.Choice(COLOURINGS), default="kind", show_default=True,
              help="Node colours (pictures and GEXF): by kind of actor, or by Louvain community "
                   "(seed 42, the analyze communities).")
@click.option("--labels", "label_style", type=click.Choice(LABEL_STYLES), default="acronym", show_default=True,
              help="Picture labels: the actor's acronym where one is known (IOM), or its full name.")
def network_command(store_location: str, selection: Selection, fmt: str | None, output: Path,
                    timeline: str, size_by: str, metrics: bool, colour: str, label_style: str) -> None:
    """Export the co-operation network (or a part of it) for Gephi, yEd or a quick look.

    \b
    Examples:
      tipgraph network -o network.gexf
      tipgraph network --ego IOM --depth 2 --from 2018 -o iom.gexf
      tipgraph network --country RU --kind organization,state,person --format svg -o ru.svg
    """
    fmt = _output_format(output, fmt)
    picture = fmt in ("svg", "png", "html")
    G = _graph(store_location, selection, metrics, acronyms=picture and label_style == "acronym")
    try:
        export(G, output, fmt, timeline=timeline, size_metric=size_by, colour=colour, label_style=label_style)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc}") from exc
    err_console.print(
        f"wrote {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
        f"{G.graph.get('communities', 0)} communities to {output} ({fmt})", highlight=False)


@click.command("analyze")
@store_option
@selection_options
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Actors listed per metric.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def analyze_command(store_location: str, selection: Selection, top: int, fmt: str) -> None:
    """Top actors per metric: degree, weighted degree, betweenness (brokers), PageRank;
    and the largest communities (Louvain).

    Degree counts distinct partners in the network drawn: persons fold into their
    affiliation by default; with --kind organization,state,person it is the "partners"
    column of `tipgraph query most-connected-actors`.
    """
    G = _graph(store_location, selection)
    rows = [row for metric in METRICS for row in top_actors(G, metric, top)]
    communities = community_summary(G, top)
    if fmt == "json":
        json.dump({"selection": G.graph.get("selection"), "nodes": G.number_of_nodes(),
                   "edges": G.number_of_edges(), "betweenness": G.graph.get("betweenness"),
                   "metrics_backend": G.graph.get("metrics_backend"),
                   "counts": {m: COUNTS[m] for m in METRICS},
                   "top": rows, "communities": communities}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["metric", "rank", "label", "kind", "country", "value", "community", "iri"])
        for r in rows:
            writer.writerow([r["metric"], r["rank"], r["label"], r["kind"], r["country"],
                             f"{r['value']:.6g}", r["community"], r["iri"]])
        return
    console.print(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
                  f"{G.graph.get('communities', 0)} communities ({G.graph.get('selection')}); "
                  f"betweenness {G.graph.get('betweenness')}; computed by {G.graph.get('metrics_backend')}",
                  highlight=False)
    # The shared results table: fits the terminal, one line per actor (long labels cut).
    views = []
    for metric in METRICS:
        views.append(print_table(
            console, ["#", "actor", "kind", "country", "value", "community"],
            [{"#": r["rank"], "actor": r["label"], "kind": r["kind"], "country": r["country"] or "",
              "value": Decimal(f"{r['value']:.4g}"), "community": r["community"]}
             for r in rows if r["metric"] == metric],
            title=f"{metric.replace('_', ' ')}: {COUNTS[metric]}", title_justify="left", count=False,
            footer=False))
    views.append(print_table(
        console, ["community", "size", "most central members"],
        [{"community": c["community"], "size": c["size"], "most central members": "; ".join(c["central_members"])}
         for c in communities],
        title="communities", title_justify="left", count=False, footer=False))
    if any(v is not None and (v.cut or v.dropped) for v in views):
        console.print("Long cells cut to fit; --format csv|json shows them in full.", style="dim", highlight=False)


COMMANDS = [network_command, analyze_command]
