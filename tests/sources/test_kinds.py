"""Sources own the kind names; supply's copies must agree until supply imports them."""

from __future__ import annotations

from otpvirt.sources import kinds
from otpvirt.supply import base


def test_supply_and_sources_name_the_same_suppliers() -> None:
    assert (base.SMSHUB, base.UPSTREAM) == (kinds.SMSHUB, kinds.UPSTREAM)
    assert base.SUPPLIER_KINDS == kinds.SUPPLIER_KINDS
    assert base.DEFAULT_PRIORITY == kinds.DEFAULT_PRIORITY
    assert set(kinds.SUPPLIER_KINDS) <= set(kinds.KINDS)
