"""The original note is pinned by the build: the sha256 of its bytes, front matter included.

The French note (`docs/<default language>/note.md`) is published as it was generated. Its pin,
`translations/original.sha256`, holds the sha256 of the file's exact bytes in `sha256sum`'s
format (`sha256sum -c translations/original.sha256` checks it too). Every build compares them,
so a change to a word, a heading or a front matter value stops it, whichever way it arrives.
A deliberate change goes through one command, which updates the pin and the seed copy the tests
compare the published page with (tests/fixtures/original-seed.txt) together:

    ./tasks.sh translations pin-original
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from bilingual_site.errors import InputError

PIN = "translations/original.sha256"
SEED = "tests/fixtures/original-seed.txt"
ORIGINAL_PAGE = "note.md"
UPDATE_COMMAND = "./tasks.sh translations pin-original"
PIN_HEADER = f"""\
# The sha256 of the original note's bytes (its text and its front matter), checked by every build
# (src/bilingual_site/translation/original_pin.py). The original is published as written: change it only on
# purpose, then run `{UPDATE_COMMAND}` and say why in the commit message.
"""


@dataclass(frozen=True)
class Original:
    """Where the original note and its pin are, relative to the project's root."""

    root: Path
    docs_dir: str  # 'docs'
    default_language: str  # 'fr'

    @property
    def shown(self) -> str:
        return f"{self.docs_dir}/{self.default_language}/{ORIGINAL_PAGE}"

    @property
    def path(self) -> Path:
        return self.root / self.shown


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_pin(root: Path) -> dict[str, tuple[str, int]]:
    """Pinned path -> (sha256, line of the pin file); a malformed line raises InputError."""
    pin = root / PIN
    if not pin.is_file():
        return {}
    pinned: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(pin.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        digest, separator, path = line.partition("  ")
        if not separator or len(digest) != 64 or any(character not in "0123456789abcdef" for character in digest) or not path:
            raise InputError(PIN, number, f"expected '<sha256>  <path>' (as sha256sum writes it); run `{UPDATE_COMMAND}` to rewrite it")
        pinned[path] = (digest, number)
    return pinned


def check_original_pin(original: Original) -> None:
    """Raise InputError naming the original when its bytes differ from the pin (or it has no pin).

    A project without the original note (a synthetic benchmark site) has nothing to pin.
    """
    if not original.path.is_file():
        return
    pinned = read_pin(original.root).get(original.shown)
    actual = file_sha256(original.path)
    how = (
        f"The original is published as written. If the change is deliberate (an agreed correction), run "
        f"`{UPDATE_COMMAND}` and commit {PIN} and {SEED} with it, saying why; otherwise restore the file."
    )
    if pinned is None:
        raise InputError(original.shown, None, f"the original has no pin in {PIN}. {how}")
    if pinned[0] != actual:
        raise InputError(
            original.shown, None,
            f"the original note changed (its text or its front matter): sha256 {actual}, pinned {pinned[0]} in {PIN}:{pinned[1]}. {how}",
        )


def pin_original(original: Original) -> list[str]:
    """Pin the original as it is now and copy it to the seed the tests read; what was done, one line each.

    Nothing is written when the pin already matches: the seed keeps the note's verbatim seed text
    until the original really changes.
    """
    if not original.path.is_file():
        raise InputError(original.shown, None, "does not exist: there is no original to pin")
    raw = original.path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    pinned = read_pin(original.root).get(original.shown)
    if pinned is not None and pinned[0] == digest:
        return [f"{PIN} already pins {original.shown} as it is ({digest}): nothing to do"]
    pin = original.root / PIN
    pin.parent.mkdir(parents=True, exist_ok=True)
    pin.write_text(PIN_HEADER + f"{digest}  {original.shown}\n", encoding="utf-8")
    written = [f"{PIN}: {digest}  {original.shown}"]
    seed = original.root / SEED
    if seed.parent.is_dir():
        seed.write_bytes(raw)
        written.append(f"{SEED}: now a copy of {original.shown}")
    return written
