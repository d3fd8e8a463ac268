def knapsack(items: list[tuple[int, int]], capacity: int) -> int:
    """Best total value of items (weight, value) fitting in capacity, each used at most once."""
    best = [0] * (capacity + 1)  # best[c]: best value with total weight <= c
    for weight, value in items:
        for c in range(capacity, weight - 1, -1):
            best[c] = max(best[c], best[c - weight] + value)
    return best[capacity]


print(knapsack([(3, 4), (4, 5), (2, 3)], 6))  # weights 4 + 2 -> value 8
