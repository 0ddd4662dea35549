"""The ``tipgraph`` command line: a thin layer over the Python API.

Each group of commands lives in its own module (steward, ingest, analyst, network, serve);
this module only assembles them.
"""
from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tipgraph")
def cli() -> None:
    """tipgraph: a knowledge graph of international cooperation against human trafficking."""


def _register() -> None:
    from . import analyst, ingest, network, serve, steward

    for module in (steward, ingest, analyst, network, serve):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    from ..store import StoreError

    try:
        cli(prog_name="tipgraph")
    except StoreError as exc:
        # one a command did not catch itself (closing a store on a full disk): exit 2, no traceback
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(2) from None
