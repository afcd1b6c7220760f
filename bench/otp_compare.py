#!/usr/bin/env python3
"""Cost of a parser change: another checkout's code parser against this tree's, in one process.

Usage: python bench/otp_compare.py --before /work/main/src/otpvirt/otp [--reps N] [FILE ...]
Both packages are imported side by side (the parser is pure standard library with relative
imports only) and timed in alternating passes over the same messages with process CPU
time, so that a loaded, shared machine slows both alike.  Without FILE it uses the
repository's two sets, like bench/otp_accuracy.py.  Prints the best pass of each and their
ratio (after / before).
"""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AFTER = ROOT / "src" / "otpvirt" / "otp"
DEFAULT_FILES = (
    ROOT / "bench" / "data" / "otp_corpus_public.jsonl",
    ROOT / "tests" / "otp" / "data" / "otp_fresh.jsonl",
)

Extract = Callable[..., str | None]
Message = tuple[str, str | None, str | None]


def load(paths: list[Path]) -> list[Message]:
    out: list[Message] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        out += [(str(r["text"]), r.get("sender"), r.get("service")) for r in rows]
    return out


def parsers(before: Path, where: Path) -> dict[str, Extract]:
    """Copy both packages under distinct names into `where` and import them."""
    shutil.copytree(before, where / "otp_before")
    shutil.copytree(AFTER, where / "otp_after")
    sys.path.insert(0, str(where))
    return {
        name: importlib.import_module(f"otp_{name}").extract_code for name in ("before", "after")
    }


def best_passes(fns: dict[str, Extract], messages: list[Message], reps: int) -> dict[str, float]:
    """Best CPU microseconds per message of each parser over `reps` alternating passes."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(reps):
        for name, fn in fns.items():
            t0 = time.process_time()
            for text, sender, service in messages:
                fn(text, sender=sender, service=service)
            best[name] = min(best[name], time.process_time() - t0)
    return {name: seconds / max(1, len(messages)) * 1e6 for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--before", type=Path, required=True, help="the other otpvirt/otp")
    parser.add_argument("--reps", type=int, default=40, help="alternating passes")
    args = parser.parse_args(argv)
    messages = load(args.files or [p for p in DEFAULT_FILES if p.exists()])
    with tempfile.TemporaryDirectory() as tmp:
        us = best_passes(parsers(args.before, Path(tmp)), messages, args.reps)
    print(
        f"{len(messages)} messages, best of {args.reps} alternating passes: before "
        f"{us['before']:.1f} us, after {us['after']:.1f} us, ratio {us['after'] / us['before']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
