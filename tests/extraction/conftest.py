"""Fixtures of the extraction tests: the real resolver over the shipped registry."""
from __future__ import annotations

import pytest

from tipgraph.resolution import Resolver


@pytest.fixture(scope="session")
def resolver() -> Resolver:
    return Resolver()
