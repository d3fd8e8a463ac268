"""Helpers every long-running loop shares: capped backoff, sleeping unless stopped, bounded
cancel, and `LoopService` (a loop opened with start/stop or `async with`).

The bottom of the import graph next to `storage`: judging, rooms, coach and realtime all use it.
"""

from loops.backoff import Backoff, capped_delay
from loops.service import LoopService
from loops.stopping import CANCEL_WAIT, cancel_all, first_or_stop, sleep_or_stop

__all__ = [
    "CANCEL_WAIT",
    "Backoff",
    "LoopService",
    "cancel_all",
    "capped_delay",
    "first_or_stop",
    "sleep_or_stop",
]
