"""An SMPP receiver: binds to an SMSC with `smpplib` and hands each SMS to a store function.

smpplib is blocking, so the session runs in its own thread. It answers a deliver_sm
right after the handler returns, with the handler's return value as command_status,
so the store function blocks until the SMS is committed and returns non-zero when it
was not (the SMSC then redelivers). An idle link sends enquire_link every
`enquire_link_seconds`; a link that stays silent is dropped and rebound, with
exponential backoff between attempts, each failure logged with its reason.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import smpplib.client
import smpplib.consts
import smpplib.exceptions

from otpvirt.smpp.concat import Segment, is_receipt, segment
from otpvirt.smpp.decode import GSM

log = logging.getLogger("otpvirt.smpp")

ROK: int = smpplib.consts.SMPP_ESME_ROK
BIND_MODES = ("receiver", "transceiver")

# Blocking: store a segment, return the deliver_sm_resp command_status.
Store = Callable[[Segment], int]


@dataclass(frozen=True)
class SmppSettings:
    """Where and how to bind."""

    host: str
    port: int
    system_id: str
    password: str
    bind: str = "receiver"
    system_type: str = ""
    enquire_link_seconds: float = 30.0
    max_backoff_seconds: float = 60.0
    default_alphabet: str = GSM


class LinkDead(Exception):
    """The SMSC stopped answering (no PDU, not even enquire_link_resp)."""


class _Client(smpplib.client.Client):  # type: ignore[misc]  # smpplib is untyped
    """smpplib's client, remembering when the SMSC last said anything."""

    last_rx = 0.0

    def read_pdu(self) -> Any:
        pdu = super().read_pdu()
        self.last_rx = time.monotonic()
        return pdu


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smpplib.exceptions.PDUError):
        return f"the SMSC refused: {exc.args[0] if exc.args else exc}"
    if isinstance(exc, smpplib.exceptions.ConnectionError):
        return "connection refused or closed by the SMSC"
    if isinstance(exc, LinkDead | OSError):
        return str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"


class Receiver:
    """One SMPP session in a background thread, rebinding until stopped."""

    def __init__(self, settings: SmppSettings, store: Store) -> None:
        if settings.bind not in BIND_MODES:
            raise ValueError(f"bind must be one of {', '.join(BIND_MODES)}")
        self.settings = settings
        self.store = store
        self.binds = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._client: _Client | None = None

    def start(self) -> None:
        """Start the session thread."""
        self._thread = threading.Thread(target=self.run, name="smpp-receiver", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Unbind and stop; a blocked read is woken by shutting the socket's read side."""
        self._stop.set()
        client = self._client
        sock = getattr(client, "_socket", None)
        if sock is not None:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RD)
        if self._thread is not None:
            self._thread.join(timeout)

    def run(self) -> None:
        """Bind, read, rebind with backoff; returns once stopped."""
        s = self.settings
        delay = 1.0
        while not self._stop.is_set():
            bound_before = self.binds
            try:
                self._session()
            except Exception as exc:
                if self._stop.is_set():
                    break
                if self.binds > bound_before:
                    delay = 1.0  # the link worked: a fresh failure starts the backoff again
                log.warning(
                    "smpp %s:%s: %s; reconnecting in %.0f s", s.host, s.port, _reason(exc), delay
                )
            if self._stop.wait(delay):
                break
            delay = min(delay * 2, s.max_backoff_seconds)

    def _session(self) -> None:
        s = self.settings
        client = _Client(
            s.host,
            s.port,
            timeout=s.enquire_link_seconds,
            allow_unknown_opt_params=True,
            logger_name="otpvirt.smpp.client",
        )
        client.set_message_received_handler(self._on_pdu)
        self._client = client
        try:
            client.connect()
            bind = client.bind_receiver if s.bind == "receiver" else client.bind_transceiver
            bind(system_id=s.system_id, password=s.password, system_type=s.system_type)
            self.binds += 1
            log.info("smpp: bound to %s:%s as %s (%s)", s.host, s.port, s.system_id, s.bind)
            client.last_rx = time.monotonic()
            silent_limit = 2.5 * s.enquire_link_seconds
            try:
                while not self._stop.is_set():
                    client.read_once()
                    if time.monotonic() - client.last_rx > silent_limit:
                        raise LinkDead(f"no answer from the SMSC for {silent_limit:.0f} s")
            except Exception:
                if not self._stop.is_set():
                    raise
            with suppress(Exception):
                client.unbind()  # its answer cannot be read any more; the SMSC gets it
        finally:
            with suppress(Exception):
                client.disconnect()
            self._client = None

    def _on_pdu(self, pdu: Any, **_: Any) -> int | None:
        if pdu.command != "deliver_sm":
            return None  # alert_notification: no answer is due
        esm_class = int(pdu.esm_class or 0)
        if is_receipt(esm_class):
            log.debug("smpp: skipping a delivery receipt from %r", pdu.source_addr)
            return ROK
        seg = segment(
            source_addr=pdu.source_addr,
            destination_addr=pdu.destination_addr,
            esm_class=esm_class,
            data_coding=int(pdu.data_coding or 0),
            short_message=pdu.short_message,
            message_payload=getattr(pdu, "message_payload", None),
            sar=(
                getattr(pdu, "sar_msg_ref_num", None),
                getattr(pdu, "sar_total_segments", None),
                getattr(pdu, "sar_segment_seqnum", None),
            ),
            default_alphabet=self.settings.default_alphabet,
        )
        return self.store(seg)
