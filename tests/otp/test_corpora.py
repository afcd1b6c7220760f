"""Accuracy thresholds on the labelled corpora (exact match >= 98 %, false codes <= 2 %).

These are product targets, not regression pins: they are allowed to fail.  The held-out
file tests/otp/data/otp_holdout.jsonl is deliberately not used here (see the bench).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from otpvirt.otp import extract_code

ROOT = Path(__file__).resolve().parents[2]
CORPORA = {
    "public": ROOT / "bench" / "data" / "otp_corpus_public.jsonl",
    "fresh": ROOT / "tests" / "otp" / "data" / "otp_fresh.jsonl",
}
MIN_EXACT = 0.98
MAX_FALSE = 0.02


def _rows(path: Path) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _rates(rows: list[dict[str, object]]) -> tuple[float, float]:
    coded = exact = null = false = 0
    for row in rows:
        sender = row.get("sender")
        service = row.get("service")
        got = extract_code(
            str(row["text"]),
            sender=sender if isinstance(sender, str) else None,
            service=service if isinstance(service, str) else None,
        )
        if row.get("code") is None:
            null += 1
            false += got is not None
        else:
            coded += 1
            exact += got == row["code"]
    return exact / max(coded, 1), false / max(null, 1)


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_corpus_accuracy(name: str) -> None:
    path = CORPORA[name]
    if not path.exists():
        pytest.skip(f"{path} missing")
    exact, false = _rates(_rows(path))
    assert exact >= MIN_EXACT, f"{name}: exact match {exact:.1%} < {MIN_EXACT:.0%}"
    assert false <= MAX_FALSE, f"{name}: false-code rate {false:.1%} > {MAX_FALSE:.0%}"


def test_fresh_set_is_big_and_balanced() -> None:
    rows = _rows(CORPORA["fresh"])
    nulls = sum(1 for r in rows if r.get("code") is None)
    assert len(rows) >= 400
    assert 0.2 <= nulls / len(rows) <= 0.35
    assert len({r["lang"] for r in rows}) >= 30
