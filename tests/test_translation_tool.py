"""The translation tool's subcommands on tiny project trees: output, JSON and exit codes."""

from __future__ import annotations

import dataclasses
import datetime
import json

import pytest

from mkdocs.commands.build import build
from mkdocs.config import load_config

from sitebuild import PROJECT
from translation_trees import write_tree

from bilingual_site.translation.freshness import ProjectStatus
from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.translation.cli import main

ORIGINAL = """\
---
title: Page
---

# Titre {#top}

Une phrase d'introduction.

## Détails {#details}

Le moteur d'inférence sert les modèles.
"""

TRANSLATION = """\
---
title: Page
---

# Title {#top}

An introductory sentence.

## Details {#details}

The inference engine serves the models.
"""


@pytest.fixture
def project(tmp_path):
    return write_tree(tmp_path, {
        "docs/fr/page.md": ORIGINAL,
        "docs/fr/draft.md": "# Brouillon {#draft}\n\nPas encore traduit.\n",
        "docs/en/page.md": TRANSLATION,
        "docs/en/gone.md": "# Gone {#gone}\n\nIts original was deleted.\n",
    })


def run(capsys, *arguments) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def edit(path, before: str, after: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after), encoding="utf-8")


def test_status_lists_every_page_in_every_language(project, capsys):
    assert run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")[0] == 0
    code, out, _ = run(capsys, "status", "--project", str(project))
    assert code == 1  # an untranslated page and an orphan are left to do
    assert out.splitlines() == [
        "fr    draft.md                         original",
        "fr    page.md                          original",
        "en    draft.md                         untranslated",
        "en    page.md                          current",
        "en    gone.md                          orphan",
        "en: 2 of 3 sections current (66%)",
    ]


def test_status_of_a_page_never_recorded_lists_every_section_as_added(project, capsys):
    code, out, _ = run(capsys, "status", "--project", str(project))
    assert code == 1
    assert "en    page.md                          outdated  added: top, details  (never recorded: run `record en/page.md` once translated)" in out


def test_a_changed_sentence_makes_exactly_its_section_outdated(project, capsys):
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "docs/fr/page.md", "sert les modèles", "sert les grands modèles")
    code, out, _ = run(capsys, "--json" if False else "status", "--project", str(project), "--json")
    assert code == 1
    page = next(item for item in json.loads(out) if item["language"] == "en" and item["page"] == "page.md")
    assert page["status"] == "outdated"
    assert page["recorded"] == "2026-11-20"
    assert page["changes"] == [{"id": "details", "kind": "changed", "title": "Détails", "line": 9}]

    code, out, _ = run(capsys, "diff", "page.md", "--project", str(project))
    assert code == 1
    assert out == (
        "## en: changed section 'details' (recorded 2026-11-20)\n"
        "original:    docs/fr/page.md:9-11\n"
        "translation: docs/en/page.md:9-11 (edit these lines)\n"
        "  11  Le moteur d'inférence sert les {+grands+} modèles.\n"
    )


def test_added_and_removed_sections(project, capsys):
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "docs/fr/page.md", "## Détails {#details}", "## Précisions {#more}")
    code, out, _ = run(capsys, "status", "--project", str(project))
    assert "en    page.md                          outdated  added: more; removed: details" in out


def test_record_refuses_a_translation_whose_structure_differs(project, capsys):
    edit(project / "docs/en/page.md", "## Details {#details}", "### Details {#details}")
    code, out, _ = run(capsys, "record", "page.md", "--project", str(project))
    assert code == 1
    assert out.splitlines() == [
        "heading 'details': level 2 in docs/fr/page.md:9, level 3 in docs/en/page.md:9",
        "not recorded: the structure of en/page.md differs from its original (fix it, then record)",
    ]
    assert not (project / "translations/en.yml").exists()


def test_record_then_current_and_the_lock_keeps_the_original_text(project, capsys):
    code, out, _ = run(capsys, "record", "docs/en/page.md", "--project", str(project), "--date", "2026-11-20")
    assert (code, out) == (0, "recorded en/page.md as up to date on 2026-11-20 (2 sections)\n")
    lock = (project / "translations/en.yml").read_text(encoding="utf-8")
    assert "recorded: 2026-11-20" in lock
    assert "Le moteur d'inférence sert les modèles." in lock
    assert run(capsys, "diff", "page.md", "--project", str(project))[:2] == (0, "page.md: no change in the original since translation\n")


