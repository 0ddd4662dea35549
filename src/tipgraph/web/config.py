"""What a server is allowed to do: one frozen object, made by the CLI or by tests."""
from __future__ import annotations

from dataclasses import dataclass, field

#: Environment variable that holds the bearer token for SPARQL Update (with --allow-update).
TOKEN_ENV = "TIPGRAPH_SERVE_TOKEN"
#: A token shorter than this is refused: it could be guessed.
MIN_TOKEN_LENGTH = 16


@dataclass(frozen=True)
class ServerConfig:
    """Options of one server.

    ``update_token`` is the token itself (the CLI reads it from :data:`TOKEN_ENV`); it is
    compared in constant time and never written to a log or a response.
    """

    store: str
    allow_update: bool = False
    update_token: str | None = field(default=None, repr=False)
    allow_service: bool = False
    #: Seconds a query may run before the request is answered with an error.
    query_timeout: float = 30.0
    #: Rows (SELECT) or triples (CONSTRUCT, DESCRIBE) a query may return.
    row_limit: int = 10_000
    #: Queries that may run at once; more get "busy" (503) instead of queueing.
    workers: int = 4
    #: Embedded store: how often (seconds) to look whether another process changed it.
    reopen_interval: float = 1.0
    #: Largest request body (a query or update text), in bytes.
    max_body: int = 1_000_000
    #: Extra options for a remote store (``update_url``).
    store_options: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.allow_update and (not self.update_token or len(self.update_token) < MIN_TOKEN_LENGTH):
            raise ValueError(
                f"--allow-update needs a bearer token of at least {MIN_TOKEN_LENGTH} characters in ${TOKEN_ENV}"
            )
        if self.query_timeout <= 0 or self.row_limit <= 0 or self.workers <= 0:
            raise ValueError("the time limit, row limit and workers must be positive")
