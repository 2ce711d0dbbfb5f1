"""Residency of connections: configured endpoints are checked, everything else blocked.

``configured_endpoints`` names every host the settings point at (records database,
S3 endpoint, timestamp authority, Prefect API). ``check_endpoints`` refuses to start
when one of them is not an allowed host. The egress guard, installed in every flow
process, patches name resolution and socket connects so that only allowed hosts,
loopback and Unix sockets can be reached: anything else (telemetry, model hubs,
update checks) raises ``EgressBlocked`` before a packet leaves. Only the host is
logged. Connections made inside native libraries (libpq) bypass Python's socket
module; their hosts are covered by ``check_endpoints`` instead.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from medocr.errors import EgressBlocked, ResidencyViolation
from medocr.settings import Settings

log = logging.getLogger(__name__)

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
_ORIGINAL: dict[str, Callable[..., Any]] = {}
_ACTIVE: list[EgressGuard] = []


def configured_endpoints(settings: Settings) -> dict[str, str]:
    """The host of every store and service the settings name, by kind."""
    from sqlalchemy.engine import make_url

    records = make_url(settings.records_database_url)
    vault = settings.vault
    s3_default = (
        f"https://s3.{vault.region}.amazonaws.com" if vault.backend == "s3" else None
    )
    urls = {
        "vault S3 endpoint": vault.s3_endpoint or s3_default,
        "timestamp authority": settings.signing.tsa_url,
        "Prefect API": os.environ.get("PREFECT_API_URL"),
    }
    hosts = {kind: urlsplit(url).hostname for kind, url in urls.items() if url}
    hosts["records database"] = records.host or records.query.get("host")  # type: ignore[assignment]
    return {kind: str(host) for kind, host in hosts.items() if host}


def check_endpoints(settings: Settings, extra: dict[str, str] | None = None) -> None:
    """Refuse to start when a configured endpoint is not an allowed host."""
    allowed = HostPolicy.from_hosts(settings.residency.allowed_hosts)
    for kind, host in {**configured_endpoints(settings), **(extra or {})}.items():
        if not allowed.allows_host(host):
            raise ResidencyViolation(
                f"the {kind} host {host} is not an allowed host; add it to "
                "MEDOCR_RESIDENCY__ALLOWED_HOSTS only if it is inside the allowed "
                "regions"
            )


@dataclass
class HostPolicy:
    """Host names and networks a process may connect to; loopback is always allowed."""

    names: set[str] = field(default_factory=set)
    networks: list[IpNetwork] = field(default_factory=list)
    resolved: set[str] = field(default_factory=set)

    @classmethod
    def from_hosts(cls, hosts: Iterable[str]) -> HostPolicy:
        policy = cls()
        for host in hosts:
            try:
                policy.networks.append(ipaddress.ip_network(host, strict=False))
            except ValueError:
                policy.names.add(host.lower().rstrip("."))
        return policy

    def allows_host(self, host: str) -> bool:
        """A host name or IP literal that is loopback, listed, or in a network."""
        name = host.lower().rstrip(".").strip("[]")
        address = _ip(name)
        if address is None:
            return name in self.names or name in _LOOPBACK_NAMES
        return (
            address.is_loopback
            or str(address) in self.resolved
            or any(address in network for network in self.networks)
        )


class EgressGuard:
    """Blocks resolution of, and connections to, hosts outside a ``HostPolicy``."""

    def __init__(self, policy: HostPolicy) -> None:
        self.policy = policy
        self.blocked = 0

    def check(self, host: object) -> None:
        if not host or self.policy.allows_host(_host_text(host)):
            return
        self.blocked += 1
        log.warning("egress blocked: %s is not a configured host", _host_text(host))
        raise EgressBlocked(
            f"connection to {_host_text(host)} blocked: not a configured host "
            "(MEDOCR_RESIDENCY__ALLOWED_HOSTS)"
        )

    def remember(self, infos: list[tuple[Any, ...]]) -> None:
        """Allow the addresses an allowed name resolved to."""
        self.policy.resolved.update(str(info[4][0]).split("%")[0] for info in infos)


def install_egress_guard(settings: Settings) -> EgressGuard:
    """Patch this process's sockets to reach only configured hosts (idempotent)."""
    hosts = [
        *settings.residency.allowed_hosts,
        *configured_endpoints(settings).values(),
    ]
    guard = EgressGuard(HostPolicy.from_hosts(hosts))
    if not _ORIGINAL:
        _patch_socket()
    _ACTIVE[:] = [guard]
    log.info("egress guard on: %d allowed host entries", len(hosts))
    return guard


def guard_flow_process(settings: Settings) -> None:
    """Install the egress guard unless the operator switched it off."""
    if settings.residency.egress_guard:
        install_egress_guard(settings)


def uninstall_egress_guard() -> None:
    """Restore the original socket functions (tests)."""
    for name, original in _ORIGINAL.items():
        owner = socket if name == "getaddrinfo" else socket.socket
        setattr(owner, name, original)
    _ORIGINAL.clear()
    _ACTIVE.clear()


def _patch_socket() -> None:
    _ORIGINAL["getaddrinfo"] = socket.getaddrinfo
    for name in ("connect", "connect_ex", "sendto"):
        _ORIGINAL[name] = getattr(socket.socket, name)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        guard = _ACTIVE[0]
        guard.check(host)
        infos = _ORIGINAL["getaddrinfo"](host, *args, **kwargs)
        if host:
            guard.remember(infos)
        return infos

    socket.getaddrinfo = getaddrinfo
    for name in ("connect", "connect_ex"):
        setattr(socket.socket, name, _guarded(name, lambda args: args[0]))
    socket.socket.sendto = _guarded("sendto", lambda args: args[-1])  # type: ignore[method-assign]


def _guarded(
    name: str, address_of: Callable[[tuple[Any, ...]], Any]
) -> Callable[..., Any]:
    original = _ORIGINAL[name]

    def method(self: socket.socket, *args: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _ACTIVE[0].check(address_of(args)[0])
        return original(self, *args)

    method.__name__ = name
    return method


def _host_text(host: object) -> str:
    return host.decode("ascii", "replace") if isinstance(host, bytes) else str(host)


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        return None
