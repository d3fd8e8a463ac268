"""The judging package's exceptions: few, so callers can tell our faults from the user's."""

from __future__ import annotations


class JudgingError(Exception):
    """Base class: something on our side went wrong (the verdict becomes IE)."""


class SandboxUnavailable(JudgingError):
    """The sandbox cannot run here (no bwrap, no user namespaces, no launcher)."""


class SandboxError(JudgingError):
    """One sandboxed run failed for a reason that is not the program's fault."""


class UnknownLanguage(JudgingError):
    """The requested language id is not in the registry."""


class CheckerConfigError(JudgingError):
    """A problem names an unknown checker or gives it bad options."""