def test_a_cosmetic_edit_is_accepted_and_flags_nothing(project, capsys):
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "docs/fr/page.md", "Une phrase d'introduction.", "Une phrase d’introduction.")
    assert run(capsys, "status", "--project", str(project))[1].count("outdated") == 1
    code, out, _ = run(capsys, "cosmetic", "page.md", "--project", str(project))
    assert code == 0
    assert out == "en/page.md: section 'top' marked cosmetic ('d'introduction.' -> 'd’introduction.')\n"
    assert "outdated" not in run(capsys, "status", "--project", str(project))[1]
    assert "recorded: 2026-11-20" in (project / "translations/en.yml").read_text(encoding="utf-8")


def test_a_real_change_is_refused_as_cosmetic(project, capsys):
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "docs/fr/page.md", "Le moteur d'inférence sert les modèles.", "Ce paragraphe dit maintenant tout autre chose, sur un autre sujet.")
    code, out, _ = run(capsys, "cosmetic", "page.md", "--project", str(project))
    assert code == 1
    assert out == (
        "en/page.md: section 'details' is not a cosmetic edit (11 words changed, more than 3: "
        "'Le moteur d'inférence sert les modèles.' -> 'Ce paragraphe dit maintenant tout autre chose, sur un autre sujet.'; --force to insist)\n"
    )
    assert "outdated  changed: details" in run(capsys, "status", "--project", str(project))[1]


def test_bad_input_exits_2_with_file_and_line(project, capsys):
    assert run(capsys, "diff", "nowhere.md", "--project", str(project))[0] == 2
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "translations/en.yml", "recorded: 2026-11-20", "recorded: soon")
    code, _, err = run(capsys, "status", "--project", str(project))
    assert code == 2
    assert err == "error: translations/en.yml:5: page 'page.md': 'recorded' must be a date (YYYY-MM-DD)\n"


def test_a_hand_edited_record_is_refused(project, capsys):
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "translations/en.yml", "sert les modèles", "sert des modèles")
    code, _, err = run(capsys, "status", "--project", str(project))
    assert code == 2
    assert "page 'page.md', section 'details': the fingerprint does not match the recorded source" in err


def test_glossary_lint(project, capsys):
    edit(project / "docs/en/page.md", "The inference engine serves the models.", "The inference server serves the open-source models.")
    code, out, _ = run(capsys, "glossary", "--project", str(project))
    assert code == 1
    assert out.splitlines() == [
        "docs/en/page.md:9: section 'details' does not use 'inference engine' where docs/fr/page.md:9 uses 'moteur d'inférence' (term 'inference-engine')",
        "docs/en/page.md:11: 'open-source model' is a term to avoid; the glossary prefers 'open-weight model' (term 'open-weight-model')",
    ]
    edit(project / "docs/en/page.md", "The inference server serves the open-source models.", "The inference engines serve the open-weight models.")
    assert run(capsys, "glossary", "--project", str(project))[:2] == (0, "every translation follows the glossary\n")


def test_a_third_language_is_one_more_entry(tmp_path, capsys):
    root = write_tree(tmp_path, {
        "docs/fr/page.md": ORIGINAL, "docs/en/page.md": TRANSLATION,
        "docs/de/page.md": ORIGINAL.replace("Titre", "Titel").replace("Une phrase d'introduction.", "Ein einleitender Satz."),
    }, languages=("fr", "en", "de"))
    assert run(capsys, "record", "en/page.md", "de/page.md", "--project", str(root), "--date", "2026-11-20")[0] == 0
    assert sorted(path.name for path in (root / "translations").iterdir()) == ["de.yml", "en.yml"]
    out = run(capsys, "status", "--project", str(root))[1]
    assert "de    page.md                          current" in out
    assert "de: 2 of 2 sections current (100%)" in out


