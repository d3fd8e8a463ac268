from collections import Counter


def longest_k_distinct(values: list[int], k: int) -> int:
    """Length of the longest contiguous run with at most k distinct values."""
    counts: Counter[int] = Counter()
    best = left = 0
    for right, value in enumerate(values):
        counts[value] += 1
        while len(counts) > k:
            counts[values[left]] -= 1
            if counts[values[left]] == 0:
                del counts[values[left]]
            left += 1
        best = max(best, right - left + 1)
    return best


print(longest_k_distinct([1, 2, 1, 2, 3, 3, 3, 4], 2))  # [2, 3, 3, 3] or [1, 2, 1, 2] -> 4
