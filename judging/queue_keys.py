"""Every Redis key the judge work queue uses, in one place.

Kept apart from the queue code (as arq keeps `constants.py`) so an operator, a health
check or a test can name a key without importing the worker, and so a prefix change
moves all keys together.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PREFIX = "codearena:judge"
DEFAULT_GROUP = "judges"


@dataclass(frozen=True, slots=True)
class QueueKeys:
    """Key names under one prefix; tests pass a unique prefix to stay isolated."""

    prefix: str = DEFAULT_PREFIX

    @property
    def stream(self) -> str:
        """The stream of pending judge jobs (consumer group `judges` reads it)."""
        return f"{self.prefix}:jobs"

    @property
    def failed(self) -> str:
        """A capped stream of jobs that failed for good, for operators to inspect."""
        return f"{self.prefix}:failed"

    def job(self, job_id: str) -> str:
        """Dedupe marker and status (`queued`, `done`, `failed`) of one job, with a TTL."""
        return f"{self.prefix}:job:{job_id}"

    def result(self, job_id: str) -> str:
        """Set once by whichever worker delivers the job's final result first."""
        return f"{self.prefix}:result:{job_id}"

    def worker(self, consumer: str) -> str:
        """Health record of one live worker; expires when the worker stops refreshing it."""
        return f"{self.prefix}:worker:{consumer}"

    @property
    def worker_pattern(self) -> str:
        """SCAN pattern matching every worker health key."""
        return f"{self.prefix}:worker:*"

    @property
    def all_pattern(self) -> str:
        """SCAN pattern matching every key of this queue (used to clean up tests)."""
        return f"{self.prefix}:*"
