"""CodeArena realtime package."""
