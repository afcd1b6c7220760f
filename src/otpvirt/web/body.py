"""Reading request bodies with hard caps, before and after gzip decompression."""

from __future__ import annotations

import zlib

from starlette.requests import ClientDisconnect, Request

from otpvirt.errors import InvalidRequest, ValidationFailed


class BodyTooLarge(ValidationFailed):
    reason = "body_too_large"


class BadEncoding(ValidationFailed):
    reason = "unsupported_encoding"


class ClientGone(InvalidRequest):
    """The client hung up before its body was complete: its fault, not an internal error."""

    reason = "client_disconnected"


def _framing(request: Request) -> tuple[bytes | None, bytes | None]:
    """Content-Length and Content-Encoding, from one pass over the raw headers (the
    first of each, as starlette's `Headers.get`), without building a `Headers`."""
    declared = encoding = None
    for name, value in request.scope["headers"]:
        if name == b"content-length":
            if declared is None:
                declared = value
        elif name == b"content-encoding" and encoding is None:
            encoding = value
    return declared, encoding


def _bounded(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise BodyTooLarge(f"request body larger than {max_bytes} bytes")


async def _streamed(request: Request, max_bytes: int) -> list[bytes]:
    """Through starlette's `stream()`: for a body already read (or being read) by it."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        _bounded(size, max_bytes)
        chunks.append(chunk)
    return chunks


async def _chunks(request: Request, max_bytes: int) -> list[bytes]:
    """The body's chunks straight from `receive` (starlette's `stream()` is an async
    generator: a frame and two resumptions per request more, for the same messages)."""
    if hasattr(request, "_body") or request._stream_consumed:
        return await _streamed(request, max_bytes)
    receive = request.receive
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.request":
            chunk = message.get("body", b"")
            more = message.get("more_body", False)
            if chunk:
                size += len(chunk)
                _bounded(size, max_bytes)
                chunks.append(chunk)
            if not more:
                request._stream_consumed = True
                return chunks
        elif message["type"] == "http.disconnect":
            request._is_disconnected = True
            raise ClientDisconnect()


async def read_body(request: Request, *, max_bytes: int, max_decompressed: int) -> bytes:
    """The request body, gunzipped if sent with `Content-Encoding: gzip`."""
    declared, coding = _framing(request)
    if declared is not None:
        try:
            too_big = int(declared) > max_bytes
        except ValueError:
            raise ValidationFailed("invalid Content-Length", reason="bad_request") from None
        if too_big:
            raise BodyTooLarge(f"request body larger than {max_bytes} bytes")
    try:
        chunks = await _chunks(request, max_bytes)
    except ClientDisconnect:
        raise ClientGone("the client disconnected before the body was complete") from None
    body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if coding is None:
        return body
    encoding = coding.decode("latin-1").strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "x-gzip"):
        return _inflate(body, zlib.MAX_WBITS | 16, max_decompressed)
    if encoding == "deflate":
        return _inflate(body, zlib.MAX_WBITS, max_decompressed)
    raise BadEncoding(f"unsupported Content-Encoding {encoding!r}; use gzip or none")


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data of a body sent without `Content-Encoding` (bounded, as above)."""
    return _inflate(data, zlib.MAX_WBITS | 16, limit)


def _inflate(data: bytes, wbits: int, limit: int) -> bytes:
    # max_length bounds the output, so a zip bomb costs at most `limit` bytes.
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise BadEncoding("the body is not valid gzip data") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise BodyTooLarge(f"decompressed body larger than {limit} bytes")
    if not inflater.eof:
        raise BadEncoding("the gzip data is truncated")
    return out
