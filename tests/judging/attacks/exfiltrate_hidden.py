# Echo the whole input everywhere and leak its first byte through the exit code.
import sys

data = sys.stdin.buffer.read()
sys.stdout.buffer.write(data)
sys.stderr.buffer.write(data)
sys.exit(data[-2] if len(data) > 1 else 1)
