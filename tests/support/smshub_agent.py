"""An SMSHub-protocol agent (SIM-bank software), written from the protocol text.

One URL, POST, gzip JSON both ways, `action` + `key` in every body. GET_SERVICES
counts free SIMs per country/operator/service; GET_NUMBER hands out a free SIM
(honouring exceptionPhoneSet) or answers NO_NUMBERS; FINISH_ACTIVATION is
idempotent (SUCCESS again for a known activation). `push` builds the PUSH_SMS
request the agent sends to the hub.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from tests.support.httpstub import Reply, Request


@dataclass
class Sim:
    number: int
    country: str
    operator: str
    services: set[str] = field(default_factory=lambda: {"vi", "tg", "wa"})


@dataclass
class Activation:
    id: int
    number: int
    service: str
    status: int | None = None


class Agent:
    """The agent side: call it with a request, get its reply."""

    def __init__(self, key: str, sims: list[Sim], *, delay: float = 0.0) -> None:
        self.key = key
        self.sims = sims
        self.delay = delay
        self.activations: dict[int, Activation] = {}
        self.requests: list[dict[str, Any]] = []
        self.fail_finish = 0
        self._next = 355
        self._lock = threading.Lock()

    def payloads(self, action: str) -> list[dict[str, Any]]:
        """The JSON bodies of every request with this action."""
        return [r["payload"] for r in self.requests if r["payload"].get("action") == action]

    def _busy(self) -> set[int]:
        return {a.number for a in self.activations.values() if a.status is None}

    def __call__(self, req: Request) -> Reply:
        raw = req.body
        gzipped = req.headers.get("content-encoding") == "gzip"
        if gzipped or raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        payload = json.loads(raw)
        with self._lock:
            self.requests.append(
                {"payload": payload, "gzip": gzipped, "ua": req.headers.get("user-agent", "")}
            )
            answer = self._answer(payload)
        if payload.get("action") == "GET_NUMBER" and self.delay:
            time.sleep(self.delay)
        body = json.dumps(answer).encode()
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if "gzip" in req.headers.get("accept-encoding", ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return Reply(200, body, headers)

    def _answer(self, p: dict[str, Any]) -> dict[str, Any]:
        if p.get("key") != self.key:
            return {"status": "ERROR", "error": "bad key"}
        action = p.get("action")
        if action == "GET_SERVICES":
            return {"status": "SUCCESS", "countryList": self._services()}
        if action == "GET_NUMBER":
            return self._get_number(p)
        if action == "FINISH_ACTIVATION":
            return self._finish(p)
        return {"status": "ERROR", "error": "unknown action"}

    def _services(self) -> list[dict[str, Any]]:
        busy = self._busy()
        countries: dict[str, dict[str, dict[str, int]]] = {}
        for sim in self.sims:
            ops = countries.setdefault(sim.country, {}).setdefault(sim.operator, {})
            for service in sim.services:
                ops[service] = ops.get(service, 0) + (sim.number not in busy)
        return [{"country": c, "operatorMap": ops} for c, ops in countries.items()]

    def _get_number(self, p: dict[str, Any]) -> dict[str, Any]:
        busy = self._busy()
        excluded = tuple(p.get("exceptionPhoneSet") or ())
        for sim in self.sims:
            if (
                sim.country == p.get("country")
                and p.get("operator") in ("any", sim.operator)
                and p.get("service") in sim.services
                and sim.number not in busy
                and not str(sim.number).startswith(excluded)
            ):
                self._next += 1
                self.activations[self._next] = Activation(self._next, sim.number, p["service"])
                return {"status": "SUCCESS", "number": sim.number, "activationId": self._next}
        return {"status": "NO_NUMBERS"}

    def _finish(self, p: dict[str, Any]) -> dict[str, Any]:
        act_id, status = p.get("activationId"), p.get("status")
        if not isinstance(act_id, int) or not isinstance(status, int):
            return {"status": "ERROR", "error": "activationId and status must be numbers"}
        act = self.activations.get(act_id)
        if act is None:
            return {"status": "ERROR", "error": "no such activation"}
        if self.fail_finish > 0:
            self.fail_finish -= 1
            return {"status": "ERROR", "error": "temporarily unavailable"}
        if act.status is None:
            act.status = status
        return {"status": "SUCCESS"}

    def push(
        self, sms_id: int, phone: int, phone_from: str, text: str
    ) -> tuple[dict[str, str], bytes]:
        """The PUSH_SMS request (headers, gzip body) the agent sends to the hub."""
        body = {
            "smsId": sms_id,
            "phoneFrom": phone_from,
            "phone": phone,
            "text": text,
            "action": "PUSH_SMS",
            "key": self.key,
        }
        headers = {
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
            "Accept-Encoding": "gzip",
            "User-Agent": "SMSHubAgent/1.0",
        }
        return headers, gzip.compress(json.dumps(body, ensure_ascii=False).encode())
