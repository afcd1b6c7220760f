"""A scripted HTTP peer on 127.0.0.1, for the failures a healthy server never produces."""

from __future__ import annotations

import gzip
import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Scripted:
    """An HTTP peer that answers each POST with the next scripted reply: ``(status, body)``
    or ``"drop"`` (read the request, close the connection without answering)."""

    replies: list[tuple[int, bytes] | str]
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""


@contextmanager
def scripted_peer() -> Iterator[Scripted]:
    """Serve the replies of a `Scripted` on a free port until the block ends."""
    peer = Scripted(replies=[])

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.headers.get("Content-Encoding") == "gzip":
                raw = gzip.decompress(raw)
            peer.requests.append(
                {"path": self.path, "headers": dict(self.headers), "body": json.loads(raw)}
            )
            reply = peer.replies.pop(0) if peer.replies else (500, b"script exhausted")
            if reply == "drop":
                self.close_connection = True
                return
            assert isinstance(reply, tuple)
            status, body = reply
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    peer.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield peer
    httpd.shutdown()
    httpd.server_close()
