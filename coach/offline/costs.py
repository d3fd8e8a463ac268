"""Growth-rate arithmetic for complexity estimates: O(n^d log^k n) or O(2^n).

Only the shape matters to the coach: nested loops multiply, sequential
code takes the maximum, and the result is turned into an operation
count for the problem's input size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Cost:
    """O(2^n) when `exponential`, else O(n^degree * log(n)^logs).

    Field order makes comparisons rank exponential first, then degree, then logs.
    """

    exponential: bool = False
    degree: float = 0.0
    logs: int = 0

    def __mul__(self, other: Cost) -> Cost:
        return Cost(
            self.exponential or other.exponential,
            self.degree + other.degree,
            self.logs + other.logs,
        )

    def label(self, variable: str = "n") -> str:
        """Big-O text, e.g. "O(n^2)", "O(n log n)", "O(sqrt(n))", "O(2^n)"."""
        if self.exponential:
            return f"O(2^{variable})"
        parts = []
        if self.degree == 0.5:
            parts.append(f"sqrt({variable})")
        elif self.degree == 1:
            parts.append(variable)
        elif self.degree:
            degree = int(self.degree) if self.degree == int(self.degree) else self.degree
            parts.append(f"{variable}^{degree}")
        if self.logs == 1:
            parts.append(f"log {variable}")
        elif self.logs:
            parts.append(f"log^{self.logs} {variable}")
        return f"O({' '.join(parts) or '1'})"

    def operations(self, size: int) -> float:
        """Rough operation count for input size `size` (capped to stay a finite float)."""
        size = max(size, 2)
        if self.exponential:
            return 2.0 ** min(size, 1000)
        return size**self.degree * math.log2(size) ** self.logs


CONSTANT = Cost()
LOG = Cost(logs=1)
SQRT = Cost(degree=0.5)
LINEAR = Cost(degree=1)
N_LOG_N = Cost(degree=1, logs=1)
QUADRATIC = Cost(degree=2)
EXPONENTIAL = Cost(exponential=True)


def worst(*costs: Cost) -> Cost:
    """The dominant cost of code that runs these parts one after another."""
    return max(costs, default=CONSTANT)
