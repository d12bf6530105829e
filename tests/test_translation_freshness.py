"""Readers see translation freshness: end to end on a copy of the site, and on the real build."""

from __future__ import annotations

import re

import pytest

from bilingual_site.translation.cli import main
from html_pages import soup_content_wrapper as content_wrapper, soup_parse as parse
from sitebuild import DEFAULT_LANGUAGE, PROJECT, PROJECT_LANGUAGES, TRANSLATION_LANGUAGES, build_site, copy_project, folder_prefix, repin_original

from bilingual_site.translation.freshness import ProjectStatus
from bilingual_site.site.locale_data import language_name

SITE_URL = "https://example.org/docs/"
FRENCH_SENTENCE = "Voici un aperçu basé sur les informations disponibles :"
ENGLISH_SENTENCE = "Here is an overview based on the available information:"


def tool(capsys, project, *arguments) -> tuple[int, str]:
    code = main([*arguments, "--project", str(project)])
    return code, capsys.readouterr().out


def edit(path, before: str, after: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(before) == 1, f"{before!r} not found once in {path}"
    path.write_text(text.replace(before, after), encoding="utf-8")


def outdated_lines(status_output: str) -> list[str]:
    return [line for line in status_output.splitlines() if " outdated" in line]


def test_real_site_translations_are_current_with_their_date(site):
    for page in sorted((PROJECT / "docs/en").glob("*.md")):
        soup = parse(site, f"en/{page.stem}.html")
        assert content_wrapper(soup)["data-translation-status"] == "current", page.name
        provenance = soup.select_one(".translation-provenance")
        assert provenance is not None, page.name
        assert re.fullmatch(r"Translated from the French original; up to date as of \d{1,2} [A-Z][a-z]+ 20\d\d\.", " ".join(provenance.text.split()))
        assert provenance.select_one("a")["href"] == f"../{page.stem}.html"
        assert soup.select("[data-translation-outdated]") == []
    assert parse(site, "note.html").select_one(".translation-provenance") is None  # the original says nothing


def test_edit_button_of_an_english_page_opens_the_english_file(site):
    # Not the note: the original has no edit button (test_original_and_translation.py, the report link).
    for language, prefix in (("en", "en/"), ("fr", "")):
        button = parse(site, f"{prefix}about.html").select_one("a.md-content__button[href*='/edit/']")
        assert button["href"].endswith(f"/edit/main/docs/{language}/about.md")


@pytest.mark.parametrize("prefix, heading, progress", [("", "Anglais", "Sections à jour\u00a0: {total} sur {total}"), ("en/", "English", "{total} of {total} sections up to date")])
def test_translation_status_page_in_both_languages(site, prefix, heading, progress):
    soup = parse(site, f"{prefix}translation-status.html")
    report = soup.select_one("[data-report-language='en']")
    assert report.select_one("h2").text.strip() == heading
    bar = report.select_one("progress")
    assert bar["value"] == bar["max"]  # every section of every page is current
    assert progress.format(total=bar["max"]) in report.text
    rows = {row["data-page"]: row["data-page-status"] for row in report.select("tr[data-page]")}
    assert rows == {page.name: "current" for page in (PROJECT / "docs/fr").glob("*.md")}


@pytest.mark.languages
@pytest.mark.parametrize("reader", (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES))
def test_every_status_page_has_a_section_per_translation_with_the_tools_statuses(site, reader):
    statuses = ProjectStatus(PROJECT_LANGUAGES).all_statuses()
    soup = parse(site, f"{folder_prefix(reader)}translation-status.html")
    sections = soup.select("[data-report-language]")
    assert [section["data-report-language"] for section in sections] == list(TRANSLATION_LANGUAGES)
    for section in sections:
        language = section["data-report-language"]
        # Named in the reader's language, from CLDR.
        assert section.select_one("h2").text.strip().lower() == language_name(language, reader).lower()
        rows = {row["data-page"]: row["data-page-status"] for row in section.select("tr[data-page]")}
        assert rows == {status.page: status.status for status in statuses if status.language == language}
        bar = section.select_one("progress")
        if set(rows.values()) == {"untranslated"}:
            assert bar["value"] == "0"


def test_one_changed_sentence_end_to_end(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    note = project / "docs/fr/note.md"

    # 1. The original changes: status names exactly that section of exactly that page.
    edit(note, FRENCH_SENTENCE, "Voici un aperçu fondé sur les informations publiques disponibles :")
    code, out = tool(capsys, project, "status")
    assert code == 1
    assert outdated_lines(out) == ["en    note.md                          outdated  changed: vllm-usage"]

    # 2. The build shows the banner and marks that one heading, and only it (the change is deliberate: pinned).
    repin_original(project)
    site = build_site(project, tmp_path / "site", SITE_URL)
    soup = parse(site, "en/note.html")
    assert content_wrapper(soup)["data-translation-status"] == "outdated"
    marked = soup.select("[data-translation-outdated]")
    assert [(element.name, element.get("id")) for element in marked] == [("h2", "vllm-usage")]
    banner = soup.select_one(".site-notice--outdated")
    assert [link["href"] for link in banner.select("a")] == ["../note.html#vllm-usage"]
    assert "Use of vLLM by AI providers" in banner.text and "changed in the original" in banner.text
    assert soup.select_one(".translation-provenance") is None
    assert parse(site, "en/about.html").select_one(".site-notice--outdated") is None
    status_page = parse(site, "en/translation-status.html")
    assert status_page.select_one("tr[data-page='note.md']")["data-page-status"] == "outdated"
    assert int(status_page.select_one("progress")["value"]) == int(status_page.select_one("progress")["max"]) - 1

    # 3. The translation catches up and is recorded: current again.
    edit(project / "docs/en/note.md", ENGLISH_SENTENCE, "Here is an overview drawn from the publicly available information:")
    assert tool(capsys, project, "record", "note.md", "--date", "2026-11-26")[0] == 0
    code, out = tool(capsys, project, "status")
    # Nothing outdated; status still has something to do if a language has untranslated pages.
    assert (code, outdated_lines(out)) == (1 if " untranslated" in out else 0, [])
    site = build_site(project, tmp_path / "site-after", SITE_URL)
    soup = parse(site, "en/note.html")
    assert content_wrapper(soup)["data-translation-status"] == "current"
    assert soup.select_one(".translation-provenance time")["datetime"] == "2026-11-26"

    # 4. A cosmetic edit of the original, declared as such, flags nothing.
    edit(note, "varie. Voici", "varie.  Voici")  # whitespace only: the fingerprint ignores nothing but blank edges
    edit(note, "forks ou des configurations", "forks, ou des configurations")
    assert outdated_lines(tool(capsys, project, "status")[1]) == ["en    note.md                          outdated  changed: vllm-usage"]
    assert tool(capsys, project, "cosmetic", "note.md", "vllm-usage")[0] == 0
    assert tool(capsys, project, "status")[0] == 0
    repin_original(project)
    site = build_site(project, tmp_path / "site-cosmetic", SITE_URL)
    assert content_wrapper(parse(site, "en/note.html"))["data-translation-status"] == "current"


def test_a_bad_record_stops_the_build_with_file_and_line(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    project = copy_project(tmp_path / "project")
    lock = project / "translations/en.yml"
    lock.write_text(lock.read_text(encoding="utf-8").replace("recorded: 20", "recorded: x20", 1), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", SITE_URL)
    assert "translations/en.yml:5: page 'about.md': 'recorded' must be a date (YYYY-MM-DD)" in caplog.text
