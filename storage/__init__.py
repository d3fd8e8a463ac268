"""CodeArena storage package."""
