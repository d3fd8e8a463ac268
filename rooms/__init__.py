"""CodeArena rooms package."""
