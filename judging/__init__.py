"""CodeArena judging package."""
