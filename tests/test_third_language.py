"""Adding a language is one command (`translations new-language`): proved on a copy of the site with a
language it does not declare yet, one page translated (by copying it) and recorded."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from bilingual_site.translation.cli import main
from html_pages import content_wrapper, parse, text_of
from sitebuild import DEFAULT_LANGUAGE, PROJECT_LANGUAGES, TRANSLATION_LANGUAGES, copy_project, build_site

pytestmark = pytest.mark.languages

# The first of these the project does not declare (the third-language check adds `es` first).
CANDIDATES = (("de", "Deutsch"), ("it", "Italiano"), ("nl", "Nederlands"))
NEW, NEW_NAME = next((code, name) for code, name in CANDIDATES if code not in PROJECT_LANGUAGES.languages)


def add_language(project) -> None:
    """Declare NEW with the command, and translate one page, about.md, by copying it."""
    assert main(["new-language", NEW, "--name", NEW_NAME, "--project", str(project)]) == 0
    shutil.copy(project / f"docs/{DEFAULT_LANGUAGE}/about.md", project / f"docs/{NEW}/about.md")


def test_a_new_language_builds_and_is_tracked(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    add_language(project)
    assert main(["record", f"docs/{NEW}/about.md", "--project", str(project), "--date", "2026-11-26"]) == 0
    capsys.readouterr()
    assert main(["status", "--project", str(project), "--json"]) == 1  # pages left to translate
    statuses = {(item["language"], item["page"]): item["status"] for item in json.loads(capsys.readouterr().out)}
    assert statuses[(NEW, "about.md")] == "current"
    assert statuses[(NEW, "note.md")] == "untranslated"
    for language in TRANSLATION_LANGUAGES:  # recording the new language's page recorded no other
        assert statuses[(language, "about.md")] == PROJECT_LANGUAGES_STATUS[language]

    site = build_site(project, tmp_path / "site", "https://example.org/")
    assert content_wrapper(parse(site, f"{NEW}/about.html")).attributes["data-translation-status"] == "current"
    assert content_wrapper(parse(site, f"{NEW}/note.html")).attributes["data-translation-status"] == "untranslated"
    hreflang = {link.attributes["hreflang"] for link in parse(site, "about.html").css('link[rel="alternate"][hreflang]')}
    translated_about = {code for code in TRANSLATION_LANGUAGES if (project / "docs" / code / "about.md").is_file()}
    assert hreflang == {DEFAULT_LANGUAGE, NEW, "x-default"} | translated_about
    assert (site / f"{NEW}/search/search_index.json").is_file() and (site / f"{NEW}/sitemap.xml").is_file()
    report = parse(site, "translation-status.html")
    assert [section.attributes["data-report-language"] for section in report.css("[data-report-language]")] == [*TRANSLATION_LANGUAGES, NEW]
    new = report.css_first(f"[data-report-language='{NEW}'] progress")
    assert 0 < int(new.attributes["value"]) < int(new.attributes["max"])

    # The note's copy in the new language (no translation yet) is the original: no edit button, the report link.
    note = parse(site, f"{NEW}/note.html")
    assert note.css("a[rel=edit]") == []
    assert note.css_first("a[data-report-problem]").attributes["href"].endswith("/issues/new?template=original-note.yml")
    # No glossary term is in the new language yet: the glossary pages show a column for each
    # language some term is written in (and the definition), none for the new one.
    terms = yaml.safe_load((project / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
    with_terms = {code for term in terms for code in term if code != "id"}
    assert NEW not in with_terms
    for url in ("glossary.html", *(f"{code}/glossary.html" for code in TRANSLATION_LANGUAGES)):
        header = [text_of(cell, strip=True) for cell in parse(site, url).css("article thead th")]
        assert len(header) == len(with_terms) + 1, (url, header)


def _statuses_before() -> dict[str, str]:
    from bilingual_site.translation.freshness import ProjectStatus

    return {item.language: item.status for item in ProjectStatus(PROJECT_LANGUAGES).all_statuses() if item.page == "about.md"}


PROJECT_LANGUAGES_STATUS = _statuses_before()
