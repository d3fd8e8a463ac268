"""CodeArena coach package."""
