"""A problem found at one line of one page, as the lints report it: `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LineFinding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
