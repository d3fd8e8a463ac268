# Kernel-facing escapes: new user namespace, mount, raise rlimits, setuid, peek at pid 1.
import ctypes
import os
import resource

libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWUSER, CLONE_NEWNS, CLONE_NEWNET = 0x10000000, 0x00020000, 0x40000000
escaped = []
for flag in (CLONE_NEWUSER, CLONE_NEWNS, CLONE_NEWNET):
    if libc.unshare(flag) == 0:
        escaped.append(f"unshare {flag:#x}")
if libc.mount(b"none", b"/tmp", b"tmpfs", 0, None) == 0:
    escaped.append("mount")
for res in (resource.RLIMIT_NPROC, resource.RLIMIT_CPU, resource.RLIMIT_FSIZE):
    soft, hard = resource.getrlimit(res)
    try:
        resource.setrlimit(res, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        escaped.append(f"rlimit {res}")
    except (ValueError, OSError):
        pass
try:
    os.setuid(0)
    escaped.append("setuid")
except OSError:
    pass
try:
    os.listdir("/proc/1/fd")
    escaped.append("/proc/1/fd")
except OSError:
    pass
if os.path.exists("/sys/fs/cgroup"):
    escaped.append("/sys visible")
print("blocked" if not escaped else escaped)