def test_record_takes_several_pages_and_records_those_whose_structure_matches(project, capsys):
    (project / "docs/en/draft.md").write_text("# Draft {#draft}\n\n## Extra {#extra}\n", encoding="utf-8")
    code, out, _ = run(capsys, "record", "page.md", "draft.md", "--project", str(project), "--date", "2026-11-20")
    assert code == 1
    assert out.splitlines() == [
        "recorded en/page.md as up to date on 2026-11-20 (2 sections)",
        "heading 'extra': missing in docs/fr/draft.md, in docs/en/draft.md:3",
        "not recorded: the structure of en/draft.md differs from its original (fix it, then record)",
    ]
    lock = (project / "translations/en.yml").read_text(encoding="utf-8")
    assert "page.md:" in lock and "draft.md:" not in lock


def test_a_changed_number_is_never_cosmetic(project, capsys):
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "docs/fr/page.md", "Une phrase d'introduction.", "Une phrase d'introduction de 2 lignes.")
    edit(project / "docs/fr/page.md", "de 2 lignes.", "de 3 lignes.")
    code, out, _ = run(capsys, "cosmetic", "page.md", "top", "--project", str(project))
    assert code == 1
    assert "section 'top' is not a cosmetic edit (a number changed: " in out
    assert run(capsys, "cosmetic", "page.md", "top", "--force", "--project", str(project))[0] == 0


def test_commands_on_a_page_without_translation_or_original_say_what_to_do(project, capsys):
    code, _, err = run(capsys, "record", "draft.md", "--project", str(project))
    assert code == 2
    assert err == "error: docs/fr/draft.md: is not translated yet (docs/en/draft.md does not exist): translate it first\n"
    code, _, err = run(capsys, "diff", "gone.md", "--project", str(project))
    assert code == 2
    assert err == "error: gone.md: docs/en/gone.md has no original docs/fr/gone.md: create the original, or rename or delete the translation\n"
    assert run(capsys, "diff", "page", "--project", str(project))[2] == "error: page: no such page; did you mean page.md?\n"


def test_typography_reports_spaces_of_the_wrong_kind_and_spares_the_original(tmp_path, capsys):
    root = write_tree(tmp_path, {
        "docs/fr/page.md": "# Titre {#top}\n\nUne question ? Voir [la note](note.md) : « ceci », 50\u00a0%.\n",
        "docs/fr/note.md": "---\ngenerated: true\n---\n\n# Note {#note}\n\nTexte d'origine : tel quel.\n",
        "docs/en/page.md": "# Title {#top}\n\nA question ? At 10:30, see https://example.org/a?b=1: fine.\n",
    }, typography={"fr": "french", "en": "english"})
    code, out, _ = run(capsys, "typography", "--project", str(root))
    assert code == 1
    assert out.splitlines() == [
        "docs/en/page.md:3: no space goes before '?' in English",
        "docs/fr/page.md:3: a non-breaking space (U+00A0), not a space, goes before '?'",
        "docs/fr/page.md:3: a non-breaking space (U+00A0), not a space, goes before ':'",
        "docs/fr/page.md:3: a non-breaking space (U+00A0), not a space, goes before '»'",
        "docs/fr/page.md:3: a non-breaking space (U+00A0), not a space, goes after '«'",
        "(served as written, only the front matter the project added is checked: docs/fr/note.md)",
    ]
    (root / "docs/fr/page.md").write_text("# Titre {#top}\n\nUne question\u00a0? «\u00a0ceci\u00a0».\n", encoding="utf-8")
    (root / "docs/en/page.md").write_text("# Title {#top}\n\nA question? Yes.\n", encoding="utf-8")
    assert run(capsys, "typography", "--project", str(root))[0] == 0


def test_an_unknown_typography_is_bad_input(tmp_path, capsys):
    root = write_tree(tmp_path, {"docs/fr/page.md": "# Titre {#top}\n"}, typography={"fr": "klingon"})
    code, _, err = run(capsys, "typography", "--project", str(root))
    # The same words as the build's (typography.convention_problem), with the line of the value.
    assert (code, err) == (2, "error: mkdocs.yml:9: language 'fr': unknown typography 'klingon' (known: french, english, neutral; leave it out for 'neutral', no rule)\n")


