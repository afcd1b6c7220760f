"""Waiting for a condition instead of sleeping a fixed time."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable


async def until(
    check: Callable[[], bool | Awaitable[bool]], within: float = 20, every: float = 0.02
) -> None:
    """Return as soon as `check()` holds; fail after `within` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        got = check()
        if inspect.isawaitable(got):
            got = await got
        if got:
            return
        if loop.time() > deadline:
            raise AssertionError(f"not true within {within} s: {check}")
        await asyncio.sleep(every)
