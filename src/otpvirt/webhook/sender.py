"""The HTTP side of webhooks: one POST per attempt, guarded against SSRF.

The host is resolved here, every address it resolves to is vetted, and the
connection goes to a vetted address: a DNS answer that changes between the check
and the connect (rebinding) cannot point a delivery at an internal service.
Redirects are not followed, proxies from the environment are ignored, the whole
attempt has one deadline, and at most `SNIPPET_BYTES` of the answer are read.
"""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import socket
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote

import httpcore
import httpx

from otpvirt import __version__

SNIPPET_BYTES = 1024
USER_AGENT = f"otpvirt-webhooks/{__version__}"
NAT64 = ipaddress.ip_network("64:ff9b::/96")

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# The IANA IPv4 and IPv6 special-purpose registries: every range not globally
# reachable, and the deprecated ones (the few anycast services inside these blocks
# receive no webhooks). Held here because Python's `is_private` / `is_global`
# tables differ between versions and leave deprecated ranges out (fec0::/10 passed).
NON_GLOBAL: list[tuple[Network, str]] = [
    (ipaddress.ip_network(net), why)
    for net, why in (
        ("0.0.0.0/8", "'this network'"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "shared (carrier-grade NAT)"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "IETF protocol assignment"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "deprecated 6to4 relay anycast"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
        ("255.255.255.255/32", "broadcast"),
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("::/96", "deprecated IPv4-compatible"),
        ("::ffff:0:0:0/96", "IPv4-translated"),
        ("64:ff9b:1::/48", "local-use NAT64"),
        ("100::/64", "discard-only"),
        ("100:0:0:1::/64", "dummy"),
        ("2001::/23", "IETF protocol assignment"),
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
        ("5f00::/16", "segment-routing (SRv6)"),
        ("fc00::/7", "unique-local"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "deprecated site-local"),
        ("ff00::/8", "multicast"),
    )
]
Resolver = Callable[[str, int], Awaitable[list[str]]]


def redact(url: str) -> str:
    """The URL without a password in it, for logs and the attempt history."""
    scheme, sep, rest = url.partition("://")
    netloc, slash, path = rest.partition("/")
    if not sep or "@" not in netloc:
        return url
    user = netloc.rpartition("@")[0].split(":", 1)[0]
    return f"{scheme}://{user}:***@{netloc.rpartition('@')[2]}{slash}{path}"


class RefusedTarget(Exception):
    """The webhook URL points at an address deliveries may not go to."""


def refusal(ip: IP) -> str | None:
    """Why deliveries may not go to `ip` (None when it is a public unicast address)."""
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 is judged as the IPv4 address it reaches.
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return refusal(embedded)
    for what, hit in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if hit:
            article = "an" if what[0] in "aeiou" else "a"
            return f"{ip} is {article} {what} address"
    for network, why in NON_GLOBAL:
        if ip.version == network.version and ip in network:
            return f"{ip} is not a public address ({why}: {network})"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


async def system_resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the system resolver, off the event loop)."""
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves and vets the host itself, then connects to a vetted address."""

    def __init__(self, *, allow_private: bool, resolve: Resolver = system_resolve) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._allow_private = allow_private
        self._resolve = resolve

    async def vetted(self, host: str, port: int) -> list[str]:
        """The addresses of `host`, or RefusedTarget if any of them is off limits."""
        try:
            addresses = await self._resolve(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        if not addresses:
            raise httpcore.ConnectError(f"{host} resolves to no address")
        if not self._allow_private:
            for address in addresses:
                why = refusal(ipaddress.ip_address(address.split("%", 1)[0]))
                if why:
                    raise RefusedTarget(
                        f"refused: {host} -> {why} (OTPVIRT_WEBHOOK_ALLOW_PRIVATE=true allows it)"
                    )
        return addresses

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        error: Exception | None = None
        for address in await self.vetted(host, port):
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt got: an HTTP status and the answer's start, or an error."""

    status: int | None
    error: str | None
    duration_ms: int
    snippet: str | None = None

    @property
    def ok(self) -> bool:
        """Any 2xx answer is a delivery."""
        return self.status is not None and 200 <= self.status < 300


class Sender:
    """Posts webhook bodies over a shared keep-alive connection pool."""

    def __init__(
        self,
        *,
        timeout: float,
        allow_private: bool,
        max_connections: int = 64,
        resolve: Resolver = system_resolve,
    ) -> None:
        self.timeout = timeout
        self._pool = httpcore.AsyncConnectionPool(
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=30.0,
            network_backend=GuardedBackend(allow_private=allow_private, resolve=resolve),
        )

    async def post(self, url: str, body: bytes, headers: dict[str, str]) -> Outcome:
        """POST `body` to `url`; never raises for anything the target does."""
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.timeout):
                status, snippet, location = await self._post(url, body, headers)
        except TimeoutError:
            return self._outcome(started, None, f"timed out after {self.timeout:g} s")
        except RefusedTarget as exc:
            return self._outcome(started, None, str(exc))
        except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
            return self._outcome(started, None, f"cannot connect: {exc or type(exc).__name__}")
        except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.TimeoutException) as exc:
            return self._outcome(started, None, f"{type(exc).__name__}: {exc}")
        except (httpx.InvalidURL, httpcore.UnsupportedProtocol, ValueError) as exc:
            return self._outcome(started, None, f"bad webhook URL: {exc}")
        error = None
        if not 200 <= status < 300:
            error = f"HTTP {status}"
            if location is not None:
                error += f" (redirects are not followed; Location: {location[:200]})"
        return self._outcome(started, status, error, snippet)

    async def _post(
        self, url: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, str, str | None]:
        target = httpx.URL(url)
        if target.scheme not in ("http", "https") or not target.host:
            raise ValueError(f"{url!r} is not an absolute http(s) URL")
        sent = {
            "Host": target.netloc.decode("ascii"),
            "User-Agent": USER_AGENT,
            "Content-Type": "application/json",
            "Content-Length": str(len(body)),
            **headers,
        }
        if target.userinfo:
            user, _, password = target.userinfo.decode("ascii").partition(":")
            creds = f"{unquote(user)}:{unquote(password)}".encode()
            sent["Authorization"] = "Basic " + base64.b64encode(creds).decode("ascii")
        request_url = httpcore.URL(
            scheme=target.raw_scheme, host=target.raw_host, port=target.port, target=target.raw_path
        )
        t = self.timeout
        timeouts = {"connect": t, "read": t, "write": t, "pool": t}
        async with self._pool.stream(
            "POST",
            request_url,
            headers=list(sent.items()),
            content=body,
            extensions={"timeout": timeouts},
        ) as response:
            chunks = bytearray()
            async for chunk in response.aiter_stream():
                chunks += chunk
                if len(chunks) >= SNIPPET_BYTES:
                    break
            location = None
            for name, value in response.headers:
                if name.lower() == b"location":
                    location = value.decode("latin-1")
            snippet = bytes(chunks[:SNIPPET_BYTES]).decode("utf-8", errors="replace")
            return response.status, snippet, location

    @staticmethod
    def _outcome(
        started: float, status: int | None, error: str | None, snippet: str | None = None
    ) -> Outcome:
        return Outcome(status, error, int((time.monotonic() - started) * 1000), snippet)

    async def close(self) -> None:
        """Close every pooled connection."""
        await self._pool.aclose()
