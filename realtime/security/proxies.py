"""The client's address behind reverse proxies, trusting forwarding headers only from them.

`X-Forwarded-For` and `Forwarded` are written by whoever sends the request, so they
are read only when the peer is a configured proxy (CODEARENA_TRUSTED_PROXIES), and
then from the right: each trusted hop vouches for the one before it, and the first
address that is not a trusted proxy is the client.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
_FOR = re.compile(r'(?:^|;)\s*for\s*=\s*("[^"]*"|[^;,\s]*)', re.IGNORECASE)


def parse_networks(spec: str) -> tuple[Network, ...]:
    """`"10.0.0.0/8, 127.0.0.1, ::1"` -> networks; ValueError names a bad entry."""
    networks = []
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ValueError(f"not an IP address or CIDR: {item!r}") from exc
    return tuple(networks)


def _address(token: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """One hop as written in a header: `1.2.3.4`, `1.2.3.4:80`, `"[::1]:80"`, `unknown`."""
    token = token.strip().strip('"').strip()
    if token.startswith("["):
        token = token[1:].partition("]")[0]
    elif token.count(":") == 1:
        token = token.partition(":")[0]
    try:
        return ipaddress.ip_address(token)
    except ValueError:
        return None


def forwarded_hops(headers: Iterable[tuple[str, str]]) -> list[str] | None:
    """The hops a proxy chain reported, client first; None when no header says any.

    `Forwarded` (RFC 7239) wins over `X-Forwarded-For` when both are present.
    """
    forwarded = [v for k, v in headers if k.lower() == "forwarded"]
    if forwarded:
        hops = []
        for element in ",".join(forwarded).split(","):
            match = _FOR.search(element)
            hops.append(match.group(1) if match else "")
        return hops
    xff = [v for k, v in headers if k.lower() == "x-forwarded-for"]
    if xff:
        return ",".join(xff).split(",")
    return None


class TrustedProxies:
    """Which peers may tell us the client's address."""

    def __init__(self, networks: tuple[Network, ...]) -> None:
        self.networks = networks

    @classmethod
    def parse(cls, spec: str) -> TrustedProxies:
        return cls(parse_networks(spec))

    def trusts(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> bool:
        return address is not None and any(address in net for net in self.networks)

    def client_ip(self, peer: str | None, headers: Iterable[tuple[str, str]]) -> str:
        """The client's address: the peer, unless the peer is a trusted proxy."""
        peer_address = _address(peer or "")
        if not self.networks or not self.trusts(peer_address):
            return peer or "unknown"
        hops = forwarded_hops(headers)
        if not hops:
            return str(peer_address)
        reporter = str(peer_address)
        for token in reversed(hops):
            address = _address(token)
            if address is None:  # "unknown", an obfuscated id or garbage: stop at its reporter
                return reporter
            if not self.trusts(address):
                return str(address)
            reporter = str(address)
        return reporter  # every hop is a proxy of ours: the left-most one
