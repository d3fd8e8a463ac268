# Children the kernel reaps by itself (SIGCHLD ignored) burn CPU while the parent waits
# for them through a pipe; their CPU must still count against the limit: TLE.
import os
import signal
import time

signal.signal(signal.SIGCHLD, signal.SIG_IGN)
r, w = os.pipe()
for _ in range(8):
    if os.fork() == 0:
        os.close(r)
        while time.process_time() < 0.4:
            pass
        os._exit(0)
os.close(w)
while os.read(r, 1):
    pass
print("blocked")
