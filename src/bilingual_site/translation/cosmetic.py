"""Whether an edit of an original section is cosmetic: a typo or punctuation fix, not a new meaning.

The edit is compared word by word (a word is a run of non-space characters, so
punctuation travels with its word). It is cosmetic when it replaces, adds or
removes at most MAX_WORDS words and changes no number: a typo fix touches one
word, while a new clause or a changed date or figure is a change of meaning.
Spacing alone changes no word at all.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

MAX_WORDS = 3
NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class WordChange:
    before: str
    after: str

    def __str__(self) -> str:
        return f"'{self.before}' -> '{self.after}'"


@dataclass(frozen=True)
class Verdict:
    cosmetic: bool
    words: int  # words replaced, added or removed
    changes: tuple[WordChange, ...]
    reason: str  # why it is not cosmetic, empty when it is


def word_changes(before: str, after: str) -> list[WordChange]:
    old, new = before.split(), after.split()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        WordChange(" ".join(old[i1:i2]), " ".join(new[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def judge(before: str, after: str) -> Verdict:
    changes = word_changes(before, after)
    words = sum(max(len(change.before.split()), len(change.after.split())) for change in changes)
    numbers_changed = any(NUMBER.findall(change.before) != NUMBER.findall(change.after) for change in changes)
    if numbers_changed:
        return Verdict(False, words, tuple(changes), "a number changed")
    if words > MAX_WORDS:
        return Verdict(False, words, tuple(changes), f"{words} words changed, more than {MAX_WORDS}")
    return Verdict(True, words, tuple(changes), "")
