# Try to write everywhere but the private /tmp.
import os
import sys

config = dict(line.split("=", 1) for line in sys.stdin.read().split() if "=" in line)
targets = [
    config["pwned"],
    os.path.join(config["repo"], "PWNED"),
    "/box/PWNED",
    "/usr/PWNED",
    "/etc/PWNED",
    "/PWNED",
    "/dev/shm/PWNED",
    "/run/PWNED",
    "/proc/sys/kernel/hostname",
]
written = []
for path in targets:
    try:
        with open(path, "w") as f:
            f.write("pwned")
        written.append(path)
    except OSError:
        pass
with open("/tmp/allowed", "w") as f:  # the private /tmp is writable
    f.write("ok")
print("blocked" if not written else written)
