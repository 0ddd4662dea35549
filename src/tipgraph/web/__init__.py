"""``tipgraph serve``: a SPARQL 1.1 endpoint, the stored queries as a web API, and pages.

:func:`create_app` builds the Starlette application on a :class:`ServerConfig`; the
command line (``tipgraph.cli.serve``) only reads options and runs it with uvicorn.
"""
from __future__ import annotations

from .app import create_app
from .config import ServerConfig

__all__ = ["ServerConfig", "create_app"]
