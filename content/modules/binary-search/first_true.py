from collections.abc import Callable


def first_true(lo: int, hi: int, test: Callable[[int], bool]) -> int:
    """Smallest x in (lo, hi] with test(x) true, given test(lo) is false and test(hi) is true."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if test(mid):
            hi = mid
        else:
            lo = mid
    return hi


# The smallest integer whose square is at least 2000: 45 (44 * 44 = 1936, 45 * 45 = 2025).
print(first_true(0, 2000, lambda x: x * x >= 2000))
