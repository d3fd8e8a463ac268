# Netlink families other than route (xfrm, audit, netfilter, ...) have a history of
# kernel bugs and are not needed: refused (EPERM). Route stays (getaddrinfo uses it).
import errno
import socket

opened = []
for name, protocol in (("xfrm", 6), ("audit", 9), ("netfilter", 12), ("generic", 16)):
    try:
        socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, protocol).close()
        opened.append(name)
    except OSError as exc:
        if exc.errno != errno.EPERM:
            opened.append(f"{name}={errno.errorcode.get(exc.errno)}")
for family in (socket.AF_PACKET, 40):  # raw packets, vsock
    try:
        socket.socket(family, socket.SOCK_DGRAM, 0).close()
        opened.append(f"family {family}")
    except OSError as exc:
        if exc.errno != errno.EPERM:
            opened.append(f"family {family}={errno.errorcode.get(exc.errno)}")
print("blocked" if not opened else opened)
