"""A new language in one command (`translations new-language`), and what the build says of a language
entry that lacks something: the file, the line and the keys, never a traceback."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from mkdocs.exceptions import Abort
from mkdocs.utils import yaml_load
from mkdocs.utils.meta import get_data

from bilingual_site.translation.language_entries import entry_problems, languages_list, nav_label_problems
from bilingual_site.site.locale_data import default_og_locale
from bilingual_site.translation.new_language import NewLanguageRefused, language_tag, with_codeowners_entry, with_issue_form_choice, yaml_scalar
from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.translation.cli import main
from html_pages import built_pages, content_wrapper, parse, text_of
from sitebuild import DEFAULT_LANGUAGE, PROJECT, PROJECT_LANGUAGES, build_site, copy_project

pytestmark = pytest.mark.languages

# Two languages the project does not declare yet (the third-language check has added `es`).
NEW_LANGUAGES = [(code, name) for code, name in (("es", "Español"), ("pt-BR", "Português"), ("de", "Deutsch"), ("it", "Italiano"))
                 if code not in PROJECT_LANGUAGES.languages][:2]

# --- The command's parts -----------------------------------------------------------------------


@pytest.mark.parametrize(("given", "canonical"), [("es", "es"), ("pt-br", "pt-BR"), ("ZH-hant", "zh-Hant"), ("sr-Latn-RS", "sr-Latn-RS")])
def test_a_language_tag_is_written_as_bcp_47_writes_it(given, canonical):
    assert language_tag(given, ("fr", "en")) == canonical


@pytest.mark.parametrize(("given", "reason"), [
    ("xx", "'xx' is not a language tag CLDR knows"),
    ("spanish", "not a language tag the site can use"),
    ("es_ES", "not a language tag the site can use"),  # BCP 47 joins with '-'
    ("fra", "not a language tag the site can use"),  # three letters: the i18n plugin refuses them
    ("EN", "'en' is already declared"),
    ("iw", "an old code for 'he'"),
])
def test_a_code_that_is_no_language_or_is_taken_is_refused(given, reason):
    with pytest.raises(NewLanguageRefused, match=reason):
        language_tag(given, ("fr", "en"))


@pytest.mark.parametrize("value", ["Note", "yes", "no", "Claim check:", "{title}: side by side", "50 %", "# not a comment", ": ", "null", "'quoted'", "Español"])
def test_a_value_is_written_so_yaml_reads_it_back(value):
    assert yaml.safe_load(f"key: {yaml_scalar(value)}  # TODO: translate") == {"key": value}


def test_open_graph_locales_default_to_cldrs_likely_region():
    assert [default_og_locale(code) for code in ("es", "pt-BR", "de", "fr", "zh-Hant")] == ["es_ES", "pt_BR", "de_DE", "fr_FR", "zh_TW"]


def test_the_issue_forms_get_a_choice_where_they_list_languages():
    form = (PROJECT / ".github/ISSUE_TEMPLATE/translation-request.yml").read_text(encoding="utf-8")
    declared = load_project(PROJECT / "mkdocs.yml").languages
    code, name = NEW_LANGUAGES[0]
    updated = with_issue_form_choice(form, "form.yml", code, name, declared)
    dropdowns = [item for item in yaml.safe_load(updated)["body"] if item["type"] == "dropdown" and item["id"] == "language"]
    before = [item for item in yaml.safe_load(form)["body"] if item["type"] == "dropdown" and item["id"] == "language"][0]["attributes"]["options"]
    options = dropdowns[0]["attributes"]["options"]
    assert f"{name} ({code})" in options and len(options) == len(before) + 1
    assert options[-1] == before[-1]  # "Another language" stays last
    assert updated.replace(f"        - {name} ({code})\n", "") == form  # one line added, nothing else changed
    assert with_issue_form_choice(updated, "form.yml", code, name, declared + (code,)) is None  # once only
    error_form = (PROJECT / ".github/ISSUE_TEMPLATE/translation-error.yml").read_text(encoding="utf-8")
    assert with_issue_form_choice(error_form, "form.yml", code, name, declared) is None  # it lists no language


def test_codeowners_gets_the_languages_folder_and_record_aligned():
    owners = (PROJECT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    updated = with_codeowners_entry(owners, "pt-BR", "en")
    added = [line for line in updated.split("\n") if line not in owners.split("\n")]
    assert added[-2:] == [
        "/docs/pt-BR/              @vllm-adoption/portuguese-brazil-translators",
        "/translations/pt-BR.yml   @vllm-adoption/portuguese-brazil-translators",
    ]
    assert with_codeowners_entry("# nobody owns anything\n", "es", "en") is None


# --- The command on a copy of the site, then the build ------------------------------------------


def project_copy(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(PROJECT / ".github", project / ".github")
    return project


def test_two_new_languages_build_with_every_page_untranslated(tmp_path, capsys):
    project = project_copy(tmp_path)
    before = load_project(project / "mkdocs.yml")
    original_config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert len(NEW_LANGUAGES) == 2
    new_codes = tuple(code for code, _ in NEW_LANGUAGES)
    for code, name in NEW_LANGUAGES:
        assert main(["new-language", code, "--name", name, "--project", str(project)]) == 0
        assert f"declared '{code}'" in capsys.readouterr().out
        assert (project / f"docs/{code}/.gitkeep").is_file()
        assert (project / ".github/ISSUE_TEMPLATE/translation-request.yml").read_text(encoding="utf-8").count(f"{name} ({code})") == 1
        assert f"/translations/{code}.yml" in (project / ".github/CODEOWNERS").read_text(encoding="utf-8")
    after = load_project(project / "mkdocs.yml")
    assert after.languages == before.languages + new_codes
    assert all(after.typography[code] == "neutral" for code in new_codes)
    # What was there is kept as it was written, comments included: the entries are added after it.
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    kept_until = languages_list(original_config, "mkdocs.yml").last_line
    original_lines, new_lines = original_config.split("\n"), config_text.split("\n")
    after_list = len(original_lines) - kept_until
    assert new_lines[:kept_until] == original_lines[:kept_until]
    assert new_lines[-after_list:] == original_lines[-after_list:]
    # The interface strings are the template's, each marked to translate; the rest is the new language's own.
    entries = {entry["locale"]: entry for entry in next(item["i18n"] for item in yaml_load(config_text)["plugins"] if isinstance(item, dict) and "i18n" in item)["languages"]}
    template = "en" if "en" in before.languages else before.translation_languages[0]
    for code in new_codes:
        assert entries[code]["extra"]["ui"] == entries[template]["extra"]["ui"]
        assert entries[code]["nav_translations"] == entries[template]["nav_translations"]
        assert entries[code]["extra"]["og_locale"] == default_og_locale(code)
    ui_line = languages_list(config_text, "mkdocs.yml").of(new_codes[0]).line_of("extra", "ui", "editorial_label")
    assert config_text.split("\n")[ui_line - 1].endswith("# TODO: translate")
    # Each record is empty, as the tool writes it.
    assert main(["status", "--project", str(project), "--json"]) == 1
    statuses = json.loads(capsys.readouterr().out)
    for code in new_codes:
        assert {item["status"] for item in statuses if item["language"] == code} == {"untranslated"}
    # A second time, or a code that is no language: refused, nothing changed.
    config_now = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert main(["new-language", new_codes[0], "--name", "X", "--project", str(project)]) == 2
    assert f"'{new_codes[0]}' is already declared" in capsys.readouterr().err
    assert main(["new-language", "xx-QQ", "--name", "X", "--project", str(project)]) == 2
    assert "not a language tag CLDR knows" in capsys.readouterr().err
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config_now

    site = build_site(project, tmp_path / "site", "https://example.org/")
    originals = [url for url in built_pages(site) if "/" not in url]
    assert originals
    toc_entries = fallback_titles = 0
    for code in new_codes:
        for url in originals:
            page = parse(site, f"{code}/{url}")
            # Material writes its own strings' language: 'pt' for pt-BR (partials/languages/pt-BR.html).
            assert page.css_first("html").attributes["lang"].split("-")[0] == code.split("-")[0]
            assert content_wrapper(page).attributes["data-translation-status"] == "untranslated", f"{code}/{url}"
            # The table of contents repeats the original's headings: each says its language.
            for link in page.css("nav.md-nav--secondary a.md-nav__link"):
                tagged = link.css("[lang]")
                assert [node.attributes["lang"] for node in tagged] == [DEFAULT_LANGUAGE], f"{code}/{url}: {link.html}"
                assert text_of(tagged[0], strip=True) == text_of(link, strip=True)
            toc_entries += len(page.css("nav.md-nav--secondary a.md-nav__link"))
            # The header shows the original's own title (front matter); navigation entries show the
            # labels the new entry's nav_translations give (the template's, to translate).
            header = page.css_first('[data-md-component="header-topic"] .md-ellipsis')
            original = (project / "docs" / DEFAULT_LANGUAGE / url.removesuffix(".html")).with_suffix(".md")
            if header is not None and get_data(original.read_text(encoding="utf-8"))[1].get("title"):
                assert header.attributes.get("lang") == DEFAULT_LANGUAGE, f"{code}/{url}"
                fallback_titles += 1
            # (The page's table of contents, which Material repeats in the navigation, is its headings.)
            entries = [link for link in page.css(".md-nav--primary .md-nav__link") if not (link.attributes.get("href") or "").startswith("#")]
            assert [link.html for link in entries if link.css_first("[lang]") is not None] == [], f"{code}/{url}"
            assert "lang" not in page.css_first(".md-header__topic .md-ellipsis").attributes  # the site's name
        assert toc_entries, "no fallback page has a table of contents to check"
        assert fallback_titles, "no fallback page has a front matter title to check"
        index = json.loads((site / code / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] in ([code.split("-")[0]], ["en"])  # one Material's search ships (pt for pt-BR), else English
        assert (site / code / "sitemap.xml").is_file()
        assert f"https://example.org/{code}/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    report = parse(site, "translation-status.html")
    assert [section.attributes["data-report-language"] for section in report.css("[data-report-language]")] == list(after.translation_languages)
    # The glossary has a column per language with terms: none for the new ones.
    header = [text_of(cell) for cell in parse(site, "glossary.html").css("table thead th")]
    with_terms = {key for term in yaml.safe_load((project / "data/glossary.yml").read_text(encoding="utf-8"))["terms"] for key in term if key != "id"}
    assert len(header) == len(with_terms) + 1 and not with_terms & set(new_codes)


# --- What the build says of an incomplete entry ------------------------------------------------


def add_entry(project, entry: str) -> None:
    """Append ``entry`` (text at the languages list's columns) after the last language."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    last = languages_list(text, "mkdocs.yml").last_line
    lines = text.split("\n")
    config.write_text("\n".join(lines[:last] + entry.rstrip("\n").split("\n") + lines[last:]), encoding="utf-8")


def build_error(project, tmp_path, caplog) -> str:
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert "Traceback" not in caplog.text
    return caplog.text


def test_a_minimal_entry_names_what_is_missing(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    add_entry(project, "        - locale: de\n          name: Deutsch\n          build: true\n")
    line = languages_list((project / "mkdocs.yml").read_text(encoding="utf-8"), "mkdocs.yml").of("de").line
    assert f"mkdocs.yml:{line}: language 'de': missing interface strings: extra.ui" in build_error(project, tmp_path, caplog)


def test_missing_and_unknown_interface_strings_are_named_with_their_lines(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    english = languages_list(text, "mkdocs.yml").of(load_project(config).translation_languages[0])
    lines = text.split("\n")
    # Drop one string and one of a group; misspell another.
    dropped = {english.line_of("extra", "ui", "parallel_link"), english.line_of("extra", "ui", "status_labels", "partly")}
    misspelt = english.line_of("extra", "ui", "permalink_title")
    lines[misspelt - 1] = lines[misspelt - 1].replace("permalink_title", "permalink_titel")
    config.write_text("\n".join(line for number, line in enumerate(lines, 1) if number not in dropped), encoding="utf-8")
    ui_line = english.line_of("extra", "ui")
    log = build_error(project, tmp_path, caplog)
    assert f"mkdocs.yml:{ui_line}: language '{english.locale}': missing interface strings: status_labels.partly, permalink_title, parallel_link" in log
    assert f"mkdocs.yml:{misspelt - 1}: language '{english.locale}': unknown interface strings: permalink_titel" in log


def test_the_build_and_the_tool_refuse_an_unknown_typography_alike(tmp_path, caplog, capsys):
    project = copy_project(tmp_path / "project")
    add_entry(project, "        - locale: de\n          name: Deutsch\n          extra:\n            typography: german\n")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    line = languages_list(text, "mkdocs.yml").of("de").line_of("extra", "typography")
    message = f"mkdocs.yml:{line}: language 'de': unknown typography 'german' (known: french, english, neutral; leave it out for 'neutral', no rule)"
    assert main(["typography", "--project", str(project)]) == 2
    assert capsys.readouterr().err == f"error: {message}\n"
    assert message in build_error(project, tmp_path, caplog)


def test_entry_problems_check_shapes_and_leave_defaults_alone():
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    entries = next(item["i18n"] for item in yaml_load(text)["plugins"] if isinstance(item, dict) and "i18n" in item)["languages"]
    listed = languages_list(text, "mkdocs.yml")
    assert entry_problems(entries, listed, "mkdocs.yml") == []  # the real site is complete
    default = next(entry for entry in entries if entry.get("default"))
    other = dict(next(entry for entry in entries if not entry.get("default")))
    ui = json.loads(json.dumps(default["extra"]["ui"]))
    group = next(key for key, value in ui.items() if isinstance(value, dict))
    text_key = next(key for key, value in ui.items() if isinstance(value, str))
    ui[group], ui[text_key] = "flat", {"nested": "x"}
    other["extra"] = {"ui": ui, "cldr_locale": "xx_QQ", "og_locale": ""}  # og_locale and typography may be left out, not empty
    problems = "\n".join(entry_problems([default, other], listed, "mkdocs.yml"))
    assert f"interface string {group} must be a group of strings" in problems
    assert f"interface string {text_key} must be a string" in problems
    assert "extra.cldr_locale: 'xx_QQ' is not a language tag CLDR knows" in problems
    assert "extra.og_locale is empty" in problems
    without_optional = dict(other, extra={"ui": default["extra"]["ui"]})
    assert entry_problems([default, without_optional], listed, "mkdocs.yml") == []


def test_a_nav_label_that_is_not_plain_text_is_named_with_its_line(tmp_path, caplog):
    # Material prints nav: labels as they are, in every page's navigation.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + '  - "Brouillon <img src=x>": about.md\n', encoding="utf-8")
    line = len(config.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    assert f"mkdocs.yml:{line}: the nav: label 'Brouillon <img src=x>' is not plain text: '<' is markup" in build_error(project, tmp_path, caplog)


def test_nav_labels_are_read_at_every_level():
    text = 'nav:\n  - Accueil: index.md\n  - Section:\n      - "A & B": a.md\n      - "C &amp; D": c.md\n'
    assert nav_label_problems(text, "mkdocs.yml") == [
        "mkdocs.yml:5: the nav: label 'C &amp; D' is not plain text: '&' followed by a letter, digit or '#' is a character reference "
        "(the browser decodes it); write the character itself"
    ]
