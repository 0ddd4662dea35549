"""An OpenAPI 3.1 description of the server, generated from the stored queries' headers.

Each stored query becomes one path with its parameters: the header's description,
whether it is required, its default, and a schema for its type (an integer, a date
of the forms tipgraph accepts, an IRI or a label/acronym, or text).
"""
from __future__ import annotations

from collections.abc import Iterable

from .. import __version__
from ..queries.catalogue import Parameter, StoredQuery
from ..queries.params import MAX_STRING
from .config import ServerConfig

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def parameter_schema(p: Parameter) -> dict:
    if p.type == "integer":
        schema: dict = {"type": "integer"}
    elif p.type == "date":
        schema = {"type": "string", "pattern": DATE_PATTERN,
                  "description": "YYYY, YYYY-MM or YYYY-MM-DD"}
    elif p.type == "iri":
        schema = {"type": "string", "description": f"a {p.kind}: IRI, CURIE, label or acronym"}
    else:
        schema = {"type": "string", "maxLength": MAX_STRING}
    if p.default is not None:
        schema["default"] = int(p.default) if p.type == "integer" else p.default
    return schema


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def query_path(q: StoredQuery) -> dict:
    parameters = [
        {"name": p.name, "in": "query", "required": p.required, "description": p.description,
         "schema": parameter_schema(p)}
        for p in q.parameters
    ]
    parameters.append({"name": "_format", "in": "query", "required": False,
                       "description": "csv for CSV instead of JSON (or send Accept: text/csv)",
                       "schema": {"type": "string", "enum": ["json", "csv"]}})
    return {
        "get": {
            "operationId": q.name.replace("-", "_"),
            "summary": q.title,
            "description": q.description,
            "tags": list(q.tags),
            "parameters": parameters,
            "responses": {
                "200": {"description": "The rows, columns in SELECT order.", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Rows"}},
                    "text/csv": {"schema": {"type": "string"}},
                }},
                "400": _error("A parameter is missing, unknown, of the wrong type, names no entity or several, "
                              "or the result is over the row limit."),
                "503": _error("The server is busy or the query ran over the time limit."),
            },
        }
    }


def openapi_document(queries: Iterable[StoredQuery], config: ServerConfig) -> dict:
    paths: dict = {
        "/api/queries": {"get": {"operationId": "catalogue", "summary": "The stored queries and their parameters",
                                 "responses": {"200": {"description": "One entry per stored query.",
                                                       "content": {"application/json": {"schema": {"type": "array"}}}}}}},
        "/sparql": {"get": {
            "operationId": "sparql",
            "summary": "SPARQL 1.1 Protocol query endpoint (also POST: form or application/sparql-query)",
            "description": (f"Read-only{'' if not config.allow_update else ' unless a bearer token is given'}; "
                            f"SERVICE clauses {'allowed' if config.allow_service else 'refused'}; "
                            f"at most {config.row_limit} rows and {config.query_timeout:g} s per query."),
            "parameters": [{"name": "query", "in": "query", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "SPARQL results (JSON, XML, CSV, TSV) or RDF (Turtle, N-Triples, JSON-LD)"},
                          "400": {"description": "Bad query"}, "406": {"description": "No acceptable format"},
                          "503": {"description": "Busy or over the time limit"}},
        }},
    }
    for q in queries:
        paths[f"/api/queries/{q.name}"] = query_path(q)
    return {
        "openapi": "3.1.0",
        "info": {"title": "tipgraph", "version": __version__,
                 "description": "Stored questions about international cooperation against human trafficking, "
                                "with bound, typed parameters; and a SPARQL endpoint."},
        "paths": paths,
        "components": {"schemas": {
            "Error": {"type": "object", "properties": {"error": {"type": "string"}, "parameter": {"type": "string"}},
                      "required": ["error"]},
            "Rows": {"type": "object", "properties": {
                "query": {"type": "string"},
                "parameters": {"type": "object", "additionalProperties": {"type": "string"}},
                "columns": {"type": "array", "items": {"type": "string"}},
                "rows": {"type": "array", "items": {"type": "object"}},
            }},
        }},
    }
