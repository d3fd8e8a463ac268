# Symlinks from the writable /tmp (and attempts in the read-only workspace) to host files.
import os
import sys

config = dict(line.split("=", 1) for line in sys.stdin.read().split() if "=" in line)
leaked = []
for i, target in enumerate(
    ["/etc/shadow", config["source"], config["hidden"], "/proc/1/root/etc/shadow", "../" * 20 + "etc/shadow"]
):
    for place in ("/tmp", "/box"):
        link = f"{place}/link{i}"
        try:
            os.symlink(target, link)
        except OSError:
            continue
        try:
            with open(link, "rb") as f:
                f.read(1)
            leaked.append(target)
        except OSError:
            pass
print("blocked" if not leaked else leaked)
