"""Learner progress: the rules (XP, streaks, achievements, daily-challenge choice) as pure
functions, and `recorder`, which applies them in the transaction that stores a result.

Sits between rooms/judging and storage: realtime, rooms and judging import it; it imports
only storage.
"""
