n = int(input())
flags = [[True] for _ in range(n)]  # a list per number: ~100 bytes each
for i in range(2, int(n**0.5) + 1):
    if flags[i][0]:
        for j in range(i * i, n, i):
            flags[j][0] = False
print(sum(1 for f in flags[2:] if f[0]))
