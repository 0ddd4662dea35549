"""``/sparql``: the SPARQL 1.1 Protocol (query and, when allowed, update operations).

Queries: ``GET ?query=``, ``POST`` of a form with ``query=``, or ``POST`` with the
query itself as ``application/sparql-query``. Updates: ``POST`` of a form with
``update=`` or ``application/sparql-update``, accepted only when the server was started
with ``--allow-update`` and the request carries ``Authorization: Bearer <token>``.
Both pass the same guards as ``tipgraph sparql`` (:func:`tipgraph.queries.adhoc.check_adhoc`):
SERVICE clauses are refused unless ``--allow-service``. tipgraph's usual prefixes
are predeclared. The default graph is the union of all named graphs, so
``default-graph-uri`` and ``named-graph-uri`` are refused rather than ignored.

Errors are plain text with the status: 400 bad request or query (including a result
over the row limit), 401 missing or wrong token, 403 updates not enabled, 405, 406
no acceptable format, 413 body too large, 415 unknown body type, 503 busy or over
the time limit.
"""
from __future__ import annotations

import hmac
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ..queries.adhoc import UpdateNotAllowedError, check_adhoc, with_prefixes
from ..queries.params import QueryError
from ..store import StoreError
from . import formats
from .execute import run_limited
from .holder import StoreChanging
from .limits import LimitError

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
_UNSUPPORTED = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


class ProtocolError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _single(pairs: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in pairs if k == name]
    if len(values) > 1:
        raise ProtocolError(400, f"{name!r} given {len(values)} times; give one")
    return values[0] if values else None


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ProtocolError(413, f"request body larger than {limit} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ProtocolError(413, f"request body larger than {limit} bytes")
    return body


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not UTF-8") from None


async def operation(request: Request, max_body: int) -> tuple[str, str]:
    """``("query" | "update", text)`` from a request, by the protocol's rules."""
    pairs = parse_qsl(request.url.query, keep_blank_values=True)
    if request.method == "GET":
        if _single(pairs, "update") is not None:
            raise ProtocolError(400, "updates must be sent with POST")
        form = pairs
    else:
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _read_body(request, max_body)
        if media == QUERY_BODY:
            return "query", _text(body)
        if media == UPDATE_BODY:
            return "update", _text(body)
        if media != FORM:
            raise ProtocolError(415, f"POST a form ({FORM}), {QUERY_BODY} or {UPDATE_BODY}; got {media or 'no type'!r}")
        form = pairs + parse_qsl(_text(body), keep_blank_values=True)
    for name in _UNSUPPORTED:
        if _single(form, name) is not None:
            raise ProtocolError(400, f"{name} is not supported: the default graph is the union of all "
                                     "named graphs; use GRAPH in the query to choose one")
    query, update = _single(form, "query"), _single(form, "update")
    if query is not None and update is not None:
        raise ProtocolError(400, "give either 'query' or 'update', not both")
    if update is not None:
        return "update", update
    if query is None or not query.strip():
        raise ProtocolError(400, "no query: pass ?query=... (GET), a form field 'query' (POST) "
                                 f"or a {QUERY_BODY} body")
    return "query", query


def check_token(request: Request, token: str) -> None:
    """A valid ``Authorization: Bearer`` header, compared in constant time."""
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="tipgraph"'}
    if scheme.lower() != "bearer" or not given.strip():
        raise ProtocolError(401, "updates need an 'Authorization: Bearer <token>' header", challenge)
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise ProtocolError(401, "the bearer token is not valid", challenge)


async def sparql_endpoint(request: Request) -> Response:
    server = request.app.state.server
    config = server.config
    try:
        op, text = await operation(request, config.max_body)
        full = with_prefixes(text)
        if op == "update":
            if not config.allow_update:
                raise ProtocolError(403, "this server is read-only: SPARQL Update is accepted only when it "
                                         "is started with --allow-update")
            check_token(request, config.update_token or "")
        try:
            kind = check_adhoc(full, allow_update=config.allow_update, allow_service=config.allow_service)
        except QueryError as exc:
            raise ProtocolError(403 if isinstance(exc, UpdateNotAllowedError) else 400, str(exc)) from None
        if op == "query" and kind == "update":
            raise ProtocolError(400, "this is a SPARQL Update: send it as 'update' (POST), not as 'query'")
        if op == "update" and kind != "update":
            raise ProtocolError(400, f"this is a {kind.upper()} query, not an update: send it as 'query'")
        if kind == "update":
            await server.pool.run(lambda _deadline: server.holder.call(lambda store: store.update(full)))
            return Response(status_code=204)
        offered = (formats.RESULT_TYPES if kind == "select" else formats.BOOLEAN_TYPES if kind == "ask"
                   else formats.GRAPH_TYPES)
        try:
            media = formats.negotiate(request.headers.get("accept"), offered)
        except formats.NotAcceptable as exc:
            raise ProtocolError(406, str(exc)) from None
        answer = await server.pool.run(lambda deadline: server.holder.call(
            lambda store: run_limited(store, full, kind, row_limit=config.row_limit, deadline=deadline)))
    except ProtocolError as exc:
        return error(exc.status, str(exc), exc.headers)
    except LimitError as exc:
        headers = {"Retry-After": "5"} if exc.status == 503 and "busy" in str(exc) else None
        return error(exc.status, str(exc), headers)
    except StoreChanging as exc:
        return error(503, str(exc), {"Retry-After": "1"})
    except StoreError as exc:
        return error(400, f"query failed: {exc}")
    if answer.kind == "select":
        body = formats.select_body(answer.variables, answer.rows, media)
    elif answer.kind == "ask":
        body = formats.boolean_body(bool(answer.boolean), media)
    else:
        body = formats.graph_body(answer.graph, media)
    return Response(body, media_type=formats.with_charset(media), headers={"Vary": "Accept"})
