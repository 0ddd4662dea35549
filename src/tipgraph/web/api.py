"""``/api/queries``: the stored queries as a web API (as grlc does, with bound, typed parameters).

``GET /api/queries`` lists them; ``GET /api/queries/NAME?actor=IOM&from=2015`` runs one
through :func:`tipgraph.queries.run_query`, so each value is checked against its type
and bound as a term (actors and instruments may be named by label or acronym), never
pasted into the query. JSON by default, CSV with ``Accept: text/csv`` or
``?_format=csv`` (parameter names never start with ``_``). ``/api/openapi.json``
describes all of it (see :mod:`.openapi`).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..queries.formatting import to_delimited
from ..queries.lookup import AmbiguousEntityError
from ..queries.params import ParameterError, QueryError
from ..queries.runner import QueryResult, run_query
from ..store import StoreError
from .holder import StoreChanging
from .limits import LimitError, TooManyRows


def json_value(value: Any) -> Any:
    """A JSON value for a result cell (exact numbers stay numbers, dates become ISO text)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def describe_query(query, base: str = "") -> dict:
    """One catalogue entry, as ``/api/queries`` lists it."""
    return {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "tags": list(query.tags),
        "url": f"{base}/api/queries/{query.name}",
        "parameters": [
            {"name": p.name, "type": p.type, "required": p.required, "default": p.default,
             "kind": p.kind, "description": p.description}
            for p in query.parameters
        ],
    }


def api_error(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


async def catalogue(request: Request) -> Response:
    server = request.app.state.server
    return JSONResponse([describe_query(q) for q in server.catalogue.values()])


def query_values(request: Request) -> dict[str, str]:
    """Parameter values from the query string; a name given twice is an error."""
    values: dict[str, str] = {}
    for name, value in request.query_params.multi_items():
        if name.startswith("_"):
            continue
        if name in values:
            raise ParameterError(name, "given more than once")
        values[name] = value
    return values


async def run_stored(request: Request, name: str, values: dict[str, str]) -> QueryResult:
    """Run stored query ``name`` in the query pool, within the row limit."""
    server = request.app.state.server
    query = server.catalogue[name]
    limit = server.config.row_limit

    def work(deadline):
        result = server.holder.call(lambda store: run_query(store, query, **values))
        deadline.check()
        if len(result.rows) > limit:
            raise TooManyRows(limit)
        return result

    return await server.pool.run(work)


async def run_endpoint(request: Request) -> Response:
    server = request.app.state.server
    name = request.path_params["name"]
    if name not in server.catalogue:
        return api_error(404, f"no stored query {name!r}", known=sorted(server.catalogue))
    wants_csv = (request.query_params.get("_format") == "csv"
                 or "text/csv" in request.headers.get("accept", "").lower())
    try:
        values = query_values(request)
        result = await run_stored(request, name, values)
    except AmbiguousEntityError as exc:
        return api_error(400, str(exc), parameter=exc.parameter,
                         candidates=[{"iri": str(c.iri), "label": c.label} for c in exc.candidates])
    except ParameterError as exc:
        return api_error(400, str(exc), parameter=exc.parameter)
    except QueryError as exc:
        return api_error(400, str(exc))
    except LimitError as exc:
        return api_error(exc.status, str(exc))
    except StoreError as exc:
        return api_error(503 if isinstance(exc, StoreChanging) else 500, f"query failed: {exc}")
    if wants_csv:
        return Response(to_delimited(result.columns, result.rows, ","), media_type="text/csv; charset=utf-8")
    return JSONResponse({
        "query": name,
        "parameters": {k: str(v) for k, v in result.parameters.items()},
        "columns": result.columns,
        "rows": [{c: json_value(row.get(c)) for c in result.columns} for row in result.rows],
    })


async def openapi_endpoint(request: Request) -> Response:
    from .openapi import openapi_document

    server = request.app.state.server
    return JSONResponse(openapi_document(server.catalogue.values(), server.config))
