"""Process-to-process relays over Redis pub/sub, for scaled mode."""
