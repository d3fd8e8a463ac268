# Try to read host files: shadow, the server's source, its database, hidden tests.
import os
import sys

config = dict(line.split("=", 1) for line in sys.stdin.read().split() if "=" in line)
targets = [
    "/etc/shadow",
    "/etc/passwd",
    "/root/.bashrc",
    "/root/.ssh/id_rsa",
    config["source"],
    config["database"],
    config["hidden"],
    os.path.join(config["repo"], "codearena.db"),
    os.path.join(config["repo"], "pyproject.toml"),
    "/proc/1/root/etc/shadow",
    "/proc/1/cwd/" + config["source"],
]
leaked = []
for path in targets:
    try:
        with open(path, "rb") as f:
            f.read(1)
        leaked.append(path)
    except OSError:
        pass
for directory in ("/work", "/root", "/home", os.path.dirname(config["hidden"])):
    if os.path.exists(directory):
        leaked.append(directory)
print("blocked" if not leaked else leaked)
