def next_greater(values: list[int]) -> list[int]:
    """For each position, the next value to the right that is greater, or -1."""
    answer = [-1] * len(values)
    waiting: list[int] = []  # indexes, values decreasing from bottom to top
    for i, value in enumerate(values):
        while waiting and values[waiting[-1]] < value:
            answer[waiting.pop()] = value
        waiting.append(i)
    return answer


print(next_greater([2, 7, 3, 5, 4, 6, 8]))  # [7, 8, 5, 6, 6, 8, -1]
