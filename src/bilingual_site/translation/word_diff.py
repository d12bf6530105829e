"""Word-level differences between two versions of a text, for `translations diff`.

A word is a run of non-space characters, as for cosmetic edits (cosmetic_edits.py), so punctuation
travels with its word. Lines are matched first; in a changed line only the changed words are marked,
`[-removed-]{+added+}` (or in colour on a terminal), and long runs of unchanged words are shortened
to their ends, so a 300-character table row with one changed cell shows as one short line.
"""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass

CONTEXT_WORDS = 4  # unchanged words kept on each side of a change
ELLIPSIS = "…"


@dataclass(frozen=True)
class Marks:
    removed: tuple[str, str]
    added: tuple[str, str]


BRACKETS = Marks(("[-", "-]"), ("{+", "+}"))
COLOUR = Marks(("\x1b[31m", "\x1b[0m"), ("\x1b[32m", "\x1b[0m"))  # red and green, as `git diff --color-words`


@dataclass(frozen=True)
class ShownLine:
    """One line of the difference: its line in the new text (None for a line that is gone), marked."""

    line: int | None
    text: str


def tokens(line: str) -> list[str]:
    """The line as alternating runs of spaces and of other characters, which join back into it."""
    return ["".join(run) for _, run in itertools.groupby(line, key=str.isspace)]


def _words_in(run: list[str]) -> int:
    return sum(1 for token in run if not token.isspace())


def _shorten(run: list[str], at_start: bool, at_end: bool) -> str:
    """An unchanged run of tokens, its middle replaced by an ellipsis when it is long."""
    if _words_in(run) <= 2 * CONTEXT_WORDS + 1:
        return "".join(run)
    keep = 2 * CONTEXT_WORDS  # tokens: words and the spaces between them
    # The spaces next to a change are kept; those next to the ellipsis are one each side.
    head = "" if at_start else "".join(run[:keep]).rstrip() + " "
    tail = "" if at_end else " " + "".join(run[-keep:]).lstrip()
    return f"{head}{ELLIPSIS}{tail}"


def _segments(old: list[str], new: list[str]) -> list[tuple[bool, list[str], list[str]]]:
    """(changed, old tokens, new tokens) runs; a space alone between two changes joins them, so
    a rewritten phrase reads as one change rather than a change per word."""
    segments: list[tuple[bool, list[str], list[str]]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        changed = tag != "equal"
        spaces_only = not changed and all(token.isspace() for token in new[j1:j2])
        if segments and segments[-1][0] and (changed or spaces_only):
            _, before, after = segments[-1]
            segments[-1] = (True, before + old[i1:i2], after + new[j1:j2])
        else:
            segments.append((changed, old[i1:i2], new[j1:j2]))
    # A space at the end of a change is shown after it, as unchanged text: 'les {+grands+} modèles'.
    shown = []
    for changed, before, after in segments:
        sides = [side for side in (before, after) if side]
        if changed and all(side[-1].isspace() for side in sides) and any(side[:-1] for side in sides):
            space = sides[-1][-1:]
            shown += [(True, before[:-1], after[:-1]), (False, space, space)]
        else:
            shown.append((changed, before, after))
    return shown


def mark_line(before: str, after: str, marks: Marks = BRACKETS) -> str:
    segments = _segments(tokens(before), tokens(after))
    out = []
    for index, (changed, old, new) in enumerate(segments):
        if not changed:
            out.append(_shorten(new, at_start=index == 0, at_end=index == len(segments) - 1))
            continue
        if old:
            out.append(marks.removed[0] + "".join(old) + marks.removed[1])
        if new:
            out.append(marks.added[0] + "".join(new) + marks.added[1])
    return "".join(out)


def marked_lines(before: list[str], after: list[str], first_line: int | None, marks: Marks = BRACKETS) -> list[ShownLine]:
    """The changed lines of ``after`` (numbered from ``first_line``) against ``before``, words marked;
    blank lines added or removed are spacing, not shown."""
    shown = []

    def number(index: int) -> int | None:
        return None if first_line is None else first_line + index

    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        pairs = list(itertools.zip_longest(range(i1, i2), range(j1, j2)))
        for old, new in pairs:
            if new is None:
                if before[old].strip():
                    shown.append(ShownLine(None, marks.removed[0] + before[old] + marks.removed[1]))
            elif old is None:
                if after[new].strip():
                    shown.append(ShownLine(number(new), marks.added[0] + after[new] + marks.added[1]))
            else:
                shown.append(ShownLine(number(new), mark_line(before[old], after[new], marks)))
    return shown
