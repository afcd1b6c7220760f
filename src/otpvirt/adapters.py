"""Importing this registers every on-demand supplier adapter with `supply.registry`.

And the upstream providers' rent actions with `rental.flow` (renting through them).
"""

from __future__ import annotations

from otpvirt.smshub.client import AgentClient
from otpvirt.upstream.rent import UpstreamRent
from otpvirt.upstream.supplier import UpstreamSupplier

ADAPTERS = (AgentClient, UpstreamSupplier, UpstreamRent)
