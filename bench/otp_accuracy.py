#!/usr/bin/env python3
"""Accuracy and speed of otpvirt.otp.extract_code on labelled SMS corpora (JSON lines).

Usage: python bench/otp_accuracy.py [--show-failures] [--reps N] [FILE ...]
Without FILE it runs the repository's copies: the public corpus in bench/data/ and the
independent set tests/otp/data/otp_fresh.jsonl.
Each line: {"service", "sender", "text", "code" (str or null), "lang",
            "note": "traps=a,b | comment"}.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    from otpvirt.otp import extract_code
except ImportError:  # not installed: use the source tree
    sys.path.insert(0, str(ROOT / "src"))
    from otpvirt.otp import extract_code

DEFAULT_FILES = (
    ROOT / "bench" / "data" / "otp_corpus_public.jsonl",
    ROOT / "tests" / "otp" / "data" / "otp_fresh.jsonl",
)

Row = dict[str, object]


def load(path: Path) -> list[Row]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def traps(row: Row) -> list[str]:
    note = str(row.get("note") or "")
    if "traps=" not in note:
        return []
    body = note.split("traps=", 1)[1].split(" | ", 1)[0]
    return [t.strip() for t in body.split(",") if t.strip()]


def run(rows: list[Row], fn: Callable[..., str | None]) -> list[str | None]:
    return [fn(str(r["text"]), sender=r.get("sender"), service=r.get("service")) for r in rows]


class Tally:
    """Exact-match and false-code counters for one slice of a corpus."""

    def __init__(self) -> None:
        self.coded = self.exact = self.null = self.false = 0

    def add(self, expected: object, got: str | None) -> None:
        if expected is None:
            self.null += 1
            self.false += got is not None
        else:
            self.coded += 1
            self.exact += got == expected

    def cells(self) -> str:
        exact = f"{100 * self.exact / self.coded:6.1f}%" if self.coded else "     - "
        false = f"{100 * self.false / self.null:6.1f}%" if self.null else "     - "
        return f"{self.coded + self.null:5d} {self.coded:6d} {exact} {self.null:5d} {false}"


HEADER = f"{'':22s} {'N':>5s} {'coded':>6s} {'exact':>7s} {'null':>5s} {'false':>7s}"


def table(title: str, groups: dict[str, Tally]) -> None:
    print(f"  {title}")
    print("  " + HEADER)
    for key in sorted(groups, key=lambda k: (-(groups[k].coded + groups[k].null), k)):
        print(f"  {key[:22]:22s} {groups[key].cells()}")


def timing(rows: list[Row], reps: int) -> tuple[float, float]:
    """Mean and best microseconds per message over `reps` passes of the whole file."""
    texts = [(str(r["text"]), r.get("sender"), r.get("service")) for r in rows]
    passes = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for text, sender, service in texts:
            extract_code(text, sender=sender, service=service)  # type: ignore[arg-type]
        passes.append(time.perf_counter() - t0)
    n = max(1, len(texts))
    return sum(passes) / len(passes) / n * 1e6, min(passes) / n * 1e6


def report(name: str, rows: list[Row], show_failures: bool, reps: int) -> Tally:
    got = run(rows, extract_code)
    total = Tally()
    by_lang: dict[str, Tally] = defaultdict(Tally)
    by_trap: dict[str, Tally] = defaultdict(Tally)
    failures = []
    for row, answer in zip(rows, got, strict=True):
        expected = row.get("code")
        total.add(expected, answer)
        by_lang[str(row.get("lang", "?"))].add(expected, answer)
        for trap in traps(row):
            by_trap[trap].add(expected, answer)
        if answer != expected:
            failures.append((row, answer))
    mean_us, best_us = timing(rows, reps)
    print(f"== {name}")
    print("  " + HEADER)
    print(f"  {'overall':22s} {total.cells()}")
    print(f"  time: {mean_us:.1f} us/message mean over {reps} passes (best pass {best_us:.1f})")
    table("per language", by_lang)
    table("per trap", by_trap)
    if show_failures and failures:
        print(f"  failures ({len(failures)}):")
        for row, answer in failures:
            text = str(row["text"]).replace("\n", " / ")
            head = f"[{row.get('lang')}] expected={row.get('code')!r} got={answer!r}"
            print(f"    {head} :: {text[:110]}")
    print()
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--reps", type=int, default=5, help="timing passes (best is reported)")
    args = parser.parse_args(argv)
    files = args.files or [p for p in DEFAULT_FILES if p.exists()]
    grand = Tally()
    for path in files:
        t = report(str(path), load(path), args.show_failures, args.reps)
        grand.coded += t.coded
        grand.exact += t.exact
        grand.null += t.null
        grand.false += t.false
    if len(files) > 1:
        print("== all files")
        print("  " + HEADER)
        print(f"  {'overall':22s} {grand.cells()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