def test_the_build_sees_the_project_as_the_tool_reads_it(tmp_path):
    """The build takes languages, typography and folders from MkDocs' configuration, the tool from mkdocs.yml."""
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), site_url="https://example.org/")
    build(config)
    seen_by_build = config.plugins["bilingual_site"].run.translation.project
    read_by_tool = load_project(PROJECT / "mkdocs.yml")
    # The same Markdown extensions; the build's toc also carries the page language's permalink
    # title (set by the plugin per language), which changes nothing the Markdown model reads.
    assert seen_by_build.markdown.extensions == read_by_tool.markdown.extensions
    assert dataclasses.replace(seen_by_build, markdown=read_by_tool.markdown) == read_by_tool
    assert set(seen_by_build.typography) == set(seen_by_build.languages)  # every language has a convention, `neutral` by default


def test_statuses_from_pages_listed_by_the_caller_are_the_ones_listed_from_disk(project, capsys):
    # The build hands over the pages it listed already (the plugin's run.pages_by_folder).
    assert run(capsys, "record", "page.md", "--project", str(project))[0] == 0
    (project / "docs/fr/page.md").write_text(ORIGINAL.replace("sert les modèles", "sert tous les modèles", 1), encoding="utf-8")
    tool = load_project(project / "mkdocs.yml")
    listed = {"fr": frozenset({"page.md", "draft.md"}), "en": frozenset({"page.md", "gone.md"})}
    from_disk = ProjectStatus(tool).all_statuses()
    assert ProjectStatus(tool, listed).all_statuses() == from_disk
    only_page = {"fr": frozenset({"page.md"}), "en": frozenset({"page.md"})}
    assert [status.page for status in ProjectStatus(tool, only_page).all_statuses()] == ["page.md", "page.md"]  # the listing is the one handed over
    assert {(status.page, status.language, status.status) for status in from_disk} == {
        ("draft.md", "fr", "original"), ("page.md", "fr", "original"),
        ("draft.md", "en", "untranslated"), ("page.md", "en", "outdated"), ("gone.md", "en", "orphan"),
    }


# --- One language at a time (record, cosmetic) ------------------------------------------------

THREE_LANGUAGES = ("fr", "en", "es")
SPANISH = TRANSLATION.replace("Title", "Título").replace("An introductory sentence.", "Una frase de introducción.").replace(
    "Details", "Detalles").replace("The inference engine serves the models.", "El motor de inferencia sirve los modelos.")


@pytest.fixture
def three_languages(tmp_path):
    return write_tree(tmp_path, {"docs/fr/page.md": ORIGINAL, "docs/en/page.md": TRANSLATION, "docs/es/page.md": SPANISH}, languages=THREE_LANGUAGES)


def page_statuses(capsys, root) -> dict[str, str]:
    out = run(capsys, "status", "--project", str(root), "--json")[1]
    return {item["language"]: item["status"] for item in json.loads(out) if item["page"] == "page.md"}


def test_record_never_marks_an_untouched_language_current(three_languages, capsys):
    """The French page changes, English is updated, Spanish is not: Spanish must stay outdated."""
    root = three_languages
    assert run(capsys, "record", "en/page.md", "es/page.md", "--project", str(root), "--date", "2026-11-20")[0] == 0
    edit(root / "docs/fr/page.md", "sert les modèles", "sert les grands modèles")
    edit(root / "docs/en/page.md", "serves the models", "serves the large models")
    locks_before = {name: (root / "translations" / name).read_text(encoding="utf-8") for name in ("en.yml", "es.yml")}

    code, out, err = run(capsys, "record", "page.md", "--project", str(root), "--date", "2026-11-21")
    assert (code, out) == (2, "")
    assert err == (
        "error: page.md: which translation? This project has several (en, es): `record en/page.md` or "
        "`record page.md --language en`, for the languages whose translation you brought up to date\n"
    )
    assert {name: (root / "translations" / name).read_text(encoding="utf-8") for name in locks_before} == locks_before
    assert page_statuses(capsys, root) == {"fr": "original", "en": "outdated", "es": "outdated"}

    assert run(capsys, "record", "en/page.md", "--project", str(root), "--date", "2026-11-21")[:2] == (
        0, "recorded en/page.md as up to date on 2026-11-21 (2 sections)\n",
    )
    assert page_statuses(capsys, root) == {"fr": "original", "en": "current", "es": "outdated"}
    assert (root / "translations/es.yml").read_text(encoding="utf-8") == locks_before["es.yml"]
    # --language names the language as well as the path does.
    assert run(capsys, "record", "page.md", "--language", "es", "--project", str(root), "--date", "2026-11-21")[0] == 0
    assert page_statuses(capsys, root)["es"] == "current"


