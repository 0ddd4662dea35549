"""Fixtures shared by every test package.

Each area keeps its own fixtures in ``tests/<area>/conftest.py``; only what several
areas need lives here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (seeds, gold, scorer); tests that need it are skipped without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """A folder for a fresh embedded store."""
    return tmp_path / "store"
