import sys

PAIR = {ord(")"): ord("("), ord("]"): ord("["), ord("}"): ord("{")}


def check(s: bytes) -> int:
    stack = []
    push, pop = stack.append, stack.pop
    for i, c in enumerate(s, 1):
        want = PAIR.get(c)
        if want is None:
            push(c)
        elif not stack or pop() != want:
            return i
    return len(s) + 1 if stack else 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    sys.stdout.write("\n".join(str(check(s)) for s in data[1:1 + q]) + "\n")


main()
