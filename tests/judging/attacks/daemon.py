# Double fork a long sleeper that outlives us; the test looks for it on the host.
import os
import sys

config = dict(line.split("=", 1) for line in sys.stdin.read().split() if "=" in line)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        for fd in (0, 1, 2):
            os.close(fd)
        os.execv("/usr/bin/python3", ["python3", "-c", "import time; time.sleep(600)", config["marker"]])
    os._exit(0)
os.wait()
print("clean")
