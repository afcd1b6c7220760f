"""Fixtures for the SMPP tests: node with the SMSC simulator, and its processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.smsc import Smsc, ensure_node


@pytest.fixture
def node() -> str:
    return ensure_node()


@pytest.fixture
def smscs(node: str, tmp_path: Path) -> Iterator[list[Smsc]]:
    started: list[Smsc] = []
    yield started
    for s in started:
        s.stop()
