"""Pydantic models at the REST and Socket.IO boundary."""
