"""Every special-purpose range that is not globally reachable is refused as a webhook target.

Issue 15, item 12: `fec0::/10` (deprecated site-local) went through, because the guard
relied on Python's `ipaddress` flags, whose tables differ between Python versions and
leave out deprecated ranges. The guard now also holds its own table of the IANA
special-purpose registries (IPv4 and IPv6), and this test holds one address of each.
"""

from __future__ import annotations

import ipaddress

import pytest

from otpvirt.webhook.sender import NON_GLOBAL, refusal

# One address inside every range the IANA registries mark as not globally reachable,
# plus the deprecated ones, written independently of the table under test.
NOT_GLOBAL = [
    "0.1.2.3",  # "this network"
    "10.200.1.1",
    "100.127.255.254",  # shared address space (CGN)
    "127.255.255.254",
    "169.254.0.1",
    "172.31.255.254",
    "192.0.0.1",  # IETF protocol assignments
    "192.0.0.8",  # IPv4 dummy address
    "192.0.0.171",  # NAT64/DNS64 discovery
    "192.0.2.200",  # TEST-NET-1
    "192.88.99.1",  # 6to4 relay anycast (deprecated)
    "192.168.255.254",
    "198.18.0.1",  # benchmarking
    "198.19.255.254",
    "198.51.100.7",  # TEST-NET-2
    "203.0.113.250",  # TEST-NET-3
    "239.255.255.250",  # multicast (SSDP)
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "::",
    "::1",
    "::ffff:0:1.2.3.4",  # IPv4-translated
    "::1.2.3.4",  # IPv4-compatible (deprecated)
    "64:ff9b:1::1",  # local-use NAT64
    "100::1",  # discard-only
    "100:0:0:1::1",  # dummy IPv6 prefix
    "2001::1",  # Teredo, embedding 0.0.0.0-ish
    "2001:2::1",  # benchmarking
    "2001:10::1",  # ORCHID (deprecated)
    "2001:db8:ffff::1",  # documentation
    "3fff::1",  # documentation (2024)
    "3fff:fff::1",
    "5f00::1",  # SRv6 SIDs
    "fc00::1",
    "fdff:ffff::1",
    "fe80::1",
    "febf::1",
    "fec0::1",  # site-local (deprecated): the reported hole
    "fed0::1",
    "feff:ffff::1",
    "ff0e::1",
]


@pytest.mark.parametrize("address", NOT_GLOBAL)
def test_non_global_addresses_are_refused(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is not None, address


@pytest.mark.parametrize("address", NOT_GLOBAL)
def test_the_guards_own_table_refuses_them(address: str) -> None:
    """Without relying on Python's flags (they changed in 3.11.10 / 3.12.4 / 3.13)."""
    ip = ipaddress.ip_address(address)
    embedded = ip.ipv4_mapped if isinstance(ip, ipaddress.IPv6Address) else None
    target = embedded or ip
    hits = [why for net, why in NON_GLOBAL if target.version == net.version and target in net]
    assert hits or target.is_multicast or target.is_unspecified, address


@pytest.mark.parametrize(
    "address",
    ["::ffff:192.88.99.1", "2002:c058:6301::1", "64:ff9b::c000:201"],
)
def test_embedded_non_global_ipv4_is_refused(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2620:fe::fe"],
)
def test_public_addresses_still_pass(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None
