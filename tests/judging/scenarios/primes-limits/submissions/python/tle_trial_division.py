n = int(input())
count = 0
for k in range(2, n):
    d = 2
    while d * d <= k and k % d:
        d += 1
    count += d * d > k
print(count)
