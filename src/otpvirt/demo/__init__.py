"""`serve --demo`: demo data (`seed`), its price list (`catalogue`) and the demo market
of simulated clients (`market`, `upkeep`)."""

from otpvirt.demo.catalogue import DEMO_PRICES, NUMBER_PLANS, SIMULATOR_SOURCE
from otpvirt.demo.seed import (
    DEMO_ADMIN,
    DemoClient,
    demo_numbers,
    ensure_source,
    setup_demo,
    setup_demo_admin,
)

__all__ = [
    "DEMO_ADMIN",
    "DEMO_PRICES",
    "NUMBER_PLANS",
    "SIMULATOR_SOURCE",
    "DemoClient",
    "demo_numbers",
    "ensure_source",
    "setup_demo",
    "setup_demo_admin",
]
