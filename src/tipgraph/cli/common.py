"""Options and error handling shared by every command.

Exit codes are a contract: 0 success, 1 the data is wrong (violations, refused
documents), 2 usage or unreadable input. Commands raise :class:`DataError` or
:class:`InputError` and :func:`main` turns them into those codes.
"""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console

from ..store import GraphStore, StoreError, default_location, engine_for, open_store

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2

console = Console()
err_console = Console(stderr=True)


class DataError(click.ClickException):
    """The data is wrong: exit 1."""

    exit_code = EXIT_DATA


class InputError(click.ClickException):
    """Usage or unreadable input: exit 2."""

    exit_code = EXIT_USAGE


def store_option(func: Callable) -> Callable:
    """``--store DIR|URL`` with the ``TIPGRAPH_STORE`` / ``./tipgraph-data`` default."""

    @click.option(
        "--store",
        "store_location",
        metavar="DIR|URL",
        default=None,
        help="Embedded store folder or SPARQL endpoint URL [default: $TIPGRAPH_STORE or ./tipgraph-data].",
    )
    @click.option(
        "--update-url",
        metavar="URL",
        default=None,
        help="SPARQL Update endpoint of a remote store, where it differs [default: $TIPGRAPH_UPDATE_URL].",
    )
    @functools.wraps(func)
    def wrapper(*args, store_location: str | None = None, update_url: str | None = None, **kwargs):
        if update_url:
            click.get_current_context().meta[_UPDATE_URL] = update_url
        return func(*args, store_location=store_location or default_location(), **kwargs)

    return wrapper


_UPDATE_URL = "tipgraph.update_url"


def open_store_or_fail(location: str, *, read_only: bool = False, **options) -> GraphStore:
    """Open a store, turning store errors into a clean exit 2 with the reason."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and _UPDATE_URL in ctx.meta and engine_for(location).capabilities.update_endpoint:
        options.setdefault("update_url", ctx.meta[_UPDATE_URL])
    try:
        return open_store(location, read_only=read_only, **options)
    except StoreError as exc:
        raise InputError(str(exc)) from exc


@contextmanager
def as_input_errors(*errors: type[Exception], store: str = "query failed") -> Iterator[None]:
    """Turn ``errors`` (a query's, a selection's) into an exit-2 :class:`InputError` with
    their message, and a :class:`StoreError` into one that starts with ``store``.

    Why one helper: the analyst and network commands each mapped these by hand, with
    messages that drifted apart.
    """
    try:
        yield
    except StoreError as exc:
        raise InputError(f"{store}: {exc}") from None
    except errors as exc:
        raise InputError(str(exc)) from None


def fail(message: str, code: int = EXIT_DATA) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False)
    sys.exit(code)
