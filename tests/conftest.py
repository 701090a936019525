from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests check behaviour, never time: no per-example deadline (a first call that compiles patterns or
# a machine busy with other work must not fail a test).
hypothesis_settings.register_profile("no-deadline", deadline=None)
hypothesis_settings.load_profile("no-deadline")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# Real public material (pages, sentences, checks) lives beside the checkout, never in the project's git.
SHARED = Path(os.environ.get("SCRAPER_SHARED", ROOT.parent / "shared")).resolve()


def shared_path(*parts: str) -> Path:
    """A file under ../shared/, or skip the test with the reason when that folder is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real material not found: {path} (set SCRAPER_SHARED to the shared/ folder)")
    return path


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def seed_body() -> str:
    return (FIXTURES / "seed-body.txt").read_text(encoding="utf-8").strip()
