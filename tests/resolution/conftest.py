"""Fixtures for the resolution tests: one registry and fresh resolvers."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tipgraph.resolution import Resolver, load_registry

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def registry():
    return load_registry()


@pytest.fixture()
def resolver(registry) -> Resolver:
    return Resolver(registry)


@pytest.fixture(scope="session")
def fuzzy_pairs() -> list[tuple[str, str, str]]:
    rows = [line for line in (HERE / "fuzzy_pairs.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    reader = csv.reader(rows[1:], delimiter="\t")
    return [(q, k, e) for q, k, e in reader]
