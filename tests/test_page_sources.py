"""Bad page sources stop the build with the file (and line) instead of being published."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from bilingual_site.errors import InputError
from bilingual_site.mkdocs.page_sources import check_page_source
from sitebuild import build_site, copy_project


@pytest.mark.parametrize(
    "source, message",
    [
        (b"---\ntitle: [unclosed\n---\n\n# T\n", "docs/fr/x.md:2: malformed front matter: expected ',' or ']', but got '<stream end>'"),
        (b"---\ntitle: T\n\n# T\n", "docs/fr/x.md:1: front matter is not closed by a '---' line"),
        (b"---\n- a\n- b\n---\n\n# T\n", "docs/fr/x.md:2: front matter must be a mapping of keys to values"),
        (b"---\ntitle: T\n---\n\n   \n", "docs/fr/x.md: the page is empty"),
        (b"", "docs/fr/x.md: the page is empty"),
        (b"# Titre\n\nCaf\xe9\n", "docs/fr/x.md:3: is not valid UTF-8"),
    ],
)
def test_bad_page_source_is_named_with_its_line(source, message):
    with pytest.raises(InputError) as error:
        check_page_source(source, "docs/fr/x.md")
    assert str(error.value) == message


def test_good_page_source_passes():
    check_page_source("---\ntitle: Été\n---\n\n# Été\n".encode(), "docs/fr/x.md")


@pytest.mark.parametrize(
    "path, content, message",
    [
        ("docs/fr/note.md", None, "docs/fr/note.md:3: malformed front matter"),
        ("docs/en/orphan.md", "# Orphan {#orphan}\n\nText.\n", "docs/en/orphan.md: no original docs/fr/orphan.md for this translation"),
    ],
)
def test_bad_page_fails_the_build_and_publishes_nothing(tmp_path, caplog, path, content, message):
    project = copy_project(tmp_path / "project")
    target = project / path
    if content is None:  # break the front matter of an existing page
        content = target.read_text(encoding="utf-8").replace("audio: false", "audio: [unclosed", 1)
    target.write_text(content, encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert message in caplog.text
    assert not (tmp_path / "site" / "note.html").exists()
