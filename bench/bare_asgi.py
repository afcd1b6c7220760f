"""The real ceiling for api_load.py: a bare ASGI app, no framework, on the same uvicorn.

    python bench/bare_asgi.py --port 9000 [--workers 2]

It reads the whole request body (as every native method does) and answers a constant
JSON envelope shaped like GetBalance's, with the uvicorn options `otpvirt serve` uses
(uvloop, httptools, proxy headers from 127.0.0.1, no access log, its log config off).
Nothing an HTTP answer needs is left out and nothing else is done, so the gap between
this and a native method is our own work per request.
"""

from __future__ import annotations

import argparse
from typing import Any

BODY = b'{"currency":"USD","balance":131.95,"status":2,"error":0}'
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]
START = {"type": "http.response.start", "status": 200, "headers": HEADERS}
RESPONSE = {"type": "http.response.body", "body": BODY}


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Read the body to its end, then answer the constant envelope."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send(START)
    await send(RESPONSE)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    # The same options as otpvirt.cli.serve (host, loop, http, proxy headers, logs).
    uvicorn.run(
        "bare_asgi:app",
        host="127.0.0.1",
        port=args.port,
        loop="uvloop",
        http="httptools",
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=10,
        log_config=None,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        workers=args.workers,
    )


if __name__ == "__main__":
    main()
