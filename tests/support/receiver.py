"""A real HTTP webhook receiver on 127.0.0.1 (asyncio streams, HTTP/1.1 keep-alive)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import orjson


@dataclass
class Received:
    """One request as the receiver saw it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.time)

    @property
    def webhook_id(self) -> str:
        return self.headers.get("webhook-id", "")

    def json(self) -> Any:
        return orjson.loads(self.body)


# Decides the answer to the n-th request (0-based): status, extra headers, body.
Behaviour = Callable[[Received, int], Awaitable[tuple[int, dict[str, str], bytes]]]


def fail_first(n: int, status: int = 500) -> Behaviour:
    """Answer `status` to the first `n` requests, then 200."""

    async def behave(_req: Received, index: int) -> tuple[int, dict[str, str], bytes]:
        if index < n:
            return status, {}, b'{"error":"not yet"}'
        return 200, {}, b'{"status":2}'

    return behave


class Receiver:
    """Listens on 127.0.0.1:<free port>; records every request; answers per behaviour."""

    def __init__(self, behaviour: Behaviour | None = None) -> None:
        self.behaviour = behaviour or fail_first(0)
        self.received: list[Received] = []
        self.answered: list[int] = []
        self._changed = asyncio.Condition()
        self._server: asyncio.Server | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    async def __aenter__(self) -> Receiver:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._server.wait_closed(), 2)

    async def wait_for(
        self, predicate: Callable[[list[Received]], bool], within: float = 20
    ) -> list[Received]:
        """Wait until `predicate(received)` holds (fails the test after `within` s)."""
        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(lambda: predicate(self.received))
        return self.received

    async def wait_count(self, n: int, within: float = 20) -> list[Received]:
        """Wait until at least `n` requests arrived."""
        return await self.wait_for(lambda r: len(r) >= n, within)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                req = Received(method, path, headers, body)
                async with self._changed:
                    index = len(self.received)
                    self.received.append(req)
                    self._changed.notify_all()
                status, extra, answer = await self.behaviour(req, index)
                out = [f"HTTP/1.1 {status} X", f"Content-Length: {len(answer)}"]
                out += [f"{k}: {v}" for k, v in extra.items()]
                writer.write(("\r\n".join(out) + "\r\n\r\n").encode("latin-1") + answer)
                await writer.drain()
                async with self._changed:
                    self.answered.append(status)
                    self._changed.notify_all()
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()
