"""``tipgraph ingest``: press releases in, validated document graphs out."""
from __future__ import annotations

import sys
from collections import Counter

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..reading.document import DEFAULT_MAX_BYTES
from ..store import StoreError
from .common import DataError, InputError, console, err_console, open_store_or_fail, store_option
from .progress import PlainProgress


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for reading and extraction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; refusals and the summary only.")
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse documents larger than this many bytes (before reading them).")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symbolic links in folders even when they lead outside the folders given.")
@store_option
def ingest(paths: tuple[str, ...], jobs: int, quiet: bool, max_bytes: int, follow_symlinks: bool,
           store_location: str) -> None:
    """Read press releases (.txt, .html, .htm, .md; folders recursively) into the store.

    Each document becomes its own named graph, validated before it is stored. A document
    that fails is reported and not stored; the others go on. Exits 1 when any document
    was refused. Links that leave the folders given, FIFOs, sockets and devices are
    skipped with their reason.
    """
    from ..ingest import IngestInputError, ingest_paths, survey
    from ..reading.readers import ReaderUnavailable, check_readers

    try:
        found = survey(paths, follow_symlinks=follow_symlinks)
    except IngestInputError as exc:
        raise InputError(str(exc)) from exc
    total = len(found.files)
    if total == 0:
        skipped = "".join(f"; skipped {path}: {reason}" for path, reason in found.skipped)
        raise InputError("no .txt, .html, .htm or .md documents found in " + ", ".join(paths) + skipped)
    try:
        # once, here: a missing library would otherwise refuse every page on its own
        check_readers({f.suffix for f in found.files})
    except ReaderUnavailable as exc:
        raise InputError(str(exc)) from exc

    with open_store_or_fail(store_location) as store:
        # A bar where it can be redrawn; elsewhere (notebook, log, cron) plain lines now and then.
        plain = None if quiet or err_console.is_terminal else PlainProgress(total, lambda: sys.stderr)
        progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err_console, transient=True, disable=quiet or plain is not None,
        )
        with progress:
            task = progress.add_task("ingest", total=total)

            def advance(outcome) -> None:
                if outcome.status == "refused":
                    # paths and reasons are data: escaped, so "[" in a file name is not rich markup
                    progress.console.print(f"[red]refused[/red] {escape(outcome.path)}: {escape(outcome.reason)}",
                                           highlight=False, soft_wrap=True)
                elif outcome.note:
                    progress.console.print(f"[yellow]note[/yellow] {escape(outcome.path)}: {escape(outcome.note)}",
                                           highlight=False, soft_wrap=True)
                progress.advance(task)
                if plain is not None:
                    plain.advance(refused=outcome.status == "refused")

            try:
                report = ingest_paths(store, paths, jobs=jobs, progress=advance,
                                      follow_symlinks=follow_symlinks, max_bytes=max_bytes)
            except StoreError as exc:
                raise InputError(str(exc)) from exc
        if plain is not None:
            plain.finish()
    for path, reason in report.skipped:
        err_console.print(f"[yellow]skipped[/yellow] {escape(path)}: {escape(reason)}", highlight=False, soft_wrap=True)
    _summary(report)
    if report.refused:
        raise DataError(f"{len(report.refused)} of {report.read} documents refused")


_ENTITY_NAMES = {"person": "persons", "org": "organizations", "state": "states", "place": "places",
                 "instrument": "instruments"}


def _summary(report) -> None:
    table = Table(title=None, show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("documents read", str(report.read))
    table.add_row("  stored", str(report.stored))
    table.add_row("  unchanged (stored before, same text)", str(report.unchanged))
    table.add_row("  refused", str(len(report.refused)))
    if report.skipped:
        table.add_row("  skipped (links out, FIFOs, devices)", str(len(report.skipped)))
    table.add_row("quads written", str(report.quads))
    # Facts are counted per document (a person named in two documents counts twice);
    # entities once, when the store did not hold them before this run.
    table.add_row("facts read in the stored documents", "")
    for kind, n in sorted(report.fact_totals().items()):
        table.add_row(f"  {kind}", str(n))
    table.add_row("entities new to the store", str(sum(report.new_entities.values())))
    for kind, n in sorted(report.new_entities.items()):
        table.add_row(f"  {_ENTITY_NAMES.get(kind, kind)}", str(n))
    # counted by a note's fixed words (before " ("); the per-document lines give the figures
    notes = Counter(part.split(" (")[0] for o in report.outcomes if o.status == "stored" and o.note
                    for part in o.note.split("; "))
    for note, n in sorted(notes.items()):
        table.add_row(Text(note), str(n))  # data, not markup
    rate = report.read / report.seconds if report.seconds else 0.0
    table.add_row("seconds", f"{report.seconds:.2f} ({rate:.1f} documents/s)")
    console.print(table)


COMMANDS = [ingest]
