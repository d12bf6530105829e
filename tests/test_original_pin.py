"""The original stays the original: the build pins the French note's bytes, text and front matter.

translations/original.sha256 holds the sha256 of docs/<default language>/note.md in sha256sum's
format; every build compares them (the plugin, bilingual_site.translation.original_pin). A
deliberate change goes through `./tasks.sh translations pin-original`, which rewrites the pin and
the seed copy (tests/fixtures/original-seed.txt) together.
"""

from __future__ import annotations

import hashlib
import shutil

import pytest
from mkdocs.exceptions import Abort

from bilingual_site.errors import InputError
from bilingual_site.translation.original_pin import PIN, SEED, UPDATE_COMMAND, check_original_pin, read_pin
from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.translation.cli import main, original_of
from sitebuild import PROJECT, build_site, copy_project


def project_original(root):
    return original_of(load_project(root / "mkdocs.yml"))


def test_the_committed_pin_is_the_original_as_it_is():
    original = project_original(PROJECT)
    digest, _ = read_pin(PROJECT)[original.shown]
    assert digest == hashlib.sha256(original.path.read_bytes()).hexdigest()
    check_original_pin(original)  # what every build runs


@pytest.mark.parametrize(
    "before, after",
    [
        ("Cependant", "Toutefois"),  # a word of the text
        ("model: x-ai/grok-4-fast", "model: another-model"),  # a front matter value
        ("\n", "\r\n"),  # line endings only: the bytes are the original, not a reading of them
    ],
)
def test_any_change_of_the_original_is_refused_with_how_to_pin_it(tmp_path, before, after):
    root = tmp_path / "project"
    shutil.copytree(PROJECT / "docs", root / "docs")
    shutil.copytree(PROJECT / "translations", root / "translations")
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    original = project_original(root)
    text = original.path.read_bytes().decode("utf-8")
    assert before in text
    original.path.write_bytes(text.replace(before, after, 1).encode("utf-8"))
    with pytest.raises(InputError) as error:
        check_original_pin(original)
    message = str(error.value)
    assert message.startswith(f"{original.shown}: the original note changed (its text or its front matter)")
    assert UPDATE_COMMAND in message and PIN in message and SEED in message


def test_a_missing_pin_is_refused(tmp_path):
    root = copy_project(tmp_path / "project")
    (root / PIN).unlink()
    with pytest.raises(InputError, match="the original has no pin in translations/original.sha256"):
        check_original_pin(project_original(root))


def test_a_changed_original_stops_the_build(tmp_path, caplog):
    root = copy_project(tmp_path / "project")
    original = project_original(root)
    original.path.write_text(original.path.read_text(encoding="utf-8").replace("Cependant", "Toutefois", 1), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(root, tmp_path / "site", "https://example.org/")
    assert f"{original.shown}: the original note changed" in caplog.text
    assert not (tmp_path / "site" / "note.html").exists()


def test_the_pin_command_updates_pin_and_seed_together(tmp_path, capsys):
    root = copy_project(tmp_path / "project")
    (root / SEED).parent.mkdir(parents=True)
    shutil.copy2(PROJECT / SEED, root / SEED)
    original = project_original(root)
    assert main(["pin-original", "--project", str(root)]) == 0
    assert "nothing to do" in capsys.readouterr().out
    assert (root / SEED).read_bytes() == (PROJECT / SEED).read_bytes()  # an unchanged original leaves the seed alone

    changed = original.path.read_text(encoding="utf-8").replace("Cependant", "Toutefois", 1)
    original.path.write_text(changed, encoding="utf-8")
    assert main(["pin-original", "--project", str(root)]) == 0
    out = capsys.readouterr().out
    assert PIN in out and SEED in out
    check_original_pin(original)
    assert (root / SEED).read_text(encoding="utf-8") == changed
    assert read_pin(root)[original.shown][0] == hashlib.sha256(changed.encode("utf-8")).hexdigest()


def test_a_malformed_pin_file_is_named_with_its_line(tmp_path):
    root = copy_project(tmp_path / "project")
    (root / PIN).write_text("# comment\nnot a hash  docs/fr/note.md\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^translations/original.sha256:2: expected '<sha256>  <path>'"):
        read_pin(root)
