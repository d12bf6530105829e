"""One error type for every bad input, carrying where it was found."""

from __future__ import annotations

from dataclasses import dataclass


class InputError(Exception):
    """Bad input in a project file: the message names the file and, where known, the line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


BYTE_ORDER_MARK = "\ufeff"


def decode_utf8(raw: bytes, path: str) -> str:
    """The text of a project file; bytes that are not UTF-8 raise InputError at their line.

    One UTF-8 byte-order mark at the very start is dropped, as MkDocs reads pages (`utf-8-sig`,
    mkdocs/structure/files.py): every check then reads the text MkDocs and the theme will use.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # utf-8-sig counts error positions after the mark it dropped.
        start = error.start + (3 if raw.startswith(BYTE_ORDER_MARK.encode("utf-8")) else 0)
        raise InputError(path, raw[:start].count(b"\n") + 1, "is not valid UTF-8") from error


@dataclass(frozen=True)
class LineFinding:
    """A problem found at one line of one page, as the lints report it: `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
