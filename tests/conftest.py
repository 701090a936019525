from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def seed_body() -> str:
    return (FIXTURES / "seed-body.txt").read_text(encoding="utf-8").strip()
