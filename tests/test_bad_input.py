"""Bad input stops the build with a message naming it, and nothing is published.

Language folders the configuration does not declare, duplicate heading ids, and broken internal
links or anchors in either language, generated reference pages included. (Front matter, encoding,
empty pages, orphan translations: tests/test_page_sources.py; reference data: test_reference_data.py.)
"""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from bilingual_site.checks.heading_ids import duplicate_heading_ids, duplicate_ids_in_html
from bilingual_site.markdown.model import read_markdown
from sitebuild import PROJECT_LANGUAGES, SITE_MARKDOWN, build_site, copy_project, repin_original

DECLARED = PROJECT_LANGUAGES.languages
FOLDERS = ", ".join(f"docs/{code}/" for code in DECLARED)


def build_fails_with(tmp_path, caplog, changes: dict[str, str], *messages: str) -> None:
    """Apply ``changes`` (path: text to append, or full text for a new file) and expect the build to stop."""
    project = copy_project(tmp_path / "project")
    for path, text in changes.items():
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        before = target.read_text(encoding="utf-8") if target.exists() else ""
        target.write_text(before + text, encoding="utf-8")
    repin_original(project)  # a change of the original is taken as deliberate: these tests are about other checks
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    for message in messages:
        assert message in caplog.text
    site = tmp_path / "site"
    assert not site.exists() or not any(site.iterdir()), "a failed build left files to publish"


def in_every_language(page: str, text: str) -> dict[str, str]:
    """The same addition to a page and to each of its translations: the build stops on a structural
    difference between them first (the translation tool's `check`), before the check a test is about."""
    rest = page.split("/", 2)[2]  # 'docs/fr/about.md' -> 'about.md'
    return {f"docs/{language}/{rest}": text for language in PROJECT_LANGUAGES.languages}


def line_count(path: str) -> int:
    from sitebuild import PROJECT

    return len((PROJECT / path).read_text(encoding="utf-8").splitlines())


# Language folders


def test_an_undeclared_language_folder_stops_the_build(tmp_path, caplog):
    build_fails_with(
        tmp_path,
        caplog,
        {"docs/de/index.md": "# Startseite {#home}\n\nText.\n"},
        f"docs/de/: folder 'de' is not a language declared in mkdocs.yml (plugins > i18n > languages: {', '.join(DECLARED)}); "
        f"declare it there or move its pages to {FOLDERS}",
    )


def test_a_page_outside_any_language_folder_stops_the_build(tmp_path, caplog):
    build_fails_with(
        tmp_path,
        caplog,
        {"docs/stray.md": "# Stray {#stray}\n\nText.\n"},
        f"docs/stray.md: pages live in a language folder ({FOLDERS}), not at the top of docs/",
    )


# Duplicate heading ids


def test_headings_are_found_with_their_ids_outside_code():
    text = "---\ntitle: T\n---\n# Titre {#t}\n\n`## not a heading`\n\n## Étape **une** {: .x #step }\n\nSetext\n------\n"
    headings = read_markdown(text, SITE_MARKDOWN).headings
    assert [(h.line, h.id, h.explicit) for h in headings] == [(4, "t", True), (8, "step", True), (10, "setext", False)]


def test_duplicate_explicit_ids_and_repeated_heading_texts_are_named_with_both_lines():
    text = "# Titre {#t}\n\n## Intro\n\nText.\n\n## Intro\n\n## Autre {#t}\n"
    assert [str(error) for error in duplicate_heading_ids(read_markdown(text, SITE_MARKDOWN), "docs/fr/x.md")] == [
        "docs/fr/x.md:7: duplicate heading id 'intro', already used on line 3 "
        "(headings with the same text get the same id: give each its own {#id})",
        "docs/fr/x.md:9: duplicate heading id 't', already used on line 1",
    ]


def test_duplicate_ids_in_rendered_html():
    assert duplicate_ids_in_html('<h2 id="a">A</h2><div id="b"></div><h3 id="a">A</h3>') == {"a": 2}


def test_duplicate_explicit_heading_id_stops_the_build(tmp_path, caplog):
    line = line_count("docs/en/about.md") + 2
    build_fails_with(
        tmp_path,
        caplog,
        {"docs/en/about.md": "\n## Fact-checking, again {#fact-checking}\n"},
        f"docs/en/about.md:{line}: duplicate heading id 'fact-checking', already used on line",
    )


def test_two_headings_with_the_same_text_stop_the_build(tmp_path, caplog):
    start = line_count("docs/fr/about.md")
    build_fails_with(
        tmp_path,
        caplog,
        {"docs/fr/about.md": "\n## Remarques\n\nUn.\n\n## Remarques\n\nDeux.\n"},
        f"docs/fr/about.md:{start + 6}: duplicate heading id 'remarques', already used on line {start + 2} "
        "(headings with the same text get the same id: give each its own {#id})",
    )


