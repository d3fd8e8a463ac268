"""Domain errors raised by repositories; the web layer maps them to statuses."""


class StorageError(Exception):
    code = "storage_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(StorageError):
    code = "not_found"


class Conflict(StorageError):
    code = "conflict"
