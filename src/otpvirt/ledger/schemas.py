"""How ledger entries look on the wire (admin API, CLI `--json`, console pages)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.ledger.repository import ActivationEntry, EntryRow
from otpvirt.money import currency, format_amount


class LedgerEntryOut(BaseModel):
    """One balance change of a client, with the balance after it."""

    id: int
    kind: str
    amount: str = Field(description="Signed decimal string in the entry's currency.")
    balanceAfter: str
    currency: str
    activationId: str | None
    note: str | None
    createdAt: int = Field(description="Epoch milliseconds.")

    @classmethod
    def of(cls, e: EntryRow) -> LedgerEntryOut:
        """The wire form of a ledger entry."""
        c = currency(e.currency)
        return cls(
            id=e.id,
            kind=e.kind,
            amount=format_amount(e.amount, c),
            balanceAfter=format_amount(e.balance_after, c),
            currency=e.currency,
            activationId=e.activation_guid,
            note=e.note,
            createdAt=e.created_at,
        )


class ActivationEntryOut(BaseModel):
    """A ledger entry of one activation (its charge or refund)."""

    kind: str
    amount: str
    note: str | None
    at: int = Field(description="Epoch milliseconds.")

    @classmethod
    def of(cls, e: ActivationEntry) -> ActivationEntryOut:
        """The wire form of an activation's ledger entry."""
        return cls(
            kind=e.kind,
            amount=format_amount(int(e.amount), currency(e.currency)),
            note=e.note,
            at=e.created_at,
        )


def ledger_entry_json(e: EntryRow) -> dict[str, Any]:
    """A ledger entry as plain JSON data (CLI `--json`, console pages)."""
    return LedgerEntryOut.of(e).model_dump()
