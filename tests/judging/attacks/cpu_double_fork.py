# Double-forked workers (orphans re-parented to pid 1) burn CPU while the program waits
# for them through a pipe; their CPU must still count against the limit: TLE.
import os
import time

r, w = os.pipe()
for _ in range(8):
    mid = os.fork()
    if mid == 0:
        if os.fork() == 0:
            os.close(r)
            while time.process_time() < 0.4:
                pass
        os._exit(0)
    os.waitpid(mid, 0)
os.close(w)
while os.read(r, 1):
    pass
print("blocked")
