"""The body reader: straight from `receive`, with the same bounds and errors as before."""

from __future__ import annotations

import gzip
from typing import Any

import pytest
from starlette.requests import Request

from otpvirt.web.body import BodyTooLarge, ClientGone, read_body


def _request(messages: list[dict[str, Any]], headers: list[tuple[bytes, bytes]]) -> Request:
    queue = list(messages)

    async def receive() -> dict[str, Any]:
        return queue.pop(0)

    scope = {"type": "http", "method": "POST", "path": "/native/GetBalance", "headers": headers}
    return Request(scope, receive)


def _parts(*chunks: bytes) -> list[dict[str, Any]]:
    last = len(chunks) - 1
    return [
        {"type": "http.request", "body": c, "more_body": i < last} for i, c in enumerate(chunks)
    ]


async def test_chunks_are_joined_and_the_stream_is_marked_consumed() -> None:
    request = _request(_parts(b'{"a":', b"", b"1}"), [])
    assert await read_body(request, max_bytes=100, max_decompressed=100) == b'{"a":1}'
    with pytest.raises(RuntimeError):  # starlette's own guard against a second read
        await request.body()


async def test_a_body_read_before_is_served_from_starlette_cache() -> None:
    request = _request(_parts(b"{}"), [])
    assert await request.body() == b"{}"
    assert await read_body(request, max_bytes=100, max_decompressed=100) == b"{}"


async def test_chunked_bodies_over_the_cap_are_refused_without_content_length() -> None:
    request = _request(_parts(b"x" * 60, b"x" * 60), [])
    with pytest.raises(BodyTooLarge):
        await read_body(request, max_bytes=100, max_decompressed=100)


async def test_the_first_content_length_counts_as_in_starlette_headers() -> None:
    headers = [(b"content-length", b"1000"), (b"content-length", b"2")]
    with pytest.raises(BodyTooLarge):
        await read_body(_request(_parts(b"{}"), headers), max_bytes=100, max_decompressed=100)


async def test_a_disconnect_mid_body_is_the_client_leaving() -> None:
    partial = {"type": "http.request", "body": b"{", "more_body": True}
    request = _request([partial, {"type": "http.disconnect"}], [])
    with pytest.raises(ClientGone):
        await read_body(request, max_bytes=100, max_decompressed=100)
    assert await request.is_disconnected()


async def test_content_encoding_is_matched_case_and_space_insensitively() -> None:
    packed = gzip.compress(b'{"a":1}')
    headers = [(b"content-encoding", b" GZip ")]
    request = _request(_parts(packed), headers)
    assert await read_body(request, max_bytes=100, max_decompressed=100) == b'{"a":1}'
