# Syscalls with a history of kernel exploits must be refused (EPERM), not merely fail.
import ctypes
import errno

libc = ctypes.CDLL(None, use_errno=True)
CALLS = {
    "io_uring_setup": (425, 8, ctypes.create_string_buffer(120)),
    "bpf": (321, 0, None, 0),
    "perf_event_open": (298, None, 0, -1, -1, 0),
    "userfaultfd": (323, 0),
    "keyctl": (250, 0, 0),
    "ptrace": (101, 0, 0, 0, 0),  # PTRACE_TRACEME
    "unshare": (272, 0x20000),  # CLONE_NEWNS
    "fsopen": (430, b"tmpfs", 0),
}
opened = []
for name, (number, *args) in CALLS.items():
    ctypes.set_errno(0)
    result = libc.syscall(number, *args)
    if result >= 0 or ctypes.get_errno() != errno.EPERM:
        opened.append(f"{name}={result}/{errno.errorcode.get(ctypes.get_errno())}")
print("blocked" if not opened else opened)
