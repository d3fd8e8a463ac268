import sys

KEEP = bytes(range(48, 58)) + bytes(range(97, 123))
DELETE = bytes(c for c in range(256) if c not in KEEP)


def main() -> None:
    lines = sys.stdin.buffer.read().split(b"\n")
    q = int(lines[0])
    out = []
    for line in lines[1:1 + q]:
        clean = line.lower().translate(None, DELETE)
        out.append("YES" if clean == clean[::-1] else "NO")
    sys.stdout.write("\n".join(out) + "\n")


main()
