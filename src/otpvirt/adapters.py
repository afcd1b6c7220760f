"""Importing this registers every on-demand supplier adapter with `supply.registry`."""

from __future__ import annotations

from otpvirt.smshub.client import AgentClient
from otpvirt.upstream.supplier import UpstreamSupplier

ADAPTERS = (AgentClient, UpstreamSupplier)
