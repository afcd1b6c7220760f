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


async def read_body(request: Request, *, max_bytes: int, max_decompressed: int) -> bytes:
    """The request body, gunzipped if sent with `Content-Encoding: gzip`."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            too_big = int(declared) > max_bytes
        except ValueError:
            raise ValidationFailed("invalid Content-Length", reason="bad_request") from None
        if too_big:
            raise BodyTooLarge(f"request body larger than {max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_bytes:
                raise BodyTooLarge(f"request body larger than {max_bytes} bytes")
            chunks.append(chunk)
    except ClientDisconnect:
        raise ClientGone("the client disconnected before the body was complete") from None
    body = b"".join(chunks)
    encoding = request.headers.get("content-encoding", "").strip().lower()
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
