"""`number --wait` when the SMS lands between the timeout and the cancel: the cancel is
refused (error 4), so the code is shown and the lease confirmed instead of lost."""

from __future__ import annotations

import json
from decimal import Decimal

from otpvirt.cli import client_io
from otpvirt.cli.client_wait import wait_and_finish
from otpvirt.client import Activation, Client
from tests.support.peer import scripted_peer

SMS = {"id": "s1", "phoneFrom": "Viber", "phone": 992112302159, "text": "code 905526"}


def test_sms_arriving_during_the_cancel_is_confirmed_not_lost() -> None:
    refused = {"status": 4, "error": 4, "reason": "sms_already_received", "message": "came"}
    act = Activation("df500217-3a9b-4260-8d87-cb72fe7c8a43", 992112302159, Decimal("0.05"))
    with scripted_peer() as peer:
        peer.replies = [
            (200, b'{"sms":[],"status":2,"error":0}'),
            (200, json.dumps(refused).encode()),
            (200, json.dumps({"sms": [{**SMS, "code": "905526"}], "status": 2}).encode()),
            (200, b'{"status":2,"error":0}'),
        ]
        with Client(peer.url, "bd7bf3dd-ea7a-4079-a836-4bb26592fdad", "pw-pw-pw-pw") as otp:
            outcome = wait_and_finish(otp, act, "vi", timeout=0, json_out=True)
    assert (outcome.status, outcome.code, outcome.refunded) == ("confirmed", "905526", False)
    assert outcome.exit_code == client_io.EXIT_OK
    methods = [r["path"].rsplit("/", 1)[1] for r in peer.requests]
    assert methods == ["GetSms", "CancelActivation", "GetSms", "ConfirmActivation"]
