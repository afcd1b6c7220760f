"""Regenerate otp_fresh.jsonl and otp_holdout.jsonl from the template lists.

Run: python tests/otp/data/build_sets.py

Each template is (lang, service, sender, text, traps).  A code placeholder in
the text fixes the expected code; a template without one expects ``None``.
Placeholders:
  {d4}..{d8}  ASCII digits         {z6}       6 digits with a leading zero
  {s33}       "123-456"            {w33}      "123 456"     {w222} "12 34 56"
  {p4}..{p6}  Persian digits       {a4}..{a6} Arabic-Indic digits
  {m5},{m6}   mixed Persian/Arabic {lao6} {th6} {dev6} {bn6} {fw6} native digits
  {x5}        Steam-style code     {x6},{x8}  upper-case alphanumeric
  {code:12-3-4456}  a fixed code shown as written, expected without its dashes
  {=}         repeat the expected code (ASCII, no separators)
Codes are drawn from a seeded RNG so the files are reproducible.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # the template modules are data, not worth caching

from fresh_templates import FRESH  # noqa: E402
from holdout_templates import HOLDOUT  # noqa: E402

Template = tuple[str, str, str, str, str]

_NATIVE_ZERO = {
    "p": 0x06F0,
    "a": 0x0660,
    "lao": 0x0ED0,
    "th": 0x0E50,
    "dev": 0x0966,
    "bn": 0x09E6,
    "fw": 0xFF10,
}
_STEAM = "23456789BCDFGHJKMNPQRTVWXY"
_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_PLACEHOLDER = re.compile(r"\{(=|[a-z]+\d+|code:[^}]+)\}")
_RANDOM = re.compile(r"\{[a-z]+\d+\}")  # placeholders that draw a code from the RNG


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _native(code: str, zero: int) -> str:
    return "".join(chr(zero + int(ch)) for ch in code)


def _mixed(rng: random.Random, code: str) -> str:
    out = [_native(ch, _NATIVE_ZERO[rng.choice("pa")]) for ch in code]
    out[0] = _native(code[0], _NATIVE_ZERO["p"])
    out[-1] = _native(code[-1], _NATIVE_ZERO["a"])
    return "".join(out)


def _alnum(rng: random.Random, n: int, alphabet: str) -> str:
    while True:
        code = "".join(rng.choice(alphabet) for _ in range(n))
        if any(c.isdigit() for c in code) and any(c.isalpha() for c in code):
            return code


def _render(rng: random.Random, key: str) -> tuple[str, str]:
    """Return (display text, expected code) for one code placeholder."""
    kind, n = re.fullmatch(r"([a-z]+)(\d+)", key).groups()  # type: ignore[union-attr]
    size = int(n)
    if kind == "d":
        code = _digits(rng, size)
        return code, code
    if kind == "z":
        code = "0" + _digits(rng, size - 1)
        return code, code
    if kind in ("s", "w") and size == 222:
        code = _digits(rng, 6)
        sep = "-" if kind == "s" else " "
        return code[:2] + sep + code[2:4] + sep + code[4:], code
    if kind in ("s", "w"):
        code = _digits(rng, 6)
        sep = "-" if kind == "s" else " "
        return code[:3] + sep + code[3:], code
    if kind == "m":
        code = _digits(rng, size)
        return _mixed(rng, code), code
    if kind in _NATIVE_ZERO:
        code = _digits(rng, size)
        return _native(code, _NATIVE_ZERO[kind]), code
    if kind == "x":
        code = _alnum(rng, size, _STEAM if size == 5 else _UPPER)
        return code, code
    raise ValueError(f"unknown placeholder {key}")


def instantiate(rng: random.Random, tpl: Template) -> dict[str, object]:
    lang, service, sender, text, traps = tpl
    expected: str | None = None
    parts: list[str] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(text):
        parts.append(text[pos : m.start()])
        if m.group(1) == "=":
            parts.append(expected or "")
        elif m.group(1).startswith("code:"):
            shown = m.group(1)[len("code:") :]
            expected = shown.replace("-", "") if expected is None else expected
            parts.append(shown)
        else:
            shown, code = _render(rng, m.group(1))
            expected = code if expected is None else expected
            parts.append(shown)
        pos = m.end()
    parts.append(text[pos:])
    trap_list = [t for t in traps.split(",") if t]
    if expected is None:
        trap_list.append("no_code")
    else:
        trap_list.append(f"len_{len(expected)}")
        if expected.startswith("0"):
            trap_list.append("leading_zero")
    body = "".join(parts)
    if any(ch.isdigit() and not ch.isascii() for ch in body):
        trap_list.append("non_ascii_digits")
    uniq = list(dict.fromkeys(trap_list))
    return {
        "service": service,
        "sender": sender,
        "text": body,
        "code": expected,
        "lang": lang,
        "note": "traps=" + ",".join(uniq),
    }


def build(templates: list[Template], seed: int, copies: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for i, tpl in enumerate(templates):
        # templates with a random code get a second rendering every `copies` rows for
        # volume (a fixed code would only repeat the same row)
        n = 2 if (_RANDOM.search(tpl[3]) and i % copies == 0) else 1
        rows.extend(instantiate(rng, tpl) for _ in range(n))
    rng.shuffle(rows)
    return rows


def main() -> None:
    for name, templates, seed, copies in (
        ("otp_fresh.jsonl", FRESH, 20251127, 2),
        ("otp_holdout.jsonl", HOLDOUT, 7741, 6),
    ):
        rows = build(templates, seed, copies)
        with open(HERE / name, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        nulls = sum(1 for r in rows if r["code"] is None)
        print(f"{name}: {len(rows)} rows, {nulls} without code")


if __name__ == "__main__":
    main()
