"""`Client`: the blocking OTP-virt client."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable
from types import TracebackType
from typing import Any

import httpx

from otpvirt_client import _history, _rent, _wire
from otpvirt_client._errors import OtpVirtError
from otpvirt_client._history import HistoryEntry, When
from otpvirt_client._models import Activation, Balance, PriceList, Prolonged, Rental, Sms
from otpvirt_client._rent import RentalRef
from otpvirt_client._wait import Waiter
from otpvirt_client._wire import ActivationRef, Call


class Client:
    """A blocking client of an OTP-virt service.

    >>> from otpvirt_client import Client
    >>> with Client("http://127.0.0.1:8080", CLIENT_ID, API_PASSWORD) as otp:  # doctest: +SKIP
    ...     act = otp.get_number("vi", country="tajikistan")
    ...     print(act.phone, otp.wait_for_code(act))
    ...     otp.confirm(act)

    `timeout` bounds each HTTP request (seconds); `retries` is how often an idempotent read
    (balance, prices, count, SMS) is repeated after a connection failure or an HTTP
    502/503/504. GetNumber, ConfirmActivation and CancelActivation are repeated only when
    the connection could not even be opened (see `TransportError.maybe_processed`).
    `transport` replaces httpx's network transport (e.g. ``httpx.WSGITransport``).
    """

    def __init__(
        self,
        base_url: str,
        client_id: str | uuid.UUID,
        api_password: str,
        *,
        timeout: float = 30.0,
        retries: int = 2,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = _wire.base_url(base_url)
        self.client_id = str(client_id)
        self._credentials = {"clientId": self.client_id, "apiPassword": api_password}
        self._retries = max(0, retries)
        self._timeout = timeout
        self._http = httpx.Client(
            base_url=self.base_url, timeout=timeout, transport=transport, headers=_wire.HEADERS
        )

    def __repr__(self) -> str:
        return f"Client({self.base_url!r}, client_id={self.client_id!r})"

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections (a `with` block does it for you)."""
        self._http.close()

    def _call(self, call: Call) -> dict[str, Any]:
        content = _wire.encode(self._credentials, call)
        attempt = 0
        while True:
            err: OtpVirtError
            try:
                resp = self._http.post(call.path, content=content, timeout=self._timeout_for(call))
                return _wire.decode(call, resp.status_code, resp.content)
            except httpx.RequestError as exc:
                err = _wire.transport_error(call, exc, self.base_url, attempt + 1)
                err.__cause__ = exc
            except OtpVirtError as exc:
                err = exc
            delay = _wire.retry_delay(call, err, attempt, self._retries)
            if delay is None:
                raise err
            attempt += 1
            time.sleep(delay)

    def get_numbers_count(self, service: str, country: str, provider: str = "any") -> int:
        """How many numbers for `service` could be leased now in `country` (operator
        `provider`, ``"any"`` for all of them).

        >>> otp.get_numbers_count("vi", "tajikistan")  # doctest: +SKIP
        50
        """
        data = self._call(_wire.count_call(service, country, provider))
        return _wire.parse_count(data)

    def get_number(
        self, service: str, *, country: str | None = None, provider: str | None = None
    ) -> Activation:
        """Lease a number for `service` and pay its price (no country: the cheapest).

        Never repeated automatically once sent: a `TransportError` with
        ``maybe_processed=True`` means a number may have been leased and charged.

        >>> act = otp.get_number("vi", country="tajikistan")  # doctest: +SKIP
        >>> act.id, act.number, act.amount  # doctest: +SKIP
        ('1b9d...', 992112309834, Decimal('0.05'))
        """
        return _wire.parse_activation(self._call(_wire.number_call(service, country, provider)))

    def confirm(self, activation: ActivationRef) -> None:
        """End the lease; the charge stands (do this once you have the code)."""
        self._call(_wire.activation_call("ConfirmActivation", activation))

    def cancel(self, activation: ActivationRef) -> None:
        """End the lease and get the money back; raises `SmsAlreadyReceivedError` once an
        SMS has arrived for it (then `confirm` it)."""
        self._call(_wire.activation_call("CancelActivation", activation))

    def get_sms(self, activation: ActivationRef) -> list[Sms]:
        """Every SMS received for the activation so far, oldest first (``[]`` while none)."""
        return _wire.parse_sms_list(self._call(_wire.activation_call("GetSms", activation)))

    def rent_number(
        self, service: str, hours: int, country: str | None = None, provider: str | None = None
    ) -> Rental:
        """Rent a number for `hours` (4-1344) for `service` (``"full"``: any) and pay.

        Never repeated automatically once sent (see `get_number`).
        """
        return _rent.parse_rental(self._call(_rent.rent_call(service, hours, country, provider)))

    def rent_sms(self, rental: RentalRef) -> list[Sms]:
        """Every SMS the rented number received so far, oldest first."""
        return _rent.parse_rent_sms(self._call(_rent.rental_call("GetRentSms", rental)))

    def prolong_rent(self, rental: RentalRef, hours: int) -> Prolonged:
        """Extend a live rental by `hours` and pay for them; returns the new end."""
        return _rent.parse_prolonged(
            self._call(_rent.rental_call("ProlongRent", rental, hours=hours))
        )

    def finish_rent(self, rental: RentalRef) -> None:
        """End the rental now; no refund."""
        self._call(_rent.rental_call("FinishRent", rental))

    def cancel_rent(self, rental: RentalRef) -> None:
        """End the rental with a full refund: only within 20 minutes and before any SMS."""
        self._call(_rent.rental_call("CancelRent", rental))

    def get_balance(self) -> Balance:
        """The account's balance, e.g. ``Balance(amount=Decimal('99.95'), currency='USD')``."""
        return _wire.parse_balance(self._call(_wire.BALANCE))

    def history(
        self, *, since: When = None, until: When = None, offset: int = 0, limit: int = 50
    ) -> list[HistoryEntry]:
        """The account's activations created between `since` and `until` (datetimes or Unix
        seconds; default the last 30 days), newest first, `limit` (at most 100) from `offset`.

        >>> [(h.number, h.service, h.state) for h in otp.history(limit=2)]  # doctest: +SKIP
        [(992112309834, 'vi', 'completed'), (992112302159, 'fb', 'cancelled')]
        """
        call = _history.history_call(since, until, offset, limit)
        return _history.parse_history(self._call(call))

    def reuse(self, activation: HistoryEntry | ActivationRef) -> Activation:
        """Lease the number of an earlier activation again, for the same service, and pay
        today's price: allowed when that activation got an SMS, within the server's reuse
        window (30 days by default), while the number is free (`NoNumbersError` otherwise).
        An id is looked up in `history()`; pass a `HistoryEntry` to skip that.

        >>> again = otp.reuse(act)  # doctest: +SKIP
        >>> again.number == act.number, again.id != act.id  # doctest: +SKIP
        (True, True)
        """
        if isinstance(activation, HistoryEntry):
            entry = activation
        else:
            entry = self._find(_wire.activation_id(activation).lower())
        call = _history.reuse_call(entry.service, entry.number)
        return _wire.parse_activation(self._call(call))

    def _find(self, activation_id: str) -> HistoryEntry:
        offset = 0
        while offset <= _history.MAX_OFFSET:
            page = self.history(offset=offset, limit=_history.MAX_PAGE)
            for entry in page:
                if entry.id == activation_id:
                    return entry
            if len(page) < _history.MAX_PAGE:
                break
            offset += _history.MAX_PAGE
        raise _history.not_in_history(activation_id)

    def get_prices(self) -> PriceList:
        """The price of every service in every country, in the account's currency."""
        return _wire.parse_prices(self._call(_wire.PRICES))

    def wait_for_sms(
        self,
        activation: ActivationRef,
        *,
        timeout: float = 300.0,
        poll_interval: float = 1.0,
        after: Iterable[Sms | str] = (),
    ) -> list[Sms]:
        """Poll until an SMS arrives and return the new ones, oldest first.

        Polls every `poll_interval` seconds at first, then ×1.5 per poll up to 5 s.
        SMS listed in `after` (or their ids) do not count: pass the ones you already have
        to wait for the next one, e.g. after asking the service to resend. Raises
        `WaitTimeout` after `timeout` seconds; the lease stays live, so cancel it.

        >>> [sms] = otp.wait_for_sms(act, timeout=120)  # doctest: +SKIP
        >>> sms.sender, sms.code  # doctest: +SKIP
        ('Viber', '905526')
        """
        plan = Waiter(
            _wire.activation_id(activation),
            timeout=timeout,
            poll_interval=poll_interval,
            after=after,
            want_code=False,
        )
        return self._wait(activation, plan)

    def wait_for_code(
        self,
        activation: ActivationRef,
        *,
        timeout: float = 300.0,
        poll_interval: float = 1.0,
        after: Iterable[Sms | str] = (),
    ) -> str:
        """Poll until an SMS with a code arrives and return the code (like `wait_for_sms`;
        messages in which no code was found are skipped).

        >>> otp.wait_for_code(act)  # doctest: +SKIP
        '905526'
        """
        plan = Waiter(
            _wire.activation_id(activation),
            timeout=timeout,
            poll_interval=poll_interval,
            after=after,
            want_code=True,
        )
        return plan.code(self._wait(activation, plan))

    def _wait(self, activation: ActivationRef, plan: Waiter) -> list[Sms]:
        while True:
            hold, started = plan.hold(), time.monotonic()
            call = _wire.sms_call(activation, wait=hold, after=plan.newest)
            found = plan.check(_wire.parse_sms_list(self._call(call)))
            if found is not None:
                return found
            delay = plan.after_held(hold, started)
            if delay > 0:
                time.sleep(delay)

    def _timeout_for(self, call: Call) -> httpx.Timeout | float:
        # A held GetSms may take its `wait` longer than any other request.
        return self._timeout + call.hold if call.hold else self._timeout
