import socket

found = []
for name in ("example.com", "pypi.org", "localhost"):
    try:
        found.append((name, socket.getaddrinfo(name, 80)[0][4]))
    except OSError:
        pass
try:
    with socket.create_connection(("1.1.1.1", 53), timeout=2):
        found.append("tcp 1.1.1.1:53")
except OSError:
    pass
print("blocked" if not found else found)