def test_cosmetic_acts_on_one_language_too(three_languages, capsys):
    root = three_languages
    run(capsys, "record", "en/page.md", "es/page.md", "--project", str(root), "--date", "2026-11-20")
    edit(root / "docs/fr/page.md", "Une phrase d'introduction.", "Une phrase d’introduction.")
    code, _, err = run(capsys, "cosmetic", "page.md", "--project", str(root))
    assert code == 2 and "which translation? This project has several (en, es): `cosmetic en/page.md`" in err
    assert run(capsys, "cosmetic", "docs/en/page.md", "--project", str(root))[:2] == (
        0, "en/page.md: section 'top' marked cosmetic ('d'introduction.' -> 'd’introduction.')\n",
    )
    assert page_statuses(capsys, root) == {"fr": "original", "en": "current", "es": "outdated"}


def test_a_language_named_twice_must_agree(three_languages, capsys):
    code, _, err = run(capsys, "record", "en/page.md", "--language", "es", "--project", str(three_languages))
    assert (code, err) == (2, "error: en/page.md: names the language 'en', --language names 'es': give one\n")
    assert not (three_languages / "translations").exists()


# --- diff: the changed words, and the lines to edit -------------------------------------------

TABLE_ORIGINAL = """\
# Titre {#top}

## Tableau {#table}

| Fournisseur | Détails |
|---|---|
| DeepSeek | DeepSeek a utilisé une version précoce de vLLM comme base de son moteur interne, puis a publié ses optimisations en 2025 dans les projets existants. |
| MiniMax | Recommande vLLM. |
"""

TABLE_TRANSLATION = """\
# Title {#top}

Some words the original does not have before the table.

## Table {#table}

| Provider | Details |
|---|---|
| DeepSeek | DeepSeek used an early version of vLLM as the base of its internal engine, then published its optimizations in 2025 in existing projects. |
| MiniMax | Recommends vLLM. |
"""


def test_diff_marks_the_changed_words_of_a_long_row_and_names_the_lines_to_edit(tmp_path, capsys):
    root = write_tree(tmp_path, {"docs/fr/page.md": TABLE_ORIGINAL, "docs/en/page.md": TABLE_TRANSLATION})
    run(capsys, "record", "page.md", "--project", str(root), "--date", "2026-11-20")
    edit(root / "docs/fr/page.md", "puis a publié ses", "puis a rendu publiques ses")
    edit(root / "docs/fr/page.md", "Recommande vLLM.", "Recommande vLLM et SGLang.")
    code, out, _ = run(capsys, "diff", "page.md", "--project", str(root))
    assert code == 1
    assert out == (
        "## en: changed section 'table' (recorded 2026-11-20)\n"
        "original:    docs/fr/page.md:3-8\n"
        "translation: docs/en/page.md:5-10 (edit these lines)\n"
        "  7  … moteur interne, puis a [-publié-]{+rendu publiques+} ses optimisations en 2025 dans les projets existants. |\n"
        "  8  | MiniMax | Recommande [-vLLM.-]{+vLLM et SGLang.+} |\n"
    )
    data = json.loads(run(capsys, "diff", "page.md", "--project", str(root), "--json")[1])
    assert [(item["original"], item["translation"]) for item in data] == [("docs/fr/page.md:3-8", "docs/en/page.md:5-10 (edit these lines)")]


