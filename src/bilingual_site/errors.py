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


def decode_utf8(raw: bytes, path: str) -> str:
    """The text of a project file; bytes that are not UTF-8 raise InputError at their line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, raw[: error.start].count(b"\n") + 1, "is not valid UTF-8") from error
