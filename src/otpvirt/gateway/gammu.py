"""Gammu SMSD `RunOnReceive`: turn the environment gammu-smsd sets into gateway items.

gammu-smsd runs the program once per received message (all parts of a long one
together) with `SMS_MESSAGES`, `DECODED_PARTS`, `SMS_n_NUMBER`, `SMS_n_TEXT`,
`DECODED_n_TEXT` and `PHONE_ID`; a single-part SMS has `DECODED_PARTS=0`. It ignores the
exit status and deletes the SMS from the phone either way, so an SMS that cannot be
posted is written to a spool directory and posted on the next run.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx


def item_from_env(
    env: Mapping[str, str], argv: list[str], *, number: str | None = None
) -> dict[str, Any] | None:
    """The SMS described by gammu-smsd's environment, or None for a binary SMS."""
    parts = int(env.get("SMS_MESSAGES", "0") or 0)
    decoded = int(env.get("DECODED_PARTS", "0") or 0)
    if decoded:
        text = "".join(env.get(f"DECODED_{i}_TEXT", "") for i in range(1, decoded + 1))
    else:
        texts = [env.get(f"SMS_{i}_TEXT") for i in range(1, max(parts, 1) + 1)]
        if all(t is None for t in texts):
            return None  # 8-bit data: no text, no code
        text = "".join(t or "" for t in texts)
    stamp = env.get("SMS_1_TIMESTAMP")
    item: dict[str, Any] = {
        "from": env.get("SMS_1_NUMBER", "") or "unknown",
        "text": text,
        "receivedAt": int(stamp) if stamp and stamp.isdigit() else int(time.time()),
        # The files backend names each stored part uniquely; other backends pass ids.
        "messageId": ",".join(argv) if argv else None,
    }
    if number:
        item["to"] = number
    if env.get("PHONE_ID"):
        item["device"] = env["PHONE_ID"]
    return item


def post(
    url: str, token: str, items: list[dict[str, Any]], *, timeout: float = 10.0
) -> dict[str, Any]:
    """POST items to the gateway API; raise httpx.HTTPError when they were not stored."""
    resp = httpx.post(
        url.rstrip("/") + "/gateway/v1/sms",
        json=items,
        headers={"Authorization": f"Bearer {token}"},
        timeout=timeout,
    )
    if resp.status_code >= 500 or resp.status_code in (401, 408, 429):
        resp.raise_for_status()
    answer: dict[str, Any] = resp.json()
    return answer


def spool(directory: Path, item: dict[str, Any]) -> Path:
    """Keep an item for the next run: private, atomic, and on disk before we return.

    gammu-smsd deletes the SMS from the modem as soon as we exit, so the spool file
    is the only copy: it is flushed (and the directory entry too) first.
    """
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    final = directory / f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.json"
    tmp = final.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(json.dumps(item, ensure_ascii=False).encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, final)
    dir_fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return final


def flush(directory: Path, url: str, token: str) -> int:
    """Post spooled items, oldest first; stop at the first failure. Return how many went."""
    if not directory.is_dir():
        return 0
    sent = 0
    for path in sorted(directory.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        post(url, token, [item])
        path.unlink()
        sent += 1
    return sent
