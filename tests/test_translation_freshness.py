"""Readers see translation freshness: end to end on a copy of the site, and on the real build."""

from __future__ import annotations

import re

import pytest

from bilingual_site.translation.cli import main
from html_pages import content_wrapper, parse, select, select_one, text_of
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
        document = parse(site, f"en/{page.stem}.html")
        assert content_wrapper(document).attributes["data-translation-status"] == "current", page.name
        provenance = document.css_first(".translation-provenance")
        assert provenance is not None, page.name
        assert re.fullmatch(r"Translated from the French original; up to date as of \d{1,2} [A-Z][a-z]+ 20\d\d\.", " ".join(text_of(provenance).split()))
        assert select_one(provenance, "a").attributes["href"] == f"../{page.stem}.html"
        assert document.css("[data-translation-outdated]") == []
    assert parse(site, "note.html").css_first(".translation-provenance") is None  # the original says nothing


def test_edit_button_of_an_english_page_opens_the_english_file(site):
    # Not the note: the original has no edit button (test_original_and_translation.py, the report link).
    for language, prefix in (("en", "en/"), ("fr", "")):
        button = parse(site, f"{prefix}about.html").css_first("a.md-content__button[href*='/edit/']")
        assert button.attributes["href"].endswith(f"/edit/main/docs/{language}/about.md")


@pytest.mark.parametrize("prefix, heading, progress", [("", "Anglais", "Sections à jour\u00a0: {total} sur {total}"), ("en/", "English", "{total} of {total} sections up to date")])
def test_translation_status_page_in_both_languages(site, prefix, heading, progress):
    report = parse(site, f"{prefix}translation-status.html").css_first("[data-report-language='en']")
    assert text_of(select_one(report, "h2")).strip() == heading
    bar = select_one(report, "progress")
    assert bar.attributes["value"] == bar.attributes["max"]  # every section of every page is current
    assert progress.format(total=bar.attributes["max"]) in text_of(report)
    rows = {row.attributes["data-page"]: row.attributes["data-page-status"] for row in select(report, "tr[data-page]")}
    assert rows == {page.name: "current" for page in (PROJECT / "docs/fr").glob("*.md")}


@pytest.mark.languages
@pytest.mark.parametrize("reader", (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES))
def test_every_status_page_has_a_section_per_translation_with_the_tools_statuses(site, reader):
    statuses = ProjectStatus(PROJECT_LANGUAGES).all_statuses()
    sections = parse(site, f"{folder_prefix(reader)}translation-status.html").css("[data-report-language]")
    assert [section.attributes["data-report-language"] for section in sections] == list(TRANSLATION_LANGUAGES)
    for section in sections:
        language = section.attributes["data-report-language"]
        # Named in the reader's language, from CLDR.
        assert text_of(select_one(section, "h2")).strip().lower() == language_name(language, reader).lower()
        rows = {row.attributes["data-page"]: row.attributes["data-page-status"] for row in select(section, "tr[data-page]")}
        assert rows == {status.page: status.status for status in statuses if status.language == language}
        bar = select_one(section, "progress")
        if set(rows.values()) == {"untranslated"}:
            assert bar.attributes["value"] == "0"


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
    document = parse(site, "en/note.html")
    assert content_wrapper(document).attributes["data-translation-status"] == "outdated"
    marked = document.css("[data-translation-outdated]")
    assert [(element.tag, element.attributes.get("id")) for element in marked] == [("h2", "vllm-usage")]
    banner = document.css_first(".site-notice--outdated")
    assert [link.attributes["href"] for link in select(banner, "a")] == ["../note.html#vllm-usage"]
    assert "Use of vLLM by AI providers" in text_of(banner) and "changed in the original" in text_of(banner)
    assert document.css_first(".translation-provenance") is None
    assert parse(site, "en/about.html").css_first(".site-notice--outdated") is None
    status_page = parse(site, "en/translation-status.html")
    assert status_page.css_first("tr[data-page='note.md']").attributes["data-page-status"] == "outdated"
    assert int(status_page.css_first("progress").attributes["value"]) == int(status_page.css_first("progress").attributes["max"]) - 1

    # 3. The translation catches up and is recorded: current again.
    edit(project / "docs/en/note.md", ENGLISH_SENTENCE, "Here is an overview drawn from the publicly available information:")
    assert tool(capsys, project, "record", "note.md", "--date", "2026-11-26")[0] == 0
    code, out = tool(capsys, project, "status")
    # Nothing outdated; status still has something to do if a language has untranslated pages.
    assert (code, outdated_lines(out)) == (1 if " untranslated" in out else 0, [])
    site = build_site(project, tmp_path / "site-after", SITE_URL)
    document = parse(site, "en/note.html")
    assert content_wrapper(document).attributes["data-translation-status"] == "current"
    assert document.css_first(".translation-provenance time").attributes["datetime"] == "2026-11-26"

    # 4. A cosmetic edit of the original, declared as such, flags nothing.
    edit(note, "varie. Voici", "varie.  Voici")  # whitespace only: the fingerprint ignores nothing but blank edges
    edit(note, "forks ou des configurations", "forks, ou des configurations")
    assert outdated_lines(tool(capsys, project, "status")[1]) == ["en    note.md                          outdated  changed: vllm-usage"]
    assert tool(capsys, project, "cosmetic", "note.md", "vllm-usage")[0] == 0
    assert tool(capsys, project, "status")[0] == 0
    repin_original(project)
    site = build_site(project, tmp_path / "site-cosmetic", SITE_URL)
    assert content_wrapper(parse(site, "en/note.html")).attributes["data-translation-status"] == "current"


def test_a_bad_record_stops_the_build_with_file_and_line(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    project = copy_project(tmp_path / "project")
    lock = project / "translations/en.yml"
    lock.write_text(lock.read_text(encoding="utf-8").replace("recorded: 20", "recorded: x20", 1), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", SITE_URL)
    assert "translations/en.yml:5: page 'about.md': 'recorded' must be a date (YYYY-MM-DD)" in caplog.text


def test_a_translation_previewed_alone_keeps_its_status_and_notices_with_no_link_to_the_unbuilt_original(tmp_path, monkeypatch):
    # BUILD_ONLY_LOCALE (./tasks.sh serve-en): the i18n plugin takes the previewed language as its
    # default and builds no original; the translator still sees what the site will say.
    language = TRANSLATION_LANGUAGES[0]
    monkeypatch.setenv("BUILD_ONLY_LOCALE", language)
    project = copy_project(tmp_path / "project")
    edit(project / f"docs/{DEFAULT_LANGUAGE}/note.md", FRENCH_SENTENCE, "Voici un aperçu fondé sur les informations publiques disponibles :")
    repin_original(project)
    site = build_site(project, tmp_path / "site", SITE_URL)
    note = parse(site, "note.html")  # the previewed language is at the root
    assert content_wrapper(note).attributes["data-translation-status"] == "outdated"
    assert [(element.tag, element.attributes.get("id")) for element in note.css("[data-translation-outdated]")] == [("h2", "vllm-usage")]
    banner = note.css_first(".site-notice--outdated")
    assert [item.attributes["data-outdated-section"] for item in select(banner, "li")] == ["vllm-usage"]
    assert select(banner, "a") == []  # the original is not built: named, not linked
    provenance = parse(site, "about.html").css_first(".translation-provenance")
    assert content_wrapper(parse(site, "about.html")).attributes["data-translation-status"] == "current"
    assert provenance is not None and select(provenance, "a") == [] and "original" in text_of(provenance)
