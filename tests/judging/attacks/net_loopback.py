# Connect to a listener the test runs on the host's 127.0.0.1.
import socket
import sys

config = dict(line.split("=", 1) for line in sys.stdin.read().split() if "=" in line)
port = int(config["port"])
reached = False
for host in ("127.0.0.1", "localhost", "::1"):
    try:
        with socket.create_connection((host, port), timeout=2) as conn:
            conn.sendall(b"escaped")
            reached = True
    except OSError:
        pass
interfaces = open("/proc/net/dev").read().split("\n")[2:]
names = sorted(line.split(":")[0].strip() for line in interfaces if ":" in line)
print("blocked" if not reached and names == ["lo"] else f"reached={reached} ifaces={names}")
