"""The ``tipgraph`` command line: a thin layer over the Python API.

Each group of commands lives in its own module (steward, ingest, analyst, network, serve);
this module only assembles them. A command's module is imported when that command
runs (or help lists them all), not at start-up: ``tipgraph ingest`` does not pay for
networkx, the query catalogue or the web server (about 0.5 s of imports each run).
"""
from __future__ import annotations

import importlib

import click

from .. import __version__

#: Command name -> the module of ``tipgraph.cli`` that defines it (in its ``COMMANDS``);
#: ``tests/backbone/test_cli_startup.py`` checks that this matches the modules.
COMMAND_MODULES: dict[str, str] = {
    "validate": "steward", "load": "steward", "export": "steward", "stats": "steward",
    "ingest": "ingest",
    "queries": "analyst", "query": "analyst", "sparql": "analyst", "show": "analyst",
    "network": "network", "analyze": "network",
    "serve": "serve",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            load_module(COMMAND_MODULES[cmd_name])
        return self.commands.get(cmd_name)


def load_module(name: str) -> None:
    """Import ``tipgraph.cli.NAME`` and add its commands to :data:`cli`."""
    module = importlib.import_module(f"{__name__}.{name}")
    for command in module.COMMANDS:
        cli.add_command(command)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tipgraph")
def cli() -> None:
    """tipgraph: a knowledge graph of international cooperation against human trafficking."""


def main() -> None:
    from ..store import StoreError

    try:
        cli(prog_name="tipgraph")
    except StoreError as exc:
        # one a command did not catch itself (closing a store on a full disk): exit 2, no traceback
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(2) from None
