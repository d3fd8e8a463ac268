"""Query functions: each takes an `AsyncSession` and raises domain errors."""
