"""Server-rendered pages: index and search, stored-query forms, actor pages, ego network, editor.

Every value shown is escaped by Jinja2 (autoescaping is on for .html templates); every
store access goes through the query pool, so the pages obey the same time limit and
worker bound as the API.
"""
from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..namespaces import ID
from ..network import SelectionError
from ..queries.lookup import AmbiguousEntityError, candidates
from ..queries.params import QueryError
from ..store import StoreError
from .actor import actor_page
from .api import query_values, run_stored
from .ego import MAX_DEPTH, EgoTooLarge, ego_graph, gexf_bytes, to_elements
from .limits import LimitError

#: Search results listed at most.
MAX_HITS = 50


def render(request: Request, template: str, status: int = 200, **context) -> Response:
    server = request.app.state.server
    context.setdefault("queries", list(server.catalogue.values()))
    context.setdefault("config", server.config)
    return server.templates.TemplateResponse(request, template, context, status_code=status)


def failure(request: Request, status: int, message: str, title: str = "Error") -> Response:
    return render(request, "error.html", status=status, title=title, message=message)


async def _in_pool(request: Request, work):
    server = request.app.state.server
    return await server.pool.run(lambda _deadline: server.holder.call(work))


async def index(request: Request) -> Response:
    return render(request, "index.html", title="tipgraph")


async def search(request: Request) -> Response:
    q = request.query_params.get("q", "").strip()
    if not q:
        return render(request, "search.html", title="Search", q="", hits=[])
    if len(q) > 200:
        return failure(request, 400, "the search text is longer than 200 characters")
    try:
        hits = await _in_pool(request, lambda store: candidates(store, q, "Actor"))
    except (LimitError, StoreError) as exc:
        return failure(request, getattr(exc, "status", 500), str(exc))
    return render(request, "search.html", title=f"Search: {q}", q=q, hits=hits[:MAX_HITS])


async def query_form(request: Request) -> Response:
    server = request.app.state.server
    name = request.path_params["name"]
    query = server.catalogue.get(name)
    if query is None:
        return failure(request, 404, f"no stored query {name!r}")
    context = dict(title=query.title, query=query, values={}, result=None, error=None, candidates=[])
    if request.query_params.get("_run"):
        try:
            values = {k: v for k, v in query_values(request).items() if v.strip()}
            context["values"] = values
            context["result"] = await run_stored(request, name, values)
        except AmbiguousEntityError as exc:
            context["error"], context["candidates"] = str(exc).split("\n")[0], exc.candidates
        except (QueryError, LimitError, StoreError) as exc:
            context["error"] = str(exc)
        if context["error"]:
            return render(request, "query.html", status=400, **context)
    return render(request, "query.html", **context)


def _iri(request: Request) -> str | None:
    iri = request.query_params.get("iri", "").strip()
    if not iri.startswith(str(ID)) or len(iri) >= 500:
        return None
    if any(c in '<>"{}|\\^`' or ord(c) <= 0x20 for c in iri):  # what an IRI may not hold
        return None
    return iri


async def actor(request: Request) -> Response:
    iri = _iri(request)
    if iri is None:
        return failure(request, 400, f"give ?iri= with a tipgraph entity IRI (starting with {ID})")
    try:
        page = await _in_pool(request, lambda store: actor_page(store, iri))
    except (QueryError, LimitError, StoreError) as exc:
        return failure(request, getattr(exc, "status", 500), str(exc))
    if not page.found:
        return failure(request, 404, f"the store has nothing about <{iri}>", title="Not found")
    return render(request, "actor.html", title=page.label, page=page)


def _depth(request: Request) -> int:
    text = request.query_params.get("depth", "1")
    if not text.isdigit() or not 0 <= int(text) <= MAX_DEPTH:
        raise ValueError(f"depth must be a whole number from 0 to {MAX_DEPTH}")
    return int(text)


async def _ego(request: Request):
    iri = _iri(request)
    if iri is None:
        raise ValueError(f"give ?iri= with a tipgraph actor IRI (starting with {ID})")
    depth = _depth(request)
    return iri, depth, await _in_pool(request, lambda store: ego_graph(store, iri, depth))


async def ego(request: Request) -> Response:
    iri = _iri(request)
    if iri is None:
        return failure(request, 400, f"give ?iri= with a tipgraph actor IRI (starting with {ID})")
    try:
        depth = _depth(request)
    except ValueError as exc:
        return failure(request, 400, str(exc))
    return render(request, "ego.html", title="Ego network", iri=iri, depth=depth, max_depth=MAX_DEPTH)


async def ego_json(request: Request) -> Response:
    try:
        iri, _depth_, G = await _ego(request)
    except (ValueError, SelectionError, EgoTooLarge) as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    except (LimitError, StoreError) as exc:
        return JSONResponse({"error": str(exc)}, status_code=getattr(exc, "status", 500))
    return JSONResponse(to_elements(G, iri))


async def ego_gexf(request: Request) -> Response:
    try:
        iri, depth, G = await _ego(request)
    except (ValueError, SelectionError, EgoTooLarge) as exc:
        return Response(str(exc) + "\n", status_code=400, media_type="text/plain")
    except (LimitError, StoreError) as exc:
        return Response(str(exc) + "\n", status_code=getattr(exc, "status", 500), media_type="text/plain")
    name = re.sub(r"[^A-Za-z0-9._-]", "_", iri.rstrip("/").rsplit("/", 1)[-1]) or "actor"
    body = gexf_bytes(G, f"tipgraph ego network of {iri}, depth {depth}")
    return Response(body, media_type="application/gexf+xml",
                    headers={"Content-Disposition": f'attachment; filename="ego-{name}-{depth}.gexf"'})


async def editor(request: Request) -> Response:
    return render(request, "editor.html", title="SPARQL editor")