def test_duplicate_id_reaching_the_page_through_reference_data_stops_the_build(tmp_path, caplog):
    # A heading in the page's own text with the id of a generated source entry.
    build_fails_with(
        tmp_path,
        caplog,
        in_every_language("docs/fr/sources.md", "\n## Doublon {#hn-43682088}\n"),
        "docs/fr/sources.md: duplicate id 'hn-43682088' in the rendered page (2 elements)",
    )


# Broken internal links and anchors: MkDocs' own validation (mkdocs.yml `validation:`), strict.


# Each broken link with the message MkDocs gives it; strict mode reports every one before it stops.
BROKEN_LINKS = [
    (
        "docs/fr/about.md",
        "[page disparue](disparue.md)",
        "Doc file 'fr/about.md' contains a link 'disparue.md', but the target 'fr/disparue.md' is not found among documentation files.",
    ),
    (
        "docs/en/about.md",
        "[missing page](missing.md)",
        "Doc file 'en/about.md' contains a link 'missing.md', but the target 'en/missing.md' is not found among documentation files.",
    ),
    (
        "docs/fr/note.md",
        "[section](#no-such-section)",
        "Doc file 'fr/note.md' contains a link '#no-such-section', but there is no such anchor on this page.",
    ),
    (
        "docs/en/about.md",
        "[claim](claims.md#no-such-claim)",
        "Doc file 'en/about.md' contains a link 'claims.md#no-such-claim', but the doc 'en/claims.md' does not contain an anchor '#no-such-claim'.",
    ),
    (
        "docs/fr/about.md",
        "[source](sources.md#no-such-source)",
        "Doc file 'fr/about.md' contains a link 'sources.md#no-such-source', but the doc 'fr/sources.md' does not contain an anchor '#no-such-source'.",
    ),
]


def test_every_broken_internal_link_or_anchor_is_named_and_stops_the_strict_build(tmp_path, caplog):
    """One build for the five: each is added to its page in every language (the same structure)."""
    changes: dict[str, str] = {}
    for page, link, _ in BROKEN_LINKS:
        for path, text in in_every_language(page, f"\n{link}\n").items():
            changes[path] = changes.get(path, "") + text
    build_fails_with(tmp_path, caplog, changes, *(message for _, _, message in BROKEN_LINKS))


def test_anchor_into_a_generated_reference_page_that_exists_builds(tmp_path):
    project = copy_project(tmp_path / "project")
    for page in ("docs/fr/about.md", "docs/en/about.md"):
        with (project / page).open("a", encoding="utf-8") as file:
            file.write("\n[claim](claims.md#vllm-anthropic-api) [source](sources.md#hn-43682088)\n")
    build_site(project, tmp_path / "site", "https://example.org/")
    assert 'href="claims.html#vllm-anthropic-api"' in (tmp_path / "site/en/about.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("flag", ["--quiet", "--verbose"])
def test_quiet_or_verbose_command_line_builds_still_fail_on_a_broken_anchor(tmp_path, flag):
    # MkDocs alone lets both through: --quiet drops the warnings strict mode counts, --verbose skips
    # anchor validation (the plugin keeps it working under -q and -v).
    import os
    import subprocess
    import sys

    project = copy_project(tmp_path / "project")
    for page, text in in_every_language("docs/en/about.md", "\n[claim](claims.md#no-such-claim)\n").items():
        with (project / page).open("a", encoding="utf-8") as file:
            file.write(text)
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", flag, "-d", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/"},
    )
    assert run.returncode == 1, run.stderr[-2000:]
    assert "contains a link 'claims.md#no-such-claim', but the doc 'en/claims.md' does not contain an anchor" in run.stderr
    assert not any((tmp_path / "site").iterdir())


def test_a_page_in_the_parallel_views_folder_is_refused(tmp_path, caplog):
    """Views share a page shell because nothing else lives where they are generated (the plugin's parallel views)."""
    build_fails_with(
        tmp_path, caplog, {"docs/fr/parallel/en/extra.md": "# Extra {#extra}\n\nTexte.\n"},
        "docs/fr/parallel/en/extra.md: the parallel/ folder is where the parallel views are generated",
    )


def test_an_empty_open_graph_locale_stops_the_build(tmp_path, caplog):
    """Left out, og_locale comes from CLDR (tests/test_new_language.py); written empty, it is a mistake."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("og_locale: en_US") == 1
    line = text[: text.index("og_locale: en_US")].count("\n") + 1
    config.write_text(text.replace("og_locale: en_US", "og_locale: ''"), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert f"mkdocs.yml:{line}: language 'en': extra.og_locale is empty: remove it (default: en_US) or write one such as en_US" in caplog.text
