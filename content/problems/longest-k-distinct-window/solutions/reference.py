import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    k = int(data[0])
    s = data[1]
    cnt = [0] * 256
    distinct = 0
    left = 0
    best_len, best_start = 0, 0
    for right, c in enumerate(s):
        if cnt[c] == 0:
            distinct += 1
        cnt[c] += 1
        while distinct > k:
            d = s[left]
            cnt[d] -= 1
            if cnt[d] == 0:
                distinct -= 1
            left += 1
        if right - left + 1 > best_len:
            best_len, best_start = right - left + 1, left
    print(best_len, best_start + 1)


main()
