"""``tipgraph serve``: the web server (SPARQL endpoint, stored-query API, pages) on a store.

A thin layer: options become a :class:`tipgraph.web.ServerConfig`, the application is
built by :func:`tipgraph.web.create_app` and run by uvicorn.
"""
from __future__ import annotations

import ipaddress
import os

import click

from ..store import StoreError
from .common import InputError, _UPDATE_URL, err_console, store_option


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; anything else exposes the store to the network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update at /sparql from requests with 'Authorization: Bearer $TIPGRAPH_SERVE_TOKEN'. "
                   "The server then holds the embedded store's write lock (ingest must wait).")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE clauses (federated queries): the engine then fetches the URLs they name.")
@click.option("--query-timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run before the request gets an error.")
@click.option("--row-limit", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows (or triples) a query may return.")
@click.option("--workers", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Queries that may run at once; more are answered 'busy' (503).")
def serve_command(store_location: str, host: str, port: int, allow_update: bool, allow_service: bool,
                  query_timeout: float, row_limit: int, workers: int) -> None:
    """Serve the store: SPARQL endpoint (/sparql), stored queries (/api/queries), pages (/).

    The embedded store is opened read-only, so `tipgraph ingest` can run beside the
    server, which sees the new data within about a second. See docs/serve.md.
    """
    import uvicorn

    from ..web import ServerConfig, create_app
    from ..web.config import TOKEN_ENV

    token = os.environ.get(TOKEN_ENV) if allow_update else None
    options = {}
    ctx = click.get_current_context()
    if _UPDATE_URL in ctx.meta and store_location.startswith(("http://", "https://")):
        options["update_url"] = ctx.meta[_UPDATE_URL]
    try:
        config = ServerConfig(store=store_location, allow_update=allow_update, update_token=token,
                              allow_service=allow_service, query_timeout=query_timeout, row_limit=row_limit,
                              workers=workers, store_options=options)
        app = create_app(config)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    except StoreError as exc:
        raise InputError(str(exc)) from None
    if not _is_loopback(host):
        err_console.print(f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach this address "
                          "can query the store", highlight=False)
    err_console.print(f"tipgraph serve: http://{host}:{port}/ (store {app.state.server.holder.location})",
                      highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)


COMMANDS = [serve_command]
