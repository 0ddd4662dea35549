"""The Starlette application: routes, shared state, and headers for every response."""
from __future__ import annotations

import contextlib
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..queries.catalogue import load_catalogue
from ..store import engine_for
from . import api, pages, protocol
from .config import ServerConfig
from .holder import StoreHolder
from .limits import QueryPool

HERE = Path(__file__).parent

#: Pages and scripts come from this server only: nothing from a CDN, no inline script.
#: YASGUI sets inline styles, hence 'unsafe-inline' for styles (never for scripts).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


class Server:
    """What every request shares: the options, the store, the query pool, the templates."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        options = dict(config.store_options)
        if engine_for(config.store).capabilities.request_timeout:
            # The endpoint's HTTP request is cut at the same limit as the web request.
            options.setdefault("timeout", config.query_timeout)
        self.holder = StoreHolder(config.store, writable=config.allow_update,
                                  reopen_interval=config.reopen_interval, **options)
        self.pool = QueryPool(config.workers, config.query_timeout)
        self.catalogue = load_catalogue()
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))

    def close(self) -> None:
        self.pool.close()
        self.holder.close()


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response


def create_app(config: ServerConfig, server: Server | None = None) -> Starlette:
    """The application for ``config``; opens the store now (a missing store fails here, not on the first request)."""
    server = server or Server(config)

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        try:
            yield
        finally:
            server.close()

    routes = [
        Route("/", pages.index),
        Route("/search", pages.search),
        Route("/queries/{name}", pages.query_form),
        Route("/actor", pages.actor),
        Route("/ego", pages.ego),
        Route("/ego.json", pages.ego_json),
        Route("/ego.gexf", pages.ego_gexf),
        Route("/editor", pages.editor),
        Route("/sparql", protocol.sparql_endpoint, methods=["GET", "POST"]),
        Route("/api/queries", api.catalogue),
        Route("/api/queries/{name}", api.run_endpoint),
        Route("/api/openapi.json", api.openapi_endpoint),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)], lifespan=lifespan)
    app.state.server = server
    return app
