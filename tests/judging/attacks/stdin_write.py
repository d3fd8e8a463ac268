# stdin is a sealed memfd: reopened read-write through /proc/self/fd/0 it still cannot
# be written, grown, shrunk or mapped writable, and its seals cannot be removed.
import fcntl
import mmap
import os
import stat
import sys

data = sys.stdin.buffer.read()
opened = []
try:
    if stat.S_ISCHR(os.fstat(0).st_mode):  # empty input is /dev/null: writes go nowhere
        raise OSError("not a memfd")
    with open("/proc/self/fd/0", "r+b", buffering=0) as f:
        for name, attempt in (
            ("write", lambda: f.write(b"X")),
            ("truncate", lambda: f.truncate(0)),
            ("grow", lambda: os.ftruncate(f.fileno(), len(data) + 4096)),
            ("mmap", lambda: mmap.mmap(f.fileno(), len(data), mmap.MAP_SHARED)),
        ):
            try:
                attempt()
                opened.append(name)
            except (OSError, ValueError):
                pass
        seals = fcntl.fcntl(f.fileno(), fcntl.F_GET_SEALS)
        want = fcntl.F_SEAL_WRITE | fcntl.F_SEAL_GROW | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_SEAL
        if seals & want != want:
            opened.append(f"seals={seals}")
except OSError:
    pass  # not even reopened read-write: fine too
os.lseek(0, 0, os.SEEK_SET)
if os.read(0, len(data) + 1) != data:
    opened.append("changed")
print("blocked" if not opened else opened)