def test_diff_says_where_a_new_section_goes_and_which_lines_a_removed_one_had(project, capsys):
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "docs/fr/page.md", "## Détails {#details}", "## Précisions {#more}")
    code, out, _ = run(capsys, "diff", "page.md", "--project", str(project))
    assert code == 1
    assert out == (
        "## en: added section 'more' (recorded 2026-11-20)\n"
        "original:    docs/fr/page.md:9-11\n"
        "translation: docs/en/page.md: no section 'more' yet; add it after line 7 (the end of section 'top')\n"
        "   9  {+## Précisions {#more}+}\n"
        "  11  {+Le moteur d'inférence sert les modèles.+}\n"
        "\n"
        "## en: removed section 'details' (recorded 2026-11-20)\n"
        "original:    docs/fr/page.md (no longer there)\n"
        "translation: docs/en/page.md:9-11 (delete these lines)\n"
        "    [-## Détails {#details}-]\n"
        "    [-Le moteur d'inférence sert les modèles.-]\n"
    )


# --- check: broken front matter, claims ---------------------------------------------------------


def test_check_on_broken_front_matter_says_so_in_one_line(project, capsys):
    edit(project / "docs/en/page.md", "title: Page", "title: [Page")
    code, out, err = run(capsys, "check", "--project", str(project))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("error: docs/en/page.md:2: malformed front matter: ")
    # Unclosed: the page would be published with its front matter as text.
    (project / "docs/en/page.md").write_text("---\ntitle: Page\n\n# Title {#top}\n", encoding="utf-8")
    assert run(capsys, "check", "--project", str(project))[::2] == (2, "error: docs/en/page.md:1: front matter is not closed by a '---' line\n")


# --- --format github --------------------------------------------------------------------------


def test_check_glossary_and_typography_annotate_the_lines_for_github(tmp_path, capsys):
    root = write_tree(tmp_path, {
        "docs/fr/page.md": ORIGINAL,
        "docs/en/page.md": TRANSLATION.replace("## Details {#details}", "### Details {#details}").replace(
            "The inference engine serves the models.", "The inference engine serves the open source models, fine ?"),
    }, typography={"en": "english"})
    code, out, _ = run(capsys, "check", "--project", str(root), "--format", "github")
    assert (code, out) == (
        1, "::error file=docs/en/page.md,line=9,title=Translation structure::heading 'details': level 2 in docs/fr/page.md:9, level 3 in docs/en/page.md:9\n",
    )
    code, out, _ = run(capsys, "glossary", "--project", str(root), "--format", "github")
    assert (code, out) == (
        1, "::warning file=docs/en/page.md,line=11,title=Glossary::'open-source model' is a term to avoid; "
        "the glossary prefers 'open-weight model' (term 'open-weight-model')\n",
    )
    code, out, _ = run(capsys, "typography", "--project", str(root), "--format", "github")
    assert (code, out) == (1, "::warning file=docs/en/page.md,line=11,title=Typography::no space goes before '?' in English\n")
    # Bad input is an annotation too, on the file and line, escaped like every message.
    edit(root / "docs/en/page.md", "title: Page", "title: [Page")
    code, out, _ = run(capsys, "check", "--project", str(root), "--format", "github")
    assert code == 2
    assert out.startswith("::error file=docs/en/page.md,line=2,title=Bad input::malformed front matter: ") and out.count("\n") == 1


def test_status_for_github_is_a_short_summary_of_what_is_left_to_do(project, capsys):
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "docs/fr/page.md", "sert les modèles", "sert les grands modèles")
    code, out, _ = run(capsys, "status", "--project", str(project), "--format", "github")
    assert (code, out.splitlines()) == (1, [
        "en: 1 of 3 sections current (33%)",
        "  untranslated  draft.md",
        "  outdated      page.md  changed: details",
        "  orphan        gone.md",
    ])
    edit(project / "docs/fr/page.md", "sert les grands modèles", "sert les modèles")
    (project / "docs/en/gone.md").unlink()
    (project / "docs/fr/draft.md").unlink()
    assert run(capsys, "status", "--project", str(project), "--format", "github")[:2] == (
        0, "en: 2 of 2 sections current (100%)\nevery translated page is current\n",
    )


