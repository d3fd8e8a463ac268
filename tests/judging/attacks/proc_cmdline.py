# The host kernel's command line (boot arguments, and so its init's) must not be
# readable inside the sandbox.
try:
    with open("/proc/cmdline", "rb") as f:
        leaked = f.read()
except OSError:
    leaked = b""
print("blocked" if not leaked.strip() else leaked[:80])
