# Look for the server's secrets in our environment and every visible process's.
import glob
import os

hits = [f"{k}" for k in os.environ if "SECRET" in k or "CODEARENA" in k]
for path in glob.glob("/proc/*/environ") + ["/proc/1/environ", "/proc/self/environ"]:
    try:
        data = open(path, "rb").read()
    except OSError:
        continue
    if b"SECRET" in data or b"CODEARENA" in data:
        hits.append(path)
for path in glob.glob("/proc/*/cmdline"):
    try:
        if b"SECRET" in open(path, "rb").read():
            hits.append(path)
    except OSError:
        pass
print("clean" if not hits else hits)
