from collections import Counter


def count_pairs(values: list[int], target: int) -> int:
    """Pairs i < j with values[i] + values[j] == target."""
    seen: Counter[int] = Counter()
    pairs = 0
    for value in values:
        pairs += seen[target - value]
        seen[value] += 1
    return pairs


print(count_pairs([1, 5, 3, 3, 7, -1], 6))  # (1,5), (3,3), (7,-1) -> 3
