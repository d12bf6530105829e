"""One error type for every bad input, carrying where it was found."""

from __future__ import annotations


class InputError(Exception):
    """Bad input in a project file: the message names the file and, where known, the line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