# --- glossary: spelling variants ----------------------------------------------------------------


@pytest.mark.parametrize("written", [
    "open source models", "open-source models", "opensource model", "Open Source Models", "OPEN-SOURCE MODEL", "open  source models",
])
def test_an_avoided_term_is_found_however_it_is_spelt(project, capsys, written):
    edit(project / "docs/en/page.md", "The inference engine serves the models.", f"The inference engine serves the {written}.")
    code, out, _ = run(capsys, "glossary", "--project", str(project))
    assert code == 1
    assert "is a term to avoid; the glossary prefers 'open-weight model' (term 'open-weight-model')" in out


def test_a_plural_verb_of_a_hyphenated_term_is_not_taken_for_it(project, capsys):
    edit(project / "docs/en/page.md", "The inference engine serves the models.", "The inference engine open-sources model weights.")
    assert run(capsys, "glossary", "--project", str(project))[:2] == (0, "every translation follows the glossary\n")


# --- recorded dates -----------------------------------------------------------------------------


def test_a_recorded_date_still_to_come_is_refused(project, capsys):
    code, _, err = run(capsys, "record", "page.md", "--project", str(project), "--date", "2999-01-01")
    assert (code, err) == (2, "error: --date: 2999-01-01 is still to come: a translation is recorded on the day it was brought up to date\n")
    assert not (project / "translations/en.yml").exists()
    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "translations/en.yml", "recorded: 2026-11-20", "recorded: 2999-01-01")
    code, _, err = run(capsys, "status", "--project", str(project))
    assert (code, err) == (
        2, "error: translations/en.yml:5: page 'page.md': 'recorded' is 2999-01-01, a date still to come; re-record the page instead of editing this file\n",
    )


def test_today_is_not_to_come_but_three_days_ahead_is(project, capsys):
    # A machine east of Greenwich may be a day ahead of another: the limit is the latest date on Earth.
    today = datetime.date.today()
    assert run(capsys, "record", "page.md", "--project", str(project), "--date", today.isoformat())[0] == 0
    assert run(capsys, "status", "--project", str(project))[0] == 1  # read without error: an untranslated page is left to do
    assert run(capsys, "record", "page.md", "--project", str(project), "--date", (today + datetime.timedelta(days=3)).isoformat())[0] == 2


# --- typography: what the project wrote --------------------------------------------------------


def test_typography_checks_front_matter_text_and_only_the_description_of_an_original_served_as_written(tmp_path, capsys):
    root = write_tree(tmp_path, {
        "docs/fr/page.md": "---\ntitle: \"Une page : la première\"\ndescription: Une question ?\n---\n\n# Titre {#top}\n",
        "docs/fr/note.md": (
            "---\ngenerated: true\ntitle: \"Titre d'origine : tel quel\"\ndescription: Ajoutée par le projet ?\n---\n\n"
            "# Note {#note}\n\nTexte d'origine : tel quel.\n"
        ),
    }, typography={"fr": "french"})
    code, out, _ = run(capsys, "typography", "--project", str(root))
    assert code == 1
    assert out.splitlines() == [
        "docs/fr/note.md:4: a non-breaking space (U+00A0), not a space, goes before '?'",
        "docs/fr/page.md:2: a non-breaking space (U+00A0), not a space, goes before ':'",
        "docs/fr/page.md:3: a non-breaking space (U+00A0), not a space, goes before '?'",
        "(served as written, only the front matter the project added is checked: docs/fr/note.md)",
    ]


def test_diff_on_a_terminal_marks_words_in_colour(project, capsys):
    from bilingual_site.translation.cli import diff

    run(capsys, "record", "page.md", "--project", str(project), "--date", "2026-11-20")
    edit(project / "docs/fr/page.md", "sert les modèles", "sert les grands modèles")
    text = diff(load_project(project / "mkdocs.yml"), "page.md", ["en"], colour=True).text
    assert text.endswith("  11  Le moteur d'inférence sert les \x1b[32mgrands\x1b[0m modèles.")
    assert run(capsys, "diff", "page.md", "--project", str(project))[1].endswith("{+grands+} modèles.\n")  # captured: not a terminal
