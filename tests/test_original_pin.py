"""The original stays the original: the French note's text is pinned by the sha256 of its normalized text.

Normalized: Unicode NFC, front matter dropped, heading markers and `{#id}` attribute lists dropped,
whitespace collapsed. Layout and ids may change; any change to a word fails, on purpose. The pin
lives in tests/fixtures/original-note.sha256, separate from the seed copy (original-seed.txt),
and is updated only deliberately: `.venv/bin/python tests/test_original_pin.py` prints the hash.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTE = ROOT / "docs/fr/note.md"
PIN = ROOT / "tests/fixtures/original-note.sha256"


def normalized_text(markdown: str) -> str:
    text = unicodedata.normalize("NFC", markdown.replace("\r\n", "\n"))
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        end = next(number for number, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "..."))
        lines = lines[end + 1 :]
    kept = []
    for line in lines:
        if re.match(r"^ {0,3}#{1,6}(\s|$)", line):
            line = re.sub(r"\s*\{[^{}]*\}\s*$", "", line.lstrip(" #"))
        kept.append(line)
    return re.sub(r"\s+", " ", "\n".join(kept)).strip()


def note_hash() -> str:
    return hashlib.sha256(normalized_text(NOTE.read_text(encoding="utf-8")).encode("utf-8")).hexdigest()


def pinned_hash() -> str:
    lines = [line.strip() for line in PIN.read_text(encoding="utf-8").splitlines()]
    return next(line for line in lines if line and not line.startswith("#"))


def test_the_original_note_has_its_pinned_text():
    actual = note_hash()
    assert actual == pinned_hash(), (
        f"docs/fr/note.md: the original note's text changed (normalized sha256 {actual}, pinned {pinned_hash()}). "
        "The French note is the original and is published word for word. If the change is deliberate "
        f"(an agreed correction), replace the hash in {PIN.relative_to(ROOT)} with {actual} in the same commit, "
        "and say why in its message; otherwise restore the note's text."
    )


def test_normalization_ignores_layout_and_ids_but_not_words():
    base = "---\ntitle: T\n---\n# Titre {#titre}\n\nUn  texte\nsur deux lignes.\n"
    assert normalized_text(base) == "Titre Un texte sur deux lignes."
    assert normalized_text(base.replace("{#titre}", "{#autre}").replace("---\n# ", "---\n\n#   ")) == normalized_text(base)
    assert normalized_text(base.replace("texte", "text")) != normalized_text(base)
    assert normalized_text("# Été\n") == normalized_text("# E\u0301te\u0301\n")  # NFC: composed or not, same words


def test_a_changed_word_fails_with_how_to_update_the_pin(tmp_path, monkeypatch):
    changed = tmp_path / "note.md"
    changed.write_text(NOTE.read_text(encoding="utf-8").replace("Cependant", "Toutefois", 1), encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "NOTE", changed)
    try:
        test_the_original_note_has_its_pinned_text()
    except AssertionError as error:
        assert "the original note's text changed" in str(error)
        assert "replace the hash in tests/fixtures/original-note.sha256" in str(error)
    else:
        raise AssertionError("a changed word went unnoticed")


if __name__ == "__main__":
    print(note_hash())
