"""System-design practice: reading a drawn Excalidraw scene and scoring it against a rubric.

Pure logic only (scenes in, dataclasses out); the sessions that store scenes live
in `storage.repositories.design_sessions`, the edges in `realtime`.
"""
